// Tests for src/lexicon: the builder/loader round trip, phrase matching,
// transliteration folding, and rejection of bad images.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "lexicon/builder.h"
#include "lexicon/fold.h"
#include "lexicon/lexicon.h"
#include "lexicon/user_lexicon.h"
#include "segment/tokenizer.h"

namespace claimtrace::lexicon {
namespace {

namespace fs = std::filesystem;

// Temporary file names unique to this process: ctest runs test cases of one
// executable as parallel processes.
inline std::string unique(const std::string& name) {
  return std::to_string(getpid()) + "_" + name;
}

Document tokens_of(const std::string& text) {
  Document doc;
  doc.text = text;
  segment::tokenize(doc);
  return doc;
}

class SmallLexicon : public ::testing::Test {
 protected:
  void SetUp() override {
    LexiconBuilder b;
    auto place = [&](const char* name, uint32_t geonameid, uint32_t population) {
      EntrySpec e;
      e.name = name;
      e.kind = LexKind::kPlace;
      e.type = static_cast<uint8_t>(EntityType::kGpe);
      e.geonameid = geonameid;
      e.population = population;
      e.country = "XA";
      e.feature = "PPLA";
      return b.add_entry(e);
    };
    uint32_t id = place("Port Avel", 42, 120000);
    b.add_phrase("Port Avel", id, false);
    b.add_phrase("Avel", id, true);
    b.add_phrase("Avel", place("Avel", 43, 900), false);
    b.add_phrase("Wadi ash Shamsī", place("Wadi ash Shamsi", 44, 5000), false);
    path_ = (fs::temp_directory_path() / unique("claimtrace_test.lex")).string();
    std::string err;
    ASSERT_TRUE(b.write(path_, err)) << err;
    lex_ = Lexicon::open(path_, err);
    ASSERT_TRUE(lex_) << err;
  }
  std::string path_;
  std::unique_ptr<Lexicon> lex_;
};

TEST_F(SmallLexicon, LongestMatchAndReadingOrder) {
  Document doc = tokens_of("flights to PORT avel and Avel today");
  Match m;
  ASSERT_TRUE(lex_->longest(doc, 2, static_cast<uint32_t>(doc.tokens.size()), m));
  EXPECT_EQ(m.begin_token, 2u);
  EXPECT_EQ(m.end_token, 4u);  // case-insensitive on normalized forms
  ASSERT_EQ(m.entries.size(), 1u);
  EXPECT_EQ(lex_->entry(m.entries[0]).geonameid, 42u);
  ASSERT_TRUE(lex_->longest(doc, 5, static_cast<uint32_t>(doc.tokens.size()), m));
  ASSERT_EQ(m.entries.size(), 2u);
  // Canonical names come before aliases, whatever the population.
  EXPECT_EQ(lex_->entry(m.entries[0]).geonameid, 43u);
  EXPECT_FALSE(payload_is_alias(m.entries[0]));
  EXPECT_TRUE(payload_is_alias(m.entries[1]));
  EXPECT_FALSE(lex_->longest(doc, 0, static_cast<uint32_t>(doc.tokens.size()), m));
}

TEST_F(SmallLexicon, LimitStopsTheMatch) {
  Document doc = tokens_of("Port Avel");
  Match m;
  EXPECT_FALSE(lex_->longest(doc, 0, 1, m));  // "Port" alone is only a prefix
}

TEST_F(SmallLexicon, FoldedMatchingMeetsTransliterationVariants) {
  Document doc = tokens_of("near Wadi al-Shamsi on Monday");
  Match m;
  EXPECT_FALSE(lex_->longest(doc, 1, static_cast<uint32_t>(doc.tokens.size()), m));
  ASSERT_TRUE(lex_->longest_folded(doc, 1, static_cast<uint32_t>(doc.tokens.size()), m));
  EXPECT_EQ(m.end_token, 3u);
  EXPECT_EQ(lex_->entry(m.entries[0]).geonameid, 44u);
}

TEST(Fold, Variants) {
  EXPECT_EQ(fold_token("al-shughur"), fold_token("shughour"));
  EXPECT_EQ(fold_token("ash"), "");
  EXPECT_EQ(fold_token("hay'at"), fold_token("hayat"));
  EXPECT_EQ(fold_token("shughūr"), "shughur");
  EXPECT_EQ(fold_token("mohammed"), "mohamed");
  EXPECT_NE(fold_token("paris"), fold_token("parish"));
}

TEST(LexiconOpen, RejectsMissingTruncatedAndForeignFiles) {
  std::string err;
  EXPECT_FALSE(Lexicon::open("/nonexistent/x.lex", err));
  EXPECT_NE(err.find("cannot open"), std::string::npos);
  auto p = fs::temp_directory_path() / unique("claimtrace_bad.lex");
  std::ofstream(p, std::ios::binary) << std::string(200, 'x');
  EXPECT_FALSE(Lexicon::open(p.string(), err));
  EXPECT_NE(err.find("not a claimtrace lexicon"), std::string::npos);
  // A real image cut in half.
  auto real = Lexicon::open(CLAIMTRACE_LEXICON_IMAGE, err);
  ASSERT_TRUE(real) << err;
  auto half = fs::temp_directory_path() / unique("claimtrace_half.lex");
  fs::copy_file(CLAIMTRACE_LEXICON_IMAGE, half, fs::copy_options::overwrite_existing);
  fs::resize_file(half, real->mapped_bytes() / 2);
  EXPECT_FALSE(Lexicon::open(half.string(), err));
  EXPECT_NE(err.find("truncated or corrupt"), std::string::npos);
}

TEST(ShippedLexicon, KnowsCountriesCapitalsAndOutlets) {
  std::string err;
  auto lex = Lexicon::open(CLAIMTRACE_LEXICON_IMAGE, err);
  ASSERT_TRUE(lex) << err;
  auto first_kind = [&](const std::string& text) {
    Document doc = tokens_of(text);
    Match m;
    if (!lex->longest(doc, 0, static_cast<uint32_t>(doc.tokens.size()), m)) return 0;
    return static_cast<int>(lex->entry(m.entries[0]).kind);
  };
  EXPECT_EQ(first_kind("Syria"), static_cast<int>(LexKind::kCountry));
  EXPECT_EQ(first_kind("Damascus"), static_cast<int>(LexKind::kPlace));
  EXPECT_EQ(first_kind("RIA Novosti"), static_cast<int>(LexKind::kOrg));
  EXPECT_EQ(first_kind("Ukrainian"), static_cast<int>(LexKind::kDemonym));
  EXPECT_EQ(first_kind("Gaza Strip"), static_cast<int>(LexKind::kRegion));
}

TEST(UserLexicon, OverlayAddsEntriesAndReportsBadLines) {
  std::string err;
  auto lex = Lexicon::open(CLAIMTRACE_LEXICON_IMAGE, err);
  ASSERT_TRUE(lex) << err;
  auto path = fs::temp_directory_path() / unique("claimtrace_user.tsv");
  std::ofstream(path) << "# my actors\n"
                         "Ostberg Harbour Board\tORG\tXA\tXAGOV\tOHB|the Board\n"
                         "Paris\tPER\t-\t-\n"  // overrides the city on ties
                         "Nowhere\tGPE\n"      // a place without coordinates
                         "Bad\tSPACESHIP\n"
                         "Tarn Valley\tLOC\t-\t-\t-\t45.5\t999\n";
  std::vector<std::string> errors;
  auto user = build_user_lexicon({path.string()}, *lex, errors);
  ASSERT_TRUE(user);
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_NE(errors[0].find("claimtrace_user.tsv:4:"), std::string::npos) << errors[0];
  EXPECT_NE(errors[1].find(":5: unknown type"), std::string::npos) << errors[1];
  EXPECT_NE(errors[2].find(":6: latitude/longitude"), std::string::npos) << errors[2];
  const uint32_t base_entries = lex->next_entry_id();
  lex->set_overlay(std::move(user));

  Document doc = tokens_of("The OHB met in Paris");
  Match m;
  ASSERT_TRUE(lex->longest(doc, 1, 2, m));
  const LexEntry& board = lex->entry(m.entries[0]);
  EXPECT_EQ(lex->str(board.name), "Ostberg Harbour Board");
  EXPECT_EQ(lex->str(board.actor), "XAGOV");
  EXPECT_GE(payload_entry(m.entries[0]), base_entries);  // ids continue after the base image
  ASSERT_TRUE(lex->longest(doc, 4, 5, m));
  EXPECT_EQ(lex->entry(m.entries[0]).kind, static_cast<uint8_t>(LexKind::kPerson));
  // The shipped entries are still there.
  Document syria = tokens_of("Syria");
  ASSERT_TRUE(lex->longest(syria, 0, 1, m));
  EXPECT_EQ(lex->str(lex->entry(m.entries[0]).name), "Syria");
}

TEST(UserLexicon, MissingFileGivesNoOverlay) {
  std::string err;
  auto lex = Lexicon::open(CLAIMTRACE_LEXICON_IMAGE, err);
  ASSERT_TRUE(lex) << err;
  std::vector<std::string> errors;
  EXPECT_FALSE(build_user_lexicon({"/nonexistent/user.tsv"}, *lex, errors));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("cannot open"), std::string::npos);
}

}  // namespace
}  // namespace claimtrace::lexicon
