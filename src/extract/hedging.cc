// Hedge, booster and negation cues, and sentence uncertainty.
//
// Cues come from data/certainty_cues.tsv (compiled in; see certainty_lexicon.h)
// and are matched on token normalized forms, longest phrase first, without
// overlaps, never inside a word. Entries of class "weasel" (vague quantity,
// source or praise) are emitted as hedge cues whose rule starts "weasel:";
// "block" entries ("not only", "more likely") consume tokens and emit nothing.
// An entry may name a context check (Cond) that rejects the match or keeps the
// cue as "not counted" (rule ends ":not-counted", see cue_counts()):
//   modal         may/might: "May" the month (capitalized mid-sentence, next to
//                 a number) and "might" the noun ("military might of") are
//                 rejected. Epistemic uses count: "may have",
//                 "may well", "may be" + non-participle, and modal + verb with a
//                 specific subject ("the fire could spread"). A generic subject
//                 ("users may park", "patients may be unaware") gives a root
//                 reading: emitted, not counted. "may", which also grants
//                 permission, does not count after a person noun ("the player
//                 may bid", "the wife may keep her name").
//                 "may" (like "could") counts only in its unambiguously
//                 epistemic forms: "may have" + participle, "may well", "may be"
//                 + a non-participle ("may be the oldest"). With a plain verb
//                 ("may contribute", "may play") or a passive ("may be used")
//                 it also reads as permission or as "can/sometimes" (dynamic),
//                 the usual reading in expository text: emitted, not counted.
//                 A plain verb counts when the sentence looks ahead
//                 ("tomorrow", "next week", "before noon", "by Friday") and
//                 after a weather "it" ("it may rain"): no one to permit.
//                 "might" keeps the wider reading, and so do "may" and
//                 "could" in reported speech (quoted, or with a verb of saying
//                 or warning in the sentence): a speaker's prediction ("the
//                 toll may rise, officials said").
//                 Rejected in a comparison of degree or a concessive free
//                 relative ("as much as it could", "as best they could",
//                 "whatever may happen"): a limit or any case, no doubt.
//   ability       could: as "may", and rejected when negated ("could not",
//                 "could hardly", "could no longer");
//                 "could" + plain verb is most often past ability ("he could
//                 play") or a purpose clause ("so they could record"), but
//                 only in a past-tense sentence: with no past verb beside it
//                 it has the wider reading of "might" ("this process could
//                 take a year").
//   passive       believed/thought/said/...: only after a form of "be", adverbs
//                 allowed in between ("is widely believed"); else rejected.
//                 Rejected too when a named or definite agent follows ("was
//                 considered by the committee"): the opinion is attributed;
//                 "said" not followed by "to"/"that" ("the prayers are said
//                 aloud": recited, not hearsay);
//                 and "said to be" before a quoted term ("is said to be
//                 `split'"): a definition, not hearsay.
//   quantifier    some/many/several/certain: rejected before a number ("some
//                 200"), a time or amount word ("many years"), after a
//                 determiner ("the many", "how many", "as many"), in "some kind
//                 of", and "certain" as the adjective ("is certain that").
//   vague_source  most/various/numerous: only quantifying people or sources
//                 ("most scholars", "various reports").
//   vague_subject others: only as a subject ("Others argue"); with part of
//                 speech tags, only before a verb ("others say", not "help
//                 others who", "three others").
//   vague_noun    critics/analysts/...: not when a name makes them specific
//                 ("Citi analysts", "experts from the UN"), nor as the object
//                 of a preposition ("a mixed response from critics": the
//                 critics are reported on, not cited).
//   vague_claimant "claims that", "claim that": not after a name, a personal
//                 pronoun or a possessive ("Boyd claims that", "his claim
//                 that"): that is an attribution to someone named. The same
//                 check for "argues"/"argued", which also reject advocacy
//                 ("argues for", "argued against").
//   suggest       suggest/suggests/...: not as "propose": before a gerund
//                 ("suggested requiring"), before "that" + a bare verb
//                 ("suggested that he resign"), before "that ... should" (a
//                 recommendation), or as an adjective ("other suggested
//                 origins"). Needs tags; untagged text keeps the cue.
//   whether       an open question ("unclear whether", "asked whether"), not
//                 a choice between alternatives: "whether or not", "depends
//                 on whether", "regardless of whether", and a clause-initial
//                 "whether X or Y" ("whether by land or by sea, ...").
//   weak          approximators, hearsay nouns and single praise adjectives
//                 ("estimated", "rumours", "prestigious"): always emitted not
//                 counted.
//   appear_to     appear(s/ed/ing) to: only before a verb ("appears to be");
//                 "appeared to Andrew", "appear to the eye" are "show up".
//   degree        generally/widely/commonly: only before a participle
//                 ("generally considered", "widely believed"); else rejected.
//                 "generally" and "commonly"
//                 only before a participle of opinion or naming ("generally
//                 regarded", "generally referred to"), not of plain fact
//                 ("generally served", "generally constructed").
// Boosters inside quotation marks are emitted but not counted: a scare-quoted
// “confirmed information” is the quoted text's certainty, not the writer's.
// A sentence is uncertain (CoNLL-2010 sense) when it holds at least one counted
// hedge or weasel cue.
// The checks use part of speech when the tag stage has run (Token::pos) and
// fall back to word shapes when it has not (Pos::kNone).
#include <algorithm>
#include <array>
#include <string_view>

#include "extract/certainty_lexicon.h"
#include "extract/extract.h"

namespace claimtrace::extract {
namespace {

enum class Verdict : uint8_t { kReject, kNotCounted, kCounted };

template <size_t N>
bool one_of(std::string_view w, const std::array<std::string_view, N>& set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

constexpr std::array<std::string_view, 10> kBeForms = {"is",   "are",   "was", "were", "be",
                                                       "been", "being", "'s",  "'re",  "am"};

// Adverbs that may sit between "be" and a participle, or after a modal.
constexpr std::array<std::string_view, 14> kInterveners = {
    "also", "still", "now",  "often",   "not",   "n't",  "once",
    "long", "even",  "then", "already", "first", "thus", "therefore"};

// Time, amount and measure words: "many years", "some 200", "several metres"
// are approximations, not vague sources.
// Number words too: "several hundred", "some thousand" approximate a number.
constexpr std::array<std::string_view, 49> kTimeOrAmount = {
    "years",    "year",    "times",       "time",        "days",        "day",         "weeks",
    "week",     "months",  "month",       "decades",     "centuries",   "hours",       "minutes",
    "seconds",  "moments", "more",        "less",        "fewer",       "thousands",   "hundreds",
    "millions", "dozens",  "miles",       "metres",      "meters",      "kilometres",  "kilometers",
    "feet",     "inches",  "centimetres", "centimeters", "millimetres", "millimeters", "dollars",
    "euros",    "pounds",  "percent",     "tons",        "tonnes",      "kilograms",   "litres",
    "liters",   "hundred", "thousand",    "million",     "billion",     "dozen",       "millennia"};

// ("so many", "too many" stay vague: an evaluation of an unstated number.)
constexpr std::array<std::string_view, 12> kNotVagueBefore = {
    "the", "his", "her", "its", "their", "our", "my", "your", "how", "these", "those", "this"};

constexpr std::array<std::string_view, 14> kListOrQuantity = {
    "and",  "or", "among", "the", "many", "several", "some",
    "with", "of", "to",    "for", "by",   "from",    "numerous"};

constexpr std::array<std::string_view, 10> kPrepositions = {
    "from", "of", "by", "to", "for", "among", "with", "against", "at", "between"};

// "some type of", "some way": an indefinite, not a vague quantity ("some sort
// of", "some kind of" do hedge: a vague category).
constexpr std::array<std::string_view, 2> kIndefiniteKind = {"type", "way"};

bool is_adverb(std::string_view w) {
  return w.size() > 4 && w.ends_with("ly");
}

struct Ctx {
  const Document& doc;
  uint32_t sent_first;  // first token of the sentence
  uint32_t sent_end;    // one past its last token
  std::string_view norm(uint32_t i) const { return doc.norm(doc.tokens[i]); }
  bool in(uint32_t i) const { return i >= sent_first && i < sent_end; }
  bool quoted = false;  // the token being checked is inside quotation marks
};

// "May" the month: capitalized inside a sentence, or next to a number.
bool looks_like_month(const Ctx& c, uint32_t i) {
  const Token& t = c.doc.tokens[i];
  if (i > c.sent_first && t.has(kTokenCapitalized) && !t.has(kTokenAllCaps)) return true;
  if (c.in(i + 1) && c.doc.tokens[i + 1].kind == TokenKind::kNumber) return true;
  if (i > c.sent_first && c.doc.tokens[i - 1].kind == TokenKind::kNumber) return true;
  return false;
}

// A past participle, roughly: "used", "given", "made" (for "may be used").
bool looks_like_participle(std::string_view w);

// A past participle by its tag when the token is tagged, else by its shape.
bool participle_at(const Ctx& c, uint32_t i) {
  const Pos p = c.doc.tokens[i].pos;
  if (p != Pos::kNone)
    return p == Pos::kVBN || (p == Pos::kVBD && looks_like_participle(c.norm(i)));
  return looks_like_participle(c.norm(i));
}

bool is_verb_tag(Pos p) {
  return p == Pos::kMD || (p >= Pos::kVB && p <= Pos::kVBZ);
}

bool looks_like_participle(std::string_view w) {
  static constexpr std::array<std::string_view, 16> kIrregular = {
      "made",  "given", "taken",   "seen",   "found", "done", "held", "known",
      "built", "shown", "written", "called", "sold",  "put",  "set",  "kept"};
  return (w.size() > 3 && w.ends_with("ed")) || (w.size() > 4 && w.ends_with("en")) ||
         one_of(w, kIrregular);
}

bool looks_plural(std::string_view w) {
  return w.size() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("ous") &&
         !w.ends_with("us") && !w.ends_with("is");
}

// The modal's subject looks specific (a pronoun, a name, a definite or
// demonstrative noun phrase just before it): "the fire could spread", "it may
// end badly". Generic subjects ("a drum may be thought of", "users may park")
// read as root modality (ability, permission, "sometimes").
// Pronouns that usually refer to people in general: "They may", "You can".
constexpr std::array<std::string_view, 3> kGenericPronouns = {"they", "you", "one"};

bool specific_subject(const Ctx& c, uint32_t modal) {
  static constexpr std::array<std::string_view, 17> kSpecific = {
      "the", "this", "that", "these", "those", "such",  "it",  "he",   "she",
      "we",  "i",    "his",  "her",   "its",   "their", "our", "there"};
  for (uint32_t j = modal, hops = 0; j > c.sent_first && hops < 4; ++hops) {
    --j;
    const Token& t = c.doc.tokens[j];
    if (t.has(kTokenOpenQuote) || t.has(kTokenCloseQuote)) continue;  // 'the conflict "may end"'
    if (t.kind != TokenKind::kWord) return false;
    if (one_of(c.norm(j), kSpecific)) return true;
    // A name: capitalized inside the sentence, or a one-word subject opening
    // it that is not a bare plural ("Argentina could", but "Tenants may").
    if (t.has(kTokenCapitalized) &&
        (j > c.sent_first ||
         (j + 1 == modal && !looks_plural(c.norm(j)) && !one_of(c.norm(j), kGenericPronouns))))
      return true;
  }
  return false;
}

// "military might", "the might of", "with all its might.": the noun. A modal
// verb is followed by a verb, an adverb or "not", never by "of" or punctuation
// (quote marks aside), and never follows a determiner.
bool looks_like_noun(const Ctx& c, uint32_t first, uint32_t end) {
  static constexpr std::array<std::string_view, 10> kDeterminers = {
      "the", "a", "its", "his", "her", "their", "our", "your", "my", "all"};
  if (first > c.sent_first && one_of(c.norm(first - 1), kDeterminers)) return true;
  if (!c.in(end)) return true;
  const Token& next = c.doc.tokens[end];
  if (next.has(kTokenOpenQuote) || next.has(kTokenCloseQuote)) return false;
  return next.kind != TokenKind::kWord || c.norm(end) == "of";
}

// The word right before the modal (quotation marks skipped) names a person
// or a body of people: "the player may", "the wife may", "members may".
// With "may" that reads as a permission or a rule, not a possibility.
bool person_subject(const Ctx& c, uint32_t modal) {
  static constexpr std::array<std::string_view, 24> kPeople = {
      "wife",  "husband",  "person",   "people",    "team",   "teams",   "member",   "members",
      "child", "children", "student",  "students",  "parent", "parents", "citizen",  "citizens",
      "party", "parties",  "employee", "employees", "scouts", "guests",  "visitors", "staff"};
  for (uint32_t j = modal; j > c.sent_first;) {
    --j;
    const Token& t = c.doc.tokens[j];
    if (t.has(kTokenOpenQuote) || t.has(kTokenCloseQuote)) continue;
    if (t.kind != TokenKind::kWord || t.has(kTokenCapitalized)) return false;
    std::string_view w = c.norm(j);
    if (one_of(w, kPeople)) return true;
    if (w.ends_with('s')) w.remove_suffix(1);
    // Agent nouns: "player", "operator", "chemist", "applicant", "historian".
    return w.size() > 4 && (w.ends_with("er") || w.ends_with("or") || w.ends_with("ist") ||
                            w.ends_with("ant") || w.ends_with("ian"));
  }
  return false;
}

// The sentence reports speech: the token checked is quoted, or a verb of
// saying, warning or predicting is in the sentence ("officials said the toll
// may rise", "..., stating that such a move could lead to", "according to
// diplomats, Chile could send troops").
bool reported_speech(const Ctx& c) {
  static constexpr std::array<std::string_view, 16> kSpeech = {
      "said",    "says",  "saying",    "stated",   "stating", "told",      "warned",   "warns",
      "warning", "added", "predicted", "predicts", "feared",  "cautioned", "insisted", "insists"};
  if (c.quoted) return true;
  for (uint32_t i = c.sent_first; i < c.sent_end; ++i) {
    if (c.norm(i) == "according" && c.in(i + 1) && c.norm(i + 1) == "to") return true;
    if (one_of(c.norm(i), kSpeech) &&
        (c.doc.tokens[i].pos == Pos::kNone || is_verb_tag(c.doc.tokens[i].pos)) &&
        !(i > c.sent_first &&
          (c.doc.tokens[i - 1].pos == Pos::kIN || c.doc.tokens[i - 1].pos == Pos::kDT)))
      return true;  // not "from stated policy", "the said property"
  }
  return false;
}

// The sentence refers ahead in time: "tomorrow", "soon", "next week", "in the
// coming days", "later this year", "tonight", a deadline ("before noon", "by
// Friday", "until the weekend").
bool future_time(const Ctx& c) {
  static constexpr std::array<std::string_view, 10> kLater = {
      "week", "month", "year", "this", "season", "spring", "summer", "decade", "today", "tonight"};
  static constexpr std::array<std::string_view, 16> kDeadline = {
      "noon",    "midnight",  "dawn",     "dusk",   "nightfall", "tonight", "tomorrow", "monday",
      "tuesday", "wednesday", "thursday", "friday", "saturday",  "sunday",  "evening",  "morning"};
  for (uint32_t i = c.sent_first; i < c.sent_end; ++i) {
    std::string_view w = c.norm(i);
    if (w == "tomorrow" || w == "soon" || w == "coming" || w == "upcoming" || w == "tonight")
      return true;
    if ((w == "next" || w == "later") && c.in(i + 1) && one_of(c.norm(i + 1), kLater)) return true;
    if ((w == "before" || w == "by" || w == "until") && c.in(i + 1)) {
      uint32_t k = i + 1;
      if (c.norm(k) == "the" && c.in(k + 1)) ++k;  // "before the weekend"
      if (one_of(c.norm(k), kDeadline) || c.norm(k) == "weekend") return true;
    }
  }
  return false;
}

// "it may rain", "it could snow": a weather verb has no agent to permit or
// enable, so the modal can only be a possibility.
bool weather_verb(std::string_view w) {
  static constexpr std::array<std::string_view, 11> kWeather = {
      "rain", "snow",  "hail",    "freeze", "thaw", "drizzle",
      "pour", "sleet", "thunder", "storm",  "clear"};
  return one_of(w, kWeather);
}

// The sentence is tagged and has no verb in the past tense besides the modal
// at `modal` (past participles after "have" or "be" aside).
bool present_context(const Ctx& c, uint32_t modal) {
  bool tagged = false;
  for (uint32_t i = c.sent_first; i < c.sent_end; ++i) {
    const Pos p = c.doc.tokens[i].pos;
    if (p != Pos::kNone) tagged = true;
    if (i != modal && p == Pos::kVBD) return false;
  }
  return tagged;
}

// A personal pronoun or a person noun just before the modal: "he could",
// "the players could".
bool personal_subject(const Ctx& c, uint32_t modal) {
  static constexpr std::array<std::string_view, 7> kPersonal = {"he",  "she",  "i",  "we",
                                                                "you", "they", "who"};
  return (modal > c.sent_first && one_of(c.norm(modal - 1), kPersonal)) || person_subject(c, modal);
}

// Epistemic or root reading of a modal; see the file comment.
Verdict modal_use(const Ctx& c, uint32_t first, uint32_t after) {
  // "may" and "could" are counted only in their unambiguously epistemic
  // forms (see the file comment); "might" also with a plain verb.
  const std::string_view modal = c.norm(first);
  // In reported speech (quoted, or in a sentence with a verb of saying or
  // warning) a modal is the speaker's prediction: the wider reading applies.
  // "could" is the past of "can" only in a past-tense sentence ("he could
  // play", "so they could record"); among present and future verbs it is a
  // possibility ("this process could take a year").
  // A person subject keeps the ability reading ("he could play the violin").
  const bool strict =
      (modal == "may" ||
       (modal == "could" && (!present_context(c, first) || personal_subject(c, first)))) &&
      !reported_speech(c);
  // "may" alone also grants permission: with a person as the subject ("the
  // player may bid", "the wife may keep her name") it reads as a rule, not a
  // possibility ("the escalation may end badly").
  const bool may = modal == "may";
  uint32_t j = after;
  while (c.in(j) && (one_of(c.norm(j), kInterveners) || is_adverb(c.norm(j)))) ++j;
  if (!c.in(j)) return Verdict::kCounted;
  std::string_view w = c.norm(j);
  if (w == "well") return Verdict::kCounted;
  if (w == "have") {
    // "may have been", "could have caused": a possibility about the past.
    // "may have a filling" (possession) is the plain-verb case.
    uint32_t k = j + 1;
    while (c.in(k) && is_adverb(c.norm(k))) ++k;
    if (!strict || (c.in(k) && (c.norm(k) == "been" || participle_at(c, k))))
      return Verdict::kCounted;
    return Verdict::kNotCounted;
  }
  if (w == "be") {
    uint32_t k = j + 1;
    while (c.in(k) && is_adverb(c.norm(k))) ++k;
    if (c.in(k) && participle_at(c, k)) {
      if (strict) return Verdict::kNotCounted;
      return specific_subject(c, first) ? Verdict::kCounted : Verdict::kNotCounted;
    }
    if (strict && may && person_subject(c, first)) return Verdict::kNotCounted;
    // "may be an idiot", "could be the oldest", "may be developing": identity
    // and progressive are epistemic; "may be painful", "may be bright blue"
    // also read as "can be, sometimes is".
    if (strict && c.in(k) && c.doc.tokens[k].pos != Pos::kNone && c.doc.tokens[k].pos != Pos::kDT &&
        c.doc.tokens[k].pos != Pos::kVBG && c.doc.tokens[k].pos != Pos::kIN &&
        c.doc.tokens[k].pos != Pos::kCD && c.doc.tokens[k].pos != Pos::kPRPS)
      return Verdict::kNotCounted;
    return Verdict::kCounted;
  }
  if (first > c.sent_first && c.norm(first - 1) == "it" && weather_verb(w))
    return Verdict::kCounted;  // "it may rain"
  // A plain verb: a prediction when the sentence looks ahead ("could
  // collapse next week", "may rise soon"); otherwise also ability,
  // permission or "sometimes" ("may contribute", "could play").
  if (strict && !future_time(c)) return Verdict::kNotCounted;
  return specific_subject(c, first) ? Verdict::kCounted : Verdict::kNotCounted;
}

// Vague subjects of "claim that": "some claim that", "many claim that".
constexpr std::array<std::string_view, 7> kVagueClaimers = {"some",    "many",   "most", "several",
                                                            "various", "others", "few"};

// A passive followed by its agent, named or definite: "was considered by the
// committee", "is regarded by Ruiz as". The opinion is attributed, not held
// by an unnamed many ("is considered by many", "by critics" stay vague).
bool named_agent(const Ctx& c, uint32_t after) {
  static constexpr std::array<std::string_view, 9> kDefinite = {
      "the", "a", "an", "his", "her", "their", "its", "this", "that"};
  uint32_t j = after;
  while (c.in(j) && is_adverb(c.norm(j))) ++j;
  if (!c.in(j + 1) || c.norm(j) != "by") return false;
  const Token& t = c.doc.tokens[j + 1];
  return one_of(c.norm(j + 1), kDefinite) ||
         (t.has(kTokenCapitalized) && !one_of(c.norm(j + 1), kVagueClaimers));
}

// "is said to be `split'", "is said to have ``pinned''": "said" introducing a
// quoted term defines it (the usual name of a state), it reports no hearsay.
bool quoted_term(const Ctx& c, uint32_t first, uint32_t end) {
  if (c.norm(first) != "said" || !c.in(end + 2) || c.norm(end) != "to") return false;
  if (c.norm(end + 1) != "be" && c.norm(end + 1) != "have") return false;
  const Token& t = c.doc.tokens[end + 2];
  if (t.has(kTokenOpenQuote)) return true;
  // "``" and "`" (typewriter quotes) are not always paired into quote flags.
  const std::string_view text = c.doc.slice(t.span);
  return t.kind == TokenKind::kPunct && (text.starts_with('`') || text.starts_with('\''));
}

// Participles of opinion, acceptance and naming: "generally regarded",
// "generally agreed", "generally referred to".
bool is_opinion_participle(std::string_view w) {
  static constexpr std::array<std::string_view, 27> kOpinion = {
      "called",     "termed",        "named",        "considered", "regarded",   "accepted",
      "agreed",     "believed",      "thought",      "viewed",     "seen",       "known",
      "recognized", "recognised",    "acknowledged", "assumed",    "understood", "referred",
      "described",  "credited",      "held",         "perceived",  "expected",   "reported",
      "acclaimed",  "characterized", "characterised"};
  return one_of(w, kOpinion);
}

// Nouns for people or sources of information: what a vague quantifier must
// quantify to be a weasel ("several critics", "various reports").
bool is_source_noun(std::string_view w) {
  static constexpr std::array<std::string_view, 34> kSources = {
      "people",     "persons",      "critics",   "scholars",  "historians", "experts",
      "observers",  "commentators", "analysts",  "authors",   "writers",    "researchers",
      "scientists", "sources",      "reports",   "studies",   "accounts",   "members",
      "fans",       "users",        "residents", "officials", "witnesses",  "economists",
      "academics",  "theorists",    "others",    "believers", "supporters", "opponents",
      "reviewers",  "journalists",  "claims",    "theories"};
  return one_of(w, kSources);
}

// The modal closes a comparison of degree or a concessive free relative: "as
// much as it could have paid", "as big as the land could hold", "as best they
// could", "whatever may happen". It names a limit or any case, not a
// possibility held about a fact.
bool comparison_or_any_case(const Ctx& c, uint32_t modal) {
  // The subject: up to three words before the modal.
  for (uint32_t j = modal, hops = 0; j > c.sent_first && hops < 4; ++hops) {
    --j;
    const std::string_view w = c.norm(j);
    if (w == "whatever" || w == "whichever") return true;
    if (w == "best" && j > c.sent_first && c.norm(j - 1) == "as") return true;
    if (w == "as") {
      // An earlier "as" one to three words before: "as much as", "as big as".
      for (uint32_t k = j, back = 0; k > c.sent_first && back < 3; ++back)
        if (c.norm(--k) == "as") return true;
      return false;
    }
    if (c.doc.tokens[j].kind != TokenKind::kWord) return false;
  }
  return false;
}

Verdict check(const Ctx& c, Cond cond, uint32_t first, uint32_t end) {
  switch (cond) {
    case Cond::kNone:
      return Verdict::kCounted;
    case Cond::kModal:
      if (looks_like_month(c, first) || looks_like_noun(c, first, end)) return Verdict::kReject;
      if (comparison_or_any_case(c, first)) return Verdict::kReject;
      // A bare plural subject ("patients may be unaware", "they may differ")
      // gives the existential reading "some of them are": a root use, emitted
      // but not counted, unless the subject is specific ("the airlines may").
      if (first > c.sent_first &&
          (looks_plural(c.norm(first - 1)) || c.norm(first - 1) == "they") &&
          !specific_subject(c, first))
        return Verdict::kNotCounted;
      return modal_use(c, first, end);
    case Cond::kAbility:
      if (c.in(end) &&
          (c.norm(end) == "not" || c.norm(end) == "n't" || c.norm(end) == "never" ||
           c.norm(end) == "hardly" || c.norm(end) == "barely" || c.norm(end) == "scarcely"))
        return Verdict::kReject;
      // "could no longer afford": an ability lost, not a possibility.
      if (c.in(end + 1) && c.norm(end) == "no" && c.norm(end + 1) == "longer")
        return Verdict::kReject;
      if (comparison_or_any_case(c, first)) return Verdict::kReject;
      return modal_use(c, first, end);
    case Cond::kPassive: {
      if (named_agent(c, end) || quoted_term(c, first, end)) return Verdict::kReject;
      // Hearsay "said" introduces what is said: "is said to have", "it was
      // said that". "The prayers are said aloud", "nothing is said about
      // syntax" use "say" as speak or recite.
      if (c.norm(first) == "said" && !(c.in(end) && (c.norm(end) == "to" || c.norm(end) == "that" ||
                                                     c.norm(end) == "by" || c.norm(end) == ",")))
        return Verdict::kReject;
      uint32_t j = first;
      for (int hops = 0; hops < 4 && j > c.sent_first; ++hops) {
        --j;
        std::string_view w = c.norm(j);
        if (one_of(w, kBeForms)) return Verdict::kCounted;
        if (!one_of(w, kInterveners) && !is_adverb(w)) break;
      }
      return Verdict::kReject;
    }
    case Cond::kQuantifier: {
      if (c.in(end)) {
        const Token& next = c.doc.tokens[end];
        if (next.kind == TokenKind::kNumber || one_of(c.norm(end), kTimeOrAmount))
          return Verdict::kReject;
      }
      // "the many museums", "how many", "as many ... as": not a vague quantity.
      if (first > c.sent_first && one_of(c.norm(first - 1), kNotVagueBefore))
        return Verdict::kReject;
      if (first > c.sent_first && c.norm(first - 1) == "as") {
        // "as many as 300", "as many people as": a comparison; "as many
        // seafarers left" ("as" the conjunction) is vague.
        for (uint32_t j = end; j < end + 4 && c.in(j); ++j)
          if (c.norm(j) == "as") return Verdict::kReject;
      }
      if (c.norm(first) == "some" && c.in(end) && one_of(c.norm(end), kIndefiniteKind))
        return Verdict::kReject;
      if (c.norm(first) == "certain") {
        // The determiner ("certain groups"), not the adjective of certainty
        // ("is certain", "certain that", "almost certain").
        if (!c.in(end) || c.doc.tokens[end].kind != TokenKind::kWord) return Verdict::kReject;
        if (c.norm(end) == "that" || c.norm(end) == "to" || c.norm(end) == "of")
          return Verdict::kReject;
        if (first > c.sent_first && (one_of(c.norm(first - 1), kBeForms) ||
                                     c.norm(first - 1) == "a" || is_adverb(c.norm(first - 1))))
          return Verdict::kReject;
      }
      return Verdict::kCounted;
    }
    case Cond::kVagueSource:
      for (uint32_t j = end; j < end + 2 && c.in(j); ++j) {
        if (is_source_noun(c.norm(j))) return Verdict::kCounted;
        // A group named by a capitalized plural: "most Israelis", "various Catholics".
        if (c.doc.tokens[j].has(kTokenCapitalized) && looks_plural(c.norm(j)))
          return Verdict::kCounted;
      }
      return Verdict::kReject;
    case Cond::kWeak:
      return Verdict::kNotCounted;
    case Cond::kDegree: {
      // "generally considered", "widely believed to": agreement of unnamed
      // many; "generally small", "widely available" only describe a degree.
      uint32_t j = end;
      while (c.in(j) && is_adverb(c.norm(j))) ++j;
      if (!c.in(j) || c.doc.tokens[j].kind != TokenKind::kWord ||
          !looks_like_participle(c.norm(j)) || c.doc.tokens[j].has(kTokenCapitalized))
        return Verdict::kReject;
      // "generally", "commonly" also say "as a rule" ("generally served hot",
      // "commonly used"): only
      // opinion and naming count ("generally regarded", "generally known as").
      if ((c.norm(first) == "generally" || c.norm(first) == "commonly") &&
          !is_opinion_participle(c.norm(j)))
        return Verdict::kReject;
      return Verdict::kCounted;
    }
    case Cond::kVagueNoun: {
      // "critics", "analysts": vague unless made specific by a name before
      // ("Citi analysts") or after ("analysts at Citi", "experts from the UN").
      if (first > c.sent_first && c.doc.tokens[first - 1].has(kTokenCapitalized))
        return Verdict::kReject;
      // "praise from critics", "a letter to analysts": reported on, not cited;
      // nor a coordinated object ("opponents and critics") or a trade named
      // by a noun before ("music critics", "art historians").
      if (first > c.sent_first && (c.norm(first - 1) == "and" || c.norm(first - 1) == "or" ||
                                   c.doc.tokens[first - 1].pos == Pos::kNN))
        return Verdict::kReject;
      if (first > c.sent_first &&
          (c.doc.tokens[first - 1].pos == Pos::kIN || one_of(c.norm(first - 1), kPrepositions)))
        return Verdict::kReject;
      if (c.in(end + 1) &&
          (c.norm(end) == "at" || c.norm(end) == "from" || c.norm(end) == "with") &&
          (c.doc.tokens[end + 1].has(kTokenCapitalized) || c.norm(end + 1) == "the"))
        return Verdict::kReject;
      return Verdict::kCounted;
    }
    case Cond::kVagueSubject: {
      // "Others argue ...": a vague source only as a subject; not "and
      // others", "among others", "many others", nor before punctuation.
      if (!c.in(end) || c.doc.tokens[end].kind != TokenKind::kWord) return Verdict::kReject;
      if (first > c.sent_first && one_of(c.norm(first - 1), kListOrQuantity))
        return Verdict::kReject;
      if (first > c.sent_first &&
          (c.doc.tokens[first - 1].kind == TokenKind::kNumber ||
           c.doc.tokens[first - 1].pos == Pos::kCD || c.doc.tokens[first - 1].pos == Pos::kDT))
        return Verdict::kReject;  // "three others", "these others"
      // Tagged: a subject is followed by its verb ("others argue", "others
      // have"), adverbs allowed; "help others who", "force others to" are not.
      if (c.doc.tokens[end].pos != Pos::kNone) {
        uint32_t j = end;
        while (c.in(j) && c.doc.tokens[j].pos == Pos::kRB) ++j;
        if (!c.in(j) || !is_verb_tag(c.doc.tokens[j].pos) || c.doc.tokens[j].pos == Pos::kVBG ||
            c.doc.tokens[j].pos == Pos::kVBN)
          return Verdict::kReject;
      }
      return Verdict::kCounted;
    }
    case Cond::kSuggest: {
      if (!c.in(end) || c.doc.tokens[end].pos == Pos::kNone) return Verdict::kCounted;
      const Pos next = c.doc.tokens[end].pos;
      // "suggested requiring", "suggested closing the road" (a gerund with its
      // object, which the tagger may read as a noun).
      if (next == Pos::kVBG) return Verdict::kReject;
      if (c.norm(end).ends_with("ing") && c.in(end + 1) &&
          (c.doc.tokens[end + 1].pos == Pos::kDT || c.doc.tokens[end + 1].pos == Pos::kPRPS))
        return Verdict::kReject;
      if ((next >= Pos::kNN && next <= Pos::kNNPS) && first > c.sent_first &&
          (c.doc.tokens[first - 1].pos == Pos::kDT || c.doc.tokens[first - 1].pos == Pos::kJJ))
        return Verdict::kReject;  // "other suggested origins": the adjective
      if (c.norm(end) == "that") {
        // "suggested that the women be evacuated": the subjunctive of a proposal.
        for (uint32_t j = end + 1; j < end + 8 && c.in(j); ++j) {
          const Pos p = c.doc.tokens[j].pos;
          // "suggested that the women should leave first": a recommendation.
          if (c.norm(j) == "should") return Verdict::kReject;
          const bool bare = p == Pos::kVB || c.norm(j) == "be";  // "that the vote be delayed"
          if (!bare && (p == Pos::kMD || p == Pos::kVBZ || p == Pos::kVBD || p == Pos::kVBP)) break;
          if (bare) {
            if (c.norm(j - 1) != "to") return Verdict::kReject;
            break;
          }
        }
      }
      return Verdict::kCounted;
    }
    case Cond::kWhether: {
      if (c.in(end) && c.norm(end) == "or") return Verdict::kReject;  // "whether or not"
      if (first > c.sent_first) {
        std::string_view prev = c.norm(first - 1);
        if (prev == "on" || prev == "upon") return Verdict::kReject;  // "depends on whether"
        if (first > c.sent_first + 1 && prev == "of" &&
            (c.norm(first - 2) == "regardless" || c.norm(first - 2) == "irrespective"))
          return Verdict::kReject;
      }
      // Clause-initial (sentence start, after a comma, bracket or dash) with
      // an "or" close behind: a concessive choice, not a question.
      if (first == c.sent_first || c.doc.tokens[first - 1].kind == TokenKind::kPunct) {
        for (uint32_t j = end; j < end + 6 && c.in(j); ++j)
          if (c.norm(j) == "or") return Verdict::kReject;
      }
      return Verdict::kCounted;
    }
    case Cond::kAppearTo: {
      // "appears to be", "appeared to rarely make": the hedge takes a verb.
      // "appeared to Andrew in a dream", "the colour the pigment will appear
      // to the eye": "to" is a preposition and "appear" means "show up".
      static constexpr std::array<std::string_view, 20> kNotAVerb = {
          "the", "a",    "an", "his", "her",  "their", "its",   "our",   "my",   "your",
          "him", "them", "us", "me",  "this", "that",  "these", "those", "some", "many"};
      uint32_t j = end;
      while (c.in(j) && is_adverb(c.norm(j))) ++j;
      if (!c.in(j) || c.doc.tokens[j].kind != TokenKind::kWord) return Verdict::kReject;
      const Token& t = c.doc.tokens[j];
      if (t.has(kTokenCapitalized) || one_of(c.norm(j), kNotAVerb)) return Verdict::kReject;
      const Pos p = t.pos;
      if (p == Pos::kDT || p == Pos::kPRP || p == Pos::kPRPS || p == Pos::kCD ||
          (p >= Pos::kNN && p <= Pos::kNNPS))
        return Verdict::kReject;
      return Verdict::kCounted;
    }
    case Cond::kVagueClaimant: {
      if (c.in(end) && (c.norm(end) == "for" || c.norm(end) == "against"))
        return Verdict::kReject;  // "argues for reform": advocacy
      // "Boyd claims that", "he claims that", "Luczynski 's claims that": an
      // attribution to someone named, not an unsupported claim.
      static constexpr std::array<std::string_view, 9> kNamedSubject = {
          "he", "she", "i", "we", "his", "her", "my", "our", "'s"};
      // The word before the cue names the subject, or ends an appositive or
      // an inserted phrase ("Alex Jones, a radio host, claims", "Aristotle, in
      // Politics, claims", "the town of Warwick, which claims"): then the
      // words before each of the last two commas are looked at too.
      auto named_at = [&](uint32_t i) {  // i: the word just before the cue or a comma
        if (is_source_noun(c.norm(i)) || one_of(c.norm(i), kVagueClaimers)) return false;
        const Token& t = c.doc.tokens[i];
        if (t.has(kTokenCapitalized) && !t.has(kTokenAllCaps) && i > c.sent_first) return true;
        if (t.has(kTokenCapitalized) && i == c.sent_first && !one_of(c.norm(i), kGenericPronouns) &&
            !looks_plural(c.norm(i)))
          return true;  // "Boyd claims that" opening the sentence
        return one_of(c.norm(i), kNamedSubject) || t.pos == Pos::kNNP || t.pos == Pos::kPOS;
      };
      uint32_t j = first;
      while (j > c.sent_first && one_of(c.norm(j - 1), kInterveners)) --j;  // "also claims"
      if (j == c.sent_first) return Verdict::kCounted;
      if (is_source_noun(c.norm(j - 1)) || one_of(c.norm(j - 1), kVagueClaimers))
        return Verdict::kCounted;  // "Some claim that", "Critics claim that"
      if (named_at(j - 1)) return Verdict::kReject;
      if (j > c.sent_first + 1 && (c.norm(j - 1) == "which" || c.norm(j - 1) == "who")) --j;
      for (int commas = 0; commas < 2 && j > c.sent_first + 1;) {
        --j;
        if (j + 12 < first) break;
        if (c.norm(j) != ",") continue;
        ++commas;
        uint32_t w = j - 1;  // skip a closing quote: "Aristotle, in “Politics”, claims"
        if (w > c.sent_first && c.doc.tokens[w].kind != TokenKind::kWord) --w;
        if (named_at(w)) return Verdict::kReject;
      }
      return Verdict::kCounted;
    }
  }
  return Verdict::kCounted;
}

CueClass to_cue_class(LexClass c) {
  switch (c) {
    case LexClass::kHedge:
    case LexClass::kWeasel:
      return CueClass::kHedge;
    case LexClass::kBooster:
      return CueClass::kBooster;
    case LexClass::kNegation:
    case LexClass::kBlock:
      break;
  }
  return CueClass::kNegation;
}

bool is_double_quote(std::string_view q) {
  return q == "\"" || q == "\u201c" || q == "\u201d" || q == "\u00ab" || q == "\u00bb" ||
         q == "\u201e" || q == "``" || q == "''";
}

}  // namespace

void detect_certainty_cues(Document& doc) {
  const CertaintyIndex& index = CertaintyIndex::get();
  const bool had_cues = !doc.cues.empty();  // from an earlier stage: merge by sorting
  bool in_quote = false;
  bool in_speech = false;  // inside double quotation marks
  for (Sentence& s : doc.sentences) {
    Ctx c{doc, s.first_token, s.first_token + s.token_count};
    bool uncertain = false;
    for (uint32_t i = c.sent_first; i < c.sent_end;) {
      const Token& t = doc.tokens[i];
      if (t.has(kTokenParagraphStart)) in_quote = in_speech = false;
      if (t.kind != TokenKind::kWord) {
        if (t.has(kTokenOpenQuote)) {
          in_quote = true;
          // Double quotation marks open speech; single ones (and `) are as
          // often titles or apostrophes, so they do not (see reported_speech).
          in_speech = is_double_quote(doc.slice(t.span));
        }
        if (t.has(kTokenCloseQuote)) in_quote = in_speech = false;
        ++i;
        continue;
      }
      uint32_t advance = 1;
      for (const LexCandidate& cand : index.find(doc.norm(t))) {
        uint32_t end = i + cand.size;
        if (end > c.sent_end) continue;
        bool match = true;
        for (uint32_t k = 1; k < cand.size && match; ++k) match = c.norm(i + k) == cand.tokens[k];
        if (!match) continue;
        const CertaintyEntry& e = *cand.entry;
        c.quoted = in_speech;
        Verdict v = check(c, e.cond, i, end);
        if (v == Verdict::kReject) continue;
        advance = cand.size;
        if (e.cls == LexClass::kBlock) break;
        if (e.cls == LexClass::kBooster && in_quote) v = Verdict::kNotCounted;
        bool counted = v == Verdict::kCounted;
        doc.cues.push_back(Cue{Span{t.span.begin, doc.tokens[end - 1].span.end},
                               to_cue_class(e.cls), counted ? e.rule : e.rule_not_counted});
        if (counted && (e.cls == LexClass::kHedge || e.cls == LexClass::kWeasel)) uncertain = true;
        break;
      }
      // Quote marks inside a matched phrase are not possible (phrases are
      // words only), so skipping `advance` tokens keeps the quote state right.
      i += advance;
    }
    s.uncertain = uncertain;
  }
  if (had_cues) {
    std::stable_sort(doc.cues.begin(), doc.cues.end(),
                     [](const Cue& a, const Cue& b) { return a.span.begin < b.span.begin; });
  }
}

}  // namespace claimtrace::extract
