#include "segment/abbreviations.h"

#include <algorithm>
#include <array>

namespace claimtrace::segment {

namespace {

// Sorted at compile time by the checks in lookup(); keep each list sorted.
constexpr std::array<std::string_view, 66> kTitles = {
    "adm",   "amb",  "ald",  "atty",   "brig",   "capt",    "cdr",  "cmdr", "col",  "comdr",
    "cpl",   "det",  "dr",   "drs",    "fr",     "gen",     "gov",  "hon",  "insp", "judg",
    "lieut", "lt",   "maj",  "messrs", "mlle",   "mme",     "mr",   "mrs",  "ms",   "msgr",
    "mssrs", "mx",   "pfc",  "pres",   "prof",   "pvt",     "rep",  "reps", "rev",  "revd",
    "rt",    "sen",  "sens", "sgt",    "sr",     "sra",     "srta", "st",   "supt", "surg",
    "treas", "vs",   "gens", "lt.col", "lt.gen", "maj.gen", "mt",   "ft",   "jr",   "esq",
    "sec",   "secy", "cmdt", "sup",    "ofc",    "sgts"};

constexpr std::array<std::string_view, 84> kAmbiguous = {
    "a.d",     "a.m",  "aug",  "ave",  "b.c",  "bldg", "blvd", "bros",   "c.e",  "ca",   "cal",
    "calif",   "cf",   "co",   "colo", "conn", "corp", "d.c",  "dec",    "dept", "e.g",  "e.u",
    "est",     "etc",  "feb",  "fla",  "ga",   "i.e",  "ill",  "inc",    "ind",  "jan",  "jul",
    "jun",     "kan",  "ky",   "la",   "ltd",  "mass", "md",   "mich",   "minn", "miss", "mo",
    "mont",    "n.y",  "neb",  "nev",  "nov",  "oct",  "okla", "ore",    "p.m",  "pa",   "penn",
    "ph.d",    "plc",  "rd",   "sep",  "sept", "tenn", "tex",  "u.k",    "u.n",  "u.s",  "u.s.a",
    "u.s.s.r", "univ", "va",   "vt",   "wash", "wis",  "wyo",  "approx", "assn", "dist", "div",
    "gov't",   "intl", "natl", "no.s", "n.j",  "s.a",  "r.i"};

constexpr std::array<std::string_view, 12> kBeforeNumber = {
    "art", "arts", "ch", "fig", "figs", "no", "nos", "nr", "p", "pp", "vol", "vols"};

constexpr std::array<std::string_view, 60> kStarters = {
    "a",      "after", "all",   "also",      "an",      "and",    "as",    "at",   "because",
    "before", "both",  "but",   "by",        "despite", "during", "each",  "for",  "from",
    "he",     "her",   "here",  "his",       "however", "i",      "if",    "in",   "it",
    "its",    "last",  "many",  "meanwhile", "more",    "most",   "mr",    "ms",   "no",
    "now",    "on",    "one",   "other",     "our",     "she",    "since", "so",   "some",
    "such",   "that",  "the",   "their",     "there",   "these",  "they",  "this", "those",
    "though", "to",    "under", "we",        "when",    "while"};

template <size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

}  // namespace

AbbrevKind abbreviation_kind(std::string_view w) {
  if (w.empty() || w.size() > 8) return AbbrevKind::kNone;
  if (contains(kTitles, w)) return AbbrevKind::kTitle;
  if (contains(kAmbiguous, w)) return AbbrevKind::kAmbiguous;
  if (contains(kBeforeNumber, w)) return AbbrevKind::kBeforeNumber;
  return AbbrevKind::kNone;
}

bool is_common_sentence_starter(std::string_view w) {
  return contains(kStarters, w);
}

}  // namespace claimtrace::segment
