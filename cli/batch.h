// `missive convert`: inputs found by a producer thread (folders walked,
// standard input read line by line as it arrives), converted by N worker
// threads, and written by the calling thread in input order through a
// bounded reorder window, so output is the same whatever the workers' timing
// and memory stays near workers x the largest record.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/convert.h"
#include "cli/inputs.h"

namespace missive::cli {

enum class Format {
  kJson,       // one pretty record per input: OUT/<relative>.json, or stdout
  kJsonLines,  // one record per line
  kEsBulk,     // Elasticsearch/OpenSearch _bulk body: action line, record line
  kIcs,        // one iCalendar file with the dates of every letter
};

struct BatchOptions {
  std::vector<std::string> inputs;  // files, folders, "-" for paths on stdin
  std::string output;               // -o: a folder (kJson) or a file; "" = stdout
  Format format = Format::kJson;
  std::string index;  // es-bulk: "_index" of every action; "" = none
  unsigned workers = 1;
  std::optional<Shard> shard;
  bool force = false;   // convert even when OUT holds a current record
  bool quiet = false;   // no progress and no summary
  std::string report;   // --report; "" = OUT/_report.json with -o OUT (kJson)
  std::string version;  // for the report and the iCalendar PRODID
  ConvertOptions convert;
};

// Runs the whole batch. Returns the exit status: 0 every input converted or
// skipped, 1 some input failed (or the output could not be written), 2 a
// usage error found only now (e.g. -o names a file where a folder is needed).
int RunBatch(const BatchOptions& options);

}  // namespace missive::cli
