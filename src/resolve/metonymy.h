#pragma once
// Capital metonymy: "Kiev provided", "Moscow denied", "talks with Washington".
// A capital city named as an actor stands for its country's government, not
// for the place; the entity keeps its geocode and records which mentions
// stand for the government (Entity::stands_for, Entity::metonymic_mentions).
#include "core/document.h"

namespace claimtrace::resolve {

// Runs after attributions and events: a mention of a capital (GeoNames PPLC)
// is metonymic when it is the source of an attribution, the actor text of
// an event, the subject of a finite verb, or a possessive before a noun of
// decision or action ("Kiev's decision"). "in Kiev", "from Moscow" and
// "Kiev's streets" stay places.
void flag_capital_metonymy(Document& doc);

}  // namespace claimtrace::resolve
