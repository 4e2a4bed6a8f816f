// Store benchmark with every layer filled: writes N synthetic documents
// (text we generate, ~6 entities, ~5 attributions, ~4 events each) through
// the Store interface in batches, then times filtered queries in process.
// The analysis stages that fill entities and events are still being built,
// so this measures the store itself on the layer volumes we expect.
//
//   store_query_bench [N=23000] [DB=/tmp/claimtrace-query-bench.db]
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "core/content_hash.h"
#include "store/store.h"

using namespace claimtrace;
using Clock = std::chrono::steady_clock;

namespace {

const char* kPlaces[] = {"Velmora", "Arlen", "Tove", "Dalmar", "Istrel", "Korvan", "Miren"};
const char* kPeople[] = {"Mara Tesk", "Jon Aldo", "Petra Vin", "Ilse Moren", "Tomas Rek"};
const char* kOutlets[] = {"Coast Post", "City Daily",  "Island Times", "Valley Herald",
                          "Wire One",   "Farm Weekly", "Harbour News", "North Star"};
const char* kCodes[] = {"010", "036", "042", "057", "061", "112", "130", "173", "190", "193",
                        "195", "020", "043", "080", "120", "145", "181", "183", "051", "071"};

Span add(std::string& text, const std::string& s) {
  Span sp{static_cast<uint32_t>(text.size()), static_cast<uint32_t>(text.size() + s.size())};
  text += s;
  return sp;
}

void make_document(size_t i, std::mt19937& rng, Document& d) {
  d = Document{};
  auto pick = [&](auto& arr) { return arr[rng() % std::size(arr)]; };
  d.id = "bench-" + std::to_string(i);
  d.outlet = pick(kOutlets);
  char date[16];
  std::snprintf(date, sizeof date, "20%02u-%02u-%02u", 20 + static_cast<unsigned>(rng() % 7),
                1 + static_cast<unsigned>(rng() % 12), 1 + static_cast<unsigned>(rng() % 28));
  d.published = date;
  d.title = std::string("Report ") + std::to_string(i) + " from " + pick(kPlaces);
  const size_t sentences = 8 + rng() % 10;
  for (size_t k = 0; k < sentences; ++k) {
    size_t start = d.text.size();
    Span who = add(d.text, pick(kPeople));
    d.text += " ";
    Span cue = add(d.text, k % 3 ? "said" : "claimed");
    d.text += " that forces in ";
    Span where = add(d.text, pick(kPlaces));
    d.text += " had ";
    Span verb = add(d.text, k % 2 ? "shelled" : "met");
    d.text += " officials from " + std::string(pick(kPlaces)) + " on day " + std::to_string(k) +
              " of the talks.";
    Span content{who.end + 1 + cue.size() + 1, static_cast<uint32_t>(d.text.size())};
    d.sentences.push_back({Span{static_cast<uint32_t>(start), static_cast<uint32_t>(d.text.size())},
                           0, 0, static_cast<uint32_t>(k / 3), k % 5 == 0});
    d.text += k % 3 == 2 ? "\n\n" : " ";
    if (k < 6) {
      Entity& e = d.entities.emplace_back();
      e.id = "e" + std::to_string(d.entities.size());
      e.type = k % 2 ? EntityType::kPer : EntityType::kGpe;
      e.name = std::string(d.slice(k % 2 ? who : where));
      e.mentions = {k % 2 ? who : where};
    }
    if (k < 5) {
      Cue& c = d.cues.emplace_back();
      c.span = cue;
      c.rule = "bench";
      Attribution& a = d.attributions.emplace_back();
      a.id = "a" + std::to_string(d.attributions.size());
      a.has_source = true;
      a.source = who;
      a.source_kind = rng() % 4 ? SourceKind::kPerson : SourceKind::kAnonymous;
      a.cue = cue;
      a.content = {content};
      a.via = k > 0 && rng() % 3 == 0 ? static_cast<int32_t>(k - 1) : -1;
      a.certainty = static_cast<Certainty>(rng() % 5);
      a.cues = {static_cast<uint32_t>(d.cues.size() - 1)};
      a.rule = "bench";
    }
    if (k < 4) {
      Event& v = d.events.emplace_back();
      v.id = "v" + std::to_string(d.events.size());
      v.source.code = "DLMREB";
      v.source.has_text = true;
      v.source.text = who;
      v.has_target = true;
      v.target.code = "DLMGOV";
      v.code = pick(kCodes);
      v.has_verb = true;
      v.verb = verb;
      v.location = d.entities.empty() ? -1 : 0;
      v.attribution = static_cast<int32_t>(d.attributions.size() - 1);
      v.certainty = static_cast<Certainty>(rng() % 5);
    }
  }
  d.hash = content_hash(d.text + d.id);  // unique per document
}

double median_ms(const std::function<size_t()>& q, size_t& rows) {
  std::vector<double> ms;
  for (int r = 0; r < 21; ++r) {
    auto t = Clock::now();
    rows = q();
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
  }
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  size_t n = argc > 1 ? std::stoul(argv[1]) : 23000;
  std::string path = argc > 2 ? argv[2] : "/tmp/claimtrace-query-bench.db";
  for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path + s);
  auto db = store::open_sqlite_store(path);
  std::mt19937 rng(42);
  const size_t batch = 256;
  std::vector<Document> docs(batch);
  std::vector<store::PreparedDocument> prepared(batch);
  std::vector<store::WriteResult> results;
  double write_s = 0, prep_s = 0;
  for (size_t i = 0; i < n; i += batch) {
    size_t m = std::min(batch, n - i);
    auto t0 = Clock::now();
    for (size_t k = 0; k < m; ++k) {
      make_document(i + k, rng, docs[k]);
      store::prepare(docs[k], prepared[k]);
    }
    auto t1 = Clock::now();
    db->write_batch(std::span(prepared.data(), m), results);
    write_s += std::chrono::duration<double>(Clock::now() - t1).count();
    prep_s += std::chrono::duration<double>(t1 - t0).count();
  }
  db->optimize();
  db.reset();
  db = store::open_sqlite_store(path);
  store::ResultTable totals = db->totals();
  std::printf(
      "wrote %zu documents with all layers: store writer %.2f s = %.0f docs/s "
      "(generation + compression %.2f s, not counted)\n",
      n, write_s, n / write_s, prep_s);
  for (size_t c = 0; c < totals.columns.size(); ++c)
    std::printf("  %s=%s", totals.columns[c].name.c_str(), totals.rows[0][c].value_or("").c_str());
  std::printf("\n  %.2f KiB per document on disk\n",
              std::filesystem::file_size(path) / 1024.0 / static_cast<double>(n));

  struct Case {
    const char* name;
    std::function<size_t()> run;
  };
  // filter(outlet, since, certainty, source_kind, code, root)
  auto filter = [](std::string outlet, std::string since, std::string certainty,
                   std::string source_kind, std::string code, std::string root) {
    store::QueryFilter f;
    f.outlet = outlet;
    f.since = since;
    f.certainty = certainty;
    f.source_kind = source_kind;
    f.code = code;
    f.root = root;
    f.limit = 50;
    return f;
  };
  auto events = [&](store::QueryFilter f) { return db->events(f).rows.size(); };
  auto claims = [&](store::QueryFilter f) { return db->claims(f).rows.size(); };
  store::QueryFilter top20;
  top20.limit = 20;
  std::vector<Case> cases = {
      {"events --code 19 --outlet 'City Daily' --since 2024-01-01 --limit 50",
       [&] { return events(filter("City Daily", "2024-01-01", "", "", "19", "")); }},
      {"events --root 14 --certainty reported --limit 50",
       [&] { return events(filter("", "", "reported", "", "", "14")); }},
      {"events --outlet 'Wire One' --since 2026-06-01 --limit 50",
       [&] { return events(filter("Wire One", "2026-06-01", "", "", "", "")); }},
      {"claims --certainty alleged --source-kind anonymous --limit 50",
       [&] { return claims(filter("", "", "alleged", "anonymous", "", "")); }},
      {"search \"shelled\" (every document) --limit 20",
       [&] { return db->search("\"shelled\"", top20).rows.size(); }},
      {"search \"Report 12345\" --limit 20",
       [&] { return db->search("\"report\" \"12345\"", top20).rows.size(); }},
  };
  for (auto& c : cases) {
    size_t rows = 0;
    double ms = median_ms(c.run, rows);
    std::printf("%-70s %7.2f ms  (%zu rows)\n", c.name, ms, rows);
  }
  return 0;
}
