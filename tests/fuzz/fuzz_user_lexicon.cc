// Fuzz target: arbitrary bytes as a user dictionary (--lexicon FILE) compiled
// into an overlay on a tiny base image, then matched against its own text.
// Bad lines must be reported, never crash or corrupt the overlay.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>

#include "lexicon/builder.h"
#include "lexicon/user_lexicon.h"
#include "segment/tokenizer.h"

using namespace claimtrace;
using namespace claimtrace::lexicon;

static std::unique_ptr<Lexicon> tiny_base() {
  LexiconBuilder b;
  EntrySpec e;
  e.name = "Base Town";
  e.kind = LexKind::kPlace;
  b.add_phrase("Base Town", b.add_entry(e), false);
  std::string path = "/tmp/claimtrace-fuzz-base-" + std::to_string(getpid()) + ".lex";
  std::string err;
  if (!b.write(path, err)) return nullptr;
  auto lex = Lexicon::open(path, err);
  unlink(path.c_str());
  return lex;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static std::unique_ptr<Lexicon> base = tiny_base();
  if (!base) return 0;
  std::string path = "/tmp/claimtrace-fuzz-user-" + std::to_string(getpid()) + ".tsv";
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return 0;
  std::fwrite(data, 1, size, f);
  std::fclose(f);
  std::vector<std::string> errors;
  auto user = build_user_lexicon({path}, *base, errors);
  unlink(path.c_str());
  if (!user) return 0;
  Document doc;
  doc.text.assign(reinterpret_cast<const char*>(data), size);
  segment::tokenize(doc);
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  for (uint32_t i = 0; i < n; ++i) {
    Match m;
    if (user->longest(doc, i, n, m))
      for (uint32_t v : m.entries) (void)user->str(user->entry(v).name).size();
  }
  return 0;
}
