#pragma once
// The readable terminal report of one analysed Document: metadata, then
// sentences, and every filled layer (claims with their source chains,
// entities, events) in reading order.
#include <string>

#include "core/document.h"

namespace claimtrace::output {

struct ReportOptions {
  bool color = false;    // ANSI highlighting (when stdout is a terminal)
  bool explain = false;  // name the rule behind each attribution
};

void write_report(const Document& doc, const ReportOptions& opts, std::string& out);

}  // namespace claimtrace::output
