#include "resolve/resolve.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "dict/tabari.h"

namespace claimtrace::resolve {

namespace {

using lexicon::KeywordClass;
using lexicon::LexEntry;
using lexicon::LexKind;

class Resolver {
 public:
  Resolver(Document& doc, const lexicon::Lexicon& lex) : doc_(doc), lex_(lex) {}

  void run() {
    compute_country_focus();
    retype_surnames();
    compute_division_focus();
    for (size_t i = 0; i < doc_.mentions.size(); ++i) assign(static_cast<uint32_t>(i));
    // A side first named where nothing said it was one ("Leeds beat ...").
    for (const Mention& m : doc_.mentions)
      if (m.entity >= 0 && !doc_.entities[m.entity].has_geo && is_team(m))
        town_of_team(m, doc_.entities[m.entity]);
    places_of_sites();
    for (size_t i = 0; i < doc_.entities.size(); ++i)
      doc_.entities[i].id = "e" + std::to_string(i + 1);
  }

 private:
  std::string_view norm(uint32_t t) const { return doc_.norm(doc_.tokens[t]); }

  // Lower-cased mention text without a trailing possessive.
  std::string key_of(const Mention& m) const {
    std::string key;
    for (uint32_t t = m.token_begin; t < m.token_end; ++t) {
      std::string_view n = norm(t);
      if (n == "'s") continue;
      if (!key.empty()) key.push_back(' ');
      key.append(n);
    }
    return key;
  }

  // A lone unknown word that is the last name of a person named in full
  // anywhere in the document (before or after) is that person.
  void retype_surnames() {
    std::unordered_map<std::string, bool> surnames;
    for (const Mention& m : doc_.mentions)
      // "CTV Saskatoon", "BBC Wales": a name that starts with an acronym
      // is no person's, whatever it was guessed as.
      if (m.type == EntityType::kPer && m.token_end - m.token_begin >= 2 &&
          doc_.tokens[m.token_begin].has(kTokenCapitalized) &&
          !(doc_.tokens[m.token_begin].has(kTokenAllCaps) && norm(m.token_begin).size() >= 3) &&
          norm(m.token_begin).find_first_of("0123456789") == std::string_view::npos) {
        surnames.emplace(std::string(norm(m.token_end - 1)), true);
        // Family name first ("Wang Junxia" ... "Wang") in a two-word name,
        // unless that word is a place: a guessed two-word name that starts
        // with one ("Tianjin No. 2 Detention Centre", "Nenagh MDC") more
        // often names something there than a person.
        if (m.token_end - m.token_begin == 2 && !has_place_reading(m.token_begin))
          surnames.emplace(std::string(norm(m.token_begin)), true);
      }
    for (Mention& m : doc_.mentions) {
      if (m.token_end - m.token_begin != 1 || !surnames.count(std::string(norm(m.token_begin))))
        continue;
      // A place reading of the surname ("Jordan" after "Michael Jordan") yields.
      bool place = m.type == EntityType::kGpe || m.type == EntityType::kLoc;
      if (m.lex != UINT32_MAX && !place) continue;
      m.type = EntityType::kPer;
      m.lex = UINT32_MAX;
      m.rule = "surname-of-named-person";
    }
  }

  bool has_place_reading(uint32_t t) const {
    lexicon::Match match;
    if (!lex_.longest(doc_, t, t + 1, match)) return false;
    for (uint32_t v : match.entries) {
      auto kind = static_cast<LexKind>(lex_.entry(v).kind);
      if (kind == LexKind::kPlace || kind == LexKind::kCountry || kind == LexKind::kRegion)
        return true;
    }
    return false;
  }

  // Countries the document is about: counted from country names, demonyms,
  // capitals and first-order divisions ("Texas" says the United States).
  void compute_country_focus() {
    for (const Mention& m : doc_.mentions) {
      if (m.lex == UINT32_MAX) continue;
      const LexEntry& e = lex_.entry(m.lex);
      if (!counts_for_focus(e)) continue;
      focus_[std::string(e.country, 2)] += 1;
      mentions_of_entry_[lexicon::payload_entry(m.lex)] += 1;
      focus_of_name_[key_of(m) + "|" + std::string(e.country, 2)] += 1;
    }
  }

  static bool counts_for_focus(const LexEntry& e) {
    if (!e.country[0]) return false;
    auto kind = static_cast<LexKind>(e.kind);
    std::string_view feature(e.feature, strnlen(e.feature, sizeof e.feature));
    return kind == LexKind::kCountry || kind == LexKind::kDemonym ||
           (e.flags & lexicon::kLexCapital) || feature == "ADM1";
  }

  // First-order divisions the document is about: each distinct place name
  // read (by population and country focus alone) as a town in a division
  // votes for that division, a division named itself twice. "Riverdale" in
  // a story that also names Paterson and New Jersey is New Jersey's.
  void compute_division_focus() {
    std::unordered_map<std::string, std::pair<std::string, int>> division_of_name;
    std::unordered_map<std::string, const LexEntry*> town_of_name;
    for (const Mention& m : doc_.mentions) {
      if (m.lex == UINT32_MAX || (m.type != EntityType::kGpe && m.type != EntityType::kLoc))
        continue;
      std::string key = key_of(m);
      if (auto it = town_of_name.find(key); it != town_of_name.end()) {
        if (it->second != nullptr) note_neighbour(m, key, *it->second);
        continue;
      }
      lexicon::Match match;
      const LexEntry* le = nullptr;
      if (place_readings(m, match)) le = best_place(match.entries, qualifier(m));
      const bool town = le != nullptr && static_cast<LexKind>(le->kind) == LexKind::kPlace &&
                        le->feature[0] == 'P' && le->feature[1] == 'P' && le->feature[2] == 'L';
      town_of_name.emplace(key, town ? le : nullptr);
      if (town) note_neighbour(m, key, *le);
      std::pair<std::string, int> vote;
      if (le != nullptr && static_cast<LexKind>(le->kind) == LexKind::kPlace && le->country[0] &&
          !lex_.str(le->admin1).empty())
        vote = {division_key(*le),
                std::string_view(le->feature, strnlen(le->feature, sizeof le->feature)) == "ADM1"
                    ? 2
                    : 1};
      division_of_name.emplace(std::move(key), std::move(vote));
    }
    for (auto& [name, vote] : division_of_name)
      if (!vote.first.empty()) {
        division_focus_[vote.first] += vote.second;
        division_voted_by_[name] = vote;
      }
  }

  // Where a town name of the document provisionally is (its reading by
  // population and country focus alone), for the names near it.
  struct Neighbour {
    uint32_t sentence;
    std::string name;
    float lat, lon;
    char country[2];
  };

  uint32_t sentence_of(uint32_t t) const {
    auto it = std::upper_bound(doc_.sentences.begin(), doc_.sentences.end(), t,
                               [](uint32_t tok, const Sentence& s) { return tok < s.first_token; });
    return static_cast<uint32_t>(it - doc_.sentences.begin());
  }

  void note_neighbour(const Mention& m, const std::string& key, const LexEntry& le) {
    neighbours_.push_back(
        {sentence_of(m.token_begin), key, le.lat, le.lon, {le.country[0], le.country[1]}});
  }

  // How near `le` the other town names in the sentence of token t, or the
  // one before or after it, lie by their provisional readings: each counts
  // fully within kNeighbourKm and less and less up to twice that. "48 in
  // Newport, 36 in Cloughjordan" puts Newport near Cloughjordan, "San Juan,
  // Choropampa, and Magdalena" Magdalena near Choropampa.
  double neighbours_near(const LexEntry& le, uint32_t sentence, const std::string& self) const {
    std::vector<std::pair<std::string_view, double>> near;  // name -> its nearest reading
    for (const Neighbour& n : neighbours_) {
      if (n.sentence + 1 < sentence || n.sentence > sentence + 1 || n.name == self) continue;
      const double d = distance_km(le.lat, le.lon, n.lat, n.lon);
      const double closeness = std::clamp(2.0 - d / kNeighbourKm, 0.0, 1.0);
      if (closeness == 0) continue;
      auto it = std::ranges::find_if(near, [&](const auto& p) { return p.first == n.name; });
      if (it == near.end())
        near.emplace_back(n.name, closeness);
      else
        it->second = std::max(it->second, closeness);
    }
    double sum = 0;
    for (const auto& [name, closeness] : near) sum += closeness;
    return sum;
  }

  std::string division_key(const LexEntry& le) const {
    return std::string(le.country, 2) + "." + std::string(lex_.str(le.admin1));
  }

  // Names in the document, other than the mention's own, that are places
  // in the division of `le`.
  int division_focus_besides(const LexEntry& le, const std::string& self) const {
    if (!le.country[0] || division_focus_.empty()) return 0;
    std::string division = division_key(le);
    auto it = division_focus_.find(division);
    if (it == division_focus_.end()) return 0;
    auto own = division_voted_by_.find(self);
    const bool own_vote = own != division_voted_by_.end() && own->second.first == division;
    return it->second - (own_vote ? own->second.second : 0);
  }

  // The lexicon readings of a place mention (exact, else transliteration-
  // folded, else a hyphen-joined name: "Kvemo-Kartli").
  bool place_readings(const Mention& m, lexicon::Match& match) const {
    bool exact =
        lex_.longest(doc_, m.token_begin, m.token_end, match) && match.end_token == m.token_end;
    return exact || lex_.longest_folded(doc_, m.token_begin, m.token_end, match) ||
           (m.token_end == m.token_begin + 1 && lex_.hyphen_joined(doc_, m.token_begin, match));
  }

  int focus(const char country[2]) const {
    auto it = focus_.find(std::string(country, 2));
    return it == focus_.end() ? 0 : it->second;
  }

  // Focus on a country from mentions of other names than `self`: "Nelson"
  // (a New Zealand region among others) says nothing about which Nelson.
  int focus_besides_name(const char country[2], const std::string& self) const {
    auto it = focus_of_name_.find(self + "|" + std::string(country, 2));
    return focus(country) - (it == focus_of_name_.end() ? 0 : it->second);
  }

  // Focus on a country from mentions other than those of entry `self`: a
  // name that is read as a country must not vouch for its own reading.
  int focus_besides(const char country[2], uint32_t self) const {
    auto it = mentions_of_entry_.find(self);
    return focus(country) - (it == mentions_of_entry_.end() ? 0 : it->second);
  }

  void assign(uint32_t mi) {
    Mention& m = doc_.mentions[mi];
    std::string key =
        m.lex != UINT32_MAX ? "#" + std::to_string(lexicon::payload_entry(m.lex)) : key_of(m);
    // A province and its capital city share a name but are two places.
    if (m.type == EntityType::kGpe && qualifier(m) == Qualifier::kProvince) key += "#province";
    int32_t target = -1;
    if (auto it = by_key_.find(key); it != by_key_.end()) target = it->second;
    // A surname or short form of an earlier person ("Budanov" after "Kirill Budanov").
    if (target < 0 && m.lex == UINT32_MAX && m.token_end - m.token_begin == 1) {
      if (auto it = by_part_.find(key); it != by_part_.end()) target = it->second;
    }
    if (target < 0) {
      target = static_cast<int32_t>(doc_.entities.size());
      Entity e;
      e.type = m.type;
      if (m.lex != UINT32_MAX) {
        const LexEntry& le = lex_.entry(m.lex);
        e.name = std::string(lex_.str(le.name));
        e.actor = std::string(lex_.str(le.actor));
        e.role = std::string(lex_.str(le.role));
        apply_term_of_office(le, e);
        if (m.type == EntityType::kGpe || m.type == EntityType::kLoc) geocode(m, e);
        if (m.type == EntityType::kNorp) country_of_group(le, e);
        // An organisation with a seat of its own (organizations.tsv).
        if (static_cast<LexKind>(le.kind) == LexKind::kOrg && le.geonameid != 0) fill_geo(le, e);
      } else {
        e.name = std::string(doc_.slice(m.span));
        if (e.name.size() > 2 && (e.name.ends_with("'s") || e.name.ends_with("\u2019s")))
          e.name.resize(e.name.size() - (e.name.ends_with("'s") ? 2 : 4));
      }
      // Names without a place reading of their own may hold one ("Jamaica
      // Cancer Society", "Syrian-Turkish", "Barangay Paciano Rizal").
      const bool read_as_place_or_group =
          m.lex != UINT32_MAX && (m.type == EntityType::kGpe || m.type == EntityType::kLoc ||
                                  m.type == EntityType::kNorp || m.type == EntityType::kPer);
      // A side named by its town ("Leeds beat Bristol", "lost to Louisville")
      // is an organisation that stands for its town, like "Toronto Police".
      const bool team = is_team(m);
      if (team) town_of_team(m, e);
      if (!e.has_geo && !read_as_place_or_group && !team) place_in_name(m, e);
      if (m.type == EntityType::kPer) title_attributes(m, e);
      doc_.entities.push_back(std::move(e));
      by_key_[key] = target;
      if (m.type == EntityType::kPer && m.token_end - m.token_begin >= 2) {
        by_part_.emplace(std::string(norm(m.token_end - 1)), target);
        if (m.lex != UINT32_MAX || m.token_end - m.token_begin == 2)
          by_part_.emplace(std::string(norm(m.token_begin)), target);
      }
    }
    Entity& ent = doc_.entities[target];
    // A person named by surname alone keeps the person type.
    if (ent.type == EntityType::kPer && m.lex == UINT32_MAX) m.type = EntityType::kPer;
    ent.mentions.push_back(m.span);
    m.entity = target;
    define_acronym(mi, target);
  }

  // "Main Intelligence Directorate (GUR)": the bracketed acronym names the same entity.
  void define_acronym(uint32_t mi, int32_t target) {
    const Mention& m = doc_.mentions[mi];
    const uint32_t t = m.token_end;
    if (t + 2 >= doc_.tokens.size() || norm(t) != "(" || norm(t + 2) != ")") return;
    const Token& a = doc_.tokens[t + 1];
    if (!a.has(kTokenAllCaps)) return;
    by_key_.emplace(std::string(doc_.norm(a)), target);
  }

  // A curated role holds between two dates ("President of the United States,
  // 2021-01-20..2025-01-20"). An article dated outside that term names the
  // person, not the office: the actor code keeps only its country part, and
  // the role reads "former ..." after the term and is dropped before it. An
  // undated article keeps the role (the lexicon's present).
  void apply_term_of_office(const LexEntry& le, Entity& e) const {
    const auto date = static_cast<uint32_t>(dict::parse_iso_date(doc_.published));
    if (date == 0 || (le.valid_from == 0 && le.valid_until == 0)) return;
    const bool after = le.valid_until != 0 && date > le.valid_until;
    const bool before = le.valid_from != 0 && date < le.valid_from;
    if (!after && !before) return;
    if (e.actor.size() > 3) e.actor.resize(3);
    if (after && !e.role.empty())
      e.role = "former " + e.role;
    else
      e.role.clear();
  }

  // Role and actor code from the title before a person ("Russian Deputy
  // Foreign Minister Sergey Ryabkov" -> role, RUSGOV).
  void title_attributes(const Mention& m, Entity& e) {
    uint32_t b = m.token_begin;
    uint32_t start = b;
    std::string country3;
    std::string agent;
    while (start > 0 && b - start < 6) {
      uint32_t t = start - 1;
      const Token& tok = doc_.tokens[t];
      if (!(tok.has(kTokenCapitalized) || tok.kind == TokenKind::kWord)) break;
      lexicon::Match match;
      if (!lex_.longest(doc_, t, t + 1, match)) break;
      bool useful = false;
      for (uint32_t v : match.entries) {
        const LexEntry& le = lex_.entry(v);
        auto kind = static_cast<LexKind>(le.kind);
        if (kind == LexKind::kKeyword &&
            (le.type == static_cast<uint8_t>(KeywordClass::kPersonTitle) ||
             le.type == static_cast<uint8_t>(KeywordClass::kTitleModifier))) {
          useful = true;
          if (agent.empty()) agent = agent_type(norm(t));
        } else if ((kind == LexKind::kDemonym || kind == LexKind::kCountry) && country3.empty()) {
          country3 = std::string(lex_.str(le.actor));
          useful = true;
        }
      }
      if (!useful) break;
      --start;
    }
    if (start < b && e.role.empty())
      e.role = std::string(
          doc_.text.substr(doc_.tokens[start].span.begin,
                           doc_.tokens[b - 1].span.end - doc_.tokens[start].span.begin));
    if (e.actor.empty() && (!country3.empty() || !agent.empty())) e.actor = country3 + agent;
  }

  static std::string agent_type(std::string_view title) {
    static const std::pair<std::string_view, std::string_view> kAgents[] = {
        {"minister", "GOV"},   {"president", "GOV"}, {"chancellor", "GOV"},
        {"secretary", "GOV"},  {"governor", "GOV"},  {"mayor", "GOV"},
        {"ambassador", "GOV"}, {"king", "GOV"},      {"queen", "GOV"},
        {"prince", "GOV"},     {"general", "MIL"},   {"gen.", "MIL"},
        {"colonel", "MIL"},    {"col.", "MIL"},      {"commander", "MIL"},
        {"captain", "MIL"},    {"judge", "JUD"},     {"justice", "JUD"},
        {"senator", "LEG"},    {"sen.", "LEG"},      {"representative", "LEG"},
        {"rep.", "LEG"}};
    for (auto [t, a] : kAgents)
      if (title == t) return std::string(a);
    return {};
  }

  enum class Qualifier { kNone, kProvince, kCity };

  // "Idlib province", "the province of Idlib" / "the city of Idlib".
  Qualifier qualifier(const Mention& m) const {
    if (m.token_end < doc_.tokens.size()) {
      std::string_view next = norm(m.token_end);
      if (next == "province" || next == "governorate" || next == "region" || next == "oblast" ||
          next == "state")
        return Qualifier::kProvince;
      // "New York Governor Andrew Cuomo": a governor governs a division.
      if ((next == "governor" || next == "gov." || next == "legislature") &&
          doc_.tokens[m.token_end].has(kTokenCapitalized))
        return Qualifier::kProvince;
    }
    if (m.token_begin >= 2 && norm(m.token_begin - 1) == "of") {
      std::string_view q = norm(m.token_begin - 2);
      if (q == "city" || q == "town") return Qualifier::kCity;
      if (q == "province" || q == "governorate" || q == "state") return Qualifier::kProvince;
    }
    return Qualifier::kNone;
  }

  // A nationality ("Syrian", "the Japanese") is a group of people, never a
  // place; its geo is the country (or region: "Europeans") it belongs to,
  // so that consumers can tell which country the group stands for.
  void country_of_group(const LexEntry& le, Entity& e) const {
    if (static_cast<LexKind>(le.kind) != LexKind::kDemonym) return;
    if (le.geonameid == 0 && !le.feature[0]) return;  // a region of ours has a feature code
    e.has_geo = true;
    e.geo.geonameid = le.geonameid;
    e.geo.lat = le.lat;
    e.geo.lon = le.lon;
    e.geo.country[0] = le.country[0];
    e.geo.country[1] = le.country[1];
    e.geo.admin1 = std::string(lex_.str(le.admin1));  // a nation's people ("English")
    e.geo.feature = le.feature[0] ? std::string(le.feature, strnlen(le.feature, sizeof le.feature))
                                  : std::string("PCLI");
  }

  // Chooses the best place reading of a mention and fills e.geo.
  void geocode(const Mention& m, Entity& e) {
    lexicon::Match match;
    if (!place_readings(m, match)) return;
    Qualifier q = qualifier(m);
    if (q == Qualifier::kNone && listed_with_divisions(m)) q = Qualifier::kProvince;
    Context context;
    context.self = key_of(m);
    context.sentence = sentence_of(m.token_begin);
    context.container = container_after(m);
    if (!context.container.known()) context.container = people_before_town_of(m);
    divisions_of_place_before(m, context.contained);
    // An exact spelling may name a town abroad and the folded one the place
    // meant ("Kasai", Japan; "Kasaï", Congo): both are readings.
    std::vector<uint32_t> readings(match.entries.begin(), match.entries.end());
    lexicon::Match folded;
    if (match.end_token == m.token_end && match.begin_token == m.token_begin &&
        lex_.longest_folded(doc_, m.token_begin, m.token_end, folded) &&
        folded.end_token == m.token_end)
      for (uint32_t v : folded.entries)
        if (std::ranges::none_of(readings, [&](uint32_t r) {
              return lexicon::payload_entry(r) == lexicon::payload_entry(v);
            }))
          readings.push_back(v);
    const LexEntry* chosen = best_place(readings, q, &context);
    if (chosen == nullptr || word_of_a_longer_name(m, *chosen)) return;
    if (far_namesake(*chosen, readings, context.self)) {
      unread_places_.insert(doc_.entities.size());
      return;
    }
    // "Morris County", "Ohio County": a county is named after a town or a
    // state elsewhere more often than it holds one. Unless the reading is in
    // the division the document's other places are in (or the one named
    // after it), the county is placed like a county the gazetteer lacks, in
    // the town named nearest before it (places_of_sites); the reading stays
    // only when the document names no town at all.
    if (names_a_county(m) && !in_division_of_context(*chosen, context)) {
      deferred_counties_.emplace(doc_.entities.size(), chosen);
      return;
    }
    e.name = std::string(lex_.str(chosen->name));  // the reading chosen names the place
    fill_geo(*chosen, e);
    // The actor is the chosen place's country ("Paris, Texas" is no French actor).
    if (static_cast<LexKind>(chosen->kind) == LexKind::kPlace)
      e.actor = std::string(lex_.str(chosen->actor));
  }

  // A story about one country that names a town there names its other small
  // places there too: a town of another country the document never names
  // ("Pangasinan", Indonesia, beside "Manaoag" in the Philippines), or one
  // read only by an alternate name ("Suba" for Suva) is a namesake, not the
  // place meant. The name is left unread, to be placed near the towns
  // named around it (places_of_sites), like a name the gazetteer lacks.
  bool far_namesake(const LexEntry& chosen, std::span<const uint32_t> entries,
                    const std::string& self) const {
    if (static_cast<LexKind>(chosen.kind) != LexKind::kPlace || chosen.feature[0] != 'P' ||
        chosen.feature[1] != 'P' || chosen.feature[2] != 'L' || !chosen.country[0])
      return false;
    // A hamlet or small town; by an alternate name, a town of any size.
    bool alias = false;
    for (uint32_t v : entries)
      if (&lex_.entry(v) == &chosen) alias = lexicon::payload_is_alias(v);
    // A short form of the name ("Clacton" for Clacton-on-Sea) is the name.
    std::string_view name = lex_.str(chosen.name);
    if (alias && name.size() > self.size() &&
        std::equal(self.begin(), self.end(), name.begin(),
                   [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); }))
      alias = false;
    if (chosen.population >= (alias ? kFarNamesakeAliasPopulation : kFarNamesakePopulation))
      return false;
    if (focus_besides_name(chosen.country, self) > 0) return false;
    // The sentences of the name.
    std::vector<uint32_t> sentences;
    const auto words = static_cast<uint32_t>(std::ranges::count(self, ' ') + 1);
    for (const Mention& m : doc_.mentions)
      if ((m.type == EntityType::kGpe || m.type == EntityType::kLoc) &&
          m.token_end - m.token_begin == words && key_of(m) == self)
        sentences.push_back(sentence_of(m.token_begin));
    // The towns named in those sentences or the ones before or after them
    // lie in one other country, which the document names, or two of them
    // do; no town of the document lies in the reading's country.
    char other[2] = {0, 0};
    std::vector<std::string_view> towns_there;
    for (const Neighbour& n : neighbours_) {
      if (n.name == self) continue;
      if (n.country[0] == chosen.country[0] && n.country[1] == chosen.country[1]) return false;
      const bool near = std::ranges::any_of(
          sentences, [&](uint32_t s) { return n.sentence + 1 >= s && n.sentence <= s + 1; });
      if (!near || !n.country[0]) continue;
      if (other[0] && (other[0] != n.country[0] || other[1] != n.country[1])) return false;
      other[0] = n.country[0];
      other[1] = n.country[1];
      if (std::ranges::find(towns_there, n.name) == towns_there.end())
        towns_there.push_back(n.name);
    }
    return other[0] && (towns_there.size() >= 2 || focus(other) > 0);
  }

  // "Morris County", "Acadia Parish": the mention is the first part of the
  // name of a second-order division.
  bool names_a_county(const Mention& m) const {
    if (m.token_end >= doc_.tokens.size() || !doc_.tokens[m.token_end].has(kTokenCapitalized))
      return false;
    std::string_view next = norm(m.token_end);
    return next == "county" || next == "parish";
  }

  // Where a place is said to be: "Bangor, Maine" (a division), "Paris, France" (a country).
  struct Container {
    char country[2] = {0, 0};
    std::string_view admin1;  // empty: the country only
    // A county or region of ours ("Croft, Yorkshire"): its point.
    bool has_point = false;
    float lat = 0, lon = 0;
    bool known() const { return country[0] != 0; }
  };

  // Place readings of the phrase of at most four tokens that ends right
  // before token `end` (exclusive); false when none ends there.
  bool place_phrase_ending_at(uint32_t end, lexicon::Match& match) const {
    for (uint32_t len = std::min<uint32_t>(4, end); len >= 1; --len) {
      uint32_t b = end - len;
      const Token& tok = doc_.tokens[b];
      if (!tok.has(kTokenCapitalized) && !tok.has(kTokenAllCaps)) continue;
      if (lex_.longest(doc_, b, end, match) && match.end_token == end && has_place(match))
        return true;
    }
    return false;
  }

  bool has_place(const lexicon::Match& match) const {
    for (uint32_t v : match.entries) {
      auto kind = static_cast<LexKind>(lex_.entry(v).kind);
      if (kind == LexKind::kPlace || kind == LexKind::kCountry || kind == LexKind::kRegion)
        return true;
    }
    return false;
  }

  // "Buffalo, New York", "Atlanta, Georgia": a name after a place and a
  // comma may be the division that place is in. Collects the divisions
  // (country, admin-1 code) the readings of that place are in.
  void divisions_of_place_before(const Mention& m, std::vector<Container>& out) const {
    if (m.token_begin < 2 || norm(m.token_begin - 1) != ",") return;
    lexicon::Match before;
    if (!place_phrase_ending_at(m.token_begin - 1, before)) return;
    for (uint32_t v : before.entries) {
      const LexEntry& le = lex_.entry(v);
      if (static_cast<LexKind>(le.kind) != LexKind::kPlace || !le.country[0]) continue;
      Container c;
      c.country[0] = le.country[0];
      c.country[1] = le.country[1];
      c.admin1 = lex_.str(le.admin1);
      c.lat = le.lat;  // where the place before is (a part of a city of the name?)
      c.lon = le.lon;
      if (!c.admin1.empty()) out.push_back(c);
    }
  }

  // "Oregon, Texas, Washington and Wisconsin": a name listed next to a
  // first-order division (its best reading) is most likely one as well.
  bool listed_with_divisions(const Mention& m) const {
    auto is_division = [&](const lexicon::Match& match) {
      const LexEntry* best = best_place(match.entries, Qualifier::kNone, nullptr);
      return best != nullptr &&
             std::string_view(best->feature, strnlen(best->feature, sizeof best->feature)) ==
                 "ADM1";
    };
    auto separator = [&](uint32_t t) {
      std::string_view n = norm(t);
      return n == "," || n == "and" || n == "or";
    };
    lexicon::Match other;
    if (m.token_begin >= 2 && separator(m.token_begin - 1) &&
        place_phrase_ending_at(m.token_begin - 1, other) && is_division(other))
      return true;
    const uint32_t next = m.token_end + 1;
    if (next < doc_.tokens.size() && separator(m.token_end) &&
        (doc_.tokens[next].has(kTokenCapitalized) || doc_.tokens[next].has(kTokenAllCaps)) &&
        lex_.longest(doc_, next, static_cast<uint32_t>(doc_.tokens.size()), other) &&
        is_division(other))
      return true;
    return false;
  }

  // Whether "and", "or" or a comma and then a name read as a first-order
  // division follow token `t`.
  bool division_follows(uint32_t t) const {
    if (t + 1 >= doc_.tokens.size()) return false;
    std::string_view sep = norm(t);
    if (sep != "," && sep != "and" && sep != "or") return false;
    uint32_t next = t + 1;
    if (sep == "," && next + 1 < doc_.tokens.size() && (norm(next) == "and" || norm(next) == "or"))
      ++next;
    if (!doc_.tokens[next].has(kTokenCapitalized) && !doc_.tokens[next].has(kTokenAllCaps))
      return false;
    lexicon::Match other;
    if (!lex_.longest(doc_, next, static_cast<uint32_t>(doc_.tokens.size()), other)) return false;
    const LexEntry* best = best_place(other.entries, Qualifier::kNone, nullptr);
    return best != nullptr &&
           std::string_view(best->feature, strnlen(best->feature, sizeof best->feature)) == "ADM1";
  }

  // The division or country named right after the place and a comma.
  Container container_after(const Mention& m) const {
    Container c;
    uint32_t next = m.token_end + 1;
    if (next >= doc_.tokens.size() || norm(m.token_end) != ",") return c;
    // "Austin, in Scott County, Indiana": the division after the county.
    if (norm(next) == "in" && next + 1 < doc_.tokens.size()) {
      const uint32_t county = next + 1;
      const uint32_t n = static_cast<uint32_t>(doc_.tokens.size());
      uint32_t t = county;
      while (t < n && t - county < 4 && doc_.tokens[t].has(kTokenCapitalized)) ++t;
      if (t == county || t + 1 >= n || norm(t) != "," ||
          (norm(t - 1) != "county" && norm(t - 1) != "parish"))
        return c;
      next = t + 1;
    }
    if (!doc_.tokens[next].has(kTokenCapitalized) && !doc_.tokens[next].has(kTokenAllCaps))
      return c;
    lexicon::Match match;
    if (!lex_.longest(doc_, next, static_cast<uint32_t>(doc_.tokens.size()), match)) return c;
    // "Washington, Pennsylvania and California": a division followed by
    // more divisions is the next item of a list, not where the place is.
    if (division_follows(match.end_token)) return c;
    for (uint32_t v : match.entries) {
      const LexEntry& le = lex_.entry(v);
      auto kind = static_cast<LexKind>(le.kind);
      std::string_view feature(le.feature, strnlen(le.feature, sizeof le.feature));
      if (kind == LexKind::kPlace && feature == "ADM1") {
        c.country[0] = le.country[0];
        c.country[1] = le.country[1];
        c.admin1 = lex_.str(le.admin1);
        return c;
      }
      if (kind == LexKind::kCountry && !c.known()) {
        c.country[0] = le.country[0];
        c.country[1] = le.country[1];
      }
      // A county or region within one country ("Croft, Yorkshire").
      if (kind == LexKind::kRegion && le.country[0] && !c.known()) {
        c.country[0] = le.country[0];
        c.country[1] = le.country[1];
        c.has_point = true;
        c.lat = le.lat;
        c.lon = le.lon;
      }
    }
    return c;
  }

  // "the English city of Salisbury", "the Syrian town of Manbij": the
  // country (or nation) of the people named before "city of" holds the town.
  Container people_before_town_of(const Mention& m) const {
    Container c;
    if (m.token_begin < 3 || norm(m.token_begin - 1) != "of") return c;
    std::string_view kind = norm(m.token_begin - 2);
    if (kind != "city" && kind != "town" && kind != "village") return c;
    // The demonym, possibly before one adjective ("the southern English city of").
    uint32_t t = m.token_begin - 3;
    if (!doc_.tokens[t].has(kTokenCapitalized) && t > 0) --t;
    lexicon::Match match;
    if (!doc_.tokens[t].has(kTokenCapitalized) || !lex_.longest(doc_, t, t + 1, match)) return c;
    for (uint32_t v : match.entries) {
      const LexEntry& le = lex_.entry(v);
      if (static_cast<LexKind>(le.kind) != LexKind::kDemonym || !le.country[0]) continue;
      c.country[0] = le.country[0];
      c.country[1] = le.country[1];
      c.admin1 = lex_.str(le.admin1);
      break;
    }
    return c;
  }

  struct Context {
    Container container;               // "Bangor, Maine": where the place is
    std::vector<Container> contained;  // "Bangor, Maine": where Maine's place is
    std::string self;                  // the mention's name (its own division vote)
    uint32_t sentence = UINT32_MAX;    // the mention's sentence (its neighbours), if any
  };

  // The reading lies in the division the other places of the document are
  // in, or in the one named right after the mention.
  bool in_division_of_context(const LexEntry& le, const Context& context) const {
    if (static_cast<LexKind>(le.kind) != LexKind::kPlace || !le.country[0]) return false;
    if (division_focus_besides(le, context.self) > 0) return true;
    const Container& c = context.container;
    return c.known() && !c.admin1.empty() && le.country[0] == c.country[0] &&
           le.country[1] == c.country[1] && lex_.str(le.admin1) == c.admin1;
  }

  // "Rogers Centre", "Central Mental Hospital": a division named by a
  // dictionary word ("Centre", Cameroon; "Central", ...) next to another
  // capitalised word is a word of that longer name, not the division.
  bool word_of_a_longer_name(const Mention& m, const LexEntry& chosen) const {
    if (m.token_end - m.token_begin != 1 || !(chosen.flags & lexicon::kLexCommonWord) ||
        static_cast<LexKind>(chosen.kind) != LexKind::kPlace ||
        (chosen.flags & lexicon::kLexNation))  // "Wales" (also a word) is a nation
      return false;
    // A division, or a place the word only names as an alternate name
    // ("Central" for Davao).
    std::string_view name = lex_.str(chosen.name), text = doc_.slice(m.span);
    const bool same_name = name.size() == text.size() &&
                           std::equal(name.begin(), name.end(), text.begin(), [](char a, char b) {
                             return std::tolower(static_cast<unsigned char>(a)) ==
                                    std::tolower(static_cast<unsigned char>(b));
                           });
    if (std::string_view(chosen.feature, strnlen(chosen.feature, sizeof chosen.feature)) !=
            "ADM1" &&
        same_name)
      return false;
    auto capitalised_word = [&](uint32_t t) {
      const Token& tok = doc_.tokens[t];
      return tok.kind == TokenKind::kWord && tok.has(kTokenCapitalized);
    };
    return (m.token_begin > 0 && capitalised_word(m.token_begin - 1)) ||
           (m.token_end < doc_.tokens.size() && capitalised_word(m.token_end));
  }

  // The place reading among `entries` that fits best: population, the
  // document's country focus, qualifiers and containment. Null if none.
  const LexEntry* best_place(std::span<const uint32_t> entries, Qualifier q,
                             const Context* context = nullptr) const {
    const bool province = q == Qualifier::kProvince, city = q == Qualifier::kCity;
    // Containment: a name that is both a country and a division of the
    // country the document is about ("Georgia" in a story on the United
    // States) is the division, unless the other country is in focus too.
    bool division_of_focus = false;
    for (uint32_t v : entries) {
      const LexEntry& le = lex_.entry(v);
      std::string_view feature(le.feature, strnlen(le.feature, sizeof le.feature));
      if (feature == "ADM1" && le.country[0] &&
          focus_besides(le.country, lexicon::payload_entry(v)) >= 2)
        division_of_focus = true;
    }
    // The largest town of the name, and whether the document names its
    // country too.
    const LexEntry* largest = nullptr;
    for (uint32_t v : entries) {
      const LexEntry& le = lex_.entry(v);
      if (static_cast<LexKind>(le.kind) == LexKind::kPlace &&
          (largest == nullptr || le.population > largest->population))
        largest = &le;
    }
    const std::string self = context != nullptr ? context->self : std::string();
    auto focus_of = [&](const char country[2]) {
      return context != nullptr ? focus_besides_name(country, self) : focus(country);
    };
    double best = -1e9, best_town = -1e9;
    const LexEntry* chosen = nullptr;
    const LexEntry* chosen_town = nullptr;
    for (uint32_t v : entries) {
      const LexEntry& le = lex_.entry(v);
      auto kind = static_cast<LexKind>(le.kind);
      if (kind != LexKind::kPlace && kind != LexKind::kCountry && kind != LexKind::kRegion)
        continue;
      double score = 0, neighbour_bonus = 0;
      if (kind == LexKind::kCountry) {
        score = lexicon::payload_is_alias(v) ? 9 : 12;
        if (division_of_focus && focus_besides(le.country, lexicon::payload_entry(v)) == 0)
          score -= 6;
      } else if (kind == LexKind::kRegion) {
        // Counties we curate ("Kent", "Suffolk") compete with towns of the
        // same name elsewhere: like a city of some millions, before focus.
        score = le.feature[0] == 'A' ? 6.5 : 9;
      } else
        score = std::log10(
            (le.population == 0 && is_seat(le) ? kUnknownSeatPopulation : le.population) + 10.0);
      if (le.country[0] && kind != LexKind::kCountry) {
        // Among two countries the document names, focus does not pull a
        // name to a town a third the size of its namesake in the other
        // ("born in Manchester" in a story on British and US soldiers).
        const bool dwarfed =
            kind == LexKind::kPlace && largest != nullptr && largest != &le &&
            (largest->country[0] != le.country[0] || largest->country[1] != le.country[1]) &&
            le.population * 3.0 < largest->population && focus_of(largest->country) > 0;
        if (!dwarfed) score += 0.75 * std::min(focus_of(le.country), 3);
      }
      std::string_view feature(le.feature, strnlen(le.feature, sizeof le.feature));
      // Within the country: the division the document's other places are in.
      // County names repeat across states (thirty Washington Counties) and a
      // story names a county with its state's towns, so for a county the
      // division outweighs a tenfold difference in population.
      if (context != nullptr && kind == LexKind::kPlace) {
        const double weight = feature == "ADM2" ? kCountyDivisionFocusWeight : kDivisionFocusWeight;
        score += weight * std::min(division_focus_besides(le, context->self), 2);
      }
      if (context != nullptr && context->sentence != UINT32_MAX && kind == LexKind::kPlace &&
          feature.starts_with("PPL"))
        neighbour_bonus =
            kNeighbourWeight * std::min(neighbours_near(le, context->sentence, self), 2.0);
      if (feature == "PPLC") score += 1.0;
      // Among towns of a name in one country, the seat of a division is
      // named more often than a town its size ("Goz Beida").
      if (feature == "PPLA" && namesake_in_country(entries, le)) score += 0.3;
      // A section of a city ("Venice", Los Angeles) yields to a town, unless
      // it is a city's worth of people itself ("Hollywood", "Harlem").
      if (feature == "PPLX" && le.population < 100000) score -= 1.0;
      // A division's population is the sum of its places: without a
      // qualifier the bare name more often means its city of the same name
      // ("Idlib"), a capital or a foreign town, but less often a town
      // elsewhere in the country ("Wyoming"). A nation ("Wales") is named bare.
      if (feature == "ADM1")
        score += province                                 ? 3
                 : (le.flags & lexicon::kLexNation)       ? 0
                 : town_claims_division_name(entries, le) ? -1.5
                                                          : -0.5;
      if (province && feature.starts_with("PPLA")) score += 0.5;
      if (city && feature.starts_with("PPL")) score += 1;
      if (lexicon::payload_is_alias(v)) score -= 0.5;
      if (context != nullptr) {
        // "Bangor, Maine": the place in the division (or country) named after it.
        const Container& c = context->container;
        if (c.known() && kind != LexKind::kCountry && le.country[0] == c.country[0] &&
            le.country[1] == c.country[1] && (c.admin1.empty() || lex_.str(le.admin1) == c.admin1))
          score += c.admin1.empty() ? 2 : 4;
        // "Croft, Yorkshire": the Croft near Yorkshire's point.
        if (c.has_point && kind == LexKind::kPlace &&
            distance_km(le.lat, le.lon, c.lat, c.lon) < kNearContainerKm)
          score += 4;
        // "Brooklyn, New York": the city that the place before is part of.
        if (kind == LexKind::kPlace && feature.starts_with("PPL"))
          for (const Container& d : context->contained)
            if (d.country[0] == le.country[0] && d.country[1] == le.country[1] &&
                d.admin1 == lex_.str(le.admin1) &&
                distance_km(le.lat, le.lon, d.lat, d.lon) < kPartOfCityKm) {
              score += 9;  // above the division that has the place
              break;
            }
        // "Bangor, Maine": Maine is the state that has a Bangor.
        if (feature == "ADM1")
          for (const Container& d : context->contained)
            if (d.country[0] == le.country[0] && d.country[1] == le.country[1] &&
                d.admin1 == lex_.str(le.admin1)) {
              score += 8;  // above a country of the same name ("Atlanta, Georgia")
              break;
            }
      }
      if (score > best) {
        best = score;
        chosen = &le;
      }
      if (score + neighbour_bonus > best_town && kind == LexKind::kPlace &&
          feature.starts_with("PPL")) {
        best_town = score + neighbour_bonus;
        chosen_town = &le;
      }
    }
    // Towns named together lie together ("48 in Newport, 36 in Cloughjordan"):
    // among the towns of a name, the one near the other towns named around
    // it. A name read as a division, country or region ("Florida" beside New
    // York City, not the hamlet near it) keeps that reading.
    if (chosen != nullptr && chosen_town != nullptr &&
        static_cast<LexKind>(chosen->kind) == LexKind::kPlace && chosen->feature[0] == 'P' &&
        chosen->feature[1] == 'P' && chosen->feature[2] == 'L')
      return chosen_town;
    return chosen;
  }

  // Whether a town reading may claim the bare name of division `division`:
  // a town in it ("Idlib"), a capital ("Washington") or a town of another
  // country the document names ("Virginia", Ireland). A town elsewhere in
  // the division's own country ("Wyoming", Michigan) has a weaker claim.
  bool town_claims_division_name(std::span<const uint32_t> entries,
                                 const LexEntry& division) const {
    for (uint32_t v : entries) {
      const LexEntry& le = lex_.entry(v);
      if (static_cast<LexKind>(le.kind) != LexKind::kPlace || le.feature[0] != 'P') continue;
      std::string_view feature(le.feature, strnlen(le.feature, sizeof le.feature));
      const bool same_country =
          le.country[0] == division.country[0] && le.country[1] == division.country[1];
      if (feature == "PPLC" || (!same_country && focus(le.country) > 0) ||
          (same_country && lex_.str(le.admin1) == lex_.str(division.admin1)))
        return true;
    }
    return false;
  }

  // Whether another town reading lies in the country of `town`.
  bool namesake_in_country(std::span<const uint32_t> entries, const LexEntry& town) const {
    for (uint32_t v : entries) {
      const LexEntry& le = lex_.entry(v);
      if (&le != &town && static_cast<LexKind>(le.kind) == LexKind::kPlace &&
          le.feature[0] == 'P' && le.country[0] == town.country[0] &&
          le.country[1] == town.country[1])
        return true;
    }
    return false;
  }

  // The seat of a division whose population the gazetteer lacks (Taoyuan,
  // Taiwan) is as large as a seat of a division is: no hamlet.
  static constexpr uint32_t kUnknownSeatPopulation = 10000;
  static bool is_seat(const LexEntry& le) {
    std::string_view feature(le.feature, strnlen(le.feature, sizeof le.feature));
    return feature == "PPLA" || feature == "PPLA2";
  }

  static constexpr double kNearContainerKm = 120;
  static constexpr uint32_t kFarNamesakePopulation = 20000;
  static constexpr uint32_t kFarNamesakeAliasPopulation = 20000;
  static constexpr double kPartOfCityKm = 25;
  static constexpr double kNeighbourKm = 100;
  static constexpr double kNeighbourWeight = 1.5;

  static double distance_km(double lat1, double lon1, double lat2, double lon2) {
    constexpr double kRad = 3.14159265358979323846 / 180;
    const double a = std::sin((lat2 - lat1) * kRad / 2), b = std::sin((lon2 - lon1) * kRad / 2);
    const double h = a * a + std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * b * b;
    return 2 * 6371 * std::asin(std::min(1.0, std::sqrt(h)));
  }

  void fill_geo(const LexEntry& le, Entity& e) const {
    e.has_geo = true;
    e.geo.geonameid = le.geonameid;
    e.geo.lat = le.lat;
    e.geo.lon = le.lon;
    e.geo.country[0] = le.country[0];
    e.geo.country[1] = le.country[1];
    e.geo.admin1 = std::string(lex_.str(le.admin1));
    e.geo.feature = std::string(le.feature, strnlen(le.feature, sizeof le.feature));
  }

  // A side is named after the largest town of its name, whatever country
  // the document is about: "Leeds beat Bristol" in a story on the United
  // States still names the English sides.
  static bool is_team(const Mention& m) {
    return m.rule == std::string_view("team-named-by-place") ||
           m.rule == std::string_view("team-in-results");
  }

  void town_of_team(const Mention& m, Entity& e) const {
    lexicon::Match match;
    if (!lex_.longest(doc_, m.token_begin, m.token_end, match) || match.end_token != m.token_end)
      return;
    const LexEntry* largest = nullptr;
    for (uint32_t v : match.entries) {
      const LexEntry& le = lex_.entry(v);
      if (static_cast<LexKind>(le.kind) != LexKind::kPlace || lexicon::payload_is_alias(v))
        continue;
      if (largest == nullptr || le.population > largest->population) largest = &le;
    }
    if (largest != nullptr) fill_geo(*largest, e);
  }

  // Words that end a street's name ("Desire Street", "Kingsley Road").
  static constexpr std::string_view kStreetHeads[] = {
      "street", "st.",       "road",  "rd.", "avenue", "ave.",  "drive",
      "lane",   "boulevard", "blvd.", "way", "parade", "place", "square"};
  // Words that end the name of any other site: a building, venue or ground
  // ("Karl Bremer Hospital", "Brands Hatch Circuit").
  static constexpr std::string_view kOtherSiteHeads[] = {
      "plaza",   "park",       "gardens",  "stadium", "arena",      "ground",    "racecourse",
      "circuit", "hospital",   "clinic",   "church",  "cathedral",  "chapel",    "mosque",
      "temple",  "synagogue",  "basilica", "school",  "university", "college",   "academy",
      "campus",  "centre",     "center",   "theatre", "theater",    "cinema",    "hotel",
      "inn",     "courthouse", "prison",   "jail",    "airport",    "library",   "museum",
      "gallery", "mall",       "market",   "farm",    "hall",       "bridge",    "station",
      "estate",  "tower",      "palace",   "castle",  "cemetery",   "graveyard", "complex",
      "lagoon",  "harbour",    "harbor",   "pier",    "wharf",      "office",    "building"};

  static bool is_street_head(std::string_view w) {
    return std::ranges::find(kStreetHeads, w) != std::end(kStreetHeads);
  }
  static bool is_site_head(std::string_view w) {
    return is_street_head(w) || std::ranges::find(kOtherSiteHeads, w) != std::end(kOtherSiteHeads);
  }

  // A place mention that can locate a site: a town, a district or a
  // division, not a country, a region or a continent.
  bool is_local_place(const Entity& e) const {
    return (e.type == EntityType::kGpe || e.type == EntityType::kLoc) && is_local_geo(e);
  }
  static bool is_local_geo(const Entity& e) {
    return e.has_geo && (e.geo.feature.starts_with("PPL") || e.geo.feature.starts_with("ADM"));
  }

  // Streets, buildings and venues have no gazetteer entry of their own: they
  // are placed in the town the text puts them in ("Bambino Gesu Hospital in
  // Rome", "Seoul's Jamsil Stadium", "Fitzwilliam Place, Dublin"), else in
  // the town named last before them in the document (a local story names
  // its town first). A name read as a person's or as a group is left alone,
  // and so is an organisation that is not a site ("Whole Foods") unless a
  // mention of it is a place of its own ("at Whole Foods").
  void places_of_sites() {
    // Places read from the gazetteer (not sites placed here) locate sites,
    // and so do organisations named after a town ("Winnipeg Fire Paramedic
    // Service" says the story is in Winnipeg).
    locators_.assign(doc_.entities.size(), 0);
    for (const Mention& m : doc_.mentions)
      if (m.entity >= 0 && is_locator(m)) locators_[m.entity] = 1;
    std::vector<int32_t> entity_of_token(doc_.tokens.size(), -1);
    for (const Mention& m : doc_.mentions)
      if (m.entity >= 0 && locators_[m.entity])
        for (uint32_t t = m.token_begin; t < m.token_end; ++t) entity_of_token[t] = m.entity;
    auto local_place_at = [&](uint32_t t) -> const Entity* {
      if (t >= doc_.tokens.size() || entity_of_token[t] < 0) return nullptr;
      return &doc_.entities[entity_of_token[t]];
    };
    // A story whose places and countries are all of one country is a local one: a place name the
    // gazetteer lacks is near its towns.
    std::string country;
    bool one_country = true;
    for (const Mention& m : doc_.mentions) {
      if (m.entity < 0 || m.lex == UINT32_MAX) continue;
      const Entity& e = doc_.entities[m.entity];
      if (!e.has_geo || (e.type != EntityType::kGpe && e.type != EntityType::kLoc)) continue;
      const std::string c(e.geo.country, strnlen(e.geo.country, 2));
      if (country.empty()) country = c;
      if (c.empty() || c != country) one_country = false;
    }
    std::vector<uint8_t> eligible(doc_.entities.size(), 0);
    std::vector<uint8_t> unknown_places(doc_.entities.size(), 0);
    for (const Mention& m : doc_.mentions) {
      if (m.entity < 0) continue;
      if (deferred_counties_.count(static_cast<size_t>(m.entity))) {
        eligible[m.entity] = 2;
        continue;
      }
      const Entity& e = doc_.entities[m.entity];
      if (!e.role.empty()) continue;
      // A lexicon place of its own (countries, towns) keeps its reading.
      if (e.has_geo && (m.lex != UINT32_MAX || !is_local_geo(e))) continue;
      if (e.type != EntityType::kOrg && e.type != EntityType::kLoc && e.type != EntityType::kFac &&
          e.type != EntityType::kMisc && e.type != EntityType::kPer && e.type != EntityType::kGpe)
        continue;
      if (m.lex != UINT32_MAX && e.type == EntityType::kPer) continue;  // a known person
      uint32_t last = m.token_end - 1;
      if (last > m.token_begin && norm(last) == "'s") --last;
      const bool site = m.token_end - m.token_begin >= 2 && is_site_head(norm(last));
      const bool placed = e.type != EntityType::kPer && m.token_begin > 0 && [&] {
        std::string_view p = norm(m.token_begin - 1);
        return p == "at" || p == "inside";
      }();
      // A name typed as a place by its context ("in Portroe", "the Crown
      // Heights neighborhood") that the gazetteer does not know.
      const bool unknown_place =
          (m.lex == UINT32_MAX || unread_places_.count(static_cast<size_t>(m.entity))) &&
          (e.type == EntityType::kLoc || e.type == EntityType::kGpe) && !e.has_geo;
      if (site || placed) eligible[m.entity] = std::max<uint8_t>(eligible[m.entity], 1);
      if (unknown_place && !eligible[m.entity]) eligible[m.entity] = one_country ? 1 : 3;
      if (unknown_place && !site) unknown_places[m.entity] = 1;
      // "London Road" in Leicester: a street is not in the town it is named
      // after, nor a county ("Orange County") or township in its namesake.
      if (site && is_street_head(norm(last))) eligible[m.entity] = 2;
      // "on the A417": a road is placed like a street.
      if (m.rule == std::string_view("road-number")) eligible[m.entity] = 2;
      if (m.token_end - m.token_begin >= 2 && m.lex == UINT32_MAX &&
          (norm(last) == "county" || norm(last) == "township" || norm(last) == "parish"))
        eligible[m.entity] = 2;
    }
    std::vector<uint8_t> placed(doc_.entities.size(), 0);
    for (const Mention& m : doc_.mentions) {
      if (m.entity < 0 || !eligible[m.entity]) continue;
      Entity& e = doc_.entities[m.entity];
      if (placed[m.entity]) continue;
      const Entity* where = nullptr;
      // "X in Rome", "X, Dublin"
      if (m.token_end + 1 < doc_.tokens.size() &&
          (norm(m.token_end) == "in" || norm(m.token_end) == ","))
        where = local_place_at(m.token_end + 1);
      // "Seoul's Jamsil Stadium"
      if (where == nullptr && m.token_begin >= 2 && norm(m.token_begin - 1) == "'s")
        where = local_place_at(m.token_begin - 2);
      // A site named after a town ("Vellmar Hospital in Rome") is where the
      // text says it is; without such a word it stays in the town of its name.
      if (where == nullptr && e.has_geo && eligible[m.entity] != 2) continue;
      uint32_t where_token = m.token_begin;
      // "the Adhamiyah district of Baghdad", "Kogelo in Nyanza province": an
      // unknown place is near the town its own sentence names.
      if (where == nullptr && unknown_places[m.entity])
        where = nearest_local_place_in_sentence(m, &where_token);
      if (where == nullptr) where = last_local_place_before(m.token_begin, &where_token);
      if (where == nullptr) continue;
      // In a story of several countries, only a town named in the same or
      // the sentence before places an unknown name.
      if (eligible[m.entity] == 3 && sentences_apart(where_token, m.token_begin) > 1) continue;
      e.has_geo = true;
      e.geo = where->geo;
      e.geo.geonameid = 0;
      placed[m.entity] = 1;
    }
    for (const auto& [index, reading] : deferred_counties_)
      if (!placed[index]) fill_geo(*reading, doc_.entities[index]);
  }

  // A mention that can place a site: a town or division read from the
  // gazetteer, or an organisation whose name holds one (its geo has the
  // town's GeoNames id; sites placed here have none).
  bool is_locator(const Mention& m) const {
    const Entity& e = doc_.entities[m.entity];
    if (m.lex != UINT32_MAX) return is_local_place(e);
    return (e.type == EntityType::kOrg || e.type == EntityType::kMedia) && is_local_geo(e) &&
           e.geo.geonameid != 0 && e.geo.feature.starts_with("PPL");
  }

  // The town or division mentioned last before token t, else the first
  // after it; *at is the first token of the mention used.
  const Entity* last_local_place_before(uint32_t t, uint32_t* at) const {
    const Entity* before = nullptr;
    for (const Mention& m : doc_.mentions) {
      if (m.entity < 0 || !locators_[m.entity]) continue;
      if (m.token_begin >= t) {
        if (before != nullptr) return before;
        *at = m.token_begin;
        return &doc_.entities[m.entity];
      }
      before = &doc_.entities[m.entity];
      *at = m.token_begin;
    }
    return before;
  }

  // The town or division named nearest to mention m in its own sentence, or
  // null; *at is the first token of the mention used.
  const Entity* nearest_local_place_in_sentence(const Mention& m, uint32_t* at) const {
    const Entity* best = nullptr;
    uint32_t best_distance = UINT32_MAX;
    for (const Mention& o : doc_.mentions) {
      if (o.entity < 0 || !locators_[o.entity] || o.entity == m.entity) continue;
      if (sentences_apart(o.token_begin, m.token_begin) != 0) continue;
      const uint32_t d =
          o.token_begin > m.token_begin ? o.token_begin - m.token_end : m.token_begin - o.token_end;
      if (d < best_distance) {
        best_distance = d;
        best = &doc_.entities[o.entity];
        *at = o.token_begin;
      }
    }
    return best;
  }

  // How many sentence boundaries lie between tokens a and b.
  uint32_t sentences_apart(uint32_t a, uint32_t b) const {
    auto sentence_of = [&](uint32_t t) {
      auto it =
          std::upper_bound(doc_.sentences.begin(), doc_.sentences.end(), t,
                           [](uint32_t tok, const Sentence& s) { return tok < s.first_token; });
      return static_cast<uint32_t>(it - doc_.sentences.begin());
    };
    const uint32_t sa = sentence_of(a), sb = sentence_of(b);
    return sa > sb ? sa - sb : sb - sa;
  }

  // Heads of institutions the event coder has no agent type for; councils,
  // courts, police and ministries get country and type there.
  static bool institution_head(std::string_view w) {
    static constexpr std::string_view kHeads[] = {"university", "school", "college", "academy",
                                                  "hospital",   "clinic", "museum",  "library"};
    return std::ranges::find(kHeads, w) != std::end(kHeads);
  }

  // A party or armed movement names the land it claims or speaks for, not a
  // town it sits in: "Turkistan Islamic Party" is no town in Kazakhstan, "Moro
  // Islamic Liberation Front" none in Pakistan. Such names take a country or
  // region only.
  static bool movement_head(std::string_view w) {
    static constexpr std::string_view kHeads[] = {"party",   "front",    "movement", "army",
                                                  "brigade", "brigades", "militia",  "battalion"};
    return std::ranges::find(kHeads, w) != std::end(kHeads);
  }

  // "Jamaica Cancer Society", "the Toronto Police Services Board", "London-based
  // BOP Consulting", "European Union", "Dubai World Cup": an organisation,
  // outlet, event or facility named after a place gets the geo of the first
  // place its name holds (where it is, or whom it stands for). A person's
  // name is left alone ("Jordan Peterson" is no place).
  void place_in_name(const Mention& m, Entity& e) const {
    // A person's name holds a place only before "-based" and the like
    // ("Calgary-based Epoch Energy" guessed as a person).
    const bool person = m.type == EntityType::kPer;
    const bool movement = e.type == EntityType::kOrg && movement_head(norm(m.token_end - 1));
    std::vector<std::string_view> words;
    uint32_t first_word = m.token_begin;  // after "The" ("The Washington Post")
    while (first_word + 1 < m.token_end &&
           (norm(first_word) == "the" || norm(first_word) == "a" || norm(first_word) == "an"))
      ++first_word;
    for (uint32_t t = m.token_begin; t < m.token_end; ++t) {
      const Token& tok = doc_.tokens[t];
      if (tok.kind != TokenKind::kWord && tok.kind != TokenKind::kAbbreviation) continue;
      if (!tok.has(kTokenCapitalized) && !tok.has(kTokenAllCaps)) continue;
      std::string_view n = norm(t);
      // "London-based", "Los Angeles-based", "Russian-backed", "Syrian-Turkish":
      // the part before the hyphen, with the words before it in the name.
      if (size_t dash = n.find('-'); dash != std::string_view::npos && dash >= 2) {
        std::string_view raw = doc_.slice(tok.span);
        size_t raw_dash = raw.find('-');
        const bool lower_suffix = raw_dash != std::string_view::npos && raw_dash + 1 < raw.size() &&
                                  raw[raw_dash + 1] >= 'a' && raw[raw_dash + 1] <= 'z';
        if (person && !lower_suffix) continue;
        // "Tal-Abyad", "Syrian-Turkish": a hyphen inside a name joins two
        // names; only a country, region or people is read from its first part.
        // "Los Angeles-based" read as "Los" and "Angeles-based": the place
        // may start with capitalised words just before the mention.
        uint32_t from = m.token_begin;
        if (lower_suffix && t == m.token_begin)
          while (from > 0 && m.token_begin - from < 3 &&
                 doc_.tokens[from - 1].kind == TokenKind::kWord &&
                 doc_.tokens[from - 1].has(kTokenCapitalized))
            --from;
        for (uint32_t s = from; s <= t; ++s) {
          words.clear();
          for (uint32_t k = s; k < t; ++k) words.push_back(norm(k));
          words.push_back(n.substr(0, dash));
          std::string part;  // the name before the hyphen, as the focus keys it
          for (std::string_view w : words) part.append(part.empty() ? "" : " ").append(w);
          if (geo_of_named_place(lex_.find(words), s, t - s + 1, lower_suffix, e, nullptr, false,
                                 part))
            return;
        }
        continue;
      }
      if (person) continue;
      // A town or division starts the name or follows "of" ("Toronto Police
      // Services Board", "University of Toronto"), but one later in the name
      // is more often a word of it ("Gazeta Nord"); countries may be anywhere.
      // A one-word name the recognizer did not read as a place ("Chuka
      // said", a side called "Leeds") is a town only of a country in focus.
      const bool one_word = m.token_end - m.token_begin == 1;
      if (t < first_word) continue;  // the leading article itself
      const bool towns =
          !one_word && !movement && (t == first_word || (t > 0 && norm(t - 1) == "of"));
      std::vector<lexicon::Match> matches = lex_.all(doc_, t, m.token_end);
      for (auto it = matches.rbegin(); it != matches.rend(); ++it) {
        std::string country3;
        if (!geo_of_named_place(it->entries, t, it->end_token - t, towns, e, &country3, true))
          continue;
        // A public institution named after its town or country belongs to
        // that country ("Baghdad University Medical School" IRQ, "Lagos General
        // Hospital" NGA), as CAMEO codes domestic institutions. Only
        // institution heads: other names merely contain a place-like word.
        if (e.type == EntityType::kOrg && e.actor.empty() && country3.size() == 3 &&
            t == first_word && institution_head(norm(m.token_end - 1)))
          e.actor = country3;
        return;
      }
    }
  }

  // Fills e.geo from the place, country, region or nationality reading of
  // a name part of `ntok` tokens at token t; false when it has none that fits.
  bool geo_of_named_place(std::span<const uint32_t> entries, uint32_t t, uint32_t ntok, bool towns,
                          Entity& e, std::string* country3 = nullptr, bool word_of_name = false,
                          const std::string& self = {}) const {
    // Focus from other names than this one: "Nelson" (a New Zealand region
    // too) does not vouch for New Zealand in "Nelson-Creston".
    auto focus_elsewhere = [&](const char country[2]) {
      return self.empty() ? focus(country) : focus_besides_name(country, self);
    };
    const Token& tok = doc_.tokens[t];
    const size_t len = doc_.slice(tok.span).size();
    std::vector<uint32_t> places;
    const LexEntry* group = nullptr;
    bool organisation = false;
    // "Marjory Stoneman Douglas High School", "Ronald Wilson Reagan Middle":
    // a word that is also a person's name, inside a name, is that person's.
    bool person_word = false;
    if (word_of_name && ntok == 1)
      for (uint32_t v : entries) {
        const LexEntry& le = lex_.entry(v);
        if (static_cast<LexKind>(le.kind) == LexKind::kKeyword &&
            (le.type == static_cast<uint8_t>(KeywordClass::kGivenName) ||
             le.type == static_cast<uint8_t>(KeywordClass::kFamilyName)))
          person_word = true;
      }
    for (uint32_t v : entries) {
      const LexEntry& le = lex_.entry(v);
      auto kind = static_cast<LexKind>(le.kind);
      bool alias = lexicon::payload_is_alias(v);
      // Short aliases must be written in capitals ("US", "BC"; not "Us").
      if (ntok == 1 && len <= 3 && alias && !tok.has(kTokenAllCaps) && kind != LexKind::kCountry)
        continue;
      if (kind == LexKind::kOrg) organisation = true;
      if (kind == LexKind::kDemonym) {
        if (group == nullptr && (le.geonameid != 0 || le.feature[0])) group = &le;
        continue;
      }
      if (kind == LexKind::kCountry || kind == LexKind::kRegion) {
        places.push_back(v);
        continue;
      }
      if (kind != LexKind::kPlace) continue;
      // Elsewhere a town or division of a country the document is about
      // ("Miami-Dade"), or a nation ("Marine Energy Wales").
      std::string_view feature(le.feature, strnlen(le.feature, sizeof le.feature));
      // A division's abbreviation in capitals ("FrontCounter BC") says where
      // on its own; not after a number ("500 BC" is a year).
      const bool after_number =
          t > 0 && !norm(t - 1).empty() && norm(t - 1)[0] >= '0' && norm(t - 1)[0] <= '9';
      const bool division_abbreviation =
          alias && feature == "ADM1" && !after_number &&
          (tok.has(kTokenAllCaps) || tok.kind == TokenKind::kAbbreviation);
      if (!towns && !(le.flags & lexicon::kLexNation) && focus_elsewhere(le.country) == 0 &&
          !division_abbreviation)
        continue;
      if (!towns && person_word && feature != "ADM1" && le.population < 100000) continue;
      // An acronym ("EU") is not an ordinary place name ("Eu", France);
      // division abbreviations ("BC", "NSW") are.
      if (ntok == 1 && len <= 3 && tok.has(kTokenAllCaps) && !(alias && feature == "ADM1"))
        continue;
      // Dictionary words ("Centre", "Royal") and hamlets name no organisation.
      if ((le.flags & lexicon::kLexCommonWord) && (le.population < 100000 || feature == "ADM1"))
        continue;
      // A hamlet names no organisation; the seat of a municipality of a
      // country the document names may ("Ubay Community Hospital").
      const bool local_seat = feature.starts_with("PPLA") && focus_elsewhere(le.country) > 0;
      if (le.population < 5000 && feature != "ADM1" && feature != "PPLA" && feature != "PPLC" &&
          !local_seat)
        continue;
      // A town of a country the document does not name must be a city to
      // name an organisation ("Moro Islamic Liberation Front" is no town's).
      if (focus_elsewhere(le.country) == 0 && le.population < 100000 && feature != "ADM1" &&
          feature != "PPLA" && feature != "PPLC")
        continue;
      places.push_back(v);
    }
    // "NATO-member": a name part the lexicon knows as an organisation is
    // that organisation, not a town of the same spelling.
    if (organisation)
      std::erase_if(places, [&](uint32_t v) {
        return static_cast<LexKind>(lex_.entry(v).kind) == LexKind::kPlace;
      });
    // A town word of a name is read like the town itself: in the division the
    // document's other places are in ("Riverdale Lukoil" among New Jersey towns).
    Context context;
    if (word_of_name)
      for (uint32_t k = t; k < t + ntok; ++k) {
        if (!context.self.empty()) context.self.push_back(' ');
        context.self.append(norm(k));
      }
    if (const LexEntry* chosen =
            best_place(places, Qualifier::kNone, word_of_name ? &context : nullptr)) {
      fill_geo(*chosen, e);
      if (country3 != nullptr) *country3 = std::string(lex_.str(chosen->actor));
      return true;
    }
    if (group == nullptr) return false;
    country_of_group(*group, e);
    return e.has_geo;
  }

  Document& doc_;
  const lexicon::Lexicon& lex_;
  std::unordered_map<std::string, int> focus_;
  std::unordered_map<uint32_t, int> mentions_of_entry_;
  std::unordered_map<std::string, int> focus_of_name_;   // "nelson|NZ" -> mentions
  std::unordered_map<std::string, int> division_focus_;  // "US.NJ" -> names
  std::unordered_map<std::string, std::pair<std::string, int>> division_voted_by_;  // name -> vote
  std::vector<Neighbour> neighbours_;  // town names and their provisional points
  static constexpr double kDivisionFocusWeight = 0.75;
  static constexpr double kCountyDivisionFocusWeight = 2.0;
  std::unordered_map<std::string, int32_t> by_key_;
  std::unordered_map<std::string, int32_t> by_part_;
  // Counties left for places_of_sites, with the reading kept as a fallback.
  std::unordered_map<size_t, const LexEntry*> deferred_counties_;
  // Place names whose only readings were far namesakes (far_namesake).
  std::unordered_set<size_t> unread_places_;
  std::vector<uint8_t> locators_;  // entities that can place a site (places_of_sites)
};

}  // namespace

void resolve_entities(Document& doc, const lexicon::Lexicon& lex) {
  doc.entities.clear();
  Resolver(doc, lex).run();
}

}  // namespace claimtrace::resolve
