// Fuzz target: arbitrary bytes as a TABARI/PETRARCH dictionary file or as a
// compiled dictionary file (`--dictionaries FILE`). The first byte picks the
// reader; the rest is the file. Damaged input must give diagnostics or a
// refusal, never a crash, a hang or an out-of-bounds read; a compiled file
// that is accepted is also coded with, since its arrays are used in place.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "dict/tabari.h"

using namespace claimtrace::dict;

namespace {

// Codes a few sentences whose words start the seeds' verbs and actors.
void code_some(const Dictionaries& d) {
  for (const std::string_view text :
       {"Northland praised Southland warmly on Monday in the capital city.",
        "The minister of Northland said he opposed the plan, officials said.",
        "Activists in Southland were attacked by troops and police yesterday ."}) {
    std::vector<std::string_view> words;
    for (const auto& [b, e] : split_words(text)) words.push_back(text.substr(b, e - b));
    bool story = false;
    (void)code_sentence(d, words, 20200301, &story);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  Dictionaries d;
  switch (data[0] % 7) {
    case 0:
      d.parse_verbs(text, "fuzz.verbs");
      break;
    case 1:
      d.parse_actors(text, "fuzz.actors", false);
      break;
    case 2:
      d.parse_actors(text, "fuzz.agents", true, true);
      break;
    case 3:
      d.parse_options(text, "fuzz.options");
      break;
    case 4:
      d.parse_discards(text, "fuzz.discards");
      break;
    case 5:
      d.parse_petrarch_verbs(text, "fuzz.txt");
      break;
    default: {
      std::string path = "/tmp/claimtrace-fuzz-dict-" + std::to_string(getpid()) + ".ctd";
      FILE* f = std::fopen(path.c_str(), "wb");
      if (!f) return 0;
      std::fwrite(text.data(), 1, text.size(), f);
      std::fclose(f);
      std::string err;
      const bool loaded = d.load_compiled(path, err);
      unlink(path.c_str());
      // An accepted file is used in place: coding must stay inside it.
      if (loaded) code_some(d);
      return 0;
    }
  }
  d.finish();
  return 0;
}
