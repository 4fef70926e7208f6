// Progress of a batch on standard error: a live bar redrawn in place when
// stderr is a terminal, a plain line every few seconds when it is not (logs,
// CI), nothing with --quiet. Messages (failed inputs, warnings) go through
// Note so they print above the bar instead of through it.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>

namespace missive::cli {

struct Counts {
  std::uint64_t done = 0;    // converted + skipped + failed
  std::uint64_t total = 0;   // inputs found so far (in this shard)
  bool total_known = false;  // every input has been found
  std::uint64_t failed = 0;
};

class Progress {
 public:
  enum class Mode { kOff, kBar, kLines };

  Progress(Mode mode, std::chrono::steady_clock::duration line_interval);

  // A whole line of text on stderr; thread-safe.
  void Note(std::string_view line);
  // Redraws the bar (at most every 100 ms) or prints a line (every
  // line_interval); thread-safe.
  void Update(const Counts& counts);
  // Clears the bar, before the summary.
  void Finish();

  double Seconds() const;
  static std::string Rate(std::uint64_t done, double seconds);  // "105.3 files/s"

 private:
  std::string BarLine(const Counts& counts, double seconds) const;
  void Erase();  // the bar, if drawn; mutex held

  const Mode mode_;
  const std::chrono::steady_clock::duration line_interval_;
  const std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_{};
  std::mutex mutex_;
  std::string bar_;               // what is drawn now
  bool bar_knows_total_ = false;  // whether bar_ shows the final input count
};

}  // namespace missive::cli
