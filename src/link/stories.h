#pragma once
// Story clustering: groups documents that report the same story.
//
// Each document is reduced to a weighted term vector (story_terms): its
// named entities (weighted up: who and where tell look-alike stories apart),
// years and other numbers, and content words of the title and body. Terms
// are weighted by inverse document frequency over the collection, and
// documents are compared by cosine similarity. Candidate pairs come from an
// inverted index over each document's strongest terms, so the work grows
// with the number of documents sharing distinctive terms, not with the
// square of the collection. Clusters are formed greedily from the most
// similar pairs under average linkage, which resists chaining two
// look-alike events through one ambiguous article; linked documents must
// also share a distinctive name.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/document.h"

namespace claimtrace::link {

struct StoryDoc {
  std::string id;
  std::vector<std::pair<std::string, float>> terms;  // raw counts (weighted by kind)
};

// Terms of an analysed document (entities need the entity stages).
StoryDoc story_terms(const Document& doc);

// Stored form of a document's terms (one "term<TAB>count" line each), so a
// later link run can cluster it without reloading and re-analysing it.
std::string serialize_terms(const StoryDoc& doc);
// Parses serialize_terms() output; false (and `out` partly filled) when malformed.
bool parse_terms(std::string_view text, StoryDoc& out);

struct StoryOptions {
  float pair_threshold = 0.22f;          // cosine for two documents to be linked
  float average_link_threshold = 0.15f;  // mean cross-pair cosine two clusters need to merge
  float name_threshold = 0.2f;           // cosine of the two documents' names alone
  float average_name_threshold = 0.1f;   // mean cross-pair name cosine two clusters need
  size_t index_terms = 12;               // strongest terms per document used to find candidates
};

struct Story {
  std::vector<uint32_t> members;  // indices into the input, in input order
};

// Clusters of two or more documents, largest first; singletons are omitted.
std::vector<Story> cluster_stories(const std::vector<StoryDoc>& docs,
                                   const StoryOptions& opts = {});

// The compact form clustering works on (a tenth of the memory of the
// strings, which matters at millions of documents): each term as a 63-bit
// hash, with kNameTermBit set for named entities ("E:" terms).
inline constexpr uint64_t kNameTermBit = uint64_t{1} << 63;
using HashedTerms = std::vector<std::pair<uint64_t, float>>;
uint64_t term_key(std::string_view term);
HashedTerms hash_terms(const StoryDoc& doc);
// parse_terms() straight into the compact form.
bool parse_hashed_terms(std::string_view text, HashedTerms& out);
std::vector<Story> cluster_stories(const std::vector<HashedTerms>& docs,
                                   const StoryOptions& opts = {});

}  // namespace claimtrace::link
