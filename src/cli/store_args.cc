#include "cli/store_args.h"

namespace claimtrace::cli {

namespace {

void add_db(CLI::App* cmd, std::string& db) {
  cmd->add_option("--db", db, "SQLite store (default: claimtrace.db in the working directory)");
}

void add_format(CLI::App* cmd, QueryArgs& q, bool table) {
  cmd->add_option("--format", q.format,
                  table ? "table (default on a terminal), json (one array), jsonl (one object "
                          "per line; default otherwise) or csv"
                        : "json")
      ->check(table ? CLI::IsMember({"table", "json", "jsonl", "csv"}) : CLI::IsMember({"json"}));
}

void add_doc_filters(CLI::App* cmd, QueryArgs& q) {
  cmd->add_option("--outlet", q.outlet, "Only documents of this outlet (exact name)");
  cmd->add_option("--since", q.since, "Only documents published on or after YYYY-MM-DD");
  cmd->add_option("--until", q.until, "Only documents published on or before YYYY-MM-DD");
  cmd->add_option("--limit", q.limit, "At most N rows (0 = all; default 50)")
      ->check(CLI::NonNegativeNumber);
}

// The event filters; on claims and sources they keep the claims that report
// a matching event.
void add_event_filters(CLI::App* cmd, QueryArgs& q, bool of_claims) {
  const std::string which =
      of_claims ? "Only claims reporting an event with " : "Only events with ";
  cmd->add_option("--code", q.code, which + "this CAMEO code prefix (19 matches 190-196)");
  cmd->add_option("--root", q.root, which + "this CAMEO root code (two digits)");
  cmd->add_option("--actor", q.actor, which + "this source actor code prefix (UKR matches UKRMIL)");
  cmd->add_option("--target", q.target, which + "this target actor code prefix");
  cmd->add_option("--place", q.place,
                  which + "this location: place name (any case) or GeoNames id");
}

const auto kCertainty = CLI::IsMember({"asserted", "reported", "alleged", "speculative", "denied"});
const auto kSourceKind = CLI::IsMember(
    {"person", "organisation", "outlet", "anonymous", "document", "pronoun", "unspecified"});

}  // namespace

StoreCommands add_store_commands(CLI::App& app, IngestArgs& in, QueryArgs& q) {
  StoreCommands c;
  c.ingest = app.add_subcommand(
      "ingest",
      "Analyse articles and store them (parallel, batched transactions, idempotent, resumable).");
  c.ingest
      ->add_option(
          "inputs", in.inputs,
          "Files (plain text, JSONL, HTML pages, WARC archives, RSS/Atom feeds, optionally .gz "
          "or .zst), directories (read "
          "recursively), quoted patterns ('crawl/**/*.jsonl.gz') or - for JSONL on "
          "stdin")
      ->required();
  add_db(c.ingest, in.db);
  c.ingest
      ->add_option("--input-format", in.input_format,
                   "text, jsonl, html (a saved web page: its article text and metadata), warc "
                   "(the HTML responses of a web archive) or rss (the items of an RSS or Atom "
                   "feed) for every input; guessed per file when omitted (.html/.htm = html, "
                   ".warc = warc, .rss/.atom = rss)")
      ->check(CLI::IsMember({"text", "jsonl", "html", "warc", "rss"}));
  c.ingest->add_option("--errors", in.errors,
                       "Write one JSON line per failed record (file, line, id, reason)");
  c.ingest->add_flag("--quiet,-q", in.quiet, "No progress and no summary on stderr");
  c.ingest->add_flag("--no-link", in.no_link,
                     "Do not run `link` (near-duplicates and stories) after storing");
  c.ingest->add_flag("--no-title", in.no_title,
                     "Text files: do not record the first line as the title");
  c.ingest
      ->add_option("--lexicon", in.user_lexicons,
                   "Your own dictionary (TSV, docs/dictionaries.md); repeatable")
      ->check(CLI::ExistingFile);
  c.ingest->add_option("--lexicon-image", in.lexicon_image,
                       "Compiled lexicon (default as for analyze)");
  c.ingest->add_option("--dictionaries", in.dictionaries,
                       "Code events with TABARI or PETRARCH dictionaries, as for analyze "
                       "(tabari:PATH.project, petrarch:DIR or a compiled file)");
  c.ingest
      ->add_option("--threads", in.threads,
                   "Analysis threads, also inflating a .warc.gz (default: all cores)")
      ->check(CLI::Range(0u, 1024u));
  c.ingest
      ->add_option("--batch-size", in.batch_size,
                   "Records per work item and per transaction (default 256)")
      ->check(CLI::Range(1u, 100000u));

  c.stats = app.add_subcommand("stats", "Summarise the store: counts, size, documents per outlet.");
  add_db(c.stats, q.db);
  add_format(c.stats, q, true);
  c.stats->add_flag("--check", q.check,
                    "Also run integrity checks (SQLite and full-text index); exit 1 on problems");

  c.show = app.add_subcommand("show", "Print one stored article with its sentences and claims.");
  c.show->add_option("id", q.text, "Document id (the id of its input record)")->required();
  add_db(c.show, q.db);
  c.show
      ->add_option("--format", q.format,
                   "report (default) or json (the same object as analyze --output-format json)")
      ->check(CLI::IsMember({"report", "json"}));

  c.search = app.add_subcommand("search", "Full-text search over titles and article text.");
  c.search->add_option("text", q.text, "Words to find (all must occur)")->required();
  c.search->add_flag("--raw", q.raw,
                     "Pass the text to SQLite FTS5 unchanged (OR, NEAR, \"phrases\", prefix*)");
  add_db(c.search, q.db);
  add_format(c.search, q, true);
  add_doc_filters(c.search, q);
  c.search->add_option("--place", q.place,
                       "Only documents naming this place: name (any case) or GeoNames id");

  c.claims = app.add_subcommand("claims", "List attributed claims (who says what, how sure).");
  add_db(c.claims, q.db);
  add_format(c.claims, q, true);
  add_doc_filters(c.claims, q);
  c.claims->add_option("--certainty", q.certainty, "Only claims of this certainty")
      ->check(kCertainty);
  c.claims->add_option("--source-kind", q.source_kind, "Only claims from this kind of source")
      ->check(kSourceKind);
  add_event_filters(c.claims, q, true);

  c.events = app.add_subcommand("events", "List coded events (CAMEO).");
  add_db(c.events, q.db);
  add_format(c.events, q, true);
  add_doc_filters(c.events, q);
  add_event_filters(c.events, q, false);
  c.events->add_option("--certainty", q.certainty, "Only events of this certainty")
      ->check(kCertainty);
  c.events
      ->add_option("--source-kind", q.source_kind, "Only events attributed to this kind of source")
      ->check(kSourceKind);

  c.entities = app.add_subcommand("entities", "List named entities across stored documents.");
  add_db(c.entities, q.db);
  add_format(c.entities, q, true);
  add_doc_filters(c.entities, q);
  c.entities->add_option("--type", q.type, "Only entities of this type")
      ->check(CLI::IsMember({"PER", "ORG", "GPE", "LOC", "NORP", "MEDIA", "FAC", "EVENT", "MISC"}));
  c.entities->add_option("--actor", q.actor,
                         "Only entities with this CAMEO actor code prefix (UKR matches UKRGOV)");

  c.sources = app.add_subcommand("sources", "List who is cited: attribution sources and counts.");
  add_db(c.sources, q.db);
  add_format(c.sources, q, true);
  add_doc_filters(c.sources, q);
  c.sources->add_option("--certainty", q.certainty, "Only claims of this certainty")
      ->check(kCertainty);
  c.sources->add_option("--source-kind", q.source_kind, "Only sources of this kind")
      ->check(kSourceKind);
  add_event_filters(c.sources, q, true);

  c.stories = app.add_subcommand(
      "stories",
      "List stories: stored documents that report the same story (copies, reprints and "
      "articles linked by content), with their independent origins.");
  add_db(c.stories, q.db);
  add_format(c.stories, q, false);
  c.stories->add_option("--limit", q.limit, "At most N stories (0 = all; default 50)")
      ->check(CLI::NonNegativeNumber);
  c.trace = app.add_subcommand(
      "trace", "The provenance tree of a story: outlets, whom they cite, and the origins");
  add_db(c.trace, q.db);
  c.trace->add_option("id", q.text, "A story id (from `stories`) or the id of a stored document")
      ->required();
  c.trace->add_option("--format", q.format, "text (a tree), json or dot (Graphviz)")
      ->check(CLI::IsMember({"text", "json", "dot"}));

  c.export_ = app.add_subcommand(
      "export",
      "Write the whole store to a file: GDELT 2.0 Events or Mentions (tab-separated), JSONL "
      "documents or events as CSV.");
  add_db(c.export_, q.db);
  c.export_
      ->add_option("--format", q.format,
                   "gdelt-events (61 GDELT 2.0 Event columns), gdelt-mentions (16 Mentions "
                   "columns), jsonl (one analyze JSON document per line) or csv (events, "
                   "with a header)")
      ->required()
      ->check(CLI::IsMember({"gdelt-events", "gdelt-mentions", "jsonl", "csv"}));
  c.export_->add_option("-o,--output", q.output, "File to write; - for stdout")->required();
  c.export_->add_flag("--no-link", q.no_link,
                      "Story counts (NumMentions, NumSources, NumArticles) from exact copies "
                      "only, ignoring the stored near-duplicate groups and stories");
  c.link = app.add_subcommand(
      "link",
      "Group near-duplicates (wire copies, reprints, updated versions) and cluster stories; "
      "stores the result for stories, trace and export. Incremental: only documents stored "
      "since the last run are analysed. Run automatically by ingest.");
  add_db(c.link, q.db);
  c.link->add_flag("--all", q.relink_all,
                   "Recompute every document's features instead of only the new ones");
  return c;
}

}  // namespace claimtrace::cli
