#include "link/stories.h"

#include "segment/tokenizer.h"

#include <xxhash.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <numeric>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace claimtrace::link {

namespace {

// Function words and reporting verbs carry no story.
bool is_stopword(std::string_view w) {
  static const std::unordered_set<std::string_view> kStop = {
      "that",     "this",      "with",     "from",   "have",    "been",    "were",
      "they",     "their",     "there",    "would",  "could",   "should",  "about",
      "after",    "before",    "which",    "while",  "when",    "where",   "what",
      "will",     "said",      "says",     "told",   "also",    "into",    "than",
      "then",     "them",      "more",     "most",   "some",    "such",    "only",
      "over",     "other",     "these",    "those",  "being",   "just",    "like",
      "many",     "much",      "very",     "year",   "years",   "last",    "first",
      "time",     "according", "reported", "told",   "people",  "news",    "report",
      "reports",  "week",      "month",    "today",  "monday",  "tuesday", "wednesday",
      "thursday", "friday",    "saturday", "sunday", "because", "however", "since",
      "under",    "against",   "between",  "during", "through", "where",   "whose",
      "your",     "does",      "did",      "doing",  "make",    "made",    "take",
      "took",     "including"};
  return kStop.count(w) > 0;
}

bool all_digits(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

using SparseVec = std::vector<std::pair<uint32_t, float>>;  // sorted by term id

float dot(const SparseVec& a, const SparseVec& b) {
  float s = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first == b[j].first)
      s += a[i++].second * b[j++].second;
    else if (a[i].first < b[j].first)
      ++i;
    else
      ++j;
  }
  return s;
}

void normalize(SparseVec& v) {
  float n = 0;
  for (auto& [t, w] : v) n += w * w;
  n = std::sqrt(n);
  if (n > 0)
    for (auto& [t, w] : v) w /= n;
}

SparseVec add(const SparseVec& a, const SparseVec& b) {
  SparseVec out;
  out.reserve(a.size() + b.size());
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (j >= b.size() || (i < a.size() && a[i].first < b[j].first))
      out.push_back(a[i++]);
    else if (i >= a.size() || b[j].first < a[i].first)
      out.push_back(b[j++]);
    else {
      out.emplace_back(a[i].first, a[i].second + b[j].second);
      ++i;
      ++j;
    }
  }
  return out;
}

}  // namespace

StoryDoc story_terms(const Document& doc) {
  StoryDoc out;
  out.id = doc.id;
  std::unordered_map<std::string, float> counts;
  // Names: who and where are what tell two look-alike stories apart.
  // Outlets are who tells the story, not what it is about: they weigh little,
  // or reports citing each other would cluster by their sources.
  for (const Entity& e : doc.entities) {
    if (e.type == EntityType::kMisc) continue;
    std::string name = e.name;
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string key = (e.type == EntityType::kMedia ? "M:" : "E:") + name;
    float weight = e.type == EntityType::kMedia ? 0.5f : 3.0f;
    counts[key] += weight * static_cast<float>(std::min<size_t>(e.mentions.size(), 3));
  }
  // Content words and numbers of the body (the title is usually its first line).
  for (const Token& t : doc.tokens) {
    std::string_view w = doc.norm(t);
    if (t.kind == TokenKind::kNumber) {
      if (w.size() == 4 && all_digits(w) && (w[0] == '1' || w[0] == '2'))
        counts["Y:" + std::string(w)] += 2.0f;
      else if (w.size() >= 2)
        counts["N:" + std::string(w)] += 1.0f;
      continue;
    }
    if (t.kind != TokenKind::kWord || w.size() < 4 || is_stopword(w)) continue;
    counts["W:" + std::string(w)] += 1.0f;
  }
  // The title, when it is not the text's first line: wire copy often names
  // the company or place only there ("SAAB-SCANIA ISSUES ... EUROBOND").
  if (!doc.title.empty() && doc.text.compare(0, doc.title.size(), doc.title) != 0) {
    Document title;
    title.text = doc.title;
    segment::tokenize(title);
    for (const Token& t : title.tokens) {
      std::string_view w = title.norm(t);
      if (t.kind == TokenKind::kWord && w.size() >= 3 && !is_stopword(w))
        counts["W:" + std::string(w)] += 2.0f;
    }
  }
  out.terms.assign(counts.begin(), counts.end());
  std::sort(out.terms.begin(), out.terms.end());
  return out;
}

std::string serialize_terms(const StoryDoc& doc) {
  std::string out;
  char count[32];
  for (const auto& [term, c] : doc.terms) {
    for (char ch : term) out += (ch == '\t' || ch == '\n') ? ' ' : ch;
    std::snprintf(count, sizeof count, "\t%g\n", static_cast<double>(c));
    out += count;
  }
  return out;
}

bool parse_terms(std::string_view text, StoryDoc& out) {
  out.terms.clear();
  while (!text.empty()) {
    size_t nl = text.find('\n');
    if (nl == std::string_view::npos) return false;
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl + 1);
    size_t tab = line.rfind('\t');
    if (tab == std::string_view::npos) return false;
    std::string count(line.substr(tab + 1));
    char* end = nullptr;
    float c = std::strtof(count.c_str(), &end);
    if (end == count.c_str() || *end != '\0' || !(c > 0)) return false;
    out.terms.emplace_back(std::string(line.substr(0, tab)), c);
  }
  return true;
}

namespace {

// The spelling under which a name is one story term (see term_key).
std::string name_spelling(std::string_view name) {
  // Words: runs of letters, digits and bytes >= 0x80; ASCII punctuation and
  // spaces separate them ("Mt. Cook" -> "mt", "cook").
  std::vector<std::string_view> words;
  size_t i = 0;
  auto word_byte = [](unsigned char c) { return c >= 0x80 || std::isalnum(c); };
  while (i < name.size()) {
    while (i < name.size() && !word_byte(static_cast<unsigned char>(name[i]))) ++i;
    size_t b = i;
    while (i < name.size() && word_byte(static_cast<unsigned char>(name[i]))) ++i;
    if (i > b) words.push_back(name.substr(b, i - b));
  }
  std::string out;
  for (size_t k = 0; k < words.size(); ++k) {
    std::string w(words[k]);
    for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (k == 0 && w == "the" && words.size() > 1) continue;
    // The abbreviations of generic name words: "Mt Cook" is "Mount Cook",
    // "St Louis" "Saint Louis", "Ft Worth" "Fort Worth" (a final "St" is a street: left).
    if (w == "mt")
      w = "mount";
    else if (k == 0 && w == "st" && words.size() > 1)
      w = "saint";
    else if (k == 0 && w == "ft" && words.size() > 1)
      w = "fort";
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

}  // namespace

uint64_t term_key(std::string_view term) {
  if (term.starts_with("E:")) {
    const std::string key = "E:" + name_spelling(term.substr(2));
    return (XXH3_64bits(key.data(), key.size()) >> 1) | kNameTermBit;
  }
  return XXH3_64bits(term.data(), term.size()) >> 1;
}

HashedTerms hash_terms(const StoryDoc& doc) {
  HashedTerms out;
  out.reserve(doc.terms.size());
  for (const auto& [term, c] : doc.terms) out.emplace_back(term_key(term), c);
  // Spellings of one name are one term: their counts add up.
  std::sort(out.begin(), out.end());
  size_t n = 0;
  for (size_t i = 0; i < out.size(); ++i) {
    if (n > 0 && out[n - 1].first == out[i].first)
      out[n - 1].second += out[i].second;
    else
      out[n++] = out[i];
  }
  out.resize(n);
  return out;
}

bool parse_hashed_terms(std::string_view text, HashedTerms& out) {
  StoryDoc doc;
  if (!parse_terms(text, doc)) return false;
  out = hash_terms(doc);
  return true;
}

std::vector<Story> cluster_stories(const std::vector<StoryDoc>& docs, const StoryOptions& opts) {
  std::vector<HashedTerms> hashed;
  hashed.reserve(docs.size());
  for (const StoryDoc& d : docs) hashed.push_back(hash_terms(d));
  return cluster_stories(hashed, opts);
}

std::vector<Story> cluster_stories(const std::vector<HashedTerms>& docs, const StoryOptions& opts) {
  const uint32_t n = static_cast<uint32_t>(docs.size());
  // Term ids and document frequencies.
  std::unordered_map<uint64_t, uint32_t> ids;
  std::vector<uint32_t> df;
  std::vector<bool> is_name_;  // the term is a named entity (not an outlet)
  for (const HashedTerms& d : docs)
    for (const auto& [term, c] : d) {
      auto [it, fresh] = ids.emplace(term, static_cast<uint32_t>(df.size()));
      if (fresh) {
        df.push_back(0);
        is_name_.push_back((term & kNameTermBit) != 0);
      }
      ++df[it->second];
    }
  // TF-IDF vectors (log-scaled counts, smoothed idf). The idf counts 100
  // notional documents without the term, so that in a small collection where
  // every document tells the same story its words still weigh (in a large
  // collection the prior vanishes). Terms of one document
  // only stay in its vector: they can link nothing but must weigh in its
  // norm, or a few shared words would make two documents look alike.
  std::vector<SparseVec> vecs(n);
  for (uint32_t i = 0; i < n; ++i) {
    for (const auto& [term, c] : docs[i]) {
      uint32_t id = ids[term];
      float idf = std::log((static_cast<float>(n) + 100.0f) / static_cast<float>(df[id]));
      vecs[i].emplace_back(id, (1.0f + std::log(c)) * idf);
    }
    std::sort(vecs[i].begin(), vecs[i].end());
    normalize(vecs[i]);
  }
  // Two reports of one story name someone or somewhere in common; documents
  // that only share vocabulary (two earnings reports of different firms, two
  // look-alike earthquakes) do not link.
  // Only distinctive names count: one in over 1% of a large collection
  // ("United States", a word of a wire template) says nothing about which
  // story a report tells.
  const uint32_t max_name_df = std::max<uint32_t>(30, n / 100);
  std::vector<std::vector<uint32_t>> names(n);
  for (uint32_t i = 0; i < n; ++i) {
    for (const auto& [id, w] : vecs[i])
      if (is_name_[id] && df[id] <= max_name_df) names[i].push_back(id);
  }
  auto shares_name = [&](uint32_t x, uint32_t y) {
    const auto& a = names[x];
    const auto& b = names[y];
    size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
      if (a[i] == b[j]) return true;
      if (a[i] < b[j])
        ++i;
      else
        ++j;
    }
    return false;
  };

  // The names of each document alone (same weights, own norm): who and where
  // the report is about. Template notices (bond issues, dividends, one
  // agency's daily market wrap) share their whole vocabulary and a place or
  // two, but name different companies; reports of one story share most of
  // their names.
  std::vector<SparseVec> name_vecs(n);
  for (uint32_t i = 0; i < n; ++i) {
    for (const auto& [id, w] : vecs[i])
      if (is_name_[id]) name_vecs[i].emplace_back(id, w);
    normalize(name_vecs[i]);
  }

  // Candidate pairs: documents sharing one of their strongest terms. Each
  // document is compared with the later documents of its terms' postings,
  // each once (a per-document stamp instead of a set of all pairs seen, so
  // memory stays linear in the collection).
  constexpr size_t kMaxPostings = 200;  // a term in more documents is too common to be distinctive
  std::unordered_map<uint32_t, std::vector<uint32_t>> postings;
  std::vector<std::vector<uint32_t>> top_terms(n);
  for (uint32_t i = 0; i < n; ++i) {
    SparseVec top = vecs[i];
    size_t k = std::min(opts.index_terms, top.size());
    std::partial_sort(top.begin(), top.begin() + k, top.end(),
                      [](const auto& a, const auto& b) { return a.second > b.second; });
    for (size_t j = 0; j < k; ++j)
      if (df[top[j].first] >= 2) {
        postings[top[j].first].push_back(i);
        top_terms[i].push_back(top[j].first);
      }
  }
  std::vector<std::tuple<float, uint32_t, uint32_t>> pairs;
  std::vector<uint32_t> stamp(n, UINT32_MAX);  // stamp[y] == x: pair (x, y) already compared
  for (uint32_t x = 0; x < n; ++x) {
    for (uint32_t term : top_terms[x]) {
      const std::vector<uint32_t>& list = postings[term];
      if (list.size() > kMaxPostings) continue;
      for (auto it = std::upper_bound(list.begin(), list.end(), x); it != list.end(); ++it) {
        const uint32_t y = *it;
        if (stamp[y] == x) continue;
        stamp[y] = x;
        float s = dot(vecs[x], vecs[y]);
        if (s >= opts.pair_threshold && shares_name(x, y) &&
            dot(name_vecs[x], name_vecs[y]) >= opts.name_threshold)
          pairs.emplace_back(s, x, y);
      }
    }
    std::vector<uint32_t>().swap(top_terms[x]);
  }
  std::sort(pairs.begin(), pairs.end(),
            [](const auto& a, const auto& b) { return std::get<0>(a) > std::get<0>(b); });
  // Greedy merging, most similar pairs first, under average linkage: two
  // clusters merge only while the mean similarity of all their cross pairs,
  // (sum A . sum B) / (|A| |B|) over unit vectors, stays above the threshold.
  // This keeps a chain of pairwise-similar reports (A~B, B~C, ...) from
  // gluing unrelated stories together.
  std::vector<uint32_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  std::vector<SparseVec> sum = vecs;            // sum of member vectors, per root
  std::vector<SparseVec> name_sum = name_vecs;  // and of their name vectors
  std::vector<uint32_t> size(n, 1);
  auto find = [&](uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  // Two clusters that failed to merge fail again until one of them grows:
  // remember the sizes they failed at, so the (costly) sums are not compared
  // again for every pair of their members.
  std::unordered_map<uint64_t, uint64_t> failed;
  for (const auto& [s, x, y] : pairs) {
    uint32_t rx = find(x), ry = find(y);
    if (rx == ry) continue;
    if (rx > ry) std::swap(rx, ry);
    const uint64_t pair_key = (uint64_t{rx} << 32) | ry;
    const uint64_t sizes = (uint64_t{size[rx]} << 32) | size[ry];
    auto known = failed.find(pair_key);
    if (known != failed.end() && known->second == sizes) continue;
    float mean =
        dot(sum[rx], sum[ry]) / static_cast<float>(size[rx]) / static_cast<float>(size[ry]);
    if (mean < opts.average_link_threshold) {
      failed[pair_key] = sizes;
      continue;
    }
    float name_mean = dot(name_sum[rx], name_sum[ry]) / static_cast<float>(size[rx]) /
                      static_cast<float>(size[ry]);
    if (name_mean < opts.average_name_threshold) {
      failed[pair_key] = sizes;
      continue;
    }
    parent[ry] = rx;
    sum[rx] = add(sum[rx], sum[ry]);
    name_sum[rx] = add(name_sum[rx], name_sum[ry]);
    name_sum[ry].clear();
    size[rx] += size[ry];
    sum[ry].clear();
  }
  std::unordered_map<uint32_t, Story> groups;
  for (uint32_t i = 0; i < n; ++i) groups[find(i)].members.push_back(i);
  std::vector<Story> out;
  for (auto& [root, story] : groups)
    if (story.members.size() >= 2) out.push_back(std::move(story));
  std::sort(out.begin(), out.end(), [](const Story& a, const Story& b) {
    return a.members.size() != b.members.size() ? a.members.size() > b.members.size()
                                                : a.members[0] < b.members[0];
  });
  return out;
}

}  // namespace claimtrace::link
