// tag_lexicon_compiler: builds the part-of-speech lexicon image
// (src/tag/tag_lexicon.h) from
//   - en-lexicon's dist/lexicon.js (npm, MIT): word -> Penn tags, most frequent first;
//   - WordNet's exception lists (Debian wordnet-base): irregular inflections -> lemmas,
//     and its verb/noun/adjective/adverb indexes to check regular lemma candidates;
//   - our overrides in data/tag/words.tsv and data/tag/lemmas.tsv.
// Writes the image and a C++ source that links it into the program (.incbin),
// named with the image's checksum so that a compiler cache never serves a stale copy.
//
// usage: tag_lexicon_compiler --en-lexicon FILE --wordnet DIR --data DIR
//                             --image OUT.bin --source OUT.cc
#include <xxhash.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/document.h"
#include "tag/tag_lexicon.h"

using namespace claimtrace;
using claimtrace::tag::TagEntry;
using claimtrace::tag::TagImageHeader;

namespace {

struct Word {
  std::vector<Pos> tags;
  std::string verb_lemma, other_lemma;
};

[[noreturn]] void die(const std::string& message) {
  std::cerr << "tag_lexicon_compiler: " << message << "\n";
  std::exit(1);
}

// en-lexicon tags that are not Penn notation, or that we fold.
bool map_tag(const std::string& t, Pos& out) {
  static const std::map<std::string, std::string> kAliases = {
      {"NP", "NNP"}, {"NPS", "NNPS"}, {"PRP$R", "PRP$"}, {"JJSS", "JJS"}, {"EM", "SYM"},
      {";", ":"},    {"!", "."},      {"\"", "``"},      {"(", "-LRB-"},  {")", "-RRB-"}};
  auto it = kAliases.find(t);
  return pos_from_string(it == kAliases.end() ? t : it->second, out);
}

// Parses a JavaScript string literal starting at s[i] == '"'; advances i past it.
bool parse_js_string(const std::string& s, size_t& i, std::string& out) {
  out.clear();
  if (i >= s.size() || s[i] != '"') return false;
  for (++i; i < s.size(); ++i) {
    char c = s[i];
    if (c == '"') {
      ++i;
      return true;
    }
    if (c == '\\') {
      if (++i >= s.size()) return false;
      char e = s[i];
      if (e == 'u') return false;  // \uXXXX: not used by the words we keep
      out.push_back(e == 'n' ? '\n' : e == 't' ? '\t' : e);
    } else {
      out.push_back(c);
    }
  }
  return false;
}

std::vector<Pos> parse_tags(const std::string& field, const std::string& where) {
  std::vector<Pos> tags;
  std::stringstream ss(field);
  std::string t;
  while (std::getline(ss, t, '|')) {
    Pos p;
    if (t.empty() || !map_tag(t, p)) {
      if (!where.empty()) die(where + ": unknown tag '" + t + "'");
      continue;  // registry noise ("\", empty): skipped
    }
    if (std::find(tags.begin(), tags.end(), p) == tags.end()) tags.push_back(p);
  }
  return tags;
}

void read_en_lexicon(const std::string& path, std::unordered_map<std::string, Word>& words) {
  std::ifstream in(path);
  if (!in) die(path + ": cannot open");
  std::string line, key, value;
  size_t n = 0;
  while (std::getline(in, line)) {
    size_t i = line.find_first_not_of(' ');
    if (i == std::string::npos || line[i] != '"') continue;
    if (!parse_js_string(line, i, key)) continue;
    if (line.compare(i, 2, ": ") != 0) continue;
    i += 2;
    if (!parse_js_string(line, i, value)) continue;
    if (key.empty() || key.size() > 255) continue;
    std::vector<Pos> tags = parse_tags(value, "");
    if (tags.empty() || (tags.size() == 1 && value == "EM")) continue;  // emoji
    words[key].tags = std::move(tags);
    ++n;
  }
  if (n < 1000)
    die(path + ": only " + std::to_string(n) + " entries (not en-lexicon's lexicon.js?)");
}

// Data lines of one of our TSV files: fields split on tabs; '#' starts a comment line.
template <typename OnLine>
void read_tsv(const std::string& path, size_t fields, OnLine&& on_line) {
  std::ifstream in(path);
  if (!in) die(path + ": cannot open");
  std::string line;
  for (size_t number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string x;
    while (std::getline(ss, x, '\t')) f.push_back(x);
    if (f.size() != fields)
      die(path + ":" + std::to_string(number) + ": expected " + std::to_string(fields) +
          " tab-separated fields");
    on_line(f, path + ":" + std::to_string(number));
  }
}

// WordNet exception list: "inflected base [base...]" per line; the first base wins.
std::unordered_map<std::string, std::string> read_exceptions(const std::string& path) {
  std::unordered_map<std::string, std::string> out;
  std::ifstream in(path);
  if (!in) die(path + ": cannot open");
  std::string form, base, rest;
  while (in >> form >> base) {
    std::getline(in, rest);
    if (form.find('_') != std::string::npos || base.find('_') != std::string::npos) continue;
    out.emplace(form, base);
  }
  return out;
}

// Lemmas WordNet knows (index.*: the first field of lines not starting with a space).
void read_index(const std::string& path, std::unordered_set<std::string>& out) {
  std::ifstream in(path);
  if (!in) die(path + ": cannot open");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == ' ') continue;
    std::string lemma = line.substr(0, line.find(' '));
    if (lemma.find('_') == std::string::npos) out.insert(lemma);
  }
}

bool has_any(const Word* w, std::initializer_list<Pos> tags) {
  if (w == nullptr) return false;
  for (Pos p : w->tags)
    for (Pos t : tags)
      if (p == t) return true;
  return false;
}

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() > suffix.size() + 1 &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Regular lemma candidates of `form` with one of `suffixes` replaced, plus
// the undoubled stem for a doubled final consonant ("stopped" -> "stop").
std::vector<std::string> candidates(
    const std::string& form,
    std::initializer_list<std::pair<std::string_view, std::string_view>> rules) {
  std::vector<std::string> out;
  for (auto [suffix, replacement] : rules) {
    if (!ends_with(form, suffix)) continue;
    std::string stem = form.substr(0, form.size() - suffix.size());
    if (replacement.empty() && stem.size() >= 3 && stem.back() == stem[stem.size() - 2] &&
        std::strchr("bdgklmnprtz", stem.back()) != nullptr)
      out.push_back(stem.substr(0, stem.size() - 1));
    out.push_back(stem + std::string(replacement));
  }
  return out;
}

std::string lemma_of(const std::string& form,
                     const std::unordered_map<std::string, std::string>& exceptions,
                     const std::vector<std::string>& cands,
                     const std::unordered_map<std::string, Word>& words,
                     const std::unordered_set<std::string>& wordnet,
                     std::initializer_list<Pos> base_tags) {
  if (auto it = exceptions.find(form); it != exceptions.end()) return it->second;
  for (const std::string& c : cands) {
    auto it = words.find(c);
    if (has_any(it == words.end() ? nullptr : &it->second, base_tags) || wordnet.count(c)) return c;
  }
  return {};
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  std::string en_lexicon, wordnet_dir, data_dir, image_path, source_path;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--en-lexicon")
      en_lexicon = argv[i + 1];
    else if (a == "--wordnet")
      wordnet_dir = argv[i + 1];
    else if (a == "--data")
      data_dir = argv[i + 1];
    else if (a == "--image")
      image_path = argv[i + 1];
    else if (a == "--source")
      source_path = argv[i + 1];
    else
      die("unknown option " + a);
  }
  if (en_lexicon.empty() || wordnet_dir.empty() || data_dir.empty() || image_path.empty() ||
      source_path.empty())
    die("usage: --en-lexicon FILE --wordnet DIR --data DIR --image OUT.bin --source OUT.cc");

  std::unordered_map<std::string, Word> words;
  read_en_lexicon(en_lexicon, words);
  read_tsv(data_dir + "/words.tsv", 2,
           [&](const std::vector<std::string>& f, const std::string& where) {
             words[f[0]].tags = parse_tags(f[1], where);
           });

  const auto verb_exc = read_exceptions(wordnet_dir + "/verb.exc");
  const auto noun_exc = read_exceptions(wordnet_dir + "/noun.exc");
  auto adj_exc = read_exceptions(wordnet_dir + "/adj.exc");
  for (auto& [k, v] : read_exceptions(wordnet_dir + "/adv.exc")) adj_exc.emplace(k, v);
  std::unordered_set<std::string> wn_verbs, wn_nouns, wn_adjs;
  read_index(wordnet_dir + "/index.verb", wn_verbs);
  read_index(wordnet_dir + "/index.noun", wn_nouns);
  read_index(wordnet_dir + "/index.adj", wn_adjs);
  read_index(wordnet_dir + "/index.adv", wn_adjs);

  for (auto& [form, w] : words) {
    const std::string lc = lower(form);
    if (has_any(&w, {Pos::kVBD, Pos::kVBN, Pos::kVBG, Pos::kVBZ})) {
      w.verb_lemma = lemma_of(lc, verb_exc,
                              candidates(lc, {{"ies", "y"},
                                              {"es", ""},
                                              {"s", ""},
                                              {"ied", "y"},
                                              {"ed", ""},
                                              {"ed", "e"},
                                              {"ying", "ie"},
                                              {"ing", ""},
                                              {"ing", "e"}}),
                              words, wn_verbs, {Pos::kVB, Pos::kVBP});
    }
    if (has_any(&w, {Pos::kNNS, Pos::kNNPS})) {
      w.other_lemma = lemma_of(lc, noun_exc,
                               candidates(lc, {{"ies", "y"},
                                               {"ses", "s"},
                                               {"xes", "x"},
                                               {"zes", "z"},
                                               {"ches", "ch"},
                                               {"shes", "sh"},
                                               {"men", "man"},
                                               {"s", ""}}),
                               words, wn_nouns, {Pos::kNN, Pos::kNNP});
    } else if (has_any(&w, {Pos::kJJR, Pos::kJJS, Pos::kRBR, Pos::kRBS})) {
      w.other_lemma = lemma_of(
          lc, adj_exc,
          candidates(
              lc,
              {{"ier", "y"}, {"iest", "y"}, {"er", ""}, {"er", "e"}, {"est", ""}, {"est", "e"}}),
          words, wn_adjs, {Pos::kJJ, Pos::kRB});
    }
  }
  read_tsv(data_dir + "/lemmas.tsv", 3,
           [&](const std::vector<std::string>& f, const std::string& where) {
             auto it = words.find(f[0]);
             if (it == words.end()) die(where + ": '" + f[0] + "' is not in the lexicon");
             if (f[1] == "verb")
               it->second.verb_lemma = f[2];
             else if (f[1] == "other")
               it->second.other_lemma = f[2];
             else
               die(where + ": expected 'verb' or 'other'");
           });

  // Deterministic order: function words first (they are half of running text;
  // kept together their entries and strings stay in a few cache lines), then
  // the rest, each sorted.
  auto function_word = [](const Word& w) {
    return has_any(&w, {Pos::kDT, Pos::kIN, Pos::kCC, Pos::kPRP, Pos::kPRPS, Pos::kMD, Pos::kTO,
                        Pos::kWDT, Pos::kWP, Pos::kWRB, Pos::kEX, Pos::kPDT, Pos::kPOS});
  };
  std::vector<const std::pair<const std::string, Word>*> sorted;
  for (const auto& kv : words)
    if (!kv.second.tags.empty()) sorted.push_back(&kv);
  std::sort(sorted.begin(), sorted.end(), [&](auto* a, auto* b) {
    const bool fa = function_word(a->second), fb = function_word(b->second);
    return fa != fb ? fa : a->first < b->first;
  });

  std::string pool(1, '\0');
  std::unordered_map<std::string, uint32_t> interned;
  auto intern = [&](const std::string& s, const std::string& same_as) -> uint32_t {
    if (s.empty() || s == same_as) return 0;
    auto [it, fresh] = interned.emplace(s, static_cast<uint32_t>(pool.size()));
    if (fresh) {
      pool += s;
      pool.push_back('\0');
    }
    return it->second;
  };
  std::vector<TagEntry> entries;
  entries.reserve(sorted.size());
  for (const auto* kv : sorted) {
    TagEntry e{};
    e.word = static_cast<uint32_t>(pool.size());
    pool += kv->first;
    pool.push_back('\0');
    e.word_size = static_cast<uint8_t>(kv->first.size());
    const std::string lc = lower(kv->first);
    e.verb_lemma = intern(kv->second.verb_lemma, lc);
    e.other_lemma = intern(kv->second.other_lemma, lc);
    for (size_t i = 0; i < kv->second.tags.size() && i < tag::kMaxTagsPerWord; ++i)
      e.tags[i] = static_cast<uint8_t>(kv->second.tags[i]);
    entries.push_back(e);
  }
  while (pool.size() % 4) pool.push_back('\0');

  uint32_t n_slots = 1;
  while (n_slots < entries.size() * 2) n_slots <<= 1;
  std::vector<uint32_t> slots(n_slots, 0);
  for (uint32_t i = 0; i < entries.size(); ++i) {
    std::string_view w(pool.data() + entries[i].word, entries[i].word_size);
    uint32_t s = static_cast<uint32_t>(tag::tag_word_hash(w)) & (n_slots - 1);
    while (slots[s] != 0) s = (s + 1) & (n_slots - 1);
    slots[s] = i + 1;
  }

  TagImageHeader h{};
  std::memcpy(h.magic, tag::kTagMagic, sizeof h.magic);
  h.version = tag::kTagFormatVersion;
  h.pos_count = static_cast<uint32_t>(Pos::kCount);
  h.n_entries = static_cast<uint32_t>(entries.size());
  h.n_slots = n_slots;
  h.pool_size = static_cast<uint32_t>(pool.size());
  h.off_entries = sizeof(TagImageHeader);
  h.off_slots = h.off_entries + h.n_entries * sizeof(TagEntry);
  h.off_pool = h.off_slots + n_slots * 4;
  std::string image(reinterpret_cast<const char*>(&h), sizeof h);
  image.append(reinterpret_cast<const char*>(entries.data()), entries.size() * sizeof(TagEntry));
  image.append(reinterpret_cast<const char*>(slots.data()), slots.size() * 4);
  image += pool;

  std::ofstream(image_path, std::ios::binary)
      .write(image.data(), static_cast<std::streamsize>(image.size()));
  char checksum[17];
  std::snprintf(checksum, sizeof checksum, "%016llx",
                static_cast<unsigned long long>(XXH3_64bits(image.data(), image.size())));
  std::ofstream src(source_path);
  src << "// Generated by tools/tag_lexicon_compiler: links the tag lexicon image into the "
         "program.\n"
      << "// Image checksum (XXH3-64): " << checksum << "\n"
      << "#include \"tag/tag_lexicon.h\"\n\n"
      << "asm(\".section .rodata\\n.balign 16\\n.local ct_tag_image_" << checksum << "\\n"
      << "ct_tag_image_" << checksum << ":\\n.incbin \\\"" << image_path
      << "\\\"\\n.previous\\n\");\n"
      << "extern \"C\" const unsigned char ct_tag_image_" << checksum << "[];\n\n"
      << "std::span<const uint8_t> claimtrace::tag::builtin_tag_image() {\n"
      << "  return {ct_tag_image_" << checksum << ", " << image.size() << "};\n}\n";
  if (!src) die(source_path + ": cannot write");
  std::cout << "tag lexicon: " << entries.size() << " words, " << image.size() << " bytes\n";
  return 0;
}
