#include "extract/events.h"

#include <algorithm>
#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "extract/events_dictionary.h"
#include "extract/events_time.h"

namespace claimtrace::extract {

namespace {

using events::Control;
using events::Entry;
using events::FormHit;

// ---------------------------------------------------------------------------
// Small word classes (closed-class English words; ours).

bool in(std::string_view w, std::initializer_list<std::string_view> set) {
  for (std::string_view s : set)
    if (w == s) return true;
  return false;
}

bool is_determiner(std::string_view w) {
  return in(w, {"the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those",
                "some", "several", "two", "three", "both", "all"});
}

// Prepositions after which a noun group is a place or a circumstance, not a subject.
bool is_preposition(std::string_view w) {
  return in(
      w, {"in",      "at",     "near",  "into",     "across",  "inside",  "outside", "from",
          "to",      "of",     "by",    "with",     "for",     "about",   "against", "on",
          "than",    "over",   "among", "toward",   "towards", "through", "within",  "between",
          "without", "around", "under", "after",    "before",  "during",  "like",    "throughout",
          "upon",    "via",    "amid",  "following"});
}

bool is_place_preposition(std::string_view w) {
  return in(w, {"in", "at", "near", "outside", "inside", "across", "throughout", "around"});
}

// Words that end a clause for the object search.
bool is_clause_break(std::string_view w) {
  return in(w, {"that", "which", "who", "whom",   "because",  "after", "before", "while",
                "when", "since", "but", ";",      ":",        "\"",    "(",      ")",
                "—",    "–",     "if",  "unless", "although", "until"});
}

bool is_be(std::string_view w) {
  return in(w, {"was", "were", "is", "are", "been", "being", "be", "am", "'s", "get", "got", "gets",
                "getting"});
}

bool is_modal(std::string_view w) {
  return in(w, {"will", "would", "shall", "'ll", "may", "might", "could", "can", "should", "must"});
}

bool is_speculative_modal(std::string_view w) {
  return in(w, {"may", "might", "could"});
}

bool is_negation(std::string_view w) {
  return in(w, {"not", "n't", "never"});
}

bool is_adverb(std::string_view w) {
  return (w.size() > 3 && w.ends_with("ly")) ||
         in(w, {"also", "again", "already", "still", "now", "then", "soon", "just", "even", "yet",
                "further", "since", "ever", "once", "jointly", "all", "both"});
}

// A word that cannot sit inside a noun group between two actor words.
bool is_function_word(std::string_view w) {
  return is_preposition(w) || is_clause_break(w) || is_be(w) || is_modal(w) || is_negation(w) ||
         in(w, {"and", "or", ",", ".", "to", "has", "have", "had", "do", "does", "did", "not", "it",
                "they", "he", "she", "said", "says", "say"});
}

bool is_type_code(std::string_view c) {
  for (const events::ActorType& t : events::actor_types())
    if (t.code == c) return true;
  return false;
}

// Static storage for "modal:<word>" modifiers.
std::string_view modal_rule(std::string_view w) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kRules = {{
      {"must", "modal:must"},
      {"will", "modal:will"},
      {"would", "modal:would"},
      {"shall", "modal:shall"},
      {"'ll", "modal:'ll"},
      {"may", "modal:may"},
      {"might", "modal:might"},
      {"could", "modal:could"},
      {"can", "modal:can"},
      {"should", "modal:should"},
  }};
  for (auto [k, v] : kRules)
    if (k == w) return v;
  return "modal";
}

// ---------------------------------------------------------------------------
// Actor units: noun groups that name an actor.

struct Anchor {
  uint32_t begin, end;
  int32_t entity = -1;          // a mention's entity, or -1 for an agent noun
  std::string_view agent_type;  // agent nouns: CAMEO type ("" = untyped group noun)
  bool agent = false;
  std::string_view country;  // a country name the lexicon knows but no mention covers
};

struct Unit {
  uint32_t begin = 0, end = 0;  // tokens
  std::string code;
  std::string_view prep;  // preposition before the group ("" = none)
  int32_t place_entity = -1;
  bool place = false;   // only places (GPE/LOC), no agent or organisation
  int group = 0;        // conjunction group ("Russia and China")
  bool ethnic = false;  // "ethnic Albanians": the demonym names an ethnicity, not a nationality
};

class Coder {
 public:
  Coder(Document& doc, const lexicon::Lexicon* lex) : doc_(doc), lex_(lex) {}

  void run() {
    has_published_ = events::parse_iso_date(doc_.published, published_);
    actors_.resize(doc_.entities.size());
    for (size_t i = 0; i < doc_.entities.size(); ++i) actors_[i] = actor_code(doc_.entities[i]);
    tok_mention_.assign(doc_.tokens.size(), -1);
    info_.resize(doc_.tokens.size());
    for (size_t t = 0; t < doc_.tokens.size(); ++t)
      info_[t] = doc_.tokens[t].kind == TokenKind::kWord ? events::word_info(norm(t)) : nullptr;
    for (size_t i = 0; i < doc_.mentions.size(); ++i) {
      const Mention& m = doc_.mentions[i];
      for (uint32_t t = m.token_begin; t < m.token_end && t < tok_mention_.size(); ++t)
        tok_mention_[t] = static_cast<int32_t>(i);
    }
    for (const Sentence& s : doc_.sentences) sentence(s.first_token, s.first_token + s.token_count);
    for (size_t i = 0; i < doc_.events.size(); ++i) doc_.events[i].id = "v" + std::to_string(i + 1);
  }

 private:
  std::string_view norm(uint32_t t) const { return doc_.norm(doc_.tokens[t]); }

  // ----- actor codes of entities -------------------------------------------

  // The country code (ISO alpha-3) the lexicon gives a phrase of lower-case
  // words read as a country or a demonym; empty if none.
  std::string lexicon_country(std::span<const std::string_view> words) const {
    if (lex_ == nullptr || words.empty()) return {};
    for (uint32_t v : lex_->find(words)) {
      const lexicon::LexEntry& le = lex_->entry(v);
      auto kind = static_cast<lexicon::LexKind>(le.kind);
      if (kind != lexicon::LexKind::kCountry && kind != lexicon::LexKind::kDemonym) continue;
      std::string_view a = lex_->str(le.actor);
      if (a.size() >= 3 && !is_type_code(a.substr(0, 3))) return std::string(a.substr(0, 3));
    }
    return {};
  }

  // Splits on spaces into `out`; 0 when there are more words than fit.
  template <size_t N>
  static size_t split_words(std::string_view text, std::array<std::string_view, N>& out) {
    size_t n = 0;
    while (!text.empty()) {
      if (n == N) return 0;
      size_t sp = text.find(' ');
      out[n++] = text.substr(0, sp);
      text = sp == std::string_view::npos ? std::string_view() : text.substr(sp + 1);
    }
    return n;
  }

  // The entity's actor code, completed where the resolver left it short:
  // a plural of a demonym it does not list ("Liberians" -> LBR), and a bare
  // type whose name says whose it is ("King Hassan of Morocco" -> MAR + GOV).
  std::string actor_code(const Entity& e) const {
    std::string code = e.actor;
    if (!code.empty() && !(code.size() == 3 && is_type_code(code))) return code;
    // A region with a country but no code of its own ("West Bank" -> PSE).
    if (code.empty() && e.has_geo && e.geo.country[0] != 0 &&
        (e.type == EntityType::kGpe || e.type == EntityType::kLoc || e.type == EntityType::kFac))
      return std::string(events::country_code(std::string_view(e.geo.country, 2)));
    std::string low;
    for (char c : e.name) low.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
    if (code.empty()) {
      if (e.type == EntityType::kPer) return code;
      if (low.find(' ') == std::string::npos) {
        // "US-led", "Saudi-backed": the country that leads or backs.
        size_t dash = low.find('-');
        if (dash != std::string::npos &&
            in(std::string_view(low).substr(dash + 1),
               {"led", "backed", "sponsored", "supported", "allied", "controlled", "run"})) {
          std::string_view one[1] = {std::string_view(low).substr(0, dash)};
          return lexicon_country(one);
        }
        if (low.size() < 5 || low.back() != 's') return code;
        std::string_view one[1] = {std::string_view(low).substr(0, low.size() - 1)};
        return lexicon_country(one);
      }
      // "Latvian Constitutional Court", "Montenegro Assembly": an institution
      // named after its country, typed by its head noun when it is an agent.
      std::array<std::string_view, 8> words;
      size_t n = split_words(low, words);
      if (n < 2) return code;
      for (size_t len = std::min<size_t>(2, n - 1); len >= 1; --len) {
        std::string country = lexicon_country(std::span<const std::string_view>(words.data(), len));
        if (country.empty()) continue;
        const events::Agent* head = events::agent(words[n - 1]);
        if (head != nullptr && !head->type.empty()) country.append(head->type);
        return country;
      }
      return code;
    }
    size_t of = low.find(" of ");
    if (of == std::string::npos) return code;
    std::array<std::string_view, 4> words;
    size_t n = split_words(std::string_view(low).substr(of + 4), words);
    if (n == 0) return code;
    std::string country = lexicon_country(std::span<const std::string_view>(words.data(), n));
    return country.empty() ? code : country + code;
  }

  // The one country the names in tokens [sb, se) belong to (places,
  // demonyms, organisations of a country), or "" when none or several.
  std::string only_country(uint32_t sb, uint32_t se) const {
    std::string found;
    for (uint32_t mi = sentence_mentions_; mi < doc_.mentions.size(); ++mi) {
      const Mention& m = doc_.mentions[mi];
      if (m.token_begin >= se) break;
      if (m.token_begin < sb || m.entity < 0) continue;
      // "U.S.-brokered talks" says who brokered, not whose the actors are.
      if (m.token_end < se && norm(m.token_end) == "-") continue;
      const std::string& a = actors_[m.entity];
      if (a.size() < 3 || is_type_code(a.substr(0, 3)) || a.starts_with("IGO") ||
          a.starts_with("NGO") || a.starts_with("IMG") || a.starts_with("MNC"))
        continue;
      if (found.empty())
        found = a.substr(0, 3);
      else if (found != a.substr(0, 3))
        return {};
    }
    return found;
  }

  // ----- units ------------------------------------------------------------

  bool anchor_at(uint32_t t, uint32_t end, Anchor& a) const {
    int32_t mi = tok_mention_[t];
    if (mi >= 0) {
      const Mention& m = doc_.mentions[mi];
      if (m.token_begin != t || m.entity < 0) return false;
      a = Anchor{t, std::min(m.token_end, end), m.entity, {}, false, {}};
      return true;
    }
    if (t == sentence_begin_ && doc_.tokens[t].has(kTokenCapitalized) && country_at(t, end, a))
      return true;
    const events::WordInfo* wi = info_[t];
    if (wi == nullptr) return false;
    if (t + 1 < end && wi->starts_two_word_agent) {
      if (const events::Agent* ag = events::agent(norm(t), norm(t + 1))) {
        a = Anchor{t, t + 2, -1, ag->type, true, {}};
        return true;
      }
    }
    if (wi->agent != nullptr) {
      a = Anchor{t, t + 1, -1, wi->agent->type, true, {}};
      return true;
    }
    return false;
  }

  // A country name opening a sentence that no mention covers ("Turkey will
  // allow ...", "Japan said ...": capitalised like any first word, such names
  // are also common nouns and the entity pass may leave them out).
  bool country_at(uint32_t t, uint32_t end, Anchor& a) const {
    lexicon::Match m;
    if (lex_ == nullptr || !lex_->longest(doc_, t, end, m)) return false;
    for (uint32_t v : m.entries) {
      const lexicon::LexEntry& le = lex_->entry(v);
      if (static_cast<lexicon::LexKind>(le.kind) != lexicon::LexKind::kCountry) continue;
      std::string_view code = lex_->str(le.actor);
      if (code.size() < 3) continue;
      a = Anchor{t, m.end_token, -1, {}, false, code.substr(0, 3)};
      return true;
    }
    return false;
  }

  // Tokens between two anchors that keep them in one noun group:
  // possessive, determiners, up to two modifiers, an acronym in brackets, or
  // a linking preposition after an agent noun ("instructors from Ukraine").
  bool joins(const Anchor& left, uint32_t gap_begin, uint32_t gap_end, const Anchor& right) const {
    uint32_t modifiers = 0;
    bool linked = false;  // "activists from the defeated Fatah Party"
    for (uint32_t t = gap_begin; t < gap_end; ++t) {
      std::string_view w = norm(t);
      if (w == "'s" || w == "'" || is_determiner(w) || w == "(" || w == ")") continue;
      if ((w == "of" || w == "from") && left.agent) {
        linked = modifiers == 0;
        continue;
      }
      if (w == "in" && left.agent && right.entity >= 0 && is_country(right.entity)) continue;
      if (is_function_word(w) || doc_.tokens[t].kind != TokenKind::kWord) return false;
      if (!forms_at(t).empty() && !doc_.tokens[t].has(kTokenCapitalized)) return false;
      if (++modifiers > 2) return false;
    }
    // Modifiers ("security", "northern") sit between a demonym or a
    // possessive and a head, or before an agent noun; not between two names.
    if (modifiers > 0) {
      bool titles = true;
      for (uint32_t t = gap_begin; t < gap_end; ++t)
        if (!doc_.tokens[t].has(kTokenCapitalized) && !is_determiner(norm(t))) titles = false;
      bool possessive =
          titles || (gap_begin < gap_end && (norm(gap_begin) == "'s" || norm(gap_begin) == "'"));
      bool demonym = left.entity >= 0 && doc_.entities[left.entity].type == EntityType::kNorp;
      if (!(possessive || demonym || right.agent || linked)) return false;
    }
    return true;
  }

  bool is_country(int32_t entity) const {
    const Entity& e = doc_.entities[entity];
    return e.type == EntityType::kGpe && e.has_geo && e.geo.feature.starts_with("PCL");
  }

  // "The militants" after "militants from Hayat Tahrir al-Sham": a bare
  // armed-group type takes the latest fully coded actor of that type in the
  // document (armed and security types only; "officials" stay unspecified).
  void remember_or_recall(std::string& code) {
    static constexpr std::string_view kTypes[] = {"REB", "MIL", "SEP", "INS", "UAF", "SPY", "COP"};
    for (size_t k = 0; k < std::size(kTypes); ++k) {
      std::string_view ty = kTypes[k];
      if (code == ty) {
        if (!last_full_[k].empty()) code = last_full_[k];
        return;
      }
      if (code.size() == 6 && std::string_view(code).substr(3) == ty &&
          !is_type_code(code.substr(0, 3))) {
        last_full_[k] = code;
        return;
      }
    }
  }

  std::string compose(const std::vector<Anchor>& anchors, Unit& u) const {
    std::string country, type, full;
    int full_at = -1, type_at = -1;
    bool only_places = true;
    for (size_t k = 0; k < anchors.size(); ++k) {
      const Anchor& a = anchors[k];
      if (a.entity < 0 && !a.agent) {
        if (country.empty()) country.assign(a.country);
        continue;
      }
      if (a.agent) {
        only_places = false;
        // The first type wins ("rebel commanders" are rebels, "army officials"
        // military), except that a GOV modifier yields ("government troops").
        if (!a.agent_type.empty() && (type.empty() || type == "GOV")) {
          type.assign(a.agent_type);
          type_at = static_cast<int>(k);
        }
        continue;
      }
      const Entity& e = doc_.entities[a.entity];
      const std::string& c = actors_[a.entity];
      switch (e.type) {
        case EntityType::kGpe:
        case EntityType::kLoc:
        case EntityType::kFac:
          if (country.empty() && c.size() >= 3) country = c.substr(0, 3);
          u.place_entity = a.entity;
          break;
        case EntityType::kNorp:
          only_places = false;
          if (country.empty() && c.size() >= 3) country = c.substr(0, 3);
          break;
        default:
          only_places = false;
          if (c.size() > 3) {
            full = c;
            full_at = static_cast<int>(k);
          } else if (c.size() == 3 && is_type_code(c)) {
            if (type.empty()) {
              type = c;
              type_at = static_cast<int>(k);
            }
          } else if (c.size() == 3 && country.empty()) {
            country = c;
          }
          break;
      }
    }
    u.place = only_places;
    // A capital standing alone acts for its government ("provided Kiev with").
    if (only_places && anchors.size() == 1 && !country.empty() && anchors[0].entity >= 0) {
      const Entity& e = doc_.entities[anchors[0].entity];
      if (e.has_geo && e.geo.feature == "PPLC" && type.empty()) return country + "GOV";
    }
    if (!full.empty()) {
      // "Russian army officers" -> RUSMIL; an organisation's own people
      // ("European Union ministers") stay the organisation.
      bool org = full.starts_with("IGO") || full.starts_with("NGO") || full.starts_with("IMG");
      if (type_at > full_at && !type.empty() && !org) return full.substr(0, 3) + type;
      return full;
    }
    return country + type;
  }

  void build_units(uint32_t sb, uint32_t se) {
    units_.clear();
    uint32_t t = sb;
    std::vector<Anchor> anchors;
    while (t < se) {
      Anchor a;
      if (!anchor_at(t, se, a)) {
        ++t;
        continue;
      }
      anchors.clear();
      anchors.push_back(a);
      uint32_t e = a.end;
      // Extend over joinable gaps (at most 4 tokens) to the next anchor.
      for (;;) {
        bool extended = false;
        for (uint32_t g = e; g < se && g <= e + 4; ++g) {
          Anchor b;
          if (!anchor_at(g, se, b)) continue;
          if (joins(anchors.back(), e, g, b)) {
            anchors.push_back(b);
            e = b.end;
            extended = true;
          }
          break;
        }
        if (!extended) break;
      }
      // A bracket right after the group closes it: "(GUR)".
      Unit u;
      u.begin = anchors.front().begin;
      u.end = e;
      u.code = compose(anchors, u);
      // "ethnic Albanians", "ethnic Turks", "the Hungarian minority": people
      // of that descent, most often citizens of the country they live in
      // (see ethnic_homes()).
      for (const Anchor& an : anchors) {
        if (an.entity < 0 || doc_.entities[an.entity].type != EntityType::kNorp ||
            u.code.size() < 3)
          continue;
        u.ethnic = norm(u.begin) == "ethnic" || (an.begin > sb && norm(an.begin - 1) == "ethnic");
        for (uint32_t k = an.end; k <= u.end && k < se && !u.ethnic; ++k)
          u.ethnic =
              in(norm(k), {"population", "minority", "community", "minorities", "communities"});
        if (u.ethnic) break;
      }
      // "Our forces": the speaker's own, not the latest group of that type.
      if (!owned(u, sb)) remember_or_recall(u.code);
      // The preposition before the group, skipping determiners and modifiers.
      for (uint32_t p = u.begin; p > sb && u.begin - p < 5;) {
        --p;
        std::string_view w = norm(p);
        if (is_preposition(w)) {
          // "up to 13,000", "more than 500", "at least 12", "about 20": a
          // quantity, not a preposition of the group.
          std::string_view next = p + 1 < u.begin ? norm(p + 1) : std::string_view();
          bool number_next = p + 1 < u.begin && (doc_.tokens[p + 1].kind == TokenKind::kNumber ||
                                                 next == "least" || next == "most");
          std::string_view prev = p > sb ? norm(p - 1) : std::string_view();
          if (number_next && ((w == "to" && prev == "up") ||
                              (w == "than" && in(prev, {"more", "fewer", "less"})) ||
                              in(w, {"at", "about", "around", "over", "under", "nearly"}))) {
            if (w == "to" || w == "than") --p;
            continue;
          }
          u.prep = w;
          break;
        }
        // A count belongs to the group ("to 67 elderly British nationals").
        bool count = doc_.tokens[p].kind == TokenKind::kNumber;
        if (!is_determiner(w) && !count &&
            (is_function_word(w) || doc_.tokens[p].kind != TokenKind::kWord ||
             !forms_at(p).empty()))
          break;
      }
      units_.push_back(std::move(u));
      t = e;
    }
    // Conjunctions: "Russia and China", "Russia, China and Iran". A comma
    // links two groups only inside a list that ends with "and".
    int group = 0;
    std::vector<uint8_t>& link = links_;
    link.assign(units_.size(), 0);  // 0 none, 1 comma, 2 and
    for (size_t i = 1; i < units_.size(); ++i) {
      bool ok = units_[i].begin > units_[i - 1].end;
      bool comma = false, conj = false;
      for (uint32_t k = units_[i - 1].end; k < units_[i].begin && ok; ++k) {
        std::string_view w = norm(k);
        if (w == "and" || w == "&")
          conj = true;
        else if (w == ",")
          comma = true;
        else if (!is_determiner(w))
          ok = false;
      }
      // "according to two diplomats, and Hungary could send ...": after a
      // comma, "and" starts a new clause when it leaves a prepositional group.
      if (ok && comma && conj && !units_[i - 1].prep.empty() && units_[i].prep.empty()) ok = false;
      if (ok) link[i] = conj ? 2 : (comma ? 1 : 0);
    }
    for (size_t i = units_.size(); i-- > 1;)
      if (link[i] == 1 && (i + 1 >= units_.size() || link[i + 1] == 0)) link[i] = 0;
    for (size_t i = 0; i < units_.size(); ++i) {
      if (i > 0 && link[i] == 0) ++group;
      units_[i].group = group;
    }
    ethnic_homes();
  }

  // "Ethnic Albanians in south Serbia" are of Serbia: an ethnic group takes
  // the country of the place right after it ("in", "of"), keeping its type
  // ("ethnic Albanian guerrillas in Macedonia" -> MKDREB). Without such a
  // place, emit() uses the place of the event.
  void ethnic_homes() {
    for (size_t i = 0; i + 1 < units_.size(); ++i) {
      Unit& u = units_[i];
      const Unit& p = units_[i + 1];
      if (!u.ethnic || !p.place || p.begin > u.end + 3 || !in(p.prep, {"in", "of"})) continue;
      if (!in(norm(u.end), {"in", "of", "living", "based"})) continue;
      if (p.code.size() < 3 || is_type_code(p.code.substr(0, 3))) continue;
      u.code = p.code.substr(0, 3) + (u.code.size() > 3 ? u.code.substr(3) : std::string());
      u.ethnic = false;
    }
  }

  // The code of a unit in an event placed at `loc`: an ethnic group not
  // placed by its own noun group lives where the event happens.
  std::string placed_code(const Unit& u, int32_t loc) const {
    if (!u.ethnic || loc < 0) return u.code;
    const std::string& a = actors_[loc];
    if (a.size() < 3 || is_type_code(a.substr(0, 3))) return u.code;
    return a.substr(0, 3) + (u.code.size() > 3 ? u.code.substr(3) : std::string());
  }

  // A group with an owner pronoun ("our forces", "their police"). A
  // capitalised "Our" opening a quotation may have been read as a name.
  bool owned(const Unit& u, uint32_t sb) const {
    auto owner = [&](uint32_t t) {
      return in(norm(t), {"our", "my", "their", "its", "his", "her"});
    };
    return owner(u.begin) || (u.begin > sb && owner(u.begin - 1));
  }

  // "Our forces did not attack", officials "denied that their police had
  // arrested ...": a bare type owned by the speaker is of the speaker's country.
  void own_groups_of_speakers() {
    for (Unit& u : units_) {
      if (!(u.code.size() == 3 && is_type_code(u.code))) continue;
      if (!owned(u, sentence_begin_)) continue;
      Span us{doc_.tokens[u.begin].span.begin, doc_.tokens[u.end - 1].span.end};
      int32_t a = attribution_of(us);
      if (a < 0) {
        // "Its border guards ..." opening a sentence: the previous sentence's actor.
        bool opens = u.begin == sentence_begin_ || u.begin == sentence_begin_ + 1;
        if (opens && prev_source_code_.size() >= 3 && !is_type_code(prev_source_code_.substr(0, 3)))
          u.code = prev_source_code_.substr(0, 3) + u.code;
        continue;
      }
      const Attribution& at = doc_.attributions[a];
      std::string country;
      if (at.source_entity >= 0 && static_cast<size_t>(at.source_entity) < actors_.size())
        country = actors_[at.source_entity].substr(0, 3);
      for (const Unit& v : units_) {
        if (!country.empty() || !at.has_source || v.code.size() < 3) continue;
        Span vs{doc_.tokens[v.begin].span.begin, doc_.tokens[v.end - 1].span.end};
        if (vs.begin < at.source.end && at.source.begin < vs.end) country = v.code.substr(0, 3);
      }
      if (country.size() == 3 && !is_type_code(country)) u.code = country + u.code;
    }
  }

  // ----- triggers ---------------------------------------------------------

  struct Trigger {
    const Entry* entry = nullptr;
    uint32_t begin = 0, end = 0;  // the phrase (head + particles)
    uint8_t flags = 0;
    bool consumed = false;
  };

  bool word_near(std::string_view list, uint32_t from, uint32_t to,
                 uint32_t* where = nullptr) const {
    while (!list.empty()) {
      size_t c = list.find(',');
      std::string_view w = list.substr(0, c);
      list = c == std::string_view::npos ? std::string_view() : list.substr(c + 1);
      bool before = !w.empty() && w.front() == '<';
      if (before) continue;
      bool prefix = !w.empty() && w.back() == '*';
      if (prefix) w.remove_suffix(1);
      for (uint32_t t = from; t < to; ++t) {
        std::string_view n = norm(t);
        if (prefix ? n.starts_with(w) : n == w) {
          if (where != nullptr) *where = t;
          return true;
        }
      }
    }
    return false;
  }

  bool word_before(std::string_view list, uint32_t from, uint32_t to) const {
    while (!list.empty()) {
      size_t c = list.find(',');
      std::string_view w = list.substr(0, c);
      list = c == std::string_view::npos ? std::string_view() : list.substr(c + 1);
      if (w.empty() || w.front() != '<') continue;
      w.remove_prefix(1);
      for (uint32_t t = from; t < to; ++t)
        if (norm(t) == w) return true;
    }
    return false;
  }

  // Particles after the head: fixed words, determiners skipped; the last
  // particle of a noun may be plural. Returns the end token or 0.
  uint32_t match_particles(const Entry& e, uint32_t t, uint32_t se) const {
    std::string_view rest = e.particles;
    while (!rest.empty()) {
      size_t sp = rest.find(' ');
      std::string_view w = rest.substr(0, sp);
      rest = sp == std::string_view::npos ? std::string_view() : rest.substr(sp + 1);
      while (t < se && is_determiner(norm(t)) && !is_determiner(w)) ++t;
      if (t >= se) return 0;
      std::string_view n = norm(t);
      bool ok = n == w;
      if (!ok && e.noun && rest.empty())
        ok = n.size() > w.size() && n.starts_with(w) &&
             (n.substr(w.size()) == "s" || n.substr(w.size()) == "es");
      if (!ok) return 0;
      ++t;
    }
    return t;
  }

  // Does the word before `t` make it a noun ("the attack", "Russian talks")?
  bool nounish(uint32_t t, uint32_t sb) const {
    if (t == sb) return true;
    std::string_view p = norm(t - 1);
    if (is_determiner(p) || p == "'s" || p == "'" ||
        in(p,
           {"no",      "any",        "new",      "fresh",    "recent",  "direct",     "secret",
            "further", "joint",      "such",     "last",     "first",   "latest",     "military",
            "peace",   "diplomatic", "more",     "constant", "renewed", "failed",     "deadly",
            "major",   "massive",    "possible", "suicide",  "air",     "high-level", "bilateral",
            "violent", "large",      "several"}))
      return true;
    int32_t mi = tok_mention_[t - 1];
    if (mi >= 0) {
      const Mention& m = doc_.mentions[mi];
      if (m.type == EntityType::kNorp) return true;
    }
    if (doc_.tokens[t - 1].kind == TokenKind::kNumber) return true;
    if (p != "to" && is_preposition(p)) return true;  // "by phone", "in talks"
    return false;
  }

  // Does the word before `t` let it be a verb ("Iran talks", "they met",
  // "will visit", "to attack")?
  bool verbish(uint32_t t, uint32_t sb) const {
    if (t == sb) return false;
    std::string_view p = norm(t - 1);
    if (in(p,
           {"he",  "she", "it",   "they", "we", "i",    "you", "who",  "which", "that",   "to",
            "and", "has", "have", "had",  "do", "does", "did", "help", "helps", "helped", "or"}) ||
        is_modal(p) || is_negation(p) || is_adverb(p) || is_be(p))
      return true;
    for (const Unit& u : units_)
      if (u.end == t) return true;
    return false;
  }

  void find_triggers(uint32_t sb, uint32_t se) {
    triggers_.clear();
    object_tok_ = UINT32_MAX;
    for (uint32_t t = sb; t < se; ++t) {
      if (tok_mention_[t] >= 0 || t == object_tok_) continue;  // part of a name, or an object
      std::span<const FormHit> hits = forms_at(t);
      if (hits.empty()) continue;
      bool has_noun = false, has_verb = false;
      for (const FormHit& h : hits) (h.flags & events::kFormNoun ? has_noun : has_verb) = true;
      bool want_noun = has_noun && (!has_verb || nounish(t, sb) || !verbish(t, sb));
      for (const FormHit& h : hits) {
        const Entry& e = events::entries()[h.entry];
        bool is_noun = (h.flags & events::kFormNoun) != 0;
        if (is_noun != want_noun) continue;
        // A bare verb form without a verbal context ("a general strike", "the
        // attack") is a noun we do not know.
        if (!is_noun && !has_noun && h.flags == events::kFormBase && !verbish(t, sb)) continue;
        // "the shelling", "the fighting" without a noun entry: a gerund noun;
        // "the occupied West Bank", "the banned movement": an adjective.
        if (!is_noun && !has_noun && (h.flags & (events::kFormIng | events::kFormParticiple)) &&
            t > sb && is_determiner(norm(t - 1)))
          continue;
        uint32_t end = match_particles(e, t + 1, se);
        if (end == 0) continue;
        uint32_t win = std::min(se, end + 6);
        uint32_t object_tok = UINT32_MAX;
        if (!e.requires_.empty() && !word_near(e.requires_, end, win, &object_tok)) continue;
        if (!e.excludes.empty()) {
          if (word_near(e.excludes, end, std::min(se, end + 4))) continue;
          if (word_before(e.excludes, t >= sb + 3 ? t - 3 : sb, t)) continue;
        }
        triggers_.push_back(Trigger{&e, t, end, h.flags, false});
        // The required object ("cancelled a planned visit") is this event's
        // object, not an event of its own.
        if (object_tok != UINT32_MAX) object_tok_ = object_tok;
        t = end - 1;
        break;
      }
    }
  }

  // ----- slots ------------------------------------------------------------

  // Nearest unit left of `t` that can be a subject (not after a preposition).
  // "Thousands of Nigerians", "the head of Ukraine's intelligence": a group
  // after "of" stands for the head noun before it.
  int subject_of(uint32_t t, uint32_t sb) const {
    (void)sb;
    for (int i = static_cast<int>(units_.size()) - 1; i >= 0; --i) {
      const Unit& u = units_[i];
      if (u.end > t) continue;
      if (!u.prep.empty() && u.prep != "of") continue;
      // A group after "of" that has no code of its own ("Palestinians of the
      // Israeli-occupied West Bank") leaves the coded head before "of" to act;
      // a coded one ("the Albanians of southern Serbia") stands for it.
      if (u.prep == "of" && u.code.empty() && i > 0 && !units_[i - 1].code.empty() &&
          units_[i - 1].end < u.begin && norm(units_[i - 1].end) == "of")
        return i - 1;
      // "Muslim hackers angered by the publication of cartoons of X have
      // defaced ...": a group inside a reduced relative clause ("angered by
      // ...") does not act; the group it describes does.
      if (u.prep == "of") {
        int head = reduced_relative_head(i);
        if (head >= 0) return units_[head].code.empty() ? -1 : head;
      }
      // Apposition "Kenzo Oshima, the UN relief coordinator, demanded": of
      // two groups separated by a comma, the better coded one speaks.
      if (i > 0 && u.prep.empty() && units_[i - 1].prep.empty() &&
          units_[i - 1].end + 1 == u.begin && norm(units_[i - 1].end) == "," &&
          units_[i - 1].group != u.group && units_[i - 1].code.size() > u.code.size())
        return i - 1;
      return i;
    }
    return -1;
  }

  // The group before "<participle> by ..." whose "of" chain reaches unit
  // `i` ("hackers angered by the publication of cartoons of X"), or -1.
  int reduced_relative_head(int i) const {
    uint32_t t = units_[i].begin;
    for (uint32_t steps = 0; t > 1 && steps < 12; ++steps) {
      --t;
      std::string_view w = norm(t);
      if (w == "by") {
        std::string_view part = norm(t - 1);
        if (!(part.ends_with("ed") || part.ends_with("en"))) return -1;
        // The head noun may follow the coded group ("Muslim hackers").
        for (int j = i - 1; j >= 0; --j) {
          const Unit& h = units_[j];
          if (h.end > t - 1) continue;
          bool adjacent = t - 1 - h.end <= 1;
          for (uint32_t k = h.end; k < t - 1 && adjacent; ++k)
            adjacent = doc_.tokens[k].kind == TokenKind::kWord && !is_function_word(norm(k));
          return adjacent && h.prep.empty() ? j : -1;
        }
        return -1;
      }
      if (is_clause_break(w) || w == "," || (is_function_word(w) && !in(w, {"of", "the", "a"})))
        return -1;
    }
    return -1;
  }

  // First unit after `from` reached without crossing a clause break; with
  // `prep` empty, a direct object (no preposition before it), else a unit
  // right after that preposition.
  int slot_after(uint32_t from, uint32_t se, std::string_view prep, uint32_t& distance) const {
    uint32_t limit = std::min(se, from + (prep.empty() ? 8u : prep == "by" ? 24u : 12u));
    for (uint32_t t = from; t < limit; ++t) {
      std::string_view w = norm(t);
      bool early_that = prep.empty() && w == "that" && t < from + 3;
      if (is_clause_break(w) && !early_that && (t > from || prep.empty() || w == ";" || w == ":"))
        return -1;
      if (w == "," && prep.empty()) return -1;
      for (size_t i = 0; i < units_.size(); ++i) {
        const Unit& u = units_[i];
        if (u.begin != t) continue;
        // "offered its troops": the subject's own people are not the target;
        // "met his Polish counterpart" names another country's.
        bool own_country = u.code.empty() || (u.code.size() == 3 && is_type_code(u.code));
        if (prep.empty() && u.begin > 0 && own_country &&
            in(norm(u.begin - 1), {"its", "their", "his", "her", "our"}))
          return -1;
        // "shelled the border town of Mirov": a place after "of" is the object.
        bool place_of = prep.empty() && u.place && u.prep == "of";
        if (prep.empty() ? (u.prep.empty() || place_of) : u.prep == prep) {
          distance = t - from;
          return static_cast<int>(i);
        }
        if (prep.empty())
          return -1;  // the first noun group after the verb is the object or nothing
      }
    }
    return -1;
  }

  // Without the slot the entry names, the first actor after the verb that
  // is an object or a recipient ("offered its troops to Lebanon").
  bool finite_verb(uint32_t t) const {
    for (const FormHit& h : forms_at(t))
      if (h.flags & (events::kFormPast | events::kFormThird | events::kFormIng)) return true;
    return false;
  }

  bool prep_owned(uint32_t t) const {
    return in(norm(t - 1), {"its", "their", "his", "her", "our"});
  }

  int loose_target(uint32_t from, uint32_t se) const {
    uint32_t limit = std::min(se, from + 10);
    for (uint32_t t = from; t < limit; ++t) {
      std::string_view w = norm(t);
      if ((t > from && is_clause_break(w)) || w == "," || w == ";" || w == ":") return -1;
      // Another verb starts another predication ("traveled to X to train Y").
      if (t > from && tok_mention_[t] < 0 && !doc_.tokens[t].has(kTokenCapitalized) &&
          !nounish(t, from) && (norm(t - 1) == "to" || finite_verb(t)))
        return -1;
      if (t > from && prep_owned(t)) continue;
      // A circumstance ("in exchange for", "during", "at") ends the search.
      if (t > from && in(w, {"in", "at", "during", "after", "before", "since", "despite", "amid"}))
        return -1;
      for (size_t i = 0; i < units_.size(); ++i) {
        const Unit& u = units_[i];
        if (u.begin != t || u.code.empty()) continue;
        if (u.prep.empty() || in(u.prep, {"to", "on", "against", "for", "with", "into", "toward",
                                          "towards", "of", "upon"}))
          return static_cast<int>(i);
      }
    }
    return -1;
  }

  int target_of(const Entry& e, uint32_t from, uint32_t se, bool& source_from) const {
    source_from = false;
    if (e.target == "-" || e.target.empty()) return -1;
    if (e.target == "from>src") {
      uint32_t d;
      source_from = true;
      return slot_after(from, se, "from", d);
    }
    // Tiers separated by ';' are tried in order ("about|over;to": what is
    // complained about before whom it is complained to); within a tier the
    // nearest slot wins.
    std::string_view tiers = e.target;
    while (!tiers.empty()) {
      size_t semi = tiers.find(';');
      std::string_view rest = tiers.substr(0, semi);
      tiers = semi == std::string_view::npos ? std::string_view() : tiers.substr(semi + 1);
      int best = -1;
      uint32_t best_d = UINT32_MAX;
      while (!rest.empty()) {
        size_t bar = rest.find('|');
        std::string_view alt = rest.substr(0, bar);
        rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
        uint32_t d = 0;
        int u = slot_after(from, se, alt == "obj" ? std::string_view() : alt, d);
        // A noun's preposition follows it ("the attack on X", "talks with X").
        if (u >= 0 && e.noun && d > 4) u = -1;
        if (u >= 0 && d < best_d) {
          best = u;
          best_d = d;
        }
      }
      if (best >= 0) return best;
    }
    return -1;
  }

  // The place the sentence puts the event: a place name after "in", "at",
  // "near" ..., nearest after the verb (or before it, at double distance).
  int location_of(uint32_t verb, uint32_t sb, uint32_t se) const {
    int best = -1;
    uint32_t best_d = UINT32_MAX;
    for (uint32_t mi = sentence_mentions_; mi < doc_.mentions.size(); ++mi) {
      const Mention& m = doc_.mentions[mi];
      if (m.token_begin >= se) break;
      if (m.entity < 0 || m.token_begin < sb + 1 || m.token_end > se) continue;
      EntityType ty = doc_.entities[m.entity].type;
      if (ty != EntityType::kGpe && ty != EntityType::kLoc && ty != EntityType::kFac) continue;
      if (m.token_end < se && norm(m.token_end) == "-") continue;  // "U.S.-brokered"
      // Skip "the city of", "Syria's northern" and determiners back to the
      // preposition ("outside of the Iraqi city of Basra").
      uint32_t p = m.token_begin - 1;
      while (p > sb && m.token_begin - p < 9 &&
             (is_determiner(norm(p)) || norm(p) == "'s" || norm(p) == "of" ||
              (doc_.tokens[p].kind == TokenKind::kWord && !is_function_word(norm(p)))))
        --p;
      if (!is_place_preposition(norm(p))) continue;
      // Only a place in the verb's own clause: not across ";" or ", and".
      bool crosses = false;
      uint32_t lo = std::min(verb, m.token_begin), hi = std::max(verb, m.token_begin);
      for (uint32_t x = lo; x + 1 < hi && !crosses; ++x)
        crosses = norm(x) == ";" || (norm(x) == "," && in(norm(x + 1), {"and", "but", "while"}));
      if (crosses) continue;
      uint32_t d = m.token_begin >= verb ? m.token_begin - verb : 2 * (verb - m.token_begin);
      if (d < best_d) {
        best_d = d;
        best = m.entity;
      }
    }
    return best;
  }

  // The time expression of the verb's clause: in the same claim (inside the
  // same attribution's content, or outside all of them), not across ";",
  // nearest to the verb. Found lazily, once per sentence with an event.
  const events::TimeExpr* time_of(uint32_t verb, Span vspan, int32_t attr, uint32_t sb,
                                  uint32_t se) {
    if (!times_ready_) {
      times_.clear();
      events::find_times(doc_, sb, se, has_published_, published_, times_);
      times_ready_ = true;
    }
    const events::TimeExpr* best = nullptr;
    uint32_t best_d = UINT32_MAX;
    for (const events::TimeExpr& t : times_) {
      if (attribution_of(t.span, vspan) != attr) continue;
      uint32_t lo = std::min(verb, t.token_begin), hi = std::max(verb, t.token_begin);
      // Another event verb in between is nearer: "threatened to expel X and
      // will meet Y on Friday" dates the meeting only.
      bool crosses = false;
      for (const Trigger& other : triggers_)
        if (other.begin > lo && other.begin < hi && !other.consumed && !other.entry->noun)
          crosses = true;
      for (uint32_t x = lo; x + 1 < hi && !crosses; ++x)
        crosses = norm(x) == ";" || (norm(x) == "," && in(norm(x + 1), {"and", "but", "while"}));
      if (crosses) continue;
      uint32_t d = hi - lo;
      if (d < best_d) {
        best_d = d;
        best = &t;
      }
    }
    return best;
  }

  // The innermost attribution whose content contains `s`, or -1.
  // `verb`, when given, is an event verb whose own attribution (the verb as a
  // cue of saying: "accused", "urged") is not a claim around it.
  int32_t attribution_of(Span s, Span verb = {0, 0}) const {
    int32_t best = -1;
    uint32_t best_len = UINT32_MAX;
    if (verb.end == 0) verb = s;
    for (size_t i = 0; i < doc_.attributions.size(); ++i) {
      const Attribution& a = doc_.attributions[i];
      // The verb of saying itself ("urged") is the speech act, not its content.
      if (a.cue.begin < verb.end && verb.begin < a.cue.end) continue;
      uint32_t len = 0;
      bool inside = false;
      for (Span c : a.content) {
        len += c.end - c.begin;
        if (c.begin <= s.begin && s.end <= c.end) inside = true;
      }
      if (inside && len < best_len) {
        best = static_cast<int32_t>(i);
        best_len = len;
      }
    }
    return best;
  }

  // The acting group a pronoun at token `p` stands for when it opens the
  // content of an attribution ("X said (that) it ...", "X told Y it ..."):
  // the attribution's source, or for "..., and said they ..." the subject of
  // the previous verb. -1 if none.
  int speaker_of(uint32_t p, uint32_t sb) const {
    uint32_t pb = doc_.tokens[p].span.begin;
    for (const Attribution& a : doc_.attributions) {
      if (a.cue.end > pb) continue;
      bool opens = false;
      for (Span c : a.content) {
        if (c.begin > pb || pb >= c.end) continue;
        // Only time words and "that" may come between the content start and
        // the pronoun, and the addressee of "told" ("X told Y it would ...").
        std::string_view cue = doc_.slice(a.cue);
        cue = cue.substr(cue.rfind(' ') == std::string_view::npos ? 0 : cue.rfind(' ') + 1);
        bool tells =
            in(cue, {"told", "tells", "tell", "informed", "assured", "warned", "reminded"});
        opens = true;
        for (size_t i = 0; i < units_.size() && opens; ++i) {
          uint32_t ub = doc_.tokens[units_[i].begin].span.begin;
          if (ub >= c.begin && ub < pb && !(tells && ub == c.begin)) opens = false;
        }
      }
      if (!opens) continue;
      if (a.has_source) {
        for (size_t i = 0; i < units_.size(); ++i) {
          // The head of the source's noun group, not a place after "in".
          const Unit& u = units_[i];
          if (!u.prep.empty() && u.prep != "of") continue;
          Span us{doc_.tokens[u.begin].span.begin, doc_.tokens[u.end - 1].span.end};
          if (us.begin < a.source.end && a.source.begin < us.end) return static_cast<int>(i);
        }
        return -1;
      }
      // No source named: "..., and said they also opposed ..." shares the subject.
      uint32_t k = p;
      while (k > sb && doc_.tokens[k - 1].span.begin >= a.cue.begin) --k;
      while (k > sb && is_adverb(norm(k - 1))) --k;
      if (k > sb && in(norm(k - 1), {"and", "but"})) return last_subject_;
      return -1;
    }
    return -1;
  }

  int target_in_content(const Trigger& tr, uint32_t se, int src) const {
    uint32_t vb = doc_.tokens[tr.begin].span.begin;
    for (const Attribution& a : doc_.attributions) {
      if (!(a.cue.begin <= vb && vb < a.cue.end)) continue;
      for (Span c : a.content) {
        for (size_t i = 0; i < units_.size(); ++i) {
          const Unit& u = units_[i];
          if (u.end > se || u.code.empty() || u.place || static_cast<int>(i) == src) continue;
          Span us{doc_.tokens[u.begin].span.begin, doc_.tokens[u.end - 1].span.end};
          if (c.begin <= us.begin && us.end <= c.end &&
              (src < 0 || units_[src].code.substr(0, 3) != u.code.substr(0, 3)))
            return static_cast<int>(i);
        }
      }
    }
    return -1;
  }

  // The coded subject of an "unless"/"if" clause after `from` (determiners
  // and modifiers may precede it), or -1.
  int condition_subject(uint32_t from, uint32_t se, int src) const {
    for (uint32_t t = from; t < se; ++t) {
      std::string_view w = norm(t);
      if (w == ";" || w == ":") return -1;
      if (w != "unless" && w != "if") continue;
      for (size_t i = 0; i < units_.size(); ++i) {
        const Unit& u = units_[i];
        if (u.begin <= t || u.begin > t + 4 || !u.prep.empty() || u.code.empty()) continue;
        if (static_cast<int>(i) == src) return -1;
        return static_cast<int>(i);
      }
      return -1;
    }
    return -1;
  }

  // "investigating alleged war crimes by Croatian extremists", "protest
  // against abuses by the police": the author of the deed after "by" in the
  // object of an inquiry, a criticism or a protest is its target.
  int accused_by(uint32_t from, uint32_t se) const {
    uint32_t limit = std::min(se, from + 12);
    for (uint32_t t = from; t < limit; ++t) {
      std::string_view w = norm(t);
      if ((t > from && is_clause_break(w)) || w == "," || w == ";") return -1;
      for (const Unit& u : units_)
        if (u.begin == t && u.prep == "by" && !u.code.empty() && !u.place)
          return static_cast<int>(&u - units_.data());
    }
    return -1;
  }

  // The first actor named in a "to VERB ..." complement starting at `from`,
  // up to the end of its clause; bare types ("troops") and the source's own
  // country do not count. -1 if none.
  int complement_target(uint32_t from, uint32_t se, int src) const {
    uint32_t limit = std::min(se, from + 16);
    std::string_view own = src >= 0 && units_[src].code.size() >= 3
                               ? std::string_view(units_[src].code).substr(0, 3)
                               : std::string_view();
    for (uint32_t t = from; t < limit; ++t) {
      std::string_view w = norm(t);
      if (is_clause_break(w) || w == "," || w == ";") return -1;
      // A circumstance ("without returning to X", "despite") ends the complement.
      if (in(w, {"without", "despite", "during", "amid", "instead"})) return -1;
      for (size_t i = 0; i < units_.size(); ++i) {
        const Unit& u = units_[i];
        if (u.begin != t || static_cast<int>(i) == src || u.code.size() < 3) continue;
        if (u.code.size() == 3 && is_type_code(u.code)) continue;
        if (!own.empty() && u.code.compare(0, 3, own) == 0) continue;
        return static_cast<int>(i);
      }
    }
    return -1;
  }

  // "X told Y that it must ...", "a reminder to Y that they should ...":
  // the group (other than `subj`) right before "that" when a pronoun after
  // "that" is the subject of the verb at `verb`; -1 otherwise.
  int told_that_it(uint32_t verb, uint32_t sb, int subj) const {
    uint32_t k = verb;
    while (k > sb && (is_adverb(norm(k - 1)) || is_modal(norm(k - 1)))) --k;
    if (k < sb + 2 || !in(norm(k - 1), {"it", "they"}) || norm(k - 2) != "that") return -1;
    uint32_t that = k - 2;
    for (int i = static_cast<int>(units_.size()) - 1; i >= 0; --i) {
      const Unit& u = units_[i];
      if (u.end > that) continue;
      if (i == subj || u.code.empty() || that - u.end > 2) return -1;
      if (!u.prep.empty() && u.prep != "to") return -1;
      return i;
    }
    return -1;
  }

  // ----- coding -----------------------------------------------------------

  static std::string_view mapped(std::string_view code, Control c) {
    if (c == Control::kNone || c == Control::kAppeal) return code;
    const events::Modality* m = events::modality(code.substr(0, 2));
    if (m == nullptr) return code;
    switch (c) {
      case Control::kIntent:
        // Intending a hostile act is threatening it ("plans to impose").
        return code.substr(0, 2) >= "13" ? m->threat : m->intent;
      case Control::kThreat:
        return m->threat;
      case Control::kReject:
        return m->reject;
      case Control::kDemand:
        return m->demand;
      default:
        return code;
    }
  }

  // The modal and negation before a verb: "will not", "did n't", "may".
  void modality_before(uint32_t t, uint32_t sb, std::string_view& modal, bool& negated) const {
    modal = {};
    negated = false;
    for (uint32_t k = t, steps = 0; k > sb && steps < 4; ++steps) {
      --k;
      std::string_view w = norm(k);
      if (is_negation(w) || w == "no") {
        negated = true;
        continue;
      }
      if (is_modal(w)) {
        modal = w;
        break;
      }
      if (is_adverb(w) || w == "be" || w == "to" || w == "have" || w == "has" || w == "had" ||
          w == "do" || w == "does" || w == "did" || w == "been" || w == "longer")
        continue;
      break;
    }
  }

  bool passive(const Trigger& tr, uint32_t sb) const {
    if (tr.entry->noun || !(tr.flags & events::kFormParticiple)) return false;
    for (uint32_t k = tr.begin, steps = 0; k > sb && steps < 3; ++steps) {
      --k;
      std::string_view w = norm(k);
      if (is_be(w)) return true;
      if (!(is_adverb(w) || is_negation(w))) break;
    }
    // Reduced relative: "militants killed by troops".
    return tr.end < doc_.tokens.size() && norm(tr.end) == "by";
  }

  // A type-only actor ("police", "rebels") takes the country of the place
  // the sentence names (documented in docs/schema.md).
  std::string with_country(const std::string& code, const std::string* other, int32_t loc) const {
    if (code.size() != 3 || !is_type_code(code)) return code;
    if (loc >= 0) {
      const std::string& a = actors_[loc];
      if (a.size() >= 3 && !is_type_code(a.substr(0, 3))) return a.substr(0, 3) + code;
    }
    // Civilians and institutions named without a country ("demonstrators",
    // "the police") are most often those of the other actor's country; armed
    // groups often cross borders, so they keep the bare type.
    if (in(code, {"REB", "MIL", "SEP", "INS", "UAF", "PKO", "IMG", "SPY"})) return code;
    if (other != nullptr && other->size() >= 3 && !is_type_code(other->substr(0, 3)) &&
        other->compare(0, 3, "IGO") != 0)
      return other->substr(0, 3) + code;
    // Else the one country the sentence names ("Ousted President Akayev ...
    // returning to Kyrgyzstan"): a domestic role is that country's.
    if (!sentence_country_.empty()) return sentence_country_ + code;
    return code;
  }

  void emit(uint32_t sb, uint32_t se, const Trigger& verb, const Entry& act, std::string_view code,
            std::string_view modifier, int src_unit, int tgt_unit, bool negated, bool speculative,
            bool future) {
    auto group_of = [&](int u, std::vector<int>& out) {
      out.clear();
      if (u < 0) return;
      for (size_t i = 0; i < units_.size(); ++i)
        if (units_[i].group == units_[u].group && !units_[i].code.empty())
          out.push_back(static_cast<int>(i));
      if (out.empty()) out.push_back(u);
    };
    group_of(src_unit, srcs_);
    group_of(tgt_unit, tgts_);
    if (srcs_.empty()) srcs_.push_back(-1);
    // A mutual act of a compound subject without a target ("Israel and Lebanon
    // renewed negotiations", "X and Y clashed") is one event per ordered pair.
    // Mediation is between others, never mutual.
    bool mutual = tgt_unit < 0 && srcs_.size() >= 2 && act.code != "045" &&
                  in(code.substr(0, 2), {"03", "04", "05", "06", "19"});
    if (mutual) tgts_ = srcs_;
    if (tgts_.empty()) tgts_.push_back(-1);
    Span vspan{doc_.tokens[verb.begin].span.begin, doc_.tokens[verb.end - 1].span.end};
    int32_t attr = attribution_of(vspan);
    int32_t loc = location_of(verb.begin, sb, se);
    const events::TimeExpr* when = time_of(verb.begin, vspan, attr, sb, se);
    events::TimeExpr resolved;
    if (when != nullptr && future && when->weekday >= 0 && has_published_) {
      resolved = events::resolve_future(*when, published_);
      when = &resolved;
    }
    size_t made = 0;
    for (int s : srcs_) {
      for (int g : tgts_) {
        if (made >= 6) return;
        std::string scode = s >= 0 ? placed_code(units_[s], loc) : std::string();
        std::string tcode = g >= 0 ? placed_code(units_[g], loc) : std::string();
        const std::string* sc = s >= 0 ? &scode : nullptr;
        const std::string* tc = g >= 0 ? &tcode : nullptr;
        if (sc == nullptr && tc == nullptr) continue;
        // "Chechen" fighters against "Russia": one country on both sides of a
        // bare-country dyad is no event; same-type groups (GOV vs GOV) are.
        if (s >= 0 && g >= 0 && (s == g || (sc->size() == 3 && *sc == *tc && !is_type_code(*sc))))
          continue;
        bool dup = false;
        for (size_t k = sentence_first_event_; k < doc_.events.size() && !dup; ++k) {
          const Event& o = doc_.events[k];
          dup = o.code == code && o.source.code == (sc ? *sc : std::string()) &&
                o.target.code == (tc ? *tc : std::string());
        }
        if (dup) continue;
        Event ev;
        if (s >= 0) {
          ev.source.code = with_country(*sc, tc, loc);
          ev.source.has_text = true;
          ev.source.text = {doc_.tokens[units_[s].begin].span.begin,
                            doc_.tokens[units_[s].end - 1].span.end};
        } else if (agentless_ && loc >= 0 && in(code.substr(0, 2), {"18", "19", "20"}) &&
                   actors_[loc].size() >= 3 && !is_type_code(actors_[loc].substr(0, 3))) {
          // "A journalist was killed in a car bomb in Beirut": violence whose
          // author the text does not name is coded to the country where it
          // happened, as CAMEO codes unattributed domestic violence.
          ev.source.code = actors_[loc].substr(0, 3);
        }
        // (A named target without a code of its own says no more than the place.)
        // A hostile act named by a noun that the clause's subject carries out
        // ("Israel reimposed blockades in the West Bank") is placed the same
        // way; a meeting or talks in a city are not directed at it.
        bool placed_act = !act.noun || (s >= 0 && code.substr(0, 2) >= "14" &&
                                        (!units_[s].place || (units_[s].place_entity >= 0 &&
                                                              is_country(units_[s].place_entity))));
        if ((g < 0 || tc->empty()) && loc >= 0 && act.target != "-" && placed_act && s >= 0 &&
            actors_[loc].size() >= 3 && !is_type_code(actors_[loc].substr(0, 3))) {
          // No target named: the event happens to the country it happens in
          // ("blocked roads in Algiers", "lifted the curfew in Montenegro",
          // "strengthened its forces in Lebanon"); a domestic event has its
          // own country as target.
          ev.has_target = true;
          ev.target.code = actors_[loc].substr(0, 3);
        }
        if (g >= 0 && !tc->empty()) {
          ev.has_target = true;
          ev.target.code = with_country(*tc, sc, loc);
          ev.target.has_text = true;
          ev.target.text = {doc_.tokens[units_[g].begin].span.begin,
                            doc_.tokens[units_[g].end - 1].span.end};
        }
        // "Egyptian police ... arresting 12": police, courts, security services
        // and governments arrest, detain and raid at home; unnamed people they
        // coerce are of their own country.
        if (!ev.has_target && act.target != "-" && code.substr(0, 2) == "17" &&
            ev.source.code.size() == 6 && !is_type_code(ev.source.code.substr(0, 3)) &&
            in(std::string_view(ev.source.code).substr(3), {"COP", "JUD", "GOV", "SPY"})) {
          ev.has_target = true;
          ev.target.code = ev.source.code.substr(0, 3);
        }
        // A bare type filled in from a place on the other side must not make
        // an actor act on itself ("the administration did decide to offer
        // wheat to Moscow" is not RUSGOV -> RUSGOV): it keeps the bare type.
        if (ev.has_target && ev.source.code.size() > 3 && ev.source.code == ev.target.code) {
          if (sc != nullptr && sc->size() == 3 && is_type_code(*sc) && g >= 0 && units_[g].place)
            ev.source.code = *sc;
          else if (tc != nullptr && tc->size() == 3 && is_type_code(*tc) && s >= 0 &&
                   units_[s].place)
            ev.target.code = *tc;
        }
        ev.code = std::string(code);
        ev.has_verb = true;
        ev.verb = vspan;
        ev.location = loc;
        ev.attribution = attr;
        ev.certainty = attr >= 0 ? doc_.attributions[attr].certainty : Certainty::kAsserted;
        if (speculative && ev.certainty != Certainty::kDenied)
          ev.certainty = Certainty::kSpeculative;
        ev.negated = negated;
        ev.entry = act.id;
        ev.modifier = modifier;
        if (when != nullptr) {
          ev.has_time = true;
          ev.time_text = when->span;
          if (when->resolved) {
            ev.time_start = events::iso_date(when->start);
            ev.time_end = events::iso_date(when->end);
          }
        }
        doc_.events.push_back(std::move(ev));
        ++made;
      }
    }
  }

  void code_trigger(uint32_t sb, uint32_t se, Trigger& tr) {
    const Entry& e = *tr.entry;
    agentless_ = false;
    std::string_view modal;
    bool negated = false;
    modality_before(tr.begin, sb, modal, negated);
    // Expected rather than past: a bare weekday is then the next one.
    // ("offered on Monday to mediate": the offer, not the mediation, is dated.)
    bool future = in(modal, {"will", "would", "shall", "'ll"});

    // A controlling verb with a coded "to VERB" complement codes the complement.
    const Trigger* comp = nullptr;
    if (e.control != Control::kNone) {
      for (Trigger& k : triggers_) {
        if (k.begin < tr.end || k.begin > tr.end + 8 || k.entry->noun || k.consumed) continue;
        bool to = false;
        for (uint32_t x = tr.end; x < k.begin; ++x) {
          std::string_view w = norm(x);
          if (w == "to") to = true;
          if (is_clause_break(w)) to = false;
        }
        if (!to || k.begin == 0 || (norm(k.begin - 1) != "to" && !is_adverb(norm(k.begin - 1))))
          continue;
        // "demanded a meeting of the Council to discuss ...": the "to" clause
        // belongs to the event noun in between, not to the verb.
        bool noun_between = false;
        for (const Trigger& n : triggers_)
          noun_between |= n.entry->noun && n.begin >= tr.end && n.begin < k.begin;
        if (noun_between) break;
        k.consumed = true;
        comp = &k;
        break;
      }
    }

    int subj = subject_of(tr.begin, sb);
    {
      uint32_t k = tr.begin;
      while (k > sb &&
             (is_adverb(norm(k - 1)) || is_modal(norm(k - 1)) || is_negation(norm(k - 1)) ||
              is_be(norm(k - 1)) || in(norm(k - 1), {"has", "have", "had", "did", "does", "do"})))
        --k;
      std::string_view before = k > sb ? norm(k - 1) : std::string_view();
      if (before == "," && (tr.flags & events::kFormIng) && !(tr.flags & events::kFormPast) &&
          last_subject_ >= 0 && !e.noun) {
        // A participial clause shares the main clause's subject: "Police
        // opened fire ..., killing one person and arresting 12".
        subj = last_subject_;
      } else if ((before == "and" || before == "but") && last_subject_ >= 0 && !e.noun) {
        // Coordinated verbs share the subject: "X threatened ... and urged Y".
        subj = last_subject_;
      } else if (k > sb + 1 && in(before, {"it", "they", "he", "she", "we"}) && !e.noun) {
        // "Japan said on Tuesday it had halted ...": the pronoun opening
        // what was said is the speaker.
        int sp = speaker_of(k - 1, sb);
        if (sp >= 0) subj = sp;
      } else if (subj < 0 && k == sb + 1 && in(before, {"it", "they"}) &&
                 !prev_source_code_.empty()) {
        // "It refused to ...": the previous sentence's acting group.
        Unit u;
        u.begin = prev_source_.first;
        u.end = prev_source_.second;
        u.code = prev_source_code_;
        u.group = -1 - static_cast<int>(units_.size());
        units_.push_back(std::move(u));
        subj = static_cast<int>(units_.size()) - 1;
      }
    }
    bool source_from = false;
    const Entry& act = comp ? *comp->entry : e;
    uint32_t after = comp ? comp->end : tr.end;
    int obj = -1;
    // "rejected North Korea's demand to sever ...": an object of the
    // controlling verb itself is the target.
    if (comp && e.control != Control::kAppeal && e.control != Control::kDemand) {
      uint32_t d;
      obj = slot_after(tr.end, comp->begin, {}, d);
    }
    if (obj < 0) obj = target_of(act, after, se, source_from);
    // "complained to the EU about arrests by Serbian police": the author of
    // the deed, not the addressee, is the target of a criticism.
    if ((obj < 0 || units_[obj].prep == "to") && !source_from && act.target != "-" &&
        in(act.code.substr(0, 2), {"09", "11", "14"})) {
      int by = accused_by(after, se);
      if (by >= 0) obj = by;
    }
    if (obj < 0 && !source_from && act.target != "-") obj = loose_target(after, se);
    // "send troops to ...": the object the entry requires is what is sent.
    if (obj >= 0 && !act.requires_.empty() &&
        word_near(act.requires_, units_[obj].end - 1, units_[obj].end))
      obj = -1;
    int src = subj, tgt = obj;
    if (source_from) std::swap(src, tgt);

    // Nominal event: a possessive or adjectival actor right before the noun
    // ("Russia's attack on", "the Ukrainian offensive against") is its source.
    // Inside a prepositional phrase ("in the talks") the clause's subject is
    // not its source, except "be in contact".
    if (e.noun) {
      uint32_t p = tr.begin;
      // An event word right after a determiner modifies the noun ("a bomb
      // attack", "the rocket fire") and is skipped like any other modifier.
      while (p > sb && tr.begin - p < 5 &&
             (is_determiner(norm(p - 1)) || norm(p - 1) == "-" || tok_mention_[p - 1] >= 0 ||
              (doc_.tokens[p - 1].kind == TokenKind::kWord && !is_function_word(norm(p - 1)) &&
               (forms_at(p - 1).empty() ||
                (p - 1 == tr.begin - 1 && p - 1 > sb && is_determiner(norm(p - 2)))))))
        --p;
      if (p > sb && in(norm(p - 1), {"in", "at", "of", "near", "from", "about", "over"}) &&
          !(norm(p - 1) == "in" && p - 1 > sb &&
            (is_be(norm(p - 2)) || in(norm(p - 2), {"engaged", "involved", "participated"}))))
        src = -1;
      // The object of another event verb ("condemned the threats", "ended
      // the fighting") is not an act of that verb's subject.
      for (const Trigger& k : triggers_)
        if (&k != &tr && !k.entry->noun && k.end == p) src = -1;
      for (size_t i = 0; i < units_.size(); ++i) {
        const Unit& u = units_[i];
        if (u.end <= tr.begin && tr.begin - u.end <= 2) {
          bool adjacent = true, possessive = false;
          for (uint32_t x = u.end; x < tr.begin; ++x) {
            std::string_view w = norm(x);
            if (w == "'s" || w == "'")
              possessive = true;
            else if (is_function_word(w) || doc_.tokens[x].kind != TokenKind::kWord)
              adjacent = false;
          }
          // A country before the noun acts ("US mediation"); a city is a venue
          // ("the Geneva talks").
          bool country = u.place_entity >= 0 && is_country(u.place_entity);
          if (adjacent && (possessive || !u.place || country)) src = static_cast<int>(i);
        }
      }
      // "a meeting between X and Y" without any other actor: X meets Y.
      if (tgt >= 0 && src < 0) {
        for (size_t i = 0; i < units_.size(); ++i)
          if (units_[i].group == units_[tgt].group && static_cast<int>(i) != tgt) {
            src = tgt;
            tgt = static_cast<int>(i);
            break;
          }
      }
    }

    if (!comp && passive(tr, sb)) {
      // "X was attacked by Y": the subject is the target; the agent after "by".
      uint32_t d;
      int by = slot_after(tr.end, se, "by", d);
      // The target is the group right before the auxiliary ("two villages
      // were attacked": no coded group there, no target).
      uint32_t k = tr.begin;
      while (k > sb && (is_be(norm(k - 1)) || is_adverb(norm(k - 1)) || is_negation(norm(k - 1)) ||
                        in(norm(k - 1), {"has", "have", "had"}) || is_modal(norm(k - 1))))
        --k;
      tgt = -1;
      for (size_t i = 0; i < units_.size(); ++i)
        if (units_[i].end == k) tgt = static_cast<int>(i);
      if (tgt < 0 && k > sb && in(norm(k - 1), {"who", "which", "that", ","})) tgt = subj;
      src = by;
      agentless_ = by < 0;
    }

    // Inverted speech: '"...," Ryabkov warned.' — source after the verb.
    if (!e.noun && tr.end < se && tr.begin > sb &&
        (norm(tr.begin - 1) == "," || doc_.tokens[tr.begin - 1].has(kTokenCloseQuote))) {
      for (size_t i = 0; i < units_.size(); ++i) {
        const Unit& u = units_[i];
        if (u.begin == tr.end && (u.end >= se || norm(u.end) == "." || norm(u.end) == ",")) {
          src = static_cast<int>(i);
          if (tgt < 0 || tgt == src) {
            tgt = -1;
            for (int j = static_cast<int>(i) - 1; j >= 0; --j)
              if (!units_[j].code.empty() && !units_[j].place && units_[j].end <= tr.begin) {
                tgt = j;
                break;
              }
          }
        }
      }
    }

    // A verb of saying that is itself an event ("warned", "accused" with the
    // content as a clause): without an object, the target is the first actor
    // of what was said.
    if (tgt < 0 && !e.noun) tgt = target_in_content(tr, se, src);

    std::string_view code = e.code;
    std::string_view modifier;
    Control ctl = Control::kNone;
    if (comp) {
      ctl = e.control;
      modifier = e.id;
      if (ctl == Control::kAppeal) {
        code = e.code;  // "urged X to Y": the appeal; X is its target
        tgt = target_of(e, tr.end, se, source_from);
      } else if (ctl == Control::kDemand) {
        code = mapped(act.code, ctl);
        int t2 = target_of(e, tr.end, se, source_from);
        if (t2 >= 0) tgt = t2;
      } else {
        code = mapped(act.code, ctl);
      }
    }
    bool speculative = false;
    // "X said Y must withdraw": the speaker demands the act of Y.
    if ((modal == "must" || modal == "should") && !e.noun &&
        (ctl == Control::kNone || ctl == Control::kIntent) && !negated) {
      int speaker = subj >= 0 ? subject_of(units_[subj].begin, sb) : -1;
      int addressee = -1;
      if (speaker < 0 && subj >= 0) addressee = told_that_it(tr.begin, sb, subj);
      if (speaker >= 0) {
        code = mapped(act.code, Control::kDemand);
        modifier = modal_rule(modal);
        tgt = subj;
        src = speaker;
      } else if (addressee >= 0) {
        // "Chirac reminded Iraq that it must cooperate": the subject demands
        // the act of the one told.
        code = mapped(act.code, Control::kDemand);
        modifier = modal_rule(modal);
        tgt = addressee;
        src = subj;
      }
      modal = {};
    }
    if (!modal.empty() && !e.noun) {
      Control m = Control::kNone;
      std::string_view root = code.substr(0, 2);
      if (negated && !is_speculative_modal(modal)) {
        m = Control::kReject;
      } else if (root <= "09") {
        m = Control::kIntent;
      } else if (root >= "14") {
        m = Control::kThreat;
      }
      // A controller already set the family ("will threaten to" stays a threat).
      if (m != Control::kNone && ctl == Control::kNone) {
        code = mapped(code, m);
        modifier = modal_rule(modal);
        if (m == Control::kReject) negated = false;
      }
      speculative = is_speculative_modal(modal);
    }
    if (comp && negated && (ctl == Control::kIntent)) {
      code = mapped(act.code, Control::kReject);
      negated = false;
    }
    // "is ready to contribute troops to a force in Liberia", "agreed to lift
    // embargoes on sales to Iran": an intent whose act names no target of
    // its own is aimed at the first actor the complement names.
    if (tgt < 0 && e.control == Control::kIntent && code.substr(0, 2) == "03" &&
        (comp != nullptr || (tr.end < se && norm(tr.end) == "to")))
      tgt = complement_target(comp ? comp->end : tr.end, se, src);
    // "threatened to strike unless Israel rescinds ...": a threat is aimed
    // at whoever must meet its condition.
    if (tgt < 0 && code.substr(0, 2) == "13") tgt = condition_subject(after, se, src);
    if (subj >= 0 && !e.noun) last_subject_ = subj;
    if (src >= 0 && !units_[src].code.empty()) {
      prev_source_ = {units_[src].begin, units_[src].end};
      prev_source_code_ = units_[src].code;
    }
    emit(sb, se, tr, act, code, modifier, src, tgt, negated, speculative, future);
  }

  void sentence(uint32_t sb, uint32_t se) {
    if (se > doc_.tokens.size() || sb >= se) return;
    // Mentions are in text order: the first one of this sentence.
    while (sentence_mentions_ < doc_.mentions.size() &&
           doc_.mentions[sentence_mentions_].token_begin < sb)
      ++sentence_mentions_;
    sentence_begin_ = sb;
    sentence_country_ = only_country(sb, se);
    build_units(sb, se);
    own_groups_of_speakers();
    find_triggers(sb, se);
    sentence_first_event_ = doc_.events.size();
    times_ready_ = false;
    last_subject_ = -1;
    for (Trigger& tr : triggers_) {
      if (tr.consumed) continue;
      code_trigger(sb, se, tr);
    }
  }

  std::span<const FormHit> forms_at(uint32_t t) const {
    return info_[t] != nullptr ? info_[t]->forms : std::span<const FormHit>();
  }

  Document& doc_;
  const lexicon::Lexicon* lex_;
  std::vector<std::string> actors_;            // per entity: actor_code()
  std::vector<const events::WordInfo*> info_;  // per token, null = unknown word
  std::vector<int32_t> tok_mention_;
  std::vector<Unit> units_;
  std::vector<Trigger> triggers_;
  std::vector<int> srcs_, tgts_;
  std::vector<uint8_t> links_;
  size_t sentence_first_event_ = 0;
  uint32_t object_tok_ = UINT32_MAX;
  uint32_t sentence_mentions_ = 0;
  uint32_t sentence_begin_ = 0;
  bool has_published_ = false;
  events::Days published_ = 0;
  std::vector<events::TimeExpr> times_;  // of the current sentence, once times_ready_
  bool times_ready_ = false;
  int last_subject_ = -1;  // subject of the last verb in this sentence
  bool agentless_ = false;
  std::string sentence_country_;  // only_country() of the current sentence  // the trigger being
                                  // coded is a passive without an actor after "by"
  std::pair<uint32_t, uint32_t> prev_source_;  // tokens of the last coded source
  std::string prev_source_code_;
  std::array<std::string, 7> last_full_;  // see remember_or_recall
};

}  // namespace

void code_events(Document& doc, const lexicon::Lexicon* lex) {
  doc.events.clear();
  Coder(doc, lex).run();
}

}  // namespace claimtrace::extract
