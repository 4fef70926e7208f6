#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "normalize/normalize.h"

namespace missive {
namespace {

TEST(CleanText, ComposesToNfc) {
  EXPECT_EQ(CleanText("Re\u0301f."), "R\u00e9f.");         // e + combining acute -> é
  EXPECT_EQ(CleanText("d\u00e9cembre"), "d\u00e9cembre");  // already composed: unchanged
}

TEST(CleanText, ComposesAcrossRemovedZeroWidthCharacter) {
  EXPECT_EQ(CleanText("Re\u200B\u0301f."), "R\u00e9f.");
}

TEST(CleanText, RemovesZeroWidthCharacters) {
  EXPECT_EQ(CleanText("tsb\u200Bsg20\u200C@\u200Ditu\u2060.int\uFEFF"), "tsbsg20@itu.int");
  EXPECT_EQ(CleanText("\uFEFF2021年1月12日"), "2021年1月12日");
}

TEST(CleanText, RemovesSoftHyphen) {
  EXPECT_EQ(CleanText("Recom\u00ADmendation"), "Recommendation");
}

TEST(CleanText, RemovesBidiControls) {
  EXPECT_EQ(CleanText("\u200F12 \u202Bيناير\u202C 2021\u200E"), "12 يناير 2021");
  EXPECT_EQ(CleanText("\u2066+41 22 730 6301\u2069\u061C"), "+41 22 730 6301");
  EXPECT_EQ(CleanText("a\u202Ab\u202Dc\u202Ed\u2067e\u2068f"), "abcdef");
}

TEST(CleanText, FoldsFullwidthDigitsAndLetters) {
  EXPECT_EQ(CleanText("２０２１年５月１７日"), "2021年5月17日");
  EXPECT_EQ(CleanText("ＩＴＵ－Ｔ"), "ITU－T");  // the fullwidth hyphen-minus is punctuation
  EXPECT_EQ(CleanText("ｓｇ２０"), "sg20");
}

TEST(CleanText, KeepsFullwidthPunctuation) {
  EXPECT_EQ(CleanText("文号：第11/20号，（SC＆C）。"), "文号：第11/20号，（SC＆C）。");
  EXPECT_EQ(CleanText("“我的会议”"), "“我的会议”");
}

TEST(CleanText, CollapsesIdeographicSpaceAndNbsp) {
  EXPECT_EQ(CleanText("Tel.\u00A0\u00A0+41\u300022"), "Tel. +41 22");
  EXPECT_EQ(CleanText("a\u2002\u2003\u2009b"), "a b");  // en, em and thin spaces
}

TEST(CleanText, RemovesSpaceBetweenTwoCjkCharacters) {
  EXPECT_EQ(CleanText("会议 实用\u3000信息"), "会议实用信息");
  EXPECT_EQ(CleanText("日内瓦 ，"), "日内瓦，");  // ， is CJK punctuation
}

TEST(CleanText, KeepsOneSpaceWhenOnlyOneSideIsCjk) {
  EXPECT_EQ(CleanText("IoT 和SC&C"), "IoT 和SC&C");
  EXPECT_EQ(CleanText("IoT   和"), "IoT 和");
  EXPECT_EQ(CleanText("第20研究组 ITU-T"), "第20研究组 ITU-T");
  EXPECT_EQ(CleanText("“标准” 虚拟"), "“标准” 虚拟");  // “” are general punctuation, not CJK
}

TEST(CleanText, TreatsTabsAndLineBreaksAsWhiteSpace) {
  EXPECT_EQ(CleanText("参加第20研究组工作的\nITU-T部门准成员"),
            "参加第20研究组工作的 ITU-T部门准成员");
  EXPECT_EQ(CleanText("电信标准化局\n第11/20号集体函"), "电信标准化局第11/20号集体函");
  EXPECT_EQ(CleanText("\t文号：\t"), "文号：");
  EXPECT_EQ(CleanText("Ref:\t\n TSB Collective Letter"), "Ref: TSB Collective Letter");
}

TEST(CleanText, TrimsAndEmptiesBlankText) {
  EXPECT_EQ(CleanText("  \u00A0 2021 \u3000"), "2021");
  EXPECT_EQ(CleanText(" \t\n\u3000"), "");
  EXPECT_EQ(CleanText(""), "");
}

TEST(CleanText, ReplacesInvalidUtf8) {
  EXPECT_EQ(CleanText("a\xFF"
                      "b"),
            "a\uFFFDb");
}

// The fast paths (no ICU for ASCII, ideographs and Latin-1; three-byte
// sequences decoded inline) must leave ICU's answers unchanged.
TEST(CleanText, ComposesWhatTheFastPathsDoNotCover) {
  EXPECT_EQ(CleanText("\u1100\u1161"), "\uAC00");                // Hangul jamo compose
  EXPECT_EQ(CleanText("\uF900会议"), "\u8C48会议");              // a CJK compatibility ideograph
  EXPECT_EQ(CleanText("会议\u302B\u302A"), "会议\u302A\u302B");  // marks put in canonical order
  EXPECT_EQ(CleanText("日内瓦 e\u0301"), "日内瓦 \u00E9");
}

TEST(CleanText, ReplacesOverlongAndSurrogateThreeByteForms) {
  EXPECT_EQ(CleanText("a\xE0\x80\x80"
                      "b"),
            "a\uFFFD\uFFFD\uFFFDb");
  EXPECT_EQ(CleanText("a\xED\xA0\x80"
                      "b"),
            "a\uFFFD\uFFFD\uFFFDb");
  EXPECT_EQ(CleanText("会\xE4\xBC"), "会\uFFFD");  // cut short at the end
}

// The collapse runs first on the text as it is and hands over to the full
// cleaning at the first character that needs dropping, folding or composing:
// wherever that character sits, the result is the same.
TEST(CleanText, HandsOverWhereverTheFirstChangeSits) {
  EXPECT_EQ(CleanText("ITU-T SG20 meeting \uFF12"), "ITU-T SG20 meeting 2");   // fold at the end
  EXPECT_EQ(CleanText("ITU-T SG20 meeting\u200B"), "ITU-T SG20 meeting");      // drop at the end
  EXPECT_EQ(CleanText("ITU-T SG20 Re\u0301"), "ITU-T SG20 R\u00E9");           // compose at the end
  EXPECT_EQ(CleanText("ITU-T SG20 meeting\xFF"), "ITU-T SG20 meeting\uFFFD");  // invalid at the end
  EXPECT_EQ(CleanText("\uFF12 ITU-T  SG20 "), "2 ITU-T SG20");                 // fold first
  EXPECT_EQ(CleanText("a  b\u00AD c"), "a b c");  // collapse before the drop, and after it
  EXPECT_EQ(CleanText("会议 \u200B 信息"), "会议信息");
}

TEST(CleanText, CleanTextComesBackUnchanged) {
  for (const char* clean :
       {"TSB Collective Letter 11/20", "电信标准化局第11/20号集体函", "第20研究组 ITU-T",
        "“标准” 2021", "17 мая 2021 года", "12 يناير 2021", "d\u00E9cembre", "a\x01b"}) {
    EXPECT_EQ(CleanText(clean), clean);
  }
}

TEST(CleanText, TrimsAndCollapsesAtEitherEnd) {
  EXPECT_EQ(CleanText("TSB Collective Letter "), "TSB Collective Letter");
  EXPECT_EQ(CleanText(" TSB"), "TSB");
  EXPECT_EQ(CleanText("TSB\u00A0"), "TSB");
  EXPECT_EQ(CleanText("TSB  Letter"), "TSB Letter");
  EXPECT_EQ(CleanText("TSB\u00A0Letter"), "TSB Letter");
  EXPECT_EQ(CleanText("TSB \u00A0Letter"), "TSB Letter");
  EXPECT_EQ(CleanText("会议 信息"), "会议信息");
  EXPECT_EQ(CleanText("会议 "), "会议");
  EXPECT_EQ(CleanText(" "), "");
}

TEST(CleanText, KeepsNfcCyrillicAndArabicAndComposesDecomposedOnes) {
  EXPECT_EQ(CleanText("\u0438\u0306 \u0439"), "\u0439 \u0439");  // и + breve -> й
  EXPECT_EQ(CleanText("\u0627\u0653"), "\u0622");                // alef + madda -> alef with madda
}

// IsSpace spells out ICU's White_Space: a character between two letters
// becomes one space exactly when ICU calls it white space.
TEST(CleanText, WhiteSpaceIsIcusForEveryCodePoint) {
  for (UChar32 c = 0; c <= 0x10FFFF; ++c) {
    if (U_IS_SURROGATE(c) || c == 'a' || c == 'b') continue;
    std::string text = "a";
    char buffer[U8_MAX_LENGTH];
    int32_t length = 0;
    U8_APPEND_UNSAFE(buffer, length, c);
    text.append(buffer, static_cast<std::size_t>(length));
    text.push_back('b');
    const bool space = u_isUWhiteSpace(c) || u_charType(c) == U_SPACE_SEPARATOR;
    EXPECT_EQ(CleanText(text) == "a b", space) << std::hex << c;
  }
}

// NfcInert in clean.cc lets text of only these ranges skip ICU's NFC: each
// of their code points must pass the quick check with combining class 0.
TEST(CleanText, RangesKeptFromIcuNeedNoComposing) {
  const std::pair<UChar32, UChar32> ranges[] = {{0, 0x2FF},       {0x2002, 0x206F},
                                                {0x3000, 0x3029}, {0x3030, 0x303F},
                                                {0x3400, 0x9FFF}, {0xFF00, 0xFFEF}};
  for (const auto& [first, last] : ranges) {
    for (UChar32 c = first; c <= last; ++c) {
      EXPECT_EQ(u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK), UNORM_YES) << std::hex << c;
      EXPECT_EQ(u_getCombiningClass(c), 0) << std::hex << c;
    }
  }
}

// IsCjk skips ICU for the ranges it spells out: its answer must stay ICU's.
TEST(IsCjk, AgreesWithScriptExtensionsForEveryCodePoint) {
  for (UChar32 c = 0x1100; c <= 0x10FFFF; ++c) {
    bool in_script = false;
    for (UScriptCode script :
         {USCRIPT_HAN, USCRIPT_HIRAGANA, USCRIPT_KATAKANA, USCRIPT_HANGUL, USCRIPT_BOPOMOFO}) {
      in_script = in_script || uscript_hasScript(c, script);
    }
    // Outside the script extensions, IsCjk says yes only for the blocks of
    // CJK punctuation and forms it lists.
    if (in_script) {
      EXPECT_TRUE(IsCjk(static_cast<char32_t>(c))) << std::hex << c;
    }
    if (c >= 0x1200 && c < 0x2E80) {
      EXPECT_FALSE(IsCjk(static_cast<char32_t>(c))) << std::hex << c;
    }
  }
}

Document OneParagraph(std::string text) {
  Document doc;
  Block block;
  block.paragraph.text = std::move(text);
  doc.body.push_back(std::move(block));
  return doc;
}

// ---- The fast paths against the plain computation ------------------------

// The cleaning spelled out plainly, from ICU's decoding, NFC and White_Space:
// drop and fold code point by code point, compose, then split into words at
// white space and join them with one space, or nothing between two CJK
// characters. With `keep_layout`, '\t' and '\n' separate segments instead.
std::string PlainClean(std::string_view text, bool keep_layout) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  icu::UnicodeString folded;
  for (int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT_OR_FFFD(bytes, i, length, c);
    const bool ignorable = (c >= 0x200B && c <= 0x200F) || c == 0x2060 || c == 0xFEFF ||
                           c == 0x00AD || (c >= 0x202A && c <= 0x202E) ||
                           (c >= 0x2066 && c <= 0x2069) || c == 0x061C;
    if (ignorable) continue;
    if (c >= 0xFF10 && c <= 0xFF19) c = c - 0xFF10 + '0';
    if (c >= 0xFF21 && c <= 0xFF3A) c = c - 0xFF21 + 'A';
    if (c >= 0xFF41 && c <= 0xFF5A) c = c - 0xFF41 + 'a';
    folded.append(c);
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString composed =
      icu::Normalizer2::getNFCInstance(status)->normalize(folded, status);
  EXPECT_TRUE(U_SUCCESS(status));
  std::string out, segment_out;
  bool any_content = false;
  char32_t last = 0;  // the last character of the segment; 0 at its start
  bool pending_space = false;
  for (int32_t i = 0; i < composed.length();) {
    const UChar32 c = composed.char32At(i);
    i += U16_LENGTH(c);
    if (keep_layout && (c == '\t' || c == '\n')) {
      out.push_back(static_cast<char>(c));
      last = 0;
      pending_space = false;
      continue;
    }
    if (u_isUWhiteSpace(c) || u_charType(c) == U_SPACE_SEPARATOR) {
      pending_space = true;
      continue;
    }
    if (pending_space && last != 0 && !(IsCjk(last) && IsCjk(static_cast<char32_t>(c)))) {
      out.push_back(' ');
    }
    pending_space = false;
    any_content = true;
    icu::UnicodeString(c).toUTF8String(out);
    last = static_cast<char32_t>(c);
  }
  return any_content ? out : "";
}

// Pieces that take each path of the collapse: ASCII words and single spaces
// (eight bytes at a time), CJK and fullwidth punctuation runs, white space of
// every kind, invisible characters, fullwidth forms, what NFC composes or
// reorders, and broken UTF-8.
constexpr std::string_view kPieces[] = {"a",
                                        "Z",
                                        "1",
                                        ".",
                                        "\x01",
                                        "\x1F",
                                        "abcdefg",
                                        "ITU-T SG20",
                                        " ",
                                        "  ",
                                        "\t",
                                        "\n",
                                        "\r",
                                        "\v",
                                        "\f",
                                        "\u0085",
                                        "\u00A0",
                                        "\u1680",
                                        "\u2002",
                                        "\u200A",
                                        "\u2028",
                                        "\u202F",
                                        "\u205F",
                                        "\u3000",
                                        "会",
                                        "议",
                                        "\u3400",
                                        "\u9FFF",
                                        "\u3001",
                                        "\u3002",
                                        "\u3029",
                                        "\u3030",
                                        "，",
                                        "（",
                                        "\uFF0F",
                                        "\uFF1A",
                                        "\uFF3B",
                                        "\uFF40",
                                        "\uFF5B",
                                        "\uFFEF",
                                        "\uFFF0",
                                        "“",
                                        "”",
                                        "—",
                                        "…",
                                        "\u2010",
                                        "\u2027",
                                        "\u2030",
                                        "\u205E",
                                        "\u2060",
                                        "\u206F",
                                        "\u200B",
                                        "\u200D",
                                        "\u00AD",
                                        "\uFEFF",
                                        "\u202E",
                                        "\u061C",
                                        "\uFF10",
                                        "\uFF19",
                                        "\uFF21",
                                        "\uFF3A",
                                        "\uFF41",
                                        "\uFF5A",
                                        "e\u0301",
                                        "\u0301",
                                        "\u302A",
                                        "\u302B",
                                        "か",
                                        "\u3099",
                                        "\u1100",
                                        "\u1161",
                                        "\uAC00",
                                        "\uF900",
                                        "\u2000",
                                        "\u2001",
                                        "\u00E9",
                                        "\u00C0",
                                        "\u00FF",
                                        "\u0100",
                                        "\u02FF",
                                        "\u0300",
                                        "\u4000",
                                        "\u4DFF",
                                        "\u4E00",
                                        "\uA000",
                                        "\u0439",
                                        "\u0627\u0653",
                                        "\U0001F600",
                                        "\uFFFD",
                                        "\xFF",
                                        "\x80",
                                        "\xE4\xBC",
                                        "\xE4",
                                        "\xED\xA0\x80",
                                        "\xE0\x80\x80",
                                        "\xE0\xA0\x80",
                                        "\xEF\xBF\xBF",
                                        "\xC3",
                                        "\xF0\x9F\x98"};

TEST(CleanText, FastPathsAgreeWithThePlainComputationOnRandomText) {
  std::mt19937 random(20261126);
  std::uniform_int_distribution<std::size_t> piece(0, std::size(kPieces) - 1);
  std::uniform_int_distribution<int> count(0, 24);
  for (int round = 0; round < 40000; ++round) {
    std::string text;
    for (int n = count(random); n > 0; --n) text.append(kPieces[piece(random)]);
    ASSERT_EQ(CleanText(text), PlainClean(text, false)) << text;
    Document doc = OneParagraph(text);
    Normalize(doc);
    ASSERT_EQ(doc.body[0].paragraph.text, PlainClean(text, true)) << text;
  }
}

// Each piece at every offset of a long ASCII text, after CJK characters at
// every alignment, and at either end: the eight-byte steps and the CJK loop
// meet it wherever it sits, and stop short of the end of the text.
TEST(CleanText, FastPathsAgreeWithThePlainComputationAtEveryAlignment) {
  const std::string ascii = "Collective Letter 11/20 of ITU-T SG20";
  const std::string cjk = "电信标准化局第号集体函“会议”，。";
  for (std::string_view piece : kPieces) {
    for (std::size_t at = 0; at <= ascii.size(); ++at) {
      const std::string text = ascii.substr(0, at) + std::string(piece) + ascii.substr(at);
      ASSERT_EQ(CleanText(text), PlainClean(text, false)) << text;
    }
    for (std::size_t at = 0; at <= cjk.size(); at += 3) {
      for (std::string_view before : {"", "a", "ab", " ", "\u00A0"}) {
        const std::string text =
            std::string(before) + cjk.substr(0, at) + std::string(piece) + cjk.substr(at);
        ASSERT_EQ(CleanText(text), PlainClean(text, false)) << text;
        Document doc = OneParagraph(text + "\t" + text);
        Normalize(doc);
        ASSERT_EQ(doc.body[0].paragraph.text, PlainClean(text + "\t" + text, true)) << text;
      }
    }
  }
}

// Clean text is only scanned (PlainlyClean), runs of ideographs two at a
// time. Each piece, alone or after a neighbour, at every offset of a run of
// ideographs (every alignment of the pairs), with the run cut there too, and
// the text with tabs and line breaks around it: the scan must vouch only for
// text the collapse leaves as it is.
TEST(CleanText, FastPathsAgreeWithThePlainComputationInIdeographRuns) {
  const std::string ideographs = "电信标准化局第号集体函会议";  // leads E4..E9
  for (std::string_view piece : kPieces) {
    for (std::string_view neighbour : {"", " ", "a", "a ", " a", "\t", "\n", "会", "é", "，"}) {
      const std::string inserted = std::string(neighbour) + std::string(piece);
      for (std::size_t at = 0; at <= ideographs.size(); at += 3) {
        const std::string head = ideographs.substr(0, at);
        for (const std::string& text :
             {head + inserted + ideographs.substr(at), head + inserted,
              "ITU-T " + head + inserted + "\t" + ideographs.substr(at) + "\n"}) {
          ASSERT_EQ(CleanText(text), PlainClean(text, false)) << text;
          Document doc = OneParagraph(text);
          Normalize(doc);
          ASSERT_EQ(doc.body[0].paragraph.text, PlainClean(text, true)) << text;
        }
      }
    }
  }
}

TEST(Normalize, KeepsTabsAndLineBreaks) {
  Document doc = OneParagraph("\t2021年3月17日\t–\t提交ITU-T 成员文稿");
  Normalize(doc);
  EXPECT_EQ(doc.body[0].paragraph.text, "\t2021年3月17日\t–\t提交ITU-T 成员文稿");
}

TEST(Normalize, TrimsEachSegmentAndCollapsesInside) {
  Document doc = OneParagraph(" 参加第20研究组工作的 \n ITU-T\u00A0 部门准成员 \t 12\u3000May ");
  Normalize(doc);
  EXPECT_EQ(doc.body[0].paragraph.text, "参加第20研究组工作的\nITU-T 部门准成员\t12 May");
}

TEST(Normalize, BlankParagraphBecomesEmpty) {
  Document doc = OneParagraph("\t \u00A0\n\u3000\t");
  Normalize(doc);
  EXPECT_EQ(doc.body[0].paragraph.text, "");
}

TEST(Normalize, TrimsAroundLayoutAndLeavesCleanTextAlone) {
  Document doc = OneParagraph("TSB \tLetter\n 11/20");
  Normalize(doc);
  EXPECT_EQ(doc.body[0].paragraph.text, "TSB\tLetter\n11/20");
  doc = OneParagraph("TSB\tLetter\n11/20");
  Normalize(doc);
  EXPECT_EQ(doc.body[0].paragraph.text, "TSB\tLetter\n11/20");
  doc = OneParagraph("\t\n");  // only layout
  Normalize(doc);
  EXPECT_EQ(doc.body[0].paragraph.text, "");
  doc = OneParagraph("会议\t \u3000信息\u00A0");
  Normalize(doc);
  EXPECT_EQ(doc.body[0].paragraph.text, "会议\t信息");
}

TEST(Normalize, CleansTablesNotesAndLinks) {
  Document doc;
  Block table_block;
  table_block.kind = Block::Kind::kTable;
  TableCell cell;
  Block cell_paragraph;
  cell_paragraph.paragraph.text = "批准\u200B第20研究组 会议";
  cell.blocks.push_back(cell_paragraph);
  // A table nested in a cell is cleaned too.
  Block nested;
  nested.kind = Block::Kind::kTable;
  TableCell nested_cell;
  Block nested_paragraph;
  nested_paragraph.paragraph.text = "Report\u00A0１５";
  nested_cell.blocks.push_back(nested_paragraph);
  nested.table.rows.push_back(TableRow{{nested_cell}});
  cell.blocks.push_back(nested);
  table_block.table.rows.push_back(TableRow{{cell}});
  doc.body.push_back(table_block);

  Note note;
  note.kind = Note::Kind::kFooter;
  Block note_paragraph;
  note_paragraph.paragraph.text = "  Tel.\u00A0+41 22 730 6301 ";
  note.blocks.push_back(note_paragraph);
  doc.notes.push_back(note);

  Block linked;
  linked.paragraph.text = "见：www.itu.int/go/tsg20";
  linked.paragraph.links.push_back({"www.itu.int/\u200Bgo/tsg20 ", "https://www.itu.int/go/tsg20"});
  doc.body.push_back(linked);

  Normalize(doc);
  const Table& table = doc.body[0].table;
  EXPECT_EQ(table.rows[0].cells[0].blocks[0].paragraph.text, "批准第20研究组会议");
  EXPECT_EQ(table.rows[0].cells[0].blocks[1].table.rows[0].cells[0].blocks[0].paragraph.text,
            "Report 15");
  EXPECT_EQ(doc.notes[0].blocks[0].paragraph.text, "Tel. +41 22 730 6301");
  EXPECT_EQ(doc.body[1].paragraph.links[0].text, "www.itu.int/go/tsg20");
  EXPECT_EQ(doc.body[1].paragraph.links[0].target, "https://www.itu.int/go/tsg20");
}

TEST(JoinWrapped, NothingBetweenCjk) {
  EXPECT_EQ(JoinWrapped("电信标准化局", "第11/20号集体函"), "电信标准化局第11/20号集体函");
  EXPECT_EQ(JoinWrapped("参加第20研究组工作的", "ITU-T部门准成员"),
            "参加第20研究组工作的ITU-T部门准成员");
  EXPECT_EQ(JoinWrapped("ITU-T", "部门成员"), "ITU-T部门成员");
}

TEST(JoinWrapped, OneSpaceBetweenWords) {
  EXPECT_EQ(JoinWrapped("TSB Collective", "Letter 11/20"), "TSB Collective Letter 11/20");
  EXPECT_EQ(JoinWrapped("“标准”", "2021"), "“标准” 2021");
}

// JoinWrapped as written before AppendWrapped: the two sides' characters
// that meet decoded with ICU, a space unless one of them is CJK.
std::string PlainJoinWrapped(std::string_view left, std::string_view right) {
  if (left.empty()) return std::string(right);
  if (right.empty()) return std::string(left);
  const auto* left_bytes = reinterpret_cast<const uint8_t*>(left.data());
  const auto* right_bytes = reinterpret_cast<const uint8_t*>(right.data());
  UChar32 last = 0, first = 0;
  int32_t at = static_cast<int32_t>(left.size());
  U8_PREV_OR_FFFD(left_bytes, 0, at, last);
  at = 0;
  U8_NEXT_OR_FFFD(right_bytes, at, static_cast<int32_t>(right.size()), first);
  const bool cjk = IsCjk(static_cast<char32_t>(last)) || IsCjk(static_cast<char32_t>(first));
  return std::string(left) + (cjk ? "" : " ") + std::string(right);
}

// AppendWrapped builds BuildBlocks' cell lines and the header values in
// place; piece by piece it gives what joining them one by one gave.
TEST(JoinWrapped, AppendingInPlaceJoinsAsJoinWrapped) {
  const std::vector<std::string> pieces = {
      "",  "SG20/CB", "电信", "。",   "ITU-T", "ب",        "مايو", "й",  "мая", "\u200b",
      "“", "”",       "2021", "\xe4", "\xff",  "\xe4\xb8", "ー",   "가", "\t",  " "};
  for (const std::string& first : pieces) {
    for (const std::string& second : pieces) {
      for (const std::string& third : pieces) {
        std::string built = first;
        AppendWrapped(built, second);
        AppendWrapped(built, third);
        ASSERT_EQ(built, PlainJoinWrapped(PlainJoinWrapped(first, second), third))
            << first << "|" << second << "|" << third;
        ASSERT_EQ(JoinWrapped(first, second), PlainJoinWrapped(first, second));
      }
    }
  }
}

TEST(JoinWrapped, EmptySideGivesTheOther) {
  EXPECT_EQ(JoinWrapped("", "SG20/CB"), "SG20/CB");
  EXPECT_EQ(JoinWrapped("SG20/CB", ""), "SG20/CB");
  EXPECT_EQ(JoinWrapped("", ""), "");
}

TEST(IsCjk, ClassifiesCodePoints) {
  EXPECT_TRUE(IsCjk(U'日'));
  EXPECT_TRUE(IsCjk(U'〇'));
  EXPECT_TRUE(IsCjk(U'か'));  // Hiragana
  EXPECT_TRUE(IsCjk(U'カ'));  // Katakana
  EXPECT_TRUE(IsCjk(U'ー'));  // prolonged sound mark, Common script with kana extensions
  EXPECT_TRUE(IsCjk(U'한'));  // Hangul
  EXPECT_TRUE(IsCjk(U'ㄅ'));  // Bopomofo
  EXPECT_TRUE(IsCjk(U'。'));
  EXPECT_TRUE(IsCjk(U'、'));
  EXPECT_TRUE(IsCjk(U'，'));
  EXPECT_TRUE(IsCjk(U'：'));
  EXPECT_TRUE(IsCjk(U'（'));
  EXPECT_TRUE(IsCjk(U'＆'));
  EXPECT_TRUE(IsCjk(U'㎡'));          // CJK compatibility
  EXPECT_TRUE(IsCjk(U'\U00020000'));  // Extension B ideograph
  EXPECT_FALSE(IsCjk(U'A'));
  EXPECT_FALSE(IsCjk(U'1'));
  EXPECT_FALSE(IsCjk(U'é'));
  EXPECT_FALSE(IsCjk(U'я'));
  EXPECT_FALSE(IsCjk(U'ع'));
  EXPECT_FALSE(IsCjk(U'“'));
  EXPECT_FALSE(IsCjk(U'”'));
  EXPECT_FALSE(IsCjk(U'·'));
  EXPECT_FALSE(IsCjk(U'Ａ'));  // fullwidth letters are folded, not CJK punctuation
}

}  // namespace
}  // namespace missive
