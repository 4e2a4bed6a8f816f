#include "lexicon/user_lexicon.h"

#include <unistd.h>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <fstream>

#include "core/utf8.h"
#include "lexicon/builder.h"

namespace claimtrace::lexicon {

namespace {

std::vector<std::string> split_tabs(const std::string& s) {
  std::vector<std::string> out;
  size_t b = 0;
  for (;;) {
    size_t e = s.find('\t', b);
    out.push_back(s.substr(b, e == std::string::npos ? std::string::npos : e - b));
    if (e == std::string::npos) return out;
    b = e + 1;
  }
}

bool parse_type(const std::string& t, EntityType& type, LexKind& kind) {
  static const struct {
    const char* name;
    EntityType type;
    LexKind kind;
  } kTypes[] = {
      {"PER", EntityType::kPer, LexKind::kPerson},    {"ORG", EntityType::kOrg, LexKind::kOrg},
      {"MEDIA", EntityType::kMedia, LexKind::kOrg},   {"GPE", EntityType::kGpe, LexKind::kRegion},
      {"LOC", EntityType::kLoc, LexKind::kRegion},    {"FAC", EntityType::kFac, LexKind::kOrg},
      {"NORP", EntityType::kNorp, LexKind::kDemonym}, {"EVENT", EntityType::kEvent, LexKind::kOrg},
      {"MISC", EntityType::kMisc, LexKind::kOrg}};
  for (const auto& k : kTypes)
    if (t == k.name) {
      type = k.type;
      kind = k.kind;
      return true;
    }
  return false;
}

bool parse_float(const std::string& s, float& v) {
  const char* b = s.data();
  auto r = std::from_chars(b, b + s.size(), v);
  return r.ec == std::errc() && r.ptr == b + s.size() && std::isfinite(v);
}

}  // namespace

std::unique_ptr<Lexicon> build_user_lexicon(const std::vector<std::string>& paths,
                                            const Lexicon& base, std::vector<std::string>& errors) {
  LexiconBuilder b;
  b.set_bases(base.next_entry_id(), base.next_pool_offset());
  size_t files_read = 0;
  for (const std::string& path : paths) {
    std::ifstream in(path);
    if (!in) {
      errors.push_back(path + ": cannot open");
      continue;
    }
    ++files_read;
    std::string line;
    for (size_t n = 1; std::getline(in, line); ++n) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty() || line[0] == '#') continue;
      auto fail = [&](const std::string& why) {
        errors.push_back(path + ":" + std::to_string(n) + ": " + why);
      };
      if (find_invalid_utf8(line) != std::string::npos) {
        fail("invalid UTF-8");
        continue;
      }
      auto cols = split_tabs(line);
      if (cols.size() < 2 || cols[0].empty()) {
        fail("expected at least NAME<TAB>TYPE");
        continue;
      }
      EntityType type;
      LexKind kind;
      if (!parse_type(cols[1], type, kind)) {
        fail("unknown type \"" + cols[1] +
             "\" (PER, ORG, MEDIA, GPE, LOC, FAC, NORP, EVENT, MISC)");
        continue;
      }
      EntrySpec e;
      e.name = cols[0];
      e.kind = kind;
      e.type = static_cast<uint8_t>(type);
      e.flags = kLexCurated;
      if (cols.size() > 2 && cols[2] != "-" && !cols[2].empty()) {
        if (cols[2].size() != 2) {
          fail("country must be an ISO 3166-1 alpha-2 code or -");
          continue;
        }
        e.country = cols[2];
      }
      if (cols.size() > 3 && cols[3] != "-") e.actor = cols[3];
      if (cols.size() > 6 && !cols[5].empty() && !cols[6].empty()) {
        if (!parse_float(cols[5], e.lat) || !parse_float(cols[6], e.lon) || std::fabs(e.lat) > 90 ||
            std::fabs(e.lon) > 180) {
          fail("latitude/longitude must be numbers within range");
          continue;
        }
        e.feature = "RGN";
      } else if (kind == LexKind::kRegion) {
        fail("a place (GPE/LOC) needs latitude and longitude in columns 6 and 7");
        continue;
      }
      uint32_t id = b.add_entry(e);
      if (!b.add_phrase(e.name, id, false)) {
        fail("the name has no words");
        continue;
      }
      if (cols.size() > 4) {
        size_t start = 0;
        const std::string& aliases = cols[4];
        while (start <= aliases.size()) {
          size_t bar = aliases.find('|', start);
          std::string alias =
              aliases.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
          if (!alias.empty() && alias != "-") b.add_phrase(alias, id, true);
          if (bar == std::string::npos) break;
          start = bar + 1;
        }
      }
    }
  }
  if (files_read == 0) return nullptr;
  // Compile to an unlinked temporary file and map it (the mapping outlives the name).
  const char* tmpdir = std::getenv("TMPDIR");
  std::string tmpl = std::string(tmpdir && *tmpdir ? tmpdir : "/tmp") + "/claimtrace-user-XXXXXX";
  int fd = mkstemp(tmpl.data());
  if (fd < 0) {
    errors.push_back(tmpl + ": cannot create a temporary file");
    return nullptr;
  }
  close(fd);
  std::string error;
  std::unique_ptr<Lexicon> lex;
  if (b.write(tmpl, error)) lex = Lexicon::open(tmpl, error);
  unlink(tmpl.c_str());
  if (!lex) errors.push_back(error);
  return lex;
}

}  // namespace claimtrace::lexicon
