#pragma once
// Serialises an analysed Document as one JSON object (CONTRACT.md,
// docs/schema.md): every span as {"start","end","text"} in UTF-8 bytes.
#include <string>
#include <string_view>

#include "core/document.h"

namespace claimtrace::output {

struct JsonOptions {
  bool tokens = false;  // include the token layer (large; off by default)
  bool chunks = false;  // include noun/verb groups (also implied by `tokens`)
};

// Appends the document object (no trailing newline) to `out`.
void write_document_json(const Document& doc, const JsonOptions& opts, std::string& out);

// Appends {"id": id, "error": reason} for a record that failed.
void write_error_json(std::string_view id, std::string_view reason, std::string& out);

// Re-indents compact JSON (as produced above) for human reading.
std::string pretty_json(std::string_view compact);

}  // namespace claimtrace::output
