// The store's query verbs: stats, show, search, claims, events, stories.
// Each opens the store, runs one Store query and renders the result; all
// SQL is in the backend (src/store/).
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>

#include "cli/args.h"
#include "cli/linked_stories.h"
#include "cli/store_args.h"
#include "cli/table_format.h"
#include "core/json_writer.h"
#include "ingest/jsonl_reader.h"
#include "link/claim_clusters.h"
#include "link/event_clusters.h"
#include "link/provenance.h"
#include "link/stories.h"
#include "output/json_output.h"
#include "output/report.h"
#include "segment/segmenter.h"
#include "store/store.h"

namespace claimtrace::cli {

namespace {

void print(const std::string& s) {
  std::fwrite(s.data(), 1, s.size(), stdout);
}

// Opens the store for a query. A missing file is an error rather than a new
// empty store: queries never create anything.
std::unique_ptr<store::Store> open_for_query(const std::string& path) {
  if (access(path.c_str(), F_OK) != 0) {
    std::fprintf(stderr, "claimtrace: %s: no such store (run claimtrace ingest first)\n",
                 path.c_str());
    return nullptr;
  }
  try {
    return store::open_sqlite_store(path);
  } catch (const store::StoreError& e) {
    std::fprintf(stderr, "claimtrace: %s\n", e.what());
    return nullptr;
  }
}

bool valid_dates(const QueryArgs& a) {
  for (const std::string* d : {&a.since, &a.until}) {
    if (!d->empty() && normalize_published(*d) != *d) {
      std::fprintf(stderr, "claimtrace: dates must be YYYY-MM-DD, got \"%s\"\n", d->c_str());
      return false;
    }
  }
  return true;
}

store::QueryFilter filter_of(const QueryArgs& a) {
  store::QueryFilter f;
  f.outlet = a.outlet;
  f.since = a.since;
  f.until = a.until;
  f.certainty = a.certainty;
  f.source_kind = a.source_kind;
  f.code = a.code;
  f.root = a.root;
  f.actor = a.actor;
  f.target = a.target;
  f.place = a.place;
  f.type = a.type;
  f.limit = a.limit;
  return f;
}

// Runs one table query with the shared plumbing (open, validate, render).
template <typename Query>
int table_verb(const QueryArgs& a, Query&& query) {
  if (!valid_dates(a)) return kExitUsage;
  auto db = open_for_query(a.db);
  if (!db) return kExitSomeFailed;
  try {
    store::ResultTable t = query(*db, filter_of(a));
    std::string out;
    format_table(t, default_format(a.format), terminal_width(), out);
    print(out);
  } catch (const store::StoreError& e) {
    std::fprintf(stderr, "claimtrace: %s\n", e.what());
    return kExitSomeFailed;
  }
  return kExitOk;
}

// Turns user words into an FTS5 query: every word a quoted term, all
// required. Keeps punctuation like "don't" or "U.S." from being FTS5 syntax.
std::string words_to_fts(const std::string& text) {
  std::string q, word;
  auto flush = [&] {
    if (word.empty()) return;
    if (!q.empty()) q += ' ';
    q += '"';
    for (char c : word) {
      if (c == '"') q += '"';
      q += c;
    }
    q += '"';
    word.clear();
  };
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n')
      flush();
    else
      word += c;
  }
  flush();
  return q;
}

}  // namespace

int run_stats(const QueryArgs& a) {
  auto db = open_for_query(a.db);
  if (!db) return kExitSomeFailed;
  try {
    store::ResultTable totals = db->totals();
    store::ResultTable outlets = db->outlets(0);
    std::string format = default_format(a.format);
    std::string out;
    if (format == "table") {
      for (size_t c = 0; c < totals.columns.size(); ++c)
        out += totals.columns[c].name + std::string(18 - totals.columns[c].name.size(), ' ') +
               totals.rows[0][c].value_or("") + "\n";
      out += "\n";
      format_table(outlets, "table", terminal_width(), out);
    } else if (format == "csv") {
      format_table(outlets, "csv", 0, out);
    } else {  // json / jsonl: one object {"totals": {...}, "outlets": [...]}
      std::string t, o;
      format_table(totals, "json", 0, t);
      format_table(outlets, "json", 0, o);
      while (!t.empty() && t.back() == '\n') t.pop_back();
      while (!o.empty() && o.back() == '\n') o.pop_back();
      out = "{\"totals\":" + t.substr(1, t.size() - 2) + ",\"outlets\":" + o + "}\n";
    }
    int rc = kExitOk;
    if (a.check) {
      std::string problems = db->check_integrity();
      std::fprintf(stderr, "integrity: %s%s", problems.c_str(), problems == "ok" ? "\n" : "");
      if (problems != "ok") rc = kExitSomeFailed;
    }
    print(out);
    return rc;
  } catch (const store::StoreError& e) {
    std::fprintf(stderr, "claimtrace: %s\n", e.what());
    return kExitSomeFailed;
  }
}

int run_show(const QueryArgs& a) {
  auto db = open_for_query(a.db);
  if (!db) return kExitSomeFailed;
  try {
    Document doc;
    if (!db->load_document(a.text, doc)) {
      std::fprintf(stderr, "claimtrace: %s: no document with id \"%s\"\n", a.db.c_str(),
                   a.text.c_str());
      return kExitSomeFailed;
    }
    std::string out;
    if (a.format == "json") {
      std::string compact;
      output::write_document_json(doc, {}, compact);
      out = output::pretty_json(compact);
      out += '\n';
    } else {
      output::write_report(doc, {.color = isatty(STDOUT_FILENO) == 1, .explain = false}, out);
    }
    print(out);
  } catch (const store::StoreError& e) {
    std::fprintf(stderr, "claimtrace: %s\n", e.what());
    return kExitSomeFailed;
  }
  return kExitOk;
}

int run_search(const QueryArgs& a) {
  std::string q = a.raw ? a.text : words_to_fts(a.text);
  if (q.empty()) {
    std::fprintf(stderr, "claimtrace: search: nothing to search for\n");
    return kExitUsage;
  }
  return table_verb(a,
                    [&](store::Store& db, const store::QueryFilter& f) { return db.search(q, f); });
}

int run_claims(const QueryArgs& a) {
  return table_verb(a, [](store::Store& db, const store::QueryFilter& f) { return db.claims(f); });
}

int run_events(const QueryArgs& a) {
  return table_verb(a, [](store::Store& db, const store::QueryFilter& f) { return db.events(f); });
}

int run_entities(const QueryArgs& a) {
  return table_verb(a,
                    [](store::Store& db, const store::QueryFilter& f) { return db.entities(f); });
}

int run_sources(const QueryArgs& a) {
  return table_verb(a, [](store::Store& db, const store::QueryFilter& f) { return db.sources(f); });
}

void warn_unlinked(const LinkedStories& ls, const std::string& db) {
  if (ls.unlinked > 0)
    std::fprintf(stderr,
                 "claimtrace: warning: %zu documents of %s are not linked yet (run claimtrace "
                 "link --db %s); they are listed with their exact copies only\n",
                 ls.unlinked, db.c_str(), db.c_str());
}

// Outlets and origins, as `stories` and every cluster of `trace` print them.
void write_origin_counts(JsonWriter& w, const link::Provenance& p) {
  w.field("outlets", static_cast<int64_t>(p.outlets));
  w.field("origins", static_cast<int64_t>(p.origins));
  w.field("named_origins", static_cast<int64_t>(p.named_origins));
  w.field("anonymous_origins", static_cast<int64_t>(p.anonymous_origins));
}

// The corroboration fields every event and claim cluster of `trace` prints.
void write_cluster_corroboration(JsonWriter& w, const link::Provenance& cp) {
  if (cp.earliest.empty())
    w.null_field("earliest");
  else
    w.field("earliest", std::string_view(cp.earliest));
  write_origin_counts(w, cp);
}

void write_provenance_summary(JsonWriter& w, const link::Provenance& p) {
  write_origin_counts(w, p);
  w.key("certainty");
  w.begin_array();
  for (Certainty c : p.certainties) w.value(to_string(c));
  w.end_array();
}

int run_stories(const QueryArgs& a) {
  auto db = open_for_query(a.db);
  if (!db) return kExitSomeFailed;
  try {
    LinkedStories ls = read_stories(*db);
    warn_unlinked(ls, a.db);
    size_t count = ls.stories.size();
    if (a.limit > 0 && count > static_cast<size_t>(a.limit)) count = static_cast<size_t>(a.limit);
    std::string out;
    JsonWriter w(out);
    w.begin_array();
    std::vector<Document> docs;
    for (size_t i = 0; i < count; ++i) {
      const std::vector<size_t>& s = ls.stories[i];
      link::Provenance p = story_provenance(*db, ls, s, docs);
      w.begin_object();
      w.field("id", std::string_view(ls.ids[i]));
      w.field("reports", static_cast<int64_t>(ls.reports(s)));
      if (p.earliest.empty())
        w.null_field("earliest");
      else
        w.field("earliest", std::string_view(p.earliest));
      w.field("grouping", s.size() > 1 ? "linked" : "copies");
      w.field("groups", static_cast<int64_t>(s.size()));
      write_provenance_summary(w, p);
      w.key("documents");
      w.begin_array();
      for (size_t g : s)
        for (const auto& d : ls.groups[g].documents) w.value(std::string_view(d));
      w.end_array();
      w.end_object();
    }
    w.end_array();
    out += '\n';
    print(out);
  } catch (const store::StoreError& e) {
    std::fprintf(stderr, "claimtrace: %s\n", e.what());
    return kExitSomeFailed;
  }
  return kExitOk;
}

namespace {

// The provenance tree as indented text: each report, whom it cites, and on.
std::string provenance_text(const link::Provenance& p, const std::string& id, size_t reports) {
  std::string out = "story " + id + ": " + std::to_string(reports) + " reports from " +
                    std::to_string(p.outlets) + " outlets; " + std::to_string(p.origins) +
                    " independent origins (" + std::to_string(p.named_origins) + " named, " +
                    std::to_string(p.anonymous_origins) + " anonymous)";
  if (!p.earliest.empty()) out += "; earliest " + p.earliest;
  out += "\ncertainty across reports:";
  for (Certainty c : p.certainties) out += std::string(" ") + std::string(to_string(c));
  out += "\n\n";
  std::vector<std::vector<size_t>> edges_from(p.nodes.size());
  for (size_t e = 0; e < p.edges.size(); ++e) edges_from[p.edges[e].from].push_back(e);
  std::function<void(uint32_t, int, std::vector<bool>&)> walk = [&](uint32_t n, int depth,
                                                                    std::vector<bool>& on_path) {
    for (size_t e : edges_from[n]) {
      const link::ProvenanceEdge& edge = p.edges[e];
      const link::ProvenanceNode& to = p.nodes[edge.to];
      out += std::string(2 + depth * 4, ' ') + "\u2514\u2500 " + edge.cue + " (" +
             std::string(to_string(edge.certainty)) + ") \u2192 " + to.label + " [" + to.kind +
             (to.is_report ? ", reports it too" : "") + (to.is_origin ? ", ORIGIN" : "") + "]" +
             (p.nodes[n].is_report && p.nodes[n].document != edge.doc_id
                  ? " (second-hand, as " + edge.doc_id + " tells it)"
                  : "") +
             "\n";
      if (!on_path[edge.to] && !to.is_report) {
        on_path[edge.to] = true;
        walk(edge.to, depth + 1, on_path);
        on_path[edge.to] = false;
      }
    }
  };
  for (size_t n = 0; n < p.nodes.size(); ++n) {
    const link::ProvenanceNode& node = p.nodes[n];
    if (!node.is_report) continue;
    out += node.label + (node.is_origin ? "  [reports without citing anyone: ORIGIN]" : "") + "\n";
    std::vector<bool> on_path(p.nodes.size(), false);
    on_path[n] = true;
    walk(static_cast<uint32_t>(n), 0, on_path);
  }
  return out;
}

std::string dot_label(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

int run_trace(const QueryArgs& a) {
  auto db = open_for_query(a.db);
  if (!db) return kExitSomeFailed;
  try {
    LinkedStories ls = read_stories(*db);
    warn_unlinked(ls, a.db);
    const std::vector<size_t>* story = nullptr;
    std::string id;
    for (size_t i = 0; i < ls.stories.size() && !story; ++i) {
      const auto& s = ls.stories[i];
      if (ls.ids[i] == a.text) story = &s;
      for (size_t g : s)
        for (const auto& d : ls.groups[g].documents)
          if (d == a.text) story = &s;
      if (story) id = ls.ids[i];
    }
    // A cluster id: STORY/KEY (see link/event_clusters.h, link/claim_clusters.h).
    std::string cluster_key;
    if (!story && a.text.find('/') != std::string::npos) {
      const std::string story_id = a.text.substr(0, a.text.find('/'));
      for (size_t i = 0; i < ls.stories.size() && !story; ++i)
        if (ls.ids[i] == story_id) {
          story = &ls.stories[i];
          id = story_id;
          cluster_key = a.text.substr(story_id.size() + 1);
        }
    }
    if (!story) {
      std::fprintf(stderr,
                   "claimtrace: no story, event or claim cluster, or document \"%s\" in %s\n",
                   a.text.c_str(), a.db.c_str());
      return kExitSomeFailed;
    }
    std::vector<Document> docs;
    std::vector<link::ReportInput> inputs = story_reports(*db, ls, *story, docs);
    const std::vector<link::EventCluster> clusters = link::cluster_events(inputs);
    const std::vector<link::ClaimCluster> claim_clusters = link::cluster_claims(inputs);
    auto subset = [&](const link::EventCluster& c) {
      std::vector<link::ReportInput> sub;
      for (uint32_t r : c.reports) sub.push_back(inputs[r]);
      return sub;
    };
    auto copies = [](const std::vector<link::ReportInput>& in) {
      size_t n = 0;
      for (const auto& r : in) n += r.copies;
      return n;
    };
    size_t reports = ls.reports(*story);
    std::vector<Document> claim_docs;  // owns the claim-only copies of a traced claim cluster
    bool is_claim = cluster_key.rfind("claim:", 0) == 0;
    if (is_claim) {
      auto c = std::find_if(claim_clusters.begin(), claim_clusters.end(),
                            [&](const link::ClaimCluster& x) { return x.key == cluster_key; });
      if (c == claim_clusters.end()) {
        std::fprintf(stderr, "claimtrace: story %s has no claim cluster \"%s\"\n", id.c_str(),
                     cluster_key.c_str());
        return kExitSomeFailed;
      }
      inputs = link::claim_reports(inputs, *c, claim_docs);
      reports = copies(inputs);
      id = a.text;
    } else if (!cluster_key.empty()) {
      auto c = std::find_if(clusters.begin(), clusters.end(),
                            [&](const link::EventCluster& x) { return x.key == cluster_key; });
      if (c == clusters.end()) {
        std::fprintf(stderr, "claimtrace: story %s has no event cluster \"%s\"\n", id.c_str(),
                     cluster_key.c_str());
        return kExitSomeFailed;
      }
      inputs = subset(*c);
      reports = copies(inputs);
      id = a.text;
    }
    // Corroboration of each claim cluster: the provenance of its claims only.
    struct ClaimSummary {
      const link::ClaimCluster* cluster;
      link::Provenance provenance;
      size_t reports;
    };
    std::vector<ClaimSummary> claim_summaries;
    if (cluster_key.empty())
      for (const link::ClaimCluster& c : claim_clusters) {
        std::vector<Document> owned;
        const std::vector<link::ReportInput> sub = link::claim_reports(inputs, c, owned);
        claim_summaries.push_back({&c, link::trace_provenance(sub), copies(sub)});
      }
    link::Provenance p = link::trace_provenance(inputs);
    std::string out;
    if (a.format == "dot") {
      out = link::provenance_dot(p, (cluster_key.empty() ? "story "
                                     : is_claim          ? "claim cluster "
                                                         : "event cluster ") +
                                        id);
      if (!claim_summaries.empty()) {
        // Claim clusters as notes pointing at the reports that state them.
        out.resize(out.size() - 2);  // reopen the graph: drop "}\n"
        for (size_t k = 0; k < claim_summaries.size(); ++k) {
          const ClaimSummary& cs = claim_summaries[k];
          out += "  c" + std::to_string(k) + " [label=\"" + dot_label(id + "/" + cs.cluster->key) +
                 "\\n" + std::to_string(cs.reports) + " reports, " +
                 std::to_string(cs.provenance.origins) + " origins" +
                 (cs.cluster->mixed_certainty ? "\\nWARNING: hedged and asserted" : "") +
                 "\", shape=note];\n";
          for (uint32_t r : cs.cluster->reports)
            for (size_t n = 0; n < p.nodes.size(); ++n)
              if (p.nodes[n].is_report && p.nodes[n].document == inputs[r].doc->id)
                out += "  c" + std::to_string(k) + " -> n" + std::to_string(n) +
                       " [style=dashed, arrowhead=none];\n";
        }
        out += "}\n";
      }
    } else if (a.format == "json") {
      JsonWriter w(out);
      w.begin_object();
      w.field("id", std::string_view(id));
      w.field("reports", static_cast<int64_t>(reports));
      if (p.earliest.empty())
        w.null_field("earliest");
      else
        w.field("earliest", std::string_view(p.earliest));
      write_provenance_summary(w, p);
      w.key("nodes");
      w.begin_array();
      for (const auto& n : p.nodes) {
        w.begin_object();
        w.field("key", std::string_view(n.key));
        w.field("label", std::string_view(n.label));
        w.field("kind", std::string_view(n.kind));
        w.field("report", n.is_report);
        if (n.is_report) w.field("document", std::string_view(n.document));
        w.field("origin", n.is_origin);
        w.end_object();
      }
      w.end_array();
      w.key("edges");
      w.begin_array();
      for (const auto& e : p.edges) {
        w.begin_object();
        w.field("from", static_cast<int64_t>(e.from));
        w.field("to", static_cast<int64_t>(e.to));
        w.field("document", std::string_view(e.doc_id));
        if (e.published.empty())
          w.null_field("published");
        else
          w.field("published", std::string_view(e.published));
        w.field("cue", std::string_view(e.cue));
        w.field("certainty", to_string(e.certainty));
        w.end_object();
      }
      w.end_array();
      if (cluster_key.empty()) {
        // Corroboration of each event cluster of the story.
        w.key("event_clusters");
        w.begin_array();
        for (const link::EventCluster& c : clusters) {
          const std::vector<link::ReportInput> sub = subset(c);
          const link::Provenance cp = link::trace_provenance(sub);
          w.begin_object();
          w.field("id", id + "/" + c.key);
          w.field("reports", static_cast<int64_t>(copies(sub)));
          w.field("mentions", static_cast<int64_t>(c.mentions));
          write_cluster_corroboration(w, cp);
          w.key("certainty");
          w.begin_array();
          for (Certainty ce : c.certainties) w.value(to_string(ce));
          w.end_array();
          w.end_object();
        }
        w.end_array();
        // Corroboration of each claim cluster (attributed claims stating the same thing).
        w.key("claim_clusters");
        w.begin_array();
        for (const ClaimSummary& cs : claim_summaries) {
          const link::Provenance& cp = cs.provenance;
          w.begin_object();
          w.field("id", id + "/" + cs.cluster->key);
          w.field("text", std::string_view(cs.cluster->text));
          w.field("reports", static_cast<int64_t>(cs.reports));
          w.field("claims", static_cast<int64_t>(cs.cluster->claims.size()));
          write_cluster_corroboration(w, cp);
          w.key("certainty");
          w.begin_array();
          for (Certainty ce : cs.cluster->certainties) w.value(to_string(ce));
          w.end_array();
          w.field("mixed_certainty", cs.cluster->mixed_certainty);
          w.end_object();
        }
        w.end_array();
      }
      w.end_object();
      out += '\n';
    } else {
      out = provenance_text(p, id, reports);
      if (cluster_key.empty() && !clusters.empty()) {
        out += "\nevent clusters (trace STORY/KEY for one):\n";
        for (const link::EventCluster& c : clusters) {
          const link::Provenance cp = link::trace_provenance(subset(c));
          out += "  " + id + "/" + c.key + ": " + std::to_string(copies(subset(c))) + " reports, " +
                 std::to_string(cp.outlets) + " outlets, " + std::to_string(cp.origins) +
                 " independent origins; certainty";
          for (Certainty ce : c.certainties) out += std::string(" ") + std::string(to_string(ce));
          out += "\n";
        }
      }
      if (!claim_summaries.empty()) {
        out += "\nclaim clusters (trace STORY/claim:KEY for one):\n";
        for (const ClaimSummary& cs : claim_summaries) {
          const link::Provenance& cp = cs.provenance;
          out += "  " + id + "/" + cs.cluster->key + ": " + std::to_string(cs.reports) +
                 " reports, " + std::to_string(cp.outlets) + " outlets, " +
                 std::to_string(cp.origins) + " independent origins (" +
                 std::to_string(cp.named_origins) + " named, " +
                 std::to_string(cp.anonymous_origins) + " anonymous), earliest " +
                 (cp.earliest.empty() ? "unknown" : cp.earliest) + "; certainty";
          for (Certainty ce : cs.cluster->certainties)
            out += std::string(" ") + std::string(to_string(ce));
          out += "\n    \"" + cs.cluster->text + "\"\n";
          if (cs.cluster->mixed_certainty)
            out += "    WARNING: hedged or denied in one report, stated in another\n";
        }
      }
    }
    print(out);
  } catch (const store::StoreError& e) {
    std::fprintf(stderr, "claimtrace: %s\n", e.what());
    return kExitSomeFailed;
  }
  return kExitOk;
}

}  // namespace claimtrace::cli
