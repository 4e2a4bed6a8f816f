#include "extract/extract.h"

namespace claimtrace::extract {

namespace {

// Index of the entity with a mention inside `source`, preferring the
// mention that ends last (the head of "Russia's RIA Novosti news outlet"
// is the outlet, not Russia), or -1.
int32_t entity_in(const Document& doc, Span source) {
  int32_t best = -1;
  uint32_t best_end = 0;
  for (const Mention& m : doc.mentions) {
    if (m.entity < 0 || !source.contains(m.span)) continue;
    EntityType t = doc.entities[m.entity].type;
    if (t == EntityType::kNorp || t == EntityType::kMisc) continue;
    // A place inside a longer source is a qualifier ("a source in Syria").
    bool place = t == EntityType::kGpe || t == EntityType::kLoc;
    if (place && m.span != source) continue;
    if (best < 0 || m.span.end > best_end) {
      best = m.entity;
      best_end = m.span.end;
    }
  }
  return best;
}

}  // namespace

void link_source_entities(Document& doc) {
  int32_t last_person = -1;  // entity of the latest named person source
  for (Attribution& a : doc.attributions) {
    // Anonymous and document sources are nobody named: "RIA's source" is
    // not RIA (the relay is expressed by `via`).
    if (!a.has_source || a.source_kind == SourceKind::kAnonymous ||
        a.source_kind == SourceKind::kDocument)
      continue;
    a.source_entity = entity_in(doc, a.source);
    if (a.source_entity >= 0) {
      if (doc.entities[a.source_entity].type == EntityType::kPer) last_person = a.source_entity;
      continue;
    }
    // "He added", "The diplomat stressed": the latest named person source.
    // (Anonymous sources keep no entity: they are not the person named before.)
    if ((a.source_kind == SourceKind::kPronoun || a.source_kind == SourceKind::kPerson) &&
        a.via < 0 && last_person >= 0)
      a.source_entity = last_person;
  }
}

void extract(Document& doc) {
  detect_certainty_cues(doc);
  extract_attributions(doc);
  link_source_entities(doc);
}

}  // namespace claimtrace::extract
