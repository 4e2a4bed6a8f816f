#pragma once
// Document: one article and every annotation layer computed for it.
//
// The document owns its text; all layers are vectors of plain structs holding
// Span offsets into that text. Stages append to layers and never rewrite the
// text, so offsets stay valid against the caller's input (CONTRACT.md).
// A Document is the only per-article mutable state in the pipeline; shared
// resources (lexicons, tables) live elsewhere and are read-only.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/span.h"

namespace claimtrace {

// Coarse token kinds, decided by the tokenizer from the characters alone.
enum class TokenKind : uint8_t {
  kWord,         // letters, possibly with inner hyphens/apostrophes/digits
  kNumber,       // 250, 3.5, 1,000, 2nd
  kPunct,        // . , ; : ! ? … — – ( ) [ ] and quote marks
  kSymbol,       // $ € % & @ # + = / and other symbols
  kUrl,          // http://…, www.…
  kEmail,        // name@host.tld
  kAbbreviation  // U.S., Mr., p.m., J. (keeps its period)
};

// Bit flags describing a token's surface; cheap features for later stages.
enum TokenFlag : uint8_t {
  kTokenCapitalized = 1 << 0,    // first letter upper case
  kTokenAllCaps = 1 << 1,        // every letter upper case (and >= 1 letter)
  kTokenOpenQuote = 1 << 2,      // an opening quotation mark
  kTokenCloseQuote = 1 << 3,     // a closing quotation mark
  kTokenSpaceBefore = 1 << 4,    // whitespace precedes this token
  kTokenParagraphStart = 1 << 5  // first token of a paragraph
};

// Penn Treebank part-of-speech tags (the tag stage, src/tag). kNone: untagged.
// Order is part of the compiled tag lexicon format (tag/tag_lexicon.h).
enum class Pos : uint8_t {
  kNone,
  kCC,
  kCD,
  kDT,
  kEX,
  kFW,
  kIN,
  kJJ,
  kJJR,
  kJJS,
  kLS,
  kMD,
  kNN,
  kNNS,
  kNNP,
  kNNPS,
  kPDT,
  kPOS,
  kPRP,
  kPRPS,
  kRB,
  kRBR,
  kRBS,
  kRP,
  kSYM,
  kTO,
  kUH,
  kVB,
  kVBD,
  kVBG,
  kVBN,
  kVBP,
  kVBZ,
  kWDT,
  kWP,
  kWPS,
  kWRB,
  kDollar,
  kHash,
  kOpenQuote,
  kCloseQuote,
  kLeftParen,
  kRightParen,
  kComma,
  kPeriod,
  kColon,
  kCount  // number of values, not a tag
};

struct Token {
  Span span;
  // Normalized form (case-folded, quotes/dashes/apostrophes unified), stored in
  // Document::norm_pool so that tokens need no heap allocation of their own.
  uint32_t norm_begin = 0;
  uint32_t norm_size = 0;
  TokenKind kind = TokenKind::kWord;
  uint8_t flags = 0;
  Pos pos = Pos::kNone;  // part of speech (tag stage)
  // Lemma in Document::norm_pool; lemma_size 0 = the lemma is the norm form.
  uint32_t lemma_begin = 0;
  uint32_t lemma_size = 0;

  bool has(TokenFlag f) const { return (flags & f) != 0; }
};

struct Sentence {
  Span span;
  uint32_t first_token = 0;  // index into Document::tokens
  uint32_t token_count = 0;
  uint32_t paragraph = 0;  // 0-based paragraph number
  bool uncertain = false;  // the writer marks the content as uncertain (hedge)
};

// A noun group ("Ukraine's defence ministry") or verb group ("had not been
// told") found by the tag stage; verb-group fields are unset for noun groups.
enum class ChunkKind : uint8_t { kNoun, kVerb };
enum class Tense : uint8_t { kNone, kPresent, kPast, kFuture, kModal };  // kNone: non-finite
enum class Aspect : uint8_t { kSimple, kProgressive, kPerfect, kPerfectProgressive };
enum class Voice : uint8_t { kActive, kPassive };

struct Chunk {
  Span span;
  uint32_t token_begin = 0;
  uint32_t token_end = 0;  // exclusive
  uint32_t head = 0;       // token index of the head noun / main verb
  ChunkKind kind = ChunkKind::kNoun;
  Tense tense = Tense::kNone;
  Aspect aspect = Aspect::kSimple;
  Voice voice = Voice::kActive;
  bool negated = false;  // not, n't, never, cannot
  int32_t modal = -1;    // token index of the modal auxiliary, -1 if none
};

enum class EntityType : uint8_t { kPer, kOrg, kGpe, kLoc, kNorp, kMedia, kFac, kEvent, kMisc };

// A name in the text, before mentions are grouped into entities.
struct Mention {
  Span span;
  uint32_t token_begin = 0;
  uint32_t token_end = 0;  // exclusive
  EntityType type = EntityType::kMisc;
  uint32_t lex = UINT32_MAX;  // lexicon payload value of the reading chosen, or none
  int32_t entity = -1;        // index into Document::entities once resolved
  std::string_view rule;      // why it was typed so (static storage)
};

// A resolved place (GeoNames or our curated regions).
struct GeoPoint {
  uint32_t geonameid = 0;  // 0 = none (countries and curated regions)
  float lat = 0;
  float lon = 0;
  char country[3] = {0, 0, 0};  // ISO 3166-1 alpha-2
  std::string admin1;
  std::string feature;  // GeoNames feature code
};

struct Entity {
  std::string id;  // "e1", "e2", ...
  EntityType type = EntityType::kMisc;
  std::string name;  // canonical name
  std::vector<Span> mentions;
  std::string actor;  // CAMEO actor code, empty if none
  std::string role;   // title or role captured from the text or the lexicon
  bool has_geo = false;
  GeoPoint geo;
  // A capital standing for its government ("Kiev provided"): the actor code
  // it stands for and the mentions used so (resolve/metonymy.h).
  std::string stands_for;
  std::vector<Span> metonymic_mentions;
};

enum class CueClass : uint8_t {
  kSay,
  kClaim,
  kReport,
  kCite,
  kAccordingTo,
  kHedge,
  kBooster,
  kNegation
};

struct Cue {
  Span span;
  CueClass cue_class = CueClass::kSay;
  std::string_view rule;  // the lexicon entry or rule that produced it (static storage)
};

enum class SourceKind : uint8_t {
  kPerson,
  kOrganisation,
  kOutlet,
  kAnonymous,
  kDocument,
  kPronoun,
  kUnspecified
};

enum class Certainty : uint8_t { kAsserted, kReported, kAlleged, kSpeculative, kDenied };

struct Attribution {
  std::string id;  // "a1", ...
  bool has_source = false;
  Span source;
  SourceKind source_kind = SourceKind::kUnspecified;
  int32_t source_entity = -1;  // index into Document::entities, -1 if none
  Span cue;
  std::vector<Span> content;  // possibly discontinuous
  int32_t via = -1;           // index into Document::attributions, -1 if none
  bool quoted = false;
  Certainty certainty = Certainty::kReported;
  std::vector<uint32_t> cues;  // indices into Document::cues that contributed
  std::string_view rule;       // the rule that produced it (static storage)
};

struct EventActor {
  std::string code;
  bool has_text = false;
  Span text;
};

struct Event {
  std::string id;  // "v1", ...
  EventActor source;
  bool has_target = false;
  EventActor target;
  std::string code;  // CAMEO code as a string ("062")
  bool has_verb = false;
  Span verb;
  int32_t location = -1;     // entity index
  int32_t attribution = -1;  // attribution index
  Certainty certainty = Certainty::kAsserted;
  bool negated = false;
  // Why: the dictionary entry that named the act (data/event_verbs.tsv id) and,
  // when a controlling verb or modal changed its code ("threatened to",
  // "will", "refused to"), that verb's entry id or "modal:<word>" (static storage).
  std::string_view entry;
  std::string_view modifier;
  // When: the time expression of the event's clause ("on Monday", "15 October",
  // "last week") and the days it denotes, inclusive ISO dates; start/end are
  // empty when the text needs a published date the article does not have.
  bool has_time = false;
  Span time_text;
  std::string time_start, time_end;
  // PETRARCH issues the event's sentence names ("EDUCATION", "TEACHERS"),
  // coded with a dictionary that has an issues file; empty otherwise.
  std::vector<std::pair<std::string, std::string>> issues;  // category, code
};

struct Document {
  // Identity and metadata. `id` is the caller's record id when it has one,
  // otherwise the content hash; `hash` is always the content hash.
  std::string id;
  std::string hash;
  std::string url;
  std::string outlet;
  std::string published;  // ISO date (YYYY-MM-DD) or empty
  std::string title;
  std::string text;  // verbatim input body; all spans point here

  // Annotation layers, filled by the stages in pipeline order.
  std::vector<Token> tokens;
  std::string norm_pool;  // backing store of Token normalized forms
  std::vector<Sentence> sentences;
  std::vector<Chunk> chunks;  // noun and verb groups in text order (tag stage)
  std::vector<Mention> mentions;
  std::vector<Entity> entities;
  std::vector<Cue> cues;
  std::vector<Attribution> attributions;
  std::vector<Event> events;

  std::string_view slice(Span s) const { return s.in(text); }
  std::string_view norm(const Token& t) const {
    return std::string_view(norm_pool).substr(t.norm_begin, t.norm_size);
  }
  std::string_view lemma(const Token& t) const {
    if (t.lemma_size == 0) return norm(t);
    return std::string_view(norm_pool).substr(t.lemma_begin, t.lemma_size);
  }

  // Clears all annotation layers but keeps their capacity, so a worker can
  // reuse one Document for many articles without reallocating.
  void clear_layers();
};

std::string_view to_string(EntityType t);
std::string_view to_string(CueClass c);
std::string_view to_string(SourceKind k);
std::string_view to_string(Certainty c);
std::string_view to_string(TokenKind k);
std::string_view to_string(Pos p);  // Penn notation: "NNS", "PRP$", "``", "-LRB-"
// Parses Penn notation (as to_string writes it); false for an unknown tag.
bool pos_from_string(std::string_view s, Pos& out);
std::string_view to_string(Tense t);
std::string_view to_string(Aspect a);
std::string_view to_string(Voice v);

}  // namespace claimtrace
