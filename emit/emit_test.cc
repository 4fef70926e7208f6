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
#include "emit/emit_internal.h"

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

// The string tests below hold the bytes of one string, the record's text,
// to nlohmann's dump of that string alone: the rest of the record is held
// by the tests above. That makes hundreds of thousands of cases cheap.
class StringBytes {
 public:
  StringBytes() {
    LetterRecord record;
    record.text = "";
    const std::string empty = EmitJson(record, JsonStyle::kLine);
    const std::size_t text = empty.rfind("\"text\":\"\"");
    prefix_ = empty.substr(0, text + 7);
    suffix_ = empty.substr(text + 9);
  }
  // EmitJson's bytes for `s`, and nlohmann's.
  std::string Emitted(const std::string& s) {
    record_.text = s;
    return EmitJson(record_, JsonStyle::kLine);
  }
  std::string Expected(const std::string& s) const {
    return prefix_ + Json(s).dump(-1, ' ', false, Json::error_handler_t::replace) + suffix_;
  }

 private:
  LetterRecord record_;
  std::string prefix_;
  std::string suffix_;
};

// Bytes and sequences that leave the fast paths, or that the fast paths
// must tell from their neighbours: every byte value, then well-formed and
// broken multi-byte sequences (truncated, overlong, surrogates, above
// U+10FFFF, lone continuations).
std::vector<std::string> SpecialPieces() {
  std::vector<std::string> pieces;
  for (int c = 0; c < 256; ++c) pieces.emplace_back(1, static_cast<char>(c));
  const std::vector<std::vector<std::string>> groups = {
      // Well-formed: two-byte; three-byte with lead E0, common leads, ED's
      // last, U+FFFD and U+FFFF; four-byte up to U+10FFFF.
      {"\xC2\x80", "\xDF\xBF", "\xC3\xA9", "\xD0\xAF"},
      {"\xE0\xA0\x80", "\xE0\xBF\xBF", "\xE1\x80\x80", "\xE6\x97\xA5", "\xEC\xBF\xBF"},
      {"\xED\x9F\xBF", "\xEE\x80\x80", "\xEF\xBF\xBD", "\xEF\xBF\xBF"},
      {"\xF0\x90\x80\x80", "\xF0\x9F\x98\x80", "\xF3\xBF\xBF\xBF", "\xF4\x8F\xBF\xBF"},
      // Overlong, surrogates, above U+10FFFF.
      {"\xC0\x80", "\xC1\xBF", "\xE0\x80\x80", "\xE0\x9F\xBF", "\xF0\x80\x80\x80"},
      {"\xF0\x8F\xBF\xBF", "\xED\xA0\x80", "\xED\xBF\xBF"},
      {"\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xF8\x88\x80\x80\x80"},
      // Cut short, by the end or by ASCII; lone continuations.
      {"\xC3", "\xE6\x97", "\xE6", "\xF0\x9F\x98", "\xF0\x9F"},
      {"\xE6\x97x", "\xF0\x9F\x98x", "\xC3x", "\xE6x\xA5"},
      {"\xE6\x97\xE6\x97\xA5", "\x80\xBF", "\xA5\xE6\x97"},
      // A run of CJK, one broken by a quote; escapes together.
      {"\xE6\x97\xA5\xE6\x97\xA5\xE6\x97\xA5\xE6\x97\xA5", "\xE6\x97\xA5\xE6\x97\x22\xE6\x97\xA5"},
      {"\\\"\n\x01\x1f"},
  };
  for (const auto& group : groups) pieces.insert(pieces.end(), group.begin(), group.end());
  return pieces;
}

// Every piece at every offset of strings of every length up to 40 (all
// positions in and across eight-byte chunks, and in the four-to-seven-byte
// tails), in plain ASCII and in runs of three- and two-byte letters, and at
// the very end, where a sequence may be cut short.
TEST(EmitJsonStringTest, SameBytesForEveryPieceAtEveryOffset) {
  StringBytes bytes;
  const std::vector<std::string> backgrounds = {"a", "\xE6\x97\xA5", "\xD0\xAF", "a\xE6\x97\xA5"};
  int cases = 0;
  for (const std::string& piece : SpecialPieces()) {
    for (const std::string& unit : backgrounds) {
      for (std::size_t length = 0; length <= 40; ++length) {
        std::string background;
        while (background.size() < length) background += unit;
        background.resize(length);  // may cut the last letter short on purpose
        for (std::size_t at = 0; at <= length; ++at) {
          std::string s = background;
          s.insert(at, piece);
          ASSERT_EQ(bytes.Emitted(s), bytes.Expected(s)) << testing::PrintToString(s);
          ++cases;
        }
      }
    }
  }
  EXPECT_GT(cases, 200000);
}

// Two special pieces in one string, at every pair of offsets of a 20-byte
// plain string: a fast path resuming after a replacement or escape.
TEST(EmitJsonStringTest, SameBytesForTwoPiecesAtEveryPairOfOffsets) {
  StringBytes bytes;
  const std::vector<std::string> pieces = {"\n",
                                           "\"",
                                           "\x01",
                                           "\x80",
                                           "\xFF",
                                           "\xE6\x97",
                                           "\xE6\x97\xA5",
                                           "\xED\xA0\x80",
                                           "\xC3\xA9",
                                           "\xF0\x9F\x98\x80",
                                           "\xF4\x90\x80\x80"};
  const std::string background(20, 'b');
  for (const std::string& first : pieces) {
    for (const std::string& second : pieces) {
      for (std::size_t i = 0; i <= background.size(); ++i) {
        for (std::size_t k = i; k <= background.size(); ++k) {
          std::string s = background;
          s.insert(k, second);
          s.insert(i, first);
          ASSERT_EQ(bytes.Emitted(s), bytes.Expected(s)) << testing::PrintToString(s);
        }
      }
    }
  }
}

// Random strings up to 70 bytes: of any bytes, of bytes weighted towards
// UTF-8 leads and continuations, and of well-formed letters with a broken
// byte now and then.
TEST(EmitJsonStringTest, SameBytesOnRandomStrings) {
  StringBytes bytes;
  std::mt19937 random(20261128);
  std::uniform_int_distribution<int> any_byte(0, 255);
  std::uniform_int_distribution<int> high_byte(0x80, 0xFF);
  std::uniform_int_distribution<int> length(0, 70);
  std::uniform_int_distribution<int> percent(0, 99);
  const std::vector<std::string> letters = {"a", " ", "Z", "é", "Я", "日", "本", "，", "😀", "\n"};
  std::uniform_int_distribution<std::size_t> letter(0, letters.size() - 1);
  for (int n = 0; n < 60000; ++n) {
    std::string s;
    const int size = length(random);
    const int kind = n % 3;
    while (static_cast<int>(s.size()) < size) {
      if (kind == 0) {
        s.push_back(static_cast<char>(any_byte(random)));
      } else if (kind == 1) {
        s.push_back(static_cast<char>(percent(random) < 70 ? high_byte(random) : 'x'));
      } else {
        s += percent(random) < 3 ? std::string(1, static_cast<char>(high_byte(random)))
                                 : letters[letter(random)];
      }
    }
    ASSERT_EQ(bytes.Emitted(s), bytes.Expected(s)) << testing::PrintToString(s);
  }
}

// A string long enough to outgrow the size the writer guessed, escaped so
// that it grows six-fold: the output must be grown in the middle of it.
TEST(EmitJsonStringTest, SameBytesWhenTheOutputGrowsInsideAString) {
  StringBytes bytes;
  for (const std::size_t size : {1000, 10000, 100000}) {
    std::string s;
    for (std::size_t i = 0; i < size; ++i) s.push_back(static_cast<char>(i % 3 == 0 ? 1 : 'a'));
    ASSERT_EQ(bytes.Emitted(s), bytes.Expected(s)) << size;
    ASSERT_EQ(bytes.Emitted(std::string(size, '\xFF')), bytes.Expected(std::string(size, '\xFF')));
  }
  LetterRecord record = FullRecord(std::string(5000, '\x1f'));
  ExpectSameBytes(record, "5000 control bytes everywhere");
}

// The output made short at first by every size from none to all of it: the
// output then grows at every byte, inside keys, separators, numbers,
// escapes, replacements and runs copied eight bytes at a time. Bytes written
// past the room a write asked for would be cut off or zeroed.
TEST(EmitJsonTest, SameBytesWhateverTheFirstSizeOfTheOutput) {
  const std::vector<std::string> strings = {
      "",
      "plain ASCII longer than a chunk of eight",
      "\n\x01\"\\ escapes \x1f\x1f\x1f\x1f\x1f\x1f",
      "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E \xC3\xA9t\xC3\xA9 \xF0\x9F\x98\x80",
      "\xFF\xFE\xE6\x97 \xED\xA0\x80\xC0\x80\xF4\x90\x80\x80\xE6",
  };
  for (const std::string& s : strings) {
    const LetterRecord record = FullRecord(s);
    for (const JsonStyle style : {JsonStyle::kPretty, JsonStyle::kLine}) {
      const std::string expected = NlohmannJson(record, style);
      for (std::size_t hint = 0; hint <= expected.size() + 1; ++hint) {
        ASSERT_EQ(emit_internal::EmitJsonWithSizeHint(record, style, hint), expected)
            << testing::PrintToString(s) << " starting at " << hint << " bytes";
      }
    }
  }
}

}  // namespace
}  // namespace missive
