#include "extract/events_dictionary.h"

#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

namespace claimtrace::extract::events {
namespace {

struct Form {
  std::string_view form;
  uint16_t entry;
  uint8_t flags;
};

constexpr CodeInfo kCodes[] = {
#define CLAIMTRACE_EVENT_CODES
#include "extract/event_tables.inc"
#undef CLAIMTRACE_EVENT_CODES
};
constexpr ActorType kTypes[] = {
#define CLAIMTRACE_ACTOR_TYPES
#include "extract/event_tables.inc"
#undef CLAIMTRACE_ACTOR_TYPES
};
constexpr Modality kModality[] = {
#define CLAIMTRACE_MODALITY
#include "extract/event_tables.inc"
#undef CLAIMTRACE_MODALITY
};
constexpr Agent kAgents[] = {
#define CLAIMTRACE_AGENTS
#include "extract/event_tables.inc"
#undef CLAIMTRACE_AGENTS
};
struct Country {
  std::string_view alpha2, code;
};
constexpr Country kCountries[] = {
#define CLAIMTRACE_COUNTRIES
#include "extract/event_tables.inc"
#undef CLAIMTRACE_COUNTRIES
};
constexpr Entry kEntries[] = {
#define CLAIMTRACE_EVENT_ENTRIES
#include "extract/event_tables.inc"
#undef CLAIMTRACE_EVENT_ENTRIES
};
constexpr Form kForms[] = {
#define CLAIMTRACE_EVENT_FORMS
#include "extract/event_tables.inc"
#undef CLAIMTRACE_EVENT_FORMS
};

struct Index {
  std::unordered_map<std::string_view, std::vector<FormHit>> forms;
  std::unordered_map<std::string_view, const CodeInfo*> codes;
  std::unordered_map<std::string_view, const Agent*> agents;  // "w1" or "w1 w2"
  std::unordered_map<std::string_view, bool> two_word_agent_starts;
  std::unordered_map<std::string_view, WordInfo> words;

  Index() {
    for (const Form& f : kForms) {
      std::vector<FormHit>& hits = forms[f.form];
      bool merged = false;
      for (FormHit& h : hits) {
        if (h.entry == f.entry) {
          h.flags |= f.flags;
          merged = true;
        }
      }
      if (!merged) hits.push_back({f.entry, f.flags});
    }
    for (const CodeInfo& c : kCodes) codes.emplace(c.code, &c);
    for (const Agent& a : kAgents) {
      agents.emplace(a.words, &a);
      size_t sp = a.words.find(' ');
      if (sp != std::string_view::npos) two_word_agent_starts[a.words.substr(0, sp)] = true;
    }
    // Looked up once per token: keep the chains short.
    words.max_load_factor(0.25f);
    words.reserve(forms.size() + agents.size());
    for (const auto& [w, hits] : forms) words[w].forms = hits;
    for (const auto& [w, a] : agents)
      if (w.find(' ') == std::string_view::npos) words[w].agent = a;
    for (const auto& [w, b] : two_word_agent_starts) words[w].starts_two_word_agent = b;
  }
};

const Index& index() {
  static const Index kIndex;
  return kIndex;
}

}  // namespace

const WordInfo* word_info(std::string_view norm) {
  const Index& ix = index();
  auto it = ix.words.find(norm);
  return it == ix.words.end() ? nullptr : &it->second;
}

std::span<const Entry> entries() {
  return kEntries;
}

std::span<const FormHit> forms_of(std::string_view norm) {
  const Index& ix = index();
  auto it = ix.forms.find(norm);
  if (it == ix.forms.end()) return {};
  return it->second;
}

const CodeInfo* code_info(std::string_view code) {
  const Index& ix = index();
  auto it = ix.codes.find(code);
  return it == ix.codes.end() ? nullptr : it->second;
}

std::span<const CodeInfo> codes() {
  return kCodes;
}

std::span<const ActorType> actor_types() {
  return kTypes;
}

const Modality* modality(std::string_view root) {
  for (const Modality& m : kModality)
    if (m.root == root) return &m;
  return nullptr;
}

const Agent* agent(std::string_view first, std::string_view second) {
  const Index& ix = index();
  // The two-word key is built on the stack: no allocation per token.
  char buf[96];
  std::string_view key = first;
  if (!second.empty()) {
    if (first.size() + second.size() + 1 > sizeof(buf)) return nullptr;
    std::memcpy(buf, first.data(), first.size());
    buf[first.size()] = ' ';
    std::memcpy(buf + first.size() + 1, second.data(), second.size());
    key = std::string_view(buf, first.size() + second.size() + 1);
  }
  auto it = ix.agents.find(key);
  return it == ix.agents.end() ? nullptr : it->second;
}

std::string_view country_code(std::string_view alpha2) {
  for (const Country& c : kCountries)
    if (c.alpha2 == alpha2) return c.code;
  return {};
}

bool agent_has_two_words(std::string_view first) {
  return index().two_word_agent_starts.count(first) != 0;
}

}  // namespace claimtrace::extract::events
