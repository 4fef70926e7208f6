// The letter record: the in-memory form of the output contract
// (../shared/letter-record.md, schema/letter-record.schema.json).
// std::nullopt is written as JSON null; empty vectors as [].
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/result.h"

namespace missive {

inline constexpr const char* kSchemaVersion = "1.0";

using OptString = std::optional<std::string>;

struct Reference {
  std::string text;  // as written
  OptString issuer;  // TSB | BR | BDT | SG ...
  OptString kind;    // collective-letter | circular | letter | addendum | corrigendum ...
  OptString number;  // "11/20", "300"
  OptString file;    // the file code printed under the reference, e.g. "SG20/CB"
  OptString key;     // language-independent, e.g. "TSB Collective Letter 11/20"
};

struct Contact {
  OptString name, tel, fax, email, web;
};

struct Signature {
  std::string name;
  OptString title;
};

struct LetterFields {
  OptString place;
  OptString date;  // YYYY-MM-DD
  std::optional<Reference> reference;
  std::vector<std::string> addressees;
  std::vector<std::string> copies;
  std::optional<Contact> contact;
  OptString subject;
  OptString salutation;
  OptString closing;
  std::optional<Signature> signature;
};

struct Meeting {
  std::string body;      // as written, e.g. "第20研究组"
  OptString body_key;    // e.g. "ITU-T SG20"
  OptString start, end;  // YYYY-MM-DD
  OptString mode;        // virtual | in-person | hybrid
  OptString location;
  OptString opening;   // ISO 8601 date-time with offset
  OptString timezone;  // IANA name
};

struct Deadline {
  std::string date;  // YYYY-MM-DD
  std::string text;
};

struct Event {
  std::string title;
  OptString date;
  OptString start, end;  // ISO 8601 date-times
  OptString timezone;
  OptString url;
  std::string text;  // the sentence or paragraph it came from
};

struct AgendaItem {
  std::string number;
  int level = 1;
  OptString parent;
  std::string title;  // paragraphs joined with "\n"
  std::vector<std::string> documents;
  OptString notes;
};

struct Agenda {
  OptString title;
  OptString annex;
  std::vector<AgendaItem> items;
};

struct Annex {
  std::string label;
  OptString title;
};

// One entry of "blocks": the document in reading order.
struct OutputBlock {
  std::string type;                            // paragraph | heading | table
  std::string text;                            // paragraph and heading
  std::string style;                           // paragraph: the style name ("" is written as null)
  int level = 0;                               // heading
  std::vector<std::vector<std::string>> rows;  // table: cell texts
};

// Text kept apart from the body (headers, footers, footnotes, endnotes,
// comments): one entry per part or note, never mixed into "text".
struct OutputNote {
  std::string kind;  // header | footer | footnote | endnote | comment
  std::string id;    // the part name for headers/footers, the w:id for notes and comments
  std::string text;  // its paragraphs, one per line
};

struct SourceInfo {
  std::string path;
  std::uint64_t size = 0;
  std::string sha256;
  std::string format;  // docx | text
};

struct LetterRecord {
  std::string id;  // sha256 of the input bytes
  SourceInfo source;
  std::optional<Error> error;  // set iff status is "error"
  std::vector<Warning> warnings;
  OptString language;  // BCP 47 primary tag or "und"; null on error records
  std::optional<Properties> properties;
  std::optional<LetterFields> letter;  // null on error records
  std::optional<Meeting> meeting;
  std::vector<Deadline> deadlines;
  std::vector<Event> events;
  std::optional<Agenda> agenda;
  std::vector<Annex> annexes;
  std::vector<std::string> recommendations;
  std::vector<std::string> urls;
  std::vector<OutputBlock> blocks;
  OptString text;                 // null on error records
  std::vector<OutputNote> notes;  // added in 1.0 beyond the contract's list

  bool ok() const { return !error.has_value(); }
};

// Lowercase hex SHA-256 of `bytes`.
std::string Sha256Hex(std::string_view bytes);

}  // namespace missive
