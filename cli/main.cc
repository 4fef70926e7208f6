// missive: DOCX letters to structured JSON.
//
//   missive convert FILE|DIR|- ... [-o OUT] [--format json|jsonl|es-bulk|ics] [-j N]
//                   [--shard K/N] [--force] [--quiet] [--report FILE] ...
//   missive schema
//
// Exit status: 0 when every input converted, 1 when any input gave an error
// record, 2 for a usage error.
#include <CLI/CLI.hpp>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "cli/batch.h"
#include "emit/emit.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 2;

}  // namespace

int main(int argc, char** argv) {
  // With TZ unset, glibc stats /etc/localtime again on every mktime(), and
  // libzip calls mktime for the date of every zip entry it lists: ten system
  // calls a letter. Naming the default zone file keeps the same zone (missive
  // itself only uses zones it names) and lets glibc read it once.
  if (std::getenv("TZ") == nullptr) ::setenv("TZ", ":/etc/localtime", 0);

  CLI::App app{
      "missive: turns DOCX letters (ITU-T collective letters and circulars) into structured JSON "
      "letter records.",
      "missive"};
  app.set_version_flag("--version", std::string("missive ") + MISSIVE_VERSION + " (schema " +
                                        missive::kSchemaVersion + ")");
  app.require_subcommand(1);

  missive::cli::BatchOptions options;
  options.version = MISSIVE_VERSION;
  std::string format = "json";
  std::string changes = "accept";
  std::string shard;
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  options.workers = cores;
  const missive::ExtractOptions limits;
  std::uint64_t max_inflated_mb = limits.max_inflated_bytes >> 20;

  CLI::App* convert = app.add_subcommand(
      "convert",
      "Convert .docx/.txt files to letter records. Folders are walked for .docx and .txt; '-' "
      "reads one path per line from standard input.");
  convert->add_option("inputs", options.inputs, "Files, folders, or - for paths on stdin")
      ->required();
  convert->add_option("-o,--output", options.output,
                      "With json: a folder receiving OUT/<relative path>.json per input, "
                      "mirroring the input tree. With jsonl, es-bulk, ics: the file to write "
                      "(default: stdout)");
  convert
      ->add_option("--format", format,
                   "json (default, one record per file), jsonl (one record per line, in input "
                   "order), es-bulk (Elasticsearch/OpenSearch _bulk body) or ics (iCalendar)")
      ->check(CLI::IsMember({"json", "jsonl", "es-bulk", "ics"}));
  CLI::Option* index = convert->add_option("--index", options.index,
                                           "With es-bulk: the _index named in every action line");
  convert->add_option("-j,--jobs", options.workers, "Worker threads (default: all cores)")
      ->check(CLI::Range(1u, 1024u))
      ->capture_default_str();
  convert->add_option("--shard", shard,
                      "K/N: convert only the inputs whose path hash (FNV-1a 64 of the relative "
                      "path) modulo N is K, 0 <= K < N");
  convert->add_flag("--force", options.force,
                    "With -o OUT (json): convert every input, even those whose record in OUT is "
                    "current");
  convert->add_flag("-q,--quiet", options.quiet, "No progress and no summary on stderr");
  convert->add_option("--report", options.report,
                      "Write the batch report (counts, errors by code, every failed path) here "
                      "(default with -o OUT and json: OUT/_report.json)");
  convert
      ->add_option("--changes", changes,
                   "Tracked changes: accept (default, the text as it reads after accepting "
                   "them) or reject (the original text)")
      ->check(CLI::IsMember({"accept", "reject"}));
  // Safety limits of the extract stage, per input; exceeding one gives the
  // error code limit-exceeded.
  convert
      ->add_option("--max-inflated-mb", max_inflated_mb,
                   "Memory budget of one package, in MiB: its uncompressed parts plus the "
                   "memory of their parsed XML")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1} << 40))
      ->capture_default_str()
      ->group("Safety limits");
  convert
      ->add_option("--max-compression-ratio", options.convert.extract.max_compression_ratio,
                   "Largest uncompressed/compressed ratio of a part over 1 MiB")
      ->check(CLI::PositiveNumber)
      ->capture_default_str()
      ->group("Safety limits");
  convert
      ->add_option("--max-zip-entries", options.convert.extract.max_zip_entries,
                   "Most entries in one package")
      ->check(CLI::PositiveNumber)
      ->capture_default_str()
      ->group("Safety limits");
  convert
      ->add_option("--max-xml-depth", options.convert.extract.max_xml_depth,
                   "Deepest element nesting in the text read (body, headers, notes)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str()
      ->group("Safety limits");
  convert
      ->add_option("--max-paragraphs", options.convert.extract.max_paragraphs,
                   "Most paragraphs plus table cells in one document")
      ->check(CLI::PositiveNumber)
      ->capture_default_str()
      ->group("Safety limits");

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

  if (format == "jsonl") options.format = missive::cli::Format::kJsonLines;
  if (format == "es-bulk") options.format = missive::cli::Format::kEsBulk;
  if (format == "ics") options.format = missive::cli::Format::kIcs;
  if (index->count() > 0 && options.format != missive::cli::Format::kEsBulk) {
    std::cerr << "missive: --index names the index of es-bulk actions; use it with --format "
                 "es-bulk\n";
    return kExitUsage;
  }
  if (!shard.empty()) {
    options.shard = missive::cli::ParseShard(shard);
    if (!options.shard) {
      std::cerr << "missive: --shard " << shard
                << ": give K/N with 0 <= K < N, e.g. --shard 0/4 ... --shard 3/4\n";
      return kExitUsage;
    }
  }
  options.convert.extract.accept_changes = changes != "reject";
  options.convert.extract.max_inflated_bytes = max_inflated_mb << 20;
  return missive::cli::RunBatch(options);
}
