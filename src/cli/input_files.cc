#include "cli/input_files.h"

#include <fnmatch.h>

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

// ".gz" and ".zst" say how a file is stored, not what it holds.
bool strip_compression_suffix(std::string_view& name) {
  for (std::string_view ext : {".gz", ".zst"}) {
    if (ends_with(name, ext)) {
      name.remove_suffix(ext.size());
      return true;
    }
  }
  return false;
}

bool has_wildcard(std::string_view s) {
  return s.find_first_of("*?[") != std::string_view::npos;
}

std::vector<std::string> split_path(std::string_view s) {
  std::vector<std::string> parts;
  size_t b = 0;
  while (b <= s.size()) {
    size_t e = s.find('/', b);
    if (e == std::string_view::npos) e = s.size();
    if (e > b) parts.emplace_back(s.substr(b, e - b));
    b = e + 1;
  }
  return parts;
}

// Whether the path components `path[i..]` match the pattern components
// `pat[j..]`: "**" matches any number of directories, other components
// match as shell wildcards (fnmatch; a leading '.' only when written).
bool glob_match(const std::vector<std::string>& pat, size_t j, const std::vector<std::string>& path,
                size_t i) {
  if (j == pat.size()) return i == path.size();
  if (pat[j] == "**") {
    for (size_t k = i; k <= path.size(); ++k)
      if (glob_match(pat, j + 1, path, k)) return true;
    return false;
  }
  if (i == path.size()) return false;
  if (fnmatch(pat[j].c_str(), path[i].c_str(), FNM_PERIOD) != 0) return false;
  return glob_match(pat, j + 1, path, i + 1);
}

// Expands a quoted pattern ("crawl/**/*.warc.gz") ourselves, so that it
// works without a shell and past the shell's argument limits. Returns the
// matching regular files in name order.
std::vector<std::string> expand_glob(const std::string& pattern) {
  std::vector<std::string> pat = split_path(pattern);
  // The fixed leading directories are where the walk starts.
  std::string base = pattern.rfind('/', 0) == 0 ? "/" : "";
  size_t fixed = 0;
  while (fixed + 1 < pat.size() && !has_wildcard(pat[fixed])) {
    base += pat[fixed] + "/";
    ++fixed;
  }
  std::vector<std::string> rest(pat.begin() + static_cast<long>(fixed), pat.end());
  std::vector<std::string> files;
  std::error_code ec;
  const fs::path root = base.empty() ? fs::path(".") : fs::path(base);
  auto it =
      fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::string rel = it->path().lexically_relative(root).generic_string();
    if (!it->is_regular_file(ec)) continue;
    if (glob_match(rest, 0, split_path(rel), 0)) files.push_back(base + rel);
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Files taken from a directory: articles and record files only, so that a
// README or a script lying next to the data is not ingested as an article.
bool article_file(std::string_view name) {
  strip_compression_suffix(name);
  for (std::string_view ext : {".txt", ".text", ".jsonl", ".ndjson", ".json", ".html", ".htm",
                               ".xhtml", ".warc", ".rss", ".atom"})
    if (ends_with(name, ext)) return true;
  return false;
}

InputFile make(const std::string& path, const std::string& format) {
  InputFile f;
  f.path = path;
  std::string_view p = path;
  f.compressed = strip_compression_suffix(p);
  if (format.empty()) {
    f.jsonl =
        path == "-" || ends_with(p, ".jsonl") || ends_with(p, ".ndjson") || ends_with(p, ".json");
    f.html = ends_with(p, ".html") || ends_with(p, ".htm") || ends_with(p, ".xhtml");
    f.warc = ends_with(p, ".warc");
    f.feed = ends_with(p, ".rss") || ends_with(p, ".atom");
  } else {
    f.jsonl = format == "jsonl";
    f.html = format == "html";
    f.warc = format == "warc";
    f.feed = format == "rss";
  }
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
    if (in != "-" && has_wildcard(in) && !fs::exists(in, ec)) {
      std::vector<std::string> files = expand_glob(in);
      if (files.empty()) out.push_back(make(in, format));  // reported as a missing file
      for (const auto& f : files) out.push_back(make(f, format));
    } else if (in != "-" && fs::is_directory(in, ec)) {
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
