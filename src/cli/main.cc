// claimtrace: the command-line entry point. One verb per file in src/cli/.
#include <cstdio>

#include <CLI/CLI.hpp>

#include "cli/args.h"
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
  StoriesArgs stories;
  CLI::App* stories_cmd = add_stories_command(app, stories);
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
  if (stories_cmd->parsed()) return run_stories(stories);
  return kExitUsage;
}
