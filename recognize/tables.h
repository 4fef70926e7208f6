// Per-language knowledge the recognizer runs on. Adding a language means
// adding a table in tables.cc, not code: every phrase the recognizer looks
// for lives here.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

namespace missive {

// Header-block fields a label can introduce.
enum class HeaderField { kReference, kContact, kTel, kFax, kEmail, kWeb, kTo, kCopy, kSubject };

struct HeaderLabel {
  HeaderField field;
  std::string_view text;  // matched at the start of a segment, case-insensitively for Latin
};

// A phrase that maps to a canonical value (issuer, kind, mode ...).
struct Phrase {
  std::string_view text;
  std::string_view value;
};

// A meeting body: a number between `prefix` and `suffix` ("第" 20 "研究组",
// "Study Group " 20 ""). `key_format` has one '#', replaced by the number.
struct BodyPattern {
  std::string_view prefix;
  std::string_view suffix;
  std::string_view key_format;  // "ITU-T SG#", "ITU-T WP#"
  bool slash_number;            // the number is "1/20" (working parties)
};

struct LanguageTable {
  std::string_view language;  // BCP 47 primary tag
  std::vector<HeaderLabel> labels;
  std::vector<std::string_view> place_fillers;  // words beside the place in the date line ("le")
  std::vector<std::string_view> salutations;    // prefixes of the salutation line
  std::vector<std::string_view> closings;       // prefixes of the closing formula
  // Prefixes of a closing formula's second line ("此致" ↵ "敬礼！").
  std::vector<std::string_view> closing_continuations;
  std::vector<std::string_view> signature_titles;  // words of a signatory's title
  // Words after which a title in title case goes on over the next paragraph
  // ("Director of the Telecommunication" / "Standardization Bureau").
  // Languages that write the rest in lower case need none: that is read.
  std::vector<std::string_view> title_connectors;
  std::vector<std::string_view> annex_words;   // "附件", "Annex"
  std::vector<std::string_view> agenda_words;  // an annex title containing one is the agenda
  std::vector<Phrase> issuers;                 // "电信标准化局" -> "TSB"
  std::vector<Phrase> kinds;                   // "集体函" -> "collective-letter", longest first
  std::vector<std::string_view> addendum_words;  // "补遗", "Addendum"
  std::vector<std::string_view> corrigendum_words;
  std::vector<BodyPattern> bodies;
  // What may stand between a working party and its study group named
  // together ("Working Party 2 of Study Group 17"; "第17研究组的第2工作组").
  std::vector<std::string_view> body_connectors;
  std::vector<std::string_view> meeting_words;  // the subject names a meeting
  std::vector<Phrase> modes;                    // "虚拟" -> "virtual"; hybrid first
  std::vector<std::string_view> opening_words;  // a sentence about the opening time
  std::vector<std::string_view> event_markers;  // the title of an event ends before one
  // A date-led list line with no marker ("• 2021年4月21日：新代表情况介绍会")
  // is an event when its title names a happening (matched in any case) and
  // does not start with an action to do by the date (a deadline's topic).
  std::vector<std::string_view> event_words;       // "介绍会", "workshop"
  std::vector<std::string_view> deadline_actions;  // "提交", "registration"
  std::vector<std::string_view> deadline_words;    // a heading/sentence about deadlines
  // A dated action: a marker right after the date ("2021年4月16日前") or
  // shortly before it ("no later than 4 May 2021").
  std::vector<std::string_view> deadline_after_date;
  std::vector<std::string_view> deadline_before_date;
  std::vector<std::string_view> location_before;  // "在" ... place ... location_after
  std::vector<std::string_view> location_after;   // "举行", "召开"
  std::vector<std::string_view> location_stops;   // a place ends before one ("以…方式")
  // Agenda item labels besides digits ("7", "7.1", "(7)"): the numerals
  // the language also numbers items with, the marks written after a
  // numeral ("一、", "IV –") and the brackets around one ("（一）").
  bool chinese_item_numerals = false;
  bool roman_item_numerals = false;
  std::vector<std::string_view> item_marks;
  std::vector<std::pair<std::string_view, std::string_view>> item_brackets;
  std::vector<std::string_view> document_prefixes;  // "TD", "C", "Report": agenda documents
  std::vector<Phrase> sectors;  // "UIT-T" -> "ITU-T": a qualified Recommendation
  std::vector<std::string_view> recommendation_before;  // "Recommendation " + "Y.4471"
  std::vector<std::string_view> recommendation_after;   // "Y.4471" + "建议书"
  std::vector<std::string_view> stopwords;  // frequent words, for telling Latin languages apart
};

// The tables of every language, zh first.
const std::vector<LanguageTable>& LanguageTables();

// The table of `language`, or the English one when there is none.
const LanguageTable& TableFor(std::string_view language);

}  // namespace missive
