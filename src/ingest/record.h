#pragma once
// InputRecord: one article as read from an input source, before analysis.
#include <cstdint>
#include <string>

#include "core/document.h"

namespace claimtrace {

struct InputRecord {
  std::string id;
  std::string text;
  std::string title;
  std::string url;
  std::string published;
  std::string outlet;
};

// Moves a record's fields into a Document (computing the content hash, and
// using it as the id when the record has none).
void to_document(InputRecord&& rec, Document& doc);

}  // namespace claimtrace
