// `claimtrace analyze`: one article (text) or many (JSONL) in, report or JSON out.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "cli/args.h"
#include "cli/input_files.h"
#include "dict/tabari.h"
#include "ingest/feed_reader.h"
#include "ingest/html/article.h"
#include "ingest/html/dates.h"
#include "ingest/html_page_reader.h"
#include "ingest/jsonl_reader.h"
#include "ingest/line_reader.h"
#include "ingest/text_reader.h"
#include "ingest/warc_reader.h"
#include "output/json_output.h"
#include "output/report.h"
#include "pipeline/analyzer.h"
#include "pipeline/ordered_runner.h"

namespace claimtrace::cli {

std::unique_ptr<dict::Dictionaries> load_dictionaries(const std::string& spec, bool& ok) {
  ok = true;
  if (spec.empty()) return nullptr;
  auto d = std::make_unique<dict::Dictionaries>();
  const size_t colon = spec.find(':');
  const std::string kind = colon == std::string::npos ? "" : spec.substr(0, colon);
  if (kind != "tabari" && kind != "petrarch") {
    // A file written by `claimtrace lexicon import`.
    std::string err;
    if (!d->load_compiled(spec, err)) {
      std::fprintf(stderr,
                   "claimtrace: --dictionaries must be tabari:PATH.project, petrarch:DIR or a "
                   "file from `claimtrace lexicon import`: %s\n",
                   err.c_str());
      ok = false;
      return nullptr;
    }
    return d;
  }
  ok = kind == "tabari" ? d->load_project(spec.substr(colon + 1))
                        : d->load_petrarch(spec.substr(colon + 1));
  for (const dict::Diagnostic& e : d->diagnostics())
    std::fprintf(stderr, "claimtrace: %s\n", e.str().c_str());
  for (const std::string& note : d->notes()) std::fprintf(stderr, "claimtrace: %s\n", note.c_str());
  if (!ok) return nullptr;
  return d;
}

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string guess_input_format(const std::string& path) {
  std::string_view p = path;
  if (ends_with(p, ".gz")) p.remove_suffix(3);
  if (ends_with(p, ".zst")) p.remove_suffix(4);
  if (ends_with(p, ".jsonl") || ends_with(p, ".ndjson") || ends_with(p, ".json")) return "jsonl";
  if (ends_with(p, ".html") || ends_with(p, ".htm") || ends_with(p, ".xhtml")) return "html";
  if (ends_with(p, ".warc")) return "warc";
  if (ends_with(p, ".rss") || ends_with(p, ".atom")) return "rss";
  return "text";
}

void write_stdout(const std::string& s) {
  if (!s.empty()) std::fwrite(s.data(), 1, s.size(), stdout);
}

// Reads one HTML page into a record: the extracted main text, and the
// page's metadata unless given on the command line.
bool read_html_record(const AnalyzeArgs& args, InputRecord& rec, std::string& error) {
  return read_html_page(args.input, args.url, !args.no_title, rec, error);
}

// The resources of one analyze run: the lexicon (with user dictionaries),
// optional TABARI/PETRARCH dictionaries, and the analyzer over them.
struct AnalyzeSetup {
  std::unique_ptr<lexicon::Lexicon> lex;
  std::unique_ptr<dict::Dictionaries> dicts;
  std::unique_ptr<Analyzer> analyzer;
  int exit_code = kExitOk;  // why set-up failed (messages already printed)

  explicit AnalyzeSetup(const AnalyzeArgs& args) {
    lex = open_lexicon(args.lexicon_image, args.user_lexicons);
    if (!lex) {
      exit_code = kExitSomeFailed;
      return;
    }
    bool dicts_ok = true;
    dicts = load_dictionaries(args.dictionaries, dicts_ok);
    if (!dicts_ok) {
      exit_code = kExitUsage;
      return;
    }
    analyzer = std::make_unique<Analyzer>(lex.get(), dicts.get());
  }
  bool ok() const { return analyzer != nullptr; }
};

size_t worker_threads(const AnalyzeArgs& args) {
  return args.threads ? args.threads : std::max(1u, std::thread::hardware_concurrency());
}

int analyze_text(const AnalyzeArgs& args, const std::string& input_format,
                 const std::string& output_format) {
  InputRecord rec;
  std::string error;
  const bool ok = input_format == "html"
                      ? read_html_record(args, rec, error)
                      : read_text_article(args.input, !args.no_title, rec, error);
  if (!ok) {
    std::fprintf(stderr, "claimtrace: %s\n", error.c_str());
    return kExitSomeFailed;
  }
  if (!args.title.empty()) rec.title = args.title;
  rec.id = args.id;
  if (!args.url.empty()) rec.url = args.url;
  if (!args.outlet.empty()) rec.outlet = args.outlet;
  if (!args.published.empty()) rec.published = args.published;
  Document doc;
  to_document(std::move(rec), doc);
  const AnalyzeSetup setup(args);
  if (!setup.ok()) return setup.exit_code;
  const Analyzer& analyzer = *setup.analyzer;
  analyzer.analyze(doc);
  std::string out;
  if (output_format == "report") {
    output::write_report(doc, {.color = isatty(STDOUT_FILENO) == 1, .explain = args.explain}, out);
  } else {
    std::string compact;
    output::write_document_json(doc, {.tokens = args.tokens, .chunks = args.chunks}, compact);
    out = output_format == "json" ? output::pretty_json(compact) : std::move(compact);
    out.push_back('\n');
  }
  write_stdout(out);
  return kExitOk;
}

// One work item of the JSONL pipeline.
struct Batch {
  std::vector<std::string> lines;
  std::vector<uint64_t> line_numbers;
  size_t count = 0;  // valid entries in lines/line_numbers
  std::string output;
  std::string diagnostics;  // stderr text, written in order with the output
  uint64_t failed = 0;
};

// How records of a multi-record input are written: one JSON object per line
// (jsonl), the objects of a JSON array (json), or report sections (report).
// Shared by the JSONL, WARC and feed readers so all three look the same.
struct RecordOutput {
  RecordOutput(const AnalyzeArgs& args, const std::string& output_format)
      : report(output_format == "report"),
        array(output_format == "json"),
        color(report && isatty(STDOUT_FILENO) == 1),
        explain(args.explain),
        tokens(args.tokens),
        chunks(args.chunks) {}

  // Before record `index` of a batch: the array separator.
  void separate(size_t index, std::string& out) const {
    if (array && index > 0) out.append(",\n");
  }
  void document(const Document& doc, std::string& out) const {
    if (report) {
      output::write_report(doc, {.color = color, .explain = explain}, out);
      out.append("\n");
    } else {
      output::write_document_json(doc, {.tokens = tokens, .chunks = chunks}, out);
      if (!array) out.push_back('\n');
    }
  }
  // A record that failed: {"id", "error": json_reason} in JSON, "error: report_line" in the
  // report.
  void error(std::string_view id, const std::string& report_line, const std::string& json_reason,
             std::string& out) const {
    if (report) {
      out += "error: " + report_line + "\n";
    } else {
      output::write_error_json(id, json_reason, out);
      if (!array) out.push_back('\n');
    }
  }

  const bool report, array, color, explain, tokens, chunks;
};

int analyze_jsonl(const AnalyzeArgs& args, const std::string& output_format) {
  LineReader reader;
  std::string error;
  if (!reader.open(args.input, error)) {
    std::fprintf(stderr, "claimtrace: %s\n", error.c_str());
    return kExitSomeFailed;
  }
  const AnalyzeSetup setup(args);
  if (!setup.ok()) return setup.exit_code;
  const Analyzer& analyzer = *setup.analyzer;
  const RecordOutput emit(args, output_format);
  const bool array = emit.array;
  const std::string input_name = args.input == "-" ? "<stdin>" : args.input;
  const size_t threads = worker_threads(args);
  uint64_t failed = 0, records = 0;
  bool first_output = true;

  if (array) write_stdout("[");
  run_ordered<Batch>(
      threads,
      [&](Batch& b) {
        b.count = 0;
        if (b.lines.size() < args.batch_size) {
          b.lines.resize(args.batch_size);
          b.line_numbers.resize(args.batch_size);
        }
        while (b.count < args.batch_size && reader.next(b.lines[b.count])) {
          // Blank lines are not records (a trailing newline is common).
          if (b.lines[b.count].find_first_not_of(" \t") == std::string::npos) continue;
          b.line_numbers[b.count] = reader.line_number();
          ++b.count;
        }
        return b.count > 0;
      },
      [&](Batch& b) {
        thread_local JsonlParser parser;
        thread_local Document doc;
        InputRecord rec;
        std::string err;
        b.output.clear();
        b.diagnostics.clear();
        b.failed = 0;
        for (size_t i = 0; i < b.count; ++i) {
          emit.separate(i, b.output);
          if (!parser.parse(b.lines[i], rec, err)) {
            std::string where = input_name + ":" + std::to_string(b.line_numbers[i]);
            b.diagnostics += "claimtrace: " + where + ": " + err + "\n";
            emit.error(rec.id, where + ": " + err,
                       "line " + std::to_string(b.line_numbers[i]) + ": " + err, b.output);
            ++b.failed;
          } else {
            to_document(std::move(rec), doc);
            analyzer.analyze(doc);
            emit.document(doc, b.output);
          }
        }
      },
      [&](Batch& b) {
        if (array && !first_output && b.count > 0) write_stdout(",\n");
        first_output = false;
        write_stdout(b.output);
        if (!b.diagnostics.empty()) std::fputs(b.diagnostics.c_str(), stderr);
        failed += b.failed;
        records += b.count;
      });
  if (array) write_stdout("]\n");
  std::fflush(stdout);
  if (!reader.error().empty()) {
    std::fprintf(stderr, "claimtrace: %s (after %llu records)\n", reader.error().c_str(),
                 static_cast<unsigned long long>(records));
    return kExitSomeFailed;
  }
  return failed > 0 ? kExitSomeFailed : kExitOk;
}

// One work item of the WARC pipeline: HTML pages taken from response records.
struct WarcBatch {
  struct Page {
    std::string id, url, charset, body;
    std::string fetched;  // the day of WARC-Date
  };
  std::vector<Page> pages;
  std::string output;
  std::string diagnostics;
  uint64_t failed = 0;
};

int analyze_warc(const AnalyzeArgs& args, const std::string& output_format) {
  WarcReader reader;
  reader.set_threads(static_cast<unsigned>(args.threads));  // 0: all cores
  std::string error;
  if (!reader.open(args.input, error)) {
    std::fprintf(stderr, "claimtrace: %s\n", error.c_str());
    return kExitSomeFailed;
  }
  const AnalyzeSetup setup(args);
  if (!setup.ok()) return setup.exit_code;
  const Analyzer& analyzer = *setup.analyzer;
  const RecordOutput emit(args, output_format);
  const bool array = emit.array;
  const std::string input_name = args.input == "-" ? "<stdin>" : args.input;
  const size_t threads = worker_threads(args);
  uint64_t failed = 0, pages = 0, not_response = 0, not_ok = 0, not_html = 0, bad_http = 0;
  bool first_output = true;
  WarcRecord rec;
  HttpResponse http;

  if (array) write_stdout("[");
  run_ordered<WarcBatch>(
      threads,
      [&](WarcBatch& b) {
        b.pages.clear();
        while (b.pages.size() < args.batch_size && reader.next(rec)) {
          if (rec.type != "response") {
            ++not_response;
            continue;
          }
          std::string err;
          if (!parse_http_response(rec.block, http, err)) {
            ++bad_http;
            continue;
          }
          if (http.status != 200) {
            ++not_ok;
            continue;
          }
          if (http.content_type != "text/html" && http.content_type != "application/xhtml+xml") {
            ++not_html;
            continue;
          }
          b.pages.push_back({rec.record_id.empty() ? rec.target_uri : rec.record_id, rec.target_uri,
                             http.charset, std::move(http.body), html::parse_date(rec.date)});
        }
        return !b.pages.empty();
      },
      [&](WarcBatch& b) {
        thread_local Document doc;
        b.output.clear();
        b.diagnostics.clear();
        b.failed = 0;
        for (size_t i = 0; i < b.pages.size(); ++i) {
          WarcBatch::Page& page = b.pages[i];
          emit.separate(i, b.output);
          html::Article article;
          std::string err;
          bool ok = html::extract_article(
              page.body, {.url = page.url, .charset = page.charset, .fetched = page.fetched},
              article, err);
          if (ok && article.text.empty()) {
            ok = false;
            err = "no article text found in the page";
          }
          if (!ok) {
            b.diagnostics += "claimtrace: " + input_name + ": " + page.url + ": " + err + "\n";
            emit.error(page.id, page.url + ": " + err, page.url + ": " + err, b.output);
            ++b.failed;
          } else {
            InputRecord in;
            in.id = page.id;
            in.text = std::move(article.text);
            in.title = std::move(article.title);
            in.url = page.url.empty() ? std::move(article.url) : page.url;
            in.outlet = std::move(article.outlet);
            in.published = std::move(article.published);
            to_document(std::move(in), doc);
            analyzer.analyze(doc);
            emit.document(doc, b.output);
          }
        }
      },
      [&](WarcBatch& b) {
        if (array && !first_output && !b.pages.empty()) write_stdout(",\n");
        first_output = false;
        write_stdout(b.output);
        if (!b.diagnostics.empty()) std::fputs(b.diagnostics.c_str(), stderr);
        failed += b.failed;
        pages += b.pages.size();
      });
  if (array) write_stdout("]\n");
  std::fflush(stdout);
  std::fprintf(stderr,
               "claimtrace: %s: %llu records, %llu HTML pages (%llu without article text); "
               "skipped: %llu not responses, %llu not HTTP 200, %llu not HTML, %llu bad HTTP\n",
               input_name.c_str(), static_cast<unsigned long long>(reader.records()),
               static_cast<unsigned long long>(pages), static_cast<unsigned long long>(failed),
               static_cast<unsigned long long>(not_response),
               static_cast<unsigned long long>(not_ok), static_cast<unsigned long long>(not_html),
               static_cast<unsigned long long>(bad_http));
  if (!reader.error().empty()) {
    std::fprintf(stderr, "claimtrace: %s\n", reader.error().c_str());
    return kExitSomeFailed;
  }
  return kExitOk;
}

// An RSS or Atom feed: every item with a body is one article.
int analyze_feed(const AnalyzeArgs& args, const std::string& output_format) {
  std::string bytes, error;
  if (!read_whole_file(args.input, bytes, error)) {
    std::fprintf(stderr, "claimtrace: %s\n", error.c_str());
    return kExitSomeFailed;
  }
  const std::string input_name = args.input == "-" ? "<stdin>" : args.input;
  Feed feed;
  if (!parse_feed(bytes, feed, error)) {
    std::fprintf(stderr, "claimtrace: %s: %s\n", input_name.c_str(), error.c_str());
    return kExitSomeFailed;
  }
  const AnalyzeSetup setup(args);
  if (!setup.ok()) return setup.exit_code;
  const Analyzer& analyzer = *setup.analyzer;
  const RecordOutput emit(args, output_format);
  uint64_t failed = 0;
  Document doc;
  std::string out;
  if (emit.array) out += "[";
  for (size_t i = 0; i < feed.items.size(); ++i) {
    FeedItem& item = feed.items[i];
    emit.separate(i, out);
    InputRecord rec;
    rec.text = feed_item_text(item);
    if (rec.text.empty()) {
      std::string where = item.link.empty() ? "item " + std::to_string(i + 1) : item.link;
      std::fprintf(stderr, "claimtrace: %s: %s: item without text\n", input_name.c_str(),
                   where.c_str());
      emit.error(item.id, where + ": item without text", where + ": item without text", out);
      ++failed;
    } else {
      rec.id = std::move(item.id);
      rec.title = std::move(item.title);
      rec.url = std::move(item.link);
      rec.published = std::move(item.published);
      rec.outlet = args.outlet.empty() ? feed.title : args.outlet;
      to_document(std::move(rec), doc);
      analyzer.analyze(doc);
      emit.document(doc, out);
    }
    write_stdout(out);
    out.clear();
  }
  if (emit.array) write_stdout("]\n");
  std::fflush(stdout);
  return failed > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace

namespace {

// Analyses one input (a file or stdin) in its own or the given format.
int analyze_input(const AnalyzeArgs& args, const std::string& output_format) {
  std::string input_format = args.input_format;
  if (input_format.empty())
    input_format = args.input == "-" ? "text" : guess_input_format(args.input);
  if (input_format == "jsonl") return analyze_jsonl(args, output_format);
  if (input_format == "warc") return analyze_warc(args, output_format);
  if (input_format == "rss") return analyze_feed(args, output_format);
  return analyze_text(args, input_format, output_format);
}

}  // namespace

int run_analyze(const AnalyzeArgs& args) {
  if (!args.published.empty() && normalize_published(args.published) != args.published) {
    std::fprintf(stderr, "claimtrace: --published must be YYYY-MM-DD, got \"%s\"\n",
                 args.published.c_str());
    return kExitUsage;
  }
  // A quoted pattern ('dir/**/*.html') is expanded as for ingest; each
  // matching file is analysed in its own format, outputs one after another.
  std::error_code ec;
  const bool pattern = args.input != "-" && args.input.find_first_of("*?[") != std::string::npos &&
                       !std::filesystem::exists(args.input, ec);
  std::string input_format = args.input_format;
  if (input_format.empty())
    input_format = args.input == "-" ? "text" : guess_input_format(args.input);
  std::string output_format = args.output_format;
  if (pattern && output_format == "json") {
    std::fprintf(stderr,
                 "claimtrace: a pattern gives several inputs: use --output-format jsonl or "
                 "report\n");
    return kExitUsage;
  }
  if (output_format.empty()) {
    if (isatty(STDOUT_FILENO) == 1)
      output_format = "report";
    else
      output_format =
          pattern || input_format == "jsonl" || input_format == "warc" || input_format == "rss"
              ? "jsonl"
              : "json";
  }
  static char stdout_buffer[1 << 16];
  std::setvbuf(stdout, stdout_buffer, _IOFBF, sizeof stdout_buffer);
  if (!pattern) return analyze_input(args, output_format);

  std::vector<InputFile> files = expand_inputs({args.input}, args.input_format);
  if (files.size() == 1 && files[0].path == args.input) {
    std::fprintf(stderr, "claimtrace: %s: no file matches the pattern\n", args.input.c_str());
    return kExitSomeFailed;
  }
  int exit_code = kExitOk;
  for (const InputFile& f : files) {
    AnalyzeArgs one = args;
    one.input = f.path;
    const int code = analyze_input(one, output_format);
    std::fflush(stdout);
    if (code == kExitUsage) return code;  // the same for every file
    if (code != kExitOk) exit_code = code;
  }
  return exit_code;
}

}  // namespace claimtrace::cli
