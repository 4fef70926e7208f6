// The recognize stage: the letter's meaning (header fields, meeting,
// deadlines, events, agenda, annexes) from a normalized document. Driven by
// per-language tables (recognize/tables.cc), never by one letter's wording.
#pragma once

#include "core/document.h"
#include "core/record.h"

namespace missive {

struct RecognizeOptions {};

// Fills every content field of a record from `doc` (already normalized):
// language, properties, letter, meeting, deadlines, events, agenda, annexes,
// recommendations, urls, blocks, text and warnings. Leaves id and source to
// the caller. What it looked for and could not find becomes a warning.
[[nodiscard]] LetterRecord Recognize(const Document& doc, const RecognizeOptions& options = {});

}  // namespace missive
