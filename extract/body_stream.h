// The body of document.xml read straight from its bytes, without a tree.
// Private to extract/.
//
// Building pugixml's tree of the main part and then walking it was a third
// of a conversion's time; this reader does both in one pass (bench/README.md).
// It knows what letters hold: paragraphs, runs, text, tabs and breaks,
// symbols, fields, hyperlinks, tracked changes, content controls, custom XML,
// smart tags, tables (spans, merges, grid before and after), text boxes and
// mc:AlternateContent. For anything else (equations, properties after the
// content they describe, unusual XML, a limit in sight) it gives up, and
// the tree reader reads the part: the two agree on every document this
// reader finishes (extract/body_stream_test.cc).
#pragma once

#include <string_view>
#include <vector>

#include "core/document.h"
#include "extract/package.h"
#include "extract/story.h"

namespace missive::extract_internal {

// Reads the w:body of main part `xml` (as inflated, UTF-8) into *body and
// counts its paragraphs and cells in *context.paragraphs: true. False when
// the tree reader must read the part instead; *body and the context are
// then as they were. `relationships` are the main part's.
bool StreamBody(std::string_view xml, const PackageContext& context,
                const std::vector<Relationship>& relationships, std::vector<Block>* body);

}  // namespace missive::extract_internal
