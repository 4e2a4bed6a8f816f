#pragma once
// Language of a text by its letters (CLD2, Debian libcld2), for pages that
// do not declare one.
#include <string>
#include <string_view>

namespace claimtrace::html {

// The ISO 639 code ("en", "de", "zh") of the language of `utf8_text`, or ""
// when the text is too short or mixed for a reliable answer.
std::string detect_language(std::string_view utf8_text);

}  // namespace claimtrace::html
