// Golden tests: fixture articles we wrote (tests/golden/articles/*.txt) are
// analysed and their JSON compared with the reviewed expectation next to
// them (*.expected.json). After an intended change, regenerate with
//   CLAIMTRACE_UPDATE_GOLDEN=1 ctest -R golden
// and review the diff before committing.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ingest/text_reader.h"
#include "output/json_output.h"
#include "pipeline/analyzer.h"

namespace claimtrace {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(Golden, FixtureArticlesMatchExpectedJson) {
  fs::path dir = fs::path(CLAIMTRACE_TEST_DATA) / "golden" / "articles";
  bool update = std::getenv("CLAIMTRACE_UPDATE_GOLDEN") != nullptr;
  std::string error;
  auto lex = lexicon::Lexicon::open(CLAIMTRACE_LEXICON_IMAGE, error);
  ASSERT_TRUE(lex) << error;
  Analyzer analyzer(lex.get());
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    SCOPED_TRACE(entry.path().filename().string());
    InputRecord rec;
    std::string err;
    ASSERT_TRUE(read_text_article(entry.path().string(), true, rec, err)) << err;
    rec.id = entry.path().stem().string();
    rec.published = "2026-11-24";
    Document doc;
    to_document(std::move(rec), doc);
    analyzer.analyze(doc);
    std::string compact;
    output::write_document_json(doc, {}, compact);
    std::string got = output::pretty_json(compact) + "\n";
    fs::path expected_path = entry.path();
    expected_path.replace_extension(".expected.json");
    if (update) {
      std::ofstream(expected_path, std::ios::binary) << got;
    } else {
      ASSERT_TRUE(fs::exists(expected_path)) << "missing " << expected_path;
      EXPECT_EQ(got, read_file(expected_path));
    }
    // Whatever the expectation says, every span must slice the input exactly.
    for (const Sentence& s : doc.sentences) ASSERT_LE(s.span.end, doc.text.size());
    ++checked;
  }
  EXPECT_GE(checked, 3);
}

}  // namespace
}  // namespace claimtrace
