#include "link/claim_clusters.h"

#include "segment/tokenizer.h"

#include <libstemmer.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <numeric>
#include <set>
#include <string_view>
#include <unordered_set>

namespace claimtrace::link {

namespace {

// Function words, reporting verbs and hedges: they say how a claim is told,
// not what it states.
bool is_claim_stopword(std::string_view w) {
  static const std::unordered_set<std::string_view> kStop = {
      "the",       "and",         "but",       "for",        "nor",        "yet",      "was",
      "were",      "are",         "is",        "been",       "being",      "has",      "have",
      "had",       "having",      "that",      "this",       "these",      "those",    "with",
      "from",      "into",        "onto",      "upon",       "they",       "their",    "them",
      "there",     "then",        "than",      "its",        "his",        "her",      "hers",
      "him",       "she",         "who",       "whom",       "whose",      "which",    "what",
      "when",      "where",       "while",     "will",       "would",      "could",    "should",
      "shall",     "can",         "may",       "might",      "must",       "did",      "does",
      "doing",     "done",        "also",      "about",      "after",      "before",   "over",
      "under",     "some",        "any",       "all",        "each",       "such",     "only",
      "just",      "very",        "more",      "most",       "other",      "our",      "out",
      "off",       "not",         "now",       "said",       "says",       "say",      "saying",
      "told",      "tell",        "tells",     "according",  "reported",   "reports",  "report",
      "reporting", "claimed",     "claims",    "claim",      "stated",     "added",    "believed",
      "believe",   "alleged",     "allegedly", "reportedly", "apparently", "possibly", "perhaps",
      "likely",    "unconfirmed", "sources",   "source",     "citing",     "cited",    "it",
      "its",       "on",          "in",        "at",         "to",         "of",       "by",
      "an",        "as",          "be",        "or",         "if",         "so",       "we",
      "he"};
  return kStop.count(w) > 0;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// One Snowball stemmer for the calling thread (sb_stemmer is not thread-safe).
const std::string& stem(std::string_view word, std::string& buffer) {
  struct Free {
    void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
  };
  thread_local std::unique_ptr<sb_stemmer, Free> stemmer(sb_stemmer_new("english", "UTF_8"));
  buffer.assign(word);
  if (!stemmer) return buffer;
  const sb_symbol* out =
      sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                      static_cast<int>(word.size()));
  if (out)
    buffer.assign(reinterpret_cast<const char*>(out),
                  static_cast<size_t>(sb_stemmer_length(stemmer.get())));
  return buffer;
}

// Terms with the form each was first written in (for readable keys).
void add_terms(const Document& doc, const Attribution& a, std::map<std::string, std::string>& out) {
  std::string buffer;
  for (Span content : a.content) {
    if (content.empty() || content.end > doc.text.size()) continue;
    std::vector<Span> names;  // entity mentions inside the content
    for (const Entity& e : doc.entities)
      for (Span m : e.mentions)
        if (content.contains(m)) {
          names.push_back(m);
          std::string name = lower(e.name);
          out.emplace("e:" + name, name);
        }
    Document part;
    part.text = std::string(doc.slice(content));
    segment::tokenize(part);
    for (const Token& t : part.tokens) {
      Span at{t.span.begin + content.begin, t.span.end + content.begin};
      if (std::any_of(names.begin(), names.end(), [&](Span m) { return m.overlaps(at); })) continue;
      std::string_view w = part.norm(t);
      if (t.kind == TokenKind::kNumber) {
        out.emplace("n:" + std::string(w), std::string(w));
      } else if (t.kind == TokenKind::kWord && w.size() >= 3 && !is_claim_stopword(w)) {
        out.emplace("w:" + stem(w, buffer), std::string(w));
      }
    }
  }
}

bool is_anonymous_kind(SourceKind k) {
  return k == SourceKind::kAnonymous || k == SourceKind::kPronoun || k == SourceKind::kDocument;
}

// The earlier attribution a definite description ("the source", "the
// newspaper") of attribution `i` refers back to, or -1.
int32_t antecedent_of(const Document& d, uint32_t i, const std::set<std::string>& report_outlets) {
  const Attribution& a = d.attributions[i];
  if (!a.has_source) return -1;
  const bool anonymous = is_anonymous_kind(a.source_kind);
  const bool description = a.source_kind == SourceKind::kOutlet && a.source_entity < 0;
  std::string_view text = d.slice(a.source);
  const bool definite =
      text.size() > 4 && (text.substr(0, 4) == "the " || text.substr(0, 4) == "The ");
  if (!(anonymous && definite) && !description) return -1;
  for (int32_t j = static_cast<int32_t>(i) - 1; j >= 0; --j) {
    const Attribution& b = d.attributions[static_cast<size_t>(j)];
    if (!b.has_source) continue;
    if (anonymous) {
      if (is_anonymous_kind(b.source_kind)) return j;
      continue;
    }
    // An outlet: so tagged, a media entity, or one of the story's reporting outlets.
    const Entity* e =
        b.source_entity >= 0 && static_cast<size_t>(b.source_entity) < d.entities.size()
            ? &d.entities[static_cast<size_t>(b.source_entity)]
            : nullptr;
    if (b.source_kind == SourceKind::kOutlet || (e && e->type == EntityType::kMedia) ||
        (e && report_outlets.count(lower(e->name))))
      return j;
  }
  return -1;
}

bool has_number(const std::vector<std::string>& terms) {
  return std::any_of(terms.begin(), terms.end(),
                     [](const std::string& t) { return t.rfind("n:", 0) == 0; });
}

// Text as one line: wire copy breaks lines inside sentences.
std::string one_line(std::string_view text) {
  std::string out;
  for (char c : text) {
    const bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

std::vector<std::string> claim_terms(const Document& doc, const Attribution& a) {
  std::map<std::string, std::string> terms;
  add_terms(doc, a, terms);
  std::vector<std::string> out;
  for (const auto& [term, written] : terms) out.push_back(term);
  return out;
}

double jaccard(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() && b.empty()) return 0;
  std::vector<std::string> common;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
  return static_cast<double>(common.size()) /
         static_cast<double>(a.size() + b.size() - common.size());
}

std::vector<ClaimCluster> cluster_claims(const std::vector<ReportInput>& reports) {
  struct Claim {
    ClaimRef ref;
    std::vector<std::string> terms;
  };
  std::vector<Claim> claims;
  std::map<std::string, std::string> written;  // term -> first written form
  for (uint32_t r = 0; r < reports.size(); ++r) {
    const Document& d = *reports[r].doc;
    for (uint32_t i = 0; i < d.attributions.size(); ++i) {
      std::map<std::string, std::string> terms;
      add_terms(d, d.attributions[i], terms);
      if (terms.size() < kMinClaimTerms) continue;
      Claim& c = claims.emplace_back();
      c.ref = {r, i};
      for (const auto& [term, form] : terms) {
        c.terms.push_back(term);
        written.emplace(term, form);
      }
    }
  }
  // Candidate pairs from different reports, most similar first.
  const size_t n = claims.size();
  std::vector<std::vector<double>> sim(n, std::vector<double>(n, 0.0));
  struct Pair {
    double s;
    uint32_t a, b;
  };
  std::vector<Pair> pairs;
  for (uint32_t i = 0; i < n; ++i)
    for (uint32_t j = i + 1; j < n; ++j) {
      std::vector<std::string> common;
      std::set_intersection(claims[i].terms.begin(), claims[i].terms.end(), claims[j].terms.begin(),
                            claims[j].terms.end(), std::back_inserter(common));
      if (common.size() < 2) continue;
      // Claims that both give numbers but none in common state different
      // figures ("a shortfall of 800 mln" / "of 700 mln"): not the same claim.
      if (has_number(claims[i].terms) && has_number(claims[j].terms) &&
          std::none_of(common.begin(), common.end(),
                       [](const std::string& t) { return t.rfind("n:", 0) == 0; }))
        continue;
      sim[i][j] = sim[j][i] = jaccard(claims[i].terms, claims[j].terms);
      if (claims[i].ref.report != claims[j].ref.report && sim[i][j] >= kClaimSimilarity)
        pairs.push_back({sim[i][j], i, j});
    }
  std::stable_sort(pairs.begin(), pairs.end(),
                   [](const Pair& x, const Pair& y) { return x.s > y.s; });
  std::vector<uint32_t> cluster_of(n);
  std::iota(cluster_of.begin(), cluster_of.end(), 0u);
  std::vector<std::vector<uint32_t>> members(n);
  for (uint32_t i = 0; i < n; ++i) members[i] = {i};
  for (const Pair& p : pairs) {
    uint32_t x = cluster_of[p.a], y = cluster_of[p.b];
    if (x == y) continue;
    double total = 0;
    for (uint32_t i : members[x])
      for (uint32_t j : members[y]) total += sim[i][j];
    if (total / static_cast<double>(members[x].size() * members[y].size()) < kClaimSimilarity)
      continue;
    for (uint32_t j : members[y]) cluster_of[j] = x;
    members[x].insert(members[x].end(), members[y].begin(), members[y].end());
    members[y].clear();
  }
  std::vector<ClaimCluster> out;
  for (std::vector<uint32_t>& m : members) {
    if (m.empty()) continue;
    std::sort(m.begin(), m.end());  // claims are in report, attribution order
    ClaimCluster c;
    std::map<std::string, size_t> shared;
    bool stated = false, hedged = false;
    for (uint32_t i : m) {
      const Claim& claim = claims[i];
      c.claims.push_back(claim.ref);
      if (c.reports.empty() || c.reports.back() != claim.ref.report)
        c.reports.push_back(claim.ref.report);
      for (const std::string& t : claim.terms) ++shared[t];
      const Attribution& a = reports[claim.ref.report].doc->attributions[claim.ref.attribution];
      if (std::find(c.certainties.begin(), c.certainties.end(), a.certainty) == c.certainties.end())
        c.certainties.push_back(a.certainty);
      (a.certainty == Certainty::kAsserted || a.certainty == Certainty::kReported ? stated
                                                                                  : hedged) = true;
    }
    if (c.reports.size() < 2) continue;
    std::sort(c.certainties.begin(), c.certainties.end());
    c.mixed_certainty = stated && hedged;
    const ClaimRef first = c.claims.front();
    const Document& d = *reports[first.report].doc;
    for (Span s : d.attributions[first.attribution].content) {
      if (!c.text.empty()) c.text += " … ";
      c.text += one_line(d.slice(s));
    }
    std::vector<std::pair<std::string, size_t>> ranked(shared.begin(), shared.end());
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& x, const auto& y) { return x.second > y.second; });
    c.key = "claim:";
    for (size_t k = 0; k < ranked.size() && k < 3; ++k) {
      std::string form = written[ranked[k].first];
      std::replace(form.begin(), form.end(), ' ', '-');
      c.key += (k ? "+" : "") + form;
    }
    out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const ClaimCluster& a, const ClaimCluster& b) {
    return a.reports.size() != b.reports.size() ? a.reports.size() > b.reports.size()
                                                : a.key < b.key;
  });
  std::map<std::string, int> seen;  // repeated keys get ~2, ~3
  for (ClaimCluster& c : out)
    if (int k = ++seen[c.key]; k > 1) c.key += "~" + std::to_string(k);
  return out;
}

std::vector<ReportInput> claim_reports(const std::vector<ReportInput>& reports,
                                       const ClaimCluster& cluster, std::vector<Document>& docs) {
  docs.clear();
  docs.reserve(cluster.reports.size());
  std::vector<ReportInput> out;
  std::set<std::string> outlets;  // of the story's reports, case-folded
  for (const ReportInput& in : reports) outlets.insert(lower(in.doc->outlet));
  for (uint32_t r : cluster.reports) {
    const Document& d = *reports[r].doc;
    std::vector<bool> keep(d.attributions.size(), false);
    // An attribution and the chain it is relayed through.
    auto keep_chain = [&](int32_t i) {
      for (; i >= 0 && static_cast<size_t>(i) < keep.size() && !keep[i]; i = d.attributions[i].via)
        keep[i] = true;
    };
    for (const ClaimRef& c : cluster.claims) {
      if (c.report != r || c.attribution >= d.attributions.size()) continue;
      keep_chain(static_cast<int32_t>(c.attribution));
      // "The source said", "the newspaper said" refer back to an earlier
      // source (provenance.cc resolves them): keep the one they refer to, which
      // is the same node, so it adds no origin.
      if (int32_t antecedent = antecedent_of(d, c.attribution, outlets); antecedent >= 0)
        keep_chain(antecedent);
    }
    Document& copy = docs.emplace_back();
    copy.id = d.id;
    copy.outlet = d.outlet;
    copy.url = d.url;
    copy.published = d.published;
    copy.title = d.title;
    copy.text = d.text;
    copy.entities = d.entities;
    std::vector<int32_t> index(d.attributions.size(), -1);
    int32_t kept = 0;
    for (size_t i = 0; i < d.attributions.size(); ++i)
      if (keep[i]) index[i] = kept++;
    for (size_t i = 0; i < d.attributions.size(); ++i)
      if (keep[i]) {
        Attribution a = d.attributions[i];
        a.via = a.via >= 0 && static_cast<size_t>(a.via) < index.size() ? index[a.via] : -1;
        copy.attributions.push_back(std::move(a));
      }
    ReportInput in = reports[r];
    in.doc = &copy;
    out.push_back(std::move(in));
  }
  return out;
}

}  // namespace claimtrace::link
