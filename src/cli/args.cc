#include "cli/args.h"

namespace claimtrace::cli {

CLI::App* add_analyze_command(CLI::App& app, AnalyzeArgs& a) {
  CLI::App* cmd = app.add_subcommand(
      "analyze",
      "Analyse articles: sentences, tokens and every annotation layer, as a readable report or "
      "JSON (docs/schema.md).");
  cmd->add_option("input", a.input,
                  "Input file (plain text, JSONL, HTML, WARC, RSS/Atom; optionally .gz or .zst), "
                  "a quoted pattern ('pages/**/*.html': each match in its own format, one after "
                  "another) or - for stdin")
      ->required();
  cmd->add_option("--input-format", a.input_format,
                  "text (the whole file is one article), jsonl (one record per line), html "
                  "(a web page: main text and metadata are extracted), warc (the HTML "
                  "responses of a web archive) or rss (the items of an RSS or Atom feed); "
                  "guessed from the file name when omitted (.jsonl/.ndjson = jsonl, "
                  ".html/.htm = html, .warc = warc, .rss/.atom = rss; also with .gz or .zst)")
      ->check(CLI::IsMember({"text", "jsonl", "html", "warc", "rss"}));
  cmd->add_option("--output-format", a.output_format,
                  "report (readable; default on a terminal), json (pretty JSON; a JSON array "
                  "for JSONL input) or jsonl (one compact object per line)")
      ->check(CLI::IsMember({"report", "json", "jsonl"}));
  cmd->add_option("--published", a.published, "Publication date YYYY-MM-DD (text input)");
  cmd->add_option("--outlet", a.outlet, "Outlet name (text input)");
  cmd->add_option("--url", a.url, "Article URL (text input)");
  cmd->add_option("--title", a.title, "Title (text input; overrides the first line)");
  cmd->add_option("--id", a.id, "Record id (text input; default: the content hash)");
  cmd->add_flag("--no-title", a.no_title, "Do not record the first line as the title");
  cmd->add_flag(
      "--tokens", a.tokens,
      "Include the token layer (with part of speech and lemma) and the chunks in JSON output");
  cmd->add_flag("--chunks", a.chunks, "Include noun and verb groups (chunks) in JSON output");
  cmd->add_flag("--explain", a.explain, "Name the rule behind each annotation in the report");
  cmd->add_option("--lexicon-image", a.lexicon_image,
                  "Compiled lexicon (default: $CLAIMTRACE_LEXICON, else claimtrace.lex next to "
                  "the binary)");
  cmd->add_option("--lexicon", a.user_lexicons,
                  "Your own dictionary of actors, outlets, people, places (TSV, "
                  "docs/dictionaries.md); repeatable")
      ->check(CLI::ExistingFile);
  cmd->add_option(
      "--dictionaries", a.dictionaries,
      "Code events with other dictionaries instead of our own: "
      "tabari:PATH/X.project (the .verbs, .actors, .agents and .options files it "
      "names), petrarch:DIR (a folder of PETRARCH dictionaries or a PETR_config.ini) or a "
      "FILE written by `claimtrace lexicon import`");
  cmd->add_option(
         "--threads", a.threads,
         "Worker threads for JSONL and WARC input, also inflating a .warc.gz (default: all cores)")
      ->check(CLI::Range(0u, 1024u));
  cmd->add_option("--batch-size", a.batch_size, "Records per work item (JSONL)")
      ->check(CLI::Range(1u, 1000000u));
  return cmd;
}

}  // namespace claimtrace::cli
