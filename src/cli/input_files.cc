#include "cli/input_files.h"

#include <algorithm>
#include <filesystem>
#include <string_view>
#include <system_error>

namespace claimtrace::cli {

namespace {

namespace fs = std::filesystem;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Files taken from a directory: articles and record files only, so that a
// README or a script lying next to the data is not ingested as an article.
bool article_file(std::string_view name) {
  if (ends_with(name, ".gz")) name.remove_suffix(3);
  for (std::string_view ext : {".txt", ".text", ".jsonl", ".ndjson", ".json"})
    if (ends_with(name, ext)) return true;
  return false;
}

InputFile make(const std::string& path, const std::string& format) {
  InputFile f;
  f.path = path;
  std::string_view p = path;
  f.compressed = ends_with(p, ".gz");
  if (f.compressed) p.remove_suffix(3);
  if (format.empty())
    f.jsonl =
        path == "-" || ends_with(p, ".jsonl") || ends_with(p, ".ndjson") || ends_with(p, ".json");
  else
    f.jsonl = format == "jsonl";
  std::error_code ec;
  if (path != "-") {
    auto size = fs::file_size(path, ec);
    if (!ec) f.size = size;
  }
  return f;
}

}  // namespace

std::vector<InputFile> expand_inputs(const std::vector<std::string>& inputs,
                                     const std::string& format) {
  std::vector<InputFile> out;
  for (const std::string& in : inputs) {
    std::error_code ec;
    if (in != "-" && fs::is_directory(in, ec)) {
      std::vector<std::string> files;
      auto it =
          fs::recursive_directory_iterator(in, fs::directory_options::skip_permission_denied, ec);
      for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') {
          if (it->is_directory(ec)) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file(ec) && article_file(name)) files.push_back(it->path().string());
      }
      std::sort(files.begin(), files.end());
      for (const auto& f : files) out.push_back(make(f, format));
    } else {
      out.push_back(make(in, format));
    }
  }
  return out;
}

}  // namespace claimtrace::cli
