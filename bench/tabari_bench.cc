// TABARI/PETRARCH coder throughput and dictionary start-up, single-threaded.
//
//   tabari_bench [--project X.project] [--text Validate.text] [--rounds N]
//                [--petrarch DIR] [--image FILE]
//
// Codes every record of a TABARI validation text (header line "DATE ID",
// then the text up to its "/*" comment) N times with the project's
// dictionaries, as `claimtrace analyze --dictionaries tabari:` does per
// sentence (split_words + code_sentence), and prints records/s. Then loads
// the PETRARCH folder (default: the Phoenix dictionaries) from text and, with
// --image, from a compiled `lexicon import` file, and prints the load times.
// Defaults point at ../shared/data/events (evaluation data, read only).
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "dict/tabari.h"

namespace {

using Clock = std::chrono::steady_clock;
using claimtrace::dict::Dictionaries;

struct Record {
  std::string text;
  int date = 0;
};

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// Records of a TABARI .text file: "YYMMDD ID" header, text lines, then a
// "/* ... */" comment or a blank line. '#' lines are comments.
std::vector<Record> read_records(const std::string& path) {
  std::ifstream in(path);
  std::vector<Record> out;
  std::string line;
  bool in_text = false, in_comment = false;
  while (std::getline(in, line)) {
    if (in_comment) {
      in_comment = line.find("*/") == std::string::npos;
      continue;
    }
    const size_t sp = line.find_first_of(" \t");
    if (!in_text && sp != std::string::npos && all_digits(line.substr(0, sp)) &&
        (sp == 6 || sp == 8)) {
      Record r;
      const std::string d = line.substr(0, sp);
      r.date = sp == 8 ? std::stoi(d)
                       : (std::stoi(d.substr(0, 2)) <= 30 ? 20000000 : 19000000) + std::stoi(d);
      out.push_back(std::move(r));
      in_text = true;
      continue;
    }
    if (!in_text) continue;
    const size_t c = line.find("/*");
    if (c != std::string::npos) {
      out.back().text += line.substr(0, c);
      in_text = false;
      in_comment = line.find("*/", c) == std::string::npos;
      continue;
    }
    if (line.find_first_not_of(" \t\r") == std::string::npos) {
      in_text = false;
      continue;
    }
    if (line[0] != '#') out.back().text += line + " ";
  }
  std::erase_if(out, [](const Record& r) { return r.text.empty(); });
  return out;
}

// CPU time of this process: other processes on a shared machine slow the
// wall clock down, not this.
double cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

struct Timer {
  Clock::time_point wall = Clock::now();
  double cpu = cpu_ms();
  double wall_ms() const {
    return std::chrono::duration<double, std::milli>(Clock::now() - wall).count();
  }
  double cpu_elapsed() const { return cpu_ms() - cpu; }
};

}  // namespace

int main(int argc, char** argv) {
  std::string base = "../shared/data/events/";
  std::string project = base + "tabari/Validate.project", text = base + "tabari/Validate.text";
  std::string petrarch = base + "petrarch-dictionaries", image;
  int rounds = 200;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--project")
      project = argv[i + 1];
    else if (a == "--text")
      text = argv[i + 1];
    else if (a == "--rounds")
      rounds = std::atoi(argv[i + 1]);
    else if (a == "--petrarch")
      petrarch = argv[i + 1];
    else if (a == "--image")
      image = argv[i + 1];
    else {
      std::fprintf(stderr, "tabari_bench: unknown option %s\n", a.c_str());
      return 2;
    }
  }
  Dictionaries dict;
  Timer t0;
  if (!dict.load_project(project)) {
    std::fprintf(stderr, "tabari_bench: cannot load %s\n", project.c_str());
    return 1;
  }
  std::printf("tabari project load: %.1f ms wall, %.1f ms CPU (%zu verbs, %zu actors)\n",
              t0.wall_ms(), t0.cpu_elapsed(), dict.verbs().size(), dict.actors().size());
  const std::vector<Record> records = read_records(text);
  if (records.empty()) {
    std::fprintf(stderr, "tabari_bench: no records in %s\n", text.c_str());
    return 1;
  }
  size_t events = 0;
  std::vector<std::string_view> words;
  t0 = Timer();
  for (int r = 0; r < rounds; ++r)
    for (const Record& rec : records) {
      const auto ranges = claimtrace::dict::split_words(rec.text);
      words.clear();
      for (const auto& [b, e] : ranges)
        words.push_back(std::string_view(rec.text).substr(b, e - b));
      events += claimtrace::dict::code_sentence(dict, words, rec.date).size();
    }
  const double n = static_cast<double>(records.size()) * rounds;
  std::printf(
      "tabari coding: %zu records x %d rounds, single-threaded: %.0f records/s wall, %.0f "
      "records/s CPU (%.2f events/record)\n",
      records.size(), rounds, n / (t0.wall_ms() / 1000), n / (t0.cpu_elapsed() / 1000),
      static_cast<double>(events) / n);

  Dictionaries phoenix;
  t0 = Timer();
  const bool ok = phoenix.load_petrarch(petrarch);
  std::printf("petrarch load from text (%s): %.1f ms wall, %.1f ms CPU%s (%zu verbs, %zu actors)\n",
              petrarch.c_str(), t0.wall_ms(), t0.cpu_elapsed(), ok ? "" : " FAILED",
              phoenix.verbs().size(), phoenix.actors().size());
  if (!image.empty()) {
    Dictionaries compiled;
    t0 = Timer();
    std::string err;
    const bool iok = compiled.load_compiled(image, err);
    std::printf("load from compiled file (%s): %.1f ms wall, %.1f ms CPU%s\n", image.c_str(),
                t0.wall_ms(), t0.cpu_elapsed(), iok ? "" : (" FAILED: " + err).c_str());
  }
  return 0;
}
