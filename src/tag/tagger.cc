#include "tag/tagger.h"

#include <array>
#include <cstring>
#include <string>
#include <vector>

namespace claimtrace::tag {

namespace {

// The readings of one token: the tags it may take (lexicon order) and the
// one chosen. Unknown words carry the tags their shape suggests.
// Function words the rules look at, classified once per token so the rules
// compare bytes, not strings.
enum class WordClass : uint8_t {
  kOther,
  kBe,           // be is are was were been being am 're 'm
  kApostropheS,  // 's: is, has or the possessive
  kHave,         // have has had having 've
  kDo,           // do does did
  kGet,          // get gets got gotten getting
  kThat,
  kSubjectSingular,  // he she it
  kSubjectPlural,    // i we they you
};

WordClass classify(std::string_view n) {
  if (n.empty() || n.size() > 7) return WordClass::kOther;
  auto any = [&](std::initializer_list<std::string_view> words) {
    for (std::string_view w : words)
      if (n == w) return true;
    return false;
  };
  switch (n[0]) {
    case 'a':
      return any({"are", "am"}) ? WordClass::kBe : WordClass::kOther;
    case 'b':
      return any({"be", "been", "being"}) ? WordClass::kBe : WordClass::kOther;
    case 'i':
      if (n == "is") return WordClass::kBe;
      if (n == "it") return WordClass::kSubjectSingular;
      return n == "i" ? WordClass::kSubjectPlural : WordClass::kOther;
    case 'w':
      if (any({"was", "were"})) return WordClass::kBe;
      return n == "we" ? WordClass::kSubjectPlural : WordClass::kOther;
    case '\'':
      if (n == "'s") return WordClass::kApostropheS;
      if (any({"'re", "'m"})) return WordClass::kBe;
      return n == "'ve" ? WordClass::kHave : WordClass::kOther;
    case 'h':
      if (any({"have", "has", "had", "having"})) return WordClass::kHave;
      return n == "he" ? WordClass::kSubjectSingular : WordClass::kOther;
    case 'd':
      return any({"do", "does", "did"}) ? WordClass::kDo : WordClass::kOther;
    case 'g':
      return any({"get", "gets", "got", "gotten", "getting"}) ? WordClass::kGet : WordClass::kOther;
    case 't':
      if (n == "that") return WordClass::kThat;
      return n == "they" ? WordClass::kSubjectPlural : WordClass::kOther;
    case 's':
      return n == "she" ? WordClass::kSubjectSingular : WordClass::kOther;
    case 'y':
      return n == "you" ? WordClass::kSubjectPlural : WordClass::kOther;
    default:
      return WordClass::kOther;
  }
}

struct Reading {
  const TagEntry* entry = nullptr;
  std::array<Pos, kMaxTagsPerWord> tags{};
  uint8_t n = 0;
  Pos pos = Pos::kNone;
  WordClass cls = WordClass::kOther;

  bool has(Pos p) const {
    for (uint8_t i = 0; i < n; ++i)
      if (tags[i] == p || (p == Pos::kVBP && tags[i] == Pos::kVB))
        return true;  // any base form may be present tense
    return false;
  }
  // Moves to `p` if the token may take it; true when it did.
  bool prefer(Pos p) {
    if (!has(p)) return false;
    pos = p;
    return true;
  }
  void set(std::initializer_list<Pos> list) {
    n = 0;
    for (Pos p : list)
      if (n < tags.size()) tags[n++] = p;
    pos = tags[0];
  }
};

Reading from_entry(const TagEntry* e) {
  Reading r;
  r.entry = e;
  for (uint8_t t : e->tags)
    if (t != 0) r.tags[r.n++] = static_cast<Pos>(t);
  r.pos = r.n ? r.tags[0] : Pos::kNN;
  if (r.n == 0) r.set({Pos::kNN});
  return r;
}

bool has_open_or_closed_class(const TagEntry* e) {
  for (uint8_t t : e->tags)
    if (t != 0 && !is_proper(static_cast<Pos>(t))) return true;
  return false;
}
bool proper_first(const TagEntry* e) {
  return e != nullptr && is_proper(static_cast<Pos>(e->tags[0]));
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() + 1 && s.substr(s.size() - suffix.size()) == suffix;
}

// Tags of a word the lexicon does not know, from its shape and suffix.
Reading guess(const TagLexicon& lex, std::string_view lower, bool capitalized) {
  Reading r;
  if (capitalized) {
    r.set({Pos::kNNP});
    return r;
  }
  if (lower[0] >= '0' && lower[0] <= '9') {  // 1996-08-30, 6-4, 3rd-place
    r.set({Pos::kCD, Pos::kJJ});
    return r;
  }
  if (const size_t dash = lower.rfind('-');
      dash != std::string_view::npos && dash + 1 < lower.size()) {
    // "Russian-backed", "anti-government", "cease-fire": the last part decides.
    if (const TagEntry* last = lex.find(lower.substr(dash + 1))) {
      const Pos p = static_cast<Pos>(last->tags[0]);
      if (p == Pos::kNNS)
        r.set({Pos::kNNS, Pos::kJJ});
      else if (p == Pos::kNN)
        r.set({Pos::kJJ, Pos::kNN});
      else
        r.set({Pos::kJJ});
      return r;
    }
    r.set({Pos::kJJ, Pos::kNN});
    return r;
  }
  for (char c : lower)
    if (c >= '0' && c <= '9') {
      r.set({Pos::kCD, Pos::kNN});
      return r;
    }
  static constexpr std::pair<std::string_view, Pos> kSuffixes[] = {
      {"ing", Pos::kVBG}, {"ed", Pos::kVBN},  {"ly", Pos::kRB},   {"tion", Pos::kNN},
      {"sion", Pos::kNN}, {"ment", Pos::kNN}, {"ness", Pos::kNN}, {"ity", Pos::kNN},
      {"ism", Pos::kNN},  {"ist", Pos::kNN},  {"ship", Pos::kNN}, {"hood", Pos::kNN},
      {"able", Pos::kJJ}, {"ible", Pos::kJJ}, {"ous", Pos::kJJ},  {"ive", Pos::kJJ},
      {"ful", Pos::kJJ},  {"less", Pos::kJJ}, {"ic", Pos::kJJ},   {"al", Pos::kJJ},
      {"ian", Pos::kJJ},  {"ese", Pos::kJJ},  {"ish", Pos::kJJ},  {"ize", Pos::kVB},
      {"ise", Pos::kVB},  {"ify", Pos::kVB},  {"ss", Pos::kNN},   {"us", Pos::kNN},
      {"s", Pos::kNNS}};
  for (auto [suffix, p] : kSuffixes) {
    if (!ends_with(lower, suffix)) continue;
    if (p == Pos::kVBG)
      r.set({Pos::kVBG, Pos::kNN, Pos::kJJ});
    else if (p == Pos::kVBN)
      r.set({Pos::kVBN, Pos::kVBD, Pos::kJJ});
    else if (p == Pos::kNNS)
      r.set({Pos::kNNS, Pos::kVBZ});
    else if (p == Pos::kVB)
      r.set({Pos::kVB, Pos::kVBP});
    else
      r.set({p});
    return r;
  }
  r.set({Pos::kNN});
  return r;
}

enum class CaseMode : uint8_t { kNormal, kTitle, kAllCaps };

// Headlines ("RUSSIA SENDS TROOPS", "Russia Sends Troops To Border") carry no
// case information: their words are looked up in lower case first.
CaseMode sentence_case(const Document& doc, const Sentence& s) {
  uint32_t words = 0, all_caps = 0, long_words = 0, long_capitalized = 0;
  for (uint32_t i = s.first_token; i < s.first_token + s.token_count; ++i) {
    const Token& t = doc.tokens[i];
    if (t.kind != TokenKind::kWord || t.span.size() < 2) continue;
    ++words;
    if (t.has(kTokenAllCaps)) ++all_caps;
    if (t.span.size() >= 4) {
      ++long_words;
      if (t.has(kTokenCapitalized)) ++long_capitalized;
    }
  }
  if (words >= 3 && all_caps * 5 >= words * 3) return CaseMode::kAllCaps;
  if (long_words >= 3 && long_capitalized * 4 >= long_words * 3 && long_capitalized == long_words)
    return CaseMode::kTitle;
  return CaseMode::kNormal;
}

Pos punct_tag(const Token& t, std::string_view text) {
  if (t.has(kTokenOpenQuote)) return Pos::kOpenQuote;
  if (t.has(kTokenCloseQuote)) return Pos::kCloseQuote;
  if (text == "," || text == "\xD8\x8C") return Pos::kComma;
  if (text == "." || text == "!" || text == "?") return Pos::kPeriod;
  if (text == "(" || text == "[" || text == "{") return Pos::kLeftParen;
  if (text == ")" || text == "]" || text == "}") return Pos::kRightParen;
  if (text == "/") return Pos::kSYM;
  if (text == "\"" || text == "'" || text == "\xE2\x80\x9D" || text == "\xE2\x80\x99")
    return Pos::kCloseQuote;
  return Pos::kColon;  // ; : ... dashes
}

bool function_word(Pos p) {
  return p == Pos::kIN || p == Pos::kDT || p == Pos::kCC || p == Pos::kTO || p == Pos::kMD ||
         p == Pos::kWDT || p == Pos::kWRB || p == Pos::kWP;
}

Reading lexical_reading(const TagLexicon& lex, const Document& doc, const Token& t, bool initial,
                        CaseMode mode, std::string& scratch) {
  Reading r;
  const std::string_view surface = doc.slice(t.span);
  const std::string_view lower = doc.norm(t);
  switch (t.kind) {
    case TokenKind::kNumber:
      r.set({Pos::kCD});
      return r;
    case TokenKind::kPunct:
      r.set({punct_tag(t, surface)});
      return r;
    case TokenKind::kSymbol:
      if (surface == "$" || surface == "\xE2\x82\xAC" || surface == "\xC2\xA3")
        r.set({Pos::kDollar});
      else if (surface == "#")
        r.set({Pos::kHash});
      else if (surface == "%")
        r.set({Pos::kNN});
      else if (surface == "&")
        r.set({Pos::kCC});
      else
        r.set({Pos::kSYM});
      return r;
    case TokenKind::kUrl:
    case TokenKind::kEmail:
      r.set({Pos::kNN});
      return r;
    case TokenKind::kAbbreviation:
    case TokenKind::kWord:
      break;
  }
  const bool capitalized = t.has(kTokenCapitalized);
  if (!capitalized) {
    const TagEntry* e = lex.find(surface);
    if (e == nullptr && lower != surface) e = lex.find(lower);
    return e ? from_entry(e) : guess(lex, lower, false);
  }
  const TagEntry* as_written = lex.find(surface);
  const bool all_caps = t.has(kTokenAllCaps) && t.span.size() >= 2;
  if (mode == CaseMode::kNormal && !initial && !all_caps) {
    // A capital inside running text marks a name unless the lexicon knows the
    // capitalised spelling ("I", "Mr.", "Monday").
    if (as_written) return from_entry(as_written);
    if (t.kind == TokenKind::kAbbreviation)
      if (const TagEntry* as_lower = lex.find(lower)) return from_entry(as_lower);
    return guess(lex, lower, true);
  }
  const TagEntry* as_lower = lex.find(lower);
  // An acronym (NATO, US) keeps its reading, even in a headline, unless its
  // lower-case form is a function word ("AS", "AT", "IN"; but "US" stays a name).
  if (all_caps && proper_first(as_written) &&
      !(as_lower && function_word(static_cast<Pos>(as_lower->tags[0]))))
    return from_entry(as_written);
  if (all_caps && mode == CaseMode::kNormal && !initial) {
    // An acronym in running text ("the UN", "IAEA") unless it is a long word
    // set in capitals for emphasis.
    if (as_written) return from_entry(as_written);
    if (as_lower && t.span.size() > 4 && has_open_or_closed_class(as_lower))
      return from_entry(as_lower);
    return guess(lex, lower, true);
  }
  // Sentence start, after an opening quote, or a headline: the capital says
  // nothing; a capitalised spelling the lexicon knows as a common word ("I",
  // "The") wins, then a known lower-case word, then a known name.
  if (as_written && !all_caps && !is_proper(static_cast<Pos>(as_written->tags[0])))
    return from_entry(as_written);
  if (as_lower && has_open_or_closed_class(as_lower)) return from_entry(as_lower);
  if (all_caps) {
    scratch.assign(lower);
    if (!scratch.empty() && scratch[0] >= 'a' && scratch[0] <= 'z')
      scratch[0] = static_cast<char>(scratch[0] - 32);
    if (const TagEntry* title = lex.find(scratch)) return from_entry(title);
  }
  if (as_written) return from_entry(as_written);
  if (as_lower) return from_entry(as_lower);
  return guess(lex, lower, true);
}

// Contextual transformations over one sentence [b, e), in order. Each rule
// names the context that licenses it; a token only moves to a tag its
// reading allows.
void apply_rules(const Document& doc, std::vector<Reading>& r, uint32_t b, uint32_t e) {
  // Previous token, skipping adverbs ("has not yet been"); UINT32_MAX if none.
  auto prev_skip_rb = [&](uint32_t i) {
    while (i > b) {
      --i;
      if (r[i].pos != Pos::kRB) return i;
    }
    return UINT32_MAX;
  };
  auto tag_at = [&](uint32_t i) { return i < e ? r[i].pos : Pos::kNone; };

  for (uint32_t i = b; i < e; ++i) {
    Reading& cur = r[i];
    const WordClass cls = cur.cls;
    const uint32_t p = prev_skip_rb(i);
    const Pos prev = i > b ? r[i - 1].pos : Pos::kNone;
    const Pos next = tag_at(i + 1);
    const WordClass pc = p != UINT32_MAX ? r[p].cls : WordClass::kOther;

    // 's: possessive after a name or noun, "is"/"has" after a pronoun or before a participle.
    if (cls == WordClass::kApostropheS) {
      if (prev == Pos::kPRP || prev == Pos::kEX || prev == Pos::kWP || prev == Pos::kWDT ||
          (i + 1 < e && (r[i + 1].has(Pos::kVBG) || r[i + 1].pos == Pos::kVBN)))
        cur.pos = Pos::kVBZ;
      else
        cur.pos = Pos::kPOS;
      continue;
    }
    // that: complementizer after a verb, relative pronoun before a verb, determiner before a noun.
    if (cls == WordClass::kThat && cur.n > 1) {
      if (is_verb(prev))
        cur.prefer(Pos::kIN);
      else if (is_noun(prev) && (is_verb(next) || next == Pos::kMD || next == Pos::kRB))
        cur.prefer(Pos::kWDT);
      else if (next == Pos::kNN || next == Pos::kNNS || next == Pos::kJJ)
        cur.prefer(Pos::kDT);
      continue;
    }
    if (p != UINT32_MAX) {
      const Pos pp = r[p].pos;
      // will attack, to attack, did not attack: the base form.
      // A noun reading stays after "to" when nothing follows that a verb
      // would take ("sends troops to border.", "to border as talks stall").
      const bool noun_after_to =
          pp == Pos::kTO && cur.pos == Pos::kNN &&
          (next == Pos::kNone || next == Pos::kPeriod || next == Pos::kComma ||
           (next == Pos::kIN && r[i + 1].cls != WordClass::kThat));
      if ((pp == Pos::kMD || pp == Pos::kTO || (pc == WordClass::kDo && is_verb(pp))) &&
          !noun_after_to) {
        if (cur.prefer(Pos::kVB)) continue;
      }
      // has attacked: the participle.
      if (pc == WordClass::kHave && is_verb(pp)) {
        if (cur.prefer(Pos::kVBN)) continue;
      }
      // was attacked, got arrested: the passive participle.
      if ((pc == WordClass::kBe || pc == WordClass::kGet || pc == WordClass::kApostropheS) &&
          (is_verb(pp) || pc == WordClass::kApostropheS) && cur.pos != Pos::kVBG) {
        if (cur.prefer(Pos::kVBN)) continue;
      }
    }
    // the attack, its forces, the wounded: a determiner or adjective before a
    // verb reading makes it nominal.
    if ((prev == Pos::kDT || prev == Pos::kPRPS || prev == Pos::kPOS || prev == Pos::kWPS ||
         prev == Pos::kJJ || prev == Pos::kCD || prev == Pos::kPDT) &&
        is_verb(cur.pos)) {
      if (cur.pos == Pos::kVBN || cur.pos == Pos::kVBG) {
        if (!cur.prefer(Pos::kJJ)) cur.prefer(Pos::kNN);
      } else if (!cur.prefer(Pos::kNN) && !cur.prefer(Pos::kNNS)) {
        cur.prefer(Pos::kJJ);
      }
      continue;
    }
    // they attack, he reports, it said: a subject pronoun before a nominal reading.
    if (prev == Pos::kPRP && !is_verb(cur.pos) && cur.pos != Pos::kMD && cur.pos != Pos::kRB) {
      const WordClass pr = r[i - 1].cls;
      const bool singular = pr == WordClass::kSubjectSingular;
      const bool subject = singular || pr == WordClass::kSubjectPlural;
      if (subject && (cur.prefer(singular ? Pos::kVBZ : Pos::kVBP) || cur.prefer(Pos::kVBD)))
        continue;
    }
    if (prev == Pos::kPRP && (cur.pos == Pos::kVBN || cur.pos == Pos::kVB)) {
      const WordClass pr = r[i - 1].cls;
      if (pr == WordClass::kSubjectSingular || pr == WordClass::kSubjectPlural) {
        if (cur.pos == Pos::kVBN ? cur.prefer(Pos::kVBD) : cur.prefer(Pos::kVBP)) continue;
      }
    }
    // Russia denies the report: a verb reading after a name, before its object.
    if (cur.pos == Pos::kNNS && cur.has(Pos::kVBZ) && prev == Pos::kNNP &&
        (next == Pos::kDT || next == Pos::kPRPS || next == Pos::kPRP || next == Pos::kTO ||
         next == Pos::kCD || (i + 1 < e && r[i + 1].cls == WordClass::kThat))) {
      cur.prefer(Pos::kVBZ);
      continue;
    }
    // killed five people and wounded dozens: a participle coordinated with a past tense is one too.
    if (cur.pos == Pos::kVBN && cur.has(Pos::kVBD) && prev == Pos::kCC) {
      for (uint32_t k = i - 1; k > b; --k) {
        const Pos earlier = r[k - 1].pos;
        if (!is_verb(earlier) && earlier != Pos::kMD) continue;
        if (earlier == Pos::kVBD) cur.prefer(Pos::kVBD);
        break;
      }
      if (cur.pos == Pos::kVBD) continue;
    }
    // Troops killed five people: a participle right after its subject, with an object, is past
    // tense.
    if (cur.pos == Pos::kVBN && cur.has(Pos::kVBD) && p != UINT32_MAX && p + 1 == i &&
        (is_noun(r[p].pos) || r[p].pos == Pos::kPRP) &&
        (next == Pos::kDT || next == Pos::kPRPS || next == Pos::kCD || next == Pos::kPRP ||
         next == Pos::kNNP || next == Pos::kJJ || next == Pos::kJJR || next == Pos::kNNS)) {
      cur.prefer(Pos::kVBD);
      continue;
    }
    // "May said": a capitalised modal before a finite verb is a name.
    if (cur.pos == Pos::kMD && doc.tokens[i].has(kTokenCapitalized) &&
        (next == Pos::kVBD || next == Pos::kVBZ || next == Pos::kMD)) {
      cur.set({Pos::kNNP});
      continue;
    }
    // A sentence-initial common noun before a name is part of the name ("Mark Rutte").
    if (i == b && doc.tokens[i].has(kTokenCapitalized) && is_noun(cur.pos) && !is_proper(cur.pos) &&
        next == Pos::kNNP && !doc.tokens[i].has(kTokenAllCaps)) {
      cur.pos = Pos::kNNP;
      continue;
    }
    // Rebels retreat, troops seize the airport: a noun with a verb reading
    // right after a plural noun, before an object, preposition or the end.
    if (cur.pos == Pos::kNN && prev == Pos::kNNS && cur.has(Pos::kVB) &&
        (next == Pos::kNone || next == Pos::kPeriod || next == Pos::kDT || next == Pos::kPRPS ||
         next == Pos::kTO || next == Pos::kCD || next == Pos::kIN || next == Pos::kRB)) {
      cur.prefer(Pos::kVBP);
      continue;
    }
    // A base form without a modal, "to" or "do" before it is a present tense.
    if (cur.pos == Pos::kVB && p != UINT32_MAX && (is_noun(r[p].pos) || r[p].pos == Pos::kPRP))
      cur.prefer(Pos::kVBP);
  }
}

// The lemma of a token, written to `out` when it differs from `lower`;
// false when the lemma is `lower` itself.
bool lemma_of(const TagLexicon& lex, const Reading& r, std::string_view lower, std::string& out) {
  const Pos p = r.pos;
  if (r.entry != nullptr) {
    uint32_t lemma = 0;
    if (is_verb(p) || p == Pos::kMD)
      lemma = r.entry->verb_lemma;
    else if (p == Pos::kNNS || p == Pos::kNNPS || p == Pos::kJJR || p == Pos::kJJS ||
             p == Pos::kRBR || p == Pos::kRBS)
      lemma = r.entry->other_lemma;
    if (lemma == 0 || lex.str(lemma) == lower) return false;
    out.assign(lex.str(lemma));
    return true;
  }
  // An unknown plural: the regular singular ("drones" -> "drone", "militias" -> "militia").
  if (p != Pos::kNNS || lower.size() <= 3 || lower.back() != 's') return false;
  if (ends_with(lower, "ies")) {
    out.assign(lower.substr(0, lower.size() - 3));
    out += 'y';
    return true;
  }
  if (lower[lower.size() - 2] == 's') return false;  // "-ss" is no plural
  out.assign(lower.substr(0, lower.size() - 1));
  return true;
}

}  // namespace

void tag_document(const TagLexicon& lexicon, Document& doc) {
  thread_local std::vector<Reading> readings;
  thread_local std::string scratch;
  readings.assign(doc.tokens.size(), Reading{});
  for (const Sentence& s : doc.sentences) {
    const uint32_t b = s.first_token, e = s.first_token + s.token_count;
    const CaseMode mode = sentence_case(doc, s);
    bool initial = true;
    for (uint32_t i = b; i < e; ++i) {
      const Token& t = doc.tokens[i];
      readings[i] = lexical_reading(lexicon, doc, t, initial, mode, scratch);
      if (t.kind == TokenKind::kWord) readings[i].cls = classify(doc.norm(t));
      // The next word starts a clause after an opening quote, a colon or a dash.
      initial = t.kind == TokenKind::kPunct &&
                (t.has(kTokenOpenQuote) || readings[i].pos == Pos::kColon || (i == b && initial));
    }
    apply_rules(doc, readings, b, e);
  }
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    Token& t = doc.tokens[i];
    t.pos = readings[i].pos;
    t.lemma_size = 0;
    // The lemma is copied to `scratch` first: appending a view into
    // norm_pool to norm_pool itself would read freed memory on growth.
    if (!lemma_of(lexicon, readings[i], doc.norm(t), scratch)) continue;
    t.lemma_begin = static_cast<uint32_t>(doc.norm_pool.size());
    t.lemma_size = static_cast<uint32_t>(scratch.size());
    doc.norm_pool.append(scratch);
  }
  find_chunks(doc);
}

}  // namespace claimtrace::tag
