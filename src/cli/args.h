#pragma once
// Command-line options of each verb, and their registration with CLI11.
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "lexicon/lexicon.h"

namespace claimtrace::dict {
class Dictionaries;
}

namespace claimtrace::cli {

// Exit codes shared by every verb.
enum ExitCode { kExitOk = 0, kExitSomeFailed = 1, kExitUsage = 2 };

struct AnalyzeArgs {
  std::string input;          // path or "-"
  std::string input_format;   // text | jsonl | "" (guess)
  std::string output_format;  // report | json | jsonl | "" (guess)
  std::string published;
  std::string outlet;
  std::string url;
  std::string title;
  std::string id;
  bool no_title = false;
  bool tokens = false;
  bool chunks = false;
  bool explain = false;
  std::string lexicon_image;               // "" = Lexicon::default_path()
  std::vector<std::string> user_lexicons;  // --lexicon FILE (repeatable)
  std::string dictionaries;                // "tabari:PATH.project" ("" = our own)
  unsigned threads = 0;                    // 0 = hardware concurrency
  unsigned batch_size = 128;
};

// Opens the compiled lexicon (default path when `image` is empty) with the
// user dictionaries as an overlay; prints the reason and returns null on failure.
std::unique_ptr<lexicon::Lexicon> open_lexicon(const std::string& image,
                                               const std::vector<std::string>& user_lexicons);

// Loads --dictionaries (tabari:PATH.project, petrarch:DIR or a compiled file;
// null = none asked for), printing its diagnostics; `ok` false on an unusable spec.
std::unique_ptr<dict::Dictionaries> load_dictionaries(const std::string& spec, bool& ok);

struct LexiconArgs {
  std::string verb;  // lookup | stats | import
  std::string phrase;
  std::string import_kind;  // import: tabari | petrarch
  std::string import_path;  // import: the .project, folder or PETR_config.ini
  std::string output;       // import: the compiled file to write
  std::string lexicon_image;
};

CLI::App* add_lexicon_command(CLI::App& app, LexiconArgs& args);
int run_lexicon(const LexiconArgs& args);

CLI::App* add_analyze_command(CLI::App& app, AnalyzeArgs& args);

// Runs `analyze`; returns an ExitCode.
int run_analyze(const AnalyzeArgs& args);

}  // namespace claimtrace::cli
