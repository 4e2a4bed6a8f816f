// Fuzz target: arbitrary bytes as a TABARI/PETRARCH dictionary file or as a
// compiled dictionary file (`--dictionaries FILE`). The first byte picks the
// reader; the rest is the file. Damaged input must give diagnostics or a
// refusal, never a crash, a hang or an out-of-bounds read.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "dict/tabari.h"

using namespace claimtrace::dict;

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
      (void)d.load_compiled(path, err);
      unlink(path.c_str());
      return 0;
    }
  }
  d.finish();
  return 0;
}
