// Fuzz target: one JSONL line through the parser, the whole analysis and
// JSON output. Checks that a parsed record never crashes the pipeline and
// that every sentence span stays inside the text.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "ingest/jsonl_reader.h"
#include "output/json_output.h"
#include "pipeline/analyzer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace claimtrace;
  static JsonlParser parser;
  static const Analyzer analyzer;
  std::string_view line(reinterpret_cast<const char*>(data), size);
  InputRecord rec;
  std::string error;
  if (!parser.parse(line, rec, error)) {
    if (error.empty()) std::abort();  // a failure must say why
    return 0;
  }
  Document doc;
  to_document(std::move(rec), doc);
  analyzer.analyze(doc);
  for (const Sentence& s : doc.sentences)
    if (s.span.begin > s.span.end || s.span.end > doc.text.size()) std::abort();
  std::string out;
  output::write_document_json(doc, {.tokens = true}, out);
  return 0;
}
