// Attribution: who says what, through whom, and how sure.
//
// Works sentence by sentence over tokens, with the speech-cue lexicon
// (speech_cues.h) and quote regions (quotes.h):
//   1. find cue occurrences outside quotations;
//   2. for each cue, pick the word order it appears in (source before or after
//      the cue, content before or after it, passive "reported by", participial
//      ", stating that", "according to", ", citing X", sourceless "reportedly")
//      and cut source and content spans by token boundaries;
//   3. chain relayed sources (via), classify and resolve sources, and grade
//      certainty from the cue, negation and hedges.
// There is no parser: noun groups are runs of tokens between clause
// boundaries (punctuation, auxiliaries, conjunctions), which is right for the
// short subject groups that dominate news attribution.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "extract/extract.h"
#include "extract/quotes.h"
#include "extract/speech_cues.h"

namespace claimtrace::extract {
namespace {

using WordSet = std::unordered_set<std::string_view>;

// Words that may stand between a subject and its verb of saying:
// auxiliaries, negation and adverbs ("has since also said", "did not say").
const WordSet& aux_words() {
  static const WordSet s{"has",        "have",       "had",       "is",         "are",
                         "was",        "were",       "be",        "been",       "being",
                         "will",       "would",      "shall",     "should",     "can",
                         "could",      "may",        "might",     "must",       "do",
                         "does",       "did",        "not",       "n't",        "never",
                         "also",       "since",      "later",     "earlier",    "previously",
                         "repeatedly", "publicly",   "privately", "recently",   "then",
                         "further",    "again",      "already",   "reportedly", "allegedly",
                         "reportedly", "first",      "once",      "often",      "still",
                         "just",       "only",       "even",      "separately", "initially",
                         "openly",     "explicitly", "directly",  "too",        "now"};
  return s;
}

bool is_negation(std::string_view w) {
  return w == "not" || w == "n't" || w == "never";
}
bool is_passive_aux(std::string_view w) {
  return w == "been" || w == "was" || w == "were" || w == "is" || w == "are" || w == "be" ||
         w == "being";
}

// Words that end a noun group when walking outwards from a cue.
const WordSet& np_stop_words() {
  static const WordSet s{
      "that",  "which",     "when",     "while",   "because",   "if",         "as",        "since",
      "after", "before",    "although", "though",  "where",     "so",         "than",      "but",
      "or",    "nor",       "yet",      "whether", "what",      "how",        "why",       "to",
      "by",    "said",      "says",     "say",     "told",      "has",        "have",      "had",
      "is",    "are",       "was",      "were",    "be",        "been",       "being",     "will",
      "would", "shall",     "should",   "can",     "could",     "may",        "might",     "must",
      "do",    "does",      "did",      "not",     "n't",       "never",      "also",      "then",
      "there", "here",      "it's",     "however", "meanwhile", "reportedly", "allegedly", "on",
      "last",  "yesterday", "today",    "tonight", "citing",    "quoting"};
  return s;
}

const WordSet& pronouns() {
  static const WordSet s{"he",  "she", "they", "it",   "we",  "i",    "you",
                         "who", "him", "her",  "them", "one", "this", "these"};
  return s;
}

bool is_determiner(std::string_view w) {
  return w == "the" || w == "a" || w == "an" || w == "this" || w == "that" || w == "these" ||
         w == "those" || w == "its" || w == "his" || w == "her" || w == "their" || w == "our" ||
         w == "my" || w == "your" || w == "no" || w == "some" || w == "any";
}

// Prepositions that may sit inside a source noun group ("a source in Syria",
// "the head of the agency").
bool is_np_preposition(std::string_view w) {
  return w == "of" || w == "in" || w == "from" || w == "at" || w == "for" || w == "with" ||
         w == "close" || w == "familiar";
}

// Words after a cue that make a short trailing adjunct rather than content
// ("claimed on Wednesday", "said last week", "said in a statement").
const WordSet& adjunct_starts() {
  static const WordSet s{
      "on",        "in",         "at",       "during",     "last",      "this",
      "yesterday", "today",      "tonight",  "earlier",    "later",     "monday",
      "tuesday",   "wednesday",  "thursday", "friday",     "saturday",  "sunday",
      "recently",  "previously", "late",     "early",      "again",     "too",
      "also",      "afterwards", "then",     "before",     "after",     "when",
      "while",     "via",        "through",  "separately", "privately", "publicly"};
  return s;
}

const WordSet& outlet_words() {
  static const WordSet s{
      "newspaper",     "newspapers", "agency",    "agencies",   "outlet",     "outlets",
      "daily",         "weekly",     "magazine",  "tv",         "television", "channel",
      "broadcaster",   "radio",      "news",      "network",    "website",    "tabloid",
      "journal",       "times",      "post",      "gazette",    "herald",     "tribune",
      "reuters",       "afp",        "ap",        "bloomberg",  "tass",       "interfax",
      "xinhua",        "bbc",        "cnn",       "paper",      "press",      "portal",
      "correspondent", "reporter",   "reporters", "journalist", "journalists"};
  return s;
}

const WordSet& anonymous_heads() {
  static const WordSet s{"source", "sources", "insider", "insiders", "informant", "whistleblower"};
  return s;
}

const WordSet& document_words() {
  static const WordSet s{
      "report",     "reports", "statement", "statements", "study",     "studies",
      "survey",     "surveys", "poll",      "polls",      "document",  "documents",
      "letter",     "filing",  "memo",      "data",       "analysis",  "article",
      "results",    "records", "figures",   "findings",   "research",  "release",
      "video",      "footage", "book",      "report's",   "complaint", "lawsuit",
      "indictment", "post",    "tweet",     "transcript", "estimates", "numbers"};
  return s;
}

const WordSet& person_roles() {
  static const WordSet s{
      "minister",      "president", "spokesman",  "spokeswoman", "spokesperson", "official",
      "diplomat",      "senator",   "sen.",       "rep.",        "gov.",         "governor",
      "mayor",         "lawyer",    "attorney",   "analyst",     "expert",       "director",
      "chief",         "head",      "leader",     "general",     "commander",    "ambassador",
      "secretary",     "chairman",  "chairwoman", "ceo",         "founder",      "professor",
      "candidate",     "adviser",   "advisor",    "aide",        "man",          "woman",
      "prosecutor",    "judge",     "officer",    "colonel",     "manager",      "economist",
      "researcher",    "scientist", "doctor",     "witness",     "resident",     "activist",
      "mr.",           "ms.",       "mrs.",       "dr.",         "deputy",       "congressman",
      "congresswoman", "speaker",   "chancellor", "premier",     "king",         "queen",
      "pope",          "emir",      "envoy",      "negotiator",  "strategist",   "pollster"};
  return s;
}

const WordSet& org_words() {
  static const WordSet s{
      "ministry",       "government", "department",   "party",       "company",      "police",
      "army",           "military",   "council",      "committee",   "office",       "campaign",
      "administration", "commission", "union",        "group",       "court",        "kremlin",
      "pentagon",       "house",      "parliament",   "congress",    "senate",       "bank",
      "corporation",    "inc.",       "corp.",        "firm",        "organization", "organisation",
      "institute",      "authority",  "authorities",  "forces",      "coalition",    "alliance",
      "board",          "bureau",     "service",      "services",    "embassy",      "cabinet",
      "team",           "university", "foundation",   "association", "fbi",          "cia",
      "nato",           "un",         "eu",           "who",         "gop",          "democrats",
      "republicans",    "officials",  "spokespeople", "prosecutors", "police"};
  return s;
}

// Hedge words this stage recognises itself, so certainty works without the
// hedging stage; cues from that stage are used as well when present.
enum class Hedge : uint8_t { kNone, kReported, kAlleged, kSpeculative };
Hedge hedge_of(std::string_view w) {
  if (w == "reportedly" || w == "purportedly" || w == "supposedly" || w == "apparently")
    return Hedge::kReported;
  if (w == "allegedly" || w == "alleged") return Hedge::kAlleged;
  if (w == "may" || w == "might" || w == "could" || w == "possibly" || w == "perhaps" ||
      w == "probably" || w == "likely" || w == "maybe")
    return Hedge::kSpeculative;
  return Hedge::kNone;
}

// Typographic cues that are not words: a dash naming the speaker after a
// quotation ("\"...\" - Ana Ruiz") and a speaker label before a colon
// ("RUIZ: ...", "Ruiz: \"...\"").
constexpr SpeechCueEntry kDashCue{"-", "cue:dash", CueClass::kSay, CueRole::kVerb,
                                  Certainty::kReported};
constexpr SpeechCueEntry kColonCue{":", "cue:colon", CueClass::kSay, CueRole::kVerb,
                                   Certainty::kReported};
// Nouns of saying and believing before a "that" clause ("his claim that X",
// "the report that X").
constexpr SpeechCueEntry kNounClaimCue{"", "cue:noun", CueClass::kClaim, CueRole::kVerb,
                                       Certainty::kAlleged};
constexpr SpeechCueEntry kNounReportCue{"", "cue:noun", CueClass::kReport, CueRole::kVerb,
                                        Certainty::kReported};

const WordSet& claim_nouns() {
  static const WordSet s{"claim",
                         "claims",
                         "assertion",
                         "assertions",
                         "suggestion",
                         "suggestions",
                         "complaint",
                         "complaints",
                         "allegation",
                         "allegations",
                         "criticism",
                         "argument",
                         "arguments",
                         "warning",
                         "warnings",
                         "insistence",
                         "promise",
                         "promises",
                         "pledge",
                         "belief",
                         "beliefs",
                         "view",
                         "notion",
                         "idea",
                         "rumor",
                         "rumors",
                         "rumour",
                         "rumours",
                         "speculation",
                         "accusation",
                         "accusations",
                         "charge",
                         "charges",
                         "concern",
                         "concerns",
                         "fear",
                         "fears",
                         "hope",
                         "hopes",
                         "contention",
                         "declaration",
                         "admission",
                         "acknowledgment",
                         "acknowledgement",
                         "denial",
                         "prediction",
                         "predictions",
                         "insinuation",
                         "implication",
                         "conclusion",
                         "impression",
                         "perception",
                         "theory",
                         "opinion",
                         "sense",
                         "boast",
                         "vow",
                         "threat",
                         "demand",
                         "demands",
                         "recommendation",
                         "proposal",
                         "estimate",
                         "finding",
                         "findings",
                         "expectation",
                         "expectations",
                         "worries",
                         "doubts",
                         "assurance",
                         "assurances",
                         "confidence"};
  return s;
}

// Adjectives of stance that take the object of the attitude ("critical
// of", "skeptical about", "confident that").
const WordSet& stance_adjectives() {
  static const WordSet s{
      "critical",      "supportive",  "skeptical",    "sceptical",    "wary",         "leery",
      "confident",     "concerned",   "worried",      "nervous",      "optimistic",   "pessimistic",
      "hopeful",       "doubtful",    "dubious",      "proud",        "convinced",    "unconvinced",
      "adamant",       "insistent",   "vocal",        "outspoken",    "upbeat",       "bullish",
      "enamored",      "enamoured",   "fond",         "appreciative", "dismissive",   "suspicious",
      "angry",         "furious",     "upset",        "unhappy",      "pleased",      "frustrated",
      "divided",       "ambivalent",  "lukewarm",     "cynical",      "passionate",   "hostile",
      "sympathetic",   "interested",  "unapologetic", "defensive",    "uneasy",       "clear",
      "honest",        "candid",      "impressed",    "unimpressed",  "mistrustful",  "distrustful",
      "uncomfortable", "comfortable", "happy",        "thrilled",     "excited",      "shocked",
      "alarmed",       "troubled",    "outraged",     "disturbed",    "hesitant",     "reluctant",
      "coy",           "vague",       "frank",        "reticent",     "noncommittal", "split",
      "keen",          "bearish",     "eager"};
  return s;
}
const WordSet& report_nouns() {
  static const WordSet s{"report",  "reports",   "statement",  "announcement", "news",
                         "word",    "reporting", "revelation", "revelations",  "testimony",
                         "comment", "comments",  "remarks",    "remark",       "message"};
  return s;
}

struct Range {  // token range [b, e)
  uint32_t b = 0, e = 0;
  bool empty() const { return e <= b; }
};

struct CueHit {
  uint32_t b, e;  // tokens
  const SpeechCueEntry* entry;
  uint32_t aux_b;  // first token of the auxiliary/adverb chain before the cue
};

class Extractor {
 public:
  explicit Extractor(Document& doc) : doc_(doc), toks_(doc.tokens) {}

  void run() {
    if (toks_.empty()) return;
    find_quotes(doc_, quotes_, in_quote_);
    covered_.assign(toks_.size(), 0);
    for (const Sentence& s : doc_.sentences) do_sentence(s);
    drop_unrelayed_nested();
    resolve_sources();
    sort_cues();
  }

 private:
  Document& doc_;
  const std::vector<Token>& toks_;
  std::vector<QuoteRegion> quotes_;
  std::vector<int32_t> in_quote_;
  std::vector<uint8_t> covered_;  // token lies in some attribution's content or source
  std::vector<CueHit> hits_;

  std::string_view w(uint32_t i) const { return doc_.norm(toks_[i]); }
  bool punct(uint32_t i) const { return toks_[i].kind == TokenKind::kPunct; }
  bool is_comma(uint32_t i) const { return w(i) == ","; }
  bool quote_mark(uint32_t i) const {
    if (opens_quote(i) || closes_quote(i)) return true;
    if (!toks_[i].has(kTokenOpenQuote) && !toks_[i].has(kTokenCloseQuote)) return false;
    // A single mark that pairs with nothing is an apostrophe ("Sanders’
    // campaign manager"), not a quotation boundary.
    return w(i) != "'" || in_quote_[i] >= 0;
  }
  bool opens_quote(uint32_t i) const {
    return in_quote_[i] >= 0 && quotes_[in_quote_[i]].open == i;
  }
  bool closes_quote(uint32_t i) const {
    return in_quote_[i] >= 0 && quotes_[in_quote_[i]].close == i;
  }
  bool capitalized(uint32_t i) const { return toks_[i].has(kTokenCapitalized); }

  Span span_of(Range r) const { return Span{toks_[r.b].span.begin, toks_[r.e - 1].span.end}; }

  // ---- cue occurrences --------------------------------------------------

  void find_hits(uint32_t sb, uint32_t se) {
    hits_.clear();
    for (uint32_t i = sb; i < se; ++i) {
      if (in_quote_[i] >= 0 || toks_[i].kind != TokenKind::kWord) continue;
      SpeechCueMatch m = match_speech_cue(doc_, i);
      if (m.entry == nullptr || i + m.token_count > se) continue;
      if (m.entry->role == CueRole::kFrame) continue;  // do_frame_verbs
      if ((m.entry->role == CueRole::kVerb || m.entry->role == CueRole::kSeem) && i > sb) {
        std::string_view prev = w(i - 1);
        // "the alleged deployment", "a warning": an adjective or noun, not a verb.
        if (is_determiner(prev) && prev != "that") continue;
        // "Ana's tweets", "the senator's claims": a possessed noun ("he's
        // claiming", "it's denouncing": after a pronoun 's is "is" / "has").
        const bool contraction = prev == "'s" && i > sb + 1 && pronouns().count(w(i - 2)) > 0;
        if ((prev == "'s" && !contraction) || (prev == "'" && !closes_quote(i - 1))) continue;
        // "in support of", "with plans for": after a preposition a bare
        // form is a noun ("after saying" stays a verb).
        if (!ends_with_ing(i) && noun_preposition(prev)) continue;
      }
      // "declined to be named": anonymity, not a statement.
      if ((m.entry->rule == "cue:decline" || m.entry->rule == "cue:refuse") &&
          i + m.token_count + 1 < se && w(i + m.token_count) == "to" &&
          w(i + m.token_count + 1) == "be") {
        i += m.token_count - 1;
        continue;
      }
      const uint32_t aux = aux_chain_start(i, sb);
      if (m.entry->role == CueRole::kVerb && noun_like(i, m.token_count, sb, aux)) continue;
      if (m.entry->role == CueRole::kVerb && noun_after_adjective(i, m.token_count, sb)) continue;
      if (m.entry->role == CueRole::kVerb &&
          non_speech_sense(i, m.token_count, *m.entry, sb, se, aux))
        continue;
      // "continued to say": the aspect verb is part of this cue, not one of its own.
      while (!hits_.empty() && hits_.back().b >= aux) hits_.pop_back();
      // "a talk show", "The Daily Show": the bare form "show" is a verb only
      // after a plural subject ("records show", "they show", "Polls show" at
      // the start of a sentence) or an auxiliary.
      if (w(i) == "show" && m.token_count == 1 && aux == i && i > sb) {
        std::string_view prev = w(i - 1);
        const bool plural_subject =
            (prev.size() > 3 && prev.back() == 's' && (!capitalized(i - 1) || i - 1 == sb)) ||
            prev == "they" || prev == "we" || prev == "data" || prev == "you" || prev == "i";
        if (!plural_subject) continue;
      }
      // "denied reports that ...": right after a verb of saying, the cue
      // word is that verb's object.
      if (m.entry->role == CueRole::kVerb && !hits_.empty() && hits_.back().e == i &&
          hits_.back().entry->role == CueRole::kVerb)
        continue;
      // "a program called X", "one called Y": a participle naming a thing.
      if (m.entry->rule == "cue:call" && w(i) == "called" && aux == i) {
        Range subj = left_np(sb, i);
        if (!subj.empty() && (w(subj.b) == "a" || w(subj.b) == "an" || w(subj.b) == "one"))
          continue;
      }
      uint32_t e = i + m.token_count;
      // "issued a statement saying": the whole act of publishing is the cue.
      if (const uint32_t p = m.entry->role == CueRole::kVerb ? publication_start(i, sb) : i;
          p < i) {
        const uint32_t paux = aux_chain_start(p, sb);
        while (!hits_.empty() && hits_.back().b >= paux) hits_.pop_back();
        hits_.push_back({p, e, m.entry, paux});
        i = e - 1;
        continue;
      }
      // A particle that belongs to the verb: "warned of", "railed against",
      // "agreed with", "asked about" (not "said on Monday", "said at a rally").
      if (m.entry->role == CueRole::kVerb && e + 1 < se && in_quote_[e] < 0 &&
          !adjunct_starts().count(w(e + 1))) {
        std::string_view x = w(e);
        const bool say = m.entry->cue_class == CueClass::kSay && m.entry->rule != "cue:ask";
        if (x == "about" || x == "against" || x == "over" ||
            (!say && (x == "of" || x == "with" || x == "for")))
          ++e;
      }
      hits_.push_back({i, e, m.entry, aux});
      i = e - 1;
    }
  }

  // First token of the verb group before the cue at `i`: auxiliaries,
  // negation and adverbs ("has since also said", "did not say"), "long" after
  // a perfect auxiliary ("has long argued"), and a verb of aspect or attempt
  // with "to" before a base form ("continued to portray", "tried to blame").
  uint32_t aux_chain_start(uint32_t i, uint32_t sb) const {
    static const WordSet kAspect{
        "continue", "continues", "continued", "continuing", "try",       "tries",    "tried",
        "trying",   "begin",     "begins",    "began",      "beginning", "start",    "starts",
        "started",  "fail",      "fails",     "failed",     "attempt",   "attempts", "attempted",
        "tend",     "tends",     "tended",    "struggle",   "struggles", "struggled"};
    uint32_t aux = i;
    for (;;) {
      if (aux > sb && (aux_words().count(w(aux - 1)) || is_ly_adverb(aux - 1))) {
        --aux;
      } else if (aux > sb + 1 && w(aux - 1) == "'s" && pronouns().count(w(aux - 2))) {
        --aux;  // "he's claiming", "it's denouncing": "is" / "has".
      } else if (aux > sb + 1 && w(aux - 1) == "long" &&
                 (w(aux - 2) == "has" || w(aux - 2) == "have" || w(aux - 2) == "had")) {
        --aux;
      } else if (aux > sb + 1 && w(aux - 1) == "to" && toks_[aux].pos == Pos::kVB &&
                 kAspect.count(w(aux - 2)) && in_quote_[aux - 2] < 0) {
        aux -= 2;
      } else if (const uint32_t n = went_on_to(aux, sb); n > 0) {
        aux -= n;
      } else {
        return aux;
      }
    }
  }

  // "issued a statement saying", "released a statement Wednesday, saying",
  // "sent out a text message to supporters saying": a verb of publishing, the
  // document and a participle of saying at `i` make one cue whose subject is
  // the publisher's. Returns the publishing verb, or `i` when there is none.
  uint32_t publication_start(uint32_t i, uint32_t sb) const {
    static const WordSet kPublish{
        "issued",     "issues", "issue",  "issuing", "released",  "releases",    "release",
        "releasing",  "put",    "puts",   "putting", "sent",      "sends",       "send",
        "sending",    "posted", "posts",  "posting", "published", "publishes",   "publish",
        "publishing", "wrote",  "writes", "write",   "writing",   "distributed", "aired",
        "airs",       "air",    "airing", "ran",     "runs",      "running",     "tweeted"};
    static const WordSet kDocuments{
        "statement", "statements", "release",   "message",       "messages",   "tweet",  "tweets",
        "email",     "e-mail",     "emails",    "letter",        "memo",       "post",   "video",
        "ad",        "ads",        "report",    "note",          "op-ed",      "column", "notice",
        "response",  "editorial",  "petition",  "advertisement", "commercial", "mailer", "robocall",
        "appeal",    "text",       "transcript"};
    if (!ends_with_ing(i) || i < sb + 3 || toks_[i].pos != Pos::kVBG) return i;
    uint32_t k = i;
    if (is_comma(k - 1) && in_quote_[k - 1] < 0) --k;
    // Back over a short adjunct of time, place or addressee ("Thursday
    // night", "to supporters", "on Facebook") to the document's noun.
    uint32_t doc = k;
    for (uint32_t j = k; j > sb && k - j < 8; --j) {
      const uint32_t t = j - 1;
      if (in_quote_[t] >= 0 || (punct(t) && w(t) != "-")) return i;
      if (kDocuments.count(w(t))) {
        doc = t;
        break;
      }
      if (finite_verb(t) || ends_with_ing(t) || w(t) == "that" || w(t) == "which") return i;
    }
    if (doc == k) return i;
    // The document's noun group: a determiner and up to three modifiers.
    for (uint32_t j = doc; j > sb && doc - j < 5; --j) {
      const uint32_t t = j - 1;
      if (in_quote_[t] >= 0) return i;
      std::string_view x = w(t);
      if (x == "out" && t > sb && kPublish.count(w(t - 1))) return t - 1;  // "put out", "sent out"
      if (kPublish.count(x)) return x == "put" ? i : t;                    // "put" only with "out"
      if ((punct(t) && x != "-") || noun_preposition(x) || x == "to" || x == "by" || x == "at")
        return i;
    }
    return i;
  }

  // "went on to say", "was quick to point out": the words before a base form
  // at `i` that make the next step of a statement part of its cue (0 when
  // there are none).
  uint32_t went_on_to(uint32_t i, uint32_t sb) const {
    if (i < sb + 3 || w(i - 1) != "to" || toks_[i].pos != Pos::kVB || in_quote_[i - 3] >= 0)
      return 0;
    std::string_view x = w(i - 2), y = w(i - 3);
    if (x == "quick") return 2;
    if (x == "on" && (y == "went" || y == "go" || y == "goes" || y == "going" || y == "gone"))
      return 3;
    return 0;
  }

  static bool noun_preposition(std::string_view x) {
    return x == "in" || x == "of" || x == "for" || x == "with" || x == "about" || x == "on" ||
           x == "from" || x == "without" || x == "against" || x == "under" || x == "over";
  }

  // "apparently", "quickly": a lower-case -ly word between subject and verb.
  bool is_ly_adverb(uint32_t i) const {
    std::string_view x = w(i);
    return x.size() > 4 && x.substr(x.size() - 2) == "ly" && !capitalized(i) &&
           toks_[i].kind == TokenKind::kWord;
  }

  // A cue form ending in -s that reads as a plural noun here: "tweets about
  // the race", "his early-morning tweets".
  bool noun_like(uint32_t i, uint32_t n, uint32_t sb, uint32_t aux) const {
    if (n != 1) return false;
    std::string_view x = w(i);
    static const WordSet kNounForms{"tweets",  "reports",  "claims",    "shows",     "calls",
                                    "demands", "notes",    "estimates", "questions", "answers",
                                    "replies", "comments", "reveals",   "finds",     "posts"};
    if (!kNounForms.count(x)) return false;
    if (i + 1 < toks_.size()) {
      std::string_view next = w(i + 1);
      if (next == "of" || next == "about" || next == "from" || next == "on" || next == "in" ||
          next == "by" || next == "with" || next == "for" || next == "at")
        return true;
    }
    Range subj = left_np(sb, aux);
    if (subj.e - subj.b >= 2) {
      std::string_view d = w(subj.b);
      if (d == "his" || d == "her" || d == "their" || d == "its" || d == "our" || d == "my" ||
          d == "your" || d == "a" || d == "an")
        return true;
    }
    return false;
  }

  // ---- senses of cue words that report no statement ------------------

  // A cue word used in a sense that states nothing here ("called her
  // mother", "a group called X", "showed up", "pledged delegates", "found
  // himself"): tested from its complement and the words around it.
  bool non_speech_sense(uint32_t i, uint32_t n, const SpeechCueEntry& entry, uint32_t sb,
                        uint32_t se, uint32_t aux) const {
    if (n != 1) return false;
    if (premodifying_participle(i, sb, se, aux)) return true;
    if (that_said(i, sb, se)) return true;
    if (entry.rule == "cue:call") return !call_names_or_asks(i, sb, se, aux);
    if (entry.rule == "cue:show") return show_not_statement(i, sb, se);
    if (entry.rule == "cue:find") return find_not_finding(i, sb, se);
    return false;
  }

  // "4,051 pledged delegates", "fewer pledged delegates": a participle
  // between a number or an adjective and a noun qualifies that noun.
  bool premodifying_participle(uint32_t i, uint32_t sb, uint32_t se, uint32_t aux) const {
    if (aux != i || i + 1 >= se || !past_form(w(i)) || in_quote_[i + 1] >= 0) return false;
    const Pos next = toks_[i + 1].pos;
    if (next != Pos::kNNS && next != Pos::kNN) return false;
    if (i + 2 < se && (w(i + 2) == "to" || w(i + 2) == "that")) return false;
    if (i == sb) return true;
    const Pos prev = toks_[i - 1].pos;
    return toks_[i - 1].kind == TokenKind::kNumber || prev == Pos::kCD || prev == Pos::kJJ ||
           prev == Pos::kJJR || prev == Pos::kJJS;
  }

  // "That said, ...", "Having said that, ...": a connective, not a report.
  bool that_said(uint32_t i, uint32_t sb, uint32_t se) const {
    if (w(i) != "said" || i + 1 >= se) return false;
    if (i == sb + 1 && w(sb) == "that" && is_comma(i + 1)) return true;
    return i == sb + 1 && w(sb) == "having" && w(i + 1) == "that" && i + 2 < se && is_comma(i + 2);
  }

  // "call" reports words when it names ("called the plan a disgrace", "what
  // he calls 'real solutions'") or asks ("called for", "called on X to");
  // "called his mother", "called back", "a firm called X" do not.
  bool call_names_or_asks(uint32_t i, uint32_t sb, uint32_t se, uint32_t aux) const {
    const uint32_t e = i + 1;
    if (e >= se) return false;
    std::string_view x = w(e);
    // "called to reject", "calls for", "called on X to": a demand.
    if (x == "to" && e + 1 < se && toks_[e + 1].pos == Pos::kVB) return true;
    if (x == "for" || x == "on" || x == "upon" || x == "out" || opens_quote(e)) return true;
    // "calling them rapists", "called himself a moderate", "called her a
    // liar" (not "called him back", "called her on Monday").
    if (x == "it" || x == "them" || x == "him" || (x == "her" && toks_[e].pos != Pos::kPRPS) ||
        x == "themselves" || x == "himself" || x == "herself" || x == "itself") {
      if (e + 1 >= se) return false;
      const Pos p = toks_[e + 1].pos;
      if ((p == Pos::kNN || p == Pos::kNNS || p == Pos::kJJ || p == Pos::kRB || p == Pos::kPRPS) &&
          w(e + 1) != "back" && !time_word(w(e + 1)))
        return true;
      return second_predicate_after(e + 1, se);
    }
    // "what he calls X", "whom she called X", "one he calls X": the object
    // stands before the subject, so the single group after the cue names it.
    const Range subj = left_np(sb, aux);
    if (!subj.empty() && subj.b > sb && subj.e - subj.b <= 4) {
      std::string_view before = w(subj.b - 1);
      if (before == "what" || before == "whom" || before == "which") return true;
      if (before == "who" || before == "that" || toks_[subj.b - 1].pos == Pos::kNN ||
          toks_[subj.b - 1].pos == Pos::kNNS)
        return pronouns().count(w(subj.b)) > 0 || capitalized(subj.b);
      if (before == "one" || before == "ones") return true;
    }
    return second_predicate_after(e + 1, se);
  }

  // After the first word of an object at `k - 1`, a second group that names
  // or describes it ("X a liar", "X 'weak'", "the actions lawful"), possibly
  // after an apposition set off by commas. The object may hold
  // prepositions and "and" ("the use of X", "both Ana and Ivo"); a phrase of
  // time, "to" or a new verb ends it ("called Ana after the vote").
  bool second_predicate_after(uint32_t k, uint32_t se) const {
    static const WordSet kEndsObject{
        "to",   "into",    "after", "before", "during", "since", "until", "at",    "back", "while",
        "when", "because", "if",    "but",    "that",   "which", "who",   "every", "and",  "or"};
    // A quotation before the end of the clause is the name given even after
    // a relative clause ("called the idea that X had anything to prove a
    // \"ridiculous proposition\"").
    bool open = true;
    for (; k < se && in_quote_[k] < 0; ++k) {
      std::string_view x = w(k);
      if (quote_mark(k)) return true;
      if (x == ";" || x == "." || x == ":" || x == "?" || x == "!") return false;
      if (!open) continue;
      if (x == "a" || x == "an" || x == "the" || x == "his" || x == "her" || x == "their" ||
          x == "its" || x == "our" || x == "my")
        return true;
      const Pos p = toks_[k].pos;
      if ((p == Pos::kJJ || p == Pos::kJJR || p == Pos::kJJS) &&
          (toks_[k - 1].pos == Pos::kNN || toks_[k - 1].pos == Pos::kNNS ||
           toks_[k - 1].pos == Pos::kNNP || toks_[k - 1].pos == Pos::kPRP))
        return true;
      if (x == "'s" || is_comma(k)) continue;
      if (punct(k) || kEndsObject.count(x) || p == Pos::kTO || (p >= Pos::kVB && p <= Pos::kVBZ) ||
          p == Pos::kMD)
        open = false;
    }
    return k < se && in_quote_[k] >= 0;
  }

  // "showed up", "the Sunday morning shows", "TV shows": arriving and
  // programmes, not findings.
  bool show_not_statement(uint32_t i, uint32_t sb, uint32_t se) const {
    if (i + 1 < se && w(i + 1) == "up") return true;
    if (w(i) != "shows" && w(i) != "show") return false;
    static const WordSet kProgrammes{"tv",    "television", "news",    "talk",   "morning",
                                     "radio", "game",       "cable",   "sunday", "reality",
                                     "night", "late-night", "cooking", "quiz"};
    if (i <= sb || capitalized(i - 1) || !kProgrammes.count(w(i - 1))) return false;
    // "the game shows that ...", "news shows the race tied": still a verb
    // when a clause or an object follows.
    if (i + 1 >= se || punct(i + 1)) return true;
    std::string_view x = w(i + 1);
    return x == "and" || x == "or" || x == "to" || x == "on" || x == "in" || x == "at" ||
           x == "like" || x == "with" || toks_[i + 1].pos == Pos::kVBP;
  }

  // "helped found the party" (to found), "found himself in": no finding.
  bool find_not_finding(uint32_t i, uint32_t sb, uint32_t se) const {
    if (w(i) == "found" && i > sb &&
        (w(i - 1) == "help" || w(i - 1) == "helped" || w(i - 1) == "helps" ||
         w(i - 1) == "helping" || w(i - 1) == "to"))
      return true;
    if (i + 1 >= se) return false;
    std::string_view x = w(i + 1);
    return x == "himself" || x == "herself" || x == "itself" || x == "themselves" ||
           x == "myself" || x == "ourselves" || x == "yourself";
  }

  // "phone calls", "dubious medical claims", "a written reply": a one-word
  // cue the tagger reads as a noun right after an adjective is that noun.
  bool noun_after_adjective(uint32_t i, uint32_t n, uint32_t sb) const {
    if (n != 1 || i <= sb) return false;
    const Pos p = toks_[i].pos, q = toks_[i - 1].pos;
    return (p == Pos::kNN || p == Pos::kNNS) && (q == Pos::kJJ || q == Pos::kJJR || q == Pos::kJJS);
  }

  // ---- noun groups ------------------------------------------------------

  // The noun group that ends just before token `end` (walking left).
  Range left_np(uint32_t sb, uint32_t end) const {
    if (end <= sb) return {end, end};
    uint32_t b = end;
    bool saw_det = false;
    while (b > sb) {
      uint32_t i = b - 1;
      std::string_view x = w(i);
      if (i + 1 == end && pronouns().count(x)) return {i, end};
      if (quote_mark(i) || in_quote_[i] >= 0) break;
      if (x == ")" && b > sb + 1) {
        // A parenthesis inside the group: "Sen. Ada Lind (D-Ore.)".
        uint32_t k = i;
        while (k > sb && w(k) != "(" && i - k < 8) --k;
        if (w(k) == "(" && k > sb) {
          b = k;
          continue;
        }
      }
      // "the Reuters/Ipsos poll", "the candidates' aides": a slash between
      // names and a plural possessive stay inside the group.
      if (i > sb && i + 1 < end && toks_[i - 1].kind == TokenKind::kWord &&
          ((x == "/" && capitalized(i - 1)) ||
           (x == "'" && !quote_mark(i) && w(i - 1).size() > 1 && w(i - 1).back() == 's'))) {
        b = i;
        continue;
      }
      if (punct(i)) break;
      if (toks_[i].kind == TokenKind::kSymbol || toks_[i].kind == TokenKind::kUrl) break;
      if (saw_det && !is_np_preposition(x)) break;
      // "Her advisers", "this reporter", "one official": a determiner that
      // could also stand alone opens the group.
      if (b < end && (x == "her" || x == "his" || x == "this" || x == "these" || x == "one") &&
          (x == "one" || !capitalized(b))) {
        b = i;
        break;
      }
      // "Commission on Presidential Debates": "on" inside a name.
      const bool in_name =
          x == "on" && i > sb && capitalized(i - 1) && capitalized(i + 1) && !time_word(w(i + 1));
      if (!in_name && (np_stop_words().count(x) || pronouns().count(x))) break;
      if (end - i > 12) return {end, end};  // too long to be a subject
      b = i;
      saw_det = is_determiner(x);
    }
    while (b < end && (is_np_preposition(w(b)) || w(b) == "and")) ++b;
    // "declined to answer the paper's questions and Ivo Kast said": a group
    // right after a verb is its object; the subject is what follows "and".
    if (b > sb + 1 && b < end && !punct(b - 1) && toks_[b - 1].pos >= Pos::kVB &&
        toks_[b - 1].pos <= Pos::kVBZ && !aux_words().count(w(b - 1)) && in_quote_[b - 1] < 0)
      for (uint32_t k = end - 1; k > b; --k)
        if (w(k) == "and") {
          b = k + 1;
          break;
        }
    return {b + object_gap_offset(b, end), end};
  }

  // "the income trends Democrats point to", "a tactic Ana Ruiz hopes":
  // a noun group that opens with a determiner and then a capitalised subject
  // after a lower-case noun is a relative clause without "that"; the subject
  // of the verb is the capitalised part. A title before a name ("candidate
  // Ana Ruiz", "newspaper Al-Watan") stays.
  uint32_t object_gap_offset(uint32_t b, uint32_t end) const {
    if (end < b + 3) return 0;
    std::string_view first = w(b);
    static const WordSet kOpeners{"a", "an", "the", "two", "three", "several", "many", "some"};
    if (!kOpeners.count(first)) return 0;
    for (uint32_t k = b + 2; k < end; ++k) {
      if (!capitalized(k) || capitalized(k - 1) || toks_[k - 1].kind != TokenKind::kWord) continue;
      std::string_view noun = w(k - 1);
      // "Many prominent Republicans", "a super PAC": an adjective before a
      // name modifies it; only a noun ("the income trends Democrats point
      // to") ends a group of its own.
      if (toks_[k - 1].pos != Pos::kNN && toks_[k - 1].pos != Pos::kNNS) return 0;
      // "The report published Tuesday": a participle and a date.
      if ((past_form(noun) || time_word(w(k)))) return 0;
      if (person_roles().count(noun) || outlet_words().count(noun) || org_words().count(noun) ||
          anonymous_heads().count(noun) || document_words().count(noun) ||
          is_np_preposition(noun) || noun_preposition(noun) || noun == "at" || noun == "to" ||
          noun == "by" || noun == "and" || noun == "or" || is_determiner(noun) || noun == "'s" ||
          noun == "host" || noun == "nominee" || noun == "rival" || noun == "star")
        return 0;
      return k - b;
    }
    return 0;
  }

  // The noun group that starts at token `start` (walking right).
  Range right_np(uint32_t start, uint32_t se) const {
    uint32_t e = start;
    while (e < se) {
      std::string_view x = w(e);
      if (punct(e) || quote_mark(e)) break;
      // "a person close to the talks": "to" inside the group.
      const bool close_to = x == "to" && e > start && w(e - 1) == "close";
      if (e > start && x != "by" && !close_to && (np_stop_words().count(x) || x == "who")) break;
      if (e - start >= 12) break;
      ++e;
    }
    while (e > start && (is_np_preposition(w(e - 1)) || w(e - 1) == "and")) --e;
    return {start, e};
  }

  // ---- content ----------------------------------------------------------

  // Trims punctuation outside quotation marks from both ends.
  Range trim(Range r) const {
    while (r.b < r.e && punct(r.b) && !opens_quote(r.b)) ++r.b;
    while (r.e > r.b && punct(r.e - 1) && !closes_quote(r.e - 1)) {
      // Keep a closing bracket whose opening one is inside the range.
      std::string_view x = w(r.e - 1);
      if (x == ")" || x == "]") {
        const std::string_view open = x == ")" ? "(" : "[";
        bool matched = false;
        for (uint32_t k = r.b; k + 1 < r.e && !matched; ++k) matched = w(k) == open;
        if (matched) break;
      }
      --r.e;
    }
    return r;
  }

  // Widens a content range so that a quotation it starts or ends inside is whole.
  Range whole_quotes(Range r) const {
    if (r.empty()) return r;
    if (in_quote_[r.b] >= 0) r.b = std::min(r.b, quotes_[in_quote_[r.b]].open);
    if (in_quote_[r.e - 1] >= 0) r.e = std::max(r.e, quotes_[in_quote_[r.e - 1]].close + 1);
    return r;
  }

  bool hit_at(uint32_t i, CueRole role) const {
    for (const CueHit& h : hits_)
      if (h.b == i && h.entry->role == role) return true;
    return false;
  }
  bool verb_hit_at(uint32_t i) const {
    for (const CueHit& h : hits_)
      if (h.b == i && h.entry->role == CueRole::kVerb) return true;
    return false;
  }
  bool clause_cue_at(uint32_t i) const {
    for (const CueHit& h : hits_)
      if (h.b == i && (h.entry->role == CueRole::kCite || h.entry->role == CueRole::kPrep ||
                       (h.entry->role == CueRole::kVerb && ends_with_ing(h.b))))
        return true;
    return false;
  }
  bool ends_with_ing(uint32_t i) const {
    std::string_view x = w(i);
    return x.size() > 4 && x.substr(x.size() - 3) == "ing";
  }

  // End of the clause that starts at `b`: the sentence end, or a comma that
  // introduces another cue (", citing X", ", according to X", ", stating ...").
  uint32_t clause_end(uint32_t b, uint32_t se) const {
    for (uint32_t i = b; i + 1 < se; ++i) {
      // "... \"QUOTE,\" adding ...": the comma inside the closing mark.
      if (closes_quote(i) && clause_cue_at(i + 1) && comma_before(i + 1, b)) return i + 1;
      // A writer's clause after a comma inside a closing quotation mark: "... is
      // \"true,\" but they could not resist ...".
      if (closes_quote(i) && in_quote_[i] >= 0 && i + 1 < se && in_quote_[i + 1] < 0 &&
          comma_before(i + 1, b) && writer_clause_word(w(i + 1)) &&
          !parallel_continuation(i + 1, se) && !relative_interruption(i, se))
        return i + 1;
      if (in_quote_[i] >= 0) continue;
      // "X said Y; the other side ...": a semicolon outside quotation marks
      // ends the statement.
      if (i > b && w(i) == ";") return i;
      if (is_comma(i) && clause_cue_at(i + 1)) return i;
      // "that, if elected, he would": the comma closes a subordinate clause
      // that opens the content; the content's own clause follows.
      if (is_comma(i) && closes_opening_subordinate(b, i)) continue;
      // A concessive or non-restrictive relative clause after a comma is
      // usually the writer's addition: "..., but", "..., who is 70".
      if (is_comma(i) && in_quote_[i + 1] < 0 && writer_clause_word(w(i + 1)) &&
          !relative_interruption(i, se) && !parallel_continuation(i + 1, se) && !awaits_verb(b, i))
        return i;
      // "said it would cut 300 jobs, a tenth of its staff.": a noun group
      // that closes the sentence after a comma is the writer's apposition.
      if (is_comma(i) && i > b && final_apposition(i, se)) return i;
      // "..., the outlet's source claimed." / "..., said Ana.": a reporting
      // clause closes the content.
      if (is_comma(i) && i > b && reporting_clause_after(i, se)) return i;
      // "It was great to be home, a man yelled": a clause with its own
      // subject and verb right after a comma is the writer's next statement.
      if (is_comma(i) && i > b && in_quote_[i + 1] < 0 && has_verb(b, i) &&
          new_clause_at(i + 1, se))
        return i;
      // "A is true, and three-quarters said B": a new clause with its own
      // subject after ", and" / ", but" is the writer's.
      if (is_comma(i) && i > b && i + 2 < se && (w(i + 1) == "and" || w(i + 1) == "but") &&
          in_quote_[i + 1] < 0 && (has_verb(b, i) || finite_in(b, i)) &&
          (new_clause_at(i + 2, se) || subject_clause_at(i + 2, se)) &&
          !parallel_continuation(i + 1, se))
        return i;
      // "... and said", "..., and also warned": a second statement of the
      // same source ends this one.
      if ((w(i) == "and" || w(i) == "but") && i > b) {
        uint32_t k = i + 1;
        // "... and she accused X", "... and Ana Ruiz added": a new subject
        // with its own verb of saying.
        if (k < se && in_quote_[k] < 0 && (subject_pronoun(w(k)) || capitalized(k))) {
          // "that both Ana and Ivo were referring to": a content that has
          // no verb yet is still in its subject.
          if (awaits_verb(b, i)) continue;
          uint32_t n = k;
          while (n < se && n < k + 3 && capitalized(n) && !punct(n)) ++n;
          k = n == k ? k + 1 : n;
        }
        while (k < se && aux_words().count(w(k))) ++k;
        if (k < se && verb_hit_at(k)) return is_comma(i - 1) ? i - 1 : i;
      }
    }
    return se;
  }

  // A content that opens with "that" has not reached its finite verb
  // before token `i`: what follows still belongs to its subject.
  bool awaits_verb(uint32_t b, uint32_t i) const {
    return b < i && w(b) == "that" && in_quote_[b] < 0 && !finite_in(b + 1, i) && !has_verb(b, i);
  }

  // The comma at `c` closes a subordinate clause that opens the content
  // ("that, if elected, he would", "since she is not running, she"): no
  // other comma lies between the subordinator and `c`.
  bool closes_opening_subordinate(uint32_t b, uint32_t c) const {
    static const WordSet kOpeners{"if",     "since",   "when",    "while",  "although",
                                  "though", "because", "after",   "before", "unless",
                                  "once",   "until",   "whenever"};
    uint32_t k = b;
    if (k < c && w(k) == "that") ++k;
    if (k < c && is_comma(k)) ++k;
    if (k >= c || in_quote_[k] >= 0 || !kOpeners.count(w(k))) return false;
    for (uint32_t j = k + 1; j < c; ++j)
      if (punct(j) && !quote_mark(j) && w(j) != "-") return false;
    return c > k + 1;
  }

  static bool subject_pronoun(std::string_view x) {
    return x == "he" || x == "she" || x == "they" || x == "we" || x == "i";
  }

  bool finite_verb(uint32_t i) const {
    const Pos p = toks_[i].pos;
    return p == Pos::kVBD || p == Pos::kVBZ || p == Pos::kVBP || p == Pos::kMD ||
           aux_words().count(w(i)) > 0;
  }

  // Token `k` opens a clause with a subject and a finite verb of saying of
  // its own before the next comma ("more than 4 in 10 said X", "rights
  // groups warned that Y"): another statement, not more of this one.
  bool subject_clause_at(uint32_t k, uint32_t se) const {
    if (in_quote_[k] >= 0 || finite_verb(k) || toks_[k].pos == Pos::kVB ||
        toks_[k].pos == Pos::kVBN || toks_[k].pos == Pos::kVBG || toks_[k].pos == Pos::kRB ||
        toks_[k].pos == Pos::kIN || toks_[k].pos == Pos::kTO || w(k) == "who" || w(k) == "which")
      return false;
    for (uint32_t j = k + 1; j < se && j < k + 8; ++j) {
      if (in_quote_[j] >= 0 || punct(j)) return false;
      if (finite_verb(j)) return verb_hit_at(j);
    }
    return false;
  }

  // After the comma at `c`: "a/an/the" and a noun group without a verb of
  // its own (a relative clause may follow) up to the end of the sentence.
  bool final_apposition(uint32_t c, uint32_t se) const {
    if (c + 2 >= se || in_quote_[c + 1] >= 0) return false;
    std::string_view x = w(c + 1);
    if (x != "a" && x != "an" && x != "the") return false;
    for (uint32_t k = c + 2; k < se; ++k) {
      if (in_quote_[k] >= 0 || quote_mark(k)) return false;
      std::string_view y = w(k);
      // A list goes on ("on Israel, the nuclear deal and the court").
      if (y == "and" || y == "or") return false;
      if (y == "who" || y == "which" || y == "that" || y == "whose") {
        // "X, the man who ran the port, held ...": the clause goes on.
        for (uint32_t j = k + 1; j + 1 < se; ++j)
          if (is_comma(j) && in_quote_[j + 1] < 0 && finite_verb(j + 1)) return false;
        return true;
      }
      if (finite_verb(k) || is_comma(k) || y == ";" || y == ":") return false;
      if (punct(k) && k + 1 >= se) return true;
    }
    return true;
  }

  // The conjunction at `c` goes on with the same statement: "said that A,
  // but that B", "A, but rather B", "not A, but also B".
  bool parallel_continuation(uint32_t c, uint32_t se) const {
    if (c + 1 >= se || (w(c) != "but" && w(c) != "and") || in_quote_[c + 1] >= 0) return false;
    std::string_view x = w(c + 1);
    if (x == "that") return c + 2 < se && complement_clause(c + 2, se);
    return w(c) == "but" && (x == "rather" || x == "also" || x == "instead" || x == "not");
  }

  bool finite_in(uint32_t b, uint32_t e) const {
    for (uint32_t k = b; k < e; ++k)
      if (in_quote_[k] < 0 && finite_verb(k)) return true;
    return false;
  }

  // "that Ana, who runs the mill, will retire": a relative clause set off by
  // commas inside the content, after which the clause goes on with its verb.
  bool relative_interruption(uint32_t c, uint32_t se) const {
    if (w(c + 1) != "who" && w(c + 1) != "which") return false;
    for (uint32_t k = c + 2; k + 1 < se; ++k) {
      if (in_quote_[k] >= 0) continue;
      if (is_comma(k) || is_dash(k)) return in_quote_[k + 1] < 0 && finite_verb(k + 1);
      if (punct(k) && w(k) != "'s") return false;
    }
    return false;
  }

  // Token `k` opens a clause with its own subject: a personal pronoun, or a
  // short noun group followed by an auxiliary or a verb of saying.
  bool new_clause_at(uint32_t k, uint32_t se) const {
    std::string_view x = w(k);
    if (x == "he" || x == "she" || x == "they" || x == "we" || x == "i") return true;
    if (!(capitalized(k) || is_determiner(x) || toks_[k].kind == TokenKind::kNumber)) return false;
    for (uint32_t j = k + 1; j < se && j < k + 6; ++j) {
      if (punct(j) || in_quote_[j] >= 0) return false;
      if (aux_words().count(w(j)) || verb_hit_at(j)) return true;
      if (j > k + 1 && !capitalized(j) && past_form(w(j))) return true;  // "the council voted"
    }
    return false;
  }

  static bool past_form(std::string_view x) {
    return x.size() > 4 && x.substr(x.size() - 2) == "ed";
  }

  // [b, e) holds a finite verb of its own (an auxiliary or a past form),
  // so that a following ", and ..." is a second clause rather than the last
  // item of a list ("the mill, the bakery, and the school").
  bool has_verb(uint32_t b, uint32_t e) const {
    for (uint32_t j = b; j < e; ++j)
      if (in_quote_[j] < 0 && (aux_words().count(w(j)) || (j > b && past_form(w(j))))) return true;
    return false;
  }

  // `say`: the object of a verb of saying, where only adjuncts end it
  // (its commas are too often inside what was said).
  uint32_t object_end(uint32_t b, uint32_t e, bool say = false) const {
    static const WordSet kAdjunct{"during", "since",    "after",   "before", "while",
                                  "when",   "amid",     "despite", "until",  "following",
                                  "even",   "although", "though"};
    const bool noun_object = object_is_noun_group(b, e);
    for (uint32_t k = b + 1; k < e; ++k) {
      if (in_quote_[k] >= 0) continue;
      if (kAdjunct.count(w(k))) return is_comma(k - 1) ? k - 1 : k;
      // "attacked Ana in early-morning tweets", "rejected the argument in a
      // ruling on Thursday": where and when the stance was taken.
      if (noun_object && circumstance_at(k, e) && !complement_in(b, e) && !time_word(w(b)))
        return k;
      if (say) continue;
      // "praised her rival, the senator from Ohio": after a noun object a
      // comma opens the writer's addition, unless a list goes on
      // ("criticized Ana, Ivo and Eda").
      if (noun_object && is_comma(k) && !list_continues(b, k, e)) return k;
      // "the Hyde Amendment, a federal provision that ...": an apposition
      // the writer adds to the object.
      if (is_comma(k) && k + 1 < e && (w(k + 1) == "a" || w(k + 1) == "an" || w(k + 1) == "the") &&
          in_quote_[k + 1] < 0)
        return k;
      // "... as he urges": a subordinate clause of the writer.
      if ((w(k) == "as" || w(k) == "because") && k + 1 < e && new_clause_at(k + 1, e))
        return is_comma(k - 1) ? k - 1 : k;
      // "..., contradicting X": a participle clause of the writer.
      if (is_comma(k) && k + 1 < e && ends_with_ing(k + 1) && in_quote_[k + 1] < 0) return k;
      // "X but has been met with": a new predicate.
      if (w(k) == "but" && k + 1 < e && (aux_words().count(w(k + 1)) || pronouns().count(w(k + 1))))
        return is_comma(k - 1) ? k - 1 : k;
    }
    return e;
  }

  // [b, k) is an object (a noun group or an infinitive) with no finite verb
  // of its own.
  bool verbless_object(uint32_t b, uint32_t k) const {
    std::string_view x = w(b);
    if (question_word(x) || subject_pronoun(x) || x == "that" || opens_quote(b)) return false;
    return !finite_in(b, k) && !has_verb(b, k);
  }

  // "rejected the plan and left the room", "declined to comment and aides
  // later said": after an object without a verb of its own, a finite verb
  // or a new clause after "and" / "but" is the writer's.
  uint32_t before_second_predicate(uint32_t b, uint32_t e) const {
    for (uint32_t k = b + 1; k < e; ++k) {
      if (in_quote_[k] >= 0 || (w(k) != "and" && w(k) != "but")) continue;
      if (!verbless_object(b, k)) return e;
      if (second_predicate_at(k, e)) return is_comma(k - 1) ? k - 1 : k;
      // After an infinitive a subject and its verb open a new clause; after
      // a noun group they may share the clause ("said Ana and Ivo had").
      if (w(b) == "to" && new_clause_at(k + 1, e)) return is_comma(k - 1) ? k - 1 : k;
    }
    return e;
  }

  // The conjunction at `k` is followed by a predicate of its own: a finite
  // verb ("and left", "but has since said") or a subject with its verb
  // ("and aides later said").
  bool second_predicate_at(uint32_t k, uint32_t e) const {
    uint32_t j = k + 1;
    while (j < e && in_quote_[j] < 0 && (toks_[j].pos == Pos::kRB || w(j) == "then")) ++j;
    if (j >= e || in_quote_[j] >= 0 || capitalized(j)) return false;
    const Pos p = toks_[j].pos;
    if (p == Pos::kVBD || p == Pos::kVBZ || p == Pos::kMD) return true;
    static const WordSet kFinite{"has",   "had",   "is",  "was",    "did",  "does", "will",
                                 "would", "could", "can", "should", "were", "are"};
    return kFinite.count(w(j)) > 0;
  }

  // [b, e) holds a complement of the verb besides its object ("described
  // X as Y", "praised X for Y", "urged X to go", "told X that Y"), so a
  // phrase of time or medium before it sits inside the content.
  bool complement_in(uint32_t b, uint32_t e) const {
    for (uint32_t k = b; k < e; ++k) {
      if (in_quote_[k] >= 0) continue;
      std::string_view x = w(k);
      if (x == "as" || x == "for" || x == "that" ||
          (x == "to" && k + 1 < e && toks_[k + 1].pos == Pos::kVB))
        return true;
    }
    return false;
  }

  // Token `k` opens a phrase of time or medium: "in July", "on Twitter",
  // "in a statement", "at a rally on Monday".
  bool circumstance_at(uint32_t k, uint32_t e) const {
    static const WordSet kPreps{"in", "on", "at", "via", "through"};
    static const WordSet kMedia{
        "statement", "statements", "interview",  "interviews", "speech",  "speeches",
        "tweet",     "tweets",     "post",       "posts",      "letter",  "op-ed",
        "ruling",    "video",      "message",    "email",      "e-mail",  "rally",
        "address",   "appearance", "memo",       "filing",     "remarks", "comments",
        "broadcast", "conference", "hearing",    "column",     "essay",   "blog",
        "twitter",   "facebook",   "television", "radio",      "ad",      "advertisement",
        "diatribe",  "briefing",   "call",       "event",      "stop",    "town"};
    if (!kPreps.count(w(k)) || k + 1 >= e) return false;
    // "in June", "on Tuesday", "in early June": a date right after the
    // preposition; a medium may follow a few modifiers ("in early-morning
    // tweets", "at a Super Tuesday rally"). A possessive makes it part of
    // the object ("at Saturday's debate").
    uint32_t j = k + 1;
    if (j < e && (w(j) == "early" || w(j) == "late" || w(j) == "mid")) ++j;
    const auto year = [&](uint32_t i) {
      std::string_view x = w(i);
      return x.size() == 4 && (x.substr(0, 2) == "19" || x.substr(0, 2) == "20") &&
             toks_[i].kind == TokenKind::kNumber;
    };
    if (j < e && in_quote_[j] < 0 && (time_word(w(j)) || year(j)))
      return j + 1 >= e || w(j + 1) != "'s";
    for (j = k + 1; j < e && j < k + 6; ++j) {
      if (in_quote_[j] >= 0 || w(j) == "'s" || (punct(j) && w(j) != "-")) return false;
      std::string_view x = w(j);
      if (kMedia.count(x)) return true;
      if (!(is_determiner(x) || toks_[j].pos == Pos::kJJ || x.find('-') != std::string_view::npos ||
            toks_[j].pos == Pos::kNNP || toks_[j].pos == Pos::kPRPS))
        return false;
    }
    return false;
  }

  // The object of a stance verb is a noun group ("criticized the law"), not
  // a clause ("believes Ana has won", "agreed to go", "asked how").
  bool object_is_noun_group(uint32_t b, uint32_t e) const {
    std::string_view x = w(b);
    if (x == "to" || question_word(x) || subject_pronoun(x) || x == "it" || x == "that" ||
        x == "as" || x == "for" || x == "of" || x == "about" || opens_quote(b))
      return false;
    uint32_t k = b;
    while (k < e && !(is_comma(k) && in_quote_[k] < 0)) ++k;
    return !has_verb(b, k);
  }

  // The comma at `c` inside a noun object starts another list item: the
  // object so far is short and the next item, short and verbless, is
  // followed by another comma or holds "and"/"or".
  bool list_continues(uint32_t b, uint32_t c, uint32_t e) const {
    if (c - b > 5 || c + 1 >= e) return false;
    bool conj = false;
    for (uint32_t k = c + 1; k < e && k < c + 7; ++k) {
      if (in_quote_[k] >= 0) continue;
      if (is_comma(k)) return k > c + 1;
      // "for opposing X": a gerund after a preposition is no verb of a clause.
      const bool gerund = ends_with_ing(k) && (noun_preposition(w(k - 1)) || w(k - 1) == "by");
      if (aux_words().count(w(k)) || (ends_with_ing(k) && !gerund) ||
          (past_form(w(k)) && !capitalized(k)) || w(k) == "who" || w(k) == "which")
        return false;
      if (w(k) == "and" || w(k) == "or") conj = true;
      if (punct(k)) break;
    }
    return conj;
  }

  // Tokens after the comma at `c` are a short reporting clause that ends at
  // the sentence end or a comma: "SOURCE (aux) CUE" or "CUE SOURCE".
  bool reporting_clause_after(uint32_t c, uint32_t se) const {
    for (const CueHit& h : hits_) {
      if (h.entry->role != CueRole::kVerb || h.b <= c || h.b > c + 10) continue;
      bool plain = true;
      for (uint32_t k = c + 1; k < h.aux_b && plain; ++k)
        plain = !punct(k) && in_quote_[k] < 0 && !np_stop_words().count(w(k));
      if (!plain) continue;
      uint32_t e = h.e;
      if (h.aux_b == c + 1) {  // "CUE SOURCE": "said Ana Ruiz"
        while (e < se && e < h.e + 8 && !punct(e) && in_quote_[e] < 0) ++e;
      }
      // Allow a short adjunct: "claimed on Wednesday".
      uint32_t k = e;
      while (k < se && k < e + 4 && !punct(k) && adjunct_starts().count(w(e))) ++k;
      if (k >= se || (punct(k) && in_quote_[k] < 0 && (is_comma(k) || k + 1 >= se))) return true;
    }
    return false;
  }

  static bool writer_clause_word(std::string_view x) {
    return x == "but" || x == "though" || x == "although" || x == "whereas" || x == "who" ||
           x == "which" || x == "even" || x == "while";
  }

  // A right side that holds no statement: it opens with an adjunct and has
  // no "that", question word or quotation.
  bool writer_tail(Range r) const {
    // Not "on", "of", "for", "with": they often take the cue's own object
    // ("weighed in on", "disagreed with").
    static const WordSet kOpeners{"in",     "at",    "during", "as",        "since",
                                  "amid",   "after", "while",  "following", "when",
                                  "before", "last",  "this",   "earlier",   "later"};
    if (r.empty()) return true;
    if (!(kOpeners.count(w(r.b)) || time_word(w(r.b)))) return false;
    for (uint32_t k = r.b; k < r.e; ++k)
      if (quote_mark(k) || in_quote_[k] >= 0 || w(k) == "that" || question_word(w(k))) return false;
    return true;
  }

  bool light_tail(Range r) const {
    // Nothing, or a short adjunct ("on Wednesday", "in a statement", "last week").
    r = trim(r);
    if (r.empty()) return true;
    if (r.e - r.b > 5) return false;
    for (uint32_t i = r.b; i < r.e; ++i)
      if (quote_mark(i)) return false;
    return adjunct_starts().count(w(r.b)) > 0;
  }

  // ---- building ---------------------------------------------------------

  // The cue's words: the verb with the auxiliaries and adverbs before it
  // ("has also said", "did not say") and a colon right after it ("said:").
  Range cue_range(const CueHit& h) const {
    Range r{h.entry->role == CueRole::kVerb || h.entry->role == CueRole::kSeem ? h.aux_b : h.b,
            h.e};
    while (r.b < h.b && (hedge_of(w(r.b)) != Hedge::kNone || w(r.b) == "since" || capitalized(r.b)))
      ++r.b;
    if (r.e < toks_.size() && w(r.e) == ":" && in_quote_[r.e] < 0) ++r.e;
    return r;
  }

  uint32_t add_cue(const CueHit& h) {
    Span s = span_of(cue_range(h));
    for (uint32_t k = 0; k < doc_.cues.size(); ++k)
      if (doc_.cues[k].span.begin == s.begin && doc_.cues[k].span.end == s.end &&
          doc_.cues[k].cue_class == h.entry->cue_class)
        return k;
    doc_.cues.push_back(Cue{s, h.entry->cue_class, h.entry->rule});
    return static_cast<uint32_t>(doc_.cues.size() - 1);
  }

  int32_t emit(const CueHit& h, Range source, std::vector<Range> content, std::string_view rule,
               int32_t via = -1) {
    std::vector<Span> spans;
    bool quoted = false;
    for (Range r : content) {
      r = trim(whole_quotes(trim(r)));
      if (r.empty()) continue;
      for (uint32_t i = r.b; i < r.e; ++i) {
        covered_[i] = 1;
        if (in_quote_[i] >= 0) quoted = true;
      }
      spans.push_back(span_of(r));
    }
    if (spans.empty()) return -1;
    if (!source.empty() && w(source.b).size() > 1 && w(source.b)[0] == '\'') return -1;
    Attribution a;
    a.id.assign(1, 'a');
    a.id.append(std::to_string(doc_.attributions.size() + 1));
    a.has_source = !source.empty();
    if (a.has_source) {
      a.source = span_of(source);
      a.source_kind = classify_source(source);
      for (uint32_t i = source.b; i < source.e; ++i) covered_[i] = 1;
    }
    a.cue = span_of(cue_range(h));
    a.content = std::move(spans);
    a.via = via >= 0 ? via : enclosing(a.cue);
    // "She said he believes X": an attitude or finding inside what somebody
    // else says is part of that content, not a statement of its own (unlike
    // a relayed speech act, "she said he claimed X", which keeps its chain).
    if (via < 0 && a.via >= 0 && attitude_cue(*h.entry)) return -1;
    // "She said the mayor talked about the budget": inside somebody's
    // statement, a stance towards a thing (a noun group, no clause or
    // quotation) is part of that statement, not one relayed through it.
    if (via < 0 && a.via >= 0 && h.entry->role == CueRole::kVerb && !clausal(content)) return -1;
    a.quoted = quoted;
    a.rule = rule;
    a.cues.push_back(add_cue(h));
    grade(a, h, content);
    doc_.attributions.push_back(std::move(a));
    return static_cast<int32_t>(doc_.attributions.size() - 1);
  }

  // The content holds a clause or a quotation: it opens with a
  // complementizer, "to", a question word or a quotation mark, or it has a
  // finite verb of its own ("he raised $18 million").
  bool clausal(const std::vector<Range>& content) const {
    for (Range r : content) {
      r = trim(r);
      if (r.empty()) continue;
      std::string_view x = w(r.b);
      if (x == "that" || x == "to" || question_word(x) || opens_quote(r.b)) return true;
      for (uint32_t i = r.b; i < r.e; ++i) {
        const Pos p = toks_[i].pos;
        if (in_quote_[i] >= 0 || p == Pos::kVBD || p == Pos::kVBZ || p == Pos::kVBP ||
            p == Pos::kMD)
          return true;
      }
    }
    return false;
  }

  // Verbs of believing, wanting, knowing and finding (and their negation
  // "did not"), as opposed to verbs of saying.
  static bool attitude_cue(const SpeechCueEntry& e) {
    static const WordSet kAttitudes{
        "cue:believe", "cue:think",    "cue:know",    "cue:want",       "cue:hope",
        "cue:fear",    "cue:worry",    "cue:expect",  "cue:feel",       "cue:see",
        "cue:support", "cue:oppose",   "cue:favor",   "cue:prefer",     "cue:consider",
        "cue:intend",  "cue:seek",     "cue:aim",     "cue:plan",       "cue:wonder",
        "cue:doubt",   "cue:suspect",  "cue:realize", "cue:understand", "cue:remember",
        "cue:learn",   "cue:find",     "cue:show",    "cue:decide",     "cue:would like",
        "cue:back",    "cue:endorse",  "cue:reveal",  "cue:indicate",   "cue:conclude",
        "cue:regard",  "cue:deem",     "cue:welcome", "cue:praise",     "cue:criticize",
        "cue:defend",  "cue:recognize"};
    return kAttitudes.count(e.rule) > 0;
  }

  // An earlier attribution whose content holds this cue ("X said Y claimed
  // Z"): the inner statement reaches us through the outer one.
  int32_t enclosing(Span cue) const {
    for (size_t k = doc_.attributions.size(); k-- > 0;) {
      const Attribution& o = doc_.attributions[k];
      if (o.content.empty() || o.content.back().end < cue.begin) return -1;
      for (const Span& sp : o.content)
        if (sp.begin <= cue.begin && cue.end <= sp.end) return static_cast<int32_t>(k);
    }
    return -1;
  }

  void grade(Attribution& a, const CueHit& h, const std::vector<Range>& content) {
    Certainty c = h.entry->certainty;
    for (uint32_t i = h.aux_b; i < h.b; ++i)
      if (is_negation(w(i))) c = Certainty::kDenied;
    if (c == Certainty::kDenied) {
      a.certainty = c;
      return;
    }
    Hedge strongest = Hedge::kNone;
    // A hedge between the auxiliaries and the cue: "have allegedly said".
    for (uint32_t i = h.aux_b; i < h.b; ++i) {
      Hedge hd = hedge_of(w(i));
      if (hd > strongest) strongest = hd;
    }
    for (Range r : content) {
      for (uint32_t i = r.b; i < r.e && i < toks_.size(); ++i) {
        Hedge hd = hedge_of(w(i));
        if (hd == Hedge::kNone) continue;
        // "..., allegedly offering drones": the hedge marks that side clause
        // (its own attribution), not the main claim.
        if (side_clause_hedge(i, r.b)) continue;
        // "in May": a capitalised modal inside a sentence is the month.
        if (capitalized(i) && i > 0 && !punct(i - 1) && !toks_[i].has(kTokenParagraphStart))
          continue;
        if (hedge_sense_rejected(i)) continue;
        if (hd > strongest) strongest = hd;
        a.cues.push_back(hedge_cue(i));
      }
    }
    if (strongest == Hedge::kSpeculative)
      c = Certainty::kSpeculative;
    else if (strongest == Hedge::kAlleged)
      c = Certainty::kAlleged;
    else if (strongest == Hedge::kReported && c == Certainty::kAsserted)
      c = Certainty::kReported;
    a.certainty = c;
  }

  // The certainty stage (hedging.cc, run before this one) emits a cue for
  // every hedge it reads as doubt, counted or not, and none where its sense
  // tests rejected the word: "could not" (ability), "more likely" (a
  // comparison), "may" the month. Such a word does not hedge the claim either.
  bool hedge_sense_rejected(uint32_t i) const {
    const Span s = toks_[i].span;
    for (const Cue& cue : doc_.cues)
      if (cue.cue_class == CueClass::kHedge && cue.span.begin <= s.begin && s.end <= cue.span.end)
        return false;
    return true;
  }

  // A hedging adverb that opens a side clause after a comma inside a
  // content: "X met Y, allegedly offering Z".
  bool side_clause_hedge(uint32_t i, uint32_t content_b) const {
    if (i <= content_b || i + 1 >= toks_.size() || in_quote_[i] >= 0 || !is_comma(i - 1))
      return false;
    const Hedge hd = hedge_of(w(i));
    return (hd == Hedge::kAlleged || hd == Hedge::kReported) &&
           toks_[i + 1].kind == TokenKind::kWord && !capitalized(i + 1);
  }

  uint32_t hedge_cue(uint32_t i) {
    Span s = toks_[i].span;
    for (uint32_t k = 0; k < doc_.cues.size(); ++k)
      if (doc_.cues[k].span.begin <= s.begin && s.end <= doc_.cues[k].span.end) return k;
    doc_.cues.push_back(Cue{s, CueClass::kHedge, "attribution:hedge"});
    return static_cast<uint32_t>(doc_.cues.size() - 1);
  }

  // Attribution made earlier in this sentence (the main clause of a
  // participle or ", citing").
  int32_t last_in_sentence(uint32_t sentence_first_attr) const {
    for (size_t k = doc_.attributions.size(); k-- > sentence_first_attr;)
      if (doc_.attributions[k].rule != std::string_view("cite")) return static_cast<int32_t>(k);
    return -1;
  }

  Range source_range(const Attribution& a) const {
    // Maps the source span back to tokens (used to copy a source).
    Range r{0, 0};
    for (uint32_t i = 0; i < toks_.size(); ++i) {
      if (toks_[i].span.begin == a.source.begin) r.b = i;
      if (toks_[i].span.end == a.source.end) {
        r.e = i + 1;
        break;
      }
    }
    return r;
  }

  void do_sentence(const Sentence& s) {
    const uint32_t sb = s.first_token, se = s.first_token + s.token_count;
    if (se <= sb) return;
    find_hits(sb, se);
    const uint32_t first_attr = static_cast<uint32_t>(doc_.attributions.size());
    if (continue_quote(sb)) return;
    if (typographic(sb, se)) return;
    std::vector<std::pair<size_t, int32_t>> cite_hits;  // hit index, parent
    std::vector<size_t> adverbs;
    uint32_t prev_end = sb;  // content for a left-side cue starts after the previous cue
    for (size_t hi = 0; hi < hits_.size(); ++hi) {
      const CueHit& h = hits_[hi];
      switch (h.entry->role) {
        case CueRole::kVerb: {
          if (do_verb(h, sb, se, prev_end, first_attr)) prev_end = h.e;
          break;
        }
        case CueRole::kPrep: {
          if (do_prep(h, sb, se)) prev_end = h.e;
          break;
        }
        case CueRole::kCite:
          cite_hits.push_back({hi, last_in_sentence(first_attr)});
          break;
        case CueRole::kAdverb:
          adverbs.push_back(hi);
          break;
        case CueRole::kSeem:
          do_seem(h, sb, se);
          break;
        case CueRole::kFrame:
          break;
      }
    }
    for (auto [hi, parent] : cite_hits) do_cite(hits_[hi], parent, se, first_attr);
    do_nominal(sb, se);
    do_unknown_verb_that(sb, se);
    do_frame_verbs(sb, se);
    do_unmatched_verbs(sb, se);
    do_stance_adjectives(sb, se);
    if (doc_.attributions.size() == first_attr) in_document(sb, se);
    // Side clauses hedged on their own ("..., allegedly offering drones")
    // inside a content: the hedged part, relayed through that attribution.
    for (size_t hi : adverbs) {
      const CueHit& h = hits_[hi];
      if (!covered_[h.b] || h.b <= sb || !side_clause_hedge(h.b, sb)) continue;
      emit(h, {}, {{h.e, clause_end(h.e, se)}}, "side_clause_adverb");
    }
    if (doc_.attributions.size() == first_attr) {
      for (size_t hi : adverbs) {
        const CueHit& h = hits_[hi];
        if (covered_[h.b]) continue;
        emit(h, {}, {{sb, h.b}, {h.e, se}}, "sourceless_adverb");
        break;
      }
    }
  }

  // A verb of saying whose word order none of the rules above recognised
  // ("the paper, which originally said it would ...", "Clinton took to
  // Twitter and said ...", "..., moves that he said improved ..."): outside
  // quotations and outside every content and source it is still the
  // writer's report of somebody's words. The source is the noun group right
  // before it when there is one, else none; the content is the clause after.
  void do_unmatched_verbs(uint32_t sb, uint32_t se) {
    for (const CueHit& h : hits_) {
      if (h.entry->role != CueRole::kVerb || covered_[h.b] || cue_emitted(h.b)) continue;
      // "likely to say", "the effort to portray": a bare infinitive is a plan
      // or a possibility, not a statement (verbs of aspect before "to" are
      // part of the hit: "continued to say").
      if (h.aux_b == h.b && h.b > sb && w(h.b - 1) == "to") continue;
      // "a program called X", "backed by the West", "compared with": a
      // participle without an auxiliary describes a thing; "Show humility":
      // an imperative; "Writing for the paper, X noted": an adjunct.
      const Pos pos = toks_[h.b].pos;
      if (h.aux_b == h.b && (pos == Pos::kVBN || pos == Pos::kVB)) continue;
      if (h.aux_b == sb && ends_with_ing(h.b)) continue;
      const std::string_view rule = h.entry->rule;
      if (rule == "cue:believed" || rule == "cue:known" || rule == "cue:rumor") continue;
      // Passives have their own word orders above ("which was backed by").
      bool passive = false;
      for (uint32_t k = h.aux_b; k < h.b; ++k) passive = passive || is_passive_aux(w(k));
      if (passive && participle_form(w(h.b))) continue;
      const uint32_t cb = skip_complementizer(h.e, se, rule == "cue:tell");
      Range content{cb, clause_end(cb, se)};
      const Range src = unmatched_verb_source(h, sb);
      // "X, which first reported the closure, published ...": a relative
      // clause set off by commas ends at the next one.
      if (!src.empty() && src.b > sb && is_comma(src.b - 1) && src.e == h.aux_b)
        for (uint32_t k = cb; k < content.e; ++k)
          if (is_comma(k) && in_quote_[k] < 0) {
            content.e = k;
            break;
          }
      if (trim(content).empty() || light_tail(content)) continue;
      emit(h, src, {content}, "unmatched_verb");
    }
  }

  // The source of such a verb: its subject right before it; for a relative
  // clause ("the paper, which said") the noun group the pronoun stands for;
  // after "and" / "but" or a comma ("X took to Twitter and said", "...,
  // saying") the subject that opens the sentence.
  Range unmatched_verb_source(const CueHit& h, uint32_t sb) const {
    auto plausible = [&](Range r) {
      return !r.empty() && r.e - r.b <= 6 && !punct(r.b) && w(r.b) != "it" && w(r.b) != "who" &&
             w(r.b) != "which" && w(r.b) != "that" && w(r.b) != "what";
    };
    Range src = left_np(sb, h.aux_b);
    if (plausible(src)) return src;
    if (h.aux_b <= sb) return {0, 0};
    std::string_view before = w(h.aux_b - 1);
    // PolNeAR marks the relative pronoun itself as the source.
    if (before == "who" || before == "which" || before == "that") return {h.aux_b - 1, h.aux_b};
    if (before == "and" || before == "but" || is_comma(h.aux_b - 1)) {
      src = sentence_subject(sb, h.aux_b);
      if (src.empty()) src = first_subject_group(sb, h.aux_b);
      return plausible(src) ? src : Range{0, 0};
    }
    return {0, 0};
  }

  // The first noun group of [sb, limit) that a verb group follows directly:
  // the subject of the sentence's first clause.
  Range first_subject_group(uint32_t sb, uint32_t limit) const {
    const auto& ch = doc_.chunks;
    auto it = std::lower_bound(ch.begin(), ch.end(), sb,
                               [](const Chunk& c, uint32_t v) { return c.token_begin < v; });
    for (; it != ch.end() && it + 1 != ch.end() && it->token_end <= limit; ++it) {
      if (it->kind != ChunkKind::kNoun || (it + 1)->kind != ChunkKind::kVerb) continue;
      if ((it + 1)->token_begin != it->token_end) continue;
      if (in_quote_[it->token_begin] >= 0) continue;
      return {it->token_begin, it->token_end};
    }
    return {0, 0};
  }

  // Some attribution already has a cue at token `i`.
  bool cue_emitted(uint32_t i) const {
    const Span s = toks_[i].span;
    for (const Attribution& a : doc_.attributions)
      if (a.cue.begin <= s.begin && s.end <= a.cue.end) return true;
    return false;
  }

  // "SOURCE VERBED that CLAUSE" with a verb outside the lexicon ("Ana Ruiz
  // conceded that", "the panel concluded that", "The fund expects that"): a
  // finite verb (or a participle after an auxiliary) whose subject is a
  // person, group, document or pronoun, and whose complement is a "that"
  // clause with a subject and a finite verb of its own ("accepted that
  // invitation" has none: there "that" is a determiner).
  void do_unknown_verb_that(uint32_t sb, uint32_t se) {
    static constexpr SpeechCueEntry kVerbThatCue{"", "cue:verb_that", CueClass::kClaim,
                                                 CueRole::kVerb, Certainty::kAlleged};
    // Verbs whose "that" clause is no one's statement: "it means that",
    // "to ensure that", "given that", "so that".
    static const WordSet kNot{"so",     "such",   "now",     "give",      "except",    "provide",
                              "mean",   "ensure", "be",      "have",      "do",        "seem",
                              "appear", "prove",  "happen",  "turn",      "determine", "notice",
                              "make",   "get",    "require", "guarantee", "see",       "hear",
                              "assume", "like",   "love",    "hate",      "take",      "keep"};
    for (uint32_t i = sb + 1; i + 3 < se; ++i) {
      if (w(i + 1) != "that" || in_quote_[i] >= 0 || covered_[i] || capitalized(i)) continue;
      const Pos pos = toks_[i].pos;
      const bool finite = pos == Pos::kVBD || pos == Pos::kVBZ || pos == Pos::kVBP;
      if (!finite && pos != Pos::kVBN) continue;
      std::string_view x = w(i);
      if (toks_[i].kind != TokenKind::kWord || x.size() < 4 || kNot.count(doc_.lemma(toks_[i])) ||
          aux_words().count(x) || np_stop_words().count(x))
        continue;
      bool known = false;
      for (const CueHit& h : hits_) known = known || (h.b <= i && i < h.e);
      if (known || !complement_clause(i + 2, se)) continue;
      const uint32_t aux = aux_chain_start(i, sb);
      // A participle needs its auxiliary: "have understood that" (not "a
      // plan approved that day").
      if (!finite && aux == i) continue;
      Range src = left_np(sb, aux);
      if (src.empty() || src.e - src.b > 6) continue;
      if (!(capitalized(src.b) || pronouns().count(w(src.b)) || is_determiner(w(src.b)) ||
            person_roles().count(w(src.e - 1)) || org_words().count(w(src.e - 1))) ||
          w(src.b) == "it" || w(src.b) == "who" || w(src.b) == "this" || w(src.b) == "that" ||
          toks_[src.b].pos == Pos::kIN)
        continue;
      if (!(src.b == sb || punct(src.b - 1) || w(src.b - 1) == "and" || w(src.b - 1) == "but"))
        continue;
      CueHit h{i, i + 1, &kVerbThatCue, aux};
      emit(h, src, {{i + 1, clause_end(i + 1, se)}}, "verb_that");
    }
  }

  // "Ana Ruiz offered her condolences", "she plans to run", "They named him
  // chairman": verbs of the lexicon's "frame" role, which are acts or
  // stances of a source only as the finite verb (or auxiliary + participle)
  // of a name or a personal pronoun, and only outside every other
  // attribution's content and source. A form ending in "to" needs a base
  // verb after it; the cue is the verb without "to".
  void do_frame_verbs(uint32_t sb, uint32_t se) {
    for (uint32_t i = sb + 1; i + 1 < se; ++i) {
      if (in_quote_[i] >= 0 || covered_[i] || toks_[i].kind != TokenKind::kWord) continue;
      const SpeechCueMatch m = match_speech_cue(doc_, i);
      if (m.entry == nullptr || m.entry->role != CueRole::kFrame || i + m.token_count >= se)
        continue;
      uint32_t e = i + m.token_count;
      // "plans to run": "to" and a base verb make the cue a verb whatever
      // its tag (the tagger often reads "plans" as a plural noun).
      const bool to_verb = w(e - 1) == "to";
      if (to_verb) {
        if (toks_[e].pos != Pos::kVB) continue;
        --e;
      }
      const Pos pos = toks_[i].pos;
      const bool finite = to_verb || pos == Pos::kVBD || pos == Pos::kVBZ || pos == Pos::kVBP;
      const uint32_t aux = aux_chain_start(i, sb);
      if (!finite && aux == i) continue;
      if (aux <= sb || !frame_subject(aux - 1)) continue;
      const Range src = left_np(sb, aux);
      if (src.empty() || src.e != aux) continue;
      const CueHit h{i, e, m.entry, aux};
      emit(h, src, {{e, frame_content_end(e, se)}}, "frame_verb");
      i = e - 1;
    }
  }

  // A frame verb's content is its object or infinitive: it ends at the
  // first comma outside quotation marks ("offered to mediate, and X held
  // talks"), else where the clause ends.
  uint32_t frame_content_end(uint32_t b, uint32_t se) const {
    const uint32_t e = clause_end(b, se);
    for (uint32_t k = b + 1; k < e; ++k)
      if (is_comma(k) && in_quote_[k] < 0) return k;
    return e;
  }

  // The subject word right before a frame verb: a personal pronoun or a
  // capitalised name (not "it", "who", "this").
  bool frame_subject(uint32_t k) const {
    std::string_view x = w(k);
    if (x == "he" || x == "she" || x == "they" || x == "we" || x == "i" || x == "you") return true;
    if (person_roles().count(x) || org_words().count(x)) return true;
    return (toks_[k].pos == Pos::kNNP || toks_[k].pos == Pos::kNNPS) && capitalized(k);
  }

  // Token `k` opens a complement clause: a subject (a name, a pronoun, a
  // noun group, a number, a quotation) and, before the next punctuation, a
  // finite verb or a modal.
  bool complement_clause(uint32_t k, uint32_t se) const {
    if (k >= se) return false;
    std::string_view y = w(k);
    const Pos p = toks_[k].pos;
    const bool subject = opens_quote(k) || (pronouns().count(y) && y != "who") ||
                         (is_determiner(y) && y != "that") || y == "there" ||
                         toks_[k].kind == TokenKind::kNumber || tag_is_nominal(p);
    if (!subject || aux_words().count(y)) return false;
    for (uint32_t j = k + 1; j < se && j < k + 15; ++j) {
      const Pos q = toks_[j].pos;
      if (q == Pos::kVBD || q == Pos::kVBZ || q == Pos::kVBP || q == Pos::kMD) return true;
      if (punct(j) && !quote_mark(j) && !is_comma(j)) return false;
    }
    return false;
  }

  static bool tag_is_nominal(Pos p) {
    return p == Pos::kNN || p == Pos::kNNS || p == Pos::kNNP || p == Pos::kNNPS || p == Pos::kPRP ||
           p == Pos::kPRPS || p == Pos::kJJ || p == Pos::kCD || p == Pos::kEX;
  }

  // "In a Velm Herald poll released Monday, CONTENT": a sentence-initial
  // document (poll, survey, study, report, letter) that no verb cites.
  void in_document(uint32_t sb, uint32_t se) {
    uint32_t i = sb;
    if (i < se && (w(i) == "but" || w(i) == "and")) ++i;
    if (i + 3 >= se || w(i) != "in" || covered_[i]) return;
    for (const CueHit& h : hits_)
      if (h.entry->role == CueRole::kVerb || h.entry->role == CueRole::kPrep) return;
    static const WordSet kDocs{"poll",    "polls",    "survey", "surveys",  "study",  "report",
                               "letter",  "memo",     "filing", "ruling",   "op-ed",  "editorial",
                               "column",  "tweet",    "post",   "analysis", "review", "complaint",
                               "lawsuit", "document", "audit"};
    uint32_t e = i + 1;
    bool doc = false;
    for (; e < se && e < i + 16 && !is_comma(e) && !quote_mark(e); ++e)
      if (kDocs.count(w(e))) doc = true;
    if (!doc || e >= se || !is_comma(e) || e == i + 1) return;
    static constexpr SpeechCueEntry kInCue{"in", "cue:in", CueClass::kAccordingTo, CueRole::kPrep,
                                           Certainty::kReported};
    CueHit h{i, i + 1, &kInCue, i};
    emit(h, {i + 1, e}, {{e + 1, clause_end(e + 1, se)}}, "in_document");
  }

  // "Ana Ruiz's claim that X", "his suggestion that X": a noun of saying or
  // believing with a "that" clause and an owner, who is the source.
  void do_nominal(uint32_t sb, uint32_t se) {
    for (uint32_t i = sb + 1; i + 2 < se; ++i) {
      if (in_quote_[i] >= 0 || covered_[i] || w(i + 1) != "that") continue;
      const bool report = report_nouns().count(w(i)) > 0;
      if (!report && !claim_nouns().count(w(i))) continue;
      // A complement clause opens with a subject; "the claim that was made"
      // is a relative clause.
      const uint32_t k = i + 2;
      std::string_view x = w(k);
      const bool subject = capitalized(k) || opens_quote(k) ||
                           toks_[k].kind == TokenKind::kNumber ||
                           (pronouns().count(x) && x != "who") ||
                           (is_determiner(x) && x != "that") || x == "there" || x == "if";
      if (!subject || aux_words().count(x)) continue;
      // The owner: "X's claim", "his claim", "the claim by X" is not handled.
      Range src{0, 0};
      uint32_t p = i;
      while (p > sb && !punct(p - 1) && p + 3 > i && !is_determiner(w(p - 1)) && w(p - 1) != "'s" &&
             toks_[p - 1].kind == TokenKind::kWord && !capitalized(p - 1) &&
             !np_stop_words().count(w(p - 1)))
        --p;  // adjectives: "his repeated claim"
      if (p > sb && w(p - 1) == "'s") {
        // The owner: a name ("Ana Ruiz's", "Mr. Ruiz's") or a short
        // definite group ("the judge's").
        uint32_t b = p - 1;
        while (b > sb && capitalized(b - 1) && toks_[b - 1].kind == TokenKind::kWord && p - b < 6)
          --b;
        if (b == p - 1) {
          uint32_t n = b;
          while (n > sb && b - n < 3 && toks_[n - 1].kind == TokenKind::kWord &&
                 !is_determiner(w(n - 1)) && !np_stop_words().count(w(n - 1)))
            --n;
          b = n > sb && is_determiner(w(n - 1)) ? n - 1 : n;
        } else if (b > sb && is_determiner(w(b - 1))) {
          --b;
        }
        // "Despite Ana's": a sentence-initial preposition is no part of it.
        while (b + 1 < p - 1 && (noun_preposition(w(b)) || adjunct_starts().count(w(b)) ||
                                 w(b) == "despite" || w(b) == "but" || w(b) == "and"))
          ++b;
        Range owner{b, p - 1};
        if (!owner.empty() && owner.e - owner.b <= 5) src = {owner.b, p};
      } else if (p > sb && (w(p - 1) == "his" || w(p - 1) == "her" || w(p - 1) == "their" ||
                            w(p - 1) == "its" || w(p - 1) == "our")) {
        src = {p - 1, p};
      } else if (!unowned_saying_noun(i, sb)) {
        continue;  // without an owner the noun is mostly the writer's framing
      }
      CueHit h{i, i + 1, report ? &kNounReportCue : &kNounClaimCue, i};
      emit(h, src, {{i + 1, clause_end(i + 1, se)}}, "noun_that");
    }
  }

  // "despite complaints that X", "stoked speculation that X", "rumors that
  // X": a noun naming what unnamed people say, with no owner and no
  // determiner, still reports a statement (without a source). Nouns of
  // belief or framing ("the idea that", "the notion that", "news that") stay
  // the writer's. Measured on PolNeAR train: 18 of 22 such cues are marked.
  bool unowned_saying_noun(uint32_t i, uint32_t sb) const {
    static const WordSet kNouns{"complaint", "complaints", "speculation", "criticism",
                                "warning",   "warnings",   "worries",     "rumor",
                                "rumors",    "rumour",     "rumours",     "revelations",
                                "remarks",   "pledge",     "demand",      "demands"};
    if (!kNouns.count(w(i))) return false;
    uint32_t k = i;  // adjectives: "fresh complaints", "widespread speculation"
    while (k > sb && i - k < 2 && (toks_[k - 1].pos == Pos::kJJ || is_ly_adverb(k - 1))) --k;
    // ", warning that X", "has been warning that X", "but warning that X":
    // the verb, which the tagger may read as a noun.
    if (k > sb && (punct(k - 1) || aux_words().count(w(k - 1)) ||
                   (w(i).ends_with("ing") && (w(k - 1) == "but" || w(k - 1) == "and"))))
      return false;
    // "the needless speculation that Mr. Trump has generated": after a
    // determiner or an owner the "that" clause is mostly relative.
    return k == sb || !(is_determiner(w(k - 1)) || w(k - 1) == "'s" || pronouns().count(w(k - 1)));
  }

  // "Ana Ruiz has been critical of the plan", "voters remain skeptical
  // about X", "Democrats are worried that Y": an adjective of stance after a
  // copula, with its preposition and object or a "that" clause. The subject
  // is the source; the cue runs from the verb group to the preposition (the
  // complementizer belongs to the content, as for verbs). Adjectives that
  // annotators seldom mark as attitudes ("sure", "aware", "willing to") stay
  // out of the list.
  void do_stance_adjectives(uint32_t sb, uint32_t se) {
    static constexpr SpeechCueEntry kStanceAdjectiveCue{"", "cue:adjective", CueClass::kClaim,
                                                        CueRole::kVerb, Certainty::kAlleged};
    static const WordSet kLinkingVerbs{
        "is",     "are",     "was",      "were",    "be",       "been",   "being", "am",
        "'m",     "'re",     "remain",   "remains", "remained", "seem",   "seems", "seemed",
        "appear", "appears", "appeared", "become",  "becomes",  "became", "feel",  "feels",
        "felt",   "grew",    "grown",    "stay",    "stays",    "stayed"};
    static const WordSet kDegree{
        "very", "more", "most",   "less", "least",  "so",    "too",  "quite",   "rather",  "also",
        "not",  "n't",  "still",  "now",  "always", "never", "as",   "already", "long",    "even",
        "all",  "both", "pretty", "just", "ever",   "far",   "much", "no",      "equally", "once"};
    for (uint32_t i = sb + 1; i + 2 < se; ++i) {
      if (in_quote_[i] >= 0 || in_quote_[i + 1] >= 0 || covered_[i] ||
          !stance_adjectives().count(w(i)))
        continue;
      std::string_view next = w(i + 1);
      // "is eager to win": a wish, like "wants to"; the infinitive is the
      // content.
      const bool wish = next == "to" && (w(i) == "eager" || w(i) == "keen");
      const bool clause = next == "that" || wish;
      if (!clause && next != "of" && next != "about" && next != "in" && next != "on" &&
          next != "over" && next != "toward" && next != "towards")
        continue;
      bool known = false;
      for (const CueHit& h : hits_) known = known || (h.aux_b <= i && i < h.e);
      if (known || cue_emitted(i)) continue;
      uint32_t k = i;
      while (k > sb && (kDegree.count(w(k - 1)) || is_ly_adverb(k - 1))) --k;
      if (k == sb || !kLinkingVerbs.count(w(k - 1))) continue;
      const uint32_t aux = aux_chain_start(k - 1, sb);
      const Range src = left_np(sb, aux);
      // "it is clear that", "what is clear about": the writer's own
      // judgement, with nobody holding it.
      if (src.empty() || w(src.b) == "it" || w(src.b) == "this" || w(src.b) == "what" ||
          w(src.b) == "there" || w(src.b) == "that")
        continue;
      const uint32_t cb = clause ? i + 1 : i + 2;
      uint32_t ce = clause_end(cb, se);
      if (!clause) ce = object_end(cb, ce);
      CueHit h{i, clause ? i + 1 : i + 2, &kStanceAdjectiveCue, aux};
      emit(h, src, {{cb, ce}}, "stance_adjective");
    }
  }

  // "X seemed to Y", "X appears unfazed", "it seems that Y": the writer's
  // impression, with no source; the content is the subject and the rest.
  void do_seem(const CueHit& h, uint32_t sb, uint32_t se) {
    if (h.e >= se || covered_[h.b]) return;
    std::string_view next = w(h.e);
    const bool linker = next == "to" || next == "that" || next == "like" || next == "as";
    const bool seem = h.entry->rule == "cue:seem";
    if (!linker && !(seem && toks_[h.e].kind == TokenKind::kWord && !capitalized(h.e) &&
                     !noun_preposition(next) && !adjunct_starts().count(next)))
      return;
    const uint32_t ce = clause_end(h.e, se);
    if (h.aux_b > sb && w(h.aux_b - 1) == "it" && next == "that") {
      emit(h, {}, {{h.e, ce}}, "seem");
      return;
    }
    Range subj = left_np(sb, h.aux_b);
    if (subj.empty() || (subj.e - subj.b == 1 && w(subj.b) == "it")) return;
    emit(h, {}, {subj, {h.e, ce}}, "seem");
  }

  // A sentence that is one quotation with no cue of its own, right after a
  // quoted attribution ("\"Q1,\" she said. \"Q2.\""), continues that quote.
  bool continue_quote(uint32_t sb) {
    if (!opens_quote(sb) || in_quote_[sb] < 0 || doc_.attributions.empty()) return false;
    for (const CueHit& h : hits_)
      if (h.entry->role != CueRole::kAdverb) return false;
    const QuoteRegion& q = quotes_[in_quote_[sb]];
    if (q.open != sb) return false;  // the quote must open the sentence
    // "\"A. B,\" she said.": a quotation that closes on a comma runs into
    // its own reporting clause in a later sentence; it is that cue's content.
    if (q.close > q.open + 1 && is_comma(q.close - 1)) return false;
    // The latest quoted attribution, passing over a participle that the
    // same reporting clause adds ("\"Q1,\" she said, adding that X. \"Q2.\"").
    size_t ai = doc_.attributions.size() - 1;
    // A verb inside the source's relative clause ("said a member who backs
    // Ana") is passed over too.
    while (ai > 0 && !doc_.attributions[ai].quoted &&
           (doc_.attributions[ai].rule == "participle" ||
            (doc_.attributions[ai - 1].has_source &&
             doc_.attributions[ai].cue.begin >= doc_.attributions[ai - 1].source.begin &&
             doc_.attributions[ai].cue.end <= doc_.attributions[ai - 1].source.end)))
      --ai;
    Attribution& a = doc_.attributions[ai];
    if (!a.quoted || a.content.empty()) return false;
    // Adjacent: the previous attribution (its cue, a source after the cue,
    // or a quotation already continued) ends in the sentence before this
    // one; the rest of its reporting clause may lie between ("she said on
    // stage at the convention.") but no quotation and no other sentence.
    uint32_t anchor = std::max(a.cue.end, a.content.back().end);
    if (a.has_source) anchor = std::max(anchor, a.source.end);
    if (sb == 0 || toks_[sb - 1].span.end < anchor) return false;
    uint32_t gap_tokens = 0;
    for (uint32_t i = sb; i-- > 0 && toks_[i].span.begin >= anchor;) {
      if (++gap_tokens > 40 || quote_mark(i)) return false;
      const std::string_view x = w(i);
      if (i + 1 < sb && (x == "." || x == "?" || x == "!")) return false;
    }
    if (covered_[sb]) return false;
    Range r{q.open, q.close + 1};
    for (uint32_t i = r.b; i < r.e; ++i) covered_[i] = 1;
    a.content.push_back(span_of(r));
    return true;
  }

  bool is_dash(uint32_t i) const {
    std::string_view x = w(i);
    return x == "-" || x == "--" || x == "\xe2\x80\x95" || x == "\xe2\x80\x94";
  }

  bool typographic(uint32_t sb, uint32_t se) {
    // "QUOTE" - NAME (to the end of the sentence).
    for (uint32_t i = std::max<uint32_t>(sb, 1); i + 1 < se; ++i) {
      if (!is_dash(i) || !closes_quote(i - 1) || in_quote_[i - 1] < 0) continue;
      Range src = right_np(i + 1, se);
      if (src.empty() || !capitalized(src.b) || src.e - src.b > 6) continue;
      if (src.e < se && !punct(src.e)) continue;
      CueHit h{i, i + 1, &kDashCue, i};
      const QuoteRegion& q = quotes_[in_quote_[i - 1]];
      return emit(h, src, {{q.open, q.close + 1}}, "quote_dash_source") >= 0;
    }
    // SPEAKER: CONTENT at the start of a paragraph, with the speaker in
    // capitals (a transcript) or the content a quotation.
    // A headline (a paragraph of one short sentence) "NAME: CONTENT" is
    // NAME's statement too.
    if (!toks_[sb].has(kTokenParagraphStart) && sb != 0) return quote_after_colon(sb, se);
    const bool headline =
        se - sb <= 30 && (se >= toks_.size() || toks_[se].has(kTokenParagraphStart));
    // A transcript quoted paragraph by paragraph: "\"RUIZ: We will ..."
    // (the speaker label in capitals right after the opening mark).
    const uint32_t lb =
        toks_[sb].has(kTokenOpenQuote) && sb + 2 < se && toks_[sb + 1].has(kTokenAllCaps) ? sb + 1
                                                                                          : sb;
    uint32_t lower = 0, first_lower = se;
    for (uint32_t i = lb + 1; i < se && i < lb + 6; ++i) {
      if (w(i) != ":") {
        if (punct(i) && w(i) != "'s") break;
        if (!capitalized(i)) {
          first_lower = std::min(first_lower, i);
          if (++lower > (headline ? 1 : 0)) break;
        }
        continue;
      }
      if (i + 1 >= se || !capitalized(lb)) break;
      bool caps = true;
      for (uint32_t k = lb; k < i; ++k) caps = caps && toks_[k].has(kTokenAllCaps);
      uint32_t words = 0;
      for (uint32_t k = i + 1; k < se; ++k) words += toks_[k].kind == TokenKind::kWord;
      const bool title = headline && words >= 3 && !label_word(w(i - 1)) && !caps;
      if (!caps && !opens_quote(i + 1) && !title) break;
      // "Ana Ruiz on the budget: ..." names Ana Ruiz.
      Range src{lb, i};
      if (first_lower < i && first_lower > lb &&
          (is_np_preposition(w(first_lower)) || w(first_lower) == "on" || w(first_lower) == "to"))
        src.e = first_lower;
      CueHit h{i, i + 1, &kColonCue, i};
      const int32_t k = emit(h, src, {{i + 1, se}}, title ? "headline_colon" : "speaker_colon");
      // A transcript quoted paragraph by paragraph often leaves its quotation
      // marks unclosed; one speaker's turn is the rest of this paragraph.
      if (k >= 0 && lb != sb) {
        uint32_t pe = i + 1;
        while (pe < toks_.size() && !toks_[pe].has(kTokenParagraphStart)) ++pe;
        Span& c = doc_.attributions[k].content.back();
        c.begin = std::max(c.begin, toks_[i + 1].span.begin);
        c.end = std::min(c.end, toks_[pe - 1].span.end);
      }
      return k >= 0;
    }
    return quote_after_colon(sb, se);
  }

  // Section labels that end in a colon without naming a speaker.
  static bool label_word(std::string_view x) {
    return x == "update" || x == "related" || x == "latest" || x == "watch" || x == "note" ||
           x == "exclusive" || x == "breaking" || x == "opinion" || x == "analysis" ||
           x == "editorial" || x == "correction" || x == "stories" || x == "read" ||
           x == "listen" || x == "video" || x == "photos" || x == "live";
  }

  // "... Republican pollster Ana Ruiz: \"QUOTE\"": a name right before a
  // colon that opens a quotation.
  bool quote_after_colon(uint32_t sb, uint32_t se) {
    for (uint32_t i = sb + 1; i + 1 < se; ++i) {
      if (w(i) != ":" || in_quote_[i] >= 0 || !opens_quote(i + 1) || !capitalized(i - 1)) continue;
      // Only when no verb of saying precedes ("told CNBC: \"...\"").
      for (const CueHit& h : hits_)
        if (h.b < i) return false;
      Range src = left_np(sb, i);
      if (src.empty() || src.e - src.b > 8) return false;
      if (src.b > sb && (noun_preposition(w(src.b - 1)) || w(src.b - 1) == "to")) return false;
      CueHit h{i, i + 1, &kColonCue, i};
      const QuoteRegion& q = quotes_[in_quote_[i + 1]];
      return emit(h, src, {{q.open, q.close + 1}}, "name_colon_quote") >= 0;
    }
    return false;
  }

  bool do_verb(const CueHit& h, uint32_t sb, uint32_t se, uint32_t prev_end, uint32_t first_attr) {
    const bool ing = ends_with_ing(h.b);
    // "(When) asked whether X, Ana said ...": the question, with no source
    // (whoever asked); the answer is the main clause's own attribution.
    // "..., Ana said when asked whether X.": the same question after the
    // answer, to the end of the sentence.
    const bool when_before =
        h.aux_b > sb && (w(h.aux_b - 1) == "when" || w(h.aux_b - 1) == "after");
    if (h.entry->rule == "cue:ask" && h.b < se &&
        (h.aux_b == sb || when_before ||
         (h.aux_b == sb + 1 && (w(sb) == "once" || w(sb) == "if")))) {
      // "Asked on Fox News who leads", "asked by a reporter whether": a short
      // adjunct may come before the question.
      uint32_t q = h.e;
      for (uint32_t k = h.e; k < se && k < h.e + 6 && !punct(k) && in_quote_[k] < 0; ++k)
        if (question_word(w(k))) {
          q = k;
          break;
        }
      std::string_view x = w(q);
      const bool about = about_in_cue(h);
      if (question_word(x) || x == "about" || about || x == "to" || x == "for" ||
          x == "specifically" || opens_quote(q)) {
        uint32_t e = q;
        while (e < se && !(is_comma(e) && in_quote_[e] < 0)) ++e;
        if (e == se && h.aux_b > sb) {
          while (e > q && punct(e - 1) && !closes_quote(e - 1)) --e;  // to the full stop
        }
        if ((e < se || h.aux_b > sb) && e > q + (about ? 0 : 1)) {
          uint32_t cb = x == "about" ? q + 1 : q;
          return emit(h, {}, {{cb, e}}, "asked_sourceless") >= 0;
        }
      }
    }
    // "X is said / expected / believed to Y": a sourceless report about X.
    {
      bool passive = false;
      for (uint32_t i = h.aux_b; i < h.b; ++i) passive = passive || is_passive_aux(w(i));
      if (passive && !ing && h.e + 1 < se && w(h.e) == "to" && h.e == h.b + 1) {
        Range subj = left_np(sb, h.aux_b);
        if (!subj.empty() && toks_[subj.b].kind == TokenKind::kWord && w(subj.b) != "'s" &&
            w(subj.b) != "it" && w(subj.b) != "which" && w(subj.b) != "who")
          return emit(h, {}, {subj, {h.e, clause_end(h.e, se)}}, "passive_to") >= 0;
      }
      // The bare forms "believed", "known", "rumored" are cues only so.
      if (h.entry->rule == "cue:believed" || h.entry->rule == "cue:known" ||
          h.entry->rule == "cue:rumor")
        return false;
    }
    // Passive: CONTENT was/has been reported by SOURCE.
    if (h.e < se && w(h.e) == "by") {
      bool passive = false;
      for (uint32_t i = h.aux_b; i < h.b; ++i) passive = passive || is_passive_aux(w(i));
      if (passive) {
        Range src = right_np(h.e + 1, se);
        if (src.empty()) return false;
        // The content is the subject: the noun group before the auxiliaries
        // ("The strike has been reported by X"); a relative clause ("which
        // was backed by X") is left alone.
        if (h.aux_b > sb && (w(h.aux_b - 1) == "which" || w(h.aux_b - 1) == "who")) return false;
        Range subj = left_np(prev_end, h.aux_b);
        if (subj.empty() || subj.b == h.aux_b) subj = {prev_end, h.aux_b};
        return emit(h, src, {subj}, "passive_by") >= 0;
      }
      // "a practice criticized by civil rights groups", "the policies once
      // championed by X": a participle right after a noun, with no
      // auxiliary, reports what the agent after "by" said of that noun.
      Range noun = reduced_passive_noun(h, prev_end, se);
      if (!noun.empty()) {
        Range src = right_np(h.e + 1, se);
        if (!src.empty()) return emit(h, src, {noun}, "passive_by") >= 0;
      }
    }
    // Agentless passive: "Three officials were charged with X", "Jokes are
    // told about Y": nobody is named as the source; the subject is part of
    // what is reported.
    // A stance verb in the passive needs its complement ("is considered a",
    // "was accused of"); without one ("the convoy was attacked") it tells an
    // event, and its subject is the target, never the source.
    // "was accused", "is generally considered": a form of "be", adverbs allowed.
    uint32_t be = h.b;
    while (be > h.aux_b && !is_passive_aux(w(be - 1)) && is_ly_adverb(be - 1)) --be;
    if (!ing && h.e < se && w(h.e) != "by" && be > h.aux_b && is_passive_aux(w(be - 1)) &&
        participle_form(w(h.b))) {
      std::string_view last = w(h.e - 1), next = w(h.e);
      static const WordSet kJudged{"considered", "regarded", "seen",     "viewed",
                                   "deemed",     "believed", "thought",  "known",
                                   "described",  "labeled",  "labelled", "dubbed"};
      const bool complement = last == "of" || last == "as" || last == "with" || next == "of" ||
                              next == "as" || next == "that" || next == "to" ||
                              kJudged.count(w(h.b)) > 0;
      if (h.entry->cue_class == CueClass::kClaim && !complement) return false;
      Range subj = left_np(prev_end, h.aux_b);
      if (!subj.empty() && w(subj.b) != "who" && w(subj.b) != "which" && w(subj.b) != "that") {
        const uint32_t ce = clause_end(h.e, se);
        return emit(h, {}, {subj, {h.e, ce}}, "passive_sourceless") >= 0;
      }
    }
    // Participle after a comma: "..., stating that CONTENT" -- the source is
    // the main clause's.
    // "X said A and added B", "X declined to comment, but told Y ...".
    const bool after_and = h.aux_b > sb && (w(h.aux_b - 1) == "and" || w(h.aux_b - 1) == "but");
    // "..., by saying", "while noting": a participle after a preposition,
    // not at the start of the sentence.
    const bool after_prep = ing && h.aux_b > sb + 1 &&
                            (w(h.aux_b - 1) == "by" || w(h.aux_b - 1) == "while" ||
                             w(h.aux_b - 1) == "after" || w(h.aux_b - 1) == "before");
    // ",\" adding": the comma may sit inside the closing quotation mark.
    const bool after_comma = h.aux_b > sb && comma_before(h.aux_b, sb);
    if (after_and && bare_second_predicate(h)) return false;
    if ((ing && after_comma) || after_and || after_prep) {
      int32_t main = last_in_sentence(first_attr);
      int32_t via = -1;
      Range src = governing_subject(h, sb, first_attr, after_and, via);
      if (!src.empty()) {
        // The subject of the verb it hangs on.
      } else if (main >= 0 && doc_.attributions[main].has_source) {
        src = source_range(doc_.attributions[main]);
        via = doc_.attributions[main].via;
      } else {
        src = sentence_subject(sb, h.aux_b);
        if (src.empty()) {
          // "The two envoys have ...": a subject ending at an auxiliary.
          const uint32_t v = first_verbish(sb, h.aux_b);
          src = v < h.aux_b && aux_words().count(w(v)) ? left_np(sb, v) : Range{0, 0};
          if (src.b != sb) src = {0, 0};
        }
      }
      if (src.empty()) return false;
      uint32_t cb = skip_complementizer(h.e, se, h.entry->rule == "cue:tell");
      int32_t k = emit(h, src, {{cb, clause_end(cb, se)}}, "participle");
      if (k >= 0) doc_.attributions[k].via = via;
      return k >= 0;
    }
    // "Said Ana Ruiz, a teacher, \"QUOTE.\"": a sentence-initial inverted cue.
    if (h.aux_b == sb && h.b == sb && h.entry->cue_class == CueClass::kSay && !ing && h.e < se &&
        capitalized(h.e) && in_quote_[h.e] < 0) {
      Range name = right_np(h.e, se);
      uint32_t q = name.e;
      while (q < se && q < name.e + 25 && !quote_mark(q) && in_quote_[q] < 0) ++q;
      if (!name.empty() && q < se && opens_quote(q) && is_comma(q - 1) && q - 1 >= name.e)
        return emit(h, {name.b, q - 1}, {{q, quotes_[in_quote_[q]].close + 1}},
                    "cue_source_quote") >= 0;
    }
    Range src{0, 0};
    // "X, citing Y, said ...": the source is X; the citation is do_cite's.
    if (h.aux_b > sb + 2 && is_comma(h.aux_b - 1)) {
      uint32_t c = h.aux_b - 2;
      while (c > sb && !is_comma(c)) --c;
      if (c > sb && is_comma(c) && hit_at(c + 1, CueRole::kCite)) src = left_np(sb, c);
    }
    // "Ana Ruiz, however, said": the subject ends before the parenthetical.
    const uint32_t subj_end = before_time_adjunct(sb, before_parenthetical(sb, h.aux_b));
    if (src.empty()) src = dash_appositive_subject(sb, subj_end);
    if (src.empty()) src = appositive_subject(sb, subj_end);
    // "\"QUOTE,\" NAME, APPOSITION, said": the clause starts after the quote.
    if (src.empty() && subj_end > sb + 1) {
      uint32_t q = subj_end - 1;
      while (q > sb && !closes_quote(q) && subj_end - q < 40) --q;
      if (closes_quote(q) && q + 1 < subj_end) src = appositive_subject(q + 1, subj_end);
    }
    if (src.empty()) src = widen_subject(sb, left_np(sb, subj_end));
    if (ing && h.aux_b == h.b && !after_comma && !src.empty()) {
      src = participle_noun(src);
      if (src.empty()) {
        int32_t via = -1;
        src = governing_subject(h, sb, first_attr, false, via);
      }
    }
    bool src_after = false;
    if (src.empty()) {
      // Inverted: "CONTENT," said SOURCE.
      // Only plain verbs of saying invert ("said Ana", "added Ana", "wrote Ana").
      const bool after_quote_sentence = h.aux_b == sb && sb > 0 && closes_quote(sb - 1);
      if (h.entry->cue_class == CueClass::kSay && !ing && h.aux_b == h.b &&
          ((h.aux_b > sb && (is_comma(h.aux_b - 1) || closes_quote(h.aux_b - 1))) ||
           after_quote_sentence)) {
        src = right_np(h.e, se);
        // "said engineer Ivo Kast": a lower-case title before a name is fine.
        if (!src.empty() && !pronouns().count(w(src.b)) && !capitalized(src.b) &&
            !is_determiner(w(src.b)) && w(src.b) != "one" &&
            !(src.e - src.b <= 5 && capitalized(src.e - 1)))
          src = {0, 0};
        // "said Rep. Ana Ruiz (D-Ore.)": the party label belongs to the name.
        if (!src.empty() && src.e + 2 < se && w(src.e) == "(") {
          uint32_t k = src.e + 1;
          while (k < se && k < src.e + 8 && w(k) != ")" && in_quote_[k] < 0) ++k;
          if (k < se && w(k) == ")") src.e = k + 1;
        }
        // "said one source on the panel.": a prepositional tail that ends
        // the sentence belongs to the source.
        if (!src.empty() && src.e < se && (src.e - src.b > 1 || !pronouns().count(w(src.b))) &&
            (w(src.e) == "on" || w(src.e) == "at" || w(src.e) == "in" || w(src.e) == "close" ||
             w(src.e) == "familiar")) {
          uint32_t k = src.e + 1;
          while (k < se && k < src.e + 8 && !punct(k) && in_quote_[k] < 0 &&
                 !np_stop_words().count(w(k)) && !adjunct_starts().count(w(k)))
            ++k;
          if (k > src.e + 1 && (k >= se || (punct(k) && !quote_mark(k)))) src.e = k;
        }
        // "said a former official who oversaw the inquiry.": a relative
        // clause that runs to the end of the sentence (or a comma) describes
        // the source.
        if (!src.empty() && src.e < se && (w(src.e) == "who" || w(src.e) == "whom")) {
          uint32_t k = src.e + 1;
          while (k < se && k < src.e + 30 && !is_comma(k) && !quote_mark(k) && in_quote_[k] < 0 &&
                 !(punct(k) && k + 1 >= se))
            ++k;
          if (k > src.e + 2 && (k >= se || is_comma(k) || (punct(k) && !quote_mark(k)))) {
            src.e = k;
            while (src.e > src.b && punct(src.e - 1)) --src.e;
          }
        }
        // The source must close the clause: "..., said Ana Ruiz." not "said he
        // would"; a subordinate clause may follow ("said Ana Ruiz when asked").
        if (!src.empty() && src.e < se && !punct(src.e) && !subordinator(w(src.e))) src = {0, 0};
        // "..., said Wednesday.": a time, not a speaker.
        if (!src.empty() && src.e - src.b == 1 && adjunct_starts().count(w(src.b))) src = {0, 0};
        // "..., said Ana Ruiz, the director of the port.": the apposition
        // that ends the sentence belongs to the source.
        if (!src.empty() && src.e + 1 < se && is_comma(src.e))
          src.e = trailing_apposition(src.e, se);
        src_after = !src.empty();
      }
      if (src.empty()) return false;
    }
    // Content after the cue?
    uint32_t r = src_after ? src.e : h.e;
    const bool tell = h.entry->rule == "cue:tell";
    uint32_t cb = skip_complementizer(r, se, tell);
    uint32_t ce = clause_end(cb, se);
    if (!src_after) ce = subordinate_clause_end(sb, src.b, cb, ce);
    // A stance on a thing ("criticized the law during a stop in Flint"):
    // the object ends where a time or circumstance adjunct begins.
    if (h.entry->cue_class != CueClass::kSay && cb < ce && w(cb) != "that" && in_quote_[cb] < 0)
      ce = object_end(cb, ce);
    // "said as much in an interview", "mentioned Ana since the debate": a
    // verb of saying with a plain noun object ends there too.
    else if (cb < ce && in_quote_[cb] < 0 && object_is_noun_group(cb, ce) && !finite_in(cb, ce))
      ce = object_end(cb, ce, true);
    if (cb < ce && in_quote_[cb] < 0) ce = before_second_predicate(cb, ce);
    Range right{cb, ce};
    if (tell && cb == r && addressee_only(right)) right = {cb, cb};
    // "He said:" with the quotation in the next sentence or paragraph.
    if (cb >= se && cb > 0 && w(cb - 1) == ":" && se < toks_.size() && opens_quote(se) &&
        in_quote_[se] >= 0)
      right = {se, quotes_[in_quote_[se]].close + 1};
    bool right_ok = !src_after && (right.e > se || !light_tail(right));
    // "\"QUOTE,\" he said, as fighters worked out": after a quotation a
    // subordinate clause is the writer's scene, not more of the statement.
    if (right_ok && cb < se && in_quote_[cb] < 0 && subordinator(w(cb)) && h.aux_b > sb &&
        (closes_quote(h.aux_b - 1) || (src.b > sb && closes_quote(src.b - 1))))
      right_ok = false;
    // "CONTENT, Ana said in a video message": after a clause that ends in a
    // comma before the subject, a right side that opens with an adjunct is
    // the writer's.
    if (right_ok && !src_after && cb < se && src.b > prev_end + 3 && is_comma(src.b - 1) &&
        in_quote_[src.b - 1] < 0 && finite_in(prev_end, src.b - 1) && writer_tail(right))
      right_ok = false;
    std::vector<Range> content;
    if (right_ok) content.push_back(right);
    // Content before the source: "CONTENT, SOURCE CUE." / "\"QUOTE,\" SOURCE CUE."
    const uint32_t left_end = src_after ? h.aux_b : src.b;
    // "X have been discussing Y, the outlet's source claimed": an earlier
    // attribution of this sentence that lies wholly before the source is
    // part of this content, and reaches us through it.
    uint32_t left_b = prev_end;
    int32_t nested = -1;
    if (prev_end > sb && left_end > sb && doc_.attributions.size() > first_attr) {
      const Attribution& p = doc_.attributions.back();
      const uint32_t lo = toks_[sb].span.begin, hi = toks_[left_end - 1].span.end;
      bool inside = p.rule != std::string_view("cite") && p.cue.begin >= lo && p.cue.end <= hi &&
                    (!p.has_source || (p.source.begin >= lo && p.source.end <= hi));
      for (const Span& sp : p.content) inside = inside && sp.begin >= lo && sp.end <= hi;
      if (inside) {
        left_b = sb;
        nested = static_cast<int32_t>(doc_.attributions.size() - 1);
      }
    }
    if (left_end > left_b && (is_comma(left_end - 1) || closes_quote(left_end - 1))) {
      Range left{left_b, left_end};
      // "X said on Monday that CONTENT, officials told reporters": the
      // content starts at "that", after the first cue's adjunct.
      if (left.b > sb && adjunct_starts().count(w(left.b))) {
        for (uint32_t k = left.b + 1; k < left.e && k < left.b + 6 && !punct(k); ++k)
          if (w(k) == "that") {
            left.b = k;
            break;
          }
      }
      // Without content after the cue the content is before the source; with
      // both a quote before and content after ("\"Q1,\" he said, \"Q2.\"")
      // the content is both parts.
      if (!right_ok || in_quote_[left_end - 1] >= 0) {
        // "\"Q1,\" she said of the plan on Monday, \"Q2.\"": after a
        // quotation only another quotation goes on with the statement; the
        // words between are the writer's.
        if (right_ok) {
          uint32_t k = right.b;
          while (k < right.e && !opens_quote(k)) ++k;
          if (k >= right.e) {
            content.clear();
            right_ok = false;
          } else
            content.front().b = k;
        }
        content.insert(content.begin(), left);
        // "\"Q1,\" said Ana Ruiz, \"because Q2.\"": the quotation after an
        // inverted source goes on with the first one.
        if (src_after && in_quote_[left_end - 1] >= 0 && src.e + 1 < se && is_comma(src.e) &&
            opens_quote(src.e + 1))
          content.push_back({src.e + 1, quotes_[in_quote_[src.e + 1]].close + 1});
      }
    }
    // "\"Why now?\" Ana asked." split after the question mark: the
    // quotation that ends the previous sentence is the content.
    if (content.empty() && sb > 0 && closes_quote(sb - 1) && in_quote_[sb - 1] >= 0 &&
        (src_after ? h.aux_b == sb : src.b == sb) && light_tail({src_after ? src.e : h.e, se}) &&
        !covered_[sb - 1]) {
      const QuoteRegion& q = quotes_[in_quote_[sb - 1]];
      content.push_back({q.open, q.close + 1});
    }
    if (content.empty()) return false;
    const int32_t k = emit(h, src, content,
                           src_after            ? "content_cue_source"
                           : content.size() > 1 ? "quote_source_cue_quote"
                           : right_ok           ? "source_cue_content"
                                                : "content_source_cue");
    if (k >= 0 && nested >= 0 && !right_ok && doc_.attributions[nested].via < 0)
      doc_.attributions[nested].via = k;
    return k >= 0;
  }

  // "needs to sell herself and tell more jokes", "go further and ask
  // yourself": a bare base form after "and" continues an infinitive, a
  // wish or an imperative, not a report of what somebody said.
  bool bare_second_predicate(const CueHit& h) const {
    return h.aux_b == h.b && toks_[h.b].pos == Pos::kVB;
  }

  // The noun a reduced passive relative ("NOUN (adverb) VERBED by AGENT")
  // hangs on; empty when the cue has an auxiliary, is no participle, does
  // not follow a noun directly, or "by" takes a gerund ("responded by
  // saying").
  Range reduced_passive_noun(const CueHit& h, uint32_t prev_end, uint32_t se) const {
    if (h.aux_b <= prev_end || h.e + 1 >= se || !participle_form(w(h.b))) return {0, 0};
    const Pos p = toks_[h.b].pos;
    if (p != Pos::kVBN && p != Pos::kVBD) return {0, 0};
    for (uint32_t k = h.aux_b; k < h.b; ++k)
      if (!is_ly_adverb(k) && w(k) != "once" && w(k) != "first") return {0, 0};
    const Pos q = toks_[h.aux_b - 1].pos;
    if (in_quote_[h.aux_b - 1] >= 0 ||
        !(q == Pos::kNN || q == Pos::kNNS || q == Pos::kNNP || q == Pos::kNNPS))
      return {0, 0};
    if (ends_with_ing(h.e + 1) || in_quote_[h.e + 1] >= 0) return {0, 0};
    Range noun = left_np(prev_end, h.aux_b);
    if (noun.empty() || noun.e != h.aux_b) return {0, 0};
    return noun;
  }

  // "ads attacking Ana", "a group seeking X": a bare participle right after
  // a noun describes that noun, which is the source. When the words before
  // it hold a verb ("has drawn huge crowds describing", "poured money into
  // groups seeking"), only the last noun group is the participle's noun;
  // when they end in anything but a noun ("she sat down describing"),
  // there is none (empty) and the source is the subject of the governing
  // verb.
  Range participle_noun(Range src) const {
    const auto verb_at = [&](uint32_t k) {
      const Pos p = toks_[k].pos;
      return !capitalized(k) && in_quote_[k] < 0 &&
             (p == Pos::kVB || p == Pos::kVBD || p == Pos::kVBN || p == Pos::kVBZ ||
              p == Pos::kVBP || p == Pos::kMD);
    };
    bool verb = false;
    for (uint32_t k = src.b; k < src.e; ++k) verb = verb || verb_at(k);
    if (!verb) return src;
    const Pos last = toks_[src.e - 1].pos;
    if (!(last == Pos::kNN || last == Pos::kNNS || last == Pos::kNNP || last == Pos::kNNPS ||
          last == Pos::kPRP || last == Pos::kCD))
      return {0, 0};
    uint32_t b = src.e - 1;
    while (b > src.b) {
      const uint32_t k = b - 1;
      const Pos p = toks_[k].pos;
      if (verb_at(k) || p == Pos::kIN || p == Pos::kTO || p == Pos::kCC || p == Pos::kRB ||
          punct(k))
        break;
      b = k;
    }
    return {b, src.e};
  }

  // "(When) asked about the budget, ...": the particle is part of the cue and
  // the topic follows it directly.
  bool about_in_cue(const CueHit& h) const { return h.e > h.b + 1 && w(h.e - 1) == "about"; }

  // "While Ana Ruiz said X, the council did Y": an attribution in a
  // subordinate clause that opens the sentence ends at the comma before the
  // main clause.
  uint32_t subordinate_clause_end(uint32_t sb, uint32_t subject_b, uint32_t cb, uint32_t ce) const {
    static const WordSet kSubordinators{"while",  "although", "though", "whereas", "when",
                                        "after",  "before",   "if",     "because", "since",
                                        "unless", "once",     "until"};
    uint32_t k = sb;
    if (k < subject_b && (w(k) == "but" || w(k) == "and" || w(k) == "yet")) ++k;
    if (k < subject_b && w(k) == "even") ++k;
    if (k >= subject_b || !kSubordinators.count(w(k)) || k + 1 != subject_b) return ce;
    for (uint32_t i = cb + 1; i < ce; ++i)
      if (is_comma(i) && in_quote_[i] < 0) return i;
    return ce;
  }

  // A past participle of a cue verb: "charged", "told", "written".
  static bool participle_form(std::string_view x) {
    return (x.size() > 3 && x.substr(x.size() - 2) == "ed") || x == "told" || x == "known" ||
           x == "thought" || x == "said" || x == "seen" || x == "shown" || x == "written" ||
           x == "heard" || x == "held" || x == "found";
  }

  // A comma right before token `i`, perhaps inside a closing quotation mark
  // (",\"" or ",''").
  bool comma_before(uint32_t i, uint32_t sb) const {
    uint32_t k = i;
    while (k > sb && closes_quote(k - 1) && in_quote_[k - 1] >= 0) {
      const uint32_t open = quotes_[in_quote_[k - 1]].open;
      uint32_t m = k - 1;
      while (m > open && quote_mark(m)) --m;  // both apostrophes of ''
      if (m == k - 1) break;
      return is_comma(m);
    }
    return k > sb && is_comma(k - 1);
  }

  static bool question_word(std::string_view x) {
    return x == "whether" || x == "if" || x == "what" || x == "who" || x == "whom" || x == "how" ||
           x == "why" || x == "which" || x == "when" || x == "where";
  }

  static bool subordinator(std::string_view x) {
    return x == "when" || x == "while" || x == "after" || x == "before" || x == "as" ||
           x == "because";
  }

  // "Ana Ruiz -- a teacher from Tarn -- said": a name and an apposition set
  // off by dashes.
  Range dash_appositive_subject(uint32_t sb, uint32_t aux_b) const {
    if (aux_b < sb + 4 || !is_dash(aux_b - 1)) return {0, 0};
    uint32_t d = aux_b - 2;
    while (d > sb && !is_dash(d) && aux_b - d < 25) {
      if (quote_mark(d) || in_quote_[d] >= 0 || w(d) == ";" || w(d) == ":") return {0, 0};
      --d;
    }
    if (!is_dash(d) || d + 2 >= aux_b) return {0, 0};
    Range name = left_np(sb, d);
    if (name.empty() || !capitalized(name.b) || name.e - name.b > 8) return {0, 0};
    return {name.b, aux_b - 1};
  }

  // End of a source "NAME, APPOSITION." that runs from the comma at `c` to
  // the end of the sentence; `c` when the rest is not a plain apposition.
  uint32_t trailing_apposition(uint32_t c, uint32_t se) const {
    uint32_t e = se;
    while (e > c + 1 && punct(e - 1) && w(e - 1) != ")") --e;
    if (e <= c + 1 || e - c > 40) return c;
    // "said Ana Ruiz, after a rally in Velm": an adjunct, not an apposition.
    static const WordSet kAdjunctOpeners{"in",     "on",   "at",    "during",  "after",
                                         "before", "when", "while", "amid",    "despite",
                                         "with",   "as",   "but",   "because", "following"};
    if (kAdjunctOpeners.count(w(c + 1))) return c;
    for (uint32_t k = c + 1; k < e; ++k) {
      if (quote_mark(k) || in_quote_[k] >= 0 || w(k) == ";" || w(k) == ":") return c;
      if (is_comma(k) && k + 1 < e && clause_cue_at(k + 1)) return c;
    }
    // A verb of saying inside the apposition starts a new statement, unless
    // it sits in a relative clause or a participle that describes the
    // source ("a strategist who has advised X", "a group supporting Y").
    for (const CueHit& h : hits_) {
      if (h.b <= c || h.b >= e) continue;
      if (is_comma(h.aux_b - 1)) return c;
      bool described = ends_with_ing(h.b);
      for (uint32_t k = c + 1; k < h.aux_b && !described; ++k)
        described = w(k) == "who" || w(k) == "which" || w(k) == "that";
      if (!described) return c;
    }
    return e;
  }

  static bool time_word(std::string_view x) {
    static const WordSet kTime{
        "monday",  "tuesday",   "wednesday", "thursday", "friday",    "saturday", "sunday",
        "january", "february",  "march",     "april",    "may",       "june",     "july",
        "august",  "september", "october",   "november", "december",  "jan.",     "feb.",
        "aug.",    "sept.",     "oct.",      "nov.",     "dec.",      "week",     "month",
        "year",    "night",     "morning",   "evening",  "afternoon", "weekend"};
    return kTime.count(x) > 0;
  }

  // "The ministry on Friday denied", "Ana Ruiz last week said": the end of
  // the subject before a time adjunct (or `end` when there is none).
  uint32_t before_time_adjunct(uint32_t sb, uint32_t end) const {
    uint32_t k = end;
    while (k > sb && (time_word(w(k - 1)) || toks_[k - 1].kind == TokenKind::kNumber) &&
           end - k < 3)
      --k;
    if (k == end || k <= sb) return end;
    std::string_view x = w(k - 1);
    // "Six in 10 say": a share, not a date; a bare number after "in" is a
    // date only when it is a year.
    if (x == "in") {
      bool year = false;
      for (uint32_t i = k; i < end; ++i)
        year = year || time_word(w(i)) || (toks_[i].kind == TokenKind::kNumber && w(i).size() == 4);
      if (!year) return end;
    }
    if (x == "on" || x == "last" || x == "this" || x == "in" || x == "late" || x == "early")
      return k - 1 > sb ? k - 1 : end;
    return end;
  }

  // "X, however, said" / "X, for his part, said": the end of the subject
  // before a short parenthetical (or `end` when there is none).
  uint32_t before_parenthetical(uint32_t sb, uint32_t end) const {
    if (end < sb + 3 || !is_comma(end - 1)) return end;
    static const WordSet kParenthetical{
        "however",   "meanwhile", "too",      "though",   "for",      "example",   "instance",
        "in",        "turn",      "fact",     "his",      "her",      "their",     "its",
        "part",      "instead",   "response", "contrast", "also",     "then",      "separately",
        "later",     "earlier",   "now",      "moreover", "likewise", "similarly", "nevertheless",
        "meanwhile", "too",       "still",    "though"};
    // "Ana Ruiz, in a statement released by the campaign, said", "X, when
    // contacted by Reuters, said": a longer parenthetical that opens with a
    // preposition or a subordinator is an adjunct, not an apposition.
    static const WordSet kAdjunctOpeners{
        "in",   "on",      "at",   "during",       "after",      "before", "when",     "while",
        "amid", "despite", "with", "particularly", "especially", "like",   "following"};
    for (uint32_t k = end - 2; k > sb && end - 2 - k < 30; --k) {
      if (in_quote_[k] >= 0 || quote_mark(k) || w(k) == ";") break;
      if (!is_comma(k)) continue;
      if (k > sb + 1 && kAdjunctOpeners.count(w(k + 1)) && in_quote_[k + 1] < 0) return k;
      break;
    }
    for (uint32_t k = end - 2; k > sb && end - 2 - k < 4; --k) {
      if (is_comma(k)) return k > sb ? k : end;
      if (!kParenthetical.count(w(k))) return end;
    }
    return end;
  }

  // "told USA Today", "told reporters on Monday": a short noun group with no
  // quotation is the addressee, not content.
  bool addressee_only(Range r) const {
    r = trim(r);
    if (r.empty()) return true;
    if (r.e - r.b > 6) return false;
    for (uint32_t i = r.b; i < r.e; ++i)
      if (quote_mark(i) || aux_words().count(w(i)) || w(i) == "to" || w(i) == "that") return false;
    return capitalized(r.b) || is_determiner(w(r.b)) || w(r.b) == "reporters" ||
           pronouns().count(w(r.b)) > 0;
  }

  // A full stop at `i` that ends an abbreviation inside a name group: before
  // a closing bracket or a comma ("(R-Ore.)", "McConnell, R-Ky., said").
  bool abbreviation_stop(uint32_t i, uint32_t end) const {
    return i + 1 < end && (w(i + 1) == ")" || is_comma(i + 1));
  }

  // "NAME, APPOSITIVE, said": the name with its appositive (and the comma
  // that closes it), when the name starts the clause.
  Range appositive_subject(uint32_t sb, uint32_t aux_b) const {
    if (aux_b < sb + 4 || !is_comma(aux_b - 1)) return {0, 0};
    // Walk back over comma-separated chunks ("Ana Ruiz, 59, of Tarn, a
    // teacher at the school,") to a short capitalised name that starts the
    // clause; quotation marks and long stretches end the search.
    uint32_t commas = 0;
    for (uint32_t i = aux_b - 1; i-- > sb;) {
      if (quote_mark(i) || in_quote_[i] >= 0 || aux_b - i > 40) return {0, 0};
      if (w(i) == ";" || w(i) == ":") return {0, 0};
      // A full stop ends the search unless it closes an abbreviation in
      // brackets or before a comma ("(R-Ore.)", "Mitch McConnell, R-Ky.,").
      if (w(i) == "." && !abbreviation_stop(i, aux_b)) return {0, 0};
      if (!is_comma(i) && i != sb) continue;
      const uint32_t name_b = is_comma(i) ? i + 1 : sb;
      if (is_comma(i) && ++commas > 4) return {0, 0};
      // The chunk after this comma must be a name: short and capitalised.
      // A party label in brackets belongs to the name: "Rep. Ana Ruiz (D-Ore.)".
      uint32_t name_e = name_b;
      for (int depth = 0; name_e < aux_b; ++name_e) {
        if (w(name_e) == "(") ++depth;
        if (w(name_e) == ")" && depth > 0) --depth;
        if (punct(name_e) && depth == 0 && w(name_e) != ")") break;
      }
      const bool ends_name = name_e > name_b && (capitalized(name_e - 1) || w(name_e - 1) == ")");
      bool name_like = name_e > name_b && name_e - name_b <= 8 && capitalized(name_b) &&
                       ends_name && name_e < aux_b - 1;
      // A plain noun group that opens the sentence: "Six newspapers in the
      // state, including the Daily Tarn, said".
      if (!name_like && name_b == sb && name_e < aux_b - 1 && name_e - name_b <= 10) {
        Range np = left_np(sb, name_e);
        name_like = np.b == sb && np.e == name_e && !pronouns().count(w(sb)) &&
                    toks_[sb].kind == TokenKind::kWord;
      }
      if (name_like && (name_b == sb || is_comma(name_b - 1))) {
        // The clause must begin here: sentence start, or a comma after an
        // introductory phrase ("In January, Gov. Ana Ruiz, ...").
        // The source is the name with its appositions, without the comma
        // that closes them.
        if (name_b == sb || commas >= 2) {
          // "Ana Ruiz, speaking to farmers, said": a participle clause is
          // not an apposition.
          if (name_e + 1 < aux_b && is_comma(name_e) && ends_with_ing(name_e + 1) &&
              !capitalized(name_e + 1) && w(name_e + 1) != "including")
            return {name_b, name_e};
          return {name_b, aux_b - 1};
        }
        // One comma before: "Intro, NAME, APPOSITIVE, said" vs
        // "NAME, APPOSITIVE, said"; accept only the latter.
      }
      if (name_b == sb) break;
    }
    Range app = left_np(sb, aux_b - 1);
    if (app.empty() || app.b <= sb + 1 || !is_comma(app.b - 1)) return {0, 0};
    Range name = left_np(sb, app.b - 1);
    if (name.empty() || !capitalized(name.b)) return {0, 0};
    if (name.b != sb && !punct(name.b - 1)) return {0, 0};
    if (name.e - name.b > 5) return {0, 0};
    return {name.b, aux_b - 1};
  }

  // A finite verb outside quotations: a past or present tense, a modal, a
  // finite auxiliary, or a past form the tagger took for a participle.
  bool reads_as_finite_verb(uint32_t i) const {
    if (in_quote_[i] >= 0 || toks_[i].kind != TokenKind::kWord) return false;
    const Pos p = toks_[i].pos;
    if (p == Pos::kVBD || p == Pos::kVBZ || p == Pos::kVBP || p == Pos::kMD) return true;
    // A past form the tagger took for a participle: "Ana Ruiz, a teacher,
    // proposed X" (not "had proposed", "the plan proposed by").
    if (p == Pos::kVBN && i > 0 && (i + 1 >= toks_.size() || w(i + 1) != "by")) {
      std::string_view prev = w(i - 1);
      const Pos q = toks_[i - 1].pos;
      if (!aux_words().count(prev) && !is_passive_aux(prev) && !is_determiner(prev) &&
          q != Pos::kIN && q != Pos::kTO && q != Pos::kJJ && q != Pos::kNN && q != Pos::kNNS &&
          toks_[i - 1].kind != TokenKind::kNumber)
        return true;
    }
    std::string_view x = w(i);
    return x == "has" || x == "have" || x == "had" || x == "is" || x == "are" || x == "was" ||
           x == "were" || x == "will" || x == "would" || x == "can" || x == "could" ||
           x == "does" || x == "did" || x == "should" || x == "must" || x == "might";
  }

  // The subject of the verb group that ends just before `aux` (the first
  // token of the auxiliary chain): "Ana Ruiz, a teacher, said", "Ana Ruiz,
  // however, said", "The ministry on Friday denied", "Ana said".
  Range subject_before(uint32_t sb, uint32_t aux) const {
    const uint32_t end = before_time_adjunct(sb, before_parenthetical(sb, aux));
    Range src = dash_appositive_subject(sb, end);
    if (src.empty()) src = appositive_subject(sb, end);
    if (src.empty()) src = widen_subject(sb, left_np(sb, end));
    return src;
  }

  // Token `i` can open a clause: the sentence start, after punctuation, or
  // after a conjunction or a complementizer.
  bool opens_clause(uint32_t i, uint32_t sb) const {
    if (i <= sb) return true;
    const uint32_t p = i - 1;
    if (in_quote_[p] >= 0 && !closes_quote(p)) return false;
    if (punct(p)) return w(p) != "'s" && w(p) != "'" && w(p) != "%";
    static const WordSet kOpeners{
        "and",  "but",  "or",    "while", "because", "although", "though", "as",      "if",
        "that", "when", "since", "so",    "yet",     "whereas",  "unless", "where",   "whether",
        "why",  "how",  "now",   "still", "thus",    "instead",  "also",   "however", "meanwhile"};
    return kOpeners.count(w(p)) > 0;
  }

  // A noun group that ends just before `end` and may carry a tail: like
  // left_np, and "85%", "six in 10".
  Range head_np(uint32_t sb, uint32_t end) const {
    if (end >= sb + 2 && w(end - 1) == "%" && toks_[end - 2].kind == TokenKind::kNumber)
      return {end - 2, end};
    Range r = left_np(sb, end);
    // "those", "many", "some", "all": a group of its own before "of"/"in".
    if (r.empty() && end > sb) {
      std::string_view x = w(end - 1);
      if (x == "those" || x == "many" || x == "most" || x == "some" || x == "all" || x == "each" ||
          x == "none" || x == "several" || x == "few" || x == "both")
        return {end - 1, end};
    }
    return r;
  }

  // `g` is a noun group that ends at `end`: its last word is a noun, a
  // number or a quantifier ("those", "most"), or a participle before "by"
  // ("a report released by"), and it holds no finite verb or gerund.
  bool nominal_group(Range g, uint32_t end, bool before_by, bool postmodified = false) const {
    if (g.empty() || g.e != end || end - g.b > 16) return false;
    const uint32_t last = g.e - 1;
    // "people close to", "states going to", "those affected by": a noun
    // with a postmodifying adjective or participle.
    // (The tagger often reads "briefed", "close" as verbs here.)
    const Pos lp = toks_[last].pos;
    if (!postmodified && last > g.b && !capitalized(last) && !verb_hit_at(last) &&
        (lp == Pos::kJJ || lp == Pos::kVBN || lp == Pos::kVBG || lp == Pos::kRB ||
         lp == Pos::kVBD || lp == Pos::kVBP))
      return nominal_group({g.b, last}, last, false, true);
    for (uint32_t i = g.b; i < g.e; ++i) {
      const Pos p = toks_[i].pos;
      if (p == Pos::kVBD || p == Pos::kVBZ || p == Pos::kVBP || p == Pos::kVBG || p == Pos::kMD ||
          verb_hit_at(i))
        return false;
    }
    const Pos p = toks_[last].pos;
    std::string_view x = w(last);
    // A noun the tagger took for a base verb: "a newly released email".
    const bool base_noun = p == Pos::kVB && last > g.b &&
                           (toks_[last - 1].pos == Pos::kDT || toks_[last - 1].pos == Pos::kJJ ||
                            toks_[last - 1].pos == Pos::kVBN || toks_[last - 1].pos == Pos::kPRPS ||
                            toks_[last - 1].pos == Pos::kNN);
    return base_noun || p == Pos::kNN || p == Pos::kNNS || p == Pos::kNNP || p == Pos::kNNPS ||
           p == Pos::kCD || toks_[last].kind == TokenKind::kNumber || x == "%" || x == "those" ||
           x == "many" || x == "most" || x == "some" || x == "all" || x == "each" || x == "none" ||
           x == "several" || x == "few" || x == "both" || (before_by && p == Pos::kVBN);
  }

  // A short plain noun group in a list of subjects (no preposition, adverb
  // or verb: "Despite the rally, officials and ..." is no list).
  bool list_item(Range g, uint32_t end) const {
    if (!nominal_group(g, end, false) || g.e - g.b > 6) return false;
    for (uint32_t i = g.b; i < g.e; ++i) {
      const Pos p = toks_[i].pos;
      if (p == Pos::kIN || p == Pos::kRB || p == Pos::kVB || p == Pos::kVBD || p == Pos::kVBN ||
          adjunct_starts().count(w(i)))
        return false;
    }
    return true;
  }

  // Widens the subject noun group `src` found by left_np to the whole
  // subject PolNeAR marks, when that subject opens its clause: a
  // prepositional tail ("aides to Clinton", "a review by The Times",
  // "most of them", "85% of Democrats"), a relative clause ("Democrats in
  // Iowa who watched the debate", "officials whose laws were struck down")
  // and coordination ("Mr. Rubio and his advisers", "unions, green groups
  // and many Democrats", "neither Cruz nor Christie").
  Range widen_subject(uint32_t sb, Range src) const {
    if (src.empty() || src.b <= sb) return src;
    static const WordSet kJoiners{"of",      "by",    "to",     "on",      "around", "among",
                                  "like",    "with",  "for",    "from",    "at",     "in",
                                  "about",   "near",  "inside", "within",  "across", "behind",
                                  "outside", "under", "over",   "against", "toward", "towards"};
    // A single pronoun takes a head before it ("most of them", "those
    // around him"), never a relative clause or a coordination.
    const bool pronoun = src.e - src.b == 1 && pronouns().count(w(src.b));
    Range r = src;
    for (int step = 0; step < 6 && r.b > sb + 1; ++step) {
      const uint32_t j = r.b - 1;  // the word before the group
      if (in_quote_[j] >= 0 || quote_mark(j)) break;
      std::string_view x = w(j);
      if (kJoiners.count(x) && !capitalized(j)) {
        // "aides to Clinton", not "declined to comment".
        Range pre = head_np(sb, j);
        if (!(x == "to" && toks_[r.b].pos == Pos::kVB && r.e - r.b > 1) &&
            nominal_group(pre, j, x == "by")) {
          r.b = pre.b;
          continue;
        }
      }
      if (pronoun) break;
      // "Lawmakers supporting the bill", "voters backing Ana": a noun with a
      // participle phrase after it.
      if (toks_[j].pos == Pos::kVBG && !capitalized(j) && j > sb && in_quote_[j - 1] < 0) {
        const Pos q = toks_[j - 1].pos;
        Range pre = head_np(sb, j);
        if ((q == Pos::kNN || q == Pos::kNNS || q == Pos::kNNP || q == Pos::kNNPS) &&
            nominal_group(pre, j, false)) {
          r.b = pre.b;
          continue;
        }
        break;
      }
      // "Teachers, nurses and shop owners": left_np took the last two items.
      if (is_comma(j) && in_quote_[j] < 0 && step == 0) {
        bool conj = false;
        for (uint32_t i = r.b + 1; i + 1 < r.e && !conj; ++i) conj = w(i) == "and" || w(i) == "or";
        if (!conj) break;
        uint32_t b = r.b;
        while (b >= sb + 2 && is_comma(b - 1) && in_quote_[b - 1] < 0) {
          Range item = head_np(sb, b - 1);
          if (!list_item(item, b - 1)) break;
          b = item.b;
        }
        if (b < r.b && (b == sb || (opens_clause(b, sb) && !punct(b - 1)))) r.b = b;
        break;
      }
      if (x == "and" || x == "or" || x == "nor" || x == "&") {
        Range pre = head_np(sb, j);
        if (pre.empty() || pre.e != j) {
          // "he and Brafman".
          if (j > sb && (subject_pronoun(w(j - 1)) || w(j - 1) == "you")) pre = {j - 1, j};
        }
        if (pre.e - pre.b != 1 || !subject_pronoun(w(pre.b))) {
          if (!nominal_group(pre, j, false)) break;
        }
        // A list: "A, B, and C" / "A, B and C".
        uint32_t b = pre.b;
        while (b >= sb + 2 && is_comma(b - 1) && in_quote_[b - 1] < 0) {
          Range item = head_np(sb, b - 1);
          if (!list_item(item, b - 1)) break;
          b = item.b;
        }
        // The list must open the clause itself: "..., she and others".
        if (b < pre.b && !(b == sb || (opens_clause(b, sb) && !punct(b - 1)))) b = pre.b;
        if (b > sb && (w(b - 1) == "neither" || w(b - 1) == "both" || w(b - 1) == "either")) --b;
        r.b = b;
        continue;
      }
      // "as well as": "Ana as well as Ivo".
      if (x == "as" && j >= sb + 3 && w(j - 1) == "well" && w(j - 2) == "as") {
        Range pre = head_np(sb, j - 2);
        if (pre.empty() || pre.e != j - 2) break;
        r.b = pre.b;
        continue;
      }
      // A relative clause between the head and the verb: "HEAD who/whose/that
      // VERB ... CUE", with a verb of its own and no other clause inside.
      uint32_t rel = j + 1;
      bool verb = false;
      for (uint32_t k = j + 1; k-- > sb && j - k < 12;) {
        if (punct(k) || in_quote_[k] >= 0) break;
        std::string_view y = w(k);
        // "officials that are", not "now that Ana is".
        if (y == "who" || y == "whose" ||
            (y == "that" && k + 1 <= j &&
             (aux_words().count(w(k + 1)) || reads_as_finite_verb(k + 1)))) {
          rel = k;
          break;
        }
        if (y == "which" || y == "that" || verb_hit_at(k)) break;
        const Pos p = toks_[k].pos;
        if (p == Pos::kVBD || p == Pos::kVBZ || p == Pos::kVBP || p == Pos::kVBN ||
            p == Pos::kVBG || p == Pos::kMD || aux_words().count(y))
          verb = true;
      }
      if (rel <= j && verb && rel > sb) {
        Range pre = head_np(sb, rel);
        if (!nominal_group(pre, rel, false) || pronouns().count(w(pre.b))) break;
        if (pre.e - pre.b == 1 && subject_pronoun(w(pre.b))) break;
        r.b = pre.b;
        continue;
      }
      break;
    }
    if (r.b == src.b || !opens_clause(r.b, sb)) return src;
    return r;
  }

  // The source of a participle (", saying X") or of a second predicate
  // ("... and said X"): the subject of the nearest finite verb before it
  // that governs it. A second predicate pairs with a verb of the same tense
  // ("slammed X for suggesting Y and bragged"); a subject inside a
  // complement clause ("rebuked critics who say he should ..., saying") or a
  // relative clause ("a law which Ana backs, saying") is passed over, up to
  // the clause it hangs on. A relative pronoun is the source of a second
  // predicate in its clause ("Ivo, who saw it and described it"), as
  // PolNeAR marks it. The source (and relay) of an attribution made by that
  // verb is reused. Empty when no such verb is found.
  Range governing_subject(const CueHit& h, uint32_t sb, uint32_t first_attr, bool coordinated,
                          int32_t& via) const {
    const bool ing = ends_with_ing(h.b);
    Pos want = Pos::kNone;
    if (coordinated && !ing) {
      want = toks_[h.b].pos;
      for (uint32_t i = h.aux_b; i < h.b; ++i)
        if (reads_as_finite_verb(i)) {
          want = toks_[i].pos;
          break;
        }
      if (want != Pos::kVBD && want != Pos::kVBZ && want != Pos::kVBP) want = Pos::kNone;
    }
    const bool relative_ok = coordinated && !ing;
    for (int pass = want == Pos::kNone ? 1 : 0; pass < 2; ++pass) {
      uint32_t k = h.aux_b;
      while (k-- > sb) {
        if (!reads_as_finite_verb(k)) continue;
        if (pass == 0 && toks_[k].pos != want && !(want == Pos::kVBD && toks_[k].pos == Pos::kVBN))
          continue;
        // An attribution already made by this verb: its source.
        int32_t made = -1;
        for (size_t a = first_attr; a < doc_.attributions.size() && made < 0; ++a) {
          const Attribution& at = doc_.attributions[a];
          if (at.has_source && at.cue.begin <= toks_[k].span.begin &&
              toks_[k].span.end <= at.cue.end)
            made = static_cast<int32_t>(a);
        }
        const uint32_t aux = aux_chain_start(k, sb);
        Range subj = made >= 0 ? source_range(doc_.attributions[made]) : subject_before(sb, aux);
        if (subj.empty() || (made < 0 && subj.e - subj.b > 14)) {
          k = aux;
          continue;
        }
        std::string_view first = w(subj.b);
        if (first == "who" || first == "which" || first == "that") {
          if (relative_ok && first != "that") {
            via = made >= 0 ? doc_.attributions[made].via : -1;
            return subj;
          }
          k = std::min(subj.b, k);  // on to the clause the relative clause hangs on
          continue;
        }
        if (first == "it" || first == "there" || toks_[subj.b].kind != TokenKind::kWord) {
          k = std::min(subj.b, k);
          continue;
        }
        // A subject right after a verb, a complementizer or a relative word
        // opens an embedded clause.
        if (made < 0 && subj.b > sb) {
          uint32_t p = subj.b - 1;
          if (p > sb && (w(p) == "even" || w(p) == "only" || is_ly_adverb(p))) --p;
          std::string_view x = w(p);
          // "a charge that officials denied, noting": a relative "that"
          // after a noun does not embed; its subject is the source.
          const bool gap = k + 1 < toks_.size() && (is_comma(k + 1) || k + 1 == h.aux_b);
          const bool complementizer =
              x == "that" &&
              (!gap || (p > sb && (reads_as_finite_verb(p - 1) || verb_hit_at(p - 1))));
          const bool embedded = reads_as_finite_verb(p) || verb_hit_at(p) || complementizer ||
                                x == "which" || x == "who" || x == "whom" || x == "if" ||
                                x == "whether" || x == "because" || x == "when" || x == "while" ||
                                x == "as";
          if (embedded) {
            k = std::min(subj.b, k);
            continue;
          }
        }
        via = made >= 0 ? doc_.attributions[made].via : -1;
        return subj;
      }
    }
    return {0, 0};
  }

  // The subject that opens a sentence, for a participle without a main
  // attribution ("Ana Ruiz threw her weight behind X, saying ..."): after an
  // optional connective or short introductory phrase, a pronoun or a run of
  // capitalised words (with a determiner, "of" and "'s" inside) followed by a
  // lower-case word.
  Range sentence_subject(uint32_t sb, uint32_t limit) const {
    uint32_t b = sb;
    static const WordSet kConnectives{"but", "and", "so", "yet", "meanwhile", "still", "however"};
    if (b < limit && kConnectives.count(w(b))) ++b;
    if (b < limit && is_comma(b)) ++b;
    if (b < limit && (adjunct_starts().count(w(b)) || is_np_preposition(w(b)))) {
      uint32_t k = b;
      while (k < limit && k < b + 10 && !is_comma(k) && !quote_mark(k)) ++k;
      if (k >= limit || !is_comma(k)) return {0, 0};  // "In the end Ana ..." is no subject
      b = k + 1;
    }
    if (b >= limit || quote_mark(b)) return {0, 0};
    if (pronouns().count(w(b)) && w(b) != "it" && w(b) != "this" && w(b) != "these")
      return {b, b + 1};
    uint32_t e = b;
    if (is_determiner(w(e))) ++e;
    const uint32_t first_word = e;
    while (e < limit && e < b + 8 && !punct(e) &&
           (capitalized(e) || (e > first_word && (w(e) == "of" || w(e) == "'s"))))
      ++e;
    while (e > first_word && !capitalized(e - 1)) --e;
    if (e == first_word || e >= limit || punct(e) || capitalized(e)) return {0, 0};
    if (toks_[e].kind != TokenKind::kWord) return {0, 0};
    return {b, e};
  }

  // First token at or after which a verb-like word appears (the end of a
  // sentence-initial subject).
  uint32_t first_verbish(uint32_t sb, uint32_t limit) const {
    for (uint32_t i = sb; i < limit; ++i)
      if (aux_words().count(w(i)) || np_stop_words().count(w(i)) || punct(i)) return i;
    return limit;
  }

  // Skips ", citing X," and "that" / ":" / a short addressee before "that".
  uint32_t skip_complementizer(uint32_t r, uint32_t se, bool addressee = false) const {
    // "reported on Thursday, citing X, that": a short adjunct before the
    // relayed source.
    if (r < se && adjunct_starts().count(w(r))) {
      for (uint32_t k = r + 1; k < se && k < r + 5 && !quote_mark(k); ++k) {
        if (is_comma(k)) {
          if (k + 1 < se && hit_at(k + 1, CueRole::kCite)) r = k;
          break;
        }
      }
    }
    if (r < se && is_comma(r) && r + 1 < se && hit_at(r + 1, CueRole::kCite)) {
      uint32_t k = r + 1;
      while (k < se && !is_comma(k)) ++k;
      r = k < se ? k + 1 : se;
    }
    // The complementizer belongs to the content ("said that X" -> "that X",
    // as PolNeAR marks it); a colon does not.
    if (r < se && w(r) == "that") return r;
    if (r < se && w(r) == ":") return r + 1;
    if (r < se && is_comma(r) && r + 1 < se && opens_quote(r + 1)) return r + 1;
    // An addressee or an adjunct: "told Reuters that", "said on Monday
    // that" (not the object in "denied reports that").
    if (r < se && (addressee || adjunct_starts().count(w(r)) || capitalized(r) || time_word(w(r)) ||
                   pronouns().count(w(r)))) {
      for (uint32_t k = r; k < se && k < r + 8; ++k) {
        // "backing Ana Ruiz said that": the "that" of another verb.
        if (punct(k) || in_quote_[k] >= 0 || (k > r && verb_hit_at(k))) break;
        if (w(k) == "that") return k;
      }
    }
    // "told The Daily Tarn he would run": a capitalised addressee (or
    // "reporters") followed by a clause without "that".
    if (addressee && r < se) {
      uint32_t k = r;
      if (w(k) == "the") ++k;
      const uint32_t first = k;
      while (k < se && k < r + 6 && capitalized(k) && !punct(k) && in_quote_[k] < 0) ++k;
      if (k == first && (w(k) == "reporters" || w(k) == "supporters")) ++k;
      // The clause must open with a subject: a pronoun or a determiner.
      if (k > first && k < se && !capitalized(k) &&
          ((pronouns().count(w(k)) && w(k) != "who") ||
           (is_determiner(w(k)) && w(k) != "that" && w(k) != "no")))
        return k;
    }
    // "told X how ...", "says of Y, \"...\"": the content starts at the
    // question word or the quotation.
    if (addressee) {
      for (uint32_t k = r; k < se && k < r + 8; ++k) {
        std::string_view x = w(k);
        if (opens_quote(k)) return k;
        if (x == "how" || x == "what" || x == "why" || x == "whether" || x == "if" || x == "when" ||
            x == "where")
          return k;
        if (punct(k) && !is_comma(k)) break;
      }
    }
    if (r + 1 < se && w(r) == "of") {
      for (uint32_t k = r + 1; k + 1 < se && k < r + 8; ++k)
        if (is_comma(k) && opens_quote(k + 1)) return k + 1;
    }
    return r;
  }

  // "..., according to a CNN/ORC poll in February.", "..., according to
  // Ana Ruiz, an analyst at Tarn Bank.": a source that closes the sentence
  // runs to its end, an apposition after a comma included; a clause after
  // the comma ("according to X, will cost") is more of the content.
  Range final_source_tail(Range src, uint32_t se) const {
    uint32_t e = se;
    while (e > src.e && punct(e - 1) && !closes_quote(e - 1) && w(e - 1) != ")") --e;
    if (e <= src.e || e - src.b > 30) return src;
    uint32_t k = src.e;
    while (k < e && !is_comma(k) && !quote_mark(k) && in_quote_[k] < 0 && w(k) != ";" &&
           w(k) != ":" && !finite_verb(k))
      ++k;
    if (k == e) return {src.b, e};
    if (k > src.e || !is_comma(k) || k + 1 >= e) return src;
    // An apposition: a noun group without a finite verb before any relative
    // pronoun.
    std::string_view x = w(k + 1);
    if (!(is_determiner(x) || capitalized(k + 1) || toks_[k + 1].pos == Pos::kJJ ||
          toks_[k + 1].pos == Pos::kNN || toks_[k + 1].pos == Pos::kNNS))
      return src;
    for (uint32_t j = k + 1; j < e; ++j) {
      if (w(j) == "who" || w(j) == "which" || w(j) == "whose") break;
      const Pos p = toks_[j].pos;
      if (in_quote_[j] >= 0 || quote_mark(j) || w(j) == ";" || p == Pos::kVBD || p == Pos::kVBZ ||
          p == Pos::kVBP || p == Pos::kMD)
        return src;
    }
    return {src.b, trailing_apposition(k, se) > k ? e : src.e};
  }

  bool do_prep(const CueHit& h, uint32_t sb, uint32_t se) {
    Range src = right_np(h.e, se);
    if (src.empty()) return false;
    // "according to an official who spoke on condition of anonymity": the
    // relative clause describes the source.
    if (src.e < se && w(src.e) == "who") {
      uint32_t k = src.e + 1;
      while (k < se && !is_comma(k) && !quote_mark(k) && in_quote_[k] < 0 && k < src.e + 20) ++k;
      if (k >= se || is_comma(k)) src.e = k;
      while (src.e > src.b && punct(src.e - 1)) --src.e;
    }
    // Sentence-initial (possibly after a connective): "According to SOURCE, CONTENT".
    bool initial = h.b == sb || (h.b > sb && is_comma(h.b - 1) && h.b - sb <= 3);
    if (initial && (src.e >= se || !is_comma(src.e))) {
      // A long source runs to the comma: "According to early results of a
      // poll conducted by X for Y, CONTENT".
      uint32_t k = src.e;
      while (k < se && k < h.e + 30 && !is_comma(k) && !quote_mark(k) && w(k) != ";") ++k;
      if (k < se && is_comma(k)) src.e = k;
    }
    if (initial && src.e < se && is_comma(src.e)) {
      uint32_t cb = skip_complementizer(src.e + 1, se);
      return emit(h, src, {{cb, clause_end(cb, se)}}, "according_to_initial") >= 0;
    }
    if (h.b > sb && is_comma(h.b - 1)) {
      src = final_source_tail(src, se);
      std::vector<Range> content{{sb, h.b - 1}};
      if (src.e < se && is_comma(src.e)) content.push_back({src.e + 1, se});
      return emit(h, src, content, "according_to_final") >= 0;
    }
    // "CONTENT according to SOURCE." without a comma: the clause before it.
    if (h.b > sb + 2 && (src.e >= se || punct(src.e)))
      return emit(h, src, {{sb, h.b}}, "according_to_final") >= 0;
    return false;
  }

  void do_cite(const CueHit& h, int32_t parent, uint32_t se, uint32_t first_attr) {
    if (parent < 0) {
      // "X, citing Y, claimed that ...": the main attribution comes after.
      if (doc_.attributions.size() > first_attr)
        parent = static_cast<int32_t>(first_attr);
      else
        return;
    }
    Range src = right_np(h.e, se);
    if (src.empty()) return;
    std::vector<Range> content;
    for (const Span& sp : doc_.attributions[parent].content) content.push_back(tokens_of(sp));
    int32_t k = emit(h, src, content, "cite", parent);
    // The relayed source's words are presented as the relaying cue presents
    // them: "X claimed, citing Y, that ..." keeps X's distance.
    if (k >= 0 && doc_.attributions[parent].certainty > doc_.attributions[k].certainty)
      doc_.attributions[k].certainty = doc_.attributions[parent].certainty;
  }

  Range tokens_of(Span sp) const {
    auto lo = std::lower_bound(toks_.begin(), toks_.end(), sp.begin,
                               [](const Token& t, uint32_t v) { return t.span.begin < v; });
    Range r{static_cast<uint32_t>(lo - toks_.begin()), static_cast<uint32_t>(lo - toks_.begin())};
    while (r.e < toks_.size() && toks_[r.e].span.end <= sp.end) ++r.e;
    return r;
  }

  // ---- sources ----------------------------------------------------------

  SourceKind classify_source(Range r) const {
    if (r.e - r.b == 1 && pronouns().count(w(r.b))) return SourceKind::kPronoun;
    // "Mira Holt, who runs the café": the relative clause describes the
    // source; it does not make her a café.
    for (uint32_t i = r.b + 1; i + 1 < r.e; ++i)
      if (is_comma(i) && w(i + 1) == "who") {
        r.e = i;
        break;
      }
    bool outlet = false, anon = false, docw = false, role = false, org = false, caps = false;
    bool acronym = false;
    for (uint32_t i = r.b; i < r.e; ++i) {
      std::string_view x = w(i);
      outlet = outlet || outlet_words().count(x);
      anon = anon || anonymous_heads().count(x) || x == "anonymity" || x == "unnamed" ||
             x == "anonymous" || x == "named" || x == "familiar";
      docw = docw || document_words().count(x);
      role = role || person_roles().count(x);
      org = org || org_words().count(x);
      if (capitalized(i) && !(i == r.b && is_determiner(x))) caps = true;
      if (toks_[i].has(kTokenAllCaps) && x.size() >= 2) acronym = true;
      if (known_outlet(x)) outlet = true;
    }
    if (anon) return SourceKind::kAnonymous;
    if (outlet) return SourceKind::kOutlet;
    if (role && unnamed_role(r)) return SourceKind::kAnonymous;
    if (role) return SourceKind::kPerson;
    if (docw) return SourceKind::kDocument;
    if (org || acronym) return SourceKind::kOrganisation;
    if (caps) return SourceKind::kPerson;
    return SourceKind::kUnspecified;
  }

  // "an official in Valmora", "two diplomats", "officials": a role with no
  // name before any prepositional tail, indefinite or plural.
  bool unnamed_role(Range r) const {
    uint32_t head_end = r.b;
    while (head_end < r.e && !is_np_preposition(w(head_end))) ++head_end;
    for (uint32_t i = r.b; i < head_end; ++i)
      if (capitalized(i) && !(i == r.b && is_determiner(w(i)))) return false;
    std::string_view first = w(r.b);
    static const std::unordered_set<std::string_view> kIndefinite = {
        "a",    "an",   "one",   "two",    "three",    "several",
        "some", "many", "other", "senior", "officials"};
    if (kIndefinite.count(first)) return true;
    std::string_view last = w(head_end - 1);
    return head_end - r.b <= 2 && last.size() > 3 && last.back() == 's' &&
           person_roles().count(last) > 0;
  }

  // A name seen earlier in an outlet source ("Syrian newspaper Al-Watan" ...
  // later "Al-Watan").
  bool known_outlet(std::string_view x) const {
    for (const Attribution& a : doc_.attributions) {
      if (a.source_kind != SourceKind::kOutlet) continue;
      Range r = tokens_of(a.source);
      for (uint32_t i = r.b; i < r.e; ++i)
        if (capitalized(i) && w(i) == x && !is_determiner(x)) return true;
    }
    return false;
  }

  // Pronoun and nominal sources take the relay of what they refer to; "the
  // outlet's source" / "X's source" is relayed through that outlet.
  void resolve_sources() {
    auto& as = doc_.attributions;
    for (size_t k = 0; k < as.size(); ++k) {
      Attribution& a = as[k];
      if (!a.has_source || a.via >= 0) continue;
      Range r = tokens_of(a.source);
      if (r.empty()) continue;
      // "X's source(s)".
      int32_t poss = -1;
      for (uint32_t i = r.b; i + 1 < r.e; ++i)
        if (w(i + 1) == "'s" && i + 2 < r.e && anonymous_heads().count(w(i + 2))) poss = i;
      if (poss >= 0) {
        std::string_view owner = w(poss);
        for (size_t j = k; j-- > 0;) {
          const Attribution& b = as[j];
          if (!b.has_source) continue;
          bool match = false;
          if (outlet_words().count(owner)) {
            match = b.source_kind == SourceKind::kOutlet;
          } else {
            Range br = tokens_of(b.source);
            for (uint32_t i = br.b; i < br.e && !match; ++i) match = w(i) == owner;
          }
          if (match) {
            a.via = static_cast<int32_t>(j);
            break;
          }
        }
        continue;
      }
      const bool pronoun = a.source_kind == SourceKind::kPronoun;
      const bool definite_role = r.e - r.b <= 3 && w(r.b) == "the" && !capitalized(r.b + 1) &&
                                 person_roles().count(w(r.e - 1));
      if (!pronoun && !definite_role) continue;
      std::string_view p = w(r.b);
      const bool personal = definite_role || p == "he" || p == "she";
      for (size_t j = k; j-- > 0;) {
        const Attribution& b = as[j];
        if (!b.has_source || b.cue.begin == a.cue.begin) continue;
        SourceKind bk = b.source_kind;
        bool fits = personal ? (bk == SourceKind::kPerson || bk == SourceKind::kAnonymous ||
                                bk == SourceKind::kPronoun)
                             : bk != SourceKind::kDocument && bk != SourceKind::kUnspecified;
        if (definite_role) fits = bk == SourceKind::kPerson;
        if (fits) {
          a.via = b.via;
          break;
        }
      }
    }
  }

  // A cue inside another attribution's content that was not taken as a
  // statement relayed through it ("the source said health worries have
  // dogged her", "X claimed Y, the paper said" read out of order) is mostly
  // a noun read as a verb or a part of that content, not a statement of its
  // own: it is dropped, and the remaining attributions are renumbered.
  void drop_unrelayed_nested() {
    auto& as = doc_.attributions;
    std::vector<int32_t> new_index(as.size(), -1);
    std::vector<uint8_t> keep(as.size(), 1);
    for (size_t k = 0; k < as.size(); ++k) {
      if (as[k].via >= 0) continue;
      for (size_t j = 0; j < as.size() && keep[k]; ++j) {
        // "Police have said X, according to Y": Y's content is the whole
        // clause before it, a statement of its own included.
        if (j == k || !keep[j] || as[j].rule == std::string_view("according_to_final")) continue;
        for (const Span& sp : as[j].content)
          if (sp.begin <= as[k].cue.begin && as[k].cue.end <= sp.end) keep[k] = 0;
      }
    }
    int32_t n = 0;
    for (size_t k = 0; k < as.size(); ++k)
      if (keep[k]) new_index[k] = n++;
    if (n == static_cast<int32_t>(as.size())) return;
    std::vector<Attribution> kept;
    kept.reserve(n);
    for (size_t k = 0; k < as.size(); ++k) {
      if (!keep[k]) continue;
      Attribution a = std::move(as[k]);
      // A relay that was dropped passes on its own relay (none: it had none).
      while (a.via >= 0 && new_index[a.via] < 0) a.via = as[a.via].via;
      if (a.via >= 0) a.via = new_index[a.via];
      a.id.assign(1, 'a');
      a.id.append(std::to_string(kept.size() + 1));
      kept.push_back(std::move(a));
    }
    as.swap(kept);
  }

  // ---- cue order --------------------------------------------------------

  void sort_cues() {
    auto& cues = doc_.cues;
    std::vector<uint32_t> order(cues.size());
    for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      return cues[a].span.begin < cues[b].span.begin;
    });
    std::vector<uint32_t> new_index(cues.size());
    std::vector<Cue> sorted;
    sorted.reserve(cues.size());
    for (uint32_t i = 0; i < order.size(); ++i) {
      new_index[order[i]] = i;
      sorted.push_back(cues[order[i]]);
    }
    cues.swap(sorted);
    for (Attribution& a : doc_.attributions) {
      for (uint32_t& c : a.cues) c = new_index[c];
      std::sort(a.cues.begin(), a.cues.end());
      a.cues.erase(std::unique(a.cues.begin(), a.cues.end()), a.cues.end());
    }
  }
};

}  // namespace

void extract_attributions(Document& doc) {
  Extractor(doc).run();
}

}  // namespace claimtrace::extract
