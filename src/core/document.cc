#include "core/document.h"

#include <iterator>

namespace claimtrace {

void Document::clear_layers() {
  tokens.clear();
  norm_pool.clear();
  sentences.clear();
  chunks.clear();
  mentions.clear();
  entities.clear();
  cues.clear();
  attributions.clear();
  events.clear();
}

std::string_view to_string(EntityType t) {
  switch (t) {
    case EntityType::kPer:
      return "PER";
    case EntityType::kOrg:
      return "ORG";
    case EntityType::kGpe:
      return "GPE";
    case EntityType::kLoc:
      return "LOC";
    case EntityType::kNorp:
      return "NORP";
    case EntityType::kMedia:
      return "MEDIA";
    case EntityType::kFac:
      return "FAC";
    case EntityType::kEvent:
      return "EVENT";
    case EntityType::kMisc:
      return "MISC";
  }
  return "MISC";
}

std::string_view to_string(CueClass c) {
  switch (c) {
    case CueClass::kSay:
      return "say";
    case CueClass::kClaim:
      return "claim";
    case CueClass::kReport:
      return "report";
    case CueClass::kCite:
      return "cite";
    case CueClass::kAccordingTo:
      return "according_to";
    case CueClass::kHedge:
      return "hedge";
    case CueClass::kBooster:
      return "booster";
    case CueClass::kNegation:
      return "negation";
  }
  return "say";
}

std::string_view to_string(SourceKind k) {
  switch (k) {
    case SourceKind::kPerson:
      return "person";
    case SourceKind::kOrganisation:
      return "organisation";
    case SourceKind::kOutlet:
      return "outlet";
    case SourceKind::kAnonymous:
      return "anonymous";
    case SourceKind::kDocument:
      return "document";
    case SourceKind::kPronoun:
      return "pronoun";
    case SourceKind::kUnspecified:
      return "unspecified";
  }
  return "unspecified";
}

std::string_view to_string(Certainty c) {
  switch (c) {
    case Certainty::kAsserted:
      return "asserted";
    case Certainty::kReported:
      return "reported";
    case Certainty::kAlleged:
      return "alleged";
    case Certainty::kSpeculative:
      return "speculative";
    case Certainty::kDenied:
      return "denied";
  }
  return "reported";
}

std::string_view to_string(TokenKind k) {
  switch (k) {
    case TokenKind::kWord:
      return "word";
    case TokenKind::kNumber:
      return "number";
    case TokenKind::kPunct:
      return "punct";
    case TokenKind::kSymbol:
      return "symbol";
    case TokenKind::kUrl:
      return "url";
    case TokenKind::kEmail:
      return "email";
    case TokenKind::kAbbreviation:
      return "abbreviation";
  }
  return "word";
}

namespace {

// Indexed by Pos.
constexpr std::string_view kPosNames[] = {
    "",    "CC",  "CD",  "DT",   "EX",  "FW",    "IN",    "JJ",   "JJR", "JJS", "LS",  "MD",
    "NN",  "NNS", "NNP", "NNPS", "PDT", "POS",   "PRP",   "PRP$", "RB",  "RBR", "RBS", "RP",
    "SYM", "TO",  "UH",  "VB",   "VBD", "VBG",   "VBN",   "VBP",  "VBZ", "WDT", "WP",  "WP$",
    "WRB", "$",   "#",   "``",   "''",  "-LRB-", "-RRB-", ",",    ".",   ":"};
static_assert(std::size(kPosNames) == static_cast<size_t>(Pos::kCount));

}  // namespace

std::string_view to_string(Pos p) {
  const auto i = static_cast<size_t>(p);
  return i < std::size(kPosNames) ? kPosNames[i] : std::string_view();
}

bool pos_from_string(std::string_view s, Pos& out) {
  for (size_t i = 1; i < std::size(kPosNames); ++i) {
    if (kPosNames[i] == s) {
      out = static_cast<Pos>(i);
      return true;
    }
  }
  return false;
}

std::string_view to_string(Tense t) {
  switch (t) {
    case Tense::kNone:
      return "none";
    case Tense::kPresent:
      return "present";
    case Tense::kPast:
      return "past";
    case Tense::kFuture:
      return "future";
    case Tense::kModal:
      return "modal";
  }
  return "none";
}

std::string_view to_string(Aspect a) {
  switch (a) {
    case Aspect::kSimple:
      return "simple";
    case Aspect::kProgressive:
      return "progressive";
    case Aspect::kPerfect:
      return "perfect";
    case Aspect::kPerfectProgressive:
      return "perfect_progressive";
  }
  return "simple";
}

std::string_view to_string(Voice v) {
  return v == Voice::kPassive ? "passive" : "active";
}

}  // namespace claimtrace
