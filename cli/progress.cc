#include "cli/progress.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdio>

namespace missive::cli {
namespace {

std::string Duration(double seconds) {
  const auto total = static_cast<long long>(seconds + 0.5);
  char buffer[32];
  if (total >= 3600) {
    std::snprintf(buffer, sizeof buffer, "%lld:%02lld:%02lld", total / 3600, total / 60 % 60,
                  total % 60);
  } else {
    std::snprintf(buffer, sizeof buffer, "%lld:%02lld", total / 60, total % 60);
  }
  return buffer;
}

std::string Eta(const Counts& counts, double seconds) {
  if (!counts.total_known || counts.done == 0 || counts.done >= counts.total) return "";
  const double left =
      seconds / static_cast<double>(counts.done) * static_cast<double>(counts.total - counts.done);
  return Duration(left);
}

int TerminalWidth() {
  winsize size{};
  if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col >= 20) return size.ws_col;
  return 80;
}

void Write(std::string_view text) {
  std::fwrite(text.data(), 1, text.size(), stderr);
  std::fflush(stderr);
}

}  // namespace

Progress::Progress(Mode mode, std::chrono::steady_clock::duration line_interval)
    : mode_(mode), line_interval_(line_interval), start_(std::chrono::steady_clock::now()) {
  last_ = start_;
}

double Progress::Seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

std::string Progress::Rate(std::uint64_t done, double seconds) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%.1f files/s",
                seconds > 0 ? static_cast<double>(done) / seconds : 0.0);
  return buffer;
}

void Progress::Erase() {
  if (!bar_.empty()) Write("\r\x1b[K");
}

void Progress::Note(std::string_view line) {
  std::lock_guard<std::mutex> lock(mutex_);
  Erase();
  Write(std::string(line) + "\n");
  if (!bar_.empty()) Write(bar_);
}

std::string Progress::BarLine(const Counts& counts, double seconds) const {
  // Built by appends: GCC 12 warns falsely (-Wrestrict) on "literal" + string.
  std::string text = " ";
  text.append(std::to_string(counts.done)).append("/").append(std::to_string(counts.total));
  if (!counts.total_known) text += '+';
  if (counts.total_known && counts.total > 0) {
    text.append(" ").append(std::to_string(counts.done * 100 / counts.total)).append("%");
  }
  text.append("  ").append(Rate(counts.done, seconds));
  const std::string eta = Eta(counts, seconds);
  text.append("  ETA ").append(eta.empty() ? std::string("-") : eta);
  text.append("  errors ").append(std::to_string(counts.failed));
  // The bar takes what the terminal has left, so the line never wraps.
  const int room = TerminalWidth() - 1 - static_cast<int>(text.size()) - 2;
  if (room < 10) return text.substr(1, static_cast<std::size_t>(TerminalWidth() - 1));
  const int width = room > 40 ? 40 : room;
  int filled = 0;
  if (counts.total_known && counts.total > 0) {
    filled = static_cast<int>(static_cast<double>(width) * static_cast<double>(counts.done) /
                              static_cast<double>(counts.total));
  }
  std::string line = "[";
  line.append(static_cast<std::size_t>(filled), '#')
      .append(static_cast<std::size_t>(width - filled), '.')
      .append("]")
      .append(text);
  return line;
}

void Progress::Update(const Counts& counts) {
  if (mode_ == Mode::kOff) return;
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard<std::mutex> lock(mutex_);
  const double seconds = std::chrono::duration<double>(now - start_).count();
  if (mode_ == Mode::kBar) {
    // At most ten redraws a second, but at once when the input count
    // becomes known: a batch may finish within the first tenth of a second.
    if (!bar_.empty() && now - last_ < std::chrono::milliseconds(100) &&
        counts.total_known == bar_knows_total_) {
      return;
    }
    last_ = now;
    bar_knows_total_ = counts.total_known;
    bar_ = BarLine(counts, seconds);
    Write("\r" + bar_ + "\x1b[K");
    return;
  }
  if (now - last_ < line_interval_) return;
  last_ = now;
  std::string line = "missive: " + std::to_string(counts.done) + "/" +
                     std::to_string(counts.total) + (counts.total_known ? "" : "+") + " done";
  if (counts.total_known && counts.total > 0) {
    line += " (" + std::to_string(counts.done * 100 / counts.total) + "%)";
  }
  line += ", " + Rate(counts.done, seconds);
  const std::string eta = Eta(counts, seconds);
  if (!eta.empty()) line += ", ETA " + eta;
  line += ", " + std::to_string(counts.failed) + " errors\n";
  Write(line);
}

void Progress::Finish() {
  std::lock_guard<std::mutex> lock(mutex_);
  Erase();
  bar_.clear();
}

}  // namespace missive::cli
