// Micro-benchmarks of each stage on one letter at a time: the floor
// (libzip + pugixml on word/document.xml), Extract, Normalize, Recognize,
// EmitJson, and the whole Convert (ConvertBytes + EmitJson, as the CLI does);
// also CleanText and FindDates, the normalize functions the recognizer calls
// on every paragraph (their time is part of Recognize's).
// Every benchmark reports bytes_per_second over the same quantity, the size
// of word/document.xml, so the stages read as shares of one conversion.
//
//   missive_stages_bench [benchmark flags] [FILE.docx ...]
//
// Without files it measures the seed letter and a large generated letter
// (bench/make_corpus.py --single --scale 20, 0.7 MB of XML), both fixed at build time.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "bench/floor_core.h"
#include "cli/convert.h"
#include "emit/emit.h"
#include "extract/extract.h"
#include "normalize/normalize.h"
#include "recognize/recognize.h"

namespace {

struct Letter {
  std::string name;
  std::string bytes;
  std::uint64_t xml_bytes = 0;
};

bool Load(const std::string& path, Letter* letter) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  letter->name = std::filesystem::path(path).stem().string();
  letter->bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  std::string xml;
  letter->xml_bytes = missive_bench::FloorParse(letter->bytes, xml);
  return letter->xml_bytes > 0;
}

// Work per iteration is one letter; throughput counts its document.xml.
void Account(benchmark::State& state, const Letter& letter) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * letter.xml_bytes));
  state.SetItemsProcessed(state.iterations());
}

void Floor(benchmark::State& state, const Letter* letter) {
  std::string xml;
  for (auto _ : state) benchmark::DoNotOptimize(missive_bench::FloorParse(letter->bytes, xml));
  Account(state, *letter);
}

void Extract(benchmark::State& state, const Letter* letter) {
  for (auto _ : state) {
    missive::Result<missive::Document> document = missive::ExtractDocx(letter->bytes);
    benchmark::DoNotOptimize(document.ok());
  }
  Account(state, *letter);
}

void Normalize(benchmark::State& state, const Letter* letter) {
  const missive::Document extracted = *missive::ExtractDocx(letter->bytes);
  for (auto _ : state) {
    // Normalize works in place: each iteration gets a fresh copy, untimed.
    state.PauseTiming();
    missive::Document document = extracted;
    state.ResumeTiming();
    missive::Normalize(document);
    benchmark::DoNotOptimize(document.body.size());
    state.PauseTiming();
    { missive::Document discard = std::move(document); }
    state.ResumeTiming();
  }
  Account(state, *letter);
}

// Every paragraph's text, tables included, in document order.
void CollectTexts(const std::vector<missive::Block>& blocks, std::vector<std::string>* texts) {
  for (const missive::Block& block : blocks) {
    if (block.kind == missive::Block::Kind::kParagraph) {
      texts->push_back(block.paragraph.text);
      continue;
    }
    for (const missive::TableRow& row : block.table.rows) {
      for (const missive::TableCell& cell : row.cells) CollectTexts(cell.blocks, texts);
    }
  }
}

// The normalize functions the recognizer calls on every paragraph, alone:
// CleanText on the normalized text, FindDates in the letter's language.
void CleanText(benchmark::State& state, const Letter* letter) {
  missive::Document document = *missive::ExtractDocx(letter->bytes);
  missive::Normalize(document);
  std::vector<std::string> texts;
  CollectTexts(document.body, &texts);
  for (auto _ : state) {
    for (const std::string& text : texts) benchmark::DoNotOptimize(missive::CleanText(text));
  }
  Account(state, *letter);
}

void FindDates(benchmark::State& state, const Letter* letter) {
  missive::Document document = *missive::ExtractDocx(letter->bytes);
  missive::Normalize(document);
  const std::string language = missive::Recognize(document).language.value_or("und");
  std::vector<std::string> texts;
  CollectTexts(document.body, &texts);
  for (auto _ : state) {
    for (const std::string& text : texts) {
      benchmark::DoNotOptimize(missive::FindDates(text, language));
    }
  }
  Account(state, *letter);
}

void Recognize(benchmark::State& state, const Letter* letter) {
  missive::Document document = *missive::ExtractDocx(letter->bytes);
  missive::Normalize(document);
  for (auto _ : state) {
    missive::LetterRecord record = missive::Recognize(document);
    benchmark::DoNotOptimize(record.agenda);
  }
  Account(state, *letter);
}

void EmitJson(benchmark::State& state, const Letter* letter) {
  const missive::LetterRecord record = missive::ConvertBytes(letter->bytes, letter->name);
  for (auto _ : state) {
    std::string json = missive::EmitJson(record, missive::JsonStyle::kLine);
    benchmark::DoNotOptimize(json.data());
  }
  Account(state, *letter);
}

void Convert(benchmark::State& state, const Letter* letter) {
  for (auto _ : state) {
    const missive::LetterRecord record = missive::ConvertBytes(letter->bytes, letter->name);
    std::string json = missive::EmitJson(record, missive::JsonStyle::kLine);
    benchmark::DoNotOptimize(json.data());
  }
  Account(state, *letter);
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  std::vector<std::string> paths(argv + 1, argv + argc);
  if (paths.empty()) paths = {MISSIVE_BENCH_SEED_DOCX, MISSIVE_BENCH_LARGE_DOCX};
  // Registered benchmarks keep a pointer: the letters must not move.
  static std::vector<Letter> letters(paths.size());
  for (std::size_t i = 0; i < paths.size(); ++i) {
    if (!Load(paths[i], &letters[i])) {
      std::fprintf(stderr, "missive_stages_bench: cannot read word/document.xml of %s\n",
                   paths[i].c_str());
      return 2;
    }
  }
  using Fn = void (*)(benchmark::State&, const Letter*);
  const std::pair<const char*, Fn> stages[] = {{"Floor", Floor},         {"Extract", Extract},
                                               {"Normalize", Normalize}, {"Recognize", Recognize},
                                               {"CleanText", CleanText}, {"FindDates", FindDates},
                                               {"EmitJson", EmitJson},   {"Convert", Convert}};
  for (const Letter& letter : letters) {
    for (const auto& [stage, fn] : stages) {
      benchmark::RegisterBenchmark((std::string(stage) + "/" + letter.name).c_str(), fn, &letter)
          ->Unit(benchmark::kMicrosecond);
    }
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
