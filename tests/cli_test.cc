// The command line as users script it: output shapes, files written and exit
// codes (0 all converted, 1 some input failed, 2 usage error).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

const std::string kBinary = MISSIVE_BINARY;
const std::string kSamples = std::string(MISSIVE_SOURCE_DIR) + "/samples";

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout only; stderr goes to a file for inspection
  std::string err;
};

CommandResult Missive(const std::string& args, const std::string& stdin_text = "") {
  static int counter = 0;
  fs::path dir = fs::temp_directory_path() / ("missive_cli_" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::string err_file = (dir / ("err" + std::to_string(counter++))).string();
  std::string command = kBinary + " " + args + " 2>" + err_file;
  if (!stdin_text.empty()) {
    std::string in_file = err_file + ".in";
    std::ofstream(in_file) << stdin_text;
    command += " <" + in_file;
  }
  CommandResult run;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return run;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) run.out.append(buffer.data(), n);
  int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(err_file);
  std::stringstream ss;
  ss << err.rdbuf();
  run.err = ss.str();
  return run;
}

fs::path TempDir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("missive_cli_" + std::to_string(getpid())) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

TEST(Cli, ConvertPrintsOneRecordToStdout) {
  CommandResult run = Missive("convert " + kSamples + "/seed-letter-zh.docx");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  nlohmann::json record = nlohmann::json::parse(run.out);
  EXPECT_EQ(record["status"], "ok");
  EXPECT_EQ(record["schema_version"], "1.0");
  EXPECT_EQ(record["letter"]["reference"]["key"], "TSB Collective Letter 11/20");
  EXPECT_EQ(record["source"]["path"], kSamples + "/seed-letter-zh.docx");
}

TEST(Cli, HelpAndVersionExitZero) {
  CommandResult help = Missive("--help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("convert"), std::string::npos);
  CommandResult convert_help = Missive("convert --help");
  EXPECT_EQ(convert_help.exit_code, 0);
  EXPECT_NE(convert_help.out.find("--format"), std::string::npos);
  CommandResult version = Missive("--version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_NE(version.out.find("missive "), std::string::npos);
}

TEST(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(Missive("").exit_code, 2);
  EXPECT_EQ(Missive("convert").exit_code, 2);
  EXPECT_EQ(Missive("convert x.docx --format xml").exit_code, 2);
  EXPECT_EQ(Missive("frobnicate").exit_code, 2);
}

TEST(Cli, MissingFileGivesAnIoErrorRecordAndExitOne) {
  CommandResult run = Missive("convert /nonexistent/letter.docx");
  EXPECT_EQ(run.exit_code, 1);
  nlohmann::json record = nlohmann::json::parse(run.out);
  EXPECT_EQ(record["status"], "error");
  EXPECT_EQ(record["error"]["code"], "io");
  EXPECT_TRUE(record["letter"].is_null());
  EXPECT_NE(run.err.find("/nonexistent/letter.docx"), std::string::npos);
}

TEST(Cli, NotAZipGivesItsCodeAndTheBatchGoesOn) {
  fs::path dir = TempDir("batch");
  std::ofstream(dir / "broken.docx") << "this is not a zip";
  CommandResult run = Missive("convert " + (dir / "broken.docx").string() + " " + kSamples +
                              "/seed-letter-zh.txt --format jsonl");
  EXPECT_EQ(run.exit_code, 1);
  std::istringstream lines(run.out);
  std::string first, second, third;
  ASSERT_TRUE(std::getline(lines, first));
  ASSERT_TRUE(std::getline(lines, second));
  EXPECT_FALSE(std::getline(lines, third));
  EXPECT_EQ(nlohmann::json::parse(first)["error"]["code"], "not-a-zip");
  EXPECT_EQ(nlohmann::json::parse(second)["status"], "ok");
}

TEST(Cli, OutputFolderReceivesOneJsonPerInputFoundInAFolder) {
  fs::path out = TempDir("out");
  CommandResult run = Missive("convert " + kSamples + " -o " + out.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(fs::exists(out / "seed-letter-zh.docx.json"));
  EXPECT_TRUE(fs::exists(out / "seed-letter-zh.txt.json"));
  std::ifstream in(out / "seed-letter-zh.docx.json");
  nlohmann::json record = nlohmann::json::parse(in);
  EXPECT_EQ(record["meeting"]["body_key"], "ITU-T SG20");
  for (const auto& entry : fs::directory_iterator(out)) {
    EXPECT_EQ(entry.path().extension(), ".json") << "left behind: " << entry.path();
  }
}

TEST(Cli, JsonLinesToAFileOneRecordPerLine) {
  fs::path out = TempDir("jsonl") / "records.jsonl";
  CommandResult run = Missive("convert " + kSamples + "/seed-letter-zh.docx " + kSamples +
                              "/seed-letter-zh.txt --format jsonl -o " + out.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(run.out.empty());
  std::ifstream in(out);
  std::string line;
  int count = 0;
  while (std::getline(in, line)) {
    EXPECT_EQ(nlohmann::json::parse(line)["status"], "ok");
    ++count;
  }
  EXPECT_EQ(count, 2);
}

TEST(Cli, DashReadsPathsFromStandardInput) {
  CommandResult run = Missive("convert - --format jsonl", kSamples + "/seed-letter-zh.txt\n");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(nlohmann::json::parse(run.out)["source"]["format"], "text");
}

TEST(Cli, SchemaPrintsTheJsonSchema) {
  CommandResult run = Missive("schema");
  ASSERT_EQ(run.exit_code, 0);
  nlohmann::json schema = nlohmann::json::parse(run.out);
  EXPECT_EQ(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
}

TEST(Cli, DirectoryGivenAsFileIsAnIoError) {
  fs::path dir = TempDir("empty-dir");
  CommandResult run = Missive("convert " + dir.string());
  EXPECT_EQ(run.exit_code, 1);  // nothing to convert in an empty folder is reported, not silent
  EXPECT_NE(run.err.find("no .docx or .txt"), std::string::npos);
}

TEST(Cli, HelpShowsBatchFlagsAndTheSafetyLimitsWithTheirDefaults) {
  CommandResult help = Missive("convert --help");
  ASSERT_EQ(help.exit_code, 0);
  for (const char* flag :
       {"-j,--jobs", "--shard", "--force", "--quiet", "--report", "--index", "es-bulk", "ics"}) {
    EXPECT_NE(help.out.find(flag), std::string::npos) << flag;
  }
  // Each limit with its default (tests/batch/batch_unit_test.cc checks the
  // values against ExtractOptions).
  for (const char* limit :
       {"--max-inflated-mb UINT:UINT in [1 - 1099511627776]=",
        "--max-compression-ratio UINT:POSITIVE=", "--max-zip-entries UINT:POSITIVE=",
        "--max-xml-depth UINT:POSITIVE=", "--max-paragraphs UINT:POSITIVE="}) {
    const std::size_t at = help.out.find(limit);
    ASSERT_NE(at, std::string::npos) << limit << "\n" << help.out;
    EXPECT_TRUE(std::isdigit(static_cast<unsigned char>(help.out[at + std::strlen(limit)])))
        << limit;
  }
}

TEST(Cli, SafetyLimitFlagsReachTheExtractStage) {
  CommandResult run = Missive("convert " + kSamples + "/seed-letter-zh.docx --max-zip-entries 1");
  EXPECT_EQ(run.exit_code, 1);
  nlohmann::json record = nlohmann::json::parse(run.out);
  EXPECT_EQ(record["error"]["code"], "limit-exceeded");
  EXPECT_NE(record["error"]["message"].get<std::string>().find("max_zip_entries"),
            std::string::npos);
  run = Missive("convert " + kSamples + "/seed-letter-zh.docx --max-paragraphs 1");
  EXPECT_EQ(nlohmann::json::parse(run.out)["error"]["code"], "limit-exceeded");
  EXPECT_EQ(Missive("convert " + kSamples + "/seed-letter-zh.docx --max-xml-depth 0").exit_code, 2);
  EXPECT_EQ(Missive("convert " + kSamples + "/seed-letter-zh.docx --max-inflated-mb x").exit_code,
            2);
}

TEST(Cli, BatchUsageErrorsExitTwo) {
  const std::string input = kSamples + "/seed-letter-zh.docx";
  EXPECT_EQ(Missive("convert " + input + " --shard 2/2").exit_code, 2);
  EXPECT_EQ(Missive("convert " + input + " --shard 0").exit_code, 2);
  EXPECT_EQ(Missive("convert " + input + " --index letters").exit_code, 2);
  EXPECT_EQ(Missive("convert " + input + " -j 0").exit_code, 2);
  EXPECT_EQ(Missive("convert " + input + " --format csv").exit_code, 2);
}

TEST(Cli, OneFileToStdoutPrintsNoProgressOrSummary) {
  CommandResult run = Missive("convert " + kSamples + "/seed-letter-zh.docx");
  ASSERT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.err, "");
}

TEST(Cli, EsBulkPairsAnActionWithTheRecord) {
  CommandResult run = Missive("convert " + kSamples + "/seed-letter-zh.docx " + kSamples +
                              "/seed-letter-zh.txt --format es-bulk --index letters");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::istringstream lines(run.out);
  std::string action, record;
  int pairs = 0;
  while (std::getline(lines, action)) {
    ASSERT_TRUE(std::getline(lines, record));
    nlohmann::json a = nlohmann::json::parse(action), r = nlohmann::json::parse(record);
    EXPECT_EQ(a, (nlohmann::json{{"index", {{"_index", "letters"}, {"_id", r["id"]}}}}));
    ++pairs;
  }
  EXPECT_EQ(pairs, 2);
}

TEST(Cli, IcsIsOneCalendar) {
  CommandResult run = Missive("convert " + kSamples + "/seed-letter-zh.docx --format ics");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 0), 0u);
  EXPECT_NE(run.out.find("DTSTART:20210421T090000Z\r\nDTEND:20210421T110000Z\r\n"),
            std::string::npos);
  EXPECT_EQ(run.out.substr(run.out.size() - 15), "END:VCALENDAR\r\n");
}

TEST(Cli, ReportNamesEveryFailedInput) {
  fs::path dir = TempDir("report");
  std::ofstream(dir / "broken.docx") << "not a zip";
  fs::path report = dir / "report.json";
  CommandResult run = Missive("convert " + (dir / "broken.docx").string() + " " + kSamples +
                              "/seed-letter-zh.txt --format jsonl --report " + report.string());
  EXPECT_EQ(run.exit_code, 1);
  std::ifstream in(report);
  nlohmann::json r = nlohmann::json::parse(in);
  EXPECT_EQ(r["converted"], 1);
  EXPECT_EQ(r["failed"], 1);
  EXPECT_EQ(r["errors_by_code"], (nlohmann::json{{"not-a-zip", 1}}));
  ASSERT_EQ(r["failures"].size(), 1u);
  EXPECT_EQ(r["failures"][0]["path"], (dir / "broken.docx").string());
  EXPECT_EQ(r["failures"][0]["code"], "not-a-zip");
  EXPECT_NE(run.err.find("1 converted, 0 skipped, 1 failed (not-a-zip 1)"), std::string::npos)
      << run.err;
}

TEST(Cli, ShardsSplitTheInputsWithoutOverlap) {
  const std::string inputs = kSamples + "/seed-letter-zh.docx " + kSamples + "/seed-letter-zh.txt";
  std::size_t lines = 0;
  for (int k = 0; k < 2; ++k) {
    CommandResult run = Missive("convert " + inputs + " --format jsonl --quiet --shard " +
                                std::to_string(k) + "/2");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    lines += static_cast<std::size_t>(std::count(run.out.begin(), run.out.end(), '\n'));
  }
  EXPECT_EQ(lines, 2u);
}

}  // namespace
