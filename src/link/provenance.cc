#include "link/provenance.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <set>
#include <unordered_map>

namespace claimtrace::link {

namespace {

// Lower-cased words with quotes unified and a leading article and trailing
// possessive dropped: "The Daily Ledger's" -> "daily ledger".
std::string normalize_name(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
      out.push_back('\'');  // curly quotes and apostrophes
      i += 2;
      continue;
    }
    out.push_back(static_cast<char>(std::tolower(c)));
  }
  if (out.ends_with("'s")) out.resize(out.size() - 2);
  for (std::string_view article : {"the ", "a ", "an "})
    if (out.starts_with(article)) out.erase(0, article.size());
  while (!out.empty() && (out.back() == ' ' || out.back() == ',')) out.pop_back();
  return out;
}

class Tracer {
 public:
  explicit Tracer(const std::vector<ReportInput>& reports) : reports_(reports) {}

  Provenance run() {
    std::set<std::string> outlets;
    std::set<Certainty> certainties;
    // Outlets that report the story, so citations of them can be followed.
    for (const ReportInput& r : reports_) {
      p_.reports += r.copies;
      std::string outlet = outlet_of(*r.doc);
      outlets.insert(outlet);
      // Copies and reprints published by other outlets spread the story
      // further, though they add no origin.
      for (const std::string& o : r.copy_outlets)
        if (!o.empty()) outlets.insert(normalize_name(o));
      uint32_t n = node("outlet:" + outlet,
                        r.doc->outlet.empty() ? "(unknown outlet)" : r.doc->outlet, "outlet");
      p_.nodes[n].is_report = true;
      report_node_[outlet] = n;
      owner_doc_[n] = r.doc->id;
      p_.nodes[n].document = r.doc->id;
      if (!r.doc->published.empty() && (p_.earliest.empty() || r.doc->published < p_.earliest))
        p_.earliest = r.doc->published;
    }
    p_.outlets = static_cast<uint32_t>(outlets.size());
    for (const ReportInput& r : reports_) cite(*r.doc, certainties);
    p_.certainties.assign(certainties.begin(), certainties.end());
    find_origins();
    return std::move(p_);
  }

 private:
  static std::string outlet_of(const Document& d) {
    return d.outlet.empty() ? "doc:" + d.id : normalize_name(d.outlet);
  }

  uint32_t node(const std::string& key, const std::string& label, const std::string& kind) {
    auto it = index_.find(key);
    if (it != index_.end()) return it->second;
    uint32_t n = static_cast<uint32_t>(p_.nodes.size());
    p_.nodes.push_back({key, label, kind, false, false, {}});
    index_.emplace(key, n);
    return n;
  }

  // "the newspaper", "the agency": an outlet named by its kind only.
  static bool is_outlet_description(const std::string& normalized) {
    static const char* kNouns[] = {"newspaper",   "paper",   "daily",       "agency",
                                   "news agency", "outlet",  "news outlet", "broadcaster",
                                   "channel",     "station", "network",     "website",
                                   "magazine",    "wire",    "wire service"};
    for (const char* n : kNouns)
      if (normalized == n) return true;
    return false;
  }

  // The node of an attribution's source, as cited by `citer_outlet`.
  uint32_t source_node(const Document& d, const Attribution& a, const std::string& citer_outlet) {
    if (!a.has_source)
      return node("unspecified:" + citer_outlet, "(unnamed reports)", "unspecified");
    std::string text(d.slice(a.source));
    std::string kind(to_string(a.source_kind));
    std::string norm = normalize_name(text);
    bool definite =
        text.size() > 4 && (text.compare(0, 4, "the ") == 0 || text.compare(0, 4, "The ") == 0);
    if (a.source_kind == SourceKind::kAnonymous || a.source_kind == SourceKind::kPronoun ||
        a.source_kind == SourceKind::kDocument) {
      // "The source said": the anonymous source this document cited before.
      if (definite && last_anonymous_ != UINT32_MAX) return last_anonymous_;
      last_anonymous_ = node("anon:" + citer_outlet + ":" + norm, text, kind);
      return last_anonymous_;
    }
    if (a.source_kind == SourceKind::kOutlet && a.source_entity < 0 &&
        is_outlet_description(norm) && last_outlet_ != UINT32_MAX)
      return last_outlet_;  // "..., the newspaper said"
    std::string name = a.source_entity >= 0 ? d.entities[a.source_entity].name : text;
    std::string key = normalize_name(name);
    uint32_t n;
    if (report_node_.count(key))
      n = report_node_[key];  // a cited outlet that reports the story itself
    else if (a.source_kind == SourceKind::kOutlet)
      n = node("outlet:" + key, name, "outlet");
    else
      n = node("source:" + key, name, kind);
    if (p_.nodes[n].kind == "outlet") last_outlet_ = n;
    return n;
  }

  void cite(const Document& d, std::set<Certainty>& certainties) {
    last_anonymous_ = last_outlet_ = UINT32_MAX;  // descriptions refer within one document
    const std::string outlet = outlet_of(d);
    const uint32_t root = report_node_[outlet];
    std::vector<uint32_t> nodes_of(d.attributions.size());
    bool cites = false;
    for (size_t i = 0; i < d.attributions.size(); ++i) {
      const Attribution& a = d.attributions[i];
      // Anonymous sources relayed by a named one are scoped to the relay.
      std::string scope = outlet;
      if (a.via >= 0 && static_cast<size_t>(a.via) < i) scope = p_.nodes[nodes_of[a.via]].key;
      uint32_t to = source_node(d, a, scope);
      nodes_of[i] = to;
      uint32_t from = (a.via >= 0 && static_cast<size_t>(a.via) < i) ? nodes_of[a.via] : root;
      if (from == to) continue;  // "Al-Watan ... Al-Watan also claimed"
      p_.edges.push_back({from, to, d.id, d.published, a.certainty, std::string(d.slice(a.cue))});
      certainties.insert(a.certainty);
      cites = true;
    }
    if (!cites) certainties.insert(Certainty::kAsserted);
  }

  // Origins: nodes reachable from the reports that cite nobody further.
  // A report reached through a citation is followed into, not counted.
  //
  // What a document says a *reporting* outlet's sources said ("the Evening
  // Star reported that a port official confirmed ...") is second-hand: that
  // outlet's own report names its sources, so these edges are not followed
  // (they stay in the graph for display).
  void find_origins() {
    std::vector<std::vector<uint32_t>> out(p_.nodes.size());
    for (const ProvenanceEdge& e : p_.edges) {
      auto owner = owner_doc_.find(e.from);
      bool secondhand = owner != owner_doc_.end() && owner->second != e.doc_id;
      if (!secondhand) out[e.from].push_back(e.to);
    }
    std::set<uint32_t> origins;
    std::vector<bool> seen(p_.nodes.size(), false);
    std::function<void(uint32_t)> walk = [&](uint32_t n) {
      if (seen[n]) return;
      seen[n] = true;
      if (out[n].empty()) {
        origins.insert(n);
        return;
      }
      for (uint32_t m : out[n]) walk(m);
    };
    for (const auto& [outlet, n] : report_node_) walk(n);
    for (uint32_t n : origins) {
      ProvenanceNode& node = p_.nodes[n];
      node.is_origin = true;
      ++p_.origins;
      if (node.kind == "anonymous" || node.kind == "unspecified" || node.kind == "pronoun" ||
          node.kind == "document")
        ++p_.anonymous_origins;
      else
        ++p_.named_origins;
    }
  }

  const std::vector<ReportInput>& reports_;
  Provenance p_;
  std::unordered_map<std::string, uint32_t> index_;
  std::unordered_map<std::string, uint32_t> report_node_;  // normalized outlet -> node
  std::unordered_map<uint32_t, std::string> owner_doc_;    // report node -> its document
  uint32_t last_anonymous_ = UINT32_MAX;                   // in the document being read
  uint32_t last_outlet_ = UINT32_MAX;
};

std::string dot_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c == '\n' ? ' ' : c);
  }
  return out;
}

}  // namespace

Provenance trace_provenance(const std::vector<ReportInput>& reports) {
  return Tracer(reports).run();
}

std::string provenance_dot(const Provenance& p, const std::string& title) {
  std::string out = "digraph provenance {\n  label=\"" + dot_escape(title) +
                    "\";\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n";
  for (size_t i = 0; i < p.nodes.size(); ++i) {
    const ProvenanceNode& n = p.nodes[i];
    std::string shape = n.is_report ? "box" : (n.kind == "anonymous" ? "ellipse" : "oval");
    std::string style = n.is_origin ? ", style=filled, fillcolor=\"#ffe9a8\"" : "";
    if (n.kind == "anonymous" || n.kind == "unspecified") style += ", color=gray40";
    out += "  n" + std::to_string(i) + " [label=\"" + dot_escape(n.label) + "\", shape=" + shape +
           style + "];\n";
  }
  for (const ProvenanceEdge& e : p.edges)
    out += "  n" + std::to_string(e.from) + " -> n" + std::to_string(e.to) + " [label=\"" +
           dot_escape(e.cue) + " (" + std::string(to_string(e.certainty)) + ")\"];\n";
  out += "}\n";
  return out;
}

}  // namespace claimtrace::link
