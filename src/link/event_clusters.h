#pragma once
// Event clusters: the events of one story's reports that state the same
// thing, so each can be corroborated on its own ("the missiles arrived" may
// rest on four origins, "they were moved to a warehouse" on one).
//
// Two events are the same when they share the CAMEO root (event code
// family), the source actor's and the target actor's first three code
// letters (country or group: "UKRMIL" and "UKRGOV" are compatible), and the
// place: events whose place is unknown join the cluster of the one known
// place, and stay apart when several places are known. The time window is
// the story's (stories are clustered by content within the store). A
// cluster's id is its key, stable as long as the story is:
// "ROOT:SOURCE>TARGET@place" ("19:KSS>---@kessa").
#include <cstdint>
#include <string>
#include <vector>

#include "link/provenance.h"

namespace claimtrace::link {

struct EventCluster {
  std::string key;
  std::vector<uint32_t> reports;       // indices into the input, ascending
  uint32_t mentions = 0;               // events in the cluster (across its reports)
  std::vector<Certainty> certainties;  // distinct certainty levels of its events, sorted
};

// Clusters with at least one event, most reports first (then by key).
std::vector<EventCluster> cluster_events(const std::vector<ReportInput>& reports);

}  // namespace claimtrace::link
