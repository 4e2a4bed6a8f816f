#include "lexicon/fold.h"

#include "core/utf8.h"

namespace claimtrace::lexicon {

namespace {

// Base letter of a lower-case Latin letter with diacritics (Latin-1 and
// Latin Extended-A), or 0.
char base_letter(char32_t cp) {
  if (cp < 0x80) return static_cast<char>(cp);
  static constexpr struct {
    char32_t from, to;
    char base;
  } kRanges[] = {
      {0xE0, 0xE5, 'a'},     {0xE7, 0xE7, 'c'},     {0xE8, 0xEB, 'e'},     {0xEC, 0xEF, 'i'},
      {0xF1, 0xF1, 'n'},     {0xF2, 0xF6, 'o'},     {0xF8, 0xF8, 'o'},     {0xF9, 0xFC, 'u'},
      {0xFD, 0xFD, 'y'},     {0xFF, 0xFF, 'y'},     {0x101, 0x105, 'a'},   {0x107, 0x10D, 'c'},
      {0x10F, 0x111, 'd'},   {0x113, 0x11B, 'e'},   {0x11D, 0x123, 'g'},   {0x125, 0x127, 'h'},
      {0x129, 0x131, 'i'},   {0x135, 0x135, 'j'},   {0x137, 0x137, 'k'},   {0x13A, 0x142, 'l'},
      {0x144, 0x148, 'n'},   {0x14D, 0x151, 'o'},   {0x155, 0x159, 'r'},   {0x15B, 0x161, 's'},
      {0x163, 0x167, 't'},   {0x169, 0x173, 'u'},   {0x175, 0x175, 'w'},   {0x177, 0x177, 'y'},
      {0x17A, 0x17E, 'z'},   {0x1E0D, 0x1E0D, 'd'}, {0x1E25, 0x1E25, 'h'}, {0x1E63, 0x1E63, 's'},
      {0x1E6D, 0x1E6D, 't'}, {0x1E93, 0x1E93, 'z'}};
  for (const auto& r : kRanges)
    if (cp >= r.from && cp <= r.to) return r.base;
  return 0;
}

bool is_article(std::string_view s) {
  static constexpr std::string_view kArticles[] = {"al", "el", "ash", "esh", "ech", "as", "es",
                                                   "ad", "ed", "ar",  "er",  "at",  "et", "az",
                                                   "ez", "an", "en",  "ul",  "ush"};
  for (auto a : kArticles)
    if (s == a) return true;
  return false;
}

}  // namespace

std::string fold_token(std::string_view norm) {
  // Letters only, diacritics removed; hyphens split off a leading article.
  std::string letters;
  letters.reserve(norm.size());
  size_t first_hyphen = std::string::npos;
  for (size_t i = 0; i < norm.size();) {
    uint32_t len;
    char32_t cp = decode_utf8(norm, i, len);
    i += len;
    if (cp == '-' && first_hyphen == std::string::npos) first_hyphen = letters.size();
    char b = base_letter(cp);
    if ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')) letters.push_back(b);
  }
  if (first_hyphen != std::string::npos && is_article(letters.substr(0, first_hyphen)))
    letters.erase(0, first_hyphen);
  if (is_article(letters)) return {};
  std::string out;
  out.reserve(letters.size());
  for (size_t i = 0; i < letters.size(); ++i) {
    char c = letters[i];
    char next = i + 1 < letters.size() ? letters[i + 1] : '\0';
    if ((c == 'o' && (next == 'u' || next == 'o')) || (c == 'e' && next == 'e')) {
      out.push_back(c == 'e' ? 'i' : 'u');
      ++i;
      continue;
    }
    if (!out.empty() && out.back() == c) continue;  // doubled letters
    out.push_back(c);
  }
  return out;
}

}  // namespace claimtrace::lexicon
