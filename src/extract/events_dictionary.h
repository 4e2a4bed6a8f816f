#pragma once
// The compiled event dictionary and CAMEO tables (data/event_verbs.tsv,
// data/cameo/*.tsv, compiled in by tools/gen_event_tables.py). Immutable,
// built once on first use; safe to share between threads.
#include <cstdint>
#include <span>
#include <string_view>

namespace claimtrace::extract::events {

// How a verb changes the code of the act in its "to VERB" complement
// (data/cameo/modality.tsv).
enum class Control : uint8_t { kNone, kIntent, kThreat, kReject, kDemand, kAppeal };

// One dictionary entry (one line of data/event_verbs.tsv).
struct Entry {
  std::string_view id;         // "fight.attack"
  bool noun;                   // a nominal event ("the attack on")
  std::string_view head;       // lemma (verbs) or first word (nouns)
  std::string_view particles;  // words that must follow, space-separated ("" = none)
  std::string_view code;       // CAMEO event code
  std::string_view target;     // "obj", prepositions, alternatives with '|', "from>src", "-"
  std::string_view requires_;  // comma-separated words (object-slot constraint), "" = none
  std::string_view excludes;   // comma-separated words ('<' = before the phrase), "" = none
  Control control;
};

// Which inflection a surface form is (bit flags; see tools/gen_event_tables.py).
enum FormFlag : uint8_t {
  kFormBase = 1,
  kFormThird = 2,
  kFormPast = 4,
  kFormParticiple = 8,
  kFormIng = 16,
  kFormNoun = 32,
};

struct FormHit {
  uint16_t entry;  // index into entries()
  uint8_t flags;   // FormFlag bits
};

struct CodeInfo {
  std::string_view code;
  uint8_t level;      // 1 root, 2 three digits, 3 four digits
  uint8_t quadclass;  // 1..4
  float goldstein;
  std::string_view name;
};

struct ActorType {
  std::string_view code;
  std::string_view label;
};

struct Modality {
  std::string_view root, intent, threat, reject, demand;
};

struct Agent {
  std::string_view words;  // one or two normalized words ("riot police")
  std::string_view type;   // CAMEO type code, "" = a group of people without a type
};

// Everything the dictionary knows about one normalized word, found with a
// single hash lookup (the coder calls this once per token).
struct WordInfo {
  std::span<const FormHit> forms;  // entries the word can start
  const Agent* agent = nullptr;    // one-word agent noun
  bool starts_two_word_agent = false;
};
const WordInfo* word_info(std::string_view norm);

std::span<const Entry> entries();
// Dictionary entries a normalized token form can start, in file order.
std::span<const FormHit> forms_of(std::string_view norm);
// CAMEO code facts; null if the code is unknown.
const CodeInfo* code_info(std::string_view code);
std::span<const CodeInfo> codes();
std::span<const ActorType> actor_types();
// The modality row of a root ("19"); null if none.
const Modality* modality(std::string_view root);
// Agent noun of one or two normalized words; null if none.
const Agent* agent(std::string_view first, std::string_view second = {});
// The CAMEO country code of an ISO 3166-1 alpha-2 code ("PS" -> "PSE"); empty if unknown
// (data/cameo/countries.tsv).
std::string_view country_code(std::string_view alpha2);
// Longest agent phrase length (1 or 2) for agent(first, second).
bool agent_has_two_words(std::string_view first);

}  // namespace claimtrace::extract::events
