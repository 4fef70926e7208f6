// Hooks of the emit stage for its tests, not for other callers.
#pragma once

#include <cstddef>
#include <string>

#include "core/record.h"
#include "emit/emit.h"

namespace missive::emit_internal {

// EmitJson with the output made `size_hint` long at first instead of the
// size EmitJson guesses: the tests sweep it to make the output grow at every
// byte, where a write that took less room than it needs would go wrong.
[[nodiscard]] std::string EmitJsonWithSizeHint(const LetterRecord& record, JsonStyle style,
                                               std::size_t size_hint);

}  // namespace missive::emit_internal
