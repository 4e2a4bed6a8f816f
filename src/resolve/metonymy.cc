#include "resolve/metonymy.h"

#include <algorithm>
#include <array>

namespace claimtrace::resolve {
namespace {

bool inside(Span inner, Span outer) {
  return inner.begin >= outer.begin && inner.end <= outer.end;
}

// Nouns that, after "Capital's", make the capital an agent: its government
// decides, demands and acts; its streets, parks and residents are the city.
bool agentive_noun(std::string_view w) {
  static constexpr std::array<std::string_view, 24> kNouns = {
      "decision", "position", "policy",    "response", "demand",      "demands",
      "offer",    "proposal", "plan",      "plans",    "stance",      "refusal",
      "support",  "request",  "approach",  "strategy", "actions",     "action",
      "move",     "efforts",  "ambitions", "claims",   "accusations", "reaction"};
  return std::find(kNouns.begin(), kNouns.end(), w) != kNouns.end();
}

bool finite_verb(Pos p) {
  return p == Pos::kVBD || p == Pos::kVBZ || p == Pos::kVBP || p == Pos::kMD;
}

bool preposition_before(const Document& doc, uint32_t token) {
  if (token == 0) return false;
  const Token& t = doc.tokens[token - 1];
  return t.pos == Pos::kIN || t.pos == Pos::kTO;
}

// The mention is an actor by its own syntax: subject of a finite verb
// ("Moscow denied", "Beijing has warned") or a possessive before an
// agentive noun. A preposition before it ("in Kiev said") rules both out.
bool syntactic_agent(const Document& doc, const Mention& m) {
  if (preposition_before(doc, m.token_begin)) return false;
  if (m.token_begin > 0 && doc.tokens[m.token_begin - 1].pos == Pos::kDT) return false;
  const uint32_t next = m.token_end;
  if (next >= doc.tokens.size()) return false;
  const Token& t = doc.tokens[next];
  if (finite_verb(t.pos)) return true;
  if (t.pos == Pos::kPOS && next + 1 < doc.tokens.size())
    return agentive_noun(doc.norm(doc.tokens[next + 1]));
  return false;
}

// The mention is the head of a source or actor span: the span ends with it
// and no preposition precedes it inside the span ("the residents of Kiev"
// is a group of people, "Kiev" there a place).
bool heads(const Document& doc, const Mention& m, Span outer) {
  if (!inside(m.span, outer) || outer.end != m.span.end) return false;
  for (uint32_t t = m.token_begin; t-- > 0 && doc.tokens[t].span.begin >= outer.begin;)
    if (doc.tokens[t].pos == Pos::kIN || doc.tokens[t].pos == Pos::kTO) return false;
  return true;
}

}  // namespace

void flag_capital_metonymy(Document& doc) {
  for (const Mention& m : doc.mentions) {
    if (m.entity < 0) continue;
    Entity& e = doc.entities[static_cast<size_t>(m.entity)];
    if (e.type != EntityType::kGpe || !e.has_geo || e.geo.feature != "PPLC") continue;
    if (e.actor.size() != 3) continue;  // a capital whose country has no CAMEO code

    const bool after_preposition = preposition_before(doc, m.token_begin);
    bool agent = syntactic_agent(doc, m);
    for (size_t i = 0; !agent && !after_preposition && i < doc.attributions.size(); ++i) {
      const Attribution& a = doc.attributions[i];
      agent = a.has_source && heads(doc, m, a.source);
    }
    const auto is_actor = [&](const EventActor& x) {
      return x.has_text && heads(doc, m, x.text) && x.code.starts_with(e.actor);
    };
    for (size_t i = 0; !agent && i < doc.events.size(); ++i) {
      const Event& v = doc.events[i];
      // A target may follow its preposition ("talks with Washington"), but
      // the target of force (roots 18-20: "shelled Kiev") is the city.
      const bool force =
          v.code.starts_with("18") || v.code.starts_with("19") || v.code.starts_with("20");
      agent = (!after_preposition && is_actor(v.source)) ||
              (v.has_target && !force && is_actor(v.target));
    }
    if (!agent) continue;
    e.stands_for = e.actor + "GOV";
    e.metonymic_mentions.push_back(m.span);
  }
}

}  // namespace claimtrace::resolve
