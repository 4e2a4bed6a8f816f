#include "core/document.h"

namespace claimtrace {

void Document::clear_layers() {
  tokens.clear();
  norm_pool.clear();
  sentences.clear();
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

}  // namespace claimtrace
