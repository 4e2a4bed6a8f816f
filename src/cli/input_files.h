#pragma once
// Expands the inputs of a store verb (files, directories, "-") into the list
// of files to read, each with its input format.
#include <cstdint>
#include <string>
#include <vector>

namespace claimtrace::cli {

struct InputFile {
  std::string path;  // "-" = stdin
  bool jsonl = false;
  bool html = false;        // a web page: the extracted article is the record
  bool warc = false;        // a web archive: each HTML response is a record
  bool feed = false;        // an RSS or Atom feed: each item is a record
  bool compressed = false;  // .gz/.zst: its size says nothing about the record bytes
  uint64_t size = 0;        // bytes on disk (0 for stdin)
};

// `format` is "text", "jsonl", "html", "warc", "rss" or "" (guess from the
// name: .jsonl, .ndjson, .json, optionally .gz or .zst, are JSONL, .html,
// .htm, .xhtml are HTML, .warc is WARC, .rss and .atom are feeds; stdin is
// JSONL). Directories are walked recursively in name order, skipping hidden
// entries and taking only .txt, .text, .jsonl, .ndjson, .json, .html, .htm,
// .xhtml, .warc, .rss and .atom files (optionally .gz or .zst);
// files named explicitly are always read. An input with wildcards that is
// not itself a file is a pattern ("dir/**/*.jsonl.zst": "**" spans
// directories) and gives every regular file it matches, in name order.
// Paths that do not exist (or patterns matching nothing) are returned as-is
// so that reading them reports the error per file.
std::vector<InputFile> expand_inputs(const std::vector<std::string>& inputs,
                                     const std::string& format);

}  // namespace claimtrace::cli
