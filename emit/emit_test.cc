// EmitJson writes JSON directly; these tests hold it to the bytes that
// nlohmann::ordered_json's dump wrote for the same record before (the
// reference below is that former implementation), pretty and compact.
#include "emit/emit.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "cli/convert.h"

namespace missive {
namespace {

using Json = nlohmann::ordered_json;

Json Opt(const OptString& value) { return value ? Json(*value) : Json(nullptr); }

Json Strings(const std::vector<std::string>& values) {
  Json array = Json::array();
  for (const auto& value : values) array.push_back(value);
  return array;
}

Json ToJson(const Warning& warning) {
  return Json{{"code", warning.code}, {"message", warning.message}};
}

Json ToJson(const Properties& p) {
  return Json{{"title", Opt(p.title)},
              {"creator", Opt(p.creator)},
              {"last_modified_by", Opt(p.last_modified_by)},
              {"created", Opt(p.created)},
              {"modified", Opt(p.modified)}};
}

Json ToJson(const LetterFields& l) {
  Json reference = nullptr;
  if (l.reference) {
    const Reference& r = *l.reference;
    reference = Json{{"text", r.text},          {"issuer", Opt(r.issuer)}, {"kind", Opt(r.kind)},
                     {"number", Opt(r.number)}, {"file", Opt(r.file)},     {"key", Opt(r.key)}};
  }
  Json contact = nullptr;
  if (l.contact) {
    const Contact& c = *l.contact;
    contact = Json{{"name", Opt(c.name)},
                   {"tel", Opt(c.tel)},
                   {"fax", Opt(c.fax)},
                   {"email", Opt(c.email)},
                   {"web", Opt(c.web)}};
  }
  Json signature = nullptr;
  if (l.signature) {
    signature = Json{{"name", l.signature->name}, {"title", Opt(l.signature->title)}};
  }
  return Json{{"place", Opt(l.place)},       {"date", Opt(l.date)},
              {"reference", reference},      {"addressees", Strings(l.addressees)},
              {"copies", Strings(l.copies)}, {"contact", contact},
              {"subject", Opt(l.subject)},   {"salutation", Opt(l.salutation)},
              {"closing", Opt(l.closing)},   {"signature", signature}};
}

Json ToJson(const Meeting& m) {
  return Json{{"body", m.body},
              {"body_key", Opt(m.body_key)},
              {"start", Opt(m.start)},
              {"end", Opt(m.end)},
              {"mode", Opt(m.mode)},
              {"location", Opt(m.location)},
              {"opening", Opt(m.opening)},
              {"timezone", Opt(m.timezone)}};
}

Json ToJson(const Event& e) {
  return Json{{"title", e.title},  {"date", Opt(e.date)},         {"start", Opt(e.start)},
              {"end", Opt(e.end)}, {"timezone", Opt(e.timezone)}, {"url", Opt(e.url)},
              {"text", e.text}};
}

Json ToJson(const Agenda& a) {
  Json items = Json::array();
  for (const AgendaItem& item : a.items) {
    items.push_back(Json{{"number", item.number},
                         {"level", item.level},
                         {"parent", Opt(item.parent)},
                         {"title", item.title},
                         {"documents", Strings(item.documents)},
                         {"notes", Opt(item.notes)}});
  }
  return Json{{"title", Opt(a.title)}, {"annex", Opt(a.annex)}, {"items", std::move(items)}};
}

Json ToJson(const OutputBlock& b) {
  if (b.type == "table") {
    Json rows = Json::array();
    for (const auto& row : b.rows) rows.push_back(Strings(row));
    return Json{{"type", b.type}, {"rows", std::move(rows)}};
  }
  if (b.type == "heading") return Json{{"type", b.type}, {"level", b.level}, {"text", b.text}};
  return Json{{"type", b.type},
              {"text", b.text},
              {"style", b.style.empty() ? Json(nullptr) : Json(b.style)}};
}

Json ToJson(const OutputNote& n) { return Json{{"kind", n.kind}, {"id", n.id}, {"text", n.text}}; }

template <typename T>
Json Array(const std::vector<T>& values) {
  Json array = Json::array();
  for (const T& value : values) array.push_back(ToJson(value));
  return array;
}

std::string NlohmannJson(const LetterRecord& r, JsonStyle style) {
  Json error = nullptr;
  if (r.error) error = Json{{"code", ErrorCodeName(r.error->code)}, {"message", r.error->message}};
  Json deadlines = Json::array();
  for (const Deadline& d : r.deadlines)
    deadlines.push_back(Json{{"date", d.date}, {"text", d.text}});
  Json annexes = Json::array();
  for (const Annex& a : r.annexes)
    annexes.push_back(Json{{"label", a.label}, {"title", Opt(a.title)}});
  Json json{
      {"schema_version", kSchemaVersion},
      {"id", r.id},
      {"source", Json{{"path", r.source.path},
                      {"size", r.source.size},
                      {"sha256", r.source.sha256},
                      {"format", r.source.format}}},
      {"status", r.ok() ? "ok" : "error"},
      {"error", error},
      {"warnings", Array(r.warnings)},
      {"language", Opt(r.language)},
      {"properties", r.properties ? ToJson(*r.properties) : Json(nullptr)},
      {"letter", r.letter ? ToJson(*r.letter) : Json(nullptr)},
      {"meeting", r.meeting ? ToJson(*r.meeting) : Json(nullptr)},
      {"deadlines", std::move(deadlines)},
      {"events", Array(r.events)},
      {"agenda", r.agenda ? ToJson(*r.agenda) : Json(nullptr)},
      {"annexes", std::move(annexes)},
      {"recommendations", Strings(r.recommendations)},
      {"urls", Strings(r.urls)},
      {"blocks", Array(r.blocks)},
      {"text", Opt(r.text)},
      {"notes", Array(r.notes)},
  };
  const int indent = style == JsonStyle::kPretty ? 2 : -1;
  return json.dump(indent, ' ', false, Json::error_handler_t::replace);
}

void ExpectSameBytes(const LetterRecord& record, const std::string& what) {
  for (const JsonStyle style : {JsonStyle::kPretty, JsonStyle::kLine}) {
    EXPECT_EQ(EmitJson(record, style), NlohmannJson(record, style))
        << what << (style == JsonStyle::kPretty ? " (pretty)" : " (line)");
  }
}

TEST(EmitJsonTest, SameBytesAsNlohmannOnTheSamplesAndLetters) {
  const std::filesystem::path source(MISSIVE_SOURCE_DIR);
  std::vector<std::filesystem::path> files = {source / "samples/seed-letter-zh.docx",
                                              source / "samples/seed-letter-zh.txt"};
  for (const auto& entry : std::filesystem::directory_iterator(source / "tests/letters")) {
    if (entry.path().extension() == ".docx") files.push_back(entry.path());
  }
  for (const auto& file : files) {
    const LetterRecord record = ConvertFile(file.string());
    ExpectSameBytes(record, file.string());
  }
}

TEST(EmitJsonTest, SameBytesForEmptyAndErrorRecords) {
  ExpectSameBytes(LetterRecord{}, "default record");
  LetterRecord error;
  error.error = Error{ErrorCode::kNotAZip, "not a \"zip\"\n"};
  error.warnings.push_back(Warning{"w", "m"});
  ExpectSameBytes(error, "error record");
}

// Strings that exercise every escape and every kind of invalid UTF-8.
std::vector<std::string> TrickyStrings() {
  std::vector<std::string> strings = {
      "",
      "plain",
      "quote \" backslash \\ slash /",
      "\b\f\n\r\t",
      std::string("nul \0 here", 10),
      "\x01\x02\x1e\x1f\x7f",
      "日内瓦 non-BMP \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF",
      "lone continuation \x80 and \xBF",
      "bad leads \xC0\xC1\xF5\xFF end",
      "overlong \xC0\x80 \xE0\x80\x80 \xF0\x80\x80\x80",
      "surrogate \xED\xA0\x80 \xED\x9F\xBF",
      "above max \xF4\x90\x80\x80",
      "truncated \xE6\x97",
      "truncated mid \xE6\x97x\xF0\x9F\x98y",
      "\xE6",
      "\xF0\x9F\x98",
      "\xE6\x97\xA5\xE6\x97",
      "\xC3\x28 \xA0\xA1 \xE2\x28\xA1 \xE2\x82\x28 \xF0\x28\x8C\xBC \xF0\x90\x28\xBC",
  };
  for (int c = 0; c < 0x20; ++c) strings.emplace_back(1, static_cast<char>(c));
  return strings;
}

LetterRecord FullRecord(const std::string& s) {
  LetterRecord r;
  r.id = s;
  r.source = SourceInfo{s, 12345678901234ULL, s, s};
  r.warnings = {Warning{s, s}, Warning{"", s}};
  r.language = s;
  r.properties = Properties{s, std::nullopt, s, std::nullopt, s};
  LetterFields letter;
  letter.place = s;
  letter.reference = Reference{s, s, std::nullopt, s, std::nullopt, s};
  letter.addressees = {s, s};
  letter.contact = Contact{s, std::nullopt, s, s, std::nullopt};
  letter.subject = s;
  letter.signature = Signature{s, std::nullopt};
  r.letter = letter;
  r.meeting = Meeting{s, s, std::nullopt, s, std::nullopt, s, std::nullopt, s};
  r.deadlines = {Deadline{s, s}};
  r.events = {Event{s, s, std::nullopt, s, std::nullopt, s, s}};
  r.agenda = Agenda{s, std::nullopt, {AgendaItem{s, -3, s, s, {s}, std::nullopt}, AgendaItem{}}};
  r.annexes = {Annex{s, s}, Annex{s, std::nullopt}};
  r.recommendations = {s};
  r.urls = {s, s, s};
  OutputBlock paragraph{"paragraph", s, s, 0, {}};
  OutputBlock unstyled{"paragraph", s, "", 0, {}};
  OutputBlock heading{"heading", s, "", 2, {}};
  OutputBlock table{"table", "", "", 0, {{s, s}, {}, {s}}};
  OutputBlock empty_table{"table", "", "", 0, {}};
  r.blocks = {paragraph, unstyled, heading, table, empty_table};
  r.text = s;
  r.notes = {OutputNote{s, s, s}};
  return r;
}

TEST(EmitJsonTest, SameBytesOnTrickyStrings) {
  for (const std::string& s : TrickyStrings()) ExpectSameBytes(FullRecord(s), "string " + s);
}

TEST(EmitJsonTest, SameBytesOnRandomBytes) {
  std::mt19937 random(20261126);
  // Bytes weighted towards the ones that matter: controls, quotes, UTF-8 leads and continuations.
  const std::string alphabet = std::string(
      "\x00\x01\x1f\x7f\"\\aZ \x80\x8f\x90\x9f\xa0\xbf\xc0\xc1\xc2\xdf\xe0\xe1\xec"
      "\xed\xee\xef\xf0\xf1\xf3\xf4\xf5\xff",
      31);  // the bytes above; 33 read past the literal (AddressSanitizer)
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<int> length(0, 12);
  LetterRecord record;
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    for (int k = length(random); k > 0; --k) s.push_back(alphabet[pick(random)]);
    record.text = s;
    const std::string line = EmitJson(record, JsonStyle::kLine);
    ASSERT_EQ(line, NlohmannJson(record, JsonStyle::kLine)) << testing::PrintToString(s);
  }
}

// Long strings run through the eight-bytes-at-a-time scan: a byte that needs
// escaping or checking lands at every offset of a chunk, in runs of ASCII,
// of CJK and of two-byte letters.
TEST(EmitJsonTest, SameBytesOnLongStrings) {
  std::mt19937 random(20261127);
  const std::vector<std::string> pieces = {"a",
                                           "Z",
                                           " ",
                                           "~",
                                           "/",
                                           "日",
                                           "é",
                                           "я",
                                           "\"",
                                           "\\",
                                           "\n",
                                           std::string(1, '\0'),
                                           "\x1f",
                                           "\x7f",
                                           "\x80",
                                           "\xE6\x97",
                                           "\xED\xA0\x80",
                                           "\xF0\x9F\x98\x80",
                                           "\xFF"};
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> run(0, 20);
  LetterRecord record;
  for (int n = 0; n < 5000; ++n) {
    std::string s;
    for (int k = 0; k < 4; ++k) {
      s.append(run(random), "abcdefgh"[k]);  // a plain run of 0..20 bytes
      const int repeat = run(random) / 4;
      const std::string& piece = pieces[pick(random)];
      for (int r = 0; r <= repeat; ++r) s += piece;
    }
    record.text = s;
    const std::string line = EmitJson(record, JsonStyle::kLine);
    ASSERT_EQ(line, NlohmannJson(record, JsonStyle::kLine)) << testing::PrintToString(s);
  }
}

}  // namespace
}  // namespace missive
