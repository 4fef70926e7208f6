#include "recognize/recognize.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cstdint>
#include <cstring>
#include <deque>
#include <map>
#include <set>
#include <span>
#include <unordered_map>

#include "normalize/normalize.h"
#include "recognize/scan.h"
#include "recognize/tables.h"

namespace missive {
namespace {

using scan::Trim;
constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// One paragraph of the body in reading order, with where it sits. Table
// coordinates are those of the top-level table (nested tables flatten into
// their outer cell).
struct Line {
  const Paragraph* paragraph = nullptr;
  std::size_t block = 0;  // index into Document::body
  int row = -1;           // -1 outside tables
  int cell = -1;
  // The paragraph as one line of record text: CleanText of its text, with
  // its list label in front. Computed once; every reader below uses it.
  // Views of the paragraph's own text when that is already clean, else of
  // strings the Recognizer keeps.
  std::string_view clean;
  std::string_view clean_text;  // the same without the list label
  bool fully_cleaned = false;   // the text needed more than its white space collapsed
  bool InTable() const { return row >= 0; }
  std::string_view text() const { return paragraph->text; }
};

// CleanText, without its full work for text that needs little or none: the
// normalize stage left most text so.
std::string Clean(std::string_view text, scan::CleanWork work) {
  switch (work) {
    case scan::CleanWork::kNone:
      return std::string(text);
    case scan::CleanWork::kWhiteSpace:
      return scan::CollapseWhiteSpace(text);
    case scan::CleanWork::kFull:
      break;
  }
  return CleanText(text);
}
std::string Clean(std::string_view text) { return Clean(text, scan::CleanWorkFor(text)); }

// The range of lines_ one table row holds.
struct RowRange {
  std::size_t block = 0;
  int row = 0;
  std::size_t begin = 0, end = 0;
};

// A value line of a header field, with whether a bullet led it: a view of
// its paragraph's text.
struct ValueLine {
  std::string_view text;
  bool bulleted = false;
};

struct HeaderValue {
  bool found = false;
  std::vector<ValueLine> lines;
};
constexpr std::size_t kHeaderFields = static_cast<std::size_t>(HeaderField::kSubject) + 1;

// Keys of reference kinds in the language-independent form.
std::string_view KindTitle(std::string_view kind) {
  if (kind == "collective-letter") return "Collective Letter";
  if (kind == "circular") return "Circular";
  if (kind == "letter") return "Letter";
  return kind;
}

// Heterogeneous lookup: a std::string_view finds a std::string key.
struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const {
    return std::hash<std::string_view>{}(text);
  }
};

void AddUnique(std::vector<std::string>& values, std::string_view value) {
  if (std::find(values.begin(), values.end(), value) == values.end()) {
    values.emplace_back(value);
  }
}

// "1/20" or "20" (ASCII digits) at the start of `text`; the byte length.
std::size_t NumberLength(std::string_view text, bool slash) {
  std::size_t i = 0;
  while (i < text.size() && scan::IsAsciiDigit(static_cast<unsigned char>(text[i]))) ++i;
  if (i == 0) return 0;
  if (!slash) return i;
  if (i >= text.size() || text[i] != '/') return 0;
  std::size_t j = i + 1;
  while (j < text.size() && scan::IsAsciiDigit(static_cast<unsigned char>(text[j]))) ++j;
  return j > i + 1 ? j : 0;
}

// The word lists of a table that are looked for in (nearly) every paragraph,
// compiled once for the table.
struct TableWords {
  // The deadline words (as written) split by whether they hold a deadline
  // marker, as deadline_markers matches it: a text found without a marker
  // can hold only the others.
  scan::WordSet deadline_words_with_marker;
  scan::WordSet deadline_words_without_marker;
  scan::WordSet deadline_markers;  // after the date as written, before it in any case
  scan::WordSet event_markers;     // as written, without a leading space (see ReadEvents)
  scan::WordSet opening_words;     // in any case
  scan::WordSet agenda_words;      // as written
  scan::WordSet event_words;       // in any case
  scan::WordSet deadline_actions;  // in any case
};

// Whether `word`, found as written in a text, makes a word of `as_written`
// (found as written) or of `any_case` (found ignoring ASCII case) occur there.
bool HoldsAnyOf(std::string_view word, std::span<const std::string_view> as_written,
                std::span<const std::string_view> any_case) {
  return std::any_of(as_written.begin(), as_written.end(),
                     [&](std::string_view other) { return scan::Contains(word, other); }) ||
         std::any_of(any_case.begin(), any_case.end(), [&](std::string_view other) {
           return scan::FindFold(word, other) != std::string_view::npos;
         });
}

const TableWords& WordsOf(const LanguageTable& table) {
  static const std::vector<TableWords> all = [] {
    std::vector<TableWords> compiled(LanguageTables().size());
    for (std::size_t t = 0; t < compiled.size(); ++t) {
      const LanguageTable& source = LanguageTables()[t];
      TableWords& words = compiled[t];
      std::vector<std::string_view> with_marker, without_marker;
      for (std::string_view word : source.deadline_words) {
        (HoldsAnyOf(word, source.deadline_after_date, source.deadline_before_date) ? with_marker
                                                                                   : without_marker)
            .push_back(word);
      }
      words.deadline_words_with_marker.Add(with_marker, /*fold=*/false);
      words.deadline_words_without_marker.Add(without_marker, /*fold=*/false);
      words.deadline_markers.Add(source.deadline_after_date, /*fold=*/false);
      words.deadline_markers.Add(source.deadline_before_date, /*fold=*/true);
      std::vector<std::string_view> marker_stems;
      for (std::string_view marker : source.event_markers) {
        while (marker.starts_with(' ')) marker.remove_prefix(1);
        marker_stems.push_back(marker);  // a view of the table's word, which outlives the set
      }
      words.event_markers.Add(marker_stems, /*fold=*/false);
      words.opening_words.Add(source.opening_words, /*fold=*/true);
      words.agenda_words.Add(source.agenda_words, /*fold=*/false);
      words.event_words.Add(source.event_words, /*fold=*/true);
      words.deadline_actions.Add(source.deadline_actions, /*fold=*/true);
    }
    return compiled;
  }();
  return all[static_cast<std::size_t>(&table - LanguageTables().data())];
}

// The item labels of a table, for the scanners.
scan::ItemLabelRules LabelRulesOf(const LanguageTable& table) {
  scan::ItemLabelRules rules;
  rules.chinese_numerals = table.chinese_item_numerals;
  rules.roman_numerals = table.roman_item_numerals;
  rules.marks = table.item_marks;
  rules.brackets = table.item_brackets;
  return rules;
}

// Levels and parents of agenda items from their labels, in reading order.
// Dotted numbers say their depth below their first part ("7.1" is under
// "7", "二.1" under "二"). Other kinds of label nest as outlines are
// written: a kind first seen goes one level below the item before it
// ("二、" then "（一）"), and a kind seen before returns to its level,
// closing the levels below. A list of one kind of label is as flat as its
// numbers say.
class Outline {
 public:
  AgendaItem Make(const scan::ItemLabel& label, std::span<const std::string_view> title_lines) {
    AgendaItem item;
    item.number = std::string(label.number);
    const auto dots =
        static_cast<std::size_t>(std::count(label.number.begin(), label.number.end(), '.'));
    auto known = std::find_if(bases_.begin(), bases_.end(),
                              [&](const Base& base) { return base.style == label.style; });
    std::size_t base = 1;
    if (known != bases_.end()) {
      base = known->level;
      // The kinds first seen below it are placed anew when they come back.
      std::erase_if(bases_, [&](const Base& other) { return other.level > base; });
    } else {
      base = latest_.size() + 1;
      bases_.push_back({label.style, base});
    }
    const std::size_t level = base + dots;
    item.level = static_cast<int>(level);
    if (std::size_t dot = label.number.rfind('.'); dot != std::string_view::npos) {
      item.parent = std::string(label.number.substr(0, dot));
    } else if (level >= 2 && latest_.size() >= level - 1) {
      item.parent = latest_[level - 2];
    }
    latest_.resize(level);
    latest_[level - 1] = item.number;
    for (std::string_view line : title_lines) {
      if (!item.title.empty()) item.title += "\n";
      item.title += line;
    }
    return item;
  }

 private:
  struct Base {
    scan::LabelStyle style;
    std::size_t level;  // of its undotted labels
  };
  std::vector<Base> bases_;
  std::vector<OptString> latest_;  // the number of the latest item at each level
};

class Recognizer {
 public:
  explicit Recognizer(const Document& doc) : doc_(doc) {}

  LetterRecord Run() {
    lines_.reserve(ParagraphCount(doc_.body));
    Flatten(doc_.body);
    record_.warnings = doc_.warnings;
    DetectLanguage();
    date_language_ = DateLanguage(language_);
    table_ = &TableFor(language_);
    words_ = &WordsOf(*table_);
    label_rules_ = LabelRulesOf(*table_);
    record_.language = language_;
    record_.properties = doc_.properties;
    FindLandmarks();
    LetterFields letter;
    ReadPlaceAndDate(letter);
    ReadHeader(letter);
    ReadSalutationAndClosing(letter);
    ReadSignature(letter);
    record_.letter = std::move(letter);  // its strings, not copies
    ReadMeeting();
    ReadDeadlines();
    ReadEvents();
    ReadAnnexesAndAgenda();
    ReadMentions();
    BuildBlocks();
    ReadNotes();
    AddMissingWarnings();
    return std::move(record_);
  }

 private:
  // ---- Layout --------------------------------------------------------------

  void Flatten(const std::vector<Block>& blocks) {
    for (std::size_t b = 0; b < blocks.size(); ++b) {
      const Block& block = blocks[b];
      if (block.kind == Block::Kind::kParagraph) {
        AddLine(block.paragraph, b, -1, -1);
        continue;
      }
      for (std::size_t r = 0; r < block.table.rows.size(); ++r) {
        const TableRow& row = block.table.rows[r];
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
          FlattenCell(row.cells[c].blocks, b, static_cast<int>(r), static_cast<int>(c));
        }
      }
    }
  }

  static std::size_t ParagraphCount(const std::vector<Block>& blocks) {
    std::size_t count = 0;
    for (const Block& block : blocks) {
      if (block.kind == Block::Kind::kParagraph) {
        ++count;
        continue;
      }
      for (const TableRow& row : block.table.rows) {
        for (const TableCell& cell : row.cells) count += ParagraphCount(cell.blocks);
      }
    }
    return count;
  }

  void FlattenCell(const std::vector<Block>& blocks, std::size_t top, int row, int cell) {
    for (const Block& block : blocks) {
      if (block.kind == Block::Kind::kParagraph) {
        AddLine(block.paragraph, top, row, cell);
        continue;
      }
      for (const TableRow& nested_row : block.table.rows) {
        for (const TableCell& nested_cell : nested_row.cells) {
          FlattenCell(nested_cell.blocks, top, row, cell);
        }
      }
    }
  }

  // The lines of one table row: Flatten adds a row's lines together and the
  // rows in order, so they are one run of lines_ and row_ranges_ is sorted.
  std::pair<std::size_t, std::size_t> RowLines(std::size_t block, int row) const {
    auto it = std::lower_bound(row_ranges_.begin(), row_ranges_.end(), std::pair{block, row},
                               [](const RowRange& range, const std::pair<std::size_t, int>& key) {
                                 return std::pair{range.block, range.row} < key;
                               });
    if (it == row_ranges_.end() || it->block != block || it->row != row) return {0, 0};
    return {it->begin, it->end};
  }

  void AddLine(const Paragraph& p, std::size_t block, int row, int cell) {
    std::string_view clean_text = p.text;
    // The language guess reads the same bytes: counted on the way.
    const scan::CleanWork work = scan::CleanWorkAndCount(p.text, Stopwords(), language_counts_);
    if (work != scan::CleanWork::kNone) clean_text = cleaned_.emplace_back(Clean(p.text, work));
    std::string_view clean = clean_text;
    if (!p.list_label.empty()) {
      if (clean_text.empty()) {
        clean = p.list_label;
      } else {
        std::string& labelled = cleaned_.emplace_back();  // built in place, with one allocation
        labelled.reserve(p.list_label.size() + 1 + clean_text.size());
        labelled.append(p.list_label).append(" ").append(clean_text);
        clean = labelled;
      }
    }
    if (row >= 0) {
      if (row_ranges_.empty() || row_ranges_.back().block != block ||
          row_ranges_.back().row != row) {
        row_ranges_.push_back({block, row, lines_.size(), lines_.size()});
      }
      row_ranges_.back().end = lines_.size() + 1;
    }
    lines_.push_back({&p, block, row, cell, clean, clean_text, work == scan::CleanWork::kFull});
  }

  // The cleaned text of `p`, which must be the next paragraph in reading
  // order: BuildBlocks walks the body in the order Flatten did.
  std::string_view NextCleanText(const Paragraph& p) {
    const Line& line = lines_[block_cursor_++];
    (void)p;
    assert(line.paragraph == &p);
    return line.clean;
  }

  // ---- Language --------------------------------------------------------------

  // The stopwords of every table, by table.
  static const scan::StopwordIndex& Stopwords() {
    static const scan::StopwordIndex index = [] {
      scan::StopwordIndex stopwords;
      const auto& tables = LanguageTables();
      assert(tables.size() <= scan::StopwordIndex::kMaxLanguages);
      for (std::size_t t = 0; t < tables.size(); ++t) {
        for (std::string_view word : tables[t].stopwords) {
          // Stopwords are short function words.
          assert(word.size() <= scan::StopwordIndex::kMaxLength);
          stopwords.Add(word, t);
        }
      }
      return stopwords;
    }();
    return index;
  }

  // From the counts AddLine took of every line's text.
  void DetectLanguage() {
    const scan::LanguageCounts& counts = language_counts_;
    const std::size_t han = counts.han, latin = counts.latin, cyrillic = counts.cyrillic,
                      arabic = counts.arabic;
    // A Han character carries about as much as a short Latin word, so Han is
    // weighted up: a Chinese letter full of "ITU-T" is still Chinese.
    std::array<std::pair<std::size_t, std::string_view>, 4> scripts = {
        {{han * 3, "zh"}, {cyrillic, "ru"}, {arabic, "ar"}, {latin, "latin"}}};
    auto best = std::max_element(scripts.begin(), scripts.end());
    if (best->first == 0) {
      language_ = "und";
      return;
    }
    if (best->second != "latin") {
      language_ = std::string(best->second);
      return;
    }
    std::size_t best_count = 0;
    language_ = "en";
    for (std::size_t t = 0; t < LanguageTables().size(); ++t) {
      if (counts.stopwords[t] > best_count) {
        best_count = counts.stopwords[t];
        language_ = std::string(LanguageTables()[t].language);
      }
    }
  }

  // ---- Landmarks: salutation and annex headings -----------------------------

  void FindLandmarks() {
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      std::string_view text = lines_[i].clean_text;
      if (salutation_ == kNone && StartsWithAny(text, table_->salutations) &&
          scan::AtMostCodePoints(text, 80)) {
        salutation_ = i;
      }
      if (!lines_[i].InTable()) {
        std::string label, title;
        if (MatchAnnexHeading(text, &label, &title)) annex_lines_.push_back({i, label, title});
      }
    }
    // A salutation may run over two paragraphs ("Уважаемая госпожа," /
    // "уважаемый господин,"): the second goes on in lower case and ends as
    // the first does, like a salutation. A first body paragraph does neither.
    if (salutation_ != kNone) {
      salutation_end_ = salutation_;
      const std::size_t next = salutation_ + 1;
      if (next < lines_.size() && lines_[next].InTable() == lines_[salutation_].InTable() &&
          EndsLikeASalutation(lines_[salutation_].clean_text) &&
          IsSalutationContinuation(lines_[next].clean_text)) {
        salutation_end_ = next;
      }
    }
    first_annex_ = annex_lines_.empty() ? lines_.size() : annex_lines_.front().line;
    if (salutation_ != kNone && first_annex_ < salutation_) first_annex_ = lines_.size();
    header_end_ = salutation_ != kNone ? salutation_ : std::min<std::size_t>(lines_.size(), 60);
  }

  // The punctuation a salutation ends with: "," ":" "،" "：" "，".
  static bool EndsLikeASalutation(std::string_view text) {
    if (text.empty()) return false;
    const char32_t last = scan::LastCodePoint(text);
    return last == U',' || last == U':' || last == U'،' || last == U'：' || last == U'，';
  }

  // A short paragraph that starts in lower case and ends like a salutation.
  static bool IsSalutationContinuation(std::string_view text) {
    if (!scan::AtMostCodePoints(text, 80) || !EndsLikeASalutation(text)) return false;
    return u_islower(static_cast<UChar32>(scan::FirstCodePoint(text)));
  }

  // The first line after the salutation, where the body starts.
  std::size_t BodyStart() const { return salutation_ != kNone ? salutation_end_ + 1 : 0; }

  static bool StartsWithAny(std::string_view text, const std::vector<std::string_view>& prefixes) {
    for (std::string_view prefix : prefixes) {
      if (scan::StartsWithFold(text, prefix)) return true;
    }
    return false;
  }

  // "附件A", "Annex B – Draft agenda", "ANNEX 2": an annex heading paragraph.
  bool MatchAnnexHeading(std::string_view text, std::string* label, std::string* title) const {
    for (std::string_view word : table_->annex_words) {
      if (text.substr(0, word.size()) != word) continue;
      std::string_view rest = text.substr(word.size());
      if (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
      std::size_t length = 0;
      while (length < rest.size() &&
             ((rest[length] >= 'A' && rest[length] <= 'Z') ||
              scan::IsAsciiDigit(static_cast<unsigned char>(rest[length])))) {
        ++length;
      }
      if (length == 0 || length > 3) continue;
      std::string_view after = rest.substr(length);
      // The label must stand alone: "附件A" or "Annex A: title", never "附件A所述".
      if (!after.empty()) {
        std::size_t next = 0;
        char32_t c = scan::DecodeAt(after, 0, &next);
        if (c != U' ' && c != U'\t' && c != U':' && c != U'：' && c != U'–' && c != U'-' &&
            c != U'—') {
          continue;
        }
        after = Trim(after.substr(next));
        if (!after.empty() && (scan::FirstCodePoint(after) == U'–' || after.front() == '-')) {
          std::size_t skip = 0;
          scan::DecodeAt(after, 0, &skip);
          after = Trim(after.substr(skip));
        }
        // "Annex A to TSB Circular 300" and sentences are not headings.
        if (!scan::AtMostCodePoints(after, 80) || scan::Contains(after, "。")) continue;
      }
      *label = std::string(rest.substr(0, length));
      *title = std::string(after);
      return true;
    }
    return false;
  }

  // ---- Place and date ----------------------------------------------------------

  void ReadPlaceAndDate(LetterFields& letter) {
    std::size_t limit = std::min(header_end_, lines_.size());
    for (std::size_t i = 0; i < limit; ++i) {
      std::string_view text = lines_[i].clean_text;
      if (text.empty() || !scan::AtMostCodePoints(text, 60) || !scan::MayHoldNumber(text)) continue;
      // The first date is all it reads: the scan stops there.
      std::vector<DateMatch> dates = FindDates(text, date_language_, std::nullopt, 1);
      if (dates.empty() || !dates.front().year_stated || dates.front().last) continue;
      std::string rest = std::string(text.substr(0, dates.front().begin)) + " " +
                         std::string(text.substr(dates.front().end));
      std::string place = RemoveFillers(Clean(StripPlaceSeparators(rest)));
      bool has_digit =
          std::any_of(place.begin(), place.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (has_digit || scan::CodePointCount(place) > 40) continue;
      letter.date = scan::IsoDate(dates.front().start);
      letter_date_ = dates.front().start;
      if (!place.empty()) letter.place = place;
      return;
    }
  }

  // "Genève le" -> "Genève": drops the table's filler words around the place.
  std::string RemoveFillers(const std::string& place) const {
    std::string kept;
    for (std::string_view word : scan::Split(place, ' ')) {
      bool filler = std::find(table_->place_fillers.begin(), table_->place_fillers.end(), word) !=
                    table_->place_fillers.end();
      if (!filler && !word.empty()) kept += (kept.empty() ? "" : " ") + std::string(word);
    }
    return kept;
  }

  static std::string StripPlaceSeparators(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
      std::size_t next = 0;
      char32_t c = scan::DecodeAt(text, i, &next);
      bool separator = c == U'，' || c == U',' || c == U'、' || c == U'،' || c == U'\t';
      out += separator ? std::string(" ") : std::string(text.substr(i, next - i));
      i = next;
    }
    return out;
  }

  // ---- Header block --------------------------------------------------------------

  static std::size_t FoldedByte(char c) {
    return static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }

  // The header labels of every table, by their first byte (ASCII folded).
  static const std::array<std::vector<const HeaderLabel*>, 256>& LabelsByFirstByte() {
    static const auto index = [] {
      std::array<std::vector<const HeaderLabel*>, 256> by_byte;
      for (const LanguageTable& table : LanguageTables()) {
        for (const HeaderLabel& label : table.labels) {
          if (!label.text.empty()) {
            by_byte[FoldedByte(label.text.front())].push_back(&label);
            continue;
          }
          for (auto& labels : by_byte) labels.push_back(&label);  // matches any segment
        }
      }
      return by_byte;
    }();
    return index;
  }

  // Matches a header label at the start of `segment`; `*rest` gets the value
  // written after the label on the same segment.
  bool MatchLabel(std::string_view segment, HeaderField* field, std::string_view* rest) const {
    // Labels of every language: a Chinese letter may carry English labels.
    // Only those starting with the segment's first byte can match; they are
    // tried in table order.
    if (segment.empty()) return false;
    for (const HeaderLabel* label : LabelsByFirstByte()[FoldedByte(segment.front())]) {
      if (!scan::StartsWithFold(segment, label->text)) continue;
      std::string_view after = segment.substr(label->text.size());
      if (!after.empty() && after.front() == '.') after.remove_prefix(1);
      after = Trim(after);
      if (after.empty()) {
        *field = label->field;
        *rest = after;
        return true;
      }
      for (std::string_view colon : {std::string_view("："), std::string_view(":")}) {
        if (after.substr(0, colon.size()) == colon) {
          *field = label->field;
          *rest = Trim(after.substr(colon.size()));
          return true;
        }
      }
    }
    return false;
  }

  void ReadHeader(LetterFields& letter) {
    // By field: an array, as there are few fields and most letters use them all.
    std::array<HeaderValue, kHeaderFields> values;
    auto value_of = [&](HeaderField field) -> HeaderValue& {
      return values[static_cast<std::size_t>(field)];
    };
    HeaderValue* current = nullptr;
    const Line* label_line = nullptr;  // where the current field's label stood
    bool paragraph_gap = false;        // an empty paragraph ends a paragraph-layout field
    for (std::size_t i = 0; i < header_end_; ++i) {
      const Line& line = lines_[i];
      if (current && !ContinuesField(*label_line, line, paragraph_gap)) current = nullptr;
      if (!line.InTable() && Trim(line.text()).empty()) paragraph_gap = true;
      scan::ForEachPiece(line.text(), '\n', [&](std::string_view sub_line) {
        bool pending_bullet = false;
        scan::ForEachPiece(sub_line, '\t', [&](std::string_view segment) {
          segment = Trim(segment);
          if (segment.empty()) return;
          if (scan::IsBulletOnly(segment)) {
            pending_bullet = true;
            return;
          }
          HeaderField field;
          std::string_view rest;
          if (MatchLabel(segment, &field, &rest)) {
            current = &value_of(field);
            current->found = true;
            label_line = &line;
            paragraph_gap = false;
            if (!rest.empty()) current->lines.push_back({rest, false});
            return;
          }
          if (!current) return;
          bool bulleted = false;
          std::string_view value = scan::StripBullet(segment, &bulleted);
          if (!value.empty()) {
            current->lines.push_back({value, bulleted || pending_bullet});
          }
          pending_bullet = false;
        });
      });
    }

    auto joined = [&](HeaderField field) -> OptString {
      const HeaderValue& value = value_of(field);
      if (!value.found) return std::nullopt;
      std::string text;
      for (const ValueLine& line : value.lines) AppendWrapped(text, Clean(line.text));
      if (text.empty()) return std::nullopt;
      return text;
    };

    if (const HeaderValue& reference = value_of(HeaderField::kReference);
        !reference.lines.empty()) {
      letter.reference = ParseReference(reference.lines);
    }
    letter.addressees = ListItems(value_of(HeaderField::kTo).lines);
    letter.copies = ListItems(value_of(HeaderField::kCopy).lines);
    letter.subject = joined(HeaderField::kSubject);
    Contact contact;
    contact.name = joined(HeaderField::kContact);
    contact.tel = joined(HeaderField::kTel);
    contact.fax = joined(HeaderField::kFax);
    contact.email = joined(HeaderField::kEmail);
    if (contact.email && scan::StartsWithFold(*contact.email, "mailto:"))
      contact.email->erase(0, 7);
    contact.web = joined(HeaderField::kWeb);
    if (contact.name || contact.tel || contact.fax || contact.email || contact.web) {
      letter.contact = contact;
    }
  }

  // Whether `line` still belongs to the field whose label stood on `label_line`.
  bool ContinuesField(const Line& label_line, const Line& line, bool paragraph_gap) const {
    if (&label_line == &line) return true;
    if (label_line.InTable()) {
      if (!line.InTable() || line.block != label_line.block) return false;
      if (line.row == label_line.row) return true;
      // A row whose label cell is empty continues the value above it.
      return RowLabelEmpty(line.block, line.row);
    }
    if (line.InTable() || paragraph_gap) return false;
    std::string_view text = line.text();
    bool bulleted = false;
    scan::StripBullet(text, &bulleted);
    return !text.empty() && (text.front() == '\t' || bulleted);
  }

  bool RowLabelEmpty(std::size_t block, int row) const {
    auto [begin, end] = RowLines(block, row);
    for (std::size_t i = begin; i < end; ++i) {
      if (lines_[i].cell == 0 && !Trim(lines_[i].text()).empty()) return false;
    }
    return true;
  }

  // Addressee-style lists: a bullet, or a separator ending the previous line,
  // starts a new item; other lines continue a wrapped item.
  static std::vector<std::string> ListItems(const std::vector<ValueLine>& lines) {
    bool any_bullet =
        std::any_of(lines.begin(), lines.end(), [](const ValueLine& l) { return l.bulleted; });
    bool any_separator = std::any_of(lines.begin(), lines.end(), [](const ValueLine& l) {
      return scan::EndsWithSeparator(l.text);
    });
    std::vector<std::string> items;
    bool previous_ended = true;
    for (const ValueLine& line : lines) {
      std::string text = Clean(line.text);
      bool new_item = items.empty() || line.bulleted || (any_separator && previous_ended) ||
                      (!any_bullet && !any_separator);
      previous_ended = scan::EndsWithSeparator(text);
      if (new_item) {
        items.push_back(std::move(text));
      } else {
        AppendWrapped(items.back(), text);
      }
    }
    std::vector<std::string> cleaned;
    for (const std::string& item : items) {
      std::string_view value = scan::StripTrailingSeparators(item);
      if (!value.empty()) cleaned.emplace_back(value);
    }
    return cleaned;
  }

  Reference ParseReference(const std::vector<ValueLine>& lines) const {
    Reference reference;
    reference.text = Clean(lines.front().text);
    // The reference itself may run over several lines: "Corrigendum 1 to" ↵
    // "TSB Circular 300", or "…第8/16号集体函" ↵ "的补遗1". A line joins it
    // while no kind of letter has been named yet, or when it names the
    // addendum or corrigendum.
    std::size_t first_other = 1;
    while (first_other < lines.size() &&
           (!NamesKind(reference.text) || NamesSupplement(lines[first_other].text))) {
      std::string joined = reference.text;
      AppendWrapped(joined, Clean(lines[first_other].text));
      if (!NamesKind(joined)) break;  // not the rest of the reference either
      reference.text = std::move(joined);
      ++first_other;
    }
    // A file code ("SG20/CB", "TSB Events/XY") may follow on its own line.
    for (std::size_t i = first_other; i < lines.size(); ++i) {
      std::string line = Clean(lines[i].text);
      bool cjk = false;
      for (std::size_t j = 0; j < line.size();) {
        std::size_t next = 0;
        if (IsCjk(scan::DecodeAt(line, j, &next))) cjk = true;
        j = next;
      }
      if (!cjk && !line.empty() && scan::AtMostCodePoints(line, 40)) {
        reference.file = line;
        break;
      }
    }
    std::string_view text = reference.text;
    for (const LanguageTable& table : LanguageTables()) {
      if (!reference.issuer) {
        for (const Phrase& issuer : table.issuers) {
          if (ContainsWord(text, issuer.text)) {
            reference.issuer = std::string(issuer.value);
            break;
          }
        }
      }
      if (!reference.kind) {
        for (const Phrase& kind : table.kinds) {
          if (scan::Contains(text, kind.text)) {
            reference.kind = std::string(kind.value);
            break;
          }
        }
      }
    }
    // Addenda and corrigenda carry their own number before the letter's.
    std::string supplement;
    std::string_view remaining = text;
    for (const LanguageTable& table : LanguageTables()) {
      for (auto [words, name] : {std::pair{&table.addendum_words, "Addendum"},
                                 std::pair{&table.corrigendum_words, "Corrigendum"}}) {
        for (std::string_view word : *words) {
          std::size_t at = scan::Find(text, word);
          if (at == std::string_view::npos || !supplement.empty()) continue;
          std::string_view after = text.substr(at + word.size());
          std::size_t skip = after.find_first_not_of(' ');
          if (skip == std::string_view::npos) continue;
          std::size_t length = NumberLength(after.substr(skip), false);
          if (length == 0) continue;
          supplement = std::string(name) + " " + std::string(after.substr(skip, length)) + " to ";
          // The letter's own number is looked for outside the supplement's.
          remaining = at > 0 ? text.substr(0, at) : after.substr(skip + length);
        }
      }
    }
    for (std::size_t i = 0; i < remaining.size(); ++i) {
      if (!scan::IsAsciiDigit(static_cast<unsigned char>(remaining[i]))) continue;
      std::size_t length = NumberLength(remaining.substr(i), true);
      if (length == 0) length = NumberLength(remaining.substr(i), false);
      reference.number = std::string(remaining.substr(i, length));
      break;
    }
    if (reference.issuer && reference.kind && reference.number) {
      reference.key = supplement + *reference.issuer + " " +
                      std::string(KindTitle(*reference.kind)) + " " + *reference.number;
    }
    return reference;
  }

  // Whether `text` names a kind of letter ("集体函", "Circular") in any language.
  static bool NamesKind(std::string_view text) {
    for (const LanguageTable& table : LanguageTables()) {
      for (const Phrase& kind : table.kinds) {
        if (scan::Contains(text, kind.text)) return true;
      }
    }
    return false;
  }

  // Whether `text` names an addendum or a corrigendum in any language.
  static bool NamesSupplement(std::string_view text) {
    for (const LanguageTable& table : LanguageTables()) {
      for (const auto* words : {&table.addendum_words, &table.corrigendum_words}) {
        for (std::string_view word : *words) {
          if (scan::Find(text, word) != std::string_view::npos) return true;
        }
      }
    }
    return false;
  }

  // `word` in `text`, not glued to Latin letters ("BR" must not match "BRIEF").
  static bool ContainsWord(std::string_view text, std::string_view word) {
    for (std::size_t at = scan::Find(text, word); at != std::string_view::npos;
         at = scan::Find(text, word, at + 1)) {
      bool left_ok = at == 0 || !std::isalpha(static_cast<unsigned char>(text[at - 1]));
      std::size_t end = at + word.size();
      bool right_ok = end >= text.size() || !std::isalpha(static_cast<unsigned char>(text[end]));
      if (left_ok && right_ok) return true;
    }
    return false;
  }

  // ---- Salutation, closing, signature --------------------------------------------

  void ReadSalutationAndClosing(LetterFields& letter) {
    if (salutation_ == kNone) return;
    std::string salutation(lines_[salutation_].clean_text);
    for (std::size_t i = salutation_ + 1; i <= salutation_end_; ++i) {
      AppendWrapped(salutation, lines_[i].clean_text);
    }
    letter.salutation = std::move(salutation);
    std::size_t end = std::min(first_annex_, lines_.size());
    for (std::size_t i = BodyStart(); i < end; ++i) {
      if (lines_[i].InTable()) continue;
      std::string_view text = lines_[i].clean_text;
      // Formulas run long in French or Arabic ("Veuillez agréer, …").
      if (StartsWithAny(text, table_->closings) && scan::AtMostCodePoints(text, 200)) closing_ = i;
    }
    if (closing_ == kNone) return;
    letter.closing = std::string(lines_[closing_].clean_text);
    // A formula over two lines ("此致" ↵ "敬礼！"): the second is part of it,
    // not the signature.
    if (const std::size_t next = closing_ + 1;
        next < end && !lines_[next].InTable() &&
        StartsWithAny(lines_[next].clean_text, table_->closing_continuations) &&
        scan::AtMostCodePoints(lines_[next].clean_text, 8)) {
      AppendWrapped(*letter.closing, lines_[next].clean_text);
      closing_ = next;
    }
  }

  // The signatory: a short paragraph naming a title ("Director ...", "…主任")
  // next to a short paragraph with the name, after the closing formula (text
  // boxes included: extract puts them at their anchor). Bracketed notes such
  // as "（签字）" or "(signed)" are neither.
  void ReadSignature(LetterFields& letter) {
    if (closing_ == kNone) return;
    std::vector<std::string> units;
    std::vector<std::vector<std::string>> unit_lines;
    for (std::size_t i = closing_ + 1; i < std::min(first_annex_, closing_ + 10); ++i) {
      std::string_view text = lines_[i].clean_text;
      if (text.empty() || IsBracketed(text)) continue;
      std::vector<std::string> sub_lines;
      scan::ForEachPiece(lines_[i].text(), '\n', [&](std::string_view sub_line) {
        std::string clean = Clean(sub_line);
        if (!clean.empty() && !IsBracketed(clean)) sub_lines.push_back(std::move(clean));
      });
      units.emplace_back(text);
      unit_lines.push_back(std::move(sub_lines));
    }
    auto titled = [&](const std::string& text) {
      return std::any_of(table_->signature_titles.begin(), table_->signature_titles.end(),
                         [&](std::string_view word) { return scan::Contains(text, word); });
    };
    auto is_name = [&](const std::string& text) {
      return scan::AtMostCodePoints(text, 40) && !titled(text);
    };
    // A title over two paragraphs ("Директор Бюро стандартизации" /
    // "электросвязи"): the second goes on in lower case, where the first
    // ends no sentence.
    auto continues = [&](std::string_view title, std::string_view next) {
      if (!scan::AtMostCodePoints(next, 60) || titled(std::string(next))) return false;
      const char32_t last = scan::LastCodePoint(title);
      if (last == U'.' || last == U'!' || last == U'?' || last == U'。' || last == U'！' ||
          last == U'？') {
        return false;
      }
      return u_islower(static_cast<UChar32>(scan::FirstCodePoint(next))) != 0;
    };
    // A title in title case cut after a connector ("Director of the
    // Telecommunication" / "Standardization Bureau"), its name above it: the
    // next paragraph, a capitalised phrase with no digit, '@' or ':', ends
    // it. (With the name below, that paragraph could be the name.)
    auto cut_at_connector = [&](std::string_view title, std::string_view next) {
      if (!scan::AtMostCodePoints(next, 60) || titled(std::string(next)) ||
          !u_isupper(static_cast<UChar32>(scan::FirstCodePoint(next))) ||
          next.find_first_of("0123456789@:") != std::string_view::npos) {
        return false;
      }
      // The connector, then at most two words to the end of the title.
      for (std::string_view connector : table_->title_connectors) {
        for (std::size_t at = scan::Find(title, connector); at != std::string_view::npos;
             at = scan::Find(title, connector, at + 1)) {
          const std::size_t end = at + connector.size();
          if (at == 0 || title[at - 1] != ' ' || end >= title.size() || title[end] != ' ') continue;
          const std::string_view rest = title.substr(end + 1);
          if (!rest.empty() && std::count(rest.begin(), rest.end(), ' ') <= 1) return true;
        }
      }
      return false;
    };
    for (std::size_t i = 0; i < units.size(); ++i) {
      if (!scan::AtMostCodePoints(units[i], 100) || !titled(units[i])) continue;
      std::string title = units[i];
      std::size_t after = i + 1;  // the unit after the title
      const bool name_above = i > 0 && is_name(units[i - 1]);
      if (after < units.size() && (continues(title, units[after]) ||
                                   (name_above && cut_at_connector(title, units[after])))) {
        AppendWrapped(title, units[after++]);
      }
      if (name_above) {
        letter.signature = Signature{units[i - 1], title};
        return;
      }
      if (after < units.size() && is_name(units[after])) {
        letter.signature = Signature{units[after], title};
        return;
      }
      // Name and title in one paragraph, on lines of their own.
      const std::vector<std::string>& lines = unit_lines[i];
      if (lines.size() < 2) continue;
      auto join = [](auto begin, auto end) {
        std::string text;
        for (auto it = begin; it != end; ++it) AppendWrapped(text, *it);
        return text;
      };
      if (is_name(lines.front())) {
        letter.signature = Signature{lines.front(), join(lines.begin() + 1, lines.end())};
        return;
      }
      if (is_name(lines.back())) {
        letter.signature = Signature{lines.back(), join(lines.begin(), lines.end() - 1)};
        return;
      }
    }
  }

  static bool IsBracketed(std::string_view text) {
    return (text.substr(0, 3) == "（" && text.size() >= 6 &&
            text.substr(text.size() - 3) == "）") ||
           (text.front() == '(' && text.back() == ')');
  }

  // ---- Meeting ------------------------------------------------------------------

  struct BodyMatch {
    std::string body, key;
    std::size_t at = kNone;
    std::size_t end = kNone;  // where its name ends in the text
  };

  // The first meeting body named in `text` ("第20研究组" -> "ITU-T SG20"). A
  // working party named with its study group, either way round
  // ("第17研究组第2工作组", "Working Party 2 of Study Group 17"), is that
  // group's working party: "ITU-T WP2/17".
  BodyMatch FindBody(std::string_view text) const {
    BodyMatch body = FindSingleBody(text);
    constexpr std::string_view kGroupKey = "ITU-T SG";
    if (body.at == kNone || !body.key.starts_with(kGroupKey)) return body;
    const std::string_view group = std::string_view(body.key).substr(kGroupKey.size());
    // A working party's own number: alone it names no body ("WP2" of which
    // group?), so the tables ask for "2/17"; beside its group it is enough.
    const auto joined = [&](const BodyMatch& party, std::size_t begin, std::size_t end) {
      return BodyMatch{Clean(text.substr(begin, end - begin)), party.key + "/" + std::string(group),
                       begin, end};
    };
    const BodyMatch after = FindWorkingParty(text.substr(body.end), /*last=*/false);
    if (after.at != kNone && IsBodyConnector(Trim(text.substr(body.end, after.at)))) {
      return joined(after, body.at, body.end + after.end);
    }
    const BodyMatch before = FindWorkingParty(text.substr(0, body.at), /*last=*/true);
    if (before.at != kNone &&
        IsBodyConnector(Trim(text.substr(before.end, body.at - before.end)))) {
      return joined(before, before.at, body.end);
    }
    return body;
  }

  // The first (or last) working party named with a number of its own
  // ("第2工作组", "Working Party 2", "WP3"), by any table's patterns.
  static BodyMatch FindWorkingParty(std::string_view text, bool last) {
    BodyMatch best;
    for (const LanguageTable& table : LanguageTables()) {
      for (BodyPattern pattern : table.bodies) {
        if (!IsWorkingParty(pattern.key_format)) continue;
        pattern.slash_number = false;
        for (std::size_t from = 0; from < text.size();) {
          BodyMatch match = MatchBody(text.substr(from), pattern);
          if (match.at == kNone) break;
          match.at += from;
          match.end += from;
          // "2/17" is a working party named in full, which a table reads.
          const bool in_full = match.end < text.size() && text[match.end] == '/';
          if (!in_full && (best.at == kNone || (last ? match.at > best.at : match.at < best.at))) {
            best = match;
          }
          if (!last) break;
          from = match.at + 1;
        }
      }
    }
    return best;
  }

  static bool IsWorkingParty(std::string_view key) { return key.starts_with("ITU-T WP"); }

  // Nothing, or a connector of any language's table.
  static bool IsBodyConnector(std::string_view gap) {
    if (gap.empty()) return true;
    return std::any_of(
        LanguageTables().begin(), LanguageTables().end(), [&](const LanguageTable& table) {
          return std::find(table.body_connectors.begin(), table.body_connectors.end(), gap) !=
                 table.body_connectors.end();
        });
  }

  static BodyMatch FindSingleBody(std::string_view text) {
    BodyMatch best;
    for (const LanguageTable& table : LanguageTables()) {
      for (const BodyPattern& pattern : table.bodies) {
        BodyMatch match = MatchBody(text, pattern);
        if (match.at != kNone && (best.at == kNone || match.at < best.at)) best = match;
      }
    }
    // Focus groups are named by their acronym in every language.
    for (std::size_t at = scan::Find(text, "FG-"); at != std::string_view::npos;
         at = scan::Find(text, "FG-", at + 1)) {
      std::size_t end = at + 3;
      while (end < text.size() &&
             (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '-'))
        ++end;
      if (end > at + 3 && (best.at == kNone || at < best.at)) {
        best = {std::string(text.substr(at, end - at)),
                "ITU-T " + std::string(text.substr(at, end - at)), at, end};
      }
      break;
    }
    return best;
  }

  static BodyMatch MatchBody(std::string_view text, const BodyPattern& pattern) {
    if (!pattern.prefix.empty()) {
      for (std::size_t at = scan::Find(text, pattern.prefix); at != std::string_view::npos;
           at = scan::Find(text, pattern.prefix, at + 1)) {
        std::size_t number_at = at + pattern.prefix.size();
        std::size_t length = NumberLength(text.substr(number_at), pattern.slash_number);
        if (length == 0) continue;
        std::size_t end = number_at + length;
        if (end < text.size() && scan::IsAsciiDigit(static_cast<unsigned char>(text[end])))
          continue;
        if (text.substr(end, pattern.suffix.size()) != pattern.suffix) continue;
        // "SG20RG-AFR" is a regional group, not the study group.
        if (pattern.suffix.empty() && end < text.size() &&
            std::isalpha(static_cast<unsigned char>(text[end])))
          continue;
        return Body(text, at, end + pattern.suffix.size(), text.substr(number_at, length), pattern);
      }
      return {};
    }
    for (std::size_t at = scan::Find(text, pattern.suffix); at != std::string_view::npos;
         at = scan::Find(text, pattern.suffix, at + 1)) {
      std::size_t start = at;
      while (start > 0 && (scan::IsAsciiDigit(static_cast<unsigned char>(text[start - 1])) ||
                           (pattern.slash_number && text[start - 1] == '/'))) {
        --start;
      }
      if (start == at) continue;
      std::string_view number = text.substr(start, at - start);
      if (NumberLength(number, pattern.slash_number) != number.size()) continue;
      return Body(text, start, at + pattern.suffix.size(), number, pattern);
    }
    return {};
  }

  static BodyMatch Body(std::string_view text, std::size_t begin, std::size_t end,
                        std::string_view number, const BodyPattern& pattern) {
    std::string key(pattern.key_format);
    key.replace(key.find('#'), 1, number);
    return {Clean(text.substr(begin, end - begin)), key, begin, end};
  }

  void ReadMeeting() {
    const LetterFields& letter = *record_.letter;
    std::string subject = letter.subject.value_or("");
    // The invitation: the first paragraph after the salutation with a date.
    std::string_view invitation;
    if (salutation_ != kNone) {
      for (std::size_t i = BodyStart(); i < std::min(first_annex_, BodyStart() + 5); ++i) {
        std::string_view text = lines_[i].clean_text;
        if (FirstDate(text)) {
          invitation = text;
          invitation_ = i;
          break;
        }
      }
    }
    BodyMatch body = FindBody(subject);
    if (body.at == kNone) body = FindBody(invitation);
    std::optional<DateMatch> date = FirstDate(subject);
    if (!date) date = FirstDate(invitation);
    if (body.at == kNone || !date) return;
    // A meeting over before the letter was written is one it reports on
    // ("At the meeting of Study Group 17 held on 12 April 2022, …"), not one
    // it convenes.
    if (letter_date_ && date->last.value_or(date->start) < *letter_date_) return;

    Meeting meeting;
    meeting.body = body.body;
    meeting.body_key = body.key;
    meeting_start_ = date->start;
    meeting_end_ = date->last.value_or(date->start);
    meeting.start = scan::IsoDate(*meeting_start_);
    meeting.end = scan::IsoDate(*meeting_end_);
    std::string context = subject + "\n" + std::string(invitation);
    for (const Phrase& mode : table_->modes) {
      if (scan::Contains(context, mode.text)) {
        meeting.mode = std::string(mode.value);
        break;
      }
    }
    if (meeting.mode != "virtual") {
      meeting.location = FindLocation(invitation);
      if (!meeting.mode && meeting.location) meeting.mode = "in-person";
    }
    ReadOpening(meeting);
    record_.meeting = meeting;
  }

  // "在日内瓦国际电联总部举行" -> "日内瓦国际电联总部".
  OptString FindLocation(std::string_view text) const {
    for (std::string_view before : table_->location_before) {
      for (std::size_t at = scan::Find(text, before); at != std::string_view::npos;
           at = scan::Find(text, before, at + 1)) {
        std::size_t from = at + before.size();
        for (std::string_view after : table_->location_after) {
          std::size_t end = scan::Find(text, after, from);
          if (end == std::string_view::npos) continue;
          std::string_view candidate = text.substr(from, end - from);
          for (std::string_view stop : table_->location_stops) {
            candidate = candidate.substr(0, candidate.find(stop));
          }
          std::string place = Clean(candidate);
          bool has_digit =
              std::any_of(place.begin(), place.end(), [](char c) { return c >= '0' && c <= '9'; });
          std::size_t length = scan::CodePointCount(place);
          if (length > 0 && length <= 30 && !has_digit) return place;
        }
      }
    }
    return std::nullopt;
  }

  // Whether a word of one of the table's word lists occurs in `text`. The
  // tables write Arabic words without vowel marks (harakat), which a letter
  // may write on any of them ("ستُعقد"): they are ignored, on a copy made
  // only for the rare text that has them.
  static bool HasWord(const scan::WordSet& words, std::string_view text) {
    if (words.AnyIn(text)) return true;
    return scan::HasArabicMarks(text) && words.AnyIn(scan::WithoutArabicMarks(text));
  }

  bool HasOpeningWord(std::string_view text) const { return HasWord(words_->opening_words, text); }

  // The opening time: a sentence with an opening word and a time of day.
  void ReadOpening(Meeting& meeting) {
    if (salutation_ == kNone) return;
    for (std::size_t i = BodyStart(); i < first_annex_; ++i) {
      std::string_view paragraph = lines_[i].clean_text;
      // The sentence has a time, so a number, and an opening word: so has
      // its paragraph.
      if (!scan::MayHoldNumber(paragraph) || !HasOpeningWord(paragraph)) continue;
      for (const scan::Piece& piece : scan::Sentences(paragraph)) {
        std::string_view sentence = paragraph.substr(piece.begin, piece.end - piece.begin);
        if (!HasOpeningWord(sentence)) continue;
        std::vector<TimeMatch> times = FindTimes(sentence, date_language_);
        if (times.empty()) continue;
        const std::optional<DateMatch> date = FirstDate(sentence);
        // A dated sentence about something else (an event) is not the opening.
        if (date && (date->start < *meeting_start_ || *meeting_end_ < date->start)) continue;
        Date day = date ? date->start : *meeting_start_;
        std::optional<std::string> zone = FindTimeZone(sentence, date_language_);
        if (!zone) zone = FindTimeZone(paragraph, date_language_);
        meeting.opening = FormatDateTime(day, times.front().start, zone);
        meeting.timezone = zone;
        if (!zone)
          Warn("timezone-not-stated",
               "the meeting's opening time names no time zone; written without a UTC offset");
        opening_line_ = i;
        return;
      }
    }
  }

  // The line's clean text without a paragraph number typed before a tab
  // ("3\tPlease register…", "2.1\t请于…"), as letters number their
  // paragraphs: layout, like a bullet, so no part of a deadline's or an
  // event's text. Only a tab marks one: "4 May 2021 …" starts with a date.
  static std::string_view WithoutParagraphNumber(const Line& line) {
    std::string_view clean = line.clean_text;
    if (clean.empty() || !scan::IsAsciiDigit(static_cast<unsigned char>(clean.front()))) {
      return clean;
    }
    std::string_view raw = line.text();
    std::size_t n = raw.find_first_not_of("0123456789.");
    if (n == std::string_view::npos || n == 0 || raw[n] != '\t') {
      return clean;
    }
    if (clean.size() <= n + 1 || clean.substr(0, n) != raw.substr(0, n) || clean[n] != ' ') {
      return clean;
    }
    return clean.substr(n + 1);
  }

  // ---- Deadlines ---------------------------------------------------------------

  void ReadDeadlines() {
    deadline_lines_.assign(lines_.size(), false);
    std::size_t start = BodyStart();
    bool in_section = false;  // after a "deadlines" heading, while date-led lines follow
    // The table row of the last date-led deadline.
    std::pair<std::size_t, int> dated_row{kNone, -1};
    std::string row_text, row_clean;
    for (std::size_t i = start; i < lines_.size(); ++i) {
      const Line& line = lines_[i];
      std::string_view text;
      if (line.InTable()) {
        // A row is read once, at its first line: its lines are one run.
        if (i > start && lines_[i - 1].block == line.block && lines_[i - 1].row == line.row) {
          continue;
        }
        RowText(line.block, line.row, row_text);
        text = row_text;
      } else {
        text = line.text();
      }
      if (Trim(text).empty()) continue;
      if (in_section && AddDateLedDeadline(text)) {
        deadline_lines_[i] = true;
        if (line.InTable()) dated_row = {line.block, line.row};
        continue;
      }
      // "提交文稿 | 2023年4月5日": the action first, the date alone in the
      // row's last cell.
      if (in_section && line.InTable() && AddDateLastDeadline(line.block, line.row)) {
        deadline_lines_[i] = true;
        dated_row = {line.block, line.row};
        continue;
      }
      // A row under a dated row whose date cell is empty (merged down, or
      // left blank) is one more thing to do by the same date.
      if (in_section && line.InTable() && dated_row.first == line.block &&
          dated_row.second + 1 == line.row && FirstCellEmpty(line.block, line.row)) {
        std::string action = Clean(scan::StripBullet(Trim(text)));
        if (!action.empty()) {
          AddDeadline(deadline_dates_.back(), std::move(action));
          deadline_lines_[i] = true;
          dated_row.second = line.row;
          continue;
        }
      }
      // A header row ("日期 | 事项") of a deadlines table keeps the section open.
      if (in_section && line.InTable() && line.row == 0) continue;
      std::string_view clean = WithoutParagraphNumber(line);
      if (line.InTable()) clean = CleanRowText(line.block, line.row, text, row_clean);
      // Most paragraphs need no date grammar: no number, or no marker.
      const bool may_hold_number = scan::MayHoldNumber(clean);
      const bool has_marker = may_hold_number && HasDeadlineMarker(clean);
      in_section = scan::AtMostCodePoints(clean, 40) &&
                   HasDeadlineWord(clean, !may_hold_number || has_marker);
      // A short line naming a deadline may be one itself rather than a
      // heading ("截止日期为2022年12月20日：提交文稿。"): then no section opens.
      if (has_marker && AddSentenceDeadlines(clean)) {
        in_section = false;
        deadline_lines_[i] = true;
      } else if (in_section) {
        deadline_lines_[i] = true;
      }
    }
  }

  // CleanText(row_text), the row's RowText: its lines' cleaned texts joined
  // as CleanText joins the pieces around white space, when no line needed
  // more than its white space collapsed (else the row is cleaned whole).
  // Written into `clean`, a buffer reused from row to row, which it returns.
  std::string_view CleanRowText(std::size_t block, int row, std::string_view row_text,
                                std::string& clean) const {
    auto [begin, end] = RowLines(block, row);
    for (std::size_t i = begin; i < end; ++i) {
      if (lines_[i].fully_cleaned) return clean = Clean(row_text);
    }
    clean.clear();
    for (std::size_t i = begin; i < end; ++i) scan::AppendCollapsed(clean, lines_[i].clean_text);
    return clean;
  }

  // A table row whose last cell holds a date alone (a weekday beside it
  // allowed) and whose cells before it say what to do by then.
  bool AddDateLastDeadline(std::size_t block, int row) {
    auto [begin, end] = RowLines(block, row);
    if (begin == end) return false;
    int last_cell = lines_[end - 1].cell;
    if (last_cell <= 0) return false;
    std::string date_text, action;
    for (std::size_t i = begin; i < end; ++i) {
      std::string& to = lines_[i].cell == last_cell ? date_text : action;
      if (!to.empty()) to += '\t';
      to += lines_[i].text();
    }
    std::string_view date = Trim(date_text);
    if (date.empty() || date.find_first_of("\t\n") != std::string_view::npos) return false;
    const std::vector<DateMatch>& dates = Dates(date);
    if (dates.size() != 1 || dates.front().begin != 0) return false;
    std::size_t date_end = SkipWeekdayAt(date, dates.front().end, date_language_);
    if (!Trim(date.substr(date_end)).empty()) return false;
    std::string clean = Clean(scan::StripBullet(Trim(action)));
    if (clean.empty()) return false;
    AddDeadline(dates.front().last.value_or(dates.front().start), std::move(clean));
    return true;
  }

  // Whether a row's first cell shows no text (a vertically merged
  // continuation has no paragraphs at all).
  bool FirstCellEmpty(std::size_t block, int row) const {
    auto [begin, end] = RowLines(block, row);
    for (std::size_t i = begin; i < end && lines_[i].cell == 0; ++i) {
      if (!Trim(lines_[i].text()).empty()) return false;
    }
    return true;
  }

  // A row's cells joined by tabs, each cell's paragraphs by tabs too;
  // written into `text`, a buffer reused from row to row.
  void RowText(std::size_t block, int row, std::string& text) const {
    text.clear();
    auto [begin, end] = RowLines(block, row);
    for (std::size_t i = begin; i < end; ++i) {
      if (!text.empty()) text += '\t';
      text += lines_[i].text();
    }
  }

  // "2021年3月17日 – 提交文稿": a date at the start, then what to do by it.
  bool AddDateLedDeadline(std::string_view text) {
    std::string_view stripped = scan::StripBullet(text);
    // Only a date at the start counts, and no date straddles a tab or a line
    // break (the date grammar's blanks stop there): the first segment is
    // read alone, the same date found for a fraction of the work.
    const std::optional<DateMatch> date =
        DateAtStart(stripped.substr(0, stripped.find_first_of("\t\n")));
    if (!date) return false;
    std::string_view rest = stripped.substr(date->end);
    // Skip the layout between date and action: tabs, line breaks, dashes,
    // colons, and a weekday beside the date ("（星期三）", on the date's line
    // or the next line of its cell).
    auto skip_layout = [](std::string_view& text) {
      while (!text.empty()) {
        std::size_t next = 0;
        char32_t c = scan::DecodeAt(text, 0, &next);
        if (c != U' ' && c != U'\t' && c != U'\n' && c != U'–' && c != U'—' && c != U'-' &&
            c != U':' && c != U'：') {
          break;
        }
        text.remove_prefix(next);
      }
    };
    skip_layout(rest);
    if (std::size_t weekday = SkipWeekdayAt(rest, 0, date_language_); weekday != 0) {
      rest.remove_prefix(weekday);
      skip_layout(rest);
    }
    std::string action = Clean(rest);
    if (action.empty()) return false;
    AddDeadline(date->last.value_or(date->start), action);
    return true;
  }

  // "请于2021年4月16日前注册", "no later than 4 May 2021", in a paragraph
  // holding a deadline marker. Whether it found one.
  bool AddSentenceDeadlines(std::string_view paragraph) {
    bool found = false;
    for (const scan::Piece& piece : scan::Sentences(paragraph)) {
      std::string_view sentence = paragraph.substr(piece.begin, piece.end - piece.begin);
      // IsDeadlineDate looks for a marker inside the sentence (the
      // paragraph's own when the sentence is all of it).
      if (sentence.size() != paragraph.size() && !HasDeadlineMarker(sentence)) continue;
      for (const DateMatch& date : Dates(sentence)) {
        if (!IsDeadlineDate(sentence, date)) continue;
        AddDeadline(date.last.value_or(date.start), Clean(scan::StripBullet(sentence)));
        found = true;
        break;
      }
    }
    return found;
  }

  // A word of a deadlines heading; `may_have_marker` false when `text` was
  // found without a deadline marker (agenda lines, short and numbered, are
  // looked at once so).
  bool HasDeadlineWord(std::string_view text, bool may_have_marker) const {
    return HasWord(words_->deadline_words_without_marker, text) ||
           (may_have_marker && HasWord(words_->deadline_words_with_marker, text));
  }

  // A marker after the date as written, or one before it in any case.
  bool HasDeadlineMarker(std::string_view text) const {
    return HasWord(words_->deadline_markers, text);
  }

  bool IsDeadlineDate(std::string_view sentence, const DateMatch& date) const {
    std::string_view after = sentence.substr(date.end);
    // A weekday in brackets may stand between the date and the marker.
    if (after.substr(0, 3) == "（" || after.substr(0, 1) == "(") {
      std::size_t close = after.find(after[0] == '(' ? ")" : "）");
      if (close != std::string_view::npos && close < 24)
        after = after.substr(close + (after[0] == '(' ? 1 : 3));
    }
    std::string_view before = sentence.substr(0, date.begin);
    before = before.substr(before.size() > 40 ? before.size() - 40 : 0);
    for (std::string_view marker : table_->deadline_after_date) {
      if (after.substr(0, marker.size()) == marker) return true;
    }
    for (std::string_view marker : table_->deadline_before_date) {
      if (scan::FindFold(before, marker) != std::string_view::npos) return true;
    }
    return false;
  }

  void AddDeadline(const Date& date, std::string text) {
    // Compared as dates: formatting each as ISO text would cost more.
    for (std::size_t d = 0; d < record_.deadlines.size(); ++d) {
      if (deadline_dates_[d] == date && record_.deadlines[d].text == text) return;
    }
    record_.deadlines.push_back({scan::IsoDate(date), std::move(text)});
    deadline_dates_.push_back(date);
  }

  // ---- Events ------------------------------------------------------------------

  // The main meeting itself ("会议将于2021年5月17-27日举行") or its opening
  // ("会议将于2022年2月21日12时开幕") is not another event.
  bool IsTheMeeting(std::string_view sentence, const DateMatch& date) const {
    if (!meeting_start_) return false;
    if (date.start == *meeting_start_ && date.last.value_or(date.start) == *meeting_end_)
      return true;
    bool during = !(date.start < *meeting_start_) && !(*meeting_end_ < date.start);
    return during && HasOpeningWord(sentence);
  }

  void ReadEvents() {
    std::size_t start = BodyStart();
    for (std::size_t i = start; i < first_annex_; ++i) {
      if (lines_[i].InTable()) continue;
      std::string_view paragraph = WithoutParagraphNumber(lines_[i]);
      // An event has a date, so a number: so has its paragraph.
      if (!scan::MayHoldNumber(paragraph)) continue;
      const std::size_t found = record_.events.size();
      // A sentence with a marker ("…将于2021年4月21日举办"); most have none.
      if (HasWord(words_->event_markers, paragraph)) ReadMarkedEvents(paragraph);
      if (record_.events.size() == found) ReadDateLedEvent(i);
    }
  }

  // The events of a paragraph holding an event marker: the title is the
  // named thing before it.
  void ReadMarkedEvents(std::string_view paragraph) {
    std::vector<scan::Piece> sentences = scan::Sentences(paragraph);
    std::optional<std::vector<scan::UrlMatch>> urls;  // found when an event needs them
    for (std::size_t s = 0; s < sentences.size(); ++s) {
      std::string_view sentence =
          paragraph.substr(sentences[s].begin, sentences[s].end - sentences[s].begin);
      std::size_t marker = kNone, marker_end = kNone;
      // A marker led by a space (" will be held", " ستعقد") is a word of its
      // own; so it is where it opens the sentence, after a bullet, as a verb
      // leads in Arabic ("ستعقد جلسة إحاطة …").
      const std::string_view lead = scan::StripBullet(Trim(sentence));
      const auto lead_at = static_cast<std::size_t>(lead.data() - sentence.data());
      for (std::string_view word : table_->event_markers) {
        std::size_t end = kNone;
        std::size_t at = scan::FindSkippingArabicMarks(sentence, word, 0, &end);
        if (word.starts_with(' ') && lead_at < marker && (at == kNone || lead_at < at)) {
          const std::size_t lead_end = scan::MatchSkippingArabicMarks(lead, 0, word.substr(1));
          if (lead_end != kNone) {
            at = lead_at;
            end = lead_at + lead_end;
          }
        }
        if (at != kNone && at < marker) {
          marker = at;
          marker_end = end;
        }
      }
      if (marker == kNone) continue;
      const std::optional<DateMatch> first_date = FirstDate(sentence);
      if (!first_date) continue;
      const DateMatch& date = *first_date;
      if (IsTheMeeting(sentence, date)) continue;
      Event event;
      event.title = MarkedEventTitle(sentence, marker, marker_end, date);
      if (event.title.empty()) continue;  // no named thing on either side of the marker
      SetEventDay(event, date.start, sentence);
      // The registration link may follow in the next sentence of the paragraph.
      std::size_t window_end = paragraph.size();
      for (std::size_t t = s + 1; t < sentences.size(); ++t) {
        std::string_view later =
            paragraph.substr(sentences[t].begin, sentences[t].end - sentences[t].begin);
        if (HasWord(words_->event_markers, later) && FirstDate(later)) {
          window_end = sentences[t].begin;
          break;
        }
      }
      if (!urls) urls = scan::FindUrls(paragraph);
      for (const scan::UrlMatch& url : *urls) {
        if (url.begin >= sentences[s].begin && url.begin < window_end) {
          event.url = url.url;
          break;
        }
      }
      event.text = std::string(scan::StripBullet(paragraph));
      record_.events.push_back(std::move(event));
    }
  }

  // An event's date, and its start and end where `text` (the words about
  // it) gives the time, with the zone it names.
  void SetEventDay(Event& event, const Date& day, std::string_view text) {
    event.date = scan::IsoDate(day);
    std::vector<TimeMatch> times = FindTimes(text, date_language_);
    if (times.empty()) return;
    std::optional<std::string> zone = FindTimeZone(text, date_language_);
    event.start = FormatDateTime(day, times.front().start, zone);
    if (times.front().last) event.end = FormatDateTime(day, *times.front().last, zone);
    event.timezone = zone;
    if (!zone) {
      Warn("timezone-not-stated",
           "an event's time names no time zone; written without a UTC offset");
    }
  }

  // The last clause of a Chinese title: what follows the last "，" outside
  // quotes and brackets, as a lead-in ("此外，", "请注意，") names nothing.
  // A title's own comma stands inside its quotes ("“AI，5G”研讨会"); an
  // ASCII comma is left alone, as English titles hold them ("AI, 5G and IoT").
  static std::string_view LastClause(std::string_view title) {
    std::size_t from = 0;
    int depth = 0;
    for (std::size_t i = 0; i < title.size();) {
      std::size_t next = 0;
      const char32_t c = scan::DecodeAt(title, i, &next);
      if (c == U'“' || c == U'《' || c == U'（' || c == U'「' || c == U'【') ++depth;
      if ((c == U'”' || c == U'》' || c == U'）' || c == U'」' || c == U'】') && depth > 0) --depth;
      if (c == U'，' && depth == 0) from = next;
      i = next;
    }
    std::string_view rest = Trim(title.substr(from));
    return rest.empty() ? title : rest;
  }

  // The title of a marked event: the named thing before the marker, or,
  // when only the date (and an article) stands before it, the named thing
  // after it, as the verb leads in Arabic ("ستعقد جلسة إحاطة … في 21 أبريل")
  // and a sentence may open with its date ("El 21 de abril de 2021 tendrá
  // lugar una sesión informativa…, de 11.00 a 13.00 horas"). After the
  // marker, the title runs to the date, a comma or a bracket; a short word
  // right before the date ("في", "le", "on") is the date's, not the title's.
  std::string MarkedEventTitle(std::string_view sentence, std::size_t marker,
                               std::size_t marker_end, const DateMatch& date) const {
    std::string before = Clean(scan::StripBullet(sentence.substr(0, marker)));
    std::size_t others = scan::CodePointCount(before);
    if (date.end <= marker) {
      others = scan::CodePointCount(Trim(scan::StripBullet(sentence.substr(0, date.begin)))) +
               scan::CodePointCount(Trim(sentence.substr(date.end, marker - date.end)));
    }
    if (others > 3) return std::string(LastClause(before));
    std::string_view after = sentence.substr(marker_end);
    bool at_date = false;
    if (date.begin >= marker_end) {
      after = after.substr(0, date.begin - marker_end);
      at_date = true;
    }
    for (std::string_view stop : {",", "،", "，", "(", "（", ";", "؛"}) {
      std::size_t at = scan::Find(after, stop);
      if (at != std::string_view::npos) {
        after = after.substr(0, at);
        at_date = false;
      }
    }
    after = Trim(after);
    if (at_date) {
      std::size_t space = after.rfind(' ');
      if (space != std::string_view::npos && scan::AtMostCodePoints(after.substr(space + 1), 3)) {
        after = Trim(after.substr(0, space));
      }
    }
    while (after.ends_with(".")) after.remove_suffix(1);
    std::string title = Clean(after);
    return title.empty() ? before : title;
  }

  // A date-led list line with no marker: "• 2021年4月21日：新代表情况介绍会",
  // "– 21 April 2021, 11:00–13:00 Geneva time: Newcomers' session". The
  // letter lists dated happenings so: after the date (and its time) a
  // colon, or a tab or dash, then a title naming a happening. A line read
  // as a deadline is none, nor is a title leading with a deadline's action
  // ("2021年4月16日：注册"), nor the meeting itself.
  void ReadDateLedEvent(std::size_t i) {
    if (deadline_lines_[i]) return;
    const Line& line = lines_[i];
    std::string_view raw = scan::StripBullet(line.text());
    // A date leads the line: most lines of Chinese text start with an
    // ideograph that is no numeral.
    if (std::size_t next = 0; !raw.empty()) {
      const char32_t first = scan::DecodeAt(raw, 0, &next);
      if (first >= 0x4E00 && first <= 0x9FFF && !IsChineseNumeralCharacter(first)) return;
    }
    // Most paragraphs name no happening at all.
    if (!HasWord(words_->event_words, line.clean_text)) return;
    // A date at the start of the first segment, as a date-led deadline; a
    // date is short, so a long segment is cut (at a character's start).
    std::string_view segment = raw.substr(0, raw.find_first_of("\t\n"));
    if (segment.size() > 120) {
      std::size_t cut = 120;
      while (cut > 0 && (static_cast<unsigned char>(segment[cut]) & 0xC0) == 0x80) --cut;
      segment = segment.substr(0, cut);
    }
    const std::optional<DateMatch> date_at_start = DateAtStart(segment);
    if (!date_at_start) return;
    const DateMatch date = *date_at_start;
    std::string_view rest = raw.substr(date.end);
    for (std::string_view marker : table_->deadline_after_date) {
      if (rest.starts_with(marker)) return;  // "2021年4月16日前：…"
    }
    std::size_t title_from = TitleColon(rest);
    if (title_from != kNone) {
      // Only the time and zone stand between the date and the colon.
      std::string_view lead = rest.substr(0, title_from);
      if (!scan::AtMostCodePoints(lead, 48) || HasWord(words_->event_words, lead)) return;
    } else {
      // "2021年4月21日\t–\t新代表情况介绍会": a tab or a dash after the date.
      title_from = 0;
      bool layout = false;
      while (title_from < rest.size()) {
        std::size_t next = 0;
        char32_t c = scan::DecodeAt(rest, title_from, &next);
        if (c == U'\t' || c == U'–' || c == U'—' || c == U'-') {
          layout = true;
        } else if (c != U' ') {
          break;
        }
        title_from = next;
      }
      if (!layout) return;
    }
    std::string title = EventTitle(rest.substr(title_from));
    if (title.empty()) return;
    // The title's first clause names the happening, not an action to do.
    std::string_view first_clause = title;
    for (std::string_view stop : {"，", ",", "；", ";", "（", "("}) {
      first_clause = first_clause.substr(0, scan::Find(first_clause, stop));
    }
    if (!HasWord(words_->event_words, first_clause) || HasWord(words_->deadline_actions, title))
      return;
    // The meeting itself, its opening, or a part of it named by its body.
    if (IsTheMeeting(raw, date)) return;
    if (meeting_start_ && !(date.start < *meeting_start_) && !(*meeting_end_ < date.start) &&
        FindBody(title).at != kNone) {
      return;
    }
    Event event;
    event.title = std::move(title);
    std::string_view text = scan::StripBullet(line.clean_text);
    std::vector<scan::Piece> sentences = scan::Sentences(text);
    std::string_view first = sentences.empty() ? text : text.substr(0, sentences.front().end);
    SetEventDay(event, date.start, first);
    event.url = EventUrl(i);
    event.text = std::string(text);
    record_.events.push_back(std::move(event));
  }

  // The byte after the colon that ends the date and time before a title
  // ("…11:00–13:00 Geneva time: Newcomers' session"), or kNone: not one
  // between digits (11:00) nor one of a URL (https://).
  static std::size_t TitleColon(std::string_view text) {
    for (std::size_t at = 0; at < text.size(); ++at) {
      if (text.substr(at, 3) == "：") return at + 3;
      if (text[at] != ':') continue;
      bool in_time = at > 0 && at + 1 < text.size() &&
                     scan::IsAsciiDigit(static_cast<unsigned char>(text[at - 1])) &&
                     scan::IsAsciiDigit(static_cast<unsigned char>(text[at + 1]));
      if (text.substr(at + 1, 2) == "//" || in_time) continue;
      return at + 1;
    }
    return kNone;
  }

  // The title of a date-led event from the text after its date: up to the
  // end of its first sentence, a tab or a URL; a lead-in to the URL
  // ("，注册：", ". Register at:") is left out.
  std::string EventTitle(std::string_view text) const {
    text = text.substr(0, text.find_first_of("\t\n"));
    std::vector<scan::UrlMatch> urls = scan::FindUrls(text);
    bool before_url = !urls.empty();
    if (before_url) text = text.substr(0, urls.front().begin);
    std::vector<scan::Piece> sentences = scan::Sentences(text);
    if (sentences.size() > 1) {
      text = text.substr(0, sentences.front().end);
      before_url = false;
    }
    text = Trim(text);
    if (before_url && (text.ends_with(":") || text.ends_with("："))) {
      // The last clause leads into the URL: the title ends before it.
      std::size_t cut = 0;
      for (std::string_view stop : {"，", ",", "；", ";", "（", "(", "。", ". "}) {
        std::size_t at = text.rfind(stop);
        if (at != std::string_view::npos && at > cut) cut = at;
      }
      text = text.substr(0, cut);
    }
    std::string title = Clean(text);
    // Trailing separators and full stops are layout, not the title.
    for (bool trimmed = true; trimmed && !title.empty();) {
      trimmed = false;
      for (std::string_view end : {"，", ",", "；", ";", "：", ":", "。", ".", " "}) {
        if (title.ends_with(end)) {
          title.resize(title.size() - end.size());
          trimmed = true;
        }
      }
    }
    return title;
  }

  // The registration link of a date-led event: the first URL or link of
  // its line, else of the next line when that is a short line with a URL
  // and no date of its own ("Registration: https://…").
  OptString EventUrl(std::size_t i) {
    auto url_of = [](const Line& line) -> OptString {
      std::vector<scan::UrlMatch> urls = scan::FindUrls(line.clean_text);
      if (!urls.empty()) return urls.front().url;
      for (const Hyperlink& link : line.paragraph->links) {
        if (std::optional<std::string> url = scan::WebUrl(link.target)) return url;
      }
      return std::nullopt;
    };
    if (OptString url = url_of(lines_[i])) return url;
    std::size_t next = i + 1;
    while (next < first_annex_ && Trim(lines_[next].text()).empty()) ++next;
    if (next >= first_annex_ || lines_[next].InTable()) return std::nullopt;
    std::string_view text = lines_[next].clean_text;
    if (!scan::AtMostCodePoints(text, 200) || FirstDate(text)) return std::nullopt;
    return url_of(lines_[next]);
  }

  // ---- Annexes and agenda -------------------------------------------------------

  struct AnnexLine {
    std::size_t line;
    std::string label, title;
  };

  void ReadAnnexesAndAgenda() {
    std::set<std::string> seen;
    for (AnnexLine& annex : annex_lines_) {
      if (annex.title.empty()) annex.title = NextTitle(annex.line);
      if (!seen.insert(annex.label).second) continue;
      record_.annexes.push_back(
          {annex.label, annex.title.empty() ? OptString() : OptString(annex.title)});
    }
    for (std::size_t a = 0; a < annex_lines_.size(); ++a) {
      const AnnexLine& annex = annex_lines_[a];
      if (!ContainsAgendaWord(annex.title)) continue;
      std::size_t end = a + 1 < annex_lines_.size() ? annex_lines_[a + 1].line : lines_.size();
      Agenda agenda;
      agenda.title = annex.title;
      agenda.annex = annex.label;
      agenda.items = ReadAgendaItems(annex.line + 1, end);
      record_.agenda = std::move(agenda);
      return;
    }
    // An agenda outside any annex: a short heading naming it.
    for (std::size_t i = BodyStart(); i < lines_.size(); ++i) {
      if (lines_[i].InTable()) continue;
      std::string_view text = lines_[i].clean_text;
      if (!scan::AtMostCodePoints(text, 30) || !ContainsAgendaWord(text)) continue;
      std::vector<AgendaItem> items = ReadAgendaItems(i + 1, lines_.size());
      if (items.empty()) continue;
      Agenda agenda;
      agenda.title = std::string(text);
      agenda.items = std::move(items);
      record_.agenda = std::move(agenda);
      return;
    }
  }

  bool ContainsAgendaWord(std::string_view text) const {
    return HasWord(words_->agenda_words, text);
  }

  // The first non-empty paragraph after an annex label that is not itself a
  // heading or a table: the annex title.
  std::string NextTitle(std::size_t line) const {
    for (std::size_t i = line + 1; i < lines_.size() && i < line + 4; ++i) {
      if (lines_[i].InTable()) return {};
      std::string_view text = lines_[i].clean_text;
      if (!text.empty()) {
        return scan::AtMostCodePoints(text, 120) ? std::string(text) : std::string();
      }
    }
    return {};
  }

  std::vector<AgendaItem> ReadAgendaItems(std::size_t begin, std::size_t end) const {
    std::vector<AgendaItem> items;
    // A table with numbered rows, else numbered paragraphs.
    for (std::size_t i = begin; i < end; ++i) {
      if (!lines_[i].InTable()) continue;
      items = ReadAgendaTable(lines_[i].block);
      if (!items.empty()) return items;
      while (i + 1 < end && lines_[i + 1].block == lines_[i].block) ++i;
    }
    return ReadAgendaParagraphs(begin, end);
  }

  std::vector<AgendaItem> ReadAgendaTable(std::size_t block) const {
    const Table& table = doc_.body[block].table;
    std::vector<AgendaItem> items;
    items.reserve(table.rows.size());
    // The first three cells of a row, read in one pass over its lines; the
    // buffers serve every row.
    std::string number_text;
    std::vector<std::string_view> title_lines, first_cell, second_cell, third_cell;
    Outline outline;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      int row = static_cast<int>(r);
      number_text.clear();
      first_cell.clear();
      second_cell.clear();
      third_cell.clear();
      const Line* first_number_line = nullptr;
      auto [begin, end] = RowLines(block, row);
      for (std::size_t i = begin; i < end; ++i) {
        const Line& line = lines_[i];
        if (line.cell == 0) {
          if (!first_number_line) first_number_line = &line;
          number_text += line.clean_text;
          // The numbered line without its label; bullet lines under it with theirs.
          std::string_view shown = &line == first_number_line ? line.clean_text : line.clean;
          if (!shown.empty()) first_cell.push_back(shown);
        } else if (line.cell == 1 && !line.clean.empty()) {
          second_cell.push_back(line.clean);
        } else if (line.cell == 2 && !line.clean.empty()) {
          third_cell.push_back(line.clean);
        }
      }
      if (number_text.empty() && first_number_line) {
        number_text = first_number_line->paragraph->list_label;
      }
      std::optional<scan::ItemLabel> number = scan::ParseItemLabel(number_text, label_rules_);
      title_lines.assign(second_cell.begin(), second_cell.end());
      const std::vector<std::string_view>* documents = &third_cell;
      int documents_cell = 2;
      // "1 会议开幕" in one cell: number and title together, documents next.
      std::optional<std::pair<scan::ItemLabel, std::string_view>> split;
      if (!number) split = scan::SplitItemLabel(number_text, label_rules_);
      if (split) {
        number = split->first;
        title_lines.assign(1, split->second);
        documents = &second_cell;
        documents_cell = 1;
      }
      // A first cell whose text is the title and whose number is Word's
      // automatic numbering ("%1.%2"): documents next.
      if (!number && first_number_line && !first_cell.empty()) {
        number = scan::ParseItemLabel(first_number_line->paragraph->list_label, label_rules_);
        if (number) {
          title_lines.assign(first_cell.begin(), first_cell.end());
          documents = &second_cell;
          documents_cell = 1;
        }
      }
      if (!number) {
        // A row with an empty number cell continues the item above.
        if (number_text.empty() && !items.empty() && !title_lines.empty()) {
          for (std::string_view line : title_lines) {
            items.back().title += '\n';
            items.back().title += line;
          }
        }
        continue;
      }
      AgendaItem item = outline.Make(*number, title_lines);
      if (table.rows[r].cells.size() > static_cast<std::size_t>(documents_cell)) {
        ReadDocuments(*documents, item);
      }
      items.push_back(std::move(item));
    }
    return items;
  }

  // The documents cell: references ("Report 15", "TD 123, TD 124") go to
  // documents; a cell holding anything else is kept whole as notes.
  void ReadDocuments(const std::vector<std::string_view>& paragraphs, AgendaItem& item) const {
    if (paragraphs.empty()) return;
    std::vector<std::string> tokens;
    for (std::string_view paragraph : paragraphs) {
      std::size_t token_begin = 0;
      for (std::size_t i = 0; i <= paragraph.size();) {
        std::size_t next = i + 1;
        char32_t c = i < paragraph.size() ? scan::DecodeAt(paragraph, i, &next) : U',';
        if (c == U',' || c == U';' || c == U'，' || c == U'；' || c == U'、') {
          std::string_view token = Trim(paragraph.substr(token_begin, i - token_begin));
          if (!token.empty()) tokens.emplace_back(token);
          token_begin = next;
        }
        i = next;
      }
    }
    bool all_documents =
        !tokens.empty() && std::all_of(tokens.begin(), tokens.end(), [&](const std::string& t) {
          return scan::IsDocumentReference(t, table_->document_prefixes);
        });
    if (all_documents) {
      item.documents = std::move(tokens);
      return;
    }
    std::string notes;
    for (std::string_view paragraph : paragraphs) {
      if (!notes.empty()) notes += '\n';
      notes += paragraph;
    }
    item.notes = notes;
  }

  // "7.1\tTitle" paragraphs, or Word-numbered paragraphs ("%1.%2").
  std::vector<AgendaItem> ReadAgendaParagraphs(std::size_t begin, std::size_t end) const {
    std::vector<AgendaItem> items;
    Outline outline;
    for (std::size_t i = begin; i < end; ++i) {
      if (lines_[i].InTable()) continue;
      const Paragraph& p = *lines_[i].paragraph;
      std::optional<scan::ItemLabel> number = scan::ParseItemLabel(p.list_label, label_rules_);
      std::string_view title = lines_[i].clean_text;
      std::string split_title;
      if (!number) {
        auto split = scan::SplitItemLabel(p.text, label_rules_);
        // "17 May 2021, Geneva" under the agenda title is a date, not item 17.
        if (split && split->first.style == scan::LabelStyle::kDecimal && StartsWithDate(p.text)) {
          split.reset();
        }
        if (split) {
          number = split->first;
          split_title = Clean(split->second);
          title = split_title;
        }
      }
      bool bulleted = false;
      scan::StripBullet(title, &bulleted);
      if (number && !title.empty()) {
        items.push_back(outline.Make(*number, std::span(&title, 1)));
      } else if (!items.empty() && !title.empty() && (!p.list_label.empty() || bulleted)) {
        items.back().title += '\n';
        items.back().title += lines_[i].clean;  // a bullet line under the item
      }
    }
    return items;
  }

  // Whether `text` may hold a year as FindDates reads one: four digits, or
  // Chinese numerals (IsYear in normalize/dates.cc). ASCII text holds one
  // only where four ASCII digits follow one another; a byte beyond ASCII
  // (another script's digits, a numeral) may start one.
  static bool MayHoldYear(std::string_view text) {
    int digits = 0;  // in a row
    for (const char c : text) {
      const auto byte = static_cast<unsigned char>(c);
      if (byte >= 0x80) return true;
      digits = scan::IsAsciiDigit(byte) ? digits + 1 : 0;
      if (digits == 4) return true;
    }
    return false;
  }

  // Whether a date with its year starts `text` (the first segment of it,
  // as a date-led line is read).
  bool StartsWithDate(std::string_view text) const {
    text = Trim(text);
    const std::string_view segment = text.substr(0, text.find_first_of("\t\n"));
    // Item numbers ("7.1\tTitle") hold no year: no date grammar for them.
    if (!MayHoldYear(segment)) return false;
    const std::optional<DateMatch> date = FindDateAtStart(segment, date_language_, letter_date_);
    // Its year written out: "1 January meeting report" may well be item 1.
    return date && date->year_stated;
  }

  // ---- Mentions: Recommendations and URLs ----------------------------------------

  // Every language's words: a French letter may cite "ITU-T Y.4471" too.
  static const scan::RecommendationWords& RecommendationWords() {
    static const scan::RecommendationWords words = [] {
      scan::RecommendationWords all;
      for (const LanguageTable& table : LanguageTables()) {
        for (const Phrase& sector : table.sectors) {
          // A sector written as an earlier one is never reached: the first wins.
          bool seen = std::any_of(all.sectors.begin(), all.sectors.end(),
                                  [&](const auto& known) { return known.first == sector.text; });
          if (!seen) all.sectors.emplace_back(sector.text, sector.value);
        }
        all.before.insert(all.before.end(), table.recommendation_before.begin(),
                          table.recommendation_before.end());
        all.after.insert(all.after.end(), table.recommendation_after.begin(),
                         table.recommendation_after.end());
      }
      return all;
    }();
    return words;
  }

  void ReadMentions() {
    for (const Line& line : lines_) {
      std::string_view text = line.clean_text;
      // Each identifier holds a '.' before a digit, each URL form "://" or
      // "www.": a line without '.' or ':' (most Chinese lines) holds none.
      const bool has_dot = text.find('.') != std::string_view::npos;
      if (has_dot) {
        scan::FindRecommendations(text, RecommendationWords(), record_.recommendations);
      }
      if (has_dot || text.find(':') != std::string_view::npos) {
        for (const scan::UrlMatch& url : scan::FindUrls(text)) AddUnique(record_.urls, url.url);
      }
      for (const Hyperlink& link : line.paragraph->links) {
        if (std::optional<std::string> url = scan::WebUrl(link.target))
          AddUnique(record_.urls, *url);
      }
    }
  }

  // ---- Blocks and text ------------------------------------------------------------

  void BuildBlocks() {
    std::string text;
    // The text holds every line once at most (a row's lines joined by
    // spaces or tabs), with a separator after each: reserved at once.
    std::size_t text_size = 0;
    for (const Line& line : lines_) text_size += line.clean.size() + 1;
    text.reserve(text_size);
    auto add_line = [&](std::string_view line) {
      if (line.empty()) return;
      if (!text.empty()) text += '\n';
      text += line;
    };
    record_.blocks.reserve(doc_.body.size());
    std::vector<std::string_view> paragraphs;  // of one cell; the buffer serves every cell
    for (const Block& block : doc_.body) {
      if (block.kind == Block::Kind::kParagraph) {
        const Paragraph& p = block.paragraph;
        std::string_view clean = NextCleanText(p);
        if (clean.empty()) continue;
        OutputBlock& out = record_.blocks.emplace_back();  // built in place
        if (p.heading_level > 0) {
          out.type = "heading";
          out.level = std::min(p.heading_level, 9);
        } else {
          out.type = "paragraph";
          out.style = p.style;
        }
        out.text.assign(clean);
        add_line(clean);
        continue;
      }
      OutputBlock& out = record_.blocks.emplace_back();
      out.type = "table";
      out.rows.reserve(block.table.rows.size());
      for (const TableRow& row : block.table.rows) {
        std::vector<std::string> cells;
        cells.reserve(row.cells.size());
        // The row's line goes straight onto the text: its cells' lines
        // (their paragraphs wrapped together) joined by tabs, after a line
        // break, all taken back when the row shows no text.
        const std::size_t row_start = text.size();
        if (!text.empty()) text += '\n';
        const std::size_t line_start = text.size();
        for (const TableCell& cell : row.cells) {
          paragraphs.clear();
          CollectCellText(cell.blocks, paragraphs);
          std::string cell_text;
          bool cell_started = false;  // on the row's line
          for (std::string_view paragraph : paragraphs) {
            if (!cell_text.empty()) cell_text += '\n';
            cell_text += paragraph;
            // Paragraphs are not empty: the first starts the cell's line.
            if (cell_started) {
              // As AppendWrapped onto the cell's line alone: it reads only
              // the last character before `paragraph`, the cell's own.
              AppendWrapped(text, paragraph);
              continue;
            }
            if (text.size() > line_start) text += '\t';
            text += paragraph;
            cell_started = true;
          }
          cells.push_back(std::move(cell_text));
        }
        if (text.size() == line_start) text.resize(row_start);
        out.rows.push_back(std::move(cells));
      }
    }
    record_.text = std::move(text);
  }

  void CollectCellText(const std::vector<Block>& blocks, std::vector<std::string_view>& out) {
    for (const Block& block : blocks) {
      if (block.kind == Block::Kind::kParagraph) {
        std::string_view text = NextCleanText(block.paragraph);
        if (!text.empty()) out.push_back(text);
        continue;
      }
      for (const TableRow& row : block.table.rows) {
        for (const TableCell& cell : row.cells) CollectCellText(cell.blocks, out);
      }
    }
  }

  // ---- Notes: headers, footers, footnotes, endnotes, comments ----------------------

  void ReadNotes() {
    for (const Note& note : doc_.notes) {
      std::vector<std::string> paragraphs;
      CollectNoteText(note.blocks, paragraphs);
      if (paragraphs.empty()) continue;
      OutputNote out;
      out.kind = NoteKind(note.kind);
      out.id = note.id;
      for (const std::string& paragraph : paragraphs) {
        if (!out.text.empty()) out.text += '\n';
        out.text += paragraph;
        scan::FindRecommendations(paragraph, RecommendationWords(), record_.recommendations);
        for (const scan::UrlMatch& url : scan::FindUrls(paragraph))
          AddUnique(record_.urls, url.url);
      }
      record_.notes.push_back(std::move(out));
    }
  }

  void CollectNoteText(const std::vector<Block>& blocks, std::vector<std::string>& out) {
    for (const Block& block : blocks) {
      if (block.kind == Block::Kind::kParagraph) {
        const Paragraph& p = block.paragraph;
        std::string text = Clean(p.text);
        if (!p.list_label.empty()) text = text.empty() ? p.list_label : p.list_label + " " + text;
        if (!text.empty()) out.push_back(std::move(text));
        for (const Hyperlink& link : p.links) {
          if (std::optional<std::string> url = scan::WebUrl(link.target))
            AddUnique(record_.urls, *url);
        }
        continue;
      }
      for (const TableRow& row : block.table.rows) {
        for (const TableCell& cell : row.cells) CollectNoteText(cell.blocks, out);
      }
    }
  }

  static const char* NoteKind(Note::Kind kind) {
    switch (kind) {
      case Note::Kind::kHeader:
        return "header";
      case Note::Kind::kFooter:
        return "footer";
      case Note::Kind::kFootnote:
        return "footnote";
      case Note::Kind::kEndnote:
        return "endnote";
      case Note::Kind::kComment:
        return "comment";
    }
    return "footnote";
  }

  // ---- Dates ---------------------------------------------------------------------

  // The dates of a text as far as they were read: the first only, or all
  // once `complete` (Dates() read the whole text, or FirstDate() found none).
  struct FoundDates {
    std::vector<DateMatch> dates;
    bool complete = false;
  };

  // FindDates in the letter's language, with the letter's date as context.
  // The opening and the events read some sentences again: each text's
  // dates are found once.
  const std::vector<DateMatch>& Dates(std::string_view text) {
    FoundDates& found = FoundDatesOf(text);
    if (!found.complete) {
      found.dates.clear();
      if (scan::MayHoldNumber(text)) found.dates = FindDates(text, date_language_, letter_date_);
      found.complete = true;
    }
    return found.dates;
  }

  // Dates(text).front(): most readers need no more, and the scan stops at
  // it (FindDates with a limit finds the same first date).
  std::optional<DateMatch> FirstDate(std::string_view text) {
    FoundDates& found = FoundDatesOf(text);
    if (found.dates.empty() && !found.complete) {
      if (scan::MayHoldNumber(text)) found.dates = FindDates(text, date_language_, letter_date_, 1);
      found.complete = found.dates.empty();  // none in all of the text
    }
    if (found.dates.empty()) return std::nullopt;
    return found.dates.front();
  }

  // Dates(text).front() when it begins at offset 0: only a date there is
  // read (FindDateAtStart). Not kept: finding it costs less than a lookup.
  std::optional<DateMatch> DateAtStart(std::string_view text) const {
    return FindDateAtStart(text, date_language_, letter_date_);
  }

  FoundDates& FoundDatesOf(std::string_view text) {
    auto it = dates_.find(text);
    if (it == dates_.end()) it = dates_.emplace(std::string(text), FoundDates{}).first;
    return it->second;
  }

  // ---- Warnings ---------------------------------------------------------------------

  void Warn(std::string code, std::string message) {
    for (const Warning& existing : record_.warnings) {
      if (existing.code == code) return;
    }
    record_.warnings.push_back({std::move(code), std::move(message)});
  }

  void AddMissingWarnings() {
    const LetterFields& letter = *record_.letter;
    if (!letter.reference && !letter.subject && !letter.salutation) {
      Warn("not-a-letter",
           "no reference, subject or salutation was found: the document does not read as a letter");
      return;
    }
    if (!letter.date) Warn("date-not-found", "no letter date was found before the salutation");
    if (!letter.place) Warn("place-not-found", "no place was found beside the letter date");
    if (!letter.reference)
      Warn("reference-not-found", "no reference label (文号/Ref.) was found in the header");
    if (letter.addressees.empty())
      Warn("addressees-not-found", "no addressee label (致/To) was found in the header");
    if (!letter.subject)
      Warn("subject-not-found", "no subject label (事由/Subject) was found in the header");
    if (!letter.salutation) Warn("salutation-not-found", "no salutation line was found");
    if (!letter.closing)
      Warn("closing-not-found", "no closing formula was found before the annexes");
    if (!letter.signature)
      Warn("signature-not-found", "no signatory name and title were found after the closing");
    if (!record_.meeting)
      Warn("meeting-not-found",
           "no meeting (a body with dates) was found in the subject or invitation");
    if (!record_.agenda) Warn("agenda-not-found", "no agenda annex or agenda heading was found");
  }

  const Document& doc_;
  std::vector<Line> lines_;
  scan::LanguageCounts language_counts_;  // of every line's text, taken by AddLine
  std::string language_ = "und";
  DateLanguage date_language_{language_};  // language_'s date grammar, looked up once
  const LanguageTable* table_ = nullptr;
  const TableWords* words_ = nullptr;  // the word lists of table_ looked for in every paragraph
  scan::ItemLabelRules label_rules_;   // of table_
  LetterRecord record_;

  std::deque<std::string> cleaned_;   // the texts of Line views that are not paragraphs' own
  std::vector<RowRange> row_ranges_;  // sorted by block and row
  // By text; a node map, so references Dates() returns stay valid (a
  // complete entry is never written again).
  std::unordered_map<std::string, FoundDates, TextHash, std::equal_to<>> dates_;
  std::size_t block_cursor_ = 0;  // BuildBlocks' position in lines_
  std::size_t salutation_ = kNone;
  std::size_t salutation_end_ = kNone;  // its last line: salutation_, or the line after it
  std::size_t closing_ = kNone;
  std::size_t invitation_ = kNone;
  std::size_t opening_line_ = kNone;
  std::size_t first_annex_ = 0;
  std::size_t header_end_ = 0;
  std::vector<AnnexLine> annex_lines_;
  std::optional<Date> letter_date_;
  std::optional<Date> meeting_start_, meeting_end_;
  std::vector<Date> deadline_dates_;  // the date of each of record_.deadlines
  std::vector<bool> deadline_lines_;  // by line: read as a deadline or a deadlines heading
};

}  // namespace

LetterRecord Recognize(const Document& doc, const RecognizeOptions& /*options*/) {
  return Recognizer(doc).Run();
}

}  // namespace missive
