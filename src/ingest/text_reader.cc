#include "ingest/text_reader.h"

#include "core/content_hash.h"
#include "core/utf8.h"
#include "ingest/line_reader.h"

namespace claimtrace {

void to_document(InputRecord&& rec, Document& doc) {
  doc.clear_layers();
  doc.text = std::move(rec.text);
  doc.hash = content_hash(doc.text);
  doc.id = rec.id.empty() ? doc.hash : std::move(rec.id);
  doc.title = std::move(rec.title);
  doc.url = std::move(rec.url);
  doc.published = std::move(rec.published);
  doc.outlet = std::move(rec.outlet);
}

bool read_text_article(const std::string& path, bool use_title, InputRecord& rec,
                       std::string& error) {
  rec = InputRecord{};
  if (!read_whole_file(path, rec.text, error)) return false;
  size_t bad = find_invalid_utf8(rec.text);
  if (bad != std::string_view::npos) {
    error = path + ": invalid UTF-8 at byte offset " + std::to_string(bad) +
            " (convert the file to UTF-8; claimtrace does not rewrite text because offsets "
            "must match the input)";
    return false;
  }
  if (use_title) {
    size_t b = rec.text.find_first_not_of(" \t\r\n");
    if (b != std::string::npos) {
      size_t e = rec.text.find('\n', b);
      if (e == std::string::npos) e = rec.text.size();
      while (e > b && (rec.text[e - 1] == '\r' || rec.text[e - 1] == ' ')) --e;
      rec.title = rec.text.substr(b, e - b);
    }
  }
  return true;
}

}  // namespace claimtrace
