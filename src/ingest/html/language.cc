#include "ingest/html/language.h"

#include <cld2/public/compact_lang_det.h>

#include <algorithm>

namespace claimtrace::html {

std::string detect_language(std::string_view utf8_text) {
  // A few thousand bytes decide the language of an article; more only costs.
  constexpr size_t kSample = 16 * 1024;
  std::string_view sample = utf8_text.substr(0, std::min(kSample, utf8_text.size()));
  // Do not cut a UTF-8 sequence in two.
  while (sample.size() < utf8_text.size() && !sample.empty() &&
         (static_cast<unsigned char>(utf8_text[sample.size()]) & 0xC0) == 0x80)
    sample.remove_suffix(1);
  bool reliable = false;
  int valid_prefix = 0;
  CLD2::Language lang = CLD2::DetectLanguageCheckUTF8(
      sample.data(), static_cast<int>(sample.size()), true, &reliable, &valid_prefix);
  if (!reliable || lang == CLD2::UNKNOWN_LANGUAGE) return "";
  std::string code = CLD2::LanguageCode(lang);
  // "zh-Hant" -> "zh": the tag's language part, like <html lang>.
  size_t dash = code.find('-');
  if (dash != std::string::npos) code.resize(dash);
  return code == "un" ? "" : code;
}

}  // namespace claimtrace::html
