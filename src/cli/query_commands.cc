// The store's query verbs: stats, show, search, claims, events, stories.
// Each opens the store, runs one Store query and renders the result; all
// SQL is in the backend (src/store/).
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <string>

#include "cli/args.h"
#include "cli/store_args.h"
#include "cli/table_format.h"
#include "core/json_writer.h"
#include "ingest/jsonl_reader.h"
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

// Stories: the store's groups of copies and reprints are linked further by
// content (link/stories.h): each group's first document is reloaded with its
// stored entities, re-tokenized, and clustered; groups that cluster together
// form one story.
int run_stories(const QueryArgs& a) {
  auto db = open_for_query(a.db);
  if (!db) return kExitSomeFailed;
  try {
    std::vector<store::Story> groups = db->stories(0);
    std::vector<link::StoryDoc> terms(groups.size());
    Document doc;
    for (size_t g = 0; g < groups.size(); ++g) {
      if (groups[g].documents.empty() || !db->load_document(groups[g].documents[0], doc)) continue;
      segment::segment(doc);  // tokens are not stored; entities are
      terms[g] = link::story_terms(doc);
    }
    std::vector<link::Story> linked = link::cluster_stories(terms);
    // Stories: linked clusters of groups, then the groups left alone.
    std::vector<std::vector<size_t>> stories;
    std::vector<bool> used(groups.size(), false);
    for (const link::Story& s : linked) {
      stories.emplace_back(s.members.begin(), s.members.end());
      for (uint32_t m : s.members) used[m] = true;
    }
    for (size_t g = 0; g < groups.size(); ++g)
      if (!used[g]) stories.push_back({g});
    auto reports = [&](const std::vector<size_t>& s) {
      size_t n = 0;
      for (size_t g : s) n += groups[g].documents.size();
      return n;
    };
    std::stable_sort(stories.begin(), stories.end(),
                     [&](const auto& x, const auto& y) { return reports(x) > reports(y); });
    if (a.limit > 0 && stories.size() > static_cast<size_t>(a.limit)) stories.resize(a.limit);

    std::string out;
    JsonWriter w(out);
    w.begin_array();
    for (const auto& s : stories) {
      std::string earliest;
      for (size_t g : s)
        if (!groups[g].earliest.empty() && (earliest.empty() || groups[g].earliest < earliest))
          earliest = groups[g].earliest;
      w.begin_object();
      w.field("id", std::string_view(groups[s[0]].id));  // stable: the first group's key
      w.field("reports", static_cast<int64_t>(reports(s)));
      if (earliest.empty())
        w.null_field("earliest");
      else
        w.field("earliest", std::string_view(earliest));
      w.field("grouping", s.size() > 1 ? "linked" : "copies");
      w.key("documents");
      w.begin_array();
      for (size_t g : s)
        for (const auto& d : groups[g].documents) w.value(std::string_view(d));
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

}  // namespace claimtrace::cli
