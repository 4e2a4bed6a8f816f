#pragma once
// Transliteration folding for names: a second, looser key under which the
// lexicon also stores every name, so that spelling variants of transliterated
// names meet: "Jisr al-Shughur" / "Jisr ash Shughūr" / "Jisr Al-Shughour",
// "Hay’at" / "Hayat". Folding a normalized token: Latin diacritics removed,
// apostrophes and hyphens dropped, Arabic articles (al-, ash-, el-, ...)
// removed, "ou"/"oo" -> "u", "ee" -> "i", doubled letters collapsed.
// A token that is only an article folds to "" and is skipped.
#include <string>
#include <string_view>

namespace claimtrace::lexicon {

std::string fold_token(std::string_view norm);

}  // namespace claimtrace::lexicon
