// missive: DOCX letters to structured JSON.
//
//   missive convert FILE|DIR|- ... [-o OUT] [--format json|jsonl] [--changes accept|reject]
//   missive schema
//
// Exit status: 0 when every input converted, 1 when any input gave an error
// record, 2 for a usage error.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <system_error>
#include <vector>

#include "cli/convert.h"
#include "emit/emit.h"

namespace fs = std::filesystem;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitInputErrors = 1;
constexpr int kExitUsage = 2;

struct Input {
  std::string path;      // as given or as found while walking a folder
  std::string relative;  // the name to mirror under -o: relative to the folder given
};

bool IsConvertible(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".docx" || ext == ".docm" || ext == ".dotx" || ext == ".dotm" || ext == ".txt";
}

// Walks `root` for convertible files in a stable (sorted) order. Symbolic
// links to folders are not followed, so a link loop cannot trap the walk.
void WalkFolder(const fs::path& root, std::vector<Input>& inputs) {
  std::vector<fs::path> found;
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code type_ec;
    if (it->is_regular_file(type_ec) && IsConvertible(it->path())) found.push_back(it->path());
  }
  if (ec) std::cerr << "missive: warning: while walking " << root.string() << ": " << ec.message() << "\n";
  std::sort(found.begin(), found.end());
  for (const fs::path& path : found) {
    inputs.push_back({path.string(), fs::relative(path, root, ec).string()});
  }
}

void AddInput(const std::string& arg, std::vector<Input>& inputs) {
  std::error_code ec;
  if (fs::is_directory(arg, ec)) {
    WalkFolder(arg, inputs);
  } else {
    // Missing files are kept: they become "io" error records, so nothing
    // given on the command line is silently dropped.
    inputs.push_back({arg, fs::path(arg).filename().string()});
  }
}

// Writes `content` to `path` through a temporary file and a rename, so a
// killed run never leaves a half-written record behind.
bool WriteFileAtomically(const fs::path& path, const std::string& content) {
  std::error_code ec;
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
  const fs::path temporary = path.string() + ".tmp." + std::to_string(getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) return false;
    out << content;
    if (!out.flush()) return false;
  }
  fs::rename(temporary, path, ec);
  if (ec) fs::remove(temporary, ec);
  return !ec;
}

int RunConvert(const std::vector<std::string>& args, const std::string& output,
               const std::string& format, const std::string& changes) {
  std::vector<Input> inputs;
  for (const std::string& arg : args) {
    if (arg == "-") {
      std::string line;
      while (std::getline(std::cin, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty()) AddInput(line, inputs);
      }
    } else {
      AddInput(arg, inputs);
    }
  }
  if (inputs.empty()) {
    std::cerr << "missive: no .docx or .txt files found in the inputs given\n";
    return kExitInputErrors;
  }

  missive::ConvertOptions options;
  options.extract.accept_changes = changes != "reject";
  const bool jsonl = format == "jsonl";

  std::ofstream jsonl_file;
  std::ostream* stream = &std::cout;
  if (jsonl && !output.empty()) {
    std::error_code ec;
    fs::path out_path(output);
    if (out_path.has_parent_path()) fs::create_directories(out_path.parent_path(), ec);
    jsonl_file.open(output, std::ios::binary | std::ios::trunc);
    if (!jsonl_file) {
      std::cerr << "missive: cannot write " << output << "\n";
      return kExitUsage;
    }
    stream = &jsonl_file;
  }

  int failures = 0;
  std::set<std::string> written;
  for (const Input& input : inputs) {
    missive::LetterRecord record = missive::ConvertFile(input.path, options);
    if (!record.ok()) {
      ++failures;
      std::cerr << "missive: " << input.path << ": " << missive::ErrorCodeName(record.error->code)
                << ": " << record.error->message << "\n";
    }
    if (jsonl) {
      *stream << missive::EmitJson(record, missive::JsonStyle::kLine) << '\n';
    } else if (!output.empty()) {
      fs::path target = fs::path(output) / (input.relative + ".json");
      if (!written.insert(target.string()).second) {
        std::cerr << "missive: two inputs map to " << target.string() << "; the later one wins\n";
      }
      if (!WriteFileAtomically(target, missive::EmitJson(record) + "\n")) {
        std::cerr << "missive: cannot write " << target.string() << "\n";
        ++failures;
      }
    } else {
      std::cout << missive::EmitJson(record) << '\n';
    }
  }
  stream->flush();
  if (!*stream) {
    std::cerr << "missive: writing the output failed\n";
    return kExitInputErrors;
  }
  return failures == 0 ? kExitOk : kExitInputErrors;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "missive: turns DOCX letters (ITU-T collective letters and circulars) into structured JSON "
      "letter records.",
      "missive"};
  app.set_version_flag("--version", std::string("missive ") + MISSIVE_VERSION + " (schema " +
                                        missive::kSchemaVersion + ")");
  app.require_subcommand(1);

  std::vector<std::string> inputs;
  std::string output;
  std::string format = "json";
  std::string changes = "accept";
  CLI::App* convert = app.add_subcommand(
      "convert",
      "Convert .docx/.txt files to letter records. Folders are walked for .docx and .txt; '-' "
      "reads one path per line from standard input.");
  convert->add_option("inputs", inputs, "Files, folders, or - for paths on stdin")->required();
  convert->add_option("-o,--output", output,
                      "With json: a folder receiving OUT/<name>.json per input. With jsonl: the "
                      "file to write (default: stdout)");
  convert->add_option("--format", format, "json (default, one record per file) or jsonl")
      ->check(CLI::IsMember({"json", "jsonl"}));
  convert->add_option("--changes", changes,
                      "Tracked changes: accept (default, the text as it reads after accepting "
                      "them) or reject (the original text)")
      ->check(CLI::IsMember({"accept", "reject"}));

  app.add_subcommand("schema", "Print the JSON Schema (draft 2020-12) of the letter record");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return e.get_exit_code() == 0 ? code : kExitUsage;
  }

  if (app.got_subcommand("schema")) {
    std::cout << missive::SchemaText();
    return kExitOk;
  }
  return RunConvert(inputs, output, format, changes);
}
