// `claimtrace lexicon lookup PHRASE` and `claimtrace lexicon stats`.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

#include "cli/args.h"
#include "core/document.h"
#include "dict/tabari.h"
#include "lexicon/lexicon.h"
#include "lexicon/user_lexicon.h"
#include "segment/tokenizer.h"

namespace claimtrace::cli {

namespace {

std::string_view kind_name(lexicon::LexKind k) {
  switch (k) {
    case lexicon::LexKind::kPlace:
      return "place";
    case lexicon::LexKind::kCountry:
      return "country";
    case lexicon::LexKind::kRegion:
      return "region";
    case lexicon::LexKind::kOrg:
      return "organisation";
    case lexicon::LexKind::kPerson:
      return "person";
    case lexicon::LexKind::kDemonym:
      return "demonym";
    case lexicon::LexKind::kKeyword:
      return "keyword";
  }
  return "?";
}

std::string_view keyword_class(uint8_t t) {
  switch (static_cast<lexicon::KeywordClass>(t)) {
    case lexicon::KeywordClass::kPersonTitle:
      return "person_title";
    case lexicon::KeywordClass::kOrgHead:
      return "org_head";
    case lexicon::KeywordClass::kOrgStart:
      return "org_start";
    case lexicon::KeywordClass::kMediaNoun:
      return "media_noun";
    case lexicon::KeywordClass::kPlaceQualifier:
      return "place_qualifier";
    case lexicon::KeywordClass::kCommonWord:
      return "common_word";
    case lexicon::KeywordClass::kMediaHead:
      return "media_head";
    case lexicon::KeywordClass::kTitleModifier:
      return "title_modifier";
    case lexicon::KeywordClass::kEventHead:
      return "event_head";
    case lexicon::KeywordClass::kGivenName:
      return "given_name";
    case lexicon::KeywordClass::kFamilyName:
      return "family_name";
  }
  return "?";
}

// Peak resident set size of this process in KiB (Linux).
long peak_rss_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  return -1;
}

}  // namespace

std::unique_ptr<lexicon::Lexicon> open_lexicon(const std::string& image,
                                               const std::vector<std::string>& user_lexicons) {
  std::string path = image.empty() ? lexicon::Lexicon::default_path() : image;
  std::string error;
  auto lex = lexicon::Lexicon::open(path, error);
  if (!lex) {
    std::fprintf(stderr,
                 "claimtrace: %s\n(build it with `cmake --build --preset release`, or pass "
                 "--lexicon-image / set CLAIMTRACE_LEXICON)\n",
                 error.c_str());
    return lex;
  }
  if (!user_lexicons.empty()) {
    std::vector<std::string> errors;
    auto user = lexicon::build_user_lexicon(user_lexicons, *lex, errors);
    for (const auto& e : errors) std::fprintf(stderr, "claimtrace: %s\n", e.c_str());
    if (user) lex->set_overlay(std::move(user));
  }
  return lex;
}

CLI::App* add_lexicon_command(CLI::App& app, LexiconArgs& a) {
  CLI::App* cmd = app.add_subcommand("lexicon", "Inspect the compiled lexicon");
  cmd->require_subcommand(1);
  cmd->add_option("--lexicon-image", a.lexicon_image, "Compiled lexicon (default as for analyze)");
  CLI::App* lookup = cmd->add_subcommand(
      "lookup", "Show every entry a phrase (or any phrase starting it) matches, and why");
  lookup->add_option("phrase", a.phrase, "Text to look up, e.g. \"Jisr al-Shughur\"")->required();
  lookup->callback([&a] { a.verb = "lookup"; });
  CLI::App* stats = cmd->add_subcommand("stats", "Sizes, counts and load time of the lexicon");
  stats->callback([&a] { a.verb = "stats"; });
  CLI::App* import = cmd->add_subcommand(
      "import",
      "Compile TABARI or PETRARCH dictionaries once into a file that analyze --dictionaries FILE "
      "loads fast");
  import->add_option("kind", a.import_kind, "tabari or petrarch")
      ->required()
      ->check(CLI::IsMember({"tabari", "petrarch"}));
  import
      ->add_option("path", a.import_path,
                   "tabari: the .project file; petrarch: a folder of dictionaries or a "
                   "PETR_config.ini")
      ->required();
  import->add_option("-o,--output", a.output, "Compiled file to write")->required();
  import->callback([&a] { a.verb = "import";
});
return cmd;
}  // namespace claimtrace::cli

namespace {

// `lexicon import`: every problem is reported as file:line; the file is
// written unless nothing could be read.
int run_import(const LexiconArgs& a) {
  dict::Dictionaries d;
  const bool ok =
      a.import_kind == "tabari" ? d.load_project(a.import_path) : d.load_petrarch(a.import_path);
  for (const dict::Diagnostic& e : d.diagnostics())
    std::fprintf(stderr, "claimtrace: %s\n", e.str().c_str());
  for (const std::string& note : d.notes()) std::fprintf(stderr, "claimtrace: %s\n", note.c_str());
  if (!ok) return kExitSomeFailed;
  std::string err;
  if (!d.save_compiled(a.output, err)) {
    std::fprintf(stderr, "claimtrace: %s\n", err.c_str());
    return kExitSomeFailed;
  }
  std::printf("%s: %zu verbs, %zu actors and agents, %zu problems reported\n", a.output.c_str(),
              d.verbs().size(), d.actors().size(), d.diagnostics().size());
  return kExitOk;
}

}  // namespace

int run_lexicon(const LexiconArgs& a) {
  if (a.verb == "import") return run_import(a);
  std::string path = a.lexicon_image.empty() ? lexicon::Lexicon::default_path() : a.lexicon_image;
  std::string error;
  auto t0 = std::chrono::steady_clock::now();
  auto lex = lexicon::Lexicon::open(path, error);
  auto t1 = std::chrono::steady_clock::now();
  if (!lex) {
    std::fprintf(stderr, "claimtrace: %s\n", error.c_str());
    return kExitSomeFailed;
  }
  if (a.verb == "stats") {
    const auto& h = lex->header();
    std::size_t counts[8] = {};
    for (uint64_t i = 0; i < h.n_entries; ++i)
      ++counts[lex->entry(static_cast<uint32_t>(i)).kind & 7];
    std::printf("image:          %s (%zu bytes)\n", path.c_str(), lex->mapped_bytes());
    std::printf("open time:      %.3f ms\n",
                std::chrono::duration<double, std::milli>(t1 - t0).count());
    std::printf("entries:        %llu\n", static_cast<unsigned long long>(h.n_entries));
    for (int k = 1; k <= 7; ++k)
      std::printf("  %-13s %zu\n", std::string(kind_name(static_cast<lexicon::LexKind>(k))).c_str(),
                  counts[k]);
    std::printf("phrase buckets: %llu (payload %llu)\n",
                static_cast<unsigned long long>(h.n_buckets),
                static_cast<unsigned long long>(h.n_payload));
    std::printf("max phrase:     %u tokens\n", h.max_phrase_tokens);
    std::printf("peak RSS:       %ld KiB\n", peak_rss_kib());
    return kExitOk;
  }
  Document doc;
  doc.text = a.phrase;
  segment::tokenize(doc);
  bool any = false;
  for (uint32_t start = 0; start < doc.tokens.size(); ++start) {
    for (const auto& m : lex->all(doc, start, static_cast<uint32_t>(doc.tokens.size()))) {
      std::string phrase(doc.text.substr(
          doc.tokens[m.begin_token].span.begin,
          doc.tokens[m.end_token - 1].span.end - doc.tokens[m.begin_token].span.begin));
      std::printf("\"%s\" (%zu readings)\n", phrase.c_str(), m.entries.size());
      for (uint32_t v : m.entries) {
        const auto& e = lex->entry(v);
        auto kind = static_cast<lexicon::LexKind>(e.kind);
        std::printf("  %-12s %s", std::string(kind_name(kind)).c_str(), lex->str(e.name).data());
        if (kind == lexicon::LexKind::kKeyword)
          std::printf("  class=%s", std::string(keyword_class(e.type)).c_str());
        else
          std::printf("  type=%s", std::string(to_string(static_cast<EntityType>(e.type))).c_str());
        if (e.country[0]) std::printf("  country=%.2s", e.country);
        if (e.geonameid) std::printf("  geonameid=%u", e.geonameid);
        if (e.feature[0]) std::printf("  feature=%.6s", e.feature);
        if (e.population) std::printf("  population=%u", e.population);
        if (e.lat != 0 || e.lon != 0) std::printf("  lat=%.4f lon=%.4f", e.lat, e.lon);
        if (*lex->str(e.admin1).data()) std::printf("  admin1=%s", lex->str(e.admin1).data());
        if (*lex->str(e.actor).data()) std::printf("  actor=%s", lex->str(e.actor).data());
        if (*lex->str(e.role).data()) std::printf("  role=\"%s\"", lex->str(e.role).data());
        std::printf("  via=%s%s%s\n", lexicon::payload_is_alias(v) ? "alias" : "name",
                    (e.flags & lexicon::kLexCommonWord) ? " common-word" : "",
                    (e.flags & lexicon::kLexNation) ? " nation" : "");
      }
      any = true;
    }
  }
  if (!any) std::printf("no entry matches \"%s\"\n", a.phrase.c_str());
  return kExitOk;
}

}  // namespace claimtrace::cli
