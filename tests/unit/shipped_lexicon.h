#pragma once
// The lexicon image the build compiled, opened once per test process and
// shared by every test that needs entities (null, with the reason printed,
// when the image is missing).
#include <cstdio>
#include <memory>
#include <string>

#include "lexicon/lexicon.h"

namespace claimtrace::testing {

inline const lexicon::Lexicon* shipped_lexicon() {
  static const std::unique_ptr<lexicon::Lexicon> lex = [] {
    std::string err;
    auto l = lexicon::Lexicon::open(CLAIMTRACE_LEXICON_IMAGE, err);
    if (!l) std::fprintf(stderr, "%s\n", err.c_str());
    return l;
  }();
  return lex.get();
}

}  // namespace claimtrace::testing
