// claimtrace: the command-line entry point. One verb per file in src/cli/.
#include <cstdio>

#include <CLI/CLI.hpp>

#include "cli/args.h"
#include "cli/extract_command.h"
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
  if (extract_cmd->parsed()) return run_extract(extract);
  return kExitUsage;
}
