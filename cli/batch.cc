#include "cli/batch.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <utility>

#include "cli/ics.h"
#include "cli/output_file.h"
#include "cli/progress.h"
#include "emit/emit.h"

namespace missive::cli {
namespace {

namespace fs = std::filesystem;

// Inputs found but not yet taken by a worker: bounds what the producer holds
// when it runs ahead (a huge folder, a fast stdin).
constexpr std::size_t kQueueCapacity = 1024;

struct Job {
  std::uint64_t seq = 0;
  Input input;
  // An earlier input written to the same OUT file: this one waits until that
  // one is done, so the later input wins whatever the timing.
  std::optional<std::uint64_t> after;
};

enum class Status { kConverted, kSkipped, kFailed };

struct Outcome {
  Status status = Status::kConverted;
  std::string path;
  std::string id;
  std::optional<Error> error;
  std::string payload;  // what the ordered stream receives; "" with -o OUT (json)
};

struct Failure {
  std::string path, code, message;
};

std::string FormatName(Format format) {
  switch (format) {
    case Format::kJson:
      return "json";
    case Format::kJsonLines:
      return "jsonl";
    case Format::kEsBulk:
      return "es-bulk";
    case Format::kIcs:
      return "ics";
  }
  return "json";
}

// True when `target` holds an "ok" record of this schema version for bytes
// with this sha256: resume skips the input. The record is parsed whole, so a
// damaged file is converted again. Error records are always retried, so the
// exit status and the report keep naming every input that fails.
bool RecordIsCurrent(const std::string& target, const std::string& sha256) {
  std::ifstream in(target, std::ios::binary);
  if (!in) return false;
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const nlohmann::json record = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!record.is_object()) return false;
  auto is = [](const nlohmann::json& object, const char* key, std::string_view expected) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() && it->get_ref<const std::string&>() == expected;
  };
  const auto source = record.find("source");
  return is(record, "schema_version", kSchemaVersion) && is(record, "status", "ok") &&
         source != record.end() && source->is_object() && is(*source, "sha256", sha256);
}

bool IsDirectory(const std::string& path) {
  std::error_code ec;
  return fs::is_directory(path, ec);
}

class Batch {
 public:
  explicit Batch(const BatchOptions& options)
      : options_(options),
        to_folder_(options.format == Format::kJson && !options.output.empty()),
        window_(std::max<std::uint64_t>(8, 4ull * options.workers)),
        interactive_(
            !options.output.empty() || options.inputs.size() > 1 ||
            std::any_of(options.inputs.begin(), options.inputs.end(),
                        [](const std::string& arg) { return arg == "-" || IsDirectory(arg); })),
        progress_(options.quiet || !interactive_ ? Progress::Mode::kOff
                  : ::isatty(STDERR_FILENO)      ? Progress::Mode::kBar
                                                 : Progress::Mode::kLines,
                  std::chrono::seconds(5)) {
    // Two inputs can only meet in one OUT file when they come from more than
    // one argument or from standard input.
    track_targets_ = to_folder_ && (options.inputs.size() > 1 ||
                                    (!options.inputs.empty() && options.inputs[0] == "-"));
  }

  int Run();

 private:
  void Produce();
  void AddPath(const std::string& path, bool from_stdin);
  void Offer(Input input);
  void Work();
  void WriteReady(std::unique_lock<std::mutex>& lock);
  Outcome Process(const Job& job) const;
  void Emit(Outcome& outcome);
  void Write(std::string_view text);
  Counts Snapshot();
  std::string ReportPath() const;
  bool WriteReport(const std::string& path, double seconds);
  void PrintSummary(double seconds, const std::string& report_path);

  const BatchOptions& options_;
  const bool to_folder_;        // -o OUT with --format json: one file per input
  const std::uint64_t window_;  // how far past the next input to write workers may run
  const bool interactive_;      // a batch rather than one file to stdout
  bool track_targets_ = false;
  Progress progress_;

  // Producer, workers and the main thread share these under mutex_.
  std::mutex mutex_;
  std::condition_variable work_cv_;   // jobs, the window moved, or the end
  std::condition_variable space_cv_;  // room in jobs_
  std::condition_variable done_cv_;   // every input found was written
  bool writing_ = false;              // a worker is writing outcomes (WriteReady)
  std::deque<Job> jobs_;
  std::map<std::uint64_t, Outcome> ready_;  // the reorder buffer, at most window_ entries
  bool producing_ = true;
  std::uint64_t produced_ = 0;  // inputs in this shard found so far
  std::uint64_t next_emit_ = 0;

  // Producer only (read by the writer once the producer has been joined).
  std::uint64_t seen_ = 0;  // inputs found before the shard filter
  std::unordered_map<std::uint64_t, std::uint64_t> targets_;  // FNV-1a of relative -> seq
  std::vector<std::string> walk_errors_;

  // Live counters for the progress display.
  std::atomic<std::uint64_t> done_{0}, failed_live_{0};

  // The writing worker only (WriteReady), then the main thread once the
  // workers have been joined.
  std::FILE* stream_ = nullptr;
  StreamFile stream_file_;
  std::uint64_t converted_ = 0, skipped_ = 0, failed_ = 0;
  std::map<std::string, std::uint64_t> errors_by_code_;
  std::vector<Failure> failures_;
  std::set<std::string> ics_ids_;  // the same bytes twice would repeat UIDs
};

void Batch::Produce() {
  for (const std::string& arg : options_.inputs) {
    if (arg == "-") {
      // Line by line as it arrives: work starts before standard input ends.
      std::string line;
      while (std::getline(std::cin, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty()) AddPath(line, /*from_stdin=*/true);
      }
    } else {
      AddPath(arg, /*from_stdin=*/false);
    }
  }
  std::lock_guard<std::mutex> lock(mutex_);
  producing_ = false;
  work_cv_.notify_all();
  done_cv_.notify_all();
}

void Batch::AddPath(const std::string& path, bool from_stdin) {
  if (IsDirectory(path)) {
    WalkFolder(
        path, [this](Input input) { Offer(std::move(input)); },
        [this](const std::string& message) {
          walk_errors_.push_back(message);
          progress_.Note("missive: " + message);
        });
    return;
  }
  // Missing files are kept: they become "io" error records, so nothing given
  // is silently dropped.
  Offer({path, from_stdin ? MirrorName(path) : fs::path(path).filename().string()});
}

void Batch::Offer(Input input) {
  ++seen_;
  if (options_.shard && !options_.shard->Contains(input.relative)) return;
  // Only this thread changes produced_, so reading it unlocked is safe here.
  Job job{produced_, std::move(input), std::nullopt};
  if (track_targets_) {
    auto [it, inserted] = targets_.try_emplace(Fnv1a64(job.input.relative), job.seq);
    if (!inserted) {
      job.after = it->second;
      it->second = job.seq;
      progress_.Note("missive: " + job.input.path + " is written to the same " +
                     (fs::path(options_.output) / (job.input.relative + ".json")).string() +
                     " as an earlier input; the later one wins");
    }
  }
  std::unique_lock<std::mutex> lock(mutex_);
  space_cv_.wait(lock, [this] { return jobs_.size() < kQueueCapacity; });
  jobs_.push_back(std::move(job));
  ++produced_;
  work_cv_.notify_all();
}

void Batch::Work() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    work_cv_.wait(lock, [this] {
      return (!jobs_.empty() && jobs_.front().seq < next_emit_ + window_) ||
             (jobs_.empty() && !producing_);
    });
    if (jobs_.empty()) return;
    Job job = std::move(jobs_.front());
    jobs_.pop_front();
    // The producer, if it waits on a full queue, is woken once the queue is
    // half empty, not at every job taken: that cost two context switches
    // per input in a long batch.
    if (jobs_.size() == kQueueCapacity / 2) space_cv_.notify_one();
    if (job.after) work_cv_.wait(lock, [&] { return next_emit_ > *job.after; });
    lock.unlock();
    Outcome outcome = Process(job);
    ++done_;
    if (outcome.status == Status::kFailed) ++failed_live_;
    lock.lock();
    ready_.emplace(job.seq, std::move(outcome));
    WriteReady(lock);
  }
}

// Outcomes are written in input order by the worker that completes the next
// one, while the others go on converting. No thread hands records to a
// separate writer: with one worker that hand-off (a wake-up and a move to
// another core per file) cost more than the writing itself.
void Batch::WriteReady(std::unique_lock<std::mutex>& lock) {
  // Another worker is writing; it takes this outcome too once it gets there.
  if (writing_) return;
  writing_ = true;
  for (auto next = ready_.begin(); next != ready_.end() && next->first == next_emit_;
       next = ready_.begin()) {
    Outcome outcome = std::move(next->second);
    ready_.erase(next);
    ++next_emit_;
    lock.unlock();
    work_cv_.notify_all();
    Emit(outcome);
    progress_.Update(Snapshot());
    lock.lock();
  }
  writing_ = false;
  if (!producing_ && next_emit_ == produced_) done_cv_.notify_all();
}

Outcome Batch::Process(const Job& job) const {
  Outcome outcome;
  outcome.path = job.input.path;
  // Each worker reads into its own buffer, kept from file to file.
  thread_local std::string input_buffer;
  Result<std::string_view> bytes = ReadInputFile(job.input.path, &input_buffer);
  const std::string target =
      to_folder_ ? (fs::path(options_.output) / (job.input.relative + ".json")).string() : "";
  // Resume: hashing the input is enough to know its record is current. The
  // hash is then the record's id, not computed again.
  std::string sha256;
  if (to_folder_ && !options_.force && bytes.ok()) {
    sha256 = Sha256Hex(*bytes);
    if (RecordIsCurrent(target, sha256)) {
      RemoveStaleTemporary(target);
      outcome.status = Status::kSkipped;
      return outcome;
    }
  }
  LetterRecord record =
      bytes.ok() ? ConvertBytes(*bytes, job.input.path, options_.convert, std::move(sha256))
                 : ReadErrorRecord(bytes.error(), job.input.path);
  // A buffer grown for an unusually large input is not kept.
  constexpr std::size_t kLargestKeptInput = 16 * 1024 * 1024;
  if (input_buffer.capacity() > kLargestKeptInput) std::string().swap(input_buffer);
  outcome.id = record.id;
  outcome.error = record.error;
  switch (options_.format) {
    case Format::kJson:
      if (to_folder_) {
        if (std::optional<std::string> error =
                WriteFileAtomically(target, EmitJson(record) + "\n")) {
          outcome.error = Error{ErrorCode::kIo, *error};
        }
      } else {
        outcome.payload = EmitJson(record) + "\n";
      }
      break;
    case Format::kJsonLines:
      outcome.payload = EmitJson(record, JsonStyle::kLine) + "\n";
      break;
    case Format::kEsBulk: {
      std::string action = "{\"index\":{";
      if (!options_.index.empty()) {
        action += "\"_index\":" + nlohmann::json(options_.index).dump() + ",";
      }
      action += "\"_id\":" + nlohmann::json(record.id).dump() + "}}\n";
      outcome.payload = action + EmitJson(record, JsonStyle::kLine) + "\n";
      break;
    }
    case Format::kIcs:
      outcome.payload = IcsComponents(record);
      break;
  }
  outcome.status = outcome.error ? Status::kFailed : Status::kConverted;
  return outcome;
}

void Batch::Write(std::string_view text) {
  if (stream_ != nullptr) std::fwrite(text.data(), 1, text.size(), stream_);
}

void Batch::Emit(Outcome& outcome) {
  switch (outcome.status) {
    case Status::kConverted:
      ++converted_;
      break;
    case Status::kSkipped:
      ++skipped_;
      break;
    case Status::kFailed: {
      ++failed_;
      const std::string code(ErrorCodeName(outcome.error->code));
      ++errors_by_code_[code];
      progress_.Note("missive: " + outcome.path + ": " + code + ": " + outcome.error->message);
      failures_.push_back({outcome.path, code, outcome.error->message});
      break;
    }
  }
  if (outcome.payload.empty()) return;
  if (options_.format == Format::kIcs && !ics_ids_.insert(outcome.id).second) return;
  Write(outcome.payload);
}

Counts Batch::Snapshot() {
  Counts counts;
  counts.done = done_;
  counts.failed = failed_live_;
  std::lock_guard<std::mutex> lock(mutex_);
  counts.total = produced_;
  counts.total_known = !producing_;
  return counts;
}

std::string Batch::ReportPath() const {
  if (!options_.report.empty()) return options_.report;
  if (!to_folder_) return "";
  // One report per shard, so shards sharing OUT do not overwrite each other's.
  const std::string name = options_.shard
                               ? "_report.shard-" + std::to_string(options_.shard->index) + "-of-" +
                                     std::to_string(options_.shard->count) + ".json"
                               : "_report.json";
  return (fs::path(options_.output) / name).string();
}

bool Batch::WriteReport(const std::string& path, double seconds) {
  nlohmann::ordered_json report;
  report["missive"] = options_.version;
  report["schema_version"] = kSchemaVersion;
  report["inputs"] = options_.inputs;
  report["output"] = options_.output.empty() ? nlohmann::ordered_json(nullptr)
                                             : nlohmann::ordered_json(options_.output);
  report["format"] = FormatName(options_.format);
  report["shard"] = options_.shard
                        ? nlohmann::ordered_json(std::to_string(options_.shard->index) + "/" +
                                                 std::to_string(options_.shard->count))
                        : nlohmann::ordered_json(nullptr);
  report["force"] = options_.force;
  report["total"] = converted_ + skipped_ + failed_;
  report["converted"] = converted_;
  report["skipped"] = skipped_;
  report["failed"] = failed_;
  report["errors_by_code"] = nlohmann::ordered_json::object();
  for (const auto& [code, count] : errors_by_code_) report["errors_by_code"][code] = count;
  report["seconds"] = static_cast<double>(static_cast<long long>(seconds * 1000)) / 1000;
  report["walk_errors"] = walk_errors_;
  report["failures"] = nlohmann::ordered_json::array();
  for (const Failure& failure : failures_) {
    report["failures"].push_back(
        {{"path", failure.path}, {"code", failure.code}, {"message", failure.message}});
  }
  if (std::optional<std::string> error = WriteFileAtomically(path, report.dump(2) + "\n")) {
    std::cerr << "missive: cannot write the report: " << *error << "\n";
    return false;
  }
  return true;
}

void Batch::PrintSummary(double seconds, const std::string& report_path) {
  const std::uint64_t total = converted_ + skipped_ + failed_;
  char time[32];
  std::snprintf(time, sizeof time, "%.1f s", seconds);
  std::string line = "missive: " + std::to_string(total) + " inputs in " + time + " (" +
                     Progress::Rate(total, seconds) + "): " + std::to_string(converted_) +
                     " converted, " + std::to_string(skipped_) + " skipped, " +
                     std::to_string(failed_) + " failed";
  if (!errors_by_code_.empty()) {
    std::string codes;
    for (const auto& [code, count] : errors_by_code_) {
      codes += (codes.empty() ? "" : ", ") + code + " " + std::to_string(count);
    }
    line += " (" + codes + ")";
  }
  if (!walk_errors_.empty()) {
    line += "; " + std::to_string(walk_errors_.size()) + " folders could not be read";
  }
  std::cerr << line << "\n";
  if (!report_path.empty()) std::cerr << "missive: report: " << report_path << "\n";
}

int Batch::Run() {
  std::error_code ec;
  if (to_folder_) {
    if (fs::exists(options_.output, ec) && !IsDirectory(options_.output)) {
      std::cerr << "missive: -o " << options_.output
                << " is a file, but --format json writes one record per input into a folder; "
                   "give a folder, or use --format jsonl\n";
      return 2;
    }
    fs::create_directories(options_.output, ec);
    if (ec) {
      std::cerr << "missive: cannot create " << options_.output << ": " << ec.message() << "\n";
      return 1;
    }
  } else if (!options_.output.empty()) {
    if (IsDirectory(options_.output)) {
      std::cerr << "missive: -o " << options_.output << " is a folder, but --format "
                << FormatName(options_.format) << " writes one file; name a file\n";
      return 2;
    }
    if (std::optional<std::string> error = stream_file_.Open(options_.output)) {
      std::cerr << "missive: " << *error << "\n";
      return 1;
    }
    stream_ = stream_file_.file();
  } else if (!to_folder_) {
    stream_ = stdout;
  }
  // Records are written whole: a buffer of 64 KiB spares most of the system
  // calls a 4 KiB one would make. Set before anything is written; static,
  // since stdout is flushed at exit, and a run writes one stream only.
  static char stream_buffer[64 * 1024];
  if (stream_ != nullptr) std::setvbuf(stream_, stream_buffer, _IOFBF, sizeof stream_buffer);
  if (options_.format == Format::kIcs) Write(IcsBegin(options_.version));

  std::thread producer(&Batch::Produce, this);
  std::vector<std::thread> workers;
  for (unsigned i = 0; i < options_.workers; ++i) workers.emplace_back(&Batch::Work, this);

  // The main thread keeps the progress display and, while the workers
  // convert, lets streaming readers (Hadoop, Spark, a pipe) have what is
  // written so far: a flush at most every 100 ms, not after every record.
  std::unique_lock<std::mutex> lock(mutex_);
  while (!done_cv_.wait_for(lock, std::chrono::milliseconds(100),
                            [this] { return !producing_ && next_emit_ == produced_; })) {
    lock.unlock();
    if (stream_ != nullptr) std::fflush(stream_);
    progress_.Update(Snapshot());
    lock.lock();
  }
  lock.unlock();
  producer.join();
  for (std::thread& worker : workers) worker.join();
  progress_.Update(Snapshot());
  progress_.Finish();
  const double seconds = progress_.Seconds();

  if (options_.format == Format::kIcs) Write(IcsEnd());
  bool output_failed = false;
  if (stream_file_.file() != nullptr) {
    if (std::optional<std::string> error = stream_file_.Commit()) {
      std::cerr << "missive: " << *error << "\n";
      output_failed = true;
    }
  } else if (stream_ != nullptr && (std::fflush(stream_) != 0 || std::ferror(stream_))) {
    std::cerr << "missive: writing the output failed\n";
    output_failed = true;
  }

  const std::string report_path = ReportPath();
  if (!report_path.empty() && !WriteReport(report_path, seconds)) output_failed = true;
  if (interactive_ && !options_.quiet) PrintSummary(seconds, report_path);

  if (seen_ == 0) {
    std::cerr << "missive: no .docx or .txt files found in the inputs given\n";
    return 1;
  }
  if (produced_ == 0 && options_.shard && !options_.quiet) {
    std::cerr << "missive: none of the " << seen_ << " inputs falls in shard "
              << options_.shard->index << "/" << options_.shard->count << "\n";
  }
  return failed_ > 0 || !walk_errors_.empty() || output_failed ? 1 : 0;
}

}  // namespace

int RunBatch(const BatchOptions& options) {
  Batch batch(options);
  return batch.Run();
}

}  // namespace missive::cli
