// The inputs of a batch: folders walked, the name each input is mirrored
// under in -o, and the shard it falls in.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace missive::cli {

struct Input {
  std::string path;      // opened, and reported as source.path
  std::string relative;  // written as OUT/<relative>.json; hashed for --shard
};

// .docx, .docm, .dotx, .dotm and .txt, in any letter case.
bool IsConvertible(std::string_view file_name);

// FNV-1a, 64 bits: the shard hash. Fixed forever, so every machine and every
// run puts a path in the same shard.
std::uint64_t Fnv1a64(std::string_view text);

struct Shard {
  std::uint64_t index = 0;
  std::uint64_t count = 1;
  bool Contains(std::string_view relative) const { return Fnv1a64(relative) % count == index; }
};

// "K/N" with 0 <= K < N; nullopt for anything else.
std::optional<Shard> ParseShard(std::string_view text);

// The name a path read from standard input is mirrored under: the path as
// given, lexically normalised, without its root and without "." and ".."
// parts, so OUT/<name>.json always lands inside OUT.
std::string MirrorName(std::string_view path);

// Calls `found` for every convertible file under `root`, depth first with the
// entries of each folder in name order (the order of sorting all the paths),
// as soon as it is found. Links to folders are not followed and no folder is
// entered twice, so link loops and bind-mount loops cannot trap the walk. A
// folder that cannot be read is reported to `failed` and the walk goes on.
void WalkFolder(const std::string& root, const std::function<void(Input)>& found,
                const std::function<void(const std::string&)>& failed);

}  // namespace missive::cli
