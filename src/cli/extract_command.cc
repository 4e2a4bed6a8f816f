// `claimtrace extract FILE`: main text and metadata of one HTML page as JSON
// (the contract of ../shared/eval/CONTRACT.md plus url/outlet/charset).
#include "cli/extract_command.h"

#include <cstdio>
#include <string>

#include "cli/args.h"
#include "core/json_writer.h"
#include "ingest/html/article.h"
#include "ingest/line_reader.h"

namespace claimtrace::cli {

CLI::App* add_extract_command(CLI::App& app, ExtractArgs& a) {
  CLI::App* cmd = app.add_subcommand(
      "extract",
      "Extract the main text and metadata (title, author, date, language, URL, outlet) of a web "
      "page and print them as one JSON object.");
  cmd->add_option("input", a.input,
                  "Input page (.html/.htm, optionally .gz or .zst) or - for stdin")
      ->required();
  cmd->add_option("--input-format", a.input_format,
                  "html (the only format so far; also the default)")
      ->check(CLI::IsMember({"html"}));
  cmd->add_option("--url", a.url, "The page's URL (used for dates in the URL and as the url)");
  cmd->add_option("--charset", a.charset,
                  "Character encoding from the transport (HTTP header); overrides <meta charset>");
  cmd->add_flag("--pretty", a.pretty, "Indent the JSON output");
  return cmd;
}

namespace {

void optional_field(JsonWriter& w, const char* key, const std::string& v) {
  if (v.empty())
    w.null_field(key);
  else
    w.field(key, v);
}

}  // namespace

int run_extract(const ExtractArgs& args) {
  std::string bytes, error;
  if (!read_whole_file(args.input, bytes, error)) {
    std::fprintf(stderr, "claimtrace: %s\n", error.c_str());
    return kExitSomeFailed;
  }
  html::Article article;
  html::ExtractOptions options{.url = args.url, .charset = args.charset};
  const std::string name = args.input == "-" ? "<stdin>" : args.input;
  if (!html::extract_article(bytes, options, article, error)) {
    std::fprintf(stderr, "claimtrace: %s: %s\n", name.c_str(), error.c_str());
    return kExitSomeFailed;
  }
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.field("title", article.title);
  w.field("text", article.text);
  optional_field(w, "published", article.published);
  optional_field(w, "author", article.author);
  optional_field(w, "language", article.language);
  optional_field(w, "url", article.url);
  optional_field(w, "outlet", article.outlet);
  optional_field(w, "description", article.description);
  w.field("charset", article.charset);
  w.end_object();
  if (args.pretty) {
    // Small and flat: one field per line is enough.
    std::string pretty;
    bool in_string = false, escape = false;
    for (char c : out) {
      if (in_string) {
        pretty.push_back(c);
        if (escape)
          escape = false;
        else if (c == '\\')
          escape = true;
        else if (c == '"')
          in_string = false;
        continue;
      }
      if (c == '"') in_string = true;
      if (c == '{') {
        pretty += "{\n  ";
      } else if (c == '}') {
        pretty += "\n}";
      } else if (c == ',') {
        pretty += ",\n  ";
      } else if (c == ':') {
        pretty += ": ";
      } else {
        pretty.push_back(c);
      }
    }
    out = std::move(pretty);
  }
  out.push_back('\n');
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kExitOk;
}

}  // namespace claimtrace::cli
