#pragma once
// Claim clusters: the attributed claims of one story's reports that state the
// same thing in other words, so each claim can be corroborated on its own
// (events are clustered by their codes in event_clusters.h; most claims are
// not coded as events).
//
// A claim is an attribution's content. Its *content key* is the set of its
// content words and names: entity mentions inside the content count as one
// term each (the entity's name, so "RIA" and "RIA Novosti" agree), the other
// words are case-folded, stripped of function and reporting words and
// stemmed with the Snowball English stemmer ("arrived", "arrives" ->
// "arriv"); numbers are kept as written. Claims with fewer than
// kMinClaimTerms terms are too short to compare and left out.
//
// Two claims are similar when the Jaccard index of their term sets is at
// least kClaimSimilarity and they share at least two terms; claims that both
// give numbers but share none state different figures and are kept apart. Claims are merged
// most similar pairs first under average linkage (the mean Jaccard over all
// cross pairs must stay at or above the threshold), so a chain of partial
// overlaps does not grow into one cluster. Only clusters stated by two or
// more reports are returned.
//
// A cluster's key is derived from its content: "claim:" and its three terms
// shared by most of its claims (ties by term), as first written, joined by
// "+" ("claim:missiles+kessa+arrived"); a repeated key gets "~2", "~3". The
// key is stable while the cluster's dominant terms are.
#include <cstdint>
#include <string>
#include <vector>

#include "link/provenance.h"

namespace claimtrace::link {

inline constexpr double kClaimSimilarity = 0.4;
inline constexpr size_t kMinClaimTerms = 3;

struct ClaimRef {
  uint32_t report = 0;       // index into the input
  uint32_t attribution = 0;  // index into that report's Document::attributions
};

struct ClaimCluster {
  std::string key;
  std::vector<uint32_t> reports;       // indices into the input, ascending
  std::vector<ClaimRef> claims;        // its claims, by report then attribution
  std::vector<Certainty> certainties;  // distinct certainty levels of its claims, sorted
  std::string text;                    // the content of its first claim, on one line
  // Stated (asserted or reported) in one report and hedged (alleged or
  // speculative) or denied in another: worth a look before counting it.
  bool mixed_certainty = false;
};

// The content terms of one claim (see above), sorted and distinct.
std::vector<std::string> claim_terms(const Document& doc, const Attribution& a);

double jaccard(const std::vector<std::string>& a, const std::vector<std::string>& b);

// Clusters stated by two or more reports, most reports first (then by key).
std::vector<ClaimCluster> cluster_claims(const std::vector<ReportInput>& reports);

// Copies of the cluster's reports keeping only its claims (and the
// attributions they are relayed through), for trace_provenance: the origins
// of the claim, not of everything its reports say. `docs` owns the copies.
std::vector<ReportInput> claim_reports(const std::vector<ReportInput>& reports,
                                       const ClaimCluster& cluster, std::vector<Document>& docs);

}  // namespace claimtrace::link
