#pragma once
// `claimtrace extract`: one page in, the extracted article as JSON out.
#include <string>

#include <CLI/CLI.hpp>

namespace claimtrace::cli {

struct ExtractArgs {
  std::string input;         // path or "-"
  std::string input_format;  // html | "" (guess)
  std::string url;           // the page's URL, when known
  std::string charset;       // transport charset, overrides <meta charset>
  bool pretty = false;
};

CLI::App* add_extract_command(CLI::App& app, ExtractArgs& args);

// Runs `extract`; returns an ExitCode.
int run_extract(const ExtractArgs& args);

}  // namespace claimtrace::cli
