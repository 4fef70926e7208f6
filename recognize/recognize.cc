#include "recognize/recognize.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <cassert>
#include <array>
#include <map>
#include <unordered_map>
#include <set>

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
  std::string clean;
  std::string clean_text;  // the same without the list label
  bool InTable() const { return row >= 0; }
  const std::string& text() const { return paragraph->text; }
};

// A value line of a header field, with whether a bullet led it.
struct ValueLine {
  std::string text;
  bool bulleted = false;
};

struct HeaderValue {
  bool found = false;
  std::vector<ValueLine> lines;
};

// Keys of reference kinds in the language-independent form.
std::string_view KindTitle(std::string_view kind) {
  if (kind == "collective-letter") return "Collective Letter";
  if (kind == "circular") return "Circular";
  if (kind == "letter") return "Letter";
  return kind;
}

void AddUnique(std::vector<std::string>& values, std::string value) {
  if (std::find(values.begin(), values.end(), value) == values.end()) {
    values.push_back(std::move(value));
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

class Recognizer {
 public:
  explicit Recognizer(const Document& doc) : doc_(doc) {}

  LetterRecord Run() {
    Flatten(doc_.body);
    record_.warnings = doc_.warnings;
    DetectLanguage();
    table_ = &TableFor(language_);
    record_.language = language_;
    record_.properties = doc_.properties;
    FindLandmarks();
    LetterFields letter;
    ReadPlaceAndDate(letter);
    ReadHeader(letter);
    ReadSalutationAndClosing(letter);
    ReadSignature(letter);
    record_.letter = letter;
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

  // The paragraphs of one cell of a top-level table.
  std::vector<const Line*> CellLines(std::size_t block, int row, int cell) const {
    std::vector<const Line*> found;
    auto [begin, end] = RowRange(block, row);
    for (std::size_t i = begin; i < end; ++i) {
      if (lines_[i].cell == cell) found.push_back(&lines_[i]);
    }
    return found;
  }

  // The lines of one table row: Flatten adds a row's lines together, so they
  // are one run of lines_. Indexed once, so reading rows stays linear.
  std::pair<std::size_t, std::size_t> RowRange(std::size_t block, int row) const {
    auto it = row_ranges_.find({block, row});
    return it == row_ranges_.end() ? std::pair<std::size_t, std::size_t>{0, 0} : it->second;
  }

  void AddLine(const Paragraph& p, std::size_t block, int row, int cell) {
    Line line{&p, block, row, cell, {}, CleanText(p.text)};
    line.clean = p.list_label.empty() ? line.clean_text
                 : line.clean_text.empty() ? p.list_label
                                           : p.list_label + " " + line.clean_text;
    if (row >= 0) {
      auto [it, inserted] = row_ranges_.try_emplace({block, row}, lines_.size(), lines_.size() + 1);
      if (!inserted) it->second.second = lines_.size() + 1;
    }
    lines_.push_back(std::move(line));
  }

  // The cleaned text of `p`, which must be the next paragraph in reading
  // order: BuildBlocks walks the body in the order Flatten did.
  const std::string& NextCleanText(const Paragraph& p) {
    const Line& line = lines_[block_cursor_++];
    (void)p;
    assert(line.paragraph == &p);
    return line.clean;
  }

  // ---- Language --------------------------------------------------------------

  void DetectLanguage() {
    std::size_t han = 0, latin = 0, cyrillic = 0, arabic = 0;
    // Stopword counts per Latin-script language, looked up as words end.
    static const std::unordered_map<std::string_view, std::vector<std::size_t>> stopwords = [] {
      std::unordered_map<std::string_view, std::vector<std::size_t>> map;
      const auto& tables = LanguageTables();
      for (std::size_t t = 0; t < tables.size(); ++t) {
        for (std::string_view word : tables[t].stopwords) map[word].push_back(t);
      }
      return map;
    }();
    std::vector<std::size_t> counts(LanguageTables().size(), 0);
    std::string word;
    auto end_word = [&] {
      if (word.empty()) return;
      auto it = stopwords.find(word);
      if (it != stopwords.end()) {
        for (std::size_t t : it->second) ++counts[t];
      }
      word.clear();
    };
    for (const Line& line : lines_) {
      std::string_view text = line.text();
      for (std::size_t i = 0; i < text.size();) {
        std::size_t next = 0;
        char32_t c = scan::DecodeAt(text, i, &next);
        i = next;
        if (c < 0x80) {
          // ASCII needs no script lookup.
          if ((c | 0x20) >= U'a' && (c | 0x20) <= U'z') {
            ++latin;
            word += static_cast<char>(c | 0x20);
          } else {
            end_word();
          }
          continue;
        }
        UErrorCode status = U_ZERO_ERROR;
        UScriptCode script = uscript_getScript(static_cast<UChar32>(c), &status);
        if (script == USCRIPT_HAN) ++han;
        if (script == USCRIPT_CYRILLIC) ++cyrillic;
        if (script == USCRIPT_ARABIC) ++arabic;
        if (script == USCRIPT_LATIN) {
          ++latin;
          word += '?';  // no stopword has an accented letter
        } else {
          end_word();
        }
      }
      end_word();
    }
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
    for (std::size_t t = 0; t < counts.size(); ++t) {
      if (counts[t] > best_count) {
        best_count = counts[t];
        language_ = std::string(LanguageTables()[t].language);
      }
    }
  }

  // ---- Landmarks: salutation and annex headings -----------------------------

  void FindLandmarks() {
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      std::string text = lines_[i].clean_text;
      if (salutation_ == kNone && scan::CodePointCount(text) <= 80 && StartsWithAny(text, table_->salutations)) {
        salutation_ = i;
      }
      if (!lines_[i].InTable()) {
        std::string label, title;
        if (MatchAnnexHeading(text, &label, &title)) annex_lines_.push_back({i, label, title});
      }
    }
    first_annex_ = annex_lines_.empty() ? lines_.size() : annex_lines_.front().line;
    if (salutation_ != kNone && first_annex_ < salutation_) first_annex_ = lines_.size();
    header_end_ = salutation_ != kNone ? salutation_ : std::min<std::size_t>(lines_.size(), 60);
  }

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
        if (scan::CodePointCount(after) > 80 || after.find("。") != std::string_view::npos) continue;
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
      std::string text = lines_[i].clean_text;
      if (text.empty() || scan::CodePointCount(text) > 60) continue;
      std::vector<DateMatch> dates = FindDates(text, language_);
      if (dates.empty() || !dates.front().year_stated || dates.front().last) continue;
      std::string rest = text.substr(0, dates.front().begin) + " " + text.substr(dates.front().end);
      std::string place = RemoveFillers(CleanText(StripPlaceSeparators(rest)));
      bool has_digit = std::any_of(place.begin(), place.end(),
                                   [](char c) { return c >= '0' && c <= '9'; });
      if (has_digit || scan::CodePointCount(place) > 40) continue;
      letter.date = dates.front().start.Iso();
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

  // Matches a header label at the start of `segment`; `*rest` gets the value
  // written after the label on the same segment.
  bool MatchLabel(std::string_view segment, HeaderField* field, std::string_view* rest) const {
    // Labels of every language: a Chinese letter may carry English labels.
    for (const LanguageTable& table : LanguageTables()) {
      for (const HeaderLabel& label : table.labels) {
        if (!scan::StartsWithFold(segment, label.text)) continue;
        std::string_view after = segment.substr(label.text.size());
        if (!after.empty() && after.front() == '.') after.remove_prefix(1);
        after = Trim(after);
        if (after.empty()) {
          *field = label.field;
          *rest = after;
          return true;
        }
        for (std::string_view colon : {std::string_view("："), std::string_view(":")}) {
          if (after.substr(0, colon.size()) == colon) {
            *field = label.field;
            *rest = Trim(after.substr(colon.size()));
            return true;
          }
        }
      }
    }
    return false;
  }

  void ReadHeader(LetterFields& letter) {
    std::map<HeaderField, HeaderValue> values;
    HeaderValue* current = nullptr;
    const Line* label_line = nullptr;  // where the current field's label stood
    bool paragraph_gap = false;        // an empty paragraph ends a paragraph-layout field
    for (std::size_t i = 0; i < header_end_; ++i) {
      const Line& line = lines_[i];
      if (current && !ContinuesField(*label_line, line, paragraph_gap)) current = nullptr;
      if (!line.InTable() && Trim(line.text()).empty()) paragraph_gap = true;
      for (std::string_view sub_line : scan::Split(line.text(), '\n')) {
        bool pending_bullet = false;
        for (std::string_view segment : scan::Split(sub_line, '\t')) {
          segment = Trim(segment);
          if (segment.empty()) continue;
          if (scan::IsBulletOnly(segment)) {
            pending_bullet = true;
            continue;
          }
          HeaderField field;
          std::string_view rest;
          if (MatchLabel(segment, &field, &rest)) {
            current = &values[field];
            current->found = true;
            label_line = &line;
            paragraph_gap = false;
            if (!rest.empty()) current->lines.push_back({std::string(rest), false});
            continue;
          }
          if (!current) continue;
          bool bulleted = false;
          std::string_view value = scan::StripBullet(segment, &bulleted);
          if (!value.empty()) current->lines.push_back({std::string(value), bulleted || pending_bullet});
          pending_bullet = false;
        }
      }
    }

    auto joined = [&](HeaderField field) -> OptString {
      auto it = values.find(field);
      if (it == values.end()) return std::nullopt;
      std::string text;
      for (const ValueLine& line : it->second.lines) text = JoinWrapped(text, CleanText(line.text));
      if (text.empty()) return std::nullopt;
      return text;
    };

    if (auto it = values.find(HeaderField::kReference); it != values.end() && !it->second.lines.empty()) {
      letter.reference = ParseReference(it->second.lines);
    }
    letter.addressees = ListItems(values[HeaderField::kTo].lines);
    letter.copies = ListItems(values[HeaderField::kCopy].lines);
    letter.subject = joined(HeaderField::kSubject);
    Contact contact;
    contact.name = joined(HeaderField::kContact);
    contact.tel = joined(HeaderField::kTel);
    contact.fax = joined(HeaderField::kFax);
    contact.email = joined(HeaderField::kEmail);
    if (contact.email && scan::StartsWithFold(*contact.email, "mailto:")) contact.email->erase(0, 7);
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
    for (const Line* line : CellLines(block, row, 0)) {
      if (!Trim(line->text()).empty()) return false;
    }
    return true;
  }

  // Addressee-style lists: a bullet, or a separator ending the previous line,
  // starts a new item; other lines continue a wrapped item.
  static std::vector<std::string> ListItems(const std::vector<ValueLine>& lines) {
    bool any_bullet = std::any_of(lines.begin(), lines.end(), [](const ValueLine& l) { return l.bulleted; });
    bool any_separator = std::any_of(lines.begin(), lines.end(),
                                     [](const ValueLine& l) { return scan::EndsWithSeparator(l.text); });
    std::vector<std::string> items;
    bool previous_ended = true;
    for (const ValueLine& line : lines) {
      std::string text = CleanText(line.text);
      bool new_item = items.empty() || line.bulleted || (any_separator && previous_ended) ||
                      (!any_bullet && !any_separator);
      if (new_item) {
        items.push_back(text);
      } else {
        items.back() = JoinWrapped(items.back(), text);
      }
      previous_ended = scan::EndsWithSeparator(text);
    }
    std::vector<std::string> cleaned;
    for (const std::string& item : items) {
      std::string value(scan::StripTrailingSeparators(item));
      if (!value.empty()) cleaned.push_back(value);
    }
    return cleaned;
  }

  Reference ParseReference(const std::vector<ValueLine>& lines) const {
    Reference reference;
    reference.text = CleanText(lines.front().text);
    // A file code ("SG20/CB", "TSB Events/XY") may follow on its own line.
    for (std::size_t i = 1; i < lines.size(); ++i) {
      std::string line = CleanText(lines[i].text);
      bool cjk = false;
      for (std::size_t j = 0; j < line.size();) {
        std::size_t next = 0;
        if (IsCjk(scan::DecodeAt(line, j, &next))) cjk = true;
        j = next;
      }
      if (!cjk && !line.empty() && scan::CodePointCount(line) <= 40) {
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
          if (text.find(kind.text) != std::string_view::npos) {
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
          std::size_t at = text.find(word);
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
      reference.key = supplement + *reference.issuer + " " + std::string(KindTitle(*reference.kind)) +
                      " " + *reference.number;
    }
    return reference;
  }

  // `word` in `text`, not glued to Latin letters ("BR" must not match "BRIEF").
  static bool ContainsWord(std::string_view text, std::string_view word) {
    for (std::size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
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
    letter.salutation = lines_[salutation_].clean_text;
    std::size_t end = std::min(first_annex_, lines_.size());
    for (std::size_t i = salutation_ + 1; i < end; ++i) {
      if (lines_[i].InTable()) continue;
      std::string text = lines_[i].clean_text;
      // Formulas run long in French or Arabic ("Veuillez agréer, …").
      if (scan::CodePointCount(text) <= 200 && StartsWithAny(text, table_->closings)) closing_ = i;
    }
    if (closing_ != kNone) letter.closing = lines_[closing_].clean_text;
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
      std::string text = lines_[i].clean_text;
      if (text.empty() || IsBracketed(text)) continue;
      std::vector<std::string> sub_lines;
      for (std::string_view sub_line : scan::Split(lines_[i].text(), '\n')) {
        std::string clean = CleanText(sub_line);
        if (!clean.empty() && !IsBracketed(clean)) sub_lines.push_back(clean);
      }
      units.push_back(text);
      unit_lines.push_back(std::move(sub_lines));
    }
    auto titled = [&](const std::string& text) {
      return std::any_of(table_->signature_titles.begin(), table_->signature_titles.end(),
                         [&](std::string_view word) { return text.find(word) != std::string::npos; });
    };
    auto is_name = [&](const std::string& text) {
      return scan::CodePointCount(text) <= 40 && !titled(text);
    };
    for (std::size_t i = 0; i < units.size(); ++i) {
      if (scan::CodePointCount(units[i]) > 100 || !titled(units[i])) continue;
      if (i > 0 && is_name(units[i - 1])) {
        letter.signature = Signature{units[i - 1], units[i]};
        return;
      }
      if (i + 1 < units.size() && is_name(units[i + 1])) {
        letter.signature = Signature{units[i + 1], units[i]};
        return;
      }
      // Name and title in one paragraph, on lines of their own.
      const std::vector<std::string>& lines = unit_lines[i];
      if (lines.size() < 2) continue;
      auto join = [](auto begin, auto end) {
        std::string text;
        for (auto it = begin; it != end; ++it) text = JoinWrapped(text, *it);
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
    return (text.substr(0, 3) == "（" && text.size() >= 6 && text.substr(text.size() - 3) == "）") ||
           (text.front() == '(' && text.back() == ')');
  }

  // ---- Meeting ------------------------------------------------------------------

  struct BodyMatch {
    std::string body, key;
    std::size_t at = kNone;
  };

  // The first meeting body named in `text` ("第20研究组" -> "ITU-T SG20").
  BodyMatch FindBody(std::string_view text) const {
    BodyMatch best;
    for (const LanguageTable& table : LanguageTables()) {
      for (const BodyPattern& pattern : table.bodies) {
        BodyMatch match = MatchBody(text, pattern);
        if (match.at != kNone && (best.at == kNone || match.at < best.at)) best = match;
      }
    }
    // Focus groups are named by their acronym in every language.
    for (std::size_t at = text.find("FG-"); at != std::string_view::npos; at = text.find("FG-", at + 1)) {
      std::size_t end = at + 3;
      while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '-')) ++end;
      if (end > at + 3 && (best.at == kNone || at < best.at)) {
        best = {std::string(text.substr(at, end - at)), "ITU-T " + std::string(text.substr(at, end - at)), at};
      }
      break;
    }
    return best;
  }

  static BodyMatch MatchBody(std::string_view text, const BodyPattern& pattern) {
    if (!pattern.prefix.empty()) {
      for (std::size_t at = text.find(pattern.prefix); at != std::string_view::npos;
           at = text.find(pattern.prefix, at + 1)) {
        std::size_t number_at = at + pattern.prefix.size();
        std::size_t length = NumberLength(text.substr(number_at), pattern.slash_number);
        if (length == 0) continue;
        std::size_t end = number_at + length;
        if (end < text.size() && scan::IsAsciiDigit(static_cast<unsigned char>(text[end]))) continue;
        if (text.substr(end, pattern.suffix.size()) != pattern.suffix) continue;
        // "SG20RG-AFR" is a regional group, not the study group.
        if (pattern.suffix.empty() && end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) continue;
        return Body(text, at, end + pattern.suffix.size(), text.substr(number_at, length), pattern);
      }
      return {};
    }
    for (std::size_t at = text.find(pattern.suffix); at != std::string_view::npos;
         at = text.find(pattern.suffix, at + 1)) {
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
    return {CleanText(text.substr(begin, end - begin)), key, begin};
  }

  void ReadMeeting() {
    const LetterFields& letter = *record_.letter;
    std::string subject = letter.subject.value_or("");
    // The invitation: the first paragraph after the salutation with a date.
    std::string invitation;
    if (salutation_ != kNone) {
      for (std::size_t i = salutation_ + 1; i < std::min(first_annex_, salutation_ + 6); ++i) {
        std::string text = lines_[i].clean_text;
        if (!FindDates(text, language_, letter_date_).empty()) {
          invitation = text;
          invitation_ = i;
          break;
        }
      }
    }
    BodyMatch body = FindBody(subject);
    if (body.at == kNone) body = FindBody(invitation);
    std::vector<DateMatch> dates = FindDates(subject, language_, letter_date_);
    if (dates.empty()) dates = FindDates(invitation, language_, letter_date_);
    if (body.at == kNone || dates.empty()) return;

    Meeting meeting;
    meeting.body = body.body;
    meeting.body_key = body.key;
    meeting_start_ = dates.front().start;
    meeting_end_ = dates.front().last.value_or(dates.front().start);
    meeting.start = meeting_start_->Iso();
    meeting.end = meeting_end_->Iso();
    std::string context = subject + "\n" + invitation;
    for (const Phrase& mode : table_->modes) {
      if (context.find(mode.text) != std::string::npos) {
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
      for (std::size_t at = text.find(before); at != std::string_view::npos; at = text.find(before, at + 1)) {
        std::size_t from = at + before.size();
        for (std::string_view after : table_->location_after) {
          std::size_t end = text.find(after, from);
          if (end == std::string_view::npos) continue;
          std::string_view candidate = text.substr(from, end - from);
          for (std::string_view stop : table_->location_stops) {
            candidate = candidate.substr(0, candidate.find(stop));
          }
          std::string place = CleanText(candidate);
          bool has_digit = std::any_of(place.begin(), place.end(), [](char c) { return c >= '0' && c <= '9'; });
          std::size_t length = scan::CodePointCount(place);
          if (length > 0 && length <= 30 && !has_digit) return place;
        }
      }
    }
    return std::nullopt;
  }

  // The opening time: a sentence with an opening word and a time of day.
  void ReadOpening(Meeting& meeting) {
    if (salutation_ == kNone) return;
    for (std::size_t i = salutation_ + 1; i < first_annex_; ++i) {
      std::string paragraph = lines_[i].clean_text;
      for (const scan::Piece& piece : scan::Sentences(paragraph)) {
        std::string_view sentence = std::string_view(paragraph).substr(piece.begin, piece.end - piece.begin);
        bool opening = std::any_of(table_->opening_words.begin(), table_->opening_words.end(),
                                   [&](std::string_view w) { return scan::FindFold(sentence, w) != std::string_view::npos; });
        if (!opening) continue;
        std::vector<TimeMatch> times = FindTimes(sentence, language_);
        if (times.empty()) continue;
        std::vector<DateMatch> dates = FindDates(sentence, language_, letter_date_);
        // A dated sentence about something else (an event) is not the opening.
        if (!dates.empty() && (dates.front().start < *meeting_start_ || *meeting_end_ < dates.front().start)) continue;
        Date day = dates.empty() ? *meeting_start_ : dates.front().start;
        std::optional<std::string> zone = FindTimeZone(sentence, language_);
        if (!zone) zone = FindTimeZone(paragraph, language_);
        meeting.opening = FormatDateTime(day, times.front().start, zone);
        meeting.timezone = zone;
        if (!zone) Warn("timezone-not-stated", "the meeting's opening time names no time zone; written without a UTC offset");
        opening_line_ = i;
        return;
      }
    }
  }

  // ---- Deadlines ---------------------------------------------------------------

  void ReadDeadlines() {
    std::size_t start = salutation_ != kNone ? salutation_ + 1 : 0;
    bool in_section = false;  // after a "deadlines" heading, while date-led lines follow
    std::set<std::pair<std::size_t, int>> rows_done;
    for (std::size_t i = start; i < lines_.size(); ++i) {
      const Line& line = lines_[i];
      std::string text;
      if (line.InTable()) {
        if (!rows_done.insert({line.block, line.row}).second) continue;
        text = RowText(line.block, line.row);
      } else {
        text = line.text();
      }
      if (Trim(text).empty()) continue;
      if (in_section && AddDateLedDeadline(text)) continue;
      // A header row ("日期 | 事项") of a deadlines table keeps the section open.
      if (in_section && line.InTable() && line.row == 0) continue;
      std::string clean = line.InTable() ? CleanText(text) : line.clean_text;
      in_section = ContainsAny(clean, table_->deadline_words) && scan::CodePointCount(clean) <= 40;
      if (!in_section) AddSentenceDeadlines(clean);
    }
  }

  // A row's cells joined by tabs, each cell's paragraphs by tabs too.
  std::string RowText(std::size_t block, int row) const {
    std::string text;
    auto [begin, end] = RowRange(block, row);
    for (std::size_t i = begin; i < end; ++i) {
      if (!text.empty()) text += '\t';
      text += lines_[i].text();
    }
    return text;
  }

  static bool ContainsAny(std::string_view text, const std::vector<std::string_view>& words) {
    return std::any_of(words.begin(), words.end(),
                       [&](std::string_view w) { return text.find(w) != std::string_view::npos; });
  }

  // "2021年3月17日 – 提交文稿": a date at the start, then what to do by it.
  bool AddDateLedDeadline(std::string_view text) {
    std::string_view stripped = scan::StripBullet(text);
    std::vector<DateMatch> dates = FindDates(stripped, language_, letter_date_);
    if (dates.empty() || dates.front().begin != 0) return false;
    std::string_view rest = stripped.substr(dates.front().end);
    // Skip the layout between date and action: tabs, dashes, colons.
    while (!rest.empty()) {
      std::size_t next = 0;
      char32_t c = scan::DecodeAt(rest, 0, &next);
      if (c != U' ' && c != U'\t' && c != U'–' && c != U'—' && c != U'-' && c != U':' && c != U'：') break;
      rest.remove_prefix(next);
    }
    std::string action = CleanText(rest);
    if (action.empty()) return false;
    AddDeadline(dates.front().last.value_or(dates.front().start), action);
    return true;
  }

  // "请于2021年4月16日前注册", "no later than 4 May 2021".
  void AddSentenceDeadlines(std::string_view paragraph) {
    if (!HasDeadlineMarker(paragraph)) return;  // most paragraphs: no date grammar needed
    for (const scan::Piece& piece : scan::Sentences(paragraph)) {
      std::string_view sentence = paragraph.substr(piece.begin, piece.end - piece.begin);
      for (const DateMatch& date : FindDates(sentence, language_, letter_date_)) {
        if (!IsDeadlineDate(sentence, date)) continue;
        AddDeadline(date.last.value_or(date.start), CleanText(scan::StripBullet(sentence)));
        break;
      }
    }
  }

  bool HasDeadlineMarker(std::string_view text) const {
    if (ContainsAny(text, table_->deadline_after_date)) return true;
    return std::any_of(table_->deadline_before_date.begin(), table_->deadline_before_date.end(),
                       [&](std::string_view m) { return scan::FindFold(text, m) != std::string_view::npos; });
  }

  bool IsDeadlineDate(std::string_view sentence, const DateMatch& date) const {
    std::string_view after = sentence.substr(date.end);
    // A weekday in brackets may stand between the date and the marker.
    if (after.substr(0, 3) == "（" || after.substr(0, 1) == "(") {
      std::size_t close = after.find(after[0] == '(' ? ")" : "）");
      if (close != std::string_view::npos && close < 24) after = after.substr(close + (after[0] == '(' ? 1 : 3));
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
    for (const Deadline& existing : record_.deadlines) {
      if (existing.date == date.Iso() && existing.text == text) return;
    }
    record_.deadlines.push_back({date.Iso(), std::move(text)});
  }

  // ---- Events ------------------------------------------------------------------

  // The main meeting itself ("会议将于2021年5月17-27日举行") or its opening
  // ("会议将于2022年2月21日12时开幕") is not another event.
  bool IsTheMeeting(std::string_view sentence, const DateMatch& date) const {
    if (!meeting_start_) return false;
    if (date.start == *meeting_start_ && date.last.value_or(date.start) == *meeting_end_) return true;
    bool during = !(date.start < *meeting_start_) && !(*meeting_end_ < date.start);
    return during && std::any_of(table_->opening_words.begin(), table_->opening_words.end(),
                                 [&](std::string_view w) { return scan::FindFold(sentence, w) != std::string_view::npos; });
  }

  void ReadEvents() {
    std::size_t start = salutation_ != kNone ? salutation_ + 1 : 0;
    for (std::size_t i = start; i < first_annex_; ++i) {
      if (lines_[i].InTable()) continue;
      std::string paragraph = lines_[i].clean_text;
      std::vector<scan::Piece> sentences = scan::Sentences(paragraph);
      std::vector<scan::UrlMatch> urls = scan::FindUrls(paragraph);
      for (std::size_t s = 0; s < sentences.size(); ++s) {
        std::string_view sentence =
            std::string_view(paragraph).substr(sentences[s].begin, sentences[s].end - sentences[s].begin);
        std::size_t marker = kNone;
        for (std::string_view word : table_->event_markers) {
          std::size_t at = sentence.find(word);
          if (at != std::string_view::npos && at < marker) marker = at;
        }
        if (marker == kNone || marker == 0) continue;
        std::vector<DateMatch> dates = FindDates(sentence, language_, letter_date_);
        if (dates.empty()) continue;
        const DateMatch& date = dates.front();
        if (IsTheMeeting(sentence, date)) continue;
        Event event;
        event.title = CleanText(scan::StripBullet(sentence.substr(0, marker)));
        event.date = date.start.Iso();
        std::optional<std::string> zone = FindTimeZone(sentence, language_);
        std::vector<TimeMatch> times = FindTimes(sentence, language_);
        if (!times.empty()) {
          event.start = FormatDateTime(date.start, times.front().start, zone);
          if (times.front().last) event.end = FormatDateTime(date.start, *times.front().last, zone);
          event.timezone = zone;
          if (!zone) Warn("timezone-not-stated", "an event's time names no time zone; written without a UTC offset");
        }
        // The registration link may follow in the next sentence of the paragraph.
        std::size_t window_end = paragraph.size();
        for (std::size_t t = s + 1; t < sentences.size(); ++t) {
          std::string_view later = std::string_view(paragraph).substr(sentences[t].begin, sentences[t].end - sentences[t].begin);
          if (ContainsAny(later, table_->event_markers) && !FindDates(later, language_, letter_date_).empty()) {
            window_end = sentences[t].begin;
            break;
          }
        }
        for (const scan::UrlMatch& url : urls) {
          if (url.begin >= sentences[s].begin && url.begin < window_end) {
            event.url = url.url;
            break;
          }
        }
        event.text = std::string(scan::StripBullet(paragraph));
        record_.events.push_back(std::move(event));
      }
    }
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
      record_.annexes.push_back({annex.label, annex.title.empty() ? OptString() : OptString(annex.title)});
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
    for (std::size_t i = salutation_ != kNone ? salutation_ + 1 : 0; i < lines_.size(); ++i) {
      if (lines_[i].InTable()) continue;
      std::string text = lines_[i].clean_text;
      if (scan::CodePointCount(text) > 30 || !ContainsAgendaWord(text)) continue;
      std::vector<AgendaItem> items = ReadAgendaItems(i + 1, lines_.size());
      if (items.empty()) continue;
      Agenda agenda;
      agenda.title = text;
      agenda.items = std::move(items);
      record_.agenda = std::move(agenda);
      return;
    }
  }

  bool ContainsAgendaWord(std::string_view text) const {
    return ContainsAny(text, table_->agenda_words);
  }

  // The first non-empty paragraph after an annex label that is not itself a
  // heading or a table: the annex title.
  std::string NextTitle(std::size_t line) const {
    for (std::size_t i = line + 1; i < lines_.size() && i < line + 4; ++i) {
      if (lines_[i].InTable()) return {};
      std::string text = lines_[i].clean_text;
      if (!text.empty()) return scan::CodePointCount(text) <= 120 ? text : std::string();
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
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      int row = static_cast<int>(r);
      std::vector<const Line*> number_cell = CellLines(block, row, 0);
      std::string number_text;
      for (const Line* line : number_cell) number_text += line->clean_text;
      if (number_text.empty() && !number_cell.empty()) number_text = number_cell.front()->paragraph->list_label;
      std::optional<std::string> number = scan::ItemNumber(number_text);
      std::vector<std::string> title_lines = CellParagraphs(block, row, 1);
      int documents_cell = 2;
      // "1 会议开幕" in one cell: number and title together, documents next.
      if (auto split = scan::SplitItemNumber(number_text); !number && split) {
        number = split->first;
        title_lines = {split->second};
        documents_cell = 1;
      }
      if (!number) {
        // A row with an empty number cell continues the item above.
        if (number_text.empty() && !items.empty() && !title_lines.empty()) {
          for (const std::string& line : title_lines) items.back().title += "\n" + line;
        }
        continue;
      }
      AgendaItem item = MakeItem(*number, title_lines);
      if (table.rows[r].cells.size() > static_cast<std::size_t>(documents_cell)) {
        ReadDocuments(CellParagraphs(block, row, documents_cell), item);
      }
      items.push_back(std::move(item));
    }
    return items;
  }

  std::vector<std::string> CellParagraphs(std::size_t block, int row, int cell) const {
    std::vector<std::string> texts;
    for (const Line* line : CellLines(block, row, cell)) {
      const std::string& text = line->clean;
      if (!text.empty()) texts.push_back(text);
    }
    return texts;
  }

  static AgendaItem MakeItem(const std::string& number, const std::vector<std::string>& title_lines) {
    AgendaItem item;
    item.number = number;
    item.level = 1 + static_cast<int>(std::count(number.begin(), number.end(), '.'));
    std::size_t dot = number.rfind('.');
    if (dot != std::string::npos) item.parent = number.substr(0, dot);
    for (const std::string& line : title_lines) {
      if (!item.title.empty()) item.title += "\n";
      item.title += line;
    }
    return item;
  }

  // The documents cell: references ("Report 15", "TD 123, TD 124") go to
  // documents; a cell holding anything else is kept whole as notes.
  void ReadDocuments(const std::vector<std::string>& paragraphs, AgendaItem& item) const {
    if (paragraphs.empty()) return;
    std::vector<std::string> tokens;
    for (const std::string& paragraph : paragraphs) {
      std::string current;
      for (std::size_t i = 0; i <= paragraph.size();) {
        std::size_t next = i + 1;
        char32_t c = i < paragraph.size() ? scan::DecodeAt(paragraph, i, &next) : U',';
        if (c == U',' || c == U';' || c == U'，' || c == U'；' || c == U'、') {
          std::string token(Trim(current));
          if (!token.empty()) tokens.push_back(token);
          current.clear();
        } else {
          current += paragraph.substr(i, next - i);
        }
        i = next;
      }
    }
    bool all_documents = !tokens.empty() && std::all_of(tokens.begin(), tokens.end(), [&](const std::string& t) {
      return scan::IsDocumentReference(t, table_->document_prefixes);
    });
    if (all_documents) {
      item.documents = tokens;
      return;
    }
    std::string notes;
    for (const std::string& paragraph : paragraphs) notes += (notes.empty() ? "" : "\n") + paragraph;
    item.notes = notes;
  }

  // "7.1\tTitle" paragraphs, or Word-numbered paragraphs ("%1.%2").
  std::vector<AgendaItem> ReadAgendaParagraphs(std::size_t begin, std::size_t end) const {
    std::vector<AgendaItem> items;
    for (std::size_t i = begin; i < end; ++i) {
      if (lines_[i].InTable()) continue;
      const Paragraph& p = *lines_[i].paragraph;
      std::optional<std::string> number = scan::ItemNumber(p.list_label);
      std::string title = lines_[i].clean_text;
      if (!number) {
        if (auto split = scan::SplitItemNumber(p.text)) {
          number = split->first;
          title = CleanText(split->second);
        }
      }
      bool bulleted = false;
      scan::StripBullet(title, &bulleted);
      if (number && !title.empty()) {
        items.push_back(MakeItem(*number, {title}));
      } else if (!items.empty() && !title.empty() && (!p.list_label.empty() || bulleted)) {
        items.back().title += "\n" + lines_[i].clean;  // a bullet line under the item
      }
    }
    return items;
  }

  // ---- Mentions: Recommendations and URLs ----------------------------------------

  // Every language's words: a French letter may cite "ITU-T Y.4471" too.
  static const scan::RecommendationWords& RecommendationWords() {
    static const scan::RecommendationWords words = [] {
      scan::RecommendationWords all;
      for (const LanguageTable& table : LanguageTables()) {
        for (const Phrase& sector : table.sectors) all.sectors.emplace_back(sector.text, sector.value);
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
      std::string text = line.clean_text;
      scan::FindRecommendations(text, RecommendationWords(), record_.recommendations);
      for (const scan::UrlMatch& url : scan::FindUrls(text)) AddUnique(record_.urls, url.url);
      for (const Hyperlink& link : line.paragraph->links) {
        if (std::optional<std::string> url = scan::WebUrl(link.target)) AddUnique(record_.urls, *url);
      }
    }
  }

  // ---- Blocks and text ------------------------------------------------------------

  void BuildBlocks() {
    std::string text;
    auto add_line = [&](const std::string& line) {
      if (line.empty()) return;
      if (!text.empty()) text += '\n';
      text += line;
    };
    for (const Block& block : doc_.body) {
      if (block.kind == Block::Kind::kParagraph) {
        const Paragraph& p = block.paragraph;
        const std::string& clean = NextCleanText(p);
        if (clean.empty()) continue;
        OutputBlock out;
        if (p.heading_level > 0) {
          out.type = "heading";
          out.level = std::min(p.heading_level, 9);
        } else {
          out.type = "paragraph";
          out.style = p.style;
        }
        out.text = clean;
        add_line(clean);
        record_.blocks.push_back(std::move(out));
        continue;
      }
      OutputBlock out;
      out.type = "table";
      for (const TableRow& row : block.table.rows) {
        std::vector<std::string> cells;
        std::string row_line;
        for (const TableCell& cell : row.cells) {
          std::vector<std::string> paragraphs;
          CollectCellText(cell.blocks, paragraphs);
          std::string cell_text, cell_line;
          for (const std::string& paragraph : paragraphs) {
            cell_text += (cell_text.empty() ? "" : "\n") + paragraph;
            cell_line = JoinWrapped(cell_line, paragraph);
          }
          cells.push_back(cell_text);
          if (!cell_line.empty()) row_line += (row_line.empty() ? "" : "\t") + cell_line;
        }
        add_line(row_line);
        out.rows.push_back(std::move(cells));
      }
      record_.blocks.push_back(std::move(out));
    }
    record_.text = text;
  }

  void CollectCellText(const std::vector<Block>& blocks, std::vector<std::string>& out) {
    for (const Block& block : blocks) {
      if (block.kind == Block::Kind::kParagraph) {
        const std::string& text = NextCleanText(block.paragraph);
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
        out.text += (out.text.empty() ? "" : "\n") + paragraph;
        scan::FindRecommendations(paragraph, RecommendationWords(), record_.recommendations);
        for (const scan::UrlMatch& url : scan::FindUrls(paragraph)) AddUnique(record_.urls, url.url);
      }
      record_.notes.push_back(std::move(out));
    }
  }

  void CollectNoteText(const std::vector<Block>& blocks, std::vector<std::string>& out) {
    for (const Block& block : blocks) {
      if (block.kind == Block::Kind::kParagraph) {
        const Paragraph& p = block.paragraph;
        std::string text = CleanText(p.text);
        if (!p.list_label.empty()) text = text.empty() ? p.list_label : p.list_label + " " + text;
        if (!text.empty()) out.push_back(text);
        for (const Hyperlink& link : p.links) {
          if (std::optional<std::string> url = scan::WebUrl(link.target)) AddUnique(record_.urls, *url);
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
      case Note::Kind::kHeader: return "header";
      case Note::Kind::kFooter: return "footer";
      case Note::Kind::kFootnote: return "footnote";
      case Note::Kind::kEndnote: return "endnote";
      case Note::Kind::kComment: return "comment";
    }
    return "footnote";
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
      Warn("not-a-letter", "no reference, subject or salutation was found: the document does not read as a letter");
      return;
    }
    if (!letter.date) Warn("date-not-found", "no letter date was found before the salutation");
    if (!letter.place) Warn("place-not-found", "no place was found beside the letter date");
    if (!letter.reference) Warn("reference-not-found", "no reference label (文号/Ref.) was found in the header");
    if (letter.addressees.empty()) Warn("addressees-not-found", "no addressee label (致/To) was found in the header");
    if (!letter.subject) Warn("subject-not-found", "no subject label (事由/Subject) was found in the header");
    if (!letter.salutation) Warn("salutation-not-found", "no salutation line was found");
    if (!letter.closing) Warn("closing-not-found", "no closing formula was found before the annexes");
    if (!letter.signature) Warn("signature-not-found", "no signatory name and title were found after the closing");
    if (!record_.meeting) Warn("meeting-not-found", "no meeting (a body with dates) was found in the subject or invitation");
    if (!record_.agenda) Warn("agenda-not-found", "no agenda annex or agenda heading was found");
  }

  const Document& doc_;
  std::vector<Line> lines_;
  std::string language_ = "und";
  const LanguageTable* table_ = nullptr;
  LetterRecord record_;

  std::map<std::pair<std::size_t, int>, std::pair<std::size_t, std::size_t>> row_ranges_;
  std::size_t block_cursor_ = 0;  // BuildBlocks' position in lines_
  std::size_t salutation_ = kNone;
  std::size_t closing_ = kNone;
  std::size_t invitation_ = kNone;
  std::size_t opening_line_ = kNone;
  std::size_t first_annex_ = 0;
  std::size_t header_end_ = 0;
  std::vector<AnnexLine> annex_lines_;
  std::optional<Date> letter_date_;
  std::optional<Date> meeting_start_, meeting_end_;
};

}  // namespace

LetterRecord Recognize(const Document& doc, const RecognizeOptions& /*options*/) {
  return Recognizer(doc).Run();
}

}  // namespace missive
