#include "extract/entities.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <unordered_set>
#include <vector>

namespace claimtrace::extract {

namespace {

using lexicon::KeywordClass;
using lexicon::LexEntry;
using lexicon::LexKind;

// Lower-case words that may sit inside a name: "Bank of England",
// "Jisr al-Shughur", "Abu Mohammad al-Julani", "Ludwig van Beethoven".
bool is_name_connector(std::string_view n) {
  static constexpr std::string_view kConnectors[] = {"of",  "al",  "el",  "de",  "du",  "da",  "di",
                                                     "del", "der", "van", "von", "bin", "ibn", "la",
                                                     "le",  "y",   "for", "on",  "and", "&"};
  for (auto c : kConnectors)
    if (n == c) return true;
  return false;
}

// Lower-case words that sit inside a name the lexicon knows whole but that
// are English words too, so they join a name only there: "Rio Grande do
// Sul", "Mato Grosso do Sul", "Trás-os-Montes e Alto Douro".
bool is_known_name_connector(std::string_view n) {
  static constexpr std::string_view kConnectors[] = {"do",  "dos",   "das",   "des",   "e",
                                                     "dei", "degli", "della", "delle", "sur"};
  for (auto c : kConnectors)
    if (n == c) return true;
  return false;
}

class Recognizer {
 public:
  Recognizer(Document& doc, const lexicon::Lexicon& lex) : doc_(doc), lex_(lex) {}

  void run() {
    restore_headline_case();
    for (const Sentence& s : doc_.sentences) sentence(s);
    surnames_that_are_words();
    demonyms_before_titles();
    short_names_of_teams();
    lists_of_people();
    lists_of_places();
    consistent_types_of_unknown_names();
    small_places_of_focus_countries();
    names_read_as_places_elsewhere();
    teams_named_by_places();
  }

 private:
  const Token& tok(uint32_t i) const { return doc_.tokens[i]; }
  std::string_view norm(uint32_t i) const { return doc_.norm(doc_.tokens[i]); }
  // The normalized words of a mention, space-separated: the same name
  // written twice gives the same key.
  std::string words_of(const Mention& m) const {
    std::string k;
    for (uint32_t t = m.token_begin; t < m.token_end; ++t) {
      if (!k.empty()) k.push_back(' ');
      k.append(norm(t));
    }
    return k;
  }

  bool is_cap_word(uint32_t i) const {
    const Token& t = tok(i);
    return (t.kind == TokenKind::kWord || t.kind == TokenKind::kAbbreviation) &&
           (t.has(kTokenCapitalized) || t.has(kTokenAllCaps)) &&
           !(i < lowered_.size() && lowered_[i]) && !is_hyphenated_modifier(i);
  }

  // "Bergamo-based", "Brazilian-born", "U.S.-led", "Ex-Yankee", "Pro-Moscow":
  // one capitalised token that describes the name after it. It is no part
  // of that name; it is a modifier of its own (MISC).
  bool is_hyphenated_modifier(uint32_t i) const {
    std::string_view n = norm(i);
    const size_t first = n.find('-');
    if (first == std::string_view::npos || first == 0 || first + 1 >= n.size()) return false;
    static constexpr std::string_view kPrefixes[] = {"ex", "pro", "anti", "non"};
    std::string_view head = n.substr(0, first);
    for (auto p : kPrefixes)
      if (head == p) return true;
    static constexpr std::string_view kSuffixes[] = {
        "based", "born",     "led",        "owned",  "controlled", "backed",    "listed",
        "bound", "funded",   "registered", "run",    "made",       "sponsored", "dominated",
        "held",  "educated", "trained",    "origin", "style",      "speaking"};
    std::string_view tail = n.substr(n.rfind('-') + 1);
    for (auto sfx : kSuffixes)
      if (tail == sfx) return true;
    return false;
  }

  // Reuters-style ALL CAPS and Title Case headlines and results lines carry
  // no case information. A word there is read as lower case when the
  // document's ordinary sentences write it in lower case only, or when it is
  // a dictionary word they never capitalise ("TAKE OVER AT TOP"). Names the
  // body writes with a capital ("Leicestershire") stay names.
  void restore_headline_case() {
    lowered_.assign(doc_.tokens.size(), 0);
    std::vector<uint8_t> headline(doc_.sentences.size(), 0);
    bool any = false;
    for (size_t k = 0; k < doc_.sentences.size(); ++k)
      if (is_headline_case(doc_.sentences[k])) headline[k] = any = true;
    if (!any) return;
    std::unordered_set<std::string_view> capitalised, lower;
    for (size_t k = 0; k < doc_.sentences.size(); ++k) {
      if (headline[k]) continue;
      const Sentence& s = doc_.sentences[k];
      for (uint32_t i = s.first_token + 1; i < s.first_token + s.token_count; ++i) {
        const Token& t = tok(i);
        if (t.kind != TokenKind::kWord) continue;
        if (t.has(kTokenCapitalized) && !t.has(kTokenAllCaps))
          capitalised.insert(norm(i));
        else if (!t.has(kTokenCapitalized) && !t.has(kTokenAllCaps))
          lower.insert(norm(i));
      }
    }
    for (size_t k = 0; k < doc_.sentences.size(); ++k) {
      if (!headline[k]) continue;
      const Sentence& s = doc_.sentences[k];
      const uint32_t end = s.first_token + s.token_count;
      for (uint32_t i = s.first_token; i < end; ++i) {
        if (tok(i).kind != TokenKind::kWord) continue;
        // "NEW YORK", "KANSAS CITY": a name of several words stays whole.
        lexicon::Match m;
        if (lex_.longest(doc_, i, end, m) && m.end_token > i + 1 && has_name_reading_of(m)) {
          i = m.end_token - 1;
          continue;
        }
        std::string_view n = norm(i);
        if (capitalised.count(n)) continue;
        // A given name ("MIKE TYSON") stays unless the body writes it in lower case.
        if (lower.count(n) || (is_common_word(i) && !is_given_name(i))) lowered_[i] = 1;
      }
    }
  }

  // A lower-case Arabic-article name part: al-Sham, el-Sisi, ash-Shughur.
  bool is_article_name(uint32_t i) const {
    if (tok(i).kind != TokenKind::kWord) return false;
    std::string_view n = norm(i);
    size_t dash = n.find('-');
    if (dash == std::string_view::npos || dash > 3 || dash + 1 >= n.size()) return false;
    std::string_view art = n.substr(0, dash);
    return art == "al" || art == "el" || art == "ash" || art == "as" || art == "ad" ||
           art == "ar" || art == "at" || art == "az" || art == "an" || art == "esh" || art == "ech";
  }

  // A capitalised word that starts with an Arabic article and a hyphen
  // ("Al-Minya", "El-Arish"), the rest of it capitalised too.
  bool has_article_prefix(uint32_t i) const {
    if (tok(i).kind != TokenKind::kWord || !tok(i).has(kTokenCapitalized)) return false;
    std::string_view w = doc_.slice(tok(i).span);
    const size_t dash = w.find('-');
    if (dash == std::string_view::npos || dash + 2 >= w.size() ||
        !(w[dash + 1] >= 'A' && w[dash + 1] <= 'Z'))
      return false;
    return is_article_name(i);
  }

  // A word with a Latin letter outside ASCII ("Zaïre", "Østfold").
  bool has_latin_diacritic(uint32_t i) const {
    std::string_view w = doc_.slice(tok(i).span);
    return tok(i).kind == TokenKind::kWord && std::any_of(w.begin(), w.end(), [](char c) {
             const auto u = static_cast<unsigned char>(c);
             return u >= 0xC3 && u <= 0xC9;  // lead bytes of U+00C0..U+024F
           });
  }

  // A French or Italian elided article glued to a capitalised name part:
  // "Côte d'Ivoire", "Coeur d'Alene", "Provence-Alpes-Côte d'Azur".
  bool is_elided_article_name(uint32_t i) const {
    if (tok(i).kind != TokenKind::kWord) return false;
    std::string_view w = doc_.slice(tok(i).span);
    size_t rest = 0;
    if (w.size() > 2 && (w[0] == 'd' || w[0] == 'l') && w[1] == '\'')
      rest = 2;
    else if (w.size() > 4 && (w[0] == 'd' || w[0] == 'l') && w.substr(1, 3) == "\xE2\x80\x99")
      rest = 4;  // U+2019
    return rest != 0 && w[rest] >= 'A' && w[rest] <= 'Z';
  }

  // Keyword class of the phrase at token i (single token), if any.
  bool keyword(uint32_t i, uint32_t end, KeywordClass cls, uint32_t* match_end = nullptr) const {
    for (const auto& m : lex_.all(doc_, i, end)) {
      for (uint32_t v : m.entries) {
        const LexEntry& e = lex_.entry(v);
        if (e.kind == static_cast<uint8_t>(LexKind::kKeyword) &&
            e.type == static_cast<uint8_t>(cls)) {
          if (match_end) *match_end = m.end_token;
          return true;
        }
      }
    }
    return false;
  }
  bool has_keyword_class(uint32_t i, KeywordClass cls) const {
    std::string_view n = norm(i);
    std::string_view one[] = {n};
    for (uint32_t v : lex_.find(one)) {
      const LexEntry& e = lex_.entry(v);
      if (e.kind == static_cast<uint8_t>(LexKind::kKeyword) && e.type == static_cast<uint8_t>(cls))
        return true;
    }
    return false;
  }
  bool is_common_word(uint32_t i) const { return has_keyword_class(i, KeywordClass::kCommonWord); }
  bool is_common_string(std::string_view n) const {
    std::string_view one[] = {n};
    for (uint32_t v : lex_.find(one)) {
      const LexEntry& e = lex_.entry(v);
      if (e.kind == static_cast<uint8_t>(LexKind::kKeyword) &&
          e.type == static_cast<uint8_t>(KeywordClass::kCommonWord))
        return true;
    }
    return false;
  }
  // "Quarter-final", "Year-on-year", "T-bills", "Twenty-three": a
  // hyphenated compound of dictionary words (or single letters) names nothing.
  bool is_common_compound(uint32_t i) const {
    std::string_view n = norm(i);
    if (n.find('-') == std::string_view::npos) return false;
    size_t b = 0;
    for (;;) {
      size_t e = n.find('-', b);
      std::string_view part = n.substr(b, e == std::string_view::npos ? n.npos : e - b);
      if (part.size() > 1 && !is_common_string(part) && !is_calendar_string(part)) return false;
      if (e == std::string_view::npos) return true;
      b = e + 1;
    }
  }
  // Registry name lists (tools/person_names.mjs).
  bool is_given_name(uint32_t i) const { return has_keyword_class(i, KeywordClass::kGivenName); }
  bool is_family_name(uint32_t i) const { return has_keyword_class(i, KeywordClass::kFamilyName); }

  // Headline-style sentence: mostly ALL CAPS, or Title Case without a final
  // period. Capitals there say nothing about names.
  bool is_headline_case(const Sentence& s) const {
    uint32_t words = 0, caps = 0, long_words = 0, long_capitalized = 0;
    const uint32_t end = s.first_token + s.token_count;
    for (uint32_t i = s.first_token; i < end; ++i) {
      if (tok(i).kind != TokenKind::kWord) continue;
      ++words;
      if (tok(i).has(kTokenAllCaps)) ++caps;
      if (norm(i).size() >= 4) {
        ++long_words;
        if (tok(i).has(kTokenCapitalized)) ++long_capitalized;
      }
    }
    if (words >= 3 && caps * 10 >= words * 6) return true;
    bool final_period = norm(end - 1) == ".";
    return !final_period && long_words >= 4 && long_capitalized * 10 >= long_words * 8;
  }

  // "on the A417", "via the A436, A40 and A429", "the M25 southbound": a
  // British road number (a letter and one to four digits) where the text
  // speaks of a road. Not "Airbus A380" (a model after a name) nor "vitamin
  // B12" (no road words around it).
  bool is_road_number(uint32_t i) const {
    std::string_view w = doc_.slice(tok(i).span);
    if (w.size() < 2 || w.size() > 5 || (w[0] != 'A' && w[0] != 'M' && w[0] != 'B')) return false;
    if (!std::all_of(w.begin() + 1, w.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
        w[1] == '0')
      return false;
    if (i + 1 < doc_.tokens.size()) {
      static constexpr std::string_view kRoadWords[] = {
          "southbound", "northbound", "eastbound",  "westbound", "carriageway", "junction",
          "motorway",   "road",       "roundabout", "slip",      "heading",     "between"};
      if (std::ranges::find(kRoadWords, norm(i + 1)) != std::end(kRoadWords)) return true;
    }
    if (i == 0) return false;
    std::string_view p = norm(i - 1);
    if (p == "the" && i >= 2) p = norm(i - 2);
    static constexpr std::string_view kRoadPrepositions[] = {"on",    "via",  "onto", "off",
                                                             "along", "from", "to"};
    if (std::ranges::find(kRoadPrepositions, p) != std::end(kRoadPrepositions)) return true;
    // The next item of a list of roads: "the A436, A40 and A429".
    if ((p == "," || p == "and") && i >= 2 && i - 2 >= sentence_begin_ && is_road_number(i - 2))
      return true;
    return false;
  }

  // Weekdays and months are dates, not names.
  bool is_calendar_word(uint32_t i) const { return is_calendar_string(norm(i)); }
  static bool is_calendar_string(std::string_view n) {
    static constexpr std::string_view kCalendar[] = {
        "monday",    "tuesday",  "wednesday", "thursday", "friday", "saturday", "sunday",
        "january",   "february", "march",     "april",    "june",   "july",     "august",
        "september", "october",  "november",  "december", "jan.",   "feb.",     "mar.",
        "apr.",      "jun.",     "jul.",      "aug.",     "sep.",   "sept.",    "oct.",
        "nov.",      "dec.",     "sept",      "aug",      "jan",    "feb",      "apr",
        "oct",       "nov",      "dec"};
    for (auto c : kCalendar)
      if (n == c) return true;
    return false;
  }

  // The first word of a sentence or of a quotation.
  bool at_sentence_start(uint32_t i) const {
    return i == sentence_begin_ || (i > 0 && tok(i - 1).has(kTokenOpenQuote));
  }

  void sentence(const Sentence& s) {
    const uint32_t begin = s.first_token, end = s.first_token + s.token_count;
    sentence_begin_ = begin;
    paragraph_start_ = &s == doc_.sentences.data() || (&s - 1)->paragraph != s.paragraph;
    const bool headline = is_headline_case(s);
    results_line_ = is_results_line(s);
    results_lines_ += results_line_;
    uint32_t i = begin;
    while (i < end) {
      if (is_hyphenated_modifier(i) && tok(i).has(kTokenCapitalized) && !headline) {
        add(i, i + 1, EntityType::kMisc, UINT32_MAX, "hyphenated-modifier");
        ++i;
        continue;
      }
      if (is_road_number(i)) {
        add(i, i + 1, EntityType::kFac, UINT32_MAX, "road-number");
        ++i;
        continue;
      }
      if (!is_cap_word(i) || is_calendar_word(i)) {
        ++i;
        continue;
      }
      // Maximal capitalised sequence with inner connectors.
      uint32_t j = i + 1;
      for (;;) {
        while (j < end) {
          if (is_cap_word(j) && !is_calendar_word(j) && !is_road_number(j)) {
            ++j;
          } else if (j + 1 < end && is_name_connector(norm(j)) && is_cap_word(j + 1) &&
                     !(norm(j) == "and" || norm(j) == "for" || norm(j) == "on")) {
            j += 2;
          } else if (is_article_name(j) || is_elided_article_name(j)) {
            ++j;  // al-Sham, el-Sisi, d'Ivoire
          } else {
            break;
          }
        }
        // A known name may hold a word the rule above stops at: "Trinidad
        // and Tobago", "Bosnia and Herzegovina", "People's Republic of China",
        // "Democratic Republic of the Congo".
        uint32_t next_cap = j + 1;
        if (next_cap + 1 < end && norm(j) == "of" && norm(next_cap) == "the") ++next_cap;
        if (next_cap >= end || !is_cap_word(next_cap) ||
            !(is_name_connector(norm(j)) || is_known_name_connector(norm(j)) || norm(j) == "'s"))
          break;
        lexicon::Match known;
        if (!lex_.longest(doc_, i, end, known) || known.end_token <= j + 1 ||
            !is_cap_word(known.end_token - 1) ||
            choose_reading(known, i == begin, headline) == UINT32_MAX)
          break;
        j = known.end_token;
      }
      sequence(i, j, i == begin, headline);
      i = j;
    }
  }

  void add(uint32_t b, uint32_t e, EntityType type, uint32_t lex_value, std::string_view rule) {
    if (b >= e) return;
    Mention m;
    m.token_begin = b;
    m.token_end = e;
    m.span = Span{tok(b).span.begin, tok(e - 1).span.end};
    m.type = type;
    m.lex = lex_value;
    m.rule = rule;
    doc_.mentions.push_back(m);
  }

  // Picks the lexicon reading to use for a match, or UINT32_MAX.
  uint32_t choose_reading(const lexicon::Match& m, bool sentence_start, bool headline) const {
    const uint32_t ntok = m.end_token - m.begin_token;
    const uint32_t prev = m.begin_token;
    bool locative = prev > 0 && [&] {
      std::string_view p = norm(prev - 1);
      return p == "in" || p == "at" || p == "near" || p == "from" || p == "to" || p == "outside" ||
             p == "around" || p == "across" || p == "into" || p == "of";
    }();
    // "between Coggeshall and Marks Tey", "Portroe, Toomevara": the next
    // name of a list that a place or country read from the gazetteer starts
    // ("the Zaire, Bundibugyo and Sudan strains").
    if (!locative && prev >= 2 && !doc_.mentions.empty()) {
      std::string_view p = norm(prev - 1);
      const Mention& last = doc_.mentions.back();
      locative = (p == "and" || p == "or" || p == ",") && last.token_end == prev - 1 &&
                 last.lex != UINT32_MAX && last.type == EntityType::kGpe &&
                 (static_cast<LexKind>(lex_.entry(last.lex).kind) == LexKind::kPlace ||
                  static_cast<LexKind>(lex_.entry(last.lex).kind) == LexKind::kCountry);
    }
    for (uint32_t v : m.entries) {
      const LexEntry& e = lex_.entry(v);
      auto kind = static_cast<LexKind>(e.kind);
      if (kind == LexKind::kKeyword) continue;
      bool alias = lexicon::payload_is_alias(v);
      // Short aliases (AP, IS, UN) must appear in capitals exactly (an
      // organisation's three letters, "Fed", say enough); written
      // abbreviations ("Ga.", "Va.") are deliberate.
      if (alias && ntok == 1 &&
          doc_.slice(tok(m.begin_token).span).size() <= (kind == LexKind::kOrg ? 2u : 3u) &&
          !tok(m.begin_token).has(kTokenAllCaps) && kind != LexKind::kCountry &&
          tok(m.begin_token).kind != TokenKind::kAbbreviation)
        continue;
      if (kind == LexKind::kPlace) {
        // An acronym ("EU", "BC") is not an ordinary place name ("Eu", France).
        if (ntok == 1 && tok(m.begin_token).has(kTokenAllCaps) &&
            doc_.slice(tok(m.begin_token).span).size() <= 3 && !headline) {
          std::string_view name = lex_.str(e.name);
          bool name_caps =
              std::none_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; });
          // Abbreviations of divisions ("NSW") are written so on purpose.
          // "500 BC" is a year.
          bool division_abbreviation =
              alias &&
              std::string_view(e.feature, strnlen(e.feature, sizeof e.feature)) == "ADM1" &&
              !(prev > 0 && !norm(prev - 1).empty() && norm(prev - 1)[0] >= '0' &&
                norm(prev - 1)[0] <= '9');
          if (!name_caps && !division_abbreviation) continue;
        }
        // A town whose name is also a word ("Paisley", "Buffalo") needs a
        // capital and a size, or a locative preposition, or its division or
        // country after it ("Buffalo, New York").
        bool common = (e.flags & lexicon::kLexCommonWord) != 0;
        if (common && !followed_by_own_division(m.end_token, e) &&
            !(is_dateline_at(m.begin_token, m.end_token) && e.population >= 100000) &&
            (sentence_start || headline ||
             e.population < (locative && m.begin_token > sentence_begin_ ? 20000u : 100000u)))
          continue;
        // Small places need support: a locative preposition ("in X"). A
        // county says what it is ("Pike County"). A former division that
        // no town lies in any more ("Vestfold") has no population to judge.
        std::string_view feature(e.feature, strnlen(e.feature, sizeof e.feature));
        if (e.population < 20000 && !locative && feature != "ADM2" &&
            !(feature == "ADM1" && e.population == 0))
          continue;
      }
      return v;
    }
    return UINT32_MAX;
  }

  // ", New York" or ", Scotland" after a town: a first-order division (or
  // the country) that holds it.
  bool followed_by_own_division(uint32_t t, const LexEntry& place) const {
    if (t + 1 >= doc_.tokens.size() || norm(t) != "," || !is_cap_word(t + 1)) return false;
    lexicon::Match m;
    if (!lex_.longest(doc_, t + 1, static_cast<uint32_t>(doc_.tokens.size()), m)) return false;
    for (uint32_t v : m.entries) {
      const LexEntry& d = lex_.entry(v);
      if (d.country[0] != place.country[0] || d.country[1] != place.country[1]) continue;
      std::string_view feature(d.feature, strnlen(d.feature, sizeof d.feature));
      if (static_cast<LexKind>(d.kind) == LexKind::kCountry ||
          (feature == "ADM1" && lex_.str(d.admin1) == lex_.str(place.admin1)))
        return true;
    }
    return false;
  }

  // "Muscat: The festival closed...", "MOBILE — Police said": a place name
  // that opens a paragraph before a colon or dash is its dateline.
  bool is_dateline_at(uint32_t b, uint32_t e) const {
    if (b != sentence_begin_ || !paragraph_start_ || e >= doc_.tokens.size()) return false;
    std::string_view n = norm(e);
    return n == ":" || n == "\xE2\x80\x94" || n == "\xE2\x80\x93" || n == "-" || n == "--";
  }

  bool town_before_its_division(uint32_t i) const {
    lexicon::Match m;
    if (!lex_.longest(doc_, i, i + 1, m)) return false;
    for (uint32_t v : m.entries) {
      const LexEntry& e = lex_.entry(v);
      if (static_cast<LexKind>(e.kind) == LexKind::kPlace && followed_by_own_division(i + 1, e))
        return true;
    }
    return false;
  }

  EntityType type_of(const LexEntry& e) const {
    switch (static_cast<LexKind>(e.kind)) {
      case LexKind::kPlace:
      case LexKind::kCountry:
        return EntityType::kGpe;
      case LexKind::kRegion:
        return e.type == static_cast<uint8_t>(EntityType::kGpe) ? EntityType::kGpe
                                                                : EntityType::kLoc;
      case LexKind::kDemonym:
        return EntityType::kNorp;
      default:
        return static_cast<EntityType>(e.type);
    }
  }

  // "Harlequins 75 Gloucester 19", "Stoke 4 3 1 0 7 4 10": a line of names
  // and numbers with no lower-case words (sports results and standings).
  bool is_results_line(const Sentence& s) const {
    uint32_t numbers = 0;
    const uint32_t end = s.first_token + s.token_count;
    for (uint32_t i = s.first_token; i < end; ++i) {
      const Token& t = tok(i);
      std::string_view n = norm(i);
      if (!n.empty() && n[0] >= '0' && n[0] <= '9') {
        ++numbers;
        continue;
      }
      if (t.kind != TokenKind::kWord || t.has(kTokenCapitalized) || t.has(kTokenAllCaps)) continue;
      if (is_match_word(i) || is_name_connector(n) || n == "'s") continue;
      return false;
    }
    return numbers >= 2;
  }

  // A name followed by a score or standing on a results line is a team
  // (or a player, when it starts with a given name); countries keep their
  // type, national sides being written as the country.
  bool team_in_results(uint32_t b, uint32_t e) {
    if (!results_line_ || e >= doc_.tokens.size()) return false;
    std::string_view next = norm(e);
    if (next.empty() || next[0] < '0' || next[0] > '9') return false;
    lexicon::Match whole;
    const bool known = lex_.longest(doc_, b, e, whole) && whole.end_token == e;
    if (known) {
      for (uint32_t v : whole.entries) {
        auto kind = static_cast<LexKind>(lex_.entry(v).kind);
        if (kind == LexKind::kCountry || kind == LexKind::kOrg || kind == LexKind::kPerson ||
            (kind == LexKind::kPlace && (lex_.entry(v).flags & lexicon::kLexNation)))
          return false;
      }
    }
    if (!(known && has_name_reading_of(whole)) &&
        (person_by_given_name(b, e) || all_person_name_words(b, e)))
      add(b, e, EntityType::kPer, UINT32_MAX, "given-name");
    else
      add(b, e, EntityType::kOrg, UINT32_MAX, "team-in-results");
    return true;
  }

  // Types one capitalised sequence [b, e).
  void sequence(uint32_t b, uint32_t e, bool sentence_start, bool headline) {
    if (team_in_results(b, e)) return;
    // Sentence-initial common words are not names ("The", "Police said"),
    // but a title starts one ("The Minister of Defence", "President Zorg").
    while (b < e && (sentence_start || headline) && is_common_word(b) && !names_country(b) &&
           !keyword(b, e, KeywordClass::kPersonTitle) &&
           !keyword(b, e, KeywordClass::kTitleModifier)) {
      lexicon::Match m;
      bool multi = lex_.longest(doc_, b, e, m) && m.end_token > b + 1 &&
                   choose_reading(m, false, false) != UINT32_MAX;
      // "Mark Crear ( U.S. )", "Dynamo Moscow": a given name or a team's word
      // starts the name.
      if (multi || (is_nominal(b) && (named_after_place(b, e) || person_by_given_name(b, e))))
        break;
      // "Buffalo, New York said": a town that is also a word, before its
      // division or country.
      if (e == b + 1 && (town_before_its_division(b) || is_dateline_at(b, e))) break;
      // "Royal Street heading upriver", "Grand Avenue was closed": a street's
      // name keeps its first word.
      if (e == b + 2 && is_street_word(norm(e - 1))) break;
      ++b;
      sentence_start = false;
    }
    // "The Fed", "the National Bank of Poland": the article is no part of a
    // name the lexicon does not spell with it.
    if (b + 1 < e && norm(b) == "the") {
      lexicon::Match m;
      if (!(lex_.longest(doc_, b, e, m) && m.end_token > b + 1 &&
            choose_reading(m, false, false) != UINT32_MAX))
        ++b;
    }
    while (b < e && !is_cap_word(b)) ++b;  // "of" left after a stripped word
    if (b >= e) return;
    if (split_sequence(b, e, sentence_start, headline)) return;
    // Leading person titles ("Deputy Foreign Minister Sergey Ryabkov") are
    // roles, not part of the name; the rest is a person. Not in a place the
    // gazetteer names whole ("Prince Edward Island", "Queen Anne's County").
    uint32_t k = is_titled_place_name(b, e, sentence_start, headline) ? e : b;
    bool titled = false;
    while (k < e) {
      uint32_t mend = 0;
      if (keyword(k, e, KeywordClass::kPersonTitle, &mend)) {
        k = mend;
        titled = true;
      } else if (keyword(k, e, KeywordClass::kTitleModifier, &mend) ||
                 (!titled && lex_.longest(doc_, k, k + 1, scratch_) &&
                  lex_.entry(scratch_.entries[0]).kind == static_cast<uint8_t>(LexKind::kDemonym) &&
                  k + 1 < e)) {
        k = std::max(mend, k + 1);
      } else {
        break;
      }
    }
    // "Minister of Defence of Azerbaijan": what follows "of" completes the
    // title and names no person; names inside it are typed on their own.
    if (titled && k < e && norm(k) == "of") {
      uint32_t last_of = k;  // the office ("Defence") is no name; the place after the last "of" is
      for (uint32_t t = k; t < e; ++t)
        if (norm(t) == "of") last_of = t;
      if (last_of + 1 < e) sequence(last_of + 1, e, false, headline);
      return;
    }
    if (titled && k < e) {
      lexicon::Match m;
      if (lex_.longest(doc_, k, e, m) && m.end_token == e) {
        uint32_t v = choose_reading(m, false, headline);
        if (v != UINT32_MAX && lex_.entry(v).kind == static_cast<uint8_t>(LexKind::kPerson)) {
          add(k, e, EntityType::kPer, v, "lexicon-person-after-title");
          return;
        }
      }
      // "Economist Joel Naroff of First Union": the person ends before "of".
      for (uint32_t o = k + 2; o + 1 < e; ++o)
        if (norm(o) == "of" && person_by_given_name(k, o)) {
          add(k, o, EntityType::kPer, UINT32_MAX, "person-title");
          sequence(o + 1, e, false, headline);
          return;
        }
      add(k, e, EntityType::kPer, UINT32_MAX, "person-title");
      return;
    }
    if (titled) {
      b = k;  // a bare title ("President"): nothing left
      return;
    }

    // Organisations named by their head word: "X Party", "Ministry of Y".
    uint32_t org_start_end = 0;
    bool org_head = e - b >= 2 && keyword(e - 1, e, KeywordClass::kOrgHead);
    bool org_start = keyword(b, e, KeywordClass::kOrgStart, &org_start_end) && org_start_end < e;
    lexicon::Match whole;
    bool whole_known = lex_.longest(doc_, b, e, whole) && whole.end_token == e &&
                       choose_reading(whole, sentence_start, headline) != UINT32_MAX;
    const bool media_head = e - b >= 2 && keyword(e - 1, e, KeywordClass::kMediaHead);
    // "National Bank of Poland", "Chicago Board of Trade": an organisation
    // head word before "of".
    for (uint32_t o = b + 1; o + 1 < e && !org_head && !org_start; ++o)
      if (norm(o) == "of" && keyword(o - 1, o, KeywordClass::kOrgHead)) org_head = true;
    if ((org_head || org_start || media_head) && !whole_known) {
      bool media =
          media_head || keyword(e - 1, e, KeywordClass::kMediaNoun) || preceded_by_media_noun(b);
      add(b, e, media ? EntityType::kMedia : EntityType::kOrg, UINT32_MAX, "org-head-word");
      return;
    }

    // "the World Cup", "the U.S. Open", "Labour Day": a name ending in an
    // event word names an event, whatever place or person it starts with.
    if (e - b >= 2 && keyword(e - 1, e, KeywordClass::kEventHead) && !whole_known) {
      add(b, e, EntityType::kEvent, UINT32_MAX, "event-head-word");
      return;
    }

    // "the daily Il Faro": a name right after an outlet noun is the outlet's.
    if (!whole_known && preceded_by_media_noun(b)) {
      add(b, e, EntityType::kMedia, UINT32_MAX, "media-noun");
      return;
    }

    if (!whole_known && person_by_given_name(b, e)) {
      add(b, e, EntityType::kPer, UINT32_MAX, "given-name");
      return;
    }
    // "Kasai Occidental province", "the Nueva Ecija province": a name before
    // a lower-case division word is a place, whatever words it holds.
    if (!whole_known && !headline && e < doc_.tokens.size() && !is_cap_word(e) &&
        keyword(e, e + 1, KeywordClass::kPlaceQualifier)) {
      add(b, e, EntityType::kGpe, UINT32_MAX, "place-qualifier");
      return;
    }
    if (!whole_known && !headline && named_after_place(b, e)) {
      add(b, e, EntityType::kOrg, UINT32_MAX, "name-with-place");
      return;
    }

    // "Granby Street", "Rogers Centre", "Kingsley Road": a name ending in a
    // facility word names a street or building, whatever place or person
    // its first words also name.
    if (e - b >= 2 && !whole_known && !headline && is_facility_word(norm(e - 1))) {
      add(b, e, EntityType::kLoc, UINT32_MAX, "facility-word");
      return;
    }

    // Otherwise: lexicon readings left to right; unknown stretches between them.
    uint32_t i = b, unknown_start = b;
    while (i < e) {
      lexicon::Match m;
      uint32_t v = UINT32_MAX;
      if (lex_.longest(doc_, i, e, m)) v = choose_reading(m, sentence_start && i == b, headline);
      // Folded (transliteration) matches only for names of two or more
      // words: single short words fold together too easily ("Nous"/"Neuss").
      // A single word written with diacritics the gazetteer spells without
      // them ("Zaïre") is the same name.
      // So is a word with an Arabic article joined by a hyphen ("Al-Minya"
      // for Minya): the article marks a transliteration.
      if (v == UINT32_MAX && lex_.longest_folded(doc_, i, e, m) &&
          (m.end_token - i >= 2 || has_latin_diacritic(i) || has_article_prefix(i)))
        v = choose_reading(m, sentence_start && i == b, headline);
      if (v == UINT32_MAX && lex_.hyphen_joined(doc_, i, m))
        v = choose_reading(m, sentence_start && i == b, headline);
      if (v == UINT32_MAX) {
        ++i;
        continue;
      }
      // A one-word place inside a run of unknown name-like words is part of
      // a person's name: "David Platt", "Van der Berg" (David, Panama; Van, Turkey).
      const LexEntry& entry = lex_.entry(v);
      auto kind = static_cast<LexKind>(entry.kind);
      if (m.end_token - i == 1 && (kind == LexKind::kPlace || kind == LexKind::kRegion) &&
          ((i > b && is_name_like(i - 1)) || (m.end_token < e && is_name_like(m.end_token)))) {
        ++i;
        continue;
      }
      unknown(unknown_start, i, headline);
      EntityType t = type_of(entry);
      if (t == EntityType::kOrg && preceded_by_media_noun(i)) t = EntityType::kMedia;
      add(i, m.end_token, t, v, "lexicon");
      i = unknown_start = m.end_token;
    }
    unknown(unknown_start, e, headline);
  }

  // "Prince Edward Island", "Queen Anne's County", "DR Congo": a place of
  // three or more words, or a country, that starts with a person title and
  // that the gazetteer knows whole. Two words stay a person ("Prince George").
  bool is_titled_place_name(uint32_t b, uint32_t e, bool sentence_start, bool headline) const {
    if (e - b < 2 || !keyword(b, b + 1, KeywordClass::kPersonTitle)) return false;
    lexicon::Match m;
    if (!lex_.longest(doc_, b, e, m) || m.end_token != e) return false;
    const uint32_t v = choose_reading(m, sentence_start, headline);
    if (v == UINT32_MAX) return false;
    auto kind = static_cast<LexKind>(lex_.entry(v).kind);
    if (kind == LexKind::kCountry) return true;
    return e - b >= 3 && (kind == LexKind::kPlace || kind == LexKind::kRegion);
  }

  // Splits a capitalised sequence that holds more than one name; types the
  // parts and returns true, or returns false to type it as one.
  //  - "Federal Reserve Governor Lawrence Lindsey", "Bosnian President Alija
  //    Izetbegovic": a person title inside the sequence ends the name before
  //    it; the words after it are the person.
  //  - "John Casesa of Schroder Wertheim": a person's name before "of".
  //  - "Douglas & Lomason", "McDonald & Co": a name joined by "&" is a firm.
  bool split_sequence(uint32_t b, uint32_t e, bool sentence_start, bool headline) {
    for (uint32_t t = b + 1; t < e; ++t) {
      uint32_t mend = 0;
      if (!keyword(t, e, KeywordClass::kPersonTitle, &mend) || mend >= e) continue;
      if (norm(mend) == "of" || !is_cap_word(mend)) continue;
      // Modifiers of the title belong to it: "Assistant Secretary", "Education Minister".
      uint32_t title = t;
      while (title > b && !ends_known_name(b, title) &&
             (keyword(title - 1, title, KeywordClass::kTitleModifier) ||
              (is_common_word(title - 1) && !is_given_name(title - 1) &&
               !keyword(title - 1, title, KeywordClass::kOrgHead) && !has_name_reading(title - 1))))
        --title;
      if (title == b) return false;  // a leading title: sequence() handles it
      sequence(b, title, sentence_start, headline);
      sequence(title, e, false, headline);
      return true;
    }
    for (uint32_t t = b + 2; t + 1 < e; ++t) {
      if (norm(t) != "of") continue;
      if (person_by_given_name(b, t)) {
        add(b, t, EntityType::kPer, UINT32_MAX, "given-name");
        sequence(t + 1, e, false, headline);
        return true;
      }
      break;
    }
    for (uint32_t t = b + 1; t + 1 < e; ++t) {
      if (norm(t) != "&") continue;
      lexicon::Match whole;
      if (lex_.longest(doc_, b, e, whole) && whole.end_token == e) return false;
      add(b, e, EntityType::kOrg, UINT32_MAX, "ampersand-firm");
      return true;
    }
    return false;
  }

  // Whether a name the lexicon knows (no keyword) of two or more words ends
  // at token `end`, starting at b or later: "United States" in "United
  // States President George W. Bush" keeps "States", a common word that
  // would otherwise be taken for a modifier of the title.
  bool ends_known_name(uint32_t b, uint32_t end) const {
    for (uint32_t s = b; s + 1 < end; ++s) {
      lexicon::Match m;
      if (lex_.longest(doc_, s, end, m) && m.end_token == end && has_name_reading_of(m))
        return true;
    }
    return false;
  }

  bool has_name_reading_of(const lexicon::Match& m) const {
    for (uint32_t v : m.entries)
      if (static_cast<LexKind>(lex_.entry(v).kind) != LexKind::kKeyword) return true;
    return false;
  }

  bool is_demonym(uint32_t i) const {
    lexicon::Match m;
    if (!lex_.longest(doc_, i, i + 1, m) || m.end_token != i + 1) return false;
    return static_cast<LexKind>(lex_.entry(m.entries[0]).kind) == LexKind::kDemonym;
  }

  // A noun or adjective by its part of speech ("Said", "In" at a sentence
  // start are not).
  bool is_nominal(uint32_t i) const {
    switch (tok(i).pos) {
      case Pos::kNN:
      case Pos::kNNS:
      case Pos::kNNP:
      case Pos::kNNPS:
      case Pos::kJJ:
      case Pos::kVB:
      case Pos::kNone:
        return true;
      default:
        return false;
    }
  }

  // Any lexicon reading of the token other than a keyword.
  bool has_name_reading(uint32_t i) const {
    lexicon::Match m;
    if (!lex_.longest(doc_, i, i + 1, m)) return false;
    for (uint32_t v : m.entries)
      if (static_cast<LexKind>(lex_.entry(v).kind) != LexKind::kKeyword) return true;
    return false;
  }

  // A city of 100,000 or more that is no dictionary word ("Seattle", "Dallas").
  bool names_large_city(uint32_t i) const {
    lexicon::Match m;
    if (!lex_.longest(doc_, i, i + 1, m) || is_common_word(i)) return false;
    for (uint32_t v : m.entries) {
      const LexEntry& e = lex_.entry(v);
      if (static_cast<LexKind>(e.kind) == LexKind::kPlace && !lexicon::payload_is_alias(v) &&
          e.population >= 100000)
        return true;
    }
    return false;
  }

  static bool is_building_word(std::string_view n) {
    static constexpr std::string_view kWords[] = {"inn",    "hotel",   "theatre", "theater",
                                                  "church", "chapel",  "school",  "college",
                                                  "tower",  "library", "museum",  "cinema"};
    return std::ranges::find(kWords, n) != std::end(kWords);
  }

  // A lexicon reading of a token that says "this is no person's name part":
  // a country, a demonym, an organisation or region.
  bool has_non_person_reading(uint32_t i) const {
    lexicon::Match m;
    if (!lex_.longest(doc_, i, i + 1, m)) return false;
    for (uint32_t v : m.entries) {
      auto kind = static_cast<LexKind>(lex_.entry(v).kind);
      if (kind == LexKind::kCountry || kind == LexKind::kDemonym || kind == LexKind::kOrg ||
          kind == LexKind::kRegion)
        return true;
    }
    return false;
  }

  // "Lindsay Davenport", "Bill Clinton", "Miguel Angel Jimenez", "N. Knight":
  // two to four words that start with a given name (registry lists) and go
  // on with name words, not dictionary words ("Jones Medical"), is a person,
  // whatever places the words are also the names of.
  bool person_by_given_name(uint32_t b, uint32_t e) const {
    const uint32_t n = e - b;
    if (n < 2 || n > 4) return false;
    const bool initial = tok(b).kind == TokenKind::kAbbreviation && norm(b).size() == 2;
    if (!initial && !is_given_name(b)) return false;
    if (is_direction_word(norm(b)) || is_geographic_word(norm(b))) return false;
    if (tok(b).has(kTokenAllCaps) && norm(b).size() > 1 && !initial) {
      // "KEVIN BROWN" in a headline is fine; an acronym ("IBM Corp") is not.
      if (norm(b).size() <= 3) return false;
    }
    // A country, nationality or city as a first name ("Chad", "German",
    // "Seattle Seahawks", "Cambridge Analytica") needs a known family name after it.
    const bool weak_first = has_non_person_reading(b) || names_large_city(b);
    for (uint32_t i = b + 1; i < e; ++i) {
      if (!is_cap_word(i) && !is_name_connector(norm(i))) return false;
      if (is_name_connector(norm(i))) {
        if (norm(i) == "of" || norm(i) == "and" || norm(i) == "for" || norm(i) == "on" ||
            norm(i) == "&")
          return false;
        continue;
      }
      const bool family = is_family_name(i) || is_given_name(i);
      // "Rogers Centre", "Christopher Inn": a building named after a person.
      if (i + 1 == e && (is_facility_word(norm(i)) || is_building_word(norm(i)))) return false;
      if (keyword(i, i + 1, KeywordClass::kOrgHead) || is_geographic_word(norm(i)) ||
          keyword(i, i + 1, KeywordClass::kPlaceQualifier))
        return false;
      // A dictionary word may be a family name ("Mark Butcher", "Tiger
      // Woods") when it ends a two-word name.
      const bool last_word_of_two = n == 2 && i + 1 == e && !weak_first;
      if (is_common_word(i) && !family && !last_word_of_two) return false;
      if (has_non_person_reading(i) && !family) return false;
      if (weak_first && !family) return false;
    }
    return true;
  }

  // "Wasim Akram": two or more words, each a given or family name of the
  // registry lists and none a dictionary word.
  bool all_person_name_words(uint32_t b, uint32_t e) const {
    if (e - b < 2) return false;
    for (uint32_t i = b; i < e; ++i)
      if (!is_cap_word(i) || is_common_word(i) || !(is_given_name(i) || is_family_name(i)))
        return false;
    return true;
  }

  // "Severine Potty , 19 ,", "Baratelli , who played": an age in commas or
  // "who" after a name says it is a person's.
  bool person_context(uint32_t e) const {
    const uint32_t n = static_cast<uint32_t>(doc_.tokens.size());
    if (e + 1 >= n || norm(e) != ",") return false;
    if (norm(e + 1) == "who" || norm(e + 1) == "whose") return true;
    if (e + 2 >= n || norm(e + 2) != ",") return false;
    std::string_view age = norm(e + 1);
    return (age.size() == 1 || age.size() == 2) &&
           std::all_of(age.begin(), age.end(), [](char c) { return c >= '0' && c <= '9'; });
  }

  // "Dynamo Moscow", "Air France", "Statistics Canada", "Philadelphia Eagles":
  // a place's name together with other words that are not geographic
  // (Northern, Greater, Port, Lake) names an organisation or team.
  bool named_after_place(uint32_t b, uint32_t e) const {
    if (e - b < 2 || e - b > 4) return false;
    uint32_t places = 0, others = 0;
    for (uint32_t i = b; i < e;) {
      lexicon::Match m;
      if (lex_.longest(doc_, i, e, m)) {
        bool place = false;
        for (uint32_t v : m.entries) {
          auto kind = static_cast<LexKind>(lex_.entry(v).kind);
          if (kind == LexKind::kPlace || kind == LexKind::kCountry) place = true;
          if (kind == LexKind::kDemonym || kind == LexKind::kRegion || kind == LexKind::kOrg ||
              kind == LexKind::kPerson)
            return false;
        }
        if (place && !(m.end_token - i == 1 && is_common_word(i))) {
          ++places;
          i = m.end_token;
          continue;
        }
      }
      // The other words are dictionary words ("Dynamo", "Air", "Eagles"):
      // unknown words next to a place are more often a person's name
      // ("Isel Lopez").
      if (!is_cap_word(i) || !is_nominal(i) || is_geographic_word(norm(i)) ||
          keyword(i, i + 1, KeywordClass::kPlaceQualifier) ||
          keyword(i, i + 1, KeywordClass::kPersonTitle) ||
          keyword(i, i + 1, KeywordClass::kTitleModifier) || is_given_name(i) ||
          (!is_common_word(i) && !tok(i).has(kTokenAllCaps)))
        return false;
      ++others;
      ++i;
    }
    return places == 1 && others >= 1;
  }

  static bool is_facility_word(std::string_view n) {
    static constexpr std::string_view kWords[] = {
        "road",      "street",   "avenue",    "square",    "park",     "stadium",    "airport",
        "prison",    "jail",     "bridge",    "palace",    "castle",   "cathedral",  "mosque",
        "temple",    "hospital", "camp",      "centre",    "center",   "arena",      "racecourse",
        "circuit",   "heights",  "hills",     "mountains", "valley",   "river",      "beach",
        "harbour",   "harbor",   "plaza",     "strait",    "canal",    "island",     "islands",
        "peninsula", "desert",   "lake",      "sea",       "ocean",    "gulf",       "bay",
        "drive",     "lane",     "boulevard", "tower",     "cemetery", "roundabout", "camps",
        "slum",      "slums",    "area"};
    return std::ranges::find(kWords, n) != std::end(kWords);
  }
  // "Lake Pontchartrain", "Mount Kenya", "Cape Comorin": a natural feature
  // named by its first word.
  static bool is_natural_feature_word(std::string_view n) {
    return n == "lake" || n == "mount" || n == "mt." || n == "cape" || n == "isle" || n == "loch";
  }
  static bool is_street_word(std::string_view n) {
    static constexpr std::string_view kWords[] = {"street", "avenue", "road",      "lane",
                                                  "drive",  "square", "boulevard", "parade"};
    return std::ranges::find(kWords, n) != std::end(kWords);
  }
  static bool is_direction_word(std::string_view n) {
    static constexpr std::string_view kWords[] = {"north",    "south",    "east",    "west",
                                                  "northern", "southern", "eastern", "western",
                                                  "central",  "far",      "upper",   "lower"};
    return std::ranges::find(kWords, n) != std::end(kWords);
  }

  static bool is_geographic_word(std::string_view n) {
    static constexpr std::string_view kWords[] = {
        "north",    "south",    "east",         "west",    "northern",  "southern", "eastern",
        "western",  "central",  "greater",      "upper",   "lower",     "new",      "old",
        "port",     "mount",    "mt",           "mt.",     "lake",      "cape",     "fort",
        "gulf",     "bay",      "island",       "islands", "river",     "valley",   "coast",
        "republic", "kingdom",  "saint",        "st",      "st.",       "san",      "santa",
        "airport",  "stadium",  "park",         "square",  "street",    "road",     "bridge",
        "avenue",   "palace",   "hall",         "castle",  "cathedral", "church",   "mosque",
        "hospital", "prison",   "camp",         "heights", "hills",     "beach",    "harbour",
        "harbor",   "downtown", "metropolitan", "gate",    "plaza",     "strait",   "sea"};
    return std::ranges::find(kWords, n) != std::end(kWords);
  }

  // "Dole", "King", "Woods": a capitalised dictionary word inside a sentence
  // is a name when a person named in full in the document ends in it.
  void surnames_that_are_words() {
    std::vector<std::string_view> surnames;
    for (const Mention& m : doc_.mentions)
      if (m.type == EntityType::kPer && m.token_end - m.token_begin >= 2 &&
          is_common_word(m.token_end - 1))
        surnames.push_back(norm(m.token_end - 1));
    if (surnames.empty()) return;
    std::vector<bool> covered(doc_.tokens.size(), false);
    for (const Mention& m : doc_.mentions)
      for (uint32_t t = m.token_begin; t < m.token_end; ++t) covered[t] = true;
    const size_t before = doc_.mentions.size();
    for (const Sentence& s : doc_.sentences) {
      if (is_headline_case(s)) continue;
      for (uint32_t i = s.first_token + 1; i < s.first_token + s.token_count; ++i) {
        if (covered[i] || !tok(i).has(kTokenCapitalized) || tok(i).has(kTokenAllCaps)) continue;
        if (std::find(surnames.begin(), surnames.end(), norm(i)) == surnames.end()) continue;
        add(i, i + 1, EntityType::kPer, UINT32_MAX, "surname-of-named-person");
      }
    }
    if (doc_.mentions.size() != before)
      std::sort(doc_.mentions.begin(), doc_.mentions.end(),
                [](const Mention& a, const Mention& b) { return a.token_begin < b.token_begin; });
  }

  // "China", "Turkey", "Chad", "US" are also dictionary words, but a
  // capitalised one starting a sentence or in a headline is the country.
  bool names_country(uint32_t i) const {
    if (!tok(i).has(kTokenCapitalized) && !tok(i).has(kTokenAllCaps)) return false;
    lexicon::Match m;
    if (!lex_.longest(doc_, i, i + 1, m)) return false;
    for (uint32_t v : m.entries)
      if (lex_.entry(v).kind == static_cast<uint8_t>(LexKind::kCountry) &&
          (!lexicon::payload_is_alias(v) || tok(i).has(kTokenAllCaps) || norm(i).size() >= 4))
        return true;
    return false;
  }

  // "Russian President Vladimir Putin", "the Syrian Deputy Foreign Minister":
  // a nationality before a title is left out of the person's name; it still
  // names a group (NORP) of its own.
  void demonyms_before_titles() {
    std::vector<bool> covered(doc_.tokens.size(), false);
    for (const Mention& m : doc_.mentions)
      for (uint32_t t = m.token_begin; t < m.token_end; ++t) covered[t] = true;
    const size_t before = doc_.mentions.size();
    for (uint32_t i = 0; i + 1 < doc_.tokens.size(); ++i) {
      if (covered[i] || !is_cap_word(i) || !is_cap_word(i + 1)) continue;
      if (!keyword(i + 1, i + 2, KeywordClass::kPersonTitle) &&
          !keyword(i + 1, i + 2, KeywordClass::kTitleModifier))
        continue;
      lexicon::Match m;
      if (!lex_.longest(doc_, i, i + 1, m)) continue;
      for (uint32_t v : m.entries) {
        if (lex_.entry(v).kind != static_cast<uint8_t>(LexKind::kDemonym)) continue;
        add(i, i + 1, EntityType::kNorp, v, "demonym-before-title");
        break;
      }
    }
    if (doc_.mentions.size() != before)
      std::sort(doc_.mentions.begin(), doc_.mentions.end(),
                [](const Mention& a, const Mention& b) { return a.token_begin < b.token_begin; });
  }

  // A name the lexicon does not know is typed by its context where it has
  // one ("in Longyear", "Severine Potty , 19 ,"); its other mentions in the
  // document, typed only by default, take that type.
  void consistent_types_of_unknown_names() {
    auto weak = [](const Mention& m) {
      return m.lex == UINT32_MAX &&
             (m.rule == std::string_view("capitalised-word") ||
              m.rule == std::string_view("name-shape") || m.rule == std::string_view("acronym"));
    };
    auto strong = [](const Mention& m) {
      static constexpr std::string_view kRules[] = {
          "locative-preposition", "place-qualifier", "facility-word", "person-context",
          "name-after-title",     "person-title",    "given-name",    "org-head-word",
          "settlement-noun",      "list-of-places",  "place-in-place"};
      if (m.lex != UINT32_MAX) return false;
      for (auto r : kRules)
        if (m.rule == r) return true;
      return false;
    };
    std::vector<std::pair<std::string, EntityType>> typed;
    for (const Mention& m : doc_.mentions)
      if (strong(m)) typed.emplace_back(words_of(m), m.type);
    if (typed.empty()) return;
    for (Mention& m : doc_.mentions) {
      if (!weak(m)) continue;
      const std::string k = words_of(m);
      int found = 0;
      EntityType type = m.type;
      for (const auto& [tk, tt] : typed)
        if (tk == k && (found == 0 || tt != type)) {
          type = tt;
          ++found;
        }
      if (found != 1 || type == m.type) continue;
      m.type = type;
      m.rule = "same-name-typed-elsewhere";
    }
  }

  // "Given , Breen , Staunton , Irwin": in a list of names joined by commas
  // and "and", one-word names the recognizer could not type (guessed as
  // organisations) are people when the list holds a person and no
  // organisation the lexicon or a head word named.
  // The end of the run of mentions from mentions[i] that follow each other
  // with one separator between them: a comma, "and", or also "or".
  size_t list_end(size_t i, bool or_joins) const {
    size_t j = i + 1;
    while (j < doc_.mentions.size()) {
      const Mention& a = doc_.mentions[j - 1];
      const Mention& b = doc_.mentions[j];
      std::string_view sep = a.token_end < b.token_begin ? norm(a.token_end) : "";
      if (b.token_begin != a.token_end + 1 ||
          (sep != "," && sep != "and" && !(or_joins && sep == "or")))
        break;
      ++j;
    }
    return j;
  }

  void lists_of_people() {
    size_t i = 0;
    while (i < doc_.mentions.size()) {
      size_t j = list_end(i, false);
      if (j - i >= 3) {
        bool person = false, organisation = false;
        for (size_t k = i; k < j; ++k) {
          const Mention& m = doc_.mentions[k];
          if (m.type == EntityType::kPer) person = true;
          if (m.type == EntityType::kOrg && m.rule != std::string_view("capitalised-word"))
            organisation = true;
        }
        if (person && !organisation)
          for (size_t k = i; k < j; ++k) {
            Mention& m = doc_.mentions[k];
            if (m.rule != std::string_view("capitalised-word")) continue;
            m.type = EntityType::kPer;
            m.rule = "list-of-people";
          }
      }
      i = j;
    }
  }

  // "Suba, Migori, Rongo and Siaya", "villages of Bumbacari and Dudescu":
  // in a list of names joined by commas, "and" or "or", one-word names the
  // recognizer could not type (guessed as organisations) are places when
  // the list holds a place and no person or organisation.
  void lists_of_places() {
    auto is_place = [&](const Mention& m) {
      if (m.type != EntityType::kGpe && m.type != EntityType::kLoc) return false;
      if (m.lex == UINT32_MAX)
        return m.rule == std::string_view("settlement-noun") ||
               m.rule == std::string_view("place-qualifier") ||
               m.rule == std::string_view("place-in-place");
      auto kind = static_cast<LexKind>(lex_.entry(m.lex).kind);
      return kind == LexKind::kPlace || kind == LexKind::kCountry || kind == LexKind::kRegion;
    };
    auto guessed = [](const Mention& m) {
      return m.rule == std::string_view("capitalised-word") && m.type == EntityType::kOrg &&
             m.token_end - m.token_begin == 1;
    };
    size_t i = 0;
    while (i < doc_.mentions.size()) {
      size_t j = list_end(i, true);
      if (j - i >= 2) {
        bool place = false, other = false;
        for (size_t k = i; k < j; ++k) {
          const Mention& m = doc_.mentions[k];
          if (is_place(m))
            place = true;
          else if (!guessed(m))
            other = true;
        }
        if (place && !other)
          for (size_t k = i; k < j; ++k) {
            Mention& m = doc_.mentions[k];
            if (!guessed(m)) continue;
            m.type = EntityType::kGpe;
            m.rule = "list-of-places";
          }
      }
      i = j;
    }
  }

  // "Real" after "Real Madrid", "Rotor" after "Rotor Volgograd": a team
  // named with its town is also named without it, in the same document.
  void short_names_of_teams() {
    std::vector<std::string_view> short_names;
    for (const Mention& m : doc_.mentions)
      if (m.rule == std::string_view("name-with-place") && m.token_end - m.token_begin == 2 &&
          !has_name_reading(m.token_begin))
        short_names.push_back(norm(m.token_begin));
    if (short_names.empty()) return;
    std::vector<bool> covered(doc_.tokens.size(), false);
    for (const Mention& m : doc_.mentions)
      for (uint32_t t = m.token_begin; t < m.token_end; ++t) covered[t] = true;
    const size_t before = doc_.mentions.size();
    for (uint32_t i = 0; i < doc_.tokens.size(); ++i) {
      if (covered[i] || !is_cap_word(i)) continue;
      if (std::find(short_names.begin(), short_names.end(), norm(i)) == short_names.end()) continue;
      if (i + 1 < doc_.tokens.size() && is_cap_word(i + 1)) continue;  // part of another name
      add(i, i + 1, EntityType::kOrg, UINT32_MAX, "short-name-of-team");
    }
    if (doc_.mentions.size() != before)
      std::sort(doc_.mentions.begin(), doc_.mentions.end(),
                [](const Mention& a, const Mention& b) { return a.token_begin < b.token_begin; });
  }

  // A small place needs a locative preposition to be read as one ("in
  // Dadaab"), because small-place names collide with everything. A name
  // left untyped or guessed as an organisation that is a small place of a
  // country the document names (by country, nationality, capital or
  // division) is that place.
  void small_places_of_focus_countries() {
    std::vector<std::array<char, 2>> countries;
    for (const Mention& m : doc_.mentions) {
      if (m.lex == UINT32_MAX) continue;
      const LexEntry& e = lex_.entry(m.lex);
      auto kind = static_cast<LexKind>(e.kind);
      std::string_view feature(e.feature, strnlen(e.feature, sizeof e.feature));
      // Counties too ("Essex", "Cuyahoga County"): a local story seldom names its country.
      if (e.country[0] && (kind == LexKind::kCountry || kind == LexKind::kDemonym ||
                           (e.flags & lexicon::kLexCapital) || feature.starts_with("ADM")))
        countries.push_back({e.country[0], e.country[1]});
    }
    if (countries.empty()) return;
    for (Mention& m : doc_.mentions) {
      if (m.lex != UINT32_MAX) continue;
      if (m.rule != std::string_view("capitalised-word") &&
          m.rule != std::string_view("locative-preposition") &&
          m.rule != std::string_view("place-qualifier") &&
          m.rule != std::string_view("settlement-noun") &&
          m.rule != std::string_view("list-of-places") &&
          m.rule != std::string_view("place-in-place") &&
          !(m.rule == std::string_view("facility-word") && m.token_end < doc_.tokens.size() &&
            norm(m.token_end) == "area"))  // "the Innisfail area"
        continue;
      lexicon::Match match;
      if (!lex_.longest(doc_, m.token_begin, m.token_end, match) || match.end_token != m.token_end)
        continue;
      for (uint32_t v : match.entries) {
        const LexEntry& e = lex_.entry(v);
        if (static_cast<LexKind>(e.kind) != LexKind::kPlace) continue;
        std::array<char, 2> c{e.country[0], e.country[1]};
        if (std::find(countries.begin(), countries.end(), c) == countries.end()) continue;
        m.type = EntityType::kGpe;
        m.lex = v;
        m.rule = "small-place-of-focus-country";
        break;
      }
    }
  }

  // A mention does not decide a name's type alone: "A Nenagh councillor
  // said" guesses an unknown word, "the houses in Nenagh" reads the town
  // from the gazetteer. A name guessed from its shape only takes the
  // gazetteer reading that another mention of the same words got.
  void names_read_as_places_elsewhere() {
    std::vector<std::pair<std::string, const Mention*>> places;
    for (const Mention& m : doc_.mentions) {
      if (m.lex == UINT32_MAX || (m.type != EntityType::kGpe && m.type != EntityType::kLoc))
        continue;
      auto kind = static_cast<LexKind>(lex_.entry(m.lex).kind);
      if (kind == LexKind::kPlace || kind == LexKind::kCountry || kind == LexKind::kRegion)
        places.emplace_back(words_of(m), &m);
    }
    if (places.empty()) return;
    static constexpr std::string_view kGuesses[] = {"capitalised-word", "name-shape", "acronym",
                                                    "locative-preposition", "place-qualifier"};
    for (Mention& m : doc_.mentions) {
      if (m.lex != UINT32_MAX || std::ranges::find(kGuesses, m.rule) == std::end(kGuesses))
        continue;
      const std::string k = words_of(m);
      for (const auto& [pk, p] : places) {
        if (pk != k) continue;
        m.lex = p->lex;
        m.type = p->type;
        m.rule = "same-name-read-as-place";
        break;
      }
    }
  }

  // A score or a standing after a name ("Surrey 429-7", "HOUSTON 72 63"),
  // not a date ("1996-08-30") or a year.
  bool is_score(uint32_t i) const {
    std::string_view n = norm(i);
    if (n.empty() || n[0] < '0' || n[0] > '9') return false;
    if (std::count(n.begin(), n.end(), '-') >= 2 || n.find('/') != std::string_view::npos)
      return false;
    const bool year = n.size() == 4 &&
                      std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; });
    return !year;
  }

  bool is_match_word(uint32_t i) const {
    std::string_view n = norm(i);
    return n == "v" || n == "v." || n == "vs" || n == "vs." || n == "beat" || n == "beats";
  }

  // Sports metonymy: a town or county that scores, beats or plays ("Kent
  // 108-3", "Leicestershire beat Somerset", "Essex v Surrey") is its team,
  // an organisation. Countries keep their type (national sides are
  // written as the country). Once a place is a team in a document, its
  // other mentions there are the team too.
  void teams_named_by_places() {
    std::vector<uint32_t> team_entries;
    auto is_town = [&](const Mention& m) {
      if (m.lex == UINT32_MAX || m.type != EntityType::kGpe) return false;
      const LexEntry& e = lex_.entry(m.lex);
      return static_cast<LexKind>(e.kind) == LexKind::kPlace && !(e.flags & lexicon::kLexNation);
    };
    // "NEW YORK 1996-08-30": a dateline names the place the story is from.
    // "BIRMINGHAM , England 1996-08-31" too.
    auto is_dateline = [&](const Mention& m) {
      uint32_t t = m.token_end;
      if (t + 1 < doc_.tokens.size() && norm(t) == "," && is_cap_word(t + 1)) {
        t += 1;
        while (t < doc_.tokens.size() && is_cap_word(t)) ++t;
      }
      if (t >= doc_.tokens.size()) return false;
      std::string_view n = norm(t);
      return !n.empty() && n[0] >= '0' && n[0] <= '9' && !is_score(t);
    };
    // "in Chicago", "at Edgbaston": where a match is played.
    auto is_venue = [&](const Mention& m) {
      if (m.token_begin == 0) return false;
      std::string_view p = norm(m.token_begin - 1);
      return p == "in" || p == "at" || p == "near" || p == "outside" || p == "across" ||
             p == "around";
    };
    for (const Mention& m : doc_.mentions) {
      if (!is_town(m)) continue;
      const bool next_score = m.token_end < doc_.tokens.size() && is_score(m.token_end);
      const bool next_match = m.token_end + 1 < doc_.tokens.size() && is_match_word(m.token_end) &&
                              is_cap_word(m.token_end + 1);
      const bool prev_match =
          m.token_begin >= 2 && is_match_word(m.token_begin - 1) && is_cap_word(m.token_begin - 2);
      if (next_score || next_match || prev_match)
        team_entries.push_back(lexicon::payload_entry(m.lex));
    }
    // A sports report (three places seen scoring or playing, or a results
    // line): every town there is its team, except venues and datelines.
    std::vector<uint32_t> distinct_teams = team_entries;
    std::sort(distinct_teams.begin(), distinct_teams.end());
    distinct_teams.erase(std::unique(distinct_teams.begin(), distinct_teams.end()),
                         distinct_teams.end());
    const bool sports_report = distinct_teams.size() >= 3 || results_lines_ > 0;
    // "the mayor of Sacramento, Calif.": a place named with its state, or a
    // state or province, is the place even in a sports report.
    auto is_place_written_as_place = [&](const Mention& m) {
      const LexEntry& e = lex_.entry(m.lex);
      if (std::string_view(e.feature, strnlen(e.feature, sizeof e.feature)) == "ADM1") return true;
      if (m.token_begin > 0 &&
          (norm(m.token_begin - 1) == "of" || norm(m.token_begin - 1) == "from"))
        return true;
      return m.token_end + 1 < doc_.tokens.size() && norm(m.token_end) == "," &&
             is_cap_word(m.token_end + 1) && !is_score(m.token_end + 1);
    };
    if (team_entries.empty() && !sports_report) return;
    for (Mention& m : doc_.mentions) {
      if (!is_town(m) || is_dateline(m)) continue;
      const bool known_team = std::find(team_entries.begin(), team_entries.end(),
                                        lexicon::payload_entry(m.lex)) != team_entries.end();
      if (!known_team && !(sports_report && !is_venue(m) && !is_place_written_as_place(m)))
        continue;
      m.type = EntityType::kOrg;
      m.lex = UINT32_MAX;
      m.rule = "team-named-by-place";
    }
  }

  // "midfielder Donato", "campaign manager Peter Knight": a lower-case
  // role right before a name says it is a person's.
  bool preceded_by_lowercase_title(uint32_t i) const {
    if (i == 0 || tok(i - 1).kind != TokenKind::kWord || tok(i - 1).has(kTokenCapitalized))
      return false;
    return keyword(i - 1, i, KeywordClass::kPersonTitle);
  }

  bool preceded_by_media_noun(uint32_t i) const {
    for (uint32_t back = 1; back <= 2 && i >= back; ++back)
      if (keyword(i - back, i, KeywordClass::kMediaNoun)) return true;
    return false;
  }

  // A name the lexicon does not know.
  void unknown(uint32_t b, uint32_t e, bool headline) {
    // In headlines, capitals mark nothing: only name-like words count, and
    // common words split the run ("IN WORLD CUP QUALIFIER" is no name).
    if (headline) {
      headline_run_ = true;
      uint32_t run = b;
      for (uint32_t i = b; i <= e; ++i) {
        if (i < e && !is_common_word(i)) continue;
        if (i > run) unknown_run(run, i);
        run = i + 1;
      }
      headline_run_ = false;
      return;
    }
    unknown_run(b, e);
  }

  // Abbreviations of common nouns that news writes in capitals: time zones,
  // economic and sports statistics, diseases, technologies.
  static bool is_common_abbreviation(std::string_view n) {
    static constexpr std::string_view kWords[] = {
        "gmt", "edt", "est", "cet",  "bst", "utc", "pdt", "pst", "cdt",  "gdp", "gnp",  "cpi",
        "ppi", "pmi", "ipo", "ceo",  "cfo", "rbi", "era", "mvp", "aids", "hiv", "sars", "dna",
        "tv",  "pc",  "atm", "isdn", "gps", "mln", "bln", "pct", "vat",  "faq", "am",   "pm"};
    return std::ranges::find(kWords, n) != std::end(kWords);
  }

  static bool is_political_group(std::string_view n) {
    static constexpr std::string_view kGroups[] = {
        "democrats", "republicans",  "socialists", "communists", "conservatives", "liberals",
        "greens",    "nationalists", "unionists",  "loyalists",  "royalists",     "federalists"};
    for (auto g : kGroups)
      if (n == g) return true;
    return false;
  }

  static bool looks_like_group_word(std::string_view w) {
    if (w.size() > 4 && w.ends_with("s")) w.remove_suffix(1);
    static constexpr std::string_view kSuffixes[] = {"ian", "ean", "ese", "ish", "ic", "ite"};
    for (auto s : kSuffixes)
      if (w.size() > s.size() + 2 && w.ends_with(s)) return true;
    return false;
  }

  static bool has_digit(std::string_view n) {
    return std::any_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; });
  }
  bool is_plural_abbreviation(uint32_t i) const {
    std::string_view w = doc_.slice(tok(i).span);
    return w.size() >= 3 && w.back() == 's' &&
           std::all_of(w.begin(), w.end() - 1, [](char c) { return c >= 'A' && c <= 'Z'; });
  }

  // Lower-case words for a settlement or a division (or a part of one).
  static bool is_settlement_noun(std::string_view n) {
    static constexpr std::string_view kWords[] = {
        "village",  "villages",  "town",     "towns",         "city",         "cities",
        "district", "districts", "province", "provinces",     "region",       "regions",
        "county",   "counties",  "island",   "islands",       "municipality", "municipalities",
        "township", "suburb",    "slum",     "neighbourhood", "neighborhood", "hamlet",
        "commune",  "community", "port",     "prefecture",    "governorate",  "oblast"};
    return std::ranges::find(kWords, n) != std::end(kWords);
  }

  // "the village of Cellardyke", "the villages of Ceamurlia de Jos",
  // "Nairobi slum Kibera", "the German island Rugen": a name after a
  // lower-case word for a settlement or division (and "of") is a place.
  bool after_settlement_noun(uint32_t b) const {
    uint32_t k = b;
    if (k >= 2 && (norm(k - 1) == "of" || norm(k - 1) == ":")) --k;  // "four villages: X"
    if (k == 0 || tok(k - 1).kind != TokenKind::kWord || tok(k - 1).has(kTokenCapitalized) ||
        tok(k - 1).has(kTokenAllCaps))
      return false;
    return is_settlement_noun(norm(k - 1));
  }

  // "Mabvuku, a suburb east of Harare", "Dogu Beyazit, a farming town": a
  // name followed by an apposition whose head is a settlement word.
  bool settlement_apposition(uint32_t e) const {
    const uint32_t n = static_cast<uint32_t>(doc_.tokens.size());
    if (e + 2 >= n || norm(e) != ",") return false;
    uint32_t t = e + 1;
    if (norm(t) == "a" || norm(t) == "an" || norm(t) == "the") ++t;
    for (uint32_t words = 0; t < n && words < 3; ++t, ++words) {
      if (tok(t).kind != TokenKind::kWord || tok(t).has(kTokenCapitalized) ||
          tok(t).has(kTokenAllCaps))
        return false;
      // The head of the apposition, not a modifier ("a town councillor").
      if (is_settlement_noun(norm(t)))
        return t + 1 >= n || tok(t + 1).kind != TokenKind::kWord ||
               is_after_place_head(norm(t + 1));
    }
    return false;
  }
  // "tourists troop to Kogelo in Nyanza province", "flew from Dadaab to":
  // a name one goes to or comes from, in a place the gazetteer knows.
  bool moved_to_a_place_in_a_place(uint32_t b, uint32_t e) const {
    const uint32_t n = static_cast<uint32_t>(doc_.tokens.size());
    if (b == 0 || e + 1 >= n || norm(e) != "in" || !is_cap_word(e + 1)) return false;
    std::string_view p = norm(b - 1);
    if (p != "to" && p != "from" && p != "into" && p != "towards" && p != "toward" && p != "via")
      return false;
    lexicon::Match m;
    if (!lex_.longest(doc_, e + 1, n, m)) return false;
    for (uint32_t v : m.entries) {
      auto kind = static_cast<LexKind>(lex_.entry(v).kind);
      if (kind == LexKind::kPlace || kind == LexKind::kCountry || kind == LexKind::kRegion)
        return true;
    }
    return false;
  }

  // "Turkey fired on Qamishli and other towns": a name listed with other
  // settlements.
  bool and_other_settlements(uint32_t e) const {
    const uint32_t n = static_cast<uint32_t>(doc_.tokens.size());
    if (e + 2 >= n || (norm(e) != "and" && norm(e) != "or") || norm(e + 1) != "other") return false;
    for (uint32_t t = e + 2; t < n && t < e + 4; ++t) {
      if (tok(t).kind != TokenKind::kWord || tok(t).has(kTokenCapitalized)) return false;
      if (is_settlement_noun(norm(t))) return true;
    }
    return false;
  }

  static bool is_after_place_head(std::string_view n) {
    static constexpr std::string_view kWords[] = {
        "in",    "of",      "on",        "near",      "located",   "north",     "south", "east",
        "west",  "outside", "northeast", "northwest", "southeast", "southwest", "about", "some",
        "where", "which",   "that",      "with",      "just",      "close",     "and"};
    return std::ranges::find(kWords, n) != std::end(kWords);
  }

  // A capitalised word with no lexicon reading that is not a dictionary word.
  bool is_name_like(uint32_t i) const {
    if (!is_cap_word(i)) return false;
    lexicon::Match m;
    return !lex_.longest(doc_, i, i + 1, m) || !is_common_word(i);
  }

  void unknown_run(uint32_t b, uint32_t e) {
    // Connectors cannot start or end a name.
    while (b < e && !is_cap_word(b)) ++b;
    while (e > b && !is_cap_word(e - 1) && !is_article_name(e - 1) &&
           !is_elided_article_name(e - 1))
      --e;
    // "COMELF H1", "Cofinec GDRs": a period code or a plural abbreviation
    // after a name is no part of it.
    while (e > b + 1 && (has_digit(norm(e - 1)) || is_plural_abbreviation(e - 1))) --e;
    if (b >= e) return;
    const uint32_t n = e - b;
    std::string_view first = doc_.slice(tok(b).span);
    if (preceded_by_media_noun(b)) return add(b, e, EntityType::kMedia, UINT32_MAX, "media-noun");
    // A name before a lower-case outlet or organisation noun: "the Karsk
    // Wire agency", "the Red Dune militia".
    const bool noun_after =
        e < doc_.tokens.size() && !is_cap_word(e) &&
        (keyword(e, e + 1, KeywordClass::kMediaNoun) || keyword(e, e + 1, KeywordClass::kOrgHead));
    if (noun_after) {
      // "the Valmoran daily Il Faro": the noun has its own name, so this word
      // modifies it; an adjective of origin when it looks like one.
      if (e + 1 < doc_.tokens.size() && is_cap_word(e + 1) && n == 1) {
        std::string_view w = norm(b);
        bool origin =
            w.ends_with("an") || w.ends_with("ese") || w.ends_with("ish") || w.ends_with("i");
        return add(b, e, origin ? EntityType::kNorp : EntityType::kMisc, UINT32_MAX,
                   "modifier-before-named-noun");
      }
      if (keyword(e, e + 1, KeywordClass::kMediaNoun))
        return add(b, e, EntityType::kMedia, UINT32_MAX, "name-before-media-noun");
      if (keyword(e, e + 1, KeywordClass::kOrgHead))
        return add(b, e, EntityType::kOrg, UINT32_MAX, "name-before-org-noun");
    }
    if (e < doc_.tokens.size() && keyword(e, e + 1, KeywordClass::kPlaceQualifier))
      return add(b, e, EntityType::kGpe, UINT32_MAX, "place-qualifier");
    if (n <= 3 &&
        (after_settlement_noun(b) || settlement_apposition(e) || and_other_settlements(e)) &&
        !std::all_of(doc_.tokens.begin() + b, doc_.tokens.begin() + e, [&](const Token& t) {
          return is_common_word(static_cast<uint32_t>(&t - doc_.tokens.data()));
        }))
      return add(b, e, EntityType::kGpe, UINT32_MAX, "settlement-noun");
    if (n == 1 && !is_given_name(b) && !is_family_name(b) && moved_to_a_place_in_a_place(b, e))
      return add(b, e, EntityType::kGpe, UINT32_MAX, "place-in-place");
    // "UAVs", "NGOs": the plural of an abbreviated common noun names nothing.
    if (n == 1 && first.size() >= 3 && first.back() == 's' &&
        std::all_of(first.begin(), first.end() - 1, [](char c) { return c >= 'A' && c <= 'Z'; }))
      return;
    if (n == 1 && tok(b).has(kTokenAllCaps) && is_common_abbreviation(norm(b))) return;
    if (n == 1 && tok(b).has(kTokenAllCaps) && first.size() <= 5)
      return add(b, e, EntityType::kOrg, UINT32_MAX, "acronym");
    // "Automakers said", "Organisers said": a sentence-initial word the
    // tagger reads as an ordinary noun, verb or adjective names nothing.
    if (n == 1 && at_sentence_start(b) && !tok(b).has(kTokenAllCaps) && tok(b).pos != Pos::kNNP &&
        tok(b).pos != Pos::kNNPS && tok(b).pos != Pos::kNone)
      return;
    // "the Orioles", "the Wasps": a capitalised plural noun after "the" in
    // running text names a team or band.
    if (n == 1 && b > 0 && norm(b - 1) == "the" && !headline_run_ && is_common_word(b) &&
        !tok(b).has(kTokenAllCaps) && first.size() > 3 && first.back() == 's' &&
        !is_political_group(norm(b)))
      return add(b, e, EntityType::kOrg, UINT32_MAX, "plural-name-after-the");
    if (n == 1 && is_common_word(b)) return;  // "Meanwhile", "Last" mid-sentence caps
    if (n == 1 && is_common_compound(b)) return;
    // An unknown word shaped like an adjective or noun of origin or faith
    // ("Zairean", "Bosnians", "Islamic") names a group, not an organisation.
    if (n == 1 && !tok(b).has(kTokenAllCaps) && looks_like_group_word(norm(b)))
      return add(b, e, EntityType::kNorp, UINT32_MAX, "group-word-shape");
    if (b > 0) {
      std::string_view p = norm(b - 1);
      if (p == "in" || p == "near" || p == "outside")
        return add(b, e, EntityType::kLoc, UINT32_MAX, "locative-preposition");
    }
    // Two to four unknown capitalised words are most often a person's name,
    // unless one of them is a dictionary word that is no name ("Johnson
    // Controls", "Leyton Orient", "Kansai Electric Power") or an acronym
    // ("OFK Kikinda", "CITIC Pacific"): organisations.
    // A single one is more often an organisation or brand than anything
    // else; resolve/ retypes it as a person when it is the surname of a
    // person named in full elsewhere in the document.
    // "Grace Road", "Changi Prison", "Far East"; "Stansted airport", "the
    // Kosevo stadium": a place or facility by its head word.
    if ((n >= 2 && (is_facility_word(norm(e - 1)) || is_direction_word(norm(b)) ||
                    is_natural_feature_word(norm(b)))) ||
        (e < doc_.tokens.size() && !is_cap_word(e) && is_facility_word(norm(e)) &&
         // "the Ostberg harbour authority" names the authority
         !(e + 1 < doc_.tokens.size() && keyword(e + 1, e + 2, KeywordClass::kOrgHead))))
      return add(b, e, EntityType::kLoc, UINT32_MAX, "facility-word");
    if (n <= 4 && person_context(e) && !tok(b).has(kTokenAllCaps))
      return add(b, e, EntityType::kPer, UINT32_MAX, "person-context");
    if (preceded_by_lowercase_title(b) && n <= 4)
      return add(b, e, EntityType::kPer, UINT32_MAX, "name-after-title");
    // " Sleeping Bread ": a name that fills a quotation is a title of a work.
    auto quote = [&](uint32_t t) {
      return tok(t).has(kTokenOpenQuote) || tok(t).has(kTokenCloseQuote);
    };
    if (n >= 2 && b > 0 && e < doc_.tokens.size() && quote(b - 1) && quote(e))
      return add(b, e, EntityType::kMisc, UINT32_MAX, "quoted-title");
    if (n >= 2 && n <= 4) {
      if (person_by_given_name(b, e)) return add(b, e, EntityType::kPer, UINT32_MAX, "given-name");
      // "Seattle Seahawks", "Cambridge Analytica": a large city and words
      // that are no person's names name a team or firm of that city.
      if (names_large_city(b) &&
          std::none_of(doc_.tokens.begin() + b + 1, doc_.tokens.begin() + e, [&](const Token& t) {
            const auto k = static_cast<uint32_t>(&t - doc_.tokens.data());
            return is_given_name(k) || is_family_name(k);
          }))
        return add(b, e, EntityType::kOrg, UINT32_MAX, "name-with-place");
      for (uint32_t i = b; i < e; ++i) {
        if (!is_cap_word(i)) continue;
        const bool name_word = is_given_name(i) || is_family_name(i);
        const bool acronym = tok(i).has(kTokenAllCaps) && tok(i).kind == TokenKind::kWord &&
                             norm(i).size() >= 2 && !headline_run_;
        if ((is_common_word(i) && !name_word) || acronym)
          return add(b, e, EntityType::kOrg, UINT32_MAX, "name-with-common-word");
      }
      return add(b, e, EntityType::kPer, UINT32_MAX, "name-shape");
    }
    add(b, e, n == 1 ? EntityType::kOrg : EntityType::kMisc, UINT32_MAX, "capitalised-word");
  }

  Document& doc_;
  const lexicon::Lexicon& lex_;
  lexicon::Match scratch_;
  std::vector<uint8_t> lowered_;  // headline tokens read as lower case
  bool headline_run_ = false;     // unknown_run() called inside a headline
  bool results_line_ = false;     // the current sentence is a results line
  uint32_t results_lines_ = 0;    // results lines in the document
  uint32_t sentence_begin_ = 0;   // first token of the current sentence
  bool paragraph_start_ = false;  // the current sentence opens a paragraph
};

}  // namespace

void find_mentions(Document& doc, const lexicon::Lexicon& lex) {
  doc.mentions.clear();
  Recognizer(doc, lex).run();
}

}  // namespace claimtrace::extract
