// claimtrace export: the whole store in a file, as GDELT 2.0 Events or
// Mentions (tab-separated, no header, the documented column order), as JSONL
// documents (the analyze schema) or as events in CSV. The mapping from our
// record to GDELT's columns is documented in docs/cli.md.
//
// Streaming: documents are visited one at a time (Store::for_each_document)
// and each is loaded with its layers, written and dropped. Only per-story
// counts (three integers per story) and an id -> story map are kept.
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cli/args.h"
#include "cli/linked_stories.h"
#include "cli/store_args.h"
#include "core/json_writer.h"
#include "extract/events_dictionary.h"
#include "output/json_output.h"
#include "store/store.h"

namespace claimtrace::cli {

namespace {

// --------------------------------------------------------------- fields --

// GDELT fields are tab-separated and one record per line: tabs and line
// breaks inside a value become spaces.
std::string clean(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return out;
}

// Number of characters (UTF-8 code points) in the first `bytes` bytes.
int64_t char_offset(std::string_view text, size_t bytes) {
  int64_t n = 0;
  for (size_t i = 0; i < bytes && i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++n;
  return n;
}

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

// YYYY-MM-DD (published) or YYYY-MM-DDTHH:MM:SSZ (ingested_at) -> digits only.
std::string digits(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c >= '0' && c <= '9') out += c;
  return out;
}

struct DateFields {
  std::string day, month_year, year, fraction;
};

// Day, MonthYear, Year and FractionDate (year + day-of-year / 365, four
// decimals, as GDELT computes it) of a YYYY-MM-DD date.
DateFields date_fields(std::string_view ymd) {
  DateFields f;
  std::string d = digits(ymd.substr(0, 10));
  if (d.size() != 8) return f;
  f.day = d;
  f.month_year = d.substr(0, 6);
  f.year = d.substr(0, 4);
  int y = std::stoi(f.year), m = std::stoi(d.substr(4, 2)), day = std::stoi(d.substr(6, 2));
  static const int kBefore[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  int doy = (m >= 1 && m <= 12 ? kBefore[m - 1] : 0) + day;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (leap && m > 2) ++doy;
  f.fraction = fixed(y + doy / 365.0, 4);
  return f;
}

// YYYYMMDDHHMMSS of an ISO 8601 timestamp or date (a date gets 000000).
std::string timestamp(std::string_view iso) {
  std::string d = digits(iso);
  if (d.size() == 8) d += "000000";
  return d.size() == 14 ? d : std::string();
}

// ------------------------------------------------------------- actors --

// Our actor code split into GDELT's columns. CAMEO codes are 3-letter
// blocks: a country (or region) first, then role types; international
// actors start with their type (IGO, NGO, ...) and may name a known group
// (IGOUNO: type IGO, known group UNO).
struct ActorParts {
  std::string code, name, country, known_group, ethnic, religion1, religion2;
  std::string type[3];
};

const extract::events::ActorType* actor_type(std::string_view block) {
  for (const auto& t : extract::events::actor_types())
    if (t.code == block) return &t;
  return nullptr;
}

// Blocks of data/cameo/actor_types.tsv that name one organisation rather
// than a kind of actor: they go to KnownGroupCode, not to a Type column.
bool is_known_group(std::string_view block) {
  return block == "UNO" || block == "AMN" || block == "IRC" || block == "GRP";
}

ActorParts decompose_actor(std::string_view code) {
  ActorParts p;
  p.code = clean(code);
  size_t types = 0;
  for (size_t i = 0; i + 3 <= code.size(); i += 3) {
    std::string_view block = code.substr(i, 3);
    if (is_known_group(block)) {
      if (p.known_group.empty()) p.known_group = block;
    } else if (actor_type(block) != nullptr) {
      if (types < 3) p.type[types++] = block;
    } else if (i == 0) {
      p.country = block;  // a country or region code (UKR, RUS, EUR, ...)
    } else if (p.known_group.empty()) {
      p.known_group = block;  // a named group after the country (SYRREBHTS)
    }
  }
  return p;
}

// --------------------------------------------------------------- geo --

struct GeoFields {
  std::string type, full_name, country, adm1, adm2, lat, lon, feature_id;
};

// GDELT geo type: 1 country, 2 US state, 3 US city, 4 world city, 5 world
// state (first-order division), from the GeoNames feature code.
GeoFields geo_of(const Entity& e) {
  GeoFields g;
  g.full_name = clean(e.name);
  if (!e.has_geo) return g;
  std::string_view country(e.geo.country, strnlen(e.geo.country, 2));
  bool us = country == "US";
  if (e.geo.feature.starts_with("PCL"))
    g.type = "1";
  else if (e.geo.feature == "ADM1")
    g.type = us ? "2" : "5";
  else
    g.type = us ? "3" : "4";
  g.country = country;
  if (!country.empty() && !e.geo.admin1.empty()) g.adm1 = std::string(country) + e.geo.admin1;
  g.lat = fixed(e.geo.lat, 4);
  g.lon = fixed(e.geo.lon, 4);
  if (e.geo.geonameid) g.feature_id = std::to_string(e.geo.geonameid);
  return g;
}

// The geocoded entity one of whose mentions overlaps `span`, if any.
const Entity* entity_at(const Document& doc, Span span) {
  for (const Entity& e : doc.entities) {
    if (!e.has_geo) continue;
    for (Span m : e.mentions)
      if (m.begin < span.end && span.begin < m.end) return &e;
  }
  return nullptr;
}

// ------------------------------------------------------------- events --

// GDELT Confidence (0-100) of a mention from the certainty of its claim.
int confidence(const Event& v) {
  if (v.negated) return 10;
  switch (v.certainty) {
    case Certainty::kAsserted:
      return 100;
    case Certainty::kReported:
      return 80;
    case Certainty::kAlleged:
      return 40;
    case Certainty::kSpeculative:
      return 30;
    case Certainty::kDenied:
      return 10;
  }
  return 0;
}

// Index of the sentence containing byte `pos`, or -1.
int64_t sentence_of(const Document& doc, uint32_t pos) {
  for (size_t i = 0; i < doc.sentences.size(); ++i)
    if (doc.sentences[i].span.begin <= pos && pos < doc.sentences[i].span.end)
      return static_cast<int64_t>(i);
  return -1;
}

// Where the event is in the text: its verb, else its source actor's words.
std::optional<uint32_t> event_pos(const Event& v) {
  if (v.has_verb) return v.verb.begin;
  if (v.source.has_text) return v.source.text.begin;
  return std::nullopt;
}

struct StoryCounts {
  int64_t reports = 1, outlets = 1, origins = 1;
};

void append_row(std::string& out, const std::vector<std::string>& cols) {
  for (size_t i = 0; i < cols.size(); ++i) {
    if (i) out += '\t';
    out += cols[i];
  }
  out += '\n';
}

void append_actor(std::vector<std::string>& cols, const ActorParts& a) {
  for (const std::string* s : {&a.code, &a.name, &a.country, &a.known_group, &a.ethnic,
                               &a.religion1, &a.religion2, &a.type[0], &a.type[1], &a.type[2]})
    cols.push_back(*s);
}

void append_geo(std::vector<std::string>& cols, const GeoFields& g) {
  for (const std::string* s :
       {&g.type, &g.full_name, &g.country, &g.adm1, &g.adm2, &g.lat, &g.lon, &g.feature_id})
    cols.push_back(*s);
}

std::string csv_cell(std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string xml_attr(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\t':
      case '\n':
      case '\r':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Everything one event contributes to the event-level formats.
struct EventFields {
  std::string id;  // GlobalEventID
  ActorParts actor1, actor2;
  std::string code, base, root, quad, goldstein;
  GeoFields geo1, geo2, action_geo;
  bool root_event = false;
};

EventFields event_fields(const Document& doc, int64_t key, size_t n, const Event& v,
                         uint32_t lead_paragraph) {
  EventFields f;
  f.id = std::to_string(key * 10000 + static_cast<int64_t>(n));
  f.actor1 = decompose_actor(v.source.code);
  if (v.source.has_text) f.actor1.name = clean(doc.slice(v.source.text));
  if (v.has_target) {
    f.actor2 = decompose_actor(v.target.code);
    if (v.target.has_text) f.actor2.name = clean(doc.slice(v.target.text));
  }
  f.code = v.code;
  f.base = v.code.substr(0, std::min<size_t>(3, v.code.size()));
  f.root = store::cameo_root(v.code);
  f.quad = std::to_string(store::cameo_quad_class(v.code));
  if (auto g = store::cameo_goldstein(v.code)) f.goldstein = fixed(*g, 1);
  if (v.source.has_text)
    if (const Entity* e = entity_at(doc, v.source.text)) f.geo1 = geo_of(*e);
  if (v.has_target && v.target.has_text)
    if (const Entity* e = entity_at(doc, v.target.text)) f.geo2 = geo_of(*e);
  if (v.location >= 0) f.action_geo = geo_of(doc.entities[static_cast<size_t>(v.location)]);
  if (auto pos = event_pos(v)) {
    int64_t s = sentence_of(doc, *pos);
    f.root_event = s >= 0 && doc.sentences[static_cast<size_t>(s)].paragraph <= lead_paragraph;
  }
  return f;
}

// The paragraph GDELT would call the lead: the first of the body; when the
// text starts with its headline (text input), the one after it.
uint32_t lead_paragraph(const Document& doc) {
  if (doc.sentences.empty()) return 0;
  uint32_t first = doc.sentences[0].paragraph;
  bool headline = !doc.title.empty() && std::string_view(doc.text).starts_with(doc.title);
  return headline ? first + 1 : first;
}

// ------------------------------------------------------------- output --

class Output {
 public:
  bool open(const std::string& path) {
    path_ = path;
    if (path == "-") {
      f_ = stdout;
      return true;
    }
    f_ = std::fopen(path.c_str(), "wb");
    if (!f_) {
      std::fprintf(stderr, "claimtrace: export: cannot write %s: %s\n", path.c_str(),
                   std::strerror(errno));
      return false;
    }
    return true;
  }
  // Writes `buf` out when it is large (or `force`), then clears it.
  bool flush(std::string& buf, bool force = false) {
    if (!force && buf.size() < (1u << 20)) return true;
    if (!buf.empty() && std::fwrite(buf.data(), 1, buf.size(), f_) != buf.size()) {
      std::fprintf(stderr, "claimtrace: export: writing %s: %s\n", path_.c_str(),
                   std::strerror(errno));
      return false;
    }
    buf.clear();
    return true;
  }
  bool close() {
    bool ok = std::fflush(f_) == 0;
    if (f_ != stdout) ok = std::fclose(f_) == 0 && ok;
    f_ = nullptr;
    if (!ok)
      std::fprintf(stderr, "claimtrace: export: writing %s: %s\n", path_.c_str(),
                   std::strerror(errno));
    return ok;
  }
  ~Output() {
    if (f_ && f_ != stdout) std::fclose(f_);
  }

 private:
  std::string path_;
  FILE* f_ = nullptr;
};

// Story counts for every stored record id, computed lazily per story.
class StoryIndex {
 public:
  StoryIndex(store::Store& db, bool link) : db_(db) {
    ls_ = read_stories(db, link);
    counts_.resize(ls_.stories.size());
    for (size_t s = 0; s < ls_.stories.size(); ++s)
      for (size_t g : ls_.stories[s])
        for (const std::string& id : ls_.groups[g].documents)
          story_of_.emplace(id, static_cast<uint32_t>(s));
  }

  StoryCounts counts(const std::string& doc_id) {
    auto it = story_of_.find(doc_id);
    if (it == story_of_.end()) return {};
    std::optional<StoryCounts>& c = counts_[it->second];
    if (!c) {
      const std::vector<size_t>& story = ls_.stories[it->second];
      std::vector<Document> docs;
      link::Provenance p = story_provenance(db_, ls_, story, docs);
      c = StoryCounts{static_cast<int64_t>(ls_.reports(story)), p.outlets, p.origins};
    }
    return *c;
  }

 private:
  store::Store& db_;
  LinkedStories ls_;
  std::unordered_map<std::string, uint32_t> story_of_;
  std::vector<std::optional<StoryCounts>> counts_;
};

constexpr const char* kCsvHeader =
    "global_event_id,doc,event,published,outlet,source_code,source_text,code,base_code,root_code,"
    "quad_class,goldstein,target_code,target_text,location,certainty,negated,said_by,"
    "source_kind,reports,outlets,origins,url,issues\n";

// An event's PETRARCH issues as one value: CATEGORY:CODE;... in its order
// (the events query writes the same; empty without an issues file).
std::string issues_value(const Event& v) {
  std::string out;
  for (const auto& [category, code] : v.issues) {
    if (!out.empty()) out += ';';
    out += category + ':' + code;
  }
  return out;
}

}  // namespace

int run_export(const QueryArgs& a) {
  if (access(a.db.c_str(), F_OK) != 0) {
    std::fprintf(stderr, "claimtrace: %s: no such store (run claimtrace ingest first)\n",
                 a.db.c_str());
    return kExitSomeFailed;
  }
  const std::string& format = a.format;
  Output out;
  try {
    auto db = store::open_sqlite_store(a.db);
    std::unique_ptr<StoryIndex> stories;
    if (format != "jsonl") stories = std::make_unique<StoryIndex>(*db, !a.no_link);
    if (!out.open(a.output)) return kExitSomeFailed;
    std::string buf;
    if (format == "csv") buf = kCsvHeader;
    bool ok = true;
    Document doc;
    std::vector<std::string> cols;
    db->for_each_document([&](const store::DocumentRecords& r) {
      if (format == "jsonl") {
        // One line per stored record; a copy carries its own metadata.
        for (size_t i = 0; i <= r.copies.size() && ok; ++i) {
          const std::string& id = i == 0 ? r.doc.id : r.copies[i - 1].id;
          if (!db->load_document(id, doc)) continue;
          output::write_document_json(doc, {}, buf);
          buf += '\n';
          ok = out.flush(buf);
        }
        return ok;
      }
      if (!db->load_document(r.doc.id, doc) || doc.events.empty()) return true;
      const StoryCounts sc = stories->counts(r.doc.id);
      const uint32_t lead = lead_paragraph(doc);
      const DateFields dates =
          date_fields(r.doc.published.empty() ? r.doc.ingested_at : r.doc.published);
      const std::string added = timestamp(r.doc.ingested_at);
      for (size_t n = 0; n < doc.events.size(); ++n) {
        const Event& v = doc.events[n];
        if (n >= 10000) {
          std::fprintf(stderr, "claimtrace: export: %s: events after the 10000th skipped\n",
                       r.doc.id.c_str());
          break;
        }
        EventFields f = event_fields(doc, r.key, n, v, lead);
        if (format == "gdelt-events") {
          cols.clear();
          cols.push_back(f.id);
          cols.push_back(dates.day);
          cols.push_back(dates.month_year);
          cols.push_back(dates.year);
          cols.push_back(dates.fraction);
          append_actor(cols, f.actor1);
          append_actor(cols, f.actor2);
          cols.push_back(f.root_event ? "1" : "0");
          cols.push_back(f.code);
          cols.push_back(f.base);
          cols.push_back(f.root);
          cols.push_back(f.quad);
          cols.push_back(f.goldstein);
          cols.push_back(std::to_string(sc.reports));
          cols.push_back(std::to_string(sc.outlets));
          cols.push_back(std::to_string(sc.origins));
          cols.push_back("");  // AvgTone: we do not compute tone
          append_geo(cols, f.geo1);
          append_geo(cols, f.geo2);
          append_geo(cols, f.action_geo);
          cols.push_back(added);
          cols.push_back(clean(r.doc.url));
          append_row(buf, cols);
        } else if (format == "gdelt-mentions") {
          const Attribution* at =
              v.attribution >= 0 ? &doc.attributions[static_cast<size_t>(v.attribution)] : nullptr;
          std::string extras = "<CLAIMTRACE doc=\"" + xml_attr(r.doc.id) + "\" event=\"" +
                               xml_attr(v.id) + "\" certainty=\"" +
                               std::string(to_string(v.certainty)) + "\" negated=\"" +
                               (v.negated ? "1" : "0") + "\"";
          if (at) {
            extras += " attribution=\"" + xml_attr(at->id) + "\" source_kind=\"" +
                      std::string(to_string(at->source_kind)) + "\"";
            if (at->has_source) extras += " source=\"" + xml_attr(doc.slice(at->source)) + "\"";
            extras += " cue=\"" + xml_attr(doc.slice(at->cue)) + "\"";
            if (at->via >= 0) {
              const Attribution& via = doc.attributions[static_cast<size_t>(at->via)];
              extras += " via=\"" +
                        xml_attr(via.has_source ? doc.slice(via.source) : doc.slice(via.cue)) +
                        "\"";
            }
          }
          // GDELT's Events table has no column for themes; the Extras XML does.
          if (!v.issues.empty()) extras += " issues=\"" + xml_attr(issues_value(v)) + "\"";
          extras += "/>";
          auto pos = event_pos(v);
          int64_t sentence = pos ? sentence_of(doc, *pos) : -1;
          auto off = [&](bool has, Span s) {
            return has ? std::to_string(char_offset(doc.text, s.begin)) : std::string("-1");
          };
          const bool raw = v.has_verb && v.source.has_text && (!v.has_target || v.target.has_text);
          const std::string doc_len = std::to_string(char_offset(doc.text, doc.text.size()));
          for (size_t i = 0; i <= r.copies.size(); ++i) {
            const store::StoredRecord& rec = i == 0 ? r.doc : r.copies[i - 1];
            cols.clear();
            cols.push_back(f.id);
            cols.push_back(added);
            cols.push_back(timestamp(rec.published.empty() ? rec.ingested_at : rec.published));
            cols.push_back("1");  // MentionType: WEB
            cols.push_back(clean(rec.outlet));
            cols.push_back(clean(rec.url.empty() ? rec.id : rec.url));
            cols.push_back(sentence >= 0 ? std::to_string(sentence + 1) : "-1");
            cols.push_back(off(v.source.has_text, v.source.text));
            cols.push_back(off(v.has_target && v.target.has_text, v.target.text));
            cols.push_back(off(v.has_verb, v.verb));
            cols.push_back(raw ? "1" : "0");
            cols.push_back(std::to_string(confidence(v)));
            cols.push_back(doc_len);
            cols.push_back("");  // MentionDocTone: we do not compute tone
            cols.push_back("");  // MentionDocTranslationInfo: untranslated
            cols.push_back(extras);
            append_row(buf, cols);
          }
        } else {  // csv
          const Attribution* at =
              v.attribution >= 0 ? &doc.attributions[static_cast<size_t>(v.attribution)] : nullptr;
          std::vector<std::string> c = {
              f.id,
              r.doc.id,
              v.id,
              r.doc.published,
              r.doc.outlet,
              v.source.code,
              v.source.has_text ? std::string(doc.slice(v.source.text)) : "",
              f.code,
              f.base,
              f.root,
              f.quad,
              f.goldstein,
              v.has_target ? v.target.code : "",
              v.has_target && v.target.has_text ? std::string(doc.slice(v.target.text)) : "",
              v.location >= 0 ? doc.entities[static_cast<size_t>(v.location)].name : "",
              std::string(to_string(v.certainty)),
              v.negated ? "true" : "false",
              at && at->has_source ? std::string(doc.slice(at->source)) : "",
              at ? std::string(to_string(at->source_kind)) : "",
              std::to_string(sc.reports),
              std::to_string(sc.outlets),
              std::to_string(sc.origins),
              r.doc.url,
              issues_value(v)};
          for (size_t i = 0; i < c.size(); ++i) {
            if (i) buf += ',';
            buf += csv_cell(c[i]);
          }
          buf += '\n';
        }
      }
      ok = out.flush(buf);
      return ok;
    });
    if (!ok || !out.flush(buf, true) || !out.close()) return kExitSomeFailed;
  } catch (const store::StoreError& e) {
    std::fprintf(stderr, "claimtrace: %s\n", e.what());
    return kExitSomeFailed;
  }
  return kExitOk;
}

}  // namespace claimtrace::cli
