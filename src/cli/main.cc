// claimtrace: the command-line entry point. One verb per file in src/cli/.
#include <cstdio>

#include <CLI/CLI.hpp>

#include "cli/args.h"
#include "cli/extract_command.h"
#include "cli/store_args.h"
#include "core/version.h"

int main(int argc, char** argv) {
  using namespace claimtrace::cli;
  CLI::App app{
      "claimtrace: a source-attributed record of claims and events in news.\n"
      "Who did what to whom, where and when, and who says so, through whom, how sure."};
  app.set_version_flag("--version", "claimtrace " CLAIMTRACE_VERSION);
  app.require_subcommand(1);
  AnalyzeArgs analyze;
  CLI::App* analyze_cmd = add_analyze_command(app, analyze);
  LexiconArgs lexicon;
  CLI::App* lexicon_cmd = add_lexicon_command(app, lexicon);
  IngestArgs ingest;
  QueryArgs query;
  StoreCommands store = add_store_commands(app, ingest, query);
  ExtractArgs extract;
  CLI::App* extract_cmd = add_extract_command(app, extract);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  if (analyze_cmd->parsed()) return run_analyze(analyze);
  if (lexicon_cmd->parsed()) return run_lexicon(lexicon);
  if (store.ingest->parsed()) return run_ingest(ingest);
  if (store.stats->parsed()) return run_stats(query);
  if (store.show->parsed()) return run_show(query);
  if (store.search->parsed()) return run_search(query);
  if (store.claims->parsed()) return run_claims(query);
  if (store.events->parsed()) return run_events(query);
  if (store.stories->parsed()) return run_stories(query);
  if (store.trace->parsed()) return run_trace(query);
  if (store.entities->parsed()) return run_entities(query);
  if (store.sources->parsed()) return run_sources(query);
  if (store.export_->parsed()) return run_export(query);
  if (store.link->parsed()) return run_link(query);
  if (extract_cmd->parsed()) return run_extract(extract);
  return kExitUsage;
}
