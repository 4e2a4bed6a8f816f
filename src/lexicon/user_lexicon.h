#pragma once
// User dictionaries given at run time (`claimtrace analyze --lexicon FILE`):
// actors, outlets, people, places and aliases in a small TSV format
// (docs/dictionaries.md), compiled in memory into an overlay image on top of
// the shipped lexicon. Malformed lines are reported as FILE:LINE and skipped.
#include <memory>
#include <string>
#include <vector>

#include "lexicon/lexicon.h"

namespace claimtrace::lexicon {

// Builds an overlay from `paths` for `base`. Returns null when no file could
// be read at all; `errors` receives one "FILE:LINE: reason" per bad line.
std::unique_ptr<Lexicon> build_user_lexicon(const std::vector<std::string>& paths,
                                            const Lexicon& base, std::vector<std::string>& errors);

}  // namespace claimtrace::lexicon
