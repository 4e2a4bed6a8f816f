#pragma once
// Provenance of one story: who reported it, whom they cite, through whom,
// and how many *independent* origins the story really has.
//
// Input: one analysed document per group of copies (with the number of
// copies), all reporting the same story. For every document the outlet is
// the root; each attribution is an edge from the outlet (or, when relayed,
// from the source it was relayed through: `via`) to its source. A source is
// identified across documents by its entity when it has one ("RIA", "RIA
// Novosti", "Russia's RIA Novosti news outlet" are one node), otherwise by
// its words; anonymous sources are scoped to the outlet that cites them ("a
// source in Syria" cited by RIA is RIA's source, not a global node).
//
// Origins are the ends of citation chains: sources that cite nobody further,
// and outlets that report without citing anyone. A chain that ends at an
// outlet which itself reports the story is not a new origin: that outlet's
// own origins count instead (if B cites A, B is not independent), and copies
// count once.
#include <cstdint>
#include <string>
#include <vector>

#include "core/document.h"

namespace claimtrace::link {

struct ProvenanceNode {
  std::string key;  // stable identity ("outlet:ria novosti", "anon:ria novosti:a source in syria")
  std::string label;       // as written (first seen)
  std::string kind;        // outlet | person | organisation | anonymous | document | unspecified
  bool is_report = false;  // an outlet that itself reports the story
  bool is_origin = false;
  std::string document;  // for a report: the id of its document
};

struct ProvenanceEdge {
  uint32_t from = 0, to = 0;  // node indices
  std::string doc_id;         // the report that makes the citation
  std::string published;
  Certainty certainty = Certainty::kReported;
  std::string cue;  // the words of citing ("citing", "claimed")
};

struct Provenance {
  std::vector<ProvenanceNode> nodes;
  std::vector<ProvenanceEdge> edges;
  uint32_t reports = 0;        // documents, copies included
  uint32_t outlets = 0;        // distinct outlets among them
  uint32_t origins = 0;        // independent origins
  uint32_t named_origins = 0;  // of which named (person, organisation, outlet)
  uint32_t anonymous_origins = 0;
  std::string earliest;                // earliest publication date (YYYY-MM-DD) or ""
  std::vector<Certainty> certainties;  // distinct certainty levels across reports, sorted
};

struct ReportInput {
  const Document* doc = nullptr;
  uint32_t copies = 1;                    // this document and its stored copies
  std::vector<std::string> copy_outlets;  // outlets of the copies (counted as outlets)
};

Provenance trace_provenance(const std::vector<ReportInput>& reports);

// Graphviz DOT of the citation graph (outlets -> sources -> origins).
std::string provenance_dot(const Provenance& p, const std::string& title);

}  // namespace claimtrace::link
