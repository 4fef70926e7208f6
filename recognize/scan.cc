#include "recognize/scan.h"

#include <unicode/uchar.h>
#include <algorithm>
#include <cctype>
#include <unicode/utf8.h>

#include "normalize/normalize.h"

namespace missive::scan {

char32_t DecodeAt(std::string_view text, std::size_t i, std::size_t* next) {
  int32_t offset = static_cast<int32_t>(i);
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), offset, static_cast<int32_t>(text.size()),
          c);
  *next = static_cast<std::size_t>(offset);
  return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

char32_t FirstCodePoint(std::string_view text) {
  if (text.empty()) return 0;
  std::size_t next = 0;
  return DecodeAt(text, 0, &next);
}

char32_t LastCodePoint(std::string_view text) {
  if (text.empty()) return 0;
  int32_t offset = static_cast<int32_t>(text.size());
  UChar32 c = 0;
  U8_PREV(reinterpret_cast<const uint8_t*>(text.data()), 0, offset, c);
  return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

std::size_t CodePointCount(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::vector<std::string_view> Split(std::string_view text, char separator) {
  std::vector<std::string_view> pieces;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == separator) {
      pieces.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  return pieces;
}

namespace {
char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
}  // namespace

bool StartsWithFold(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (LowerAscii(text[i]) != LowerAscii(prefix[i])) return false;
  }
  return true;
}

std::size_t FindFold(std::string_view text, std::string_view needle, std::size_t from) {
  if (needle.empty()) return from <= text.size() ? from : std::string_view::npos;
  // Without ASCII letters there is no case to ignore: the library search is fastest.
  bool has_letter = std::any_of(needle.begin(), needle.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  });
  if (!has_letter) return from <= text.size() ? text.find(needle, from) : std::string_view::npos;
  const char first = LowerAscii(needle.front());
  for (std::size_t i = from; i + needle.size() <= text.size(); ++i) {
    // Compare the first byte inline: this runs over every paragraph.
    if (LowerAscii(text[i]) == first && StartsWithFold(text.substr(i), needle)) return i;
  }
  return std::string_view::npos;
}

bool IsAsciiDigit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool IsLetter(char32_t c) { return u_isalpha(static_cast<UChar32>(c)); }

namespace {

constexpr std::string_view kBullets[] = {"·", "•", "-", "–", "—", "▪", "■", "○", "●", "◦",
                                         "*", "", "", "‒", "・"};

std::size_t BulletLength(std::string_view text) {
  for (std::string_view bullet : kBullets) {
    if (text.substr(0, bullet.size()) == bullet) return bullet.size();
  }
  return 0;
}

}  // namespace

bool IsBulletOnly(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return false;
  while (!text.empty()) {
    std::size_t length = BulletLength(text);
    if (length == 0) return false;
    text = Trim(text.substr(length));
  }
  return true;
}

std::string_view StripBullet(std::string_view text, bool* had_bullet) {
  text = Trim(text);
  std::size_t length = BulletLength(text);
  // "-批准新工作项目" is a bullet only when the dash is followed by a space or
  // tab; a dash glued to a word may be text ("-27日" never starts a line, but
  // "−5" might), so only a separated dash counts.
  bool separated = length > 0 && (length == text.size() || text[length] == ' ' ||
                                  text[length] == '\t' || text.substr(0, length) != "-");
  if (had_bullet) *had_bullet = separated;
  if (!separated) return text;
  return Trim(text.substr(length));
}

std::string_view StripTrailingSeparators(std::string_view text) {
  for (bool changed = true; changed;) {
    changed = false;
    text = Trim(text);
    for (std::string_view separator :
         {std::string_view("；"), std::string_view(";"), std::string_view("，"),
          std::string_view(","), std::string_view("؛"), std::string_view("،")}) {
      if (text.size() >= separator.size() &&
          text.substr(text.size() - separator.size()) == separator) {
        text.remove_suffix(separator.size());
        changed = true;
      }
    }
  }
  return text;
}

bool EndsWithSeparator(std::string_view text) {
  text = Trim(text);
  return StripTrailingSeparators(text).size() != text.size();
}

std::vector<Piece> Sentences(std::string_view text) {
  std::vector<Piece> pieces;
  std::size_t start = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t next = 0;
    char32_t c = DecodeAt(text, i, &next);
    bool end = c == U'。' || c == U'！' || c == U'？' || c == U'\n';
    if ((c == U'.' || c == U'!' || c == U'?') && (next == text.size() || text[next] == ' ')) {
      end = true;
    }
    if (end) {
      pieces.push_back({start, next});
      start = next;
    }
    i = next;
  }
  if (start < text.size()) pieces.push_back({start, text.size()});
  return pieces;
}

namespace {

bool EndsUrl(char32_t c) {
  return c <= U' ' || c == U'"' || c == U'<' || c == U'>' || c == U'“' || c == U'”' ||
         c == U'‘' || c == U'’' || c == U'「' || c == U'」' || c == U'\uFFFD' || IsCjk(c);
}

std::string_view TrimUrlTail(std::string_view url) {
  while (!url.empty()) {
    char last = url.back();
    if (last == '.' || last == ',' || last == ';' || last == ':' || last == '!' || last == '?' ||
        last == '\'') {
      url.remove_suffix(1);
    } else if (last == ')' && url.find('(') == std::string_view::npos) {
      url.remove_suffix(1);
    } else {
      break;
    }
  }
  return url;
}

}  // namespace

std::vector<UrlMatch> FindUrls(std::string_view text) {
  std::vector<UrlMatch> found;
  // Most paragraphs hold no URL: one cheap look before the byte-wise scan.
  if (text.find("://") == std::string_view::npos && FindFold(text, "www.") == std::string_view::npos) {
    return found;
  }
  std::size_t i = 0;
  while (i < text.size()) {
    bool web = StartsWithFold(text.substr(i), "https://") || StartsWithFold(text.substr(i), "http://");
    // "主页www.itu.int": a CJK character may touch the URL; a Latin one
    // ("awww.") means it is the middle of a word.
    bool www = !web && StartsWithFold(text.substr(i), "www.") &&
               (i == 0 || !(std::isalnum(static_cast<unsigned char>(text[i - 1])) ||
                            text[i - 1] == '.' || text[i - 1] == '/' || text[i - 1] == '@'));
    if (!web && !www) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size()) {
      std::size_t next = 0;
      if (EndsUrl(DecodeAt(text, end, &next))) break;
      end = next;
    }
    std::string_view url = TrimUrlTail(text.substr(i, end - i));
    if (url.size() > (www ? 4u : 8u)) {
      found.push_back({i, i + url.size(), (www ? "http://" : "") + std::string(url)});
    }
    i = std::max(end, i + 1);
  }
  return found;
}

std::optional<std::string> WebUrl(std::string_view target) {
  target = Trim(target);
  if (StartsWithFold(target, "http://") || StartsWithFold(target, "https://")) {
    return std::string(target);
  }
  if (StartsWithFold(target, "www.")) return "http://" + std::string(target);
  return std::nullopt;
}

namespace {

// "Y.4471", "M.2083-1", "X.509": a series letter, a dot, digits.
std::size_t RecommendationLength(std::string_view text) {
  if (text.size() < 3 || text[0] < 'A' || text[0] > 'Z' || text[1] != '.' ||
      !IsAsciiDigit(static_cast<unsigned char>(text[2]))) {
    return 0;
  }
  std::size_t i = 2;
  while (i < text.size() && (IsAsciiDigit(static_cast<unsigned char>(text[i])) ||
                             (text[i] == '.' && i + 1 < text.size() &&
                              IsAsciiDigit(static_cast<unsigned char>(text[i + 1]))))) {
    ++i;
  }
  // A letter straight after the digits ("Y.4471a") is still the same family
  // member; a following letter run like "Y.NDA" never got here.
  return i;
}

void AddOnce(std::vector<std::string>& out, std::string value) {
  for (const std::string& existing : out) {
    if (existing == value) return;
  }
  out.push_back(std::move(value));
}

}  // namespace

void FindRecommendations(std::string_view text, const RecommendationWords& words,
                         std::vector<std::string>& out) {
  // Every identifier has a dot before a digit ("Y.4471"); most text has none.
  bool dotted_digit = false;
  for (std::size_t dot = text.find('.'); dot != std::string_view::npos && !dotted_digit;
       dot = text.find('.', dot + 1)) {
    dotted_digit = dot + 1 < text.size() && IsAsciiDigit(static_cast<unsigned char>(text[dot + 1]));
  }
  if (!dotted_digit) return;
  for (std::size_t i = 0; i < text.size(); ++i) {
    // Qualified: "ITU-T Y.4471", "UIT-T E.119", "МСЭ-Т E.108" (space optional),
    // written with the sector's English name whatever the language.
    bool qualified = false;
    for (const auto& [sector, canonical] : words.sectors) {
      if (text[i] != sector.front() || text.compare(i, sector.size(), sector) != 0) continue;
      if (i > 0 && std::isalnum(static_cast<unsigned char>(text[i - 1]))) break;
      std::size_t at = i + sector.size();
      if (at < text.size() && text[at] == ' ') ++at;
      std::size_t length = RecommendationLength(text.substr(at));
      if (length > 0) {
        AddOnce(out, std::string(canonical) + " " + std::string(text.substr(at, length)));
        i = at + length - 1;
        qualified = true;
      }
      break;
    }
    if (qualified) continue;
    // Unqualified, but named as a Recommendation around it. "实施H.264建议书":
    // a CJK character may touch the identifier; a Latin letter, digit or
    // dash ("T-REC-H.264", "XH.264") may not.
    if (text[i] >= 'A' && text[i] <= 'Z' &&
        (i == 0 || !(std::isalnum(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '-' ||
                     text[i - 1] == '.'))) {
      std::size_t length = RecommendationLength(text.substr(i));
      if (length == 0) continue;
      std::string_view after = Trim(text.substr(i + length));
      std::string_view before = text.substr(0, i);
      bool named = false;
      for (std::string_view word : words.after) {
        if (after.substr(0, word.size()) == word) named = true;
      }
      for (std::string_view word : words.before) {
        if (before.size() >= word.size() &&
            StartsWithFold(before.substr(before.size() - word.size()), word)) {
          named = true;
        }
      }
      if (named) AddOnce(out, "ITU-T " + std::string(text.substr(i, length)));
      i += length - 1;
    }
  }
}

std::optional<std::string> ItemNumber(std::string_view text) {
  text = Trim(text);
  if (!text.empty() && text.front() == '(') text.remove_prefix(1);
  while (!text.empty() && (text.back() == '.' || text.back() == ')')) text.remove_suffix(1);
  if (text.empty() || !IsAsciiDigit(static_cast<unsigned char>(text.front()))) return std::nullopt;
  bool after_dot = false;
  for (char c : text) {
    if (IsAsciiDigit(static_cast<unsigned char>(c))) {
      after_dot = false;
    } else if (c == '.' && !after_dot) {
      after_dot = true;
    } else {
      return std::nullopt;
    }
  }
  if (after_dot) return std::nullopt;
  return std::string(text);
}

std::optional<std::pair<std::string, std::string>> SplitItemNumber(std::string_view text) {
  text = Trim(text);
  std::size_t end = 0;
  while (end < text.size() &&
         (IsAsciiDigit(static_cast<unsigned char>(text[end])) || text[end] == '.')) {
    ++end;
  }
  if (end == 0) return std::nullopt;
  std::optional<std::string> number = ItemNumber(text.substr(0, end));
  if (!number) return std::nullopt;
  std::string_view rest = text.substr(end);
  // The separator a writer puts after the number: white space, or the
  // enumeration marks of Chinese text.
  bool separated = false;
  for (std::string_view mark : {std::string_view("、"), std::string_view("．"),
                                std::string_view("）"), std::string_view(")"),
                                std::string_view("\t"), std::string_view(" ")}) {
    if (rest.substr(0, mark.size()) == mark) {
      rest.remove_prefix(mark.size());
      separated = true;
      break;
    }
  }
  // "2021年": a year is no item number; neither is "3.5%" glued to text.
  if (!separated && end < text.size() && text[end - 1] != '.') return std::nullopt;
  rest = Trim(rest);
  if (rest.empty()) return std::nullopt;
  return std::pair<std::string, std::string>{*number, std::string(rest)};
}

bool IsDocumentReference(std::string_view token, const std::vector<std::string_view>& prefixes) {
  token = Trim(token);
  // "SG20-TD123": a study-group qualifier in front of the document kind.
  if (token.size() > 3 && token.substr(0, 2) == "SG") {
    std::size_t dash = token.find('-');
    if (dash != std::string_view::npos && dash < 6) token.remove_prefix(dash + 1);
  }
  for (std::string_view prefix : prefixes) {
    if (token.substr(0, prefix.size()) != prefix) continue;
    std::string_view rest = token.substr(prefix.size());
    if (!rest.empty() && (rest.front() == ' ' || rest.front() == '-')) rest.remove_prefix(1);
    if (rest.empty() || !IsAsciiDigit(static_cast<unsigned char>(rest.front()))) continue;
    bool plain = true;
    for (char c : rest) {
      unsigned char u = static_cast<unsigned char>(c);
      if (!(std::isalnum(u) || c == ' ' || c == '/' || c == '-' || c == '.' || c == '(' ||
            c == ')')) {
        plain = false;
        break;
      }
    }
    if (plain) return true;
  }
  return false;
}

}  // namespace missive::scan
