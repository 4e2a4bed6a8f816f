// `claimtrace stories`: documents grouped into stories (src/link/stories.h).
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "cli/args.h"
#include "core/json_writer.h"
#include "ingest/jsonl_reader.h"
#include "ingest/line_reader.h"
#include "link/stories.h"
#include "pipeline/analyzer.h"
#include "pipeline/ordered_runner.h"

namespace claimtrace::cli {

CLI::App* add_stories_command(CLI::App& app, StoriesArgs& a) {
  CLI::App* cmd = app.add_subcommand(
      "stories", "Group articles that report the same story (largest stories first)");
  cmd->add_option("--input", a.input, "JSONL articles to analyse and group (- for stdin)")
      ->required();
  cmd->add_option("--format", a.format, "json (an array of stories) or table")
      ->check(CLI::IsMember({"json", "table"}));
  cmd->add_option("--limit", a.limit, "At most this many stories");
  cmd->add_option("--lexicon-image", a.lexicon_image, "Compiled lexicon (default as for analyze)");
  cmd->add_option("--threads", a.threads, "Worker threads (default: all cores)");
  return cmd;
}

namespace {

struct StoryBatch {
  std::vector<std::string> lines;
  std::vector<link::StoryDoc> docs;
  std::vector<std::string> errors;
};

}  // namespace

int run_stories(const StoriesArgs& a) {
  std::string error;
  auto lex = lexicon::Lexicon::open(
      a.lexicon_image.empty() ? lexicon::Lexicon::default_path() : a.lexicon_image, error);
  if (!lex) {
    std::fprintf(stderr, "claimtrace: %s\n", error.c_str());
    return kExitSomeFailed;
  }
  LineReader reader;
  if (!reader.open(a.input, error)) {
    std::fprintf(stderr, "claimtrace: %s\n", error.c_str());
    return kExitSomeFailed;
  }
  const Analyzer analyzer(lex.get());
  std::vector<link::StoryDoc> docs;
  uint64_t failed = 0, line_no = 0;
  size_t threads = a.threads ? a.threads : std::max(1u, std::thread::hardware_concurrency());
  run_ordered<StoryBatch>(
      threads,
      [&](StoryBatch& b) {
        b.lines.clear();
        std::string line;
        while (b.lines.size() < 64 && reader.next(line)) {
          ++line_no;
          if (line.find_first_not_of(" \t") != std::string::npos) b.lines.push_back(line);
        }
        return !b.lines.empty();
      },
      [&](StoryBatch& b) {
        thread_local JsonlParser parser;
        thread_local Document doc;
        b.docs.clear();
        b.errors.clear();
        for (const std::string& line : b.lines) {
          InputRecord rec;
          std::string err;
          if (!parser.parse(line, rec, err)) {
            b.errors.push_back(err);
            continue;
          }
          to_document(std::move(rec), doc);
          analyzer.analyze(doc);
          b.docs.push_back(link::story_terms(doc));
        }
      },
      [&](StoryBatch& b) {
        for (auto& d : b.docs) docs.push_back(std::move(d));
        for (const auto& e : b.errors) std::fprintf(stderr, "claimtrace: %s: %s\n", a.input.c_str(), e.c_str());
        failed += b.errors.size();
      });
  std::vector<link::Story> stories = link::cluster_stories(docs);
  if (a.limit > 0 && stories.size() > a.limit) stories.resize(a.limit);
  std::string out;
  if (a.format == "table") {
    for (size_t i = 0; i < stories.size(); ++i) {
      out += "s" + std::to_string(i + 1) + "  " + std::to_string(stories[i].members.size()) + " documents:";
      for (uint32_t m : stories[i].members) out += " " + docs[m].id;
      out += "\n";
    }
  } else {
    JsonWriter w(out);
    w.begin_array();
    for (size_t i = 0; i < stories.size(); ++i) {
      w.begin_object();
      w.field("id", std::string_view("s" + std::to_string(i + 1)));
      w.key("documents");
      w.begin_array();
      for (uint32_t m : stories[i].members) w.value(std::string_view(docs[m].id));
      w.end_array();
      w.end_object();
    }
    w.end_array();
    out.push_back('\n');
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  if (!reader.error().empty()) {
    std::fprintf(stderr, "claimtrace: %s\n", reader.error().c_str());
    return kExitSomeFailed;
  }
  return failed ? kExitSomeFailed : kExitOk;
}

}  // namespace claimtrace::cli
