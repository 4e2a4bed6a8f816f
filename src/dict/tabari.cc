#include "dict/tabari.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cassert>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <span>
#include <sstream>

namespace claimtrace::dict {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// The text before a ';' comment.
std::string_view strip_comment(std::string_view line) {
  size_t k = line.find(';');
  return k == std::string_view::npos ? line : line.substr(0, k);
}

// PETRARCH's readers skip XML comments, on one line or across lines
// ("<!-- VERSION: 0.1 -->" heads its validation dictionaries): they are
// blanked here, line breaks kept so diagnostics keep their line numbers.
// `unclosed` is the line of a comment that never ends (0: none).
std::string without_xml_comments(std::string_view text, int& unclosed) {
  std::string out(text);
  unclosed = 0;
  size_t at = 0;
  while ((at = out.find("<!--", at)) != std::string::npos) {
    size_t end = out.find("-->", at + 4);
    if (end == std::string::npos) {
      unclosed = 1 + static_cast<int>(std::count(out.begin(), out.begin() + at, '\n'));
      end = out.size();
    } else {
      end += 3;
    }
    for (size_t i = at; i < end; ++i)
      if (out[i] != '\n') out[i] = ' ';
    at = end;
  }
  return out;
}

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

// yymmdd or yyyymmdd -> yyyymmdd; 0 if malformed. Two-digit years <= 30 are 20xx.
int parse_tabari_date(std::string_view d) {
  d = trim(d);
  for (char c : d)
    if (!std::isdigit(static_cast<unsigned char>(c))) return 0;
  if (d.size() == 6) {
    int yy = std::stoi(std::string(d.substr(0, 2)));
    int y = yy <= 30 ? 2000 + yy : 1900 + yy;
    return y * 10000 + std::stoi(std::string(d.substr(2)));
  }
  if (d.size() == 8) return std::stoi(std::string(d));
  return 0;
}

// Splits "AL_GORE" / "AL GORE" / "FORCES_" into words; a word followed by '_'
// is exact.
Phrase parse_phrase(std::string_view s) {
  Phrase p;
  std::string cur;
  bool space = false;  // a space since the last word
  auto flush = [&](bool exact) {
    if (!cur.empty()) {
      p.gap.push_back(!p.words.empty() && space);
      p.words.push_back(upper(cur));
      p.exact.push_back(exact);
      cur.clear();
      space = false;
    }
  };
  for (char c : s) {
    if (c == '_' || c == '=') {  // '=' ends a whole word too ("BAN=")
      flush(true);
    } else if (std::isspace(static_cast<unsigned char>(c))) {
      flush(false);
      space = true;
    } else {
      cur.push_back(c);
    }
  }
  flush(false);
  return p;
}

bool word_matches(std::string_view token, std::string_view word, bool exact) {
  if (exact) return token == word;
  return token.size() >= word.size() && token.substr(0, word.size()) == word;
}

}  // namespace

std::string Diagnostic::str() const {
  return file + ":" + std::to_string(line) + ": " + message;
}

std::vector<std::pair<uint32_t, uint32_t>> split_words(std::string_view text) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  auto edge = [](unsigned char c) {
    return c < 0x80 && !std::isalnum(c) && c != '\'' && c != '-' && c != '&';
  };
  uint32_t i = 0, n = static_cast<uint32_t>(text.size());
  while (i < n) {
    // '_' joins words in dictionaries; in text it separates them too.
    if (std::isspace(static_cast<unsigned char>(text[i])) || text[i] == '_') {
      ++i;
      continue;
    }
    uint32_t j = i;
    // A comma with a letter right after it ends the word too ("Brown,arrived"),
    // one between digits does not ("1,000").
    auto comma_split = [&](uint32_t k) {
      return text[k] == ',' && k + 1 < n && std::isalpha(static_cast<unsigned char>(text[k + 1]));
    };
    while (j < n && !std::isspace(static_cast<unsigned char>(text[j])) && text[j] != '_' &&
           !(j > i && comma_split(j)))
      ++j;
    uint32_t b = i, e = j;
    while (b < e && edge(static_cast<unsigned char>(text[b]))) {
      out.emplace_back(b, b + 1);
      ++b;
    }
    uint32_t tail = e;
    while (tail > b && edge(static_cast<unsigned char>(text[tail - 1]))) --tail;
    // Leading and trailing quotes of a word are punctuation too.
    while (b < tail && text[b] == '\'') ++b;
    while (tail > b && text[tail - 1] == '\'') --tail;
    if (b < tail) out.emplace_back(b, tail);
    for (uint32_t t = tail; t < e; ++t)
      if (edge(static_cast<unsigned char>(text[t]))) out.emplace_back(t, t + 1);
    i = j;
  }
  return out;
}

int parse_iso_date(std::string_view iso) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return 0;
  std::string d =
      std::string(iso.substr(0, 4)) + std::string(iso.substr(5, 2)) + std::string(iso.substr(8, 2));
  return parse_tabari_date(d);
}

void Dictionaries::error(const std::string& file, int line, std::string msg) {
  diags_.push_back({file, line, std::move(msg)});
}

bool Dictionaries::load_project(const std::string& path) {
  std::string text;
  if (!read_file(path, text)) {
    error(path, 0, "cannot read the project file");
    return false;
  }
  // TABARI's own defaults, which the .options file may change.
  options_ = CoderOptions{};
  options_.min_words = 8;
  options_.comma = true;
  std::string dir;
  size_t slash = path.rfind('/');
  if (slash != std::string::npos) dir = path.substr(0, slash + 1);
  std::istringstream in(text);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    std::string_view l = trim(line);
    if (l.empty() || l.front() != '<') continue;
    size_t close = l.find('>');
    if (close == std::string_view::npos) continue;
    std::string tag = upper(l.substr(1, close - 1));
    std::string name(trim(l.substr(close + 1)));
    bool verbs = tag == "VERBSFILE", actors = tag == "ACTORSFILE", agents = tag == "AGENTSFILE",
         options = tag == "OPTIONSFILE";
    if (!verbs && !actors && !agents && !options) continue;
    if (name.empty()) {
      error(path, n, "<" + tag + "> names no file");
      continue;
    }
    std::string full = !name.empty() && name[0] == '/' ? name : dir + name;
    std::string body;
    if (!read_file(full, body)) {
      error(path, n, "cannot read " + full);
      continue;
    }
    if (verbs) parse_verbs(body, full);
    if (actors || agents) parse_actors(body, full, agents);
    if (options) parse_options(body, full);
  }
  finish();
  return true;
}

void Dictionaries::parse_options(std::string_view text, const std::string& file) {
  // Read: "COMMA: OFF", "COMMA: MIN = 2 MAX = 10 EMIN = .. EMAX = .. BMIN = ..
  // BMAX = ..", "SET: MINIMUM WORDS = N". Other keywords (SET:, COMPLEX:,
  // OUTPUT:, LABEL:, FORWARD:, DELETE:, DEFAULT:) are accepted and not used.
  std::istringstream in{std::string(text)};
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    std::string_view l = trim(line);
    if (l.substr(0, 2) == "~~") break;  // end-of-file marker
    if (l.empty() || l.substr(0, 2) == "//" || l.front() == '#') continue;
    size_t colon = l.find(':');
    if (colon == std::string_view::npos) {
      error(file, n, "option line without a keyword: " + std::string(l));
      continue;
    }
    const std::string key = upper(trim(l.substr(0, colon)));
    const std::string rest = upper(trim(l.substr(colon + 1)));
    // "NAME = 12" pairs; false when a value is not a number of at most 6 digits.
    auto settings = [&](std::vector<std::pair<std::string, int>>& out) {
      std::string_view r = rest;
      while (!r.empty()) {
        size_t eq = r.find('=');
        if (eq == std::string_view::npos) break;
        std::string name(trim(r.substr(0, eq)));
        r.remove_prefix(eq + 1);
        r = trim(r);
        size_t end = 0;
        while (end < r.size() && std::isdigit(static_cast<unsigned char>(r[end]))) ++end;
        if (end == 0 || end > 6) return false;  // word counts: no need for stoi's range errors
        out.emplace_back(name, std::stoi(std::string(r.substr(0, end))));
        r.remove_prefix(end);
      }
      return true;
    };
    std::vector<std::pair<std::string, int>> values;
    if (key == "COMMA") {
      if (rest == "OFF") {
        options_.comma = false;
        continue;
      }
      if (!settings(values) || values.empty()) {
        error(file, n, "COMMA: expects OFF or NAME = NUMBER pairs");
        continue;
      }
      options_.comma = true;
      for (const auto& [name, v] : values) {
        int* slot = name == "MIN"    ? &options_.comma_min
                    : name == "MAX"  ? &options_.comma_max
                    : name == "EMIN" ? &options_.end_min
                    : name == "EMAX" ? &options_.end_max
                    : name == "BMIN" ? &options_.begin_min
                    : name == "BMAX" ? &options_.begin_max
                                     : nullptr;
        if (slot)
          *slot = v;
        else
          error(file, n, "unknown COMMA: setting " + name);
      }
    } else if (key == "SET" && rest.rfind("MINIMUM WORDS", 0) == 0) {
      if (!settings(values) || values.size() != 1) {
        error(file, n, "SET: MINIMUM WORDS expects = NUMBER");
        continue;
      }
      options_.min_words = values[0].second;
    } else if (key == "SET" && rest.rfind("CONVERT AGENT", 0) == 0) {
      const bool yes = rest.find("TRUE") != std::string::npos;
      if (!yes && rest.find("FALSE") == std::string::npos)
        error(file, n, "SET: CONVERT AGENT expects TRUE or FALSE");
      else
        options_.convert_agents = yes;
    }
  }
}

std::vector<Elem> Dictionaries::parse_elems(std::string_view s, const std::string& file, int line,
                                            bool& ok) {
  std::vector<Elem> out;
  bool tight = false;  // separator before the next element was '_'
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      tight = false;  // "IN_ $": IN is a whole word, then any gap
      ++i;
      continue;
    }
    if (c == '_') {
      tight = true;
      ++i;
      continue;
    }
    Elem e;
    e.tight = tight && !out.empty();
    tight = false;
    if (c == '{') {
      int depth = 0;
      size_t j = i;
      for (; j < s.size(); ++j) {
        if (s[j] == '{') ++depth;
        if (s[j] == '}' && --depth == 0) break;
      }
      if (j >= s.size()) {
        error(file, line, "unclosed '{'");
        ok = false;
        return out;
      }
      std::string_view inner = s.substr(i + 1, j - i - 1);
      e.kind = ElemKind::kAlt;
      size_t start = 0;
      int d = 0;
      for (size_t k = 0; k <= inner.size(); ++k) {
        if (k < inner.size() && inner[k] == '{') ++d;
        if (k < inner.size() && inner[k] == '}') --d;
        if (k == inner.size() || (inner[k] == '|' && d == 0)) {
          e.alts.push_back(parse_elems(inner.substr(start, k - start), file, line, ok));
          start = k + 1;
        }
      }
      i = j + 1;
    } else if (c == '}' || c == '|') {
      error(file, line, std::string("unexpected '") + c + "'");
      ok = false;
      ++i;
      continue;
    } else if (c == '$' || c == '+' || c == '%' || c == '^') {
      e.kind = c == '$'   ? ElemKind::kSource
               : c == '+' ? ElemKind::kTarget
               : c == '%' ? ElemKind::kCompound
                          : ElemKind::kSkip;
      ++i;
    } else {
      size_t j = i + (c == '&' ? 1 : 0);
      while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j])) && s[j] != '_' &&
             s[j] != '{' && s[j] != '}' && s[j] != '|')
        ++j;
      std::string w = upper(s.substr(i, j - i));
      if (c == '&') {
        e.kind = ElemKind::kSynset;
        e.word = w.substr(1);
      } else {
        e.kind = ElemKind::kWord;
        e.word = w;
        e.exact = j < s.size() && s[j] == '_';
        if (!e.word.empty() && e.word.back() == '~') {  // "REAL~_": a stem before '_'
          e.word.pop_back();
          e.exact = false;
        }
      }
      i = j;
    }
    out.push_back(std::move(e));
  }
  return out;
}

Pattern Dictionaries::parse_pattern(std::string_view body, const std::string& file, int line,
                                    bool& ok) {
  Pattern p;
  p.line = line;
  size_t open = body.rfind('[');
  size_t close = body.rfind(']');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) {
    error(file, line, "no [code]");
    ok = false;
    return p;
  }
  std::string code(trim(body.substr(open + 1, close - open - 1)));
  if (code == "---") code.clear();
  size_t colon = code.find(':');
  if (colon != std::string::npos) {
    p.code2 = code.substr(colon + 1);
    code = code.substr(0, colon);
  }
  p.code = code;
  std::string_view pat = body.substr(0, open);
  size_t star = pat.find('*');
  if (star == std::string_view::npos) {
    // A root line: the pattern is the verb alone.
    return p;
  }
  std::string_view before = pat.substr(0, star), after = pat.substr(star + 1);
  bool tight_before = !before.empty() && before.back() == '_';
  bool tight_after = !after.empty() && after.front() == '_';
  std::vector<Elem> b = parse_elems(before, file, line, ok);
  // Text-order tight = joined to the previous element; store nearest-first
  // with tight = joined to the element nearer the verb.
  std::vector<Elem> rb;
  for (size_t k = b.size(); k-- > 0;) {
    bool joined = k + 1 < b.size() ? b[k + 1].tight : tight_before;
    rb.push_back(b[k]);
    rb.back().tight = joined;
  }
  p.before = std::move(rb);
  p.after = parse_elems(after, file, line, ok);
  if (!p.after.empty()) p.after[0].tight = tight_after;
  if (pat.find('*', star + 1) != std::string_view::npos) {
    error(file, line, "more than one '*'");
    ok = false;
  }
  return p;
}

void Dictionaries::parse_verbs(std::string_view text, const std::string& file) {
  std::istringstream in{std::string(text)};
  std::string raw;
  int n = 0;
  std::string section;  // "", SYNSETS, TIME, NOUN, ADJECTIVE
  std::string synset;
  while (std::getline(in, raw)) {
    ++n;
    std::string_view l = trim(strip_comment(raw));
    if (l.substr(0, 2) == "~~") break;  // end-of-file marker
    if (l.empty() || l.front() == '#') continue;
    if (l.front() == '<') {
      std::string tag = upper(l);
      if (tag.size() > 2 && tag[1] == '/') {
        section.clear();
      } else {
        size_t close = tag.find('>');
        section = tag.substr(1, close == std::string::npos ? std::string::npos : close - 1);
      }
      continue;
    }
    if (section == "SYNSETS") {
      if (l.front() == '&') {
        synset = upper(trim(l.substr(1)));
        synsets_[synset];
      } else if (l.front() == '+' && !synset.empty()) {
        bool ok = true;
        synsets_[synset].push_back(parse_elems(l.substr(1), file, n, ok));
      } else {
        error(file, n, "synset line outside a &SET");
      }
      continue;
    }
    if (section == "NOUN") {
      Phrase p = parse_phrase(l);
      if (!p.words.empty()) nouns_.add(p.words[0], 0);
      continue;
    }
    if (section == "ADJECTIVE") {
      Phrase p = parse_phrase(l);
      if (!p.words.empty()) adjectives_.add(p.words[0], 0);
      continue;
    }
    if (section == "TIME") {
      // Time phrases: "[###]" discards the sentence like a discard verb;
      // date shifts ("[+7]", "[-30]") and their patterns are not used.
      const size_t open = l.find('[');
      if (open == std::string_view::npos) {
        error(file, n, "time phrase without [code]");
        continue;
      }
      if (l.front() == '-' || trim(l.substr(open)) != "[###]") continue;
      Phrase words = parse_phrase(l.substr(0, open));
      if (words.words.empty()) {
        error(file, n, "time phrase without words");
        continue;
      }
      Verb v;
      v.root = words.words[0];
      v.base.code = "###";
      v.base.line = n;
      for (size_t k = 1; k < words.words.size(); ++k) {
        Elem e;
        e.word = words.words[k];
        e.exact = words.exact[k];
        e.tight = !words.gap[k];
        v.base.after.push_back(e);
      }
      verbs_.push_back(std::move(v));
      explicit_forms_.emplace_back();
      explicit_forms_.back().push_back((words.exact[0] ? "=" : "~") + words.words[0]);
      continue;
    }
    if (!section.empty()) continue;  // unknown sections
    if (l.front() == '-') {
      if (verbs_.empty()) {
        error(file, n, "pattern before any verb");
        continue;
      }
      bool ok = true;
      Pattern p = parse_pattern(l.substr(1), file, n, ok);
      if (ok) add_pattern(verbs_.size() - 1, verbs_.size(), std::move(p));
      continue;
    }
    if (l.front() == '{') {
      if (verbs_.empty() || l.back() != '}') {
        error(file, n, verbs_.empty() ? "verb forms before any verb" : "unclosed '{'");
        continue;
      }
      Phrase forms = parse_phrase(l.substr(1, l.size() - 2));
      for (size_t k = 0; k < forms.words.size(); ++k)
        explicit_forms_.back().push_back((forms.exact[k] ? "=" : "~") + forms.words[k]);
      continue;
    }
    if (l.front() == '&' || l.front() == '+') {
      error(file, n, "synset line outside <SYNSETS>");
      continue;
    }
    size_t open = l.find('[');
    if (open == std::string_view::npos) {
      error(file, n, "verb without [code]");
      continue;
    }
    bool ok = true;
    Verb v;
    v.base = parse_pattern(l, file, n, ok);
    Phrase root = parse_phrase(l.substr(0, open));
    if (!ok || root.words.empty()) {
      if (root.words.empty()) error(file, n, "verb line without a verb");
      continue;
    }
    v.root = root.words[0];
    // Further root words ("CARRY OUT") must follow the verb.
    for (size_t k = 1; k < root.words.size(); ++k) {
      Elem e;
      e.kind = ElemKind::kWord;
      e.word = root.words[k];
      e.exact = root.exact[k];
      e.tight = root.exact[k - 1];  // '_' joins, a space lets words intervene
      v.base.after.push_back(e);
    }
    verbs_.push_back(std::move(v));
    explicit_forms_.emplace_back();
    explicit_forms_.back().push_back((root.exact[0] ? "=" : "~") + root.words[0]);
  }
}

void Dictionaries::parse_actors(std::string_view text, const std::string& file, bool agents,
                                bool hash_comments) {
  std::istringstream in{std::string(text)};
  std::string raw;
  int n = 0;
  std::string section;
  std::vector<uint32_t> group;  // actors sharing the codes that follow
  auto add_codes = [&](std::string_view s) {
    size_t i = 0;
    while ((i = s.find('[', i)) != std::string_view::npos) {
      size_t j = s.find(']', i);
      if (j == std::string_view::npos) {
        error(file, n, "unclosed '['");
        return;
      }
      std::string_view block = trim(s.substr(i + 1, j - i - 1));
      i = j + 1;
      DatedCode dc;
      size_t sp = block.find_first_of(" \t<>");
      std::string_view code = sp == std::string_view::npos ? block : block.substr(0, sp);
      std::string_view rest = sp == std::string_view::npos ? "" : trim(block.substr(sp));
      bool code_is_date = !code.empty() && std::isdigit(static_cast<unsigned char>(code[0])) &&
                          code.find('-') != std::string_view::npos;
      if (code.empty() || code_is_date) {
        error(file, n, "code block without a code: [" + std::string(block) + "]");
        continue;
      }
      dc.code = upper(code);
      if (!rest.empty()) {
        if (rest.front() == '<') {
          dc.to = parse_tabari_date(rest.substr(1));
          if (dc.to) dc.to -= 1;  // "<d": before d
        } else if (rest.front() == '>') {
          dc.from = parse_tabari_date(rest.substr(1));
          if (dc.from) dc.from += 1;
        } else {
          size_t dash = rest.find('-');
          if (dash != std::string_view::npos) {
            dc.from = parse_tabari_date(rest.substr(0, dash));
            dc.to = parse_tabari_date(rest.substr(dash + 1));
          }
        }
        if (dc.from == 0 && dc.to == 0) {
          error(file, n, "bad date restriction: [" + std::string(block) + "]");
          continue;
        }
      }
      for (uint32_t a : group) actors_[a].codes.push_back(dc);
    }
  };
  std::unordered_map<std::string, std::vector<std::string>> substitutions;  // !PERSON!
  std::vector<std::string> pending;  // expanded lines still to read
  // Lines one source line has expanded to: a substitution whose alternatives
  // name substitutions again would otherwise grow without bound.
  constexpr size_t kMaxExpansions = 10000;
  size_t expansions = 0;
  for (;;) {
    if (!pending.empty()) {
      raw = std::move(pending.back());
      pending.pop_back();
    } else if (std::getline(in, raw)) {
      ++n;
      expansions = 0;
    } else {
      break;
    }
    if (hash_comments) {
      size_t hash = raw.find('#');
      if (hash != std::string::npos) raw.resize(hash);
    }
    std::string_view l = trim(strip_comment(raw));
    if (l.substr(0, 2) == "~~") break;  // end-of-file marker
    if (l.empty() || l.front() == '#') continue;
    if (l.front() == '!' && l.find('=') != std::string_view::npos &&
        l.find('=') < l.find('[')) {  // "!PERSON! = MAN, MEN, WOMAN"
      size_t close = l.find('!', 1), eq = l.find('=');
      if (close == std::string_view::npos || close > eq) {
        error(file, n, "bad substitution line");
        continue;
      }
      std::vector<std::string>& alts = substitutions[std::string(l.substr(0, close + 1))];
      std::string_view rest = l.substr(eq + 1);
      while (!rest.empty()) {
        size_t comma = rest.find(',');
        std::string_view item = trim(rest.substr(0, comma));
        if (!item.empty()) alts.emplace_back(item);
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
      }
      continue;
    }
    if (size_t bang = l.find('!'); bang != std::string_view::npos && !substitutions.empty()) {
      size_t close = l.find('!', bang + 1);
      if (close != std::string_view::npos) {
        auto it = substitutions.find(std::string(l.substr(bang, close - bang + 1)));
        if (it == substitutions.end()) {
          error(file, n, "unknown substitution " + std::string(l.substr(bang, close - bang + 1)));
          continue;
        }
        expansions += it->second.size();
        if (expansions > kMaxExpansions) {
          error(file, n,
                "substitutions expand to more than " + std::to_string(kMaxExpansions) +
                    " lines (do they name each other?)");
          pending.clear();
          continue;
        }
        for (const std::string& alt : it->second)
          pending.push_back(std::string(l.substr(0, bang)) + alt +
                            std::string(l.substr(close + 1)));
        continue;
      }
    }
    if (l.front() == '<') {
      std::string tag = upper(l);
      section = tag.size() > 2 && tag[1] == '/' ? "" : tag;
      continue;
    }
    if (!section.empty()) {
      Phrase p = parse_phrase(l);
      if (!p.words.empty() && section.find("NOUN") != std::string::npos) nouns_.add(p.words[0], 0);
      if (!p.words.empty() && section.find("ADJECTIVE") != std::string::npos)
        adjectives_.add(p.words[0], 0);
      continue;
    }
    if (l.front() == '[') {
      if (group.empty()) error(file, n, "code without an actor");
      add_codes(l);
      continue;
    }
    bool synonym = l.front() == '+';
    if (synonym) l.remove_prefix(1);
    size_t open = l.find('[');
    Phrase p = parse_phrase(open == std::string_view::npos ? l : l.substr(0, open));
    if (p.words.empty()) {
      error(file, n, "actor line without a name");
      continue;
    }
    if (!synonym) group.clear();
    Actor a;
    a.phrase = std::move(p);
    a.agent = agents;
    if (synonym && !group.empty()) a.codes = actors_[group.front()].codes;
    group.push_back(static_cast<uint32_t>(actors_.size()));
    actors_.push_back(std::move(a));
    if (open != std::string_view::npos) {
      if (synonym) {
        group.assign(1, static_cast<uint32_t>(actors_.size() - 1));
        actors_.back().codes.clear();
      }
      add_codes(l.substr(open));
    }
  }
}

void Dictionaries::parse_discards(std::string_view text, const std::string& file) {
  std::istringstream in{std::string(text)};
  std::string raw;
  int n = 0;
  while (std::getline(in, raw)) {
    ++n;
    if (size_t hash = raw.find('#'); hash != std::string::npos) raw.resize(hash);
    std::string_view l = trim(raw);
    if (l.empty()) continue;
    const bool story = l.front() == '+';
    if (story) l = trim(l.substr(1));
    if (l.find_first_of("[]{}") != std::string_view::npos) {
      error(file, n, "discard phrase with brackets: " + std::string(l));
      continue;
    }
    Phrase words = parse_phrase(l);
    if (words.words.empty()) {
      error(file, n, "discard line without words");
      continue;
    }
    // Whole words, one after the other.
    Verb v;
    v.root = words.words[0];
    v.story_discard = story;
    v.base.code = "###";
    v.base.line = n;
    for (size_t k = 1; k < words.words.size(); ++k) {
      Elem e;
      e.word = words.words[k];
      e.exact = true;
      e.tight = true;
      v.base.after.push_back(e);
    }
    verbs_.push_back(std::move(v));
    explicit_forms_.emplace_back();
    explicit_forms_.back().push_back("=" + words.words[0]);
  }
}

namespace {

// The spellings of one issue-file item: "n:" adds the regular plurals of the
// word after it ("n:policy": POLICY, POLICIES); "a+b" is one token "A-B" or
// "AB", or the two tokens "A B".
std::vector<std::vector<std::vector<std::string>>> issue_item_spellings(std::string_view item) {
  std::vector<std::vector<std::string>> parts;  // per '+' part: its forms
  while (true) {
    const size_t plus = item.find('+');
    std::string_view part = item.substr(0, plus);
    const bool noun = part.starts_with("N:") && part.size() > 2;
    if (noun) part.remove_prefix(2);
    std::vector<std::string> forms{std::string(part)};
    if (noun) {
      forms.push_back(std::string(part) + "S");
      forms.push_back(std::string(part) + "ES");
      if (part.size() > 1 && part.back() == 'Y')
        forms.push_back(std::string(part.substr(0, part.size() - 1)) + "IES");
    }
    parts.push_back(std::move(forms));
    if (plus == std::string_view::npos) break;
    item.remove_prefix(plus + 1);
  }
  std::vector<std::vector<std::vector<std::string>>> out;
  if (parts.size() == 1) {
    out.push_back({parts[0]});
    return out;
  }
  // Joined by a hyphen or by nothing: one token; the last part's forms vary.
  for (const char* glue : {"-", ""}) {
    std::string head;
    for (size_t k = 0; k + 1 < parts.size(); ++k) head += parts[k][0] + glue;
    std::vector<std::string> forms;
    for (const std::string& f : parts.back()) forms.push_back(head + f);
    out.push_back({forms});
  }
  out.push_back(parts);  // separate words
  return out;
}

}  // namespace

void Dictionaries::parse_issues(std::string_view text, const std::string& file) {
  std::string category;
  int n = 0;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    std::string_view line = trim(text.substr(0, nl));
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    ++n;
    if (line.empty() || line.front() == '#') continue;
    const std::string up = upper(line);
    if (up.starts_with("<ISSUE")) {
      const size_t k = up.find("CATEGORY=\"");
      const size_t end = k == std::string::npos ? k : up.find('"', k + 10);
      category = end == std::string::npos ? std::string() : up.substr(k + 10, end - k - 10);
      if (category.empty()) error(file, n, "issue block without CATEGORY=\"...\"");
      continue;
    }
    if (up.starts_with("</ISSUE")) {
      category.clear();
      continue;
    }
    std::string_view body = up;
    IssuePhrase phrase;
    phrase.category = category;
    phrase.exclude = body.front() == '~';
    if (phrase.exclude) {
      body.remove_prefix(1);
    } else {
      const size_t open = body.rfind('['), close = body.rfind(']');
      // A phrase without a code codes nothing. PETRARCH passes over such lines
      // without a word, and Phoenix's own file has thirty of them, so they are
      // skipped quietly; only a bracket left open is reported.
      if (open == std::string_view::npos && close == std::string_view::npos) continue;
      if (open == std::string_view::npos || close == std::string_view::npos || close < open) {
        error(file, n, "issue phrase with an unbalanced [CODE]");
        continue;
      }
      phrase.code = std::string(trim(body.substr(open + 1, close - open - 1)));
      body = body.substr(0, open);
    }
    if (category.empty()) {
      error(file, n, "issue phrase outside an <ISSUE CATEGORY=...> block");
      continue;
    }
    // Every spelling of the line: the product of its items' spellings.
    std::vector<std::vector<std::vector<std::string>>> spellings{{}};
    for (std::string_view rest = trim(body); !rest.empty();) {
      const size_t sp = rest.find_first_of(" \t");
      const std::string_view item = rest.substr(0, sp);
      rest = sp == std::string_view::npos ? std::string_view() : trim(rest.substr(sp));
      std::vector<std::vector<std::vector<std::string>>> next;
      for (const auto& head : spellings)
        for (const auto& tail : issue_item_spellings(item)) {
          auto joined = head;
          joined.insert(joined.end(), tail.begin(), tail.end());
          next.push_back(std::move(joined));
        }
      spellings = std::move(next);
    }
    if (spellings.empty() || spellings.front().empty()) {
      error(file, n, "empty issue phrase");
      continue;
    }
    for (auto& tokens : spellings) {
      phrase.tokens = std::move(tokens);
      const auto id = static_cast<uint32_t>(issues_.size());
      for (const std::string& first : phrase.tokens.front()) issue_first_.add(first, id);
      issues_.push_back(phrase);
    }
  }
  issue_first_.build();
}

void Dictionaries::parse_petrarch_verbs(std::string_view text, const std::string& file) {
  std::istringstream in{std::string(text)};
  std::string raw;
  int n = 0;
  std::string synset;
  std::string block_code;
  size_t block_start = verbs_.size();
  bool in_block = false;
  while (std::getline(in, raw)) {
    ++n;
    size_t hash = raw.find('#');
    if (hash != std::string::npos) raw.resize(hash);
    std::string_view l = trim(raw);
    if (l.empty() || l.front() == '~') continue;  // transformations are not read
    if (l.substr(0, 3) == "---") {
      size_t open = l.find('['), close = l.find(']');
      if (open == std::string_view::npos || close == std::string_view::npos || close < open) {
        error(file, n, "verb block without [code]");
        block_code.clear();
      } else {
        block_code = std::string(trim(l.substr(open + 1, close - open - 1)));
        if (block_code == "---") block_code.clear();
      }
      block_start = verbs_.size();
      in_block = true;
      synset.clear();
      continue;
    }
    if (l.front() == '&') {
      synset = upper(trim(l.substr(1)));
      while (!synset.empty() && synset.back() == '_') synset.pop_back();
      synsets_[synset];
      continue;
    }
    if (l.front() == '+' && synset.empty() && in_block) {
      l.remove_prefix(1);  // "+ANGERED_BY {}": a verb phrase of the block
    } else if (l.front() == '+') {
      if (synset.empty()) {
        error(file, n, "synset member outside a &SET");
        continue;
      }
      bool ok = true;
      synsets_[synset].push_back(parse_elems(l.substr(1), file, n, ok));
      continue;
    }
    if (!in_block) {
      error(file, n, "line outside a verb block");
      continue;
    }
    if (l.front() == '-') {
      // "(TO BORDER)" groups are words in order; "{ARMS SHIPMENT}" a phrase.
      std::string body;
      int depth = 0;
      for (char c : l.substr(1)) {
        if (c == '(' || c == ')') {
          body.push_back(' ');
        } else if (c == '{') {
          ++depth;
        } else if (c == '}') {
          --depth;
        } else if (depth > 0 && c == ' ') {
          body.push_back('_');
        } else {
          body.push_back(c);
        }
      }
      if (depth != 0) {
        error(file, n, "unbalanced '{'");
        continue;
      }
      if (body.find('[') == std::string::npos) body += " [" + block_code + "]";
      bool ok = true;
      Pattern p = parse_pattern(body, file, n, ok);
      if (!ok) continue;
      if (verbs_.size() == block_start) {
        error(file, n, "pattern before any verb of its block");
        continue;
      }
      add_pattern(block_start, verbs_.size(), std::move(p));
      continue;
    }
    // A verb, optionally with its irregular forms: "SPEED {SPEEDING SPEEDS SPED}".
    std::string verb_code = block_code;
    if (size_t open = l.find('['); open != std::string_view::npos) {
      size_t close = l.find(']', open);
      if (close == std::string_view::npos) {
        error(file, n, "unclosed '['");
        continue;
      }
      verb_code = std::string(trim(l.substr(open + 1, close - open - 1)));
      if (verb_code == "---") verb_code.clear();
      l = l.substr(0, open);
    }
    size_t brace = l.find('{');
    Phrase root = parse_phrase(l.substr(0, brace));
    if (root.words.empty()) {
      error(file, n, "verb line without a verb");
      continue;
    }
    Verb v;
    v.root = root.words[0];
    if (size_t colon = verb_code.find(':'); colon != std::string::npos) {
      v.base.code2 = verb_code.substr(colon + 1);
      verb_code.resize(colon);
    }
    v.base.code = verb_code;
    v.base.line = n;
    for (size_t k = 1; k < root.words.size(); ++k) {
      Elem e;
      e.kind = ElemKind::kWord;
      e.word = root.words[k];
      e.exact = root.exact[k];
      e.tight = true;
      v.base.after.push_back(e);
    }
    verbs_.push_back(std::move(v));
    explicit_forms_.emplace_back();
    explicit_forms_.back().push_back((root.exact[0] ? "=" : "~") + root.words[0]);
    if (brace != std::string_view::npos) {
      size_t close = l.find('}', brace);
      if (close == std::string_view::npos) {
        error(file, n, "unclosed '{'");
        continue;
      }
      Phrase forms = parse_phrase(l.substr(brace + 1, close - brace - 1));
      for (const std::string& w : forms.words) explicit_forms_.back().push_back("=" + w);
    }
  }
}

bool Dictionaries::load_petrarch(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<std::pair<std::string, std::string>> files;  // kind, path
  if (fs::is_directory(path, ec)) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(path, ec))
      if (entry.is_regular_file(ec)) names.push_back(entry.path().string());
    std::sort(names.begin(), names.end());
    // A folder with its configuration is read as PETRARCH would read it.
    for (const std::string& f : names)
      if (upper(fs::path(f).filename().string()) == "PETR_CONFIG.INI") return load_petrarch(f);
    // Otherwise files are picked by their role, from the name. PETRARCH ships the
    // dictionaries of its validation suite (PETR.Validate.*: toy actors,
    // WEIS-coded verbs) beside the real ones; merged in they would code news
    // with them, so they are read only when the folder holds nothing else.
    std::vector<std::pair<std::string, std::string>> validation;
    std::vector<std::string> unread;  // file names without a role
    for (const std::string& f : names) {
      const std::string name = fs::path(f).filename().string();
      const std::string base = upper(name);
      if (base.front() == '.') continue;  // hidden
      const std::string kind =
          base.find(".INI") != std::string::npos || base.find("LICENSE") != std::string::npos ? ""
          : base.find("VERBS") != std::string::npos || base.rfind("CAMEO", 0) == 0 ? "verbs"
          : base.find("ACTORS") != std::string::npos                               ? "actors"
          : base.find("AGENTS") != std::string::npos                               ? "agents"
          : base.find("DISCARDS") != std::string::npos                             ? "discards"
          : base.find("ISSUE") != std::string::npos                                ? "issues"
                                                                                   : "";
      if (kind.empty())
        unread.push_back(name);
      else if (base.find("VALIDATE") != std::string::npos)
        validation.emplace_back(kind, f);
      else
        files.emplace_back(kind, f);
    }
    // One line for everything left out, however many files.
    auto list = [](const std::vector<std::string>& v) {
      std::string s;
      for (size_t i = 0; i < v.size() && i < 4; ++i) s += (i ? ", " : "") + v[i];
      if (v.size() > 4) s += " and " + std::to_string(v.size() - 4) + " more";
      return s;
    };
    std::string note;
    if (files.empty()) {
      files = std::move(validation);
    } else if (!validation.empty()) {
      std::vector<std::string> v;
      for (const auto& kf : validation) v.push_back(fs::path(kf.second).filename().string());
      note = list(v) + " (PETRARCH's validation suite; name them in a PETR_config.ini to use them)";
    }
    if (!unread.empty())
      note += (note.empty() ? "" : "; ") + list(unread) + " (no dictionary role)";
    if (!note.empty()) notes_.push_back(path + ": not read: " + note);
  } else {
    std::string text;
    if (!read_file(path, text)) {
      error(path, 0, "cannot read the PETRARCH configuration");
      return false;
    }
    std::string dir = fs::path(path).parent_path().string();
    if (!dir.empty()) dir += '/';
    std::istringstream in(text);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      std::string_view l = trim(line);
      size_t eq = l.find('=');
      if (l.empty() || l.front() == '#' || l.front() == '[' || eq == std::string_view::npos)
        continue;
      std::string key = upper(trim(l.substr(0, eq)));
      std::string_view value = trim(l.substr(eq + 1));
      std::string kind = key == "VERBFILE_NAME"      ? "verbs"
                         : key == "ACTORFILE_LIST"   ? "actors"
                         : key == "AGENTFILE_NAME"   ? "agents"
                         : key == "DISCARDFILE_NAME" ? "discards"
                         : key == "ISSUEFILE_NAME"   ? "issues"
                                                     : "";
      if (kind.empty()) continue;
      while (!value.empty()) {
        size_t comma = value.find(',');
        std::string name(trim(value.substr(0, comma)));
        if (!name.empty()) files.emplace_back(kind, name[0] == '/' ? name : dir + name);
        if (comma == std::string_view::npos) break;
        value.remove_prefix(comma + 1);
      }
    }
  }
  if (files.empty()) {
    error(path, 0, "no PETRARCH dictionaries found");
    return false;
  }
  for (const auto& [kind, f] : files) {
    std::string text;
    if (!read_file(f, text)) {
      error(f, 0, "cannot read");
      continue;
    }
    int unclosed = 0;
    const std::string body = without_xml_comments(text, unclosed);
    if (unclosed) error(f, unclosed, "unclosed '<!--' comment");
    if (kind == "verbs") parse_petrarch_verbs(body, f);
    if (kind == "actors") parse_actors(body, f, false, true);
    if (kind == "agents") parse_actors(body, f, true, true);
    if (kind == "discards") parse_discards(body, f);
    if (kind == "issues") parse_issues(body, f);
  }
  finish();
  return true;
}

void Dictionaries::add_pattern(size_t first, size_t last, Pattern p) {
  // Patterns go only to the latest verbs (the last one, or those of the open
  // PETRARCH block, all added after its previous pattern): each range is
  // empty or ends here, so it stays one range.
  const auto at = static_cast<uint32_t>(patterns_.size());
  patterns_.push_back(std::move(p));
  for (size_t v = first; v < last; ++v) {
    Verb& verb = verbs_[v];
    assert(verb.first_pattern == verb.end_pattern || verb.end_pattern == at);
    if (verb.first_pattern == verb.end_pattern) verb.first_pattern = at;
    verb.end_pattern = at + 1;
  }
}

void Dictionaries::point_verbs_at_patterns() {
  for (Verb& v : verbs_)
    v.patterns = std::span<const Pattern>(patterns_).subspan(v.first_pattern,
                                                             v.end_pattern - v.first_pattern);
}

void Dictionaries::finish() {
  point_verbs_at_patterns();
  verb_exact_.clear();
  verb_stem_.clear();
  for (uint32_t v = 0; v < verbs_.size(); ++v) {
    // The root and listed forms match as stems unless they end in '_'; the
    // regular inflections of the root are added as whole words.
    const std::string& r = verbs_[v].root;
    std::vector<std::string> forms = explicit_forms_[v];
    char last = r.back();
    bool vowel_y =
        r.size() > 1 && std::string_view("AEIOU").find(r[r.size() - 2]) != std::string_view::npos;
    if (last == 'E') {
      forms.push_back("=" + r + "S");
      forms.push_back("=" + r + "D");
      forms.push_back("=" + r.substr(0, r.size() - 1) + "ING");
      forms.push_back("=" + r + "N");
    } else if (last == 'Y' && !vowel_y) {
      std::string stem = r.substr(0, r.size() - 1);
      forms.push_back("=" + stem + "IES");
      forms.push_back("=" + stem + "IED");
      forms.push_back("=" + r + "ING");
    } else {
      // One syllable ending consonant-vowel-consonant ("BAN"): the consonant
      // doubles ("BANNED", not "BANED"); otherwise -S, -ES, -ED, -EN, -ING.
      auto vowel = [](char c) {
        return std::string_view("AEIOU").find(c) != std::string_view::npos;
      };
      int groups = 0;
      for (size_t k = 0; k < r.size(); ++k)
        if (vowel(r[k]) && (k == 0 || !vowel(r[k - 1]))) ++groups;
      bool cvc = groups == 1 && r.size() >= 3 && !vowel(last) && vowel(r[r.size() - 2]) &&
                 !vowel(r[r.size() - 3]) &&
                 std::string_view("WXY").find(last) == std::string_view::npos;
      forms.push_back("=" + r + "S");
      if (cvc) {
        forms.push_back("=" + r + last + "ED");
        forms.push_back("=" + r + last + "ING");
        forms.push_back("=" + r + last + "EN");
      } else {
        forms.push_back("=" + r + "ES");
        forms.push_back("=" + r + "ED");
        forms.push_back("=" + r + "EN");
        forms.push_back("=" + r + "ING");
      }
    }
    std::sort(forms.begin(), forms.end());
    forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
    for (const std::string& f : forms)
      (f[0] == '=' ? verb_exact_ : verb_stem_).add(std::string_view(f).substr(1), v);
  }
  actor_exact_.clear();
  actor_stem_.clear();
  for (uint32_t a = 0; a < actors_.size(); ++a) {
    const Phrase& p = actors_[a].phrase;
    (p.exact[0] ? actor_exact_ : actor_stem_).add(p.words[0], a);
  }
  std::string image = store_image();
  auto owned = std::make_shared<const std::string>(std::move(image));
  [[maybe_unused]] const bool ok = attach(*owned, owned);
  assert(ok && "finish() lays out an image it can read");
}

// ------------------------------------------------------- stored image
//
// The actors and the six word indexes live in one image: a header giving
// each section's byte range, then the sections (each 8-byte aligned), in
// the host's byte order (the header records it). finish() builds it in
// memory; a compiled file carries it as is after its length-prefixed part,
// and loading maps the file and checks every offset and size before use.

namespace {

constexpr uint32_t kByteOrder = 0x01020304;
enum Section : uint32_t { kPool, kWords, kCodes, kActors, kIndexSections };
constexpr uint32_t kIndexes = 6;   // nouns, adjectives, verb forms x2, actor first words x2
constexpr uint32_t kPerIndex = 4;  // slots, entries, ids, first_two
constexpr uint32_t kSections = kIndexSections + kIndexes * kPerIndex;
constexpr size_t kFirstTwoWords = 1024;

struct SectionRef {
  uint64_t offset = 0, size = 0;  // bytes, from the start of the image
};
struct ImageHeader {
  uint32_t byte_order = kByteOrder;
  uint32_t sections = kSections;
  uint64_t lengths[kIndexes] = {};
  SectionRef section[kSections];
};

}  // namespace

// Strings of the image, each stored once. The views passed in must outlive
// the pool (they are the dictionaries' own strings).
struct StringPool {
  std::string bytes;
  std::unordered_map<std::string_view, uint32_t> at;
  uint32_t intern(std::string_view s) {
    auto [it, fresh] = at.try_emplace(s, static_cast<uint32_t>(bytes.size()));
    if (fresh) bytes.append(s);
    return it->second;
  }
};

WordIndex::Built WordIndex::lay_out(StringPool& pool) const {
  Built b;
  std::unordered_map<std::string_view, uint32_t> entry_of;
  entry_of.reserve(added_.size());
  std::vector<std::vector<uint32_t>> ids_of;
  std::vector<std::string_view> key_of;
  for (const auto& [key, id] : added_) {
    auto [it, fresh] = entry_of.try_emplace(key, static_cast<uint32_t>(key_of.size()));
    if (fresh) {
      key_of.push_back(key);
      ids_of.emplace_back();
    }
    std::vector<uint32_t>& ids = ids_of[it->second];
    if (ids.empty() || ids.back() != id) ids.push_back(id);
  }
  size_t table = 64;
  while (table < 2 * (key_of.size() + 1)) table *= 2;
  b.slots.assign(table, {0, 0});
  b.first_two.assign(kFirstTwoWords, 0);
  for (uint32_t e = 0; e < key_of.size(); ++e) {
    const std::string_view key = key_of[e];
    b.entries.push_back({pool.intern(key), static_cast<uint32_t>(key.size()),
                         static_cast<uint32_t>(b.ids.size()),
                         static_cast<uint32_t>(ids_of[e].size())});
    b.ids.insert(b.ids.end(), ids_of[e].begin(), ids_of[e].end());
    uint64_t h = kSeed;
    for (char c : key) h = step(h, c);
    size_t i = h & (table - 1);
    while (b.slots[i].entry != 0) i = (i + 1) & (table - 1);
    b.slots[i] = {static_cast<uint32_t>(h >> 32), e + 1};
    b.lengths |= uint64_t{1} << std::min<size_t>(key.size(), 63);
    if (key.size() >= 2) {
      const unsigned pair =
          static_cast<unsigned char>(key[0]) << 8 | static_cast<unsigned char>(key[1]);
      b.first_two[pair >> 6] |= uint64_t{1} << (pair & 63);
    }
  }
  return b;
}

void WordIndex::add(std::string_view key, uint32_t id) {
  added_.emplace_back(std::string(key), id);
}

void WordIndex::clear() {
  added_.clear();
  t_ = {};
  own_.reset();
}

void WordIndex::build() {
  struct Own {
    StringPool pool;
    Built built;
  };
  auto own = std::make_shared<Own>();
  own->built = lay_out(own->pool);
  own->pool.at.clear();  // its views are of added_
  t_ = {own->built.slots,     own->built.entries, own->built.ids,
        own->built.first_two, own->built.lengths, own->pool.bytes.data()};
  own_ = std::move(own);
}

std::span<const uint32_t> WordIndex::probe(uint64_t h, std::string_view key) const {
  if (t_.slots.empty()) return {};
  const size_t mask = t_.slots.size() - 1;
  const auto check = static_cast<uint32_t>(h >> 32);
  for (size_t i = h & mask; t_.slots[i].entry != 0; i = (i + 1) & mask) {
    if (t_.slots[i].check != check) continue;
    const Entry& e = t_.entries[t_.slots[i].entry - 1];
    if (std::string_view(t_.pool + e.key_offset, e.key_size) == key)
      return t_.ids.subspan(e.first_id, e.ids);
  }
  return {};
}

std::span<const uint32_t> WordIndex::find(std::string_view key) const {
  if (!(t_.lengths >> std::min<size_t>(key.size(), 63) & 1)) return {};
  uint64_t h = kSeed;
  for (char c : key) h = step(h, c);
  return probe(h, key);
}

std::vector<std::string_view> WordIndex::keys() const {
  std::vector<std::string_view> out;
  for (const Entry& e : t_.entries) out.emplace_back(t_.pool + e.key_offset, e.key_size);
  return out;
}

void WordIndex::prefixes(std::string_view word, std::vector<uint32_t>& out) const {
  if (t_.slots.empty()) return;
  uint64_t h = kSeed;
  size_t longest = word.size();
  if (word.size() >= 2) {
    const unsigned pair =
        static_cast<unsigned char>(word[0]) << 8 | static_cast<unsigned char>(word[1]);
    if (!(t_.first_two[pair >> 6] >> (pair & 63) & 1)) longest = 1;
  }
  for (size_t len = 1; len <= longest; ++len) {
    h = step(h, word[len - 1]);
    if (!(t_.lengths >> std::min<size_t>(len, 63) & 1)) continue;
    const std::span<const uint32_t> ids = probe(h, word.substr(0, len));
    out.insert(out.end(), ids.begin(), ids.end());
  }
}

ActorView ActorTable::operator[](size_t a) const {
  const StoredActor& s = actors_[a];
  const StoredWord* w = words_.data() + s.first_word;
  return {{{w, s.words, pool_}, {w, s.words, 1}, {w, s.words, 2}},
          {codes_.data() + s.first_code, s.codes_agent >> 1, pool_},
          (s.codes_agent & 1) != 0};
}

std::string Dictionaries::store_image() const {
  StringPool pool;
  pool.at.reserve(actors_.size() * 2);
  std::vector<StoredWord> words;
  std::vector<StoredCode> codes;
  std::vector<StoredActor> actors;
  actors.reserve(actors_.size());
  words.reserve(actors_.size() * 3);
  codes.reserve(actors_.size() * 2);
  for (const Actor& a : actors_) {
    actors.push_back({static_cast<uint32_t>(words.size()),
                      static_cast<uint32_t>(a.phrase.words.size()),
                      static_cast<uint32_t>(codes.size()),
                      static_cast<uint32_t>(a.codes.size() << 1 | a.agent)});
    for (size_t k = 0; k < a.phrase.words.size(); ++k) {
      const std::string& w = a.phrase.words[k];
      words.push_back({pool.intern(w), static_cast<uint32_t>(w.size() << 2 | a.phrase.gap[k] << 1 |
                                                             a.phrase.exact[k])});
    }
    for (const DatedCode& c : a.codes)
      codes.push_back({pool.intern(c.code), static_cast<uint32_t>(c.code.size()), c.from, c.to});
  }
  const WordIndex* indexes[kIndexes] = {&nouns_,     &adjectives_,  &verb_exact_,
                                        &verb_stem_, &actor_exact_, &actor_stem_};
  std::vector<WordIndex::Built> built;
  for (const WordIndex* ix : indexes) built.push_back(ix->lay_out(pool));

  ImageHeader h;
  size_t total = sizeof h + 8 * kSections + pool.bytes.size() + words.size() * sizeof(StoredWord) +
                 codes.size() * sizeof(StoredCode) + actors.size() * sizeof(StoredActor);
  for (const WordIndex::Built& b : built)
    total += b.slots.size() * sizeof(WordIndex::Slot) +
             b.entries.size() * sizeof(WordIndex::Entry) + b.ids.size() * 4 +
             b.first_two.size() * 8;
  std::string out;
  out.reserve(total);
  out.assign(sizeof h, '\0');
  auto put = [&](uint32_t section, const void* data, size_t bytes) {
    out.resize((out.size() + 7) / 8 * 8, '\0');
    h.section[section] = {out.size(), bytes};
    out.append(static_cast<const char*>(data), bytes);
  };
  auto put_all = [&](uint32_t section, const auto& v) {
    put(section, v.data(), v.size() * sizeof(v[0]));
  };
  put_all(kWords, words);
  put_all(kCodes, codes);
  put_all(kActors, actors);
  for (uint32_t i = 0; i < kIndexes; ++i) {
    const uint32_t base = kIndexSections + i * kPerIndex;
    put_all(base, built[i].slots);
    put_all(base + 1, built[i].entries);
    put_all(base + 2, built[i].ids);
    put_all(base + 3, built[i].first_two);
    h.lengths[i] = built[i].lengths;
  }
  put(kPool, pool.bytes.data(), pool.bytes.size());
  std::memcpy(out.data(), &h, sizeof h);
  return out;
}

bool Dictionaries::attach(std::string_view image, std::shared_ptr<const void> keep) {
  ImageHeader h;
  if (image.size() < sizeof h || reinterpret_cast<uintptr_t>(image.data()) % 8 != 0) return false;
  std::memcpy(&h, image.data(), sizeof h);
  if (h.byte_order != kByteOrder || h.sections != kSections) return false;
  bool ok = true;
  auto section = [&]<class T>(uint32_t k, std::span<const T>& out) {
    const SectionRef r = h.section[k];
    if (r.offset % 8 != 0 || r.offset > image.size() || r.size > image.size() - r.offset ||
        r.size % sizeof(T) != 0) {
      ok = false;
      return;
    }
    out = {reinterpret_cast<const T*>(image.data() + r.offset), r.size / sizeof(T)};
  };
  std::span<const char> pool;
  ActorTable table;
  section(kPool, pool);
  section(kWords, table.words_);
  section(kCodes, table.codes_);
  section(kActors, table.actors_);
  if (!ok) return false;
  table.pool_ = pool.data();
  auto in_pool = [&](uint64_t offset, uint64_t size) {
    return offset <= pool.size() && size <= pool.size() - offset;
  };
  for (const StoredWord& w : table.words_)
    if (!in_pool(w.offset, w.size_flags >> 2)) return false;
  for (const StoredCode& c : table.codes_)
    if (!in_pool(c.offset, c.size)) return false;
  for (const StoredActor& a : table.actors_) {
    if (a.words == 0 || a.first_word > table.words_.size() ||
        a.words > table.words_.size() - a.first_word || a.first_code > table.codes_.size() ||
        (a.codes_agent >> 1) > table.codes_.size() - a.first_code)
      return false;
  }
  WordIndex* indexes[kIndexes] = {&nouns_,     &adjectives_,  &verb_exact_,
                                  &verb_stem_, &actor_exact_, &actor_stem_};
  // Ids index verbs() or actors(); noun and adjective ids are unused.
  const uint64_t bound[kIndexes] = {
      UINT32_MAX + uint64_t{1}, UINT32_MAX + uint64_t{1}, verbs_.size(), verbs_.size(),
      table.actors_.size(),     table.actors_.size()};
  WordIndex::Tables tables[kIndexes];
  for (uint32_t i = 0; i < kIndexes; ++i) {
    WordIndex::Tables& t = tables[i];
    const uint32_t base = kIndexSections + i * kPerIndex;
    section(base, t.slots);
    section(base + 1, t.entries);
    section(base + 2, t.ids);
    section(base + 3, t.first_two);
    t.lengths = h.lengths[i];
    t.pool = pool.data();
    // Probing stops at an empty slot: the table must hold one.
    if (!ok || t.first_two.size() != kFirstTwoWords || !std::has_single_bit(t.slots.size()))
      return false;
    bool empty_slot = false;
    for (const WordIndex::Slot& s : t.slots) {
      if (s.entry > t.entries.size()) return false;
      empty_slot |= s.entry == 0;
    }
    if (!empty_slot) return false;
    for (const WordIndex::Entry& e : t.entries)
      if (!in_pool(e.key_offset, e.key_size) || e.first_id > t.ids.size() ||
          e.ids > t.ids.size() - e.first_id)
        return false;
    for (uint32_t id : t.ids)
      if (id >= bound[i]) return false;
  }
  for (uint32_t i = 0; i < kIndexes; ++i) indexes[i]->attach(tables[i]);
  table_ = table;
  image_ = image;
  image_keep_ = std::move(keep);
  return true;
}

// ------------------------------------------------------- compiled file
//
// "CTDICT2\n", a u32 byte count, then options, patterns, verbs (each with
// its range of patterns), synsets and issue phrases as length-prefixed fields
// (little-endian u32 counts and numbers, strings as length + bytes), zero
// bytes up to a multiple of 8, then the stored image (above) to the end of
// the file.

namespace {

constexpr std::string_view kCompiledMagic = "CTDICT2\n";
constexpr std::string_view kCompiledFamily = "CTDICT";

struct Writer {
  std::string out;
  void u32(uint32_t v) {
    for (int k = 0; k < 4; ++k) out.push_back(static_cast<char>(v >> (8 * k) & 0xff));
  }
  void i32(int v) { u32(static_cast<uint32_t>(v)); }
  void str(std::string_view s) {
    u32(static_cast<uint32_t>(s.size()));
    out.append(s);
  }
  void elems(const std::vector<Elem>& v) {
    u32(static_cast<uint32_t>(v.size()));
    for (const Elem& e : v) {
      out.push_back(static_cast<char>(e.kind));
      out.push_back(static_cast<char>(e.tight | e.exact << 1));
      str(e.word);
      u32(static_cast<uint32_t>(e.alts.size()));
      for (const auto& alt : e.alts) elems(alt);
    }
  }
  void pattern(const Pattern& p) {
    elems(p.before);
    elems(p.after);
    str(p.code);
    str(p.code2);
    i32(p.line);
  }
};

struct Reader {
  std::string_view in;
  bool ok = true;
  uint32_t u32() {
    if (in.size() < 4) return fail();
    uint32_t v = 0;
    for (int k = 0; k < 4; ++k)
      v |= static_cast<uint32_t>(static_cast<unsigned char>(in[k])) << (8 * k);
    in.remove_prefix(4);
    return v;
  }
  // A count of items each taking at least `min_bytes`: bounded by what is left.
  uint32_t count(size_t min_bytes) {
    const uint32_t n = u32();
    return n > in.size() / min_bytes ? fail() : n;
  }
  uint32_t fail() {
    ok = false;
    in = {};
    return 0;
  }
  std::string str() {
    const uint32_t n = u32();
    if (n > in.size()) return fail(), std::string();
    std::string s(in.substr(0, n));
    in.remove_prefix(n);
    return s;
  }
  uint8_t byte() {
    if (in.empty()) return static_cast<uint8_t>(fail());
    const auto b = static_cast<uint8_t>(in[0]);
    in.remove_prefix(1);
    return b;
  }
  std::vector<Elem> elems(int depth = 0) {
    std::vector<Elem> v;
    if (depth > 16) return fail(), v;
    const uint32_t n = count(10);
    for (uint32_t k = 0; k < n && ok; ++k) {
      Elem e;
      const uint8_t kind = byte();
      if (kind > static_cast<uint8_t>(ElemKind::kSynset)) return fail(), v;
      e.kind = static_cast<ElemKind>(kind);
      const uint8_t flags = byte();
      e.tight = flags & 1;
      e.exact = flags & 2;
      e.word = str();
      const uint32_t alts = count(4);
      for (uint32_t a = 0; a < alts && ok; ++a) e.alts.push_back(elems(depth + 1));
      v.push_back(std::move(e));
    }
    return v;
  }
  Pattern pattern() {
    Pattern p;
    p.before = elems();
    p.after = elems();
    p.code = str();
    p.code2 = str();
    p.line = static_cast<int>(u32());
    return p;
  }
};

// A read-only mapping of a whole file.
struct Mapping {
  void* at = MAP_FAILED;
  size_t size = 0;
  ~Mapping() {
    if (at != MAP_FAILED) munmap(at, size);
  }
};

size_t padded(size_t n) {
  return (n + 7) / 8 * 8;
}

}  // namespace

bool Dictionaries::save_compiled(const std::string& path, std::string& err) const {
  if (image_.empty()) {
    err = "nothing to write to " + path + " (the dictionaries were not finished)";
    return false;
  }
  Writer w;
  const CoderOptions& o = options_;
  for (int v : {o.min_words, int{o.comma}, o.comma_min, o.comma_max, o.end_min, o.end_max,
                o.begin_min, o.begin_max, int{o.convert_agents}})
    w.i32(v);
  w.u32(static_cast<uint32_t>(patterns_.size()));
  for (const Pattern& p : patterns_) w.pattern(p);
  w.u32(static_cast<uint32_t>(verbs_.size()));
  for (size_t v = 0; v < verbs_.size(); ++v) {
    w.str(verbs_[v].root);
    w.u32(verbs_[v].story_discard);
    w.pattern(verbs_[v].base);
    w.u32(verbs_[v].first_pattern);
    w.u32(verbs_[v].end_pattern);
    w.u32(static_cast<uint32_t>(explicit_forms_[v].size()));
    for (const std::string& f : explicit_forms_[v]) w.str(f);
  }
  w.u32(static_cast<uint32_t>(synsets_.size()));
  for (const auto& [name, alts] : synsets_) {
    w.str(name);
    w.u32(static_cast<uint32_t>(alts.size()));
    for (const auto& alt : alts) w.elems(alt);
  }
  w.u32(static_cast<uint32_t>(issues_.size()));
  for (const IssuePhrase& p : issues_) {
    w.str(p.category);
    w.str(p.code);
    w.u32(p.exclude);
    w.u32(static_cast<uint32_t>(p.tokens.size()));
    for (const auto& spellings : p.tokens) {
      w.u32(static_cast<uint32_t>(spellings.size()));
      for (const std::string& t : spellings) w.str(t);
    }
  }
  Writer head;
  head.out.append(kCompiledMagic);
  head.u32(static_cast<uint32_t>(w.out.size()));
  head.out.append(w.out);
  head.out.resize(padded(head.out.size()), '\0');
  // Written beside it and renamed over it: a process that has the old file
  // mapped keeps reading the old file, never a half-written one.
  const std::string part = path + ".part" + std::to_string(::getpid());
  std::ofstream out(part, std::ios::binary | std::ios::trunc);
  if (!out || !out.write(head.out.data(), static_cast<std::streamsize>(head.out.size())) ||
      !out.write(image_.data(), static_cast<std::streamsize>(image_.size())) || !out.flush()) {
    std::remove(part.c_str());
    err = "cannot write " + path;
    return false;
  }
  out.close();
  if (std::rename(part.c_str(), path.c_str()) != 0) {
    std::remove(part.c_str());
    err = "cannot write " + path;
    return false;
  }
  return true;
}

bool Dictionaries::load_compiled(const std::string& path, std::string& err) {
  // Mapped, not read: the image is used where it lies, and only the pages
  // coding touches are ever read from the page cache (reading the whole
  // file costs ten times more). Like the lexicon image, the file must be
  // replaced, not rewritten in place, while a process uses it;
  // save_compiled() does so.
  auto map = std::make_shared<Mapping>();
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat st {};
  if (fd < 0 || ::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    if (fd >= 0) ::close(fd);
    err = "cannot read " + path;
    return false;
  }
  map->size = static_cast<size_t>(st.st_size);
  if (map->size > 0) map->at = ::mmap(nullptr, map->size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (map->size > 0 && map->at == MAP_FAILED) {
    err = "cannot read " + path;
    return false;
  }
  const std::string_view data(map->size > 0 ? static_cast<const char*>(map->at) : "", map->size);
  if (data.substr(0, kCompiledMagic.size()) != kCompiledMagic) {
    if (data.substr(0, kCompiledFamily.size()) == kCompiledFamily)
      err = path + ": compiled by another version of claimtrace (format " +
            std::string(data.substr(0, std::min(data.find('\n'), size_t{12}))) +
            ", this one reads " + std::string(kCompiledMagic.substr(0, kCompiledMagic.size() - 1)) +
            "): compile it again with claimtrace lexicon import";
    else
      err = path + ": not a compiled dictionary file (claimtrace lexicon import)";
    return false;
  }
  Reader head{data.substr(kCompiledMagic.size())};
  const uint32_t serial_size = head.u32();
  const size_t image_at = padded(kCompiledMagic.size() + 4 + size_t{serial_size});
  if (!head.ok || serial_size > head.in.size() || image_at > data.size()) {
    err = path + ": truncated or corrupt compiled dictionary file";
    return false;
  }
  Reader r{head.in.substr(0, serial_size)};
  Dictionaries d;
  CoderOptions& o = d.options_;
  for (int* v : {&o.min_words, &o.comma_min, &o.comma_max, &o.end_min, &o.end_max, &o.begin_min,
                 &o.begin_max}) {
    if (v == &o.comma_min) o.comma = r.u32() != 0;
    *v = static_cast<int>(r.u32());
  }
  o.convert_agents = r.u32() != 0;
  const uint32_t npatterns = r.count(20);
  d.patterns_.reserve(npatterns);
  for (uint32_t k = 0; k < npatterns && r.ok; ++k) d.patterns_.push_back(r.pattern());
  const uint32_t nverbs = r.count(16);
  d.verbs_.reserve(nverbs);
  d.explicit_forms_.reserve(nverbs);
  for (uint32_t v = 0; v < nverbs && r.ok; ++v) {
    Verb verb;
    verb.root = r.str();
    verb.story_discard = r.u32() != 0;
    verb.base = r.pattern();
    verb.first_pattern = r.u32();
    verb.end_pattern = r.u32();
    if (verb.root.empty() || verb.first_pattern > verb.end_pattern ||
        verb.end_pattern > d.patterns_.size())
      r.fail();
    d.verbs_.push_back(std::move(verb));
    d.explicit_forms_.emplace_back();
    const uint32_t nf = r.count(4);
    for (uint32_t k = 0; k < nf && r.ok; ++k) {
      d.explicit_forms_.back().push_back(r.str());
      if (d.explicit_forms_.back().back().size() < 2) r.fail();  // "=WORD" / "~WORD"
    }
  }
  const uint32_t nsets = r.count(8);
  for (uint32_t k = 0; k < nsets && r.ok; ++k) {
    std::string name = r.str();
    auto& alts = d.synsets_[name];
    const uint32_t na = r.count(4);
    for (uint32_t a = 0; a < na && r.ok; ++a) alts.push_back(r.elems());
  }
  const uint32_t nissues = r.count(16);
  for (uint32_t k = 0; k < nissues && r.ok; ++k) {
    IssuePhrase p;
    p.category = r.str();
    p.code = r.str();
    p.exclude = r.u32() != 0;
    const uint32_t positions = r.count(4);
    for (uint32_t t = 0; t < positions && r.ok; ++t) {
      auto& spellings = p.tokens.emplace_back();
      const uint32_t ns = r.count(4);
      for (uint32_t k2 = 0; k2 < ns && r.ok; ++k2) spellings.push_back(r.str());
      if (spellings.empty()) r.fail();
    }
    if (p.tokens.empty()) r.fail();
    if (!r.ok) break;
    const auto id = static_cast<uint32_t>(d.issues_.size());
    for (const std::string& first : p.tokens.front()) d.issue_first_.add(first, id);
    d.issues_.push_back(std::move(p));
  }
  d.issue_first_.build();
  if (!r.ok || !r.in.empty() || !d.attach(data.substr(image_at), std::move(map))) {
    err = path + ": truncated or corrupt compiled dictionary file";
    return false;
  }
  d.point_verbs_at_patterns();
  d.diags_ = std::move(diags_);
  *this = std::move(d);
  return true;
}

void Dictionaries::verbs_for(std::string_view word, std::vector<uint32_t>& out) const {
  out.clear();
  const std::span<const uint32_t> exact = verb_exact_.find(word);
  out.assign(exact.begin(), exact.end());
  verb_stem_.prefixes(word, out);
  if (out.size() > 1) {
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
  }
}

void Dictionaries::actors_for(std::string_view word, std::vector<uint32_t>& out) const {
  out.clear();
  const std::span<const uint32_t> exact = actor_exact_.find(word);
  out.assign(exact.begin(), exact.end());
  // Whole words with a plural or possessive ending (the matcher checks which).
  for (std::string_view end : {"S", "ES", "'S", "S'", "'"}) {
    if (word.size() <= end.size() || word.substr(word.size() - end.size()) != end) continue;
    const std::span<const uint32_t> ids =
        actor_exact_.find(word.substr(0, word.size() - end.size()));
    out.insert(out.end(), ids.begin(), ids.end());
  }
  actor_stem_.prefixes(word, out);
  if (out.size() > 1) {
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
  }
}

// ------------------------------------------------------------------ coder

namespace {

struct Hit {
  uint32_t begin, end;  // token range
  std::string code;
  bool agent;
};

std::string code_on(const ActorView& a, int date) {
  std::optional<DatedCodeView> fallback;
  for (const DatedCodeView c : a.codes) {
    if (c.from == 0 && c.to == 0) {
      if (!fallback) fallback = c;
      continue;
    }
    if (date == 0) continue;
    if ((c.from == 0 || date >= c.from) && (c.to == 0 || date <= c.to)) return std::string(c.code);
  }
  if (fallback) return std::string(fallback->code);
  // Unknown date: the first code listed.
  return date == 0 && !a.codes.empty() ? std::string(a.codes.front().code) : std::string();
}

// Adds an agent code to each of an actor's codes ("ARN" + "~GOV" = "ARNGOV"),
// unless the code already holds it ("USAGOV" stays).
std::string combine_agent(const std::string& actor, const std::string& agent, bool suffix) {
  std::string out;
  size_t start = 0;
  while (start <= actor.size()) {
    size_t slash = actor.find('/', start);
    std::string part = actor.substr(start, slash == std::string::npos ? slash : slash - start);
    // Codes are three-letter blocks: "GMWGOV" holds GOV but not WGO.
    bool holds = false;
    for (size_t k = 0; k + agent.size() <= part.size() && !holds; k += 3)
      holds = part.compare(k, agent.size(), agent) == 0;
    if (!holds) part = suffix ? part + agent : agent + part;
    if (!out.empty()) out += '/';
    out += part;
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return out;
}

std::vector<std::string> split_codes(const std::string& code) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    size_t slash = code.find('/', start);
    out.push_back(code.substr(start, slash == std::string::npos ? slash : slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return out;
}

// `token` is `word` with a regular plural or possessive ending.
bool noun_ending(std::string_view token, std::string_view word) {
  if (token.size() <= word.size() || token.substr(0, word.size()) != word) return false;
  std::string_view end = token.substr(word.size());
  return end == "S" || end == "ES" || end == "'S" || end == "S'" || end == "'";
}

// Synonym sets and alternatives in a pattern: at a tie in words matched, a
// pattern of literal words wins ("* DOLLAR" over "* &CURRENCY", "* RESISTANCE
// TO THE INVADING" over "* RESIST { TO THE END | ... }").
int synsets_in(const std::vector<Elem>& elems) {
  int n = 0;
  for (const Elem& e : elems) {
    n += e.kind == ElemKind::kSynset || e.kind == ElemKind::kAlt;
    for (const auto& alt : e.alts) n += synsets_in(alt);
  }
  return n;
}

int synsets_in(const Pattern& p) {
  return synsets_in(p.before) + synsets_in(p.after);
}

bool is_pronoun(std::string_view w) {
  return w == "HE" || w == "SHE" || w == "IT" || w == "THEY" || w == "HIM" || w == "HER" ||
         w == "THEM";
}

// The token is the phrase's adjacent words joined by hyphens ("AL-GORE" for
// AL_GORE; each word whole or, the last one, a stem).
bool hyphenated(std::string_view token, const PhraseView& p) {
  for (size_t k = 0; k < p.words.size(); ++k) {
    if (k > 0 && p.gap[k]) return false;
    const size_t dash = token.find('-');
    const std::string_view part = k + 1 == p.words.size() ? token : token.substr(0, dash);
    if (k + 1 < p.words.size() && dash == std::string_view::npos) return false;
    if (!word_matches(part, p.words[k], p.exact[k])) return false;
    if (k + 1 < p.words.size()) token.remove_prefix(dash + 1);
  }
  return true;
}

bool possessive(std::string_view w) {
  return w.ends_with("'S") || w.ends_with("S'");
}

bool is_punct(std::string_view w) {
  return !w.empty() && !std::isalnum(static_cast<unsigned char>(w[0]));
}

// A sentence's words looked up once: upper-cased, capitalisation, and the
// verbs and actors each word can start. Clauses are coded on slices of it.
struct PreparedWords {
  std::vector<std::string> up;
  std::vector<char> capital;  // capitalised inside mixed-case text: a noun
  std::vector<std::vector<uint32_t>> verbs, actors;

  PreparedWords() = default;
  PreparedWords(const Dictionaries& d, const std::vector<std::string_view>& words) {
    const size_t n = words.size();
    bool has_lower = false;
    up.resize(n);
    for (size_t i = 0; i < n; ++i) {
      std::string& u = up[i];
      u.resize(words[i].size());
      for (size_t k = 0; k < u.size(); ++k) {
        const char c = words[i][k];
        has_lower |= c >= 'a' && c <= 'z';
        u[k] = c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c;
      }
    }
    capital.resize(n);
    for (size_t i = 0; i < n; ++i)
      capital[i] =
          i > 0 && has_lower && !words[i].empty() && words[i][0] >= 'A' && words[i][0] <= 'Z';
    verbs.resize(n);
    actors.resize(n);
    for (size_t i = 0; i < n; ++i) {
      if (is_punct(up[i])) continue;
      d.verbs_for(up[i], verbs[i]);
      d.actors_for(up[i], actors[i]);
      // "AL-GORE" may be the phrase AL_GORE: look up its first part too.
      if (const size_t dash = up[i].find('-'); dash != std::string::npos && dash > 0) {
        std::vector<uint32_t> more;
        d.actors_for(std::string_view(up[i]).substr(0, dash), more);
        actors[i].insert(actors[i].end(), more.begin(), more.end());
      }
    }
  }
  // The words at `kept`, in order.
  PreparedWords select(const std::vector<uint32_t>& kept) const {
    PreparedWords out;
    for (uint32_t t : kept) {
      out.up.push_back(up[t]);
      out.capital.push_back(capital[t]);
      out.verbs.push_back(verbs[t]);
      out.actors.push_back(actors[t]);
    }
    return out;
  }
};

class SentenceCoder {
 public:
  // Codes words[start..]. `pronoun`: the code "he", "she", "it", "they" (and
  // their object forms) stand for ("" = none).
  SentenceCoder(const Dictionaries& d, const PreparedWords& words, size_t start, int date,
                const std::string& pronoun = {})
      : d_(d),
        date_(date),
        pronoun_(pronoun),
        up_(std::span(words.up).subspan(start)),
        capital_(std::span(words.capital).subspan(start)),
        verbs_(std::span(words.verbs).subspan(start)),
        actors_(std::span(words.actors).subspan(start)) {
    carried_.code = pronoun;
    find_actors();
  }

  std::vector<CodedEvent> run();
  // The sentence holds a discard: an actor coded "###" on the record's date
  // or a verb phrase whose own code is "###" ("KAN_WA_MA_KAN [###]").
  // 0: no discard; 1: the sentence is discarded; 2: the whole article is.
  int discarded();
  // Token indexes left after removing comma-delimited clauses of the sizes
  // the options give; commas inside a list of actors are kept.
  std::vector<uint32_t> kept_tokens(const CoderOptions& o) const;

 private:
  void find_actors();
  const Hit* hit_at(uint32_t pos) const {
    for (const Hit& h : hits_)
      if (pos >= h.begin && pos < h.end) return &h;
    return nullptr;
  }
  // Matches elems[k..] from token `pos` going in direction `dir` (+1/-1); a
  // tight element must match at `pos`, others at the first place they can.
  // Returns the number of words matched or -1; `end` is the next free token.
  // `anchored`: the first element must match at `pos` (alternatives); later
  // ones follow their own '_' or space.
  int match(const std::vector<Elem>& elems, size_t k, long pos, int dir, long& end,
            bool anchored = false);
  int match_elem(const Elem& e, long pos, int dir, long& next);

  // The actors joined to `h` by "and" or commas (determiners and listed
  // adjectives may come between), in text order.
  std::vector<const Hit*> compound(const Hit* h) const;
  // One event per code pair ("FRO/BIL" codes two actors).
  static void emit(std::vector<CodedEvent>& out, const Hit* s, const Hit* t,
                   const std::string& code, uint32_t verb);
  // 0: the tokens between do not join two actors; 1: a comma; 2: "and".
  int joins(uint32_t from, uint32_t to) const;
  // The tokens in [from, to) are only determiners and listed adjectives.
  bool only_modifiers(uint32_t from, uint32_t to) const;
  // "was VERBed", "have been VERBed": the verb is passive.
  bool is_passive(uint32_t verb) const;
  // The first "and", "but", "or" or ";" after `verb` that does not join two
  // actors: the default target is looked for before it.
  uint32_t clause_end(uint32_t verb) const;
  // The token after the last "and", "but", "or" or ";" before `verb` that
  // joins neither actors nor listed nouns or adjectives, when no verb comes
  // before it (0 = none: the sentence's subject carries on).
  uint32_t clause_start(uint32_t verb) const;

  const Dictionaries& d_;
  int date_;
  std::string pronoun_;
  Hit carried_{0, 0, {}, false};

  std::span<const std::string> up_;
  std::span<const char> capital_;
  std::span<const std::vector<uint32_t>> verbs_, actors_;
  std::vector<Hit> hits_;
  const Hit* src_ = nullptr;
  const Hit* tgt_ = nullptr;
  const Hit* comp_ = nullptr;
  std::vector<const Hit*> skipped_;  // actors a '^' passed over in the current match
};

void SentenceCoder::find_actors() {
  std::vector<Hit> raw;
  for (uint32_t i = 0; i < up_.size();) {
    if (is_punct(up_[i])) {
      ++i;
      continue;
    }
    const std::vector<uint32_t>& cands = actors_[i];
    size_t best_words = 0;
    uint32_t best_end = 0;
    std::optional<ActorView> best;
    for (uint32_t a : cands) {
      const ActorView actor = d_.actors()[a];
      const PhraseView& p = actor.phrase;
      if (p.words.size() <= best_words) continue;
      if (p.words.size() > 1 && hyphenated(up_[i], p)) {
        best_words = p.words.size();
        best_end = i + 1;
        best = actor;
        continue;
      }
      if (i + p.words.size() > up_.size()) continue;
      uint32_t at = i;  // next token to match
      bool ok = true;
      for (size_t k = 0; k < p.words.size() && ok; ++k) {
        // After a space in the phrase, up to three words may come between.
        uint32_t last = k > 0 && p.gap[k] ? at + 3 : at;
        ok = false;
        for (uint32_t t = at; t <= last && t < up_.size() && !ok; ++t) {
          // Quotation marks inside a spaced phrase are passed over, uncounted
          // (AL GORE: 'Al "The Weasel" Gore').
          if (k > 0 && p.gap[k] && up_[t] == "\"" && last + 1 < up_.size()) {
            ++last;
            continue;
          }
          if (is_punct(up_[t])) break;
          ok = word_matches(up_[t], p.words[k], p.exact[k]);
          // Nouns match their regular plurals and possessives too.
          if (!ok && k + 1 == p.words.size()) ok = noun_ending(up_[t], p.words[k]);
          if (ok) at = t + 1;
        }
      }
      if (ok) {
        best_words = p.words.size();
        best_end = at;
        best = actor;
      }
    }
    if (best) {
      raw.push_back({i, best_end, code_on(*best, date_), best->agent});
      i = best_end;
    } else if (!pronoun_.empty() && is_pronoun(up_[i])) {
      raw.push_back({i, i + 1, pronoun_, false});
      ++i;
    } else {
      ++i;
    }
  }
  // Agents join the actor before them ("Arnor's president", "Arnorian
  // president") or after "of" ("the president of Arnor").
  std::vector<bool> used(raw.size(), false);
  for (size_t h = 0; h < raw.size(); ++h) {
    if (!raw[h].agent) continue;
    std::string ag = raw[h].code;
    size_t tilde = ag.find('~');
    bool suffix = tilde == 0;
    std::string bare = ag;
    bare.erase(std::remove(bare.begin(), bare.end(), '~'), bare.end());
    bare = std::string(trim(bare));
    long partner = -1;
    if (h > 0 && !raw[h - 1].agent && !used[h - 1]) {
      // Right before the agent ("Arnor's president"; a split-off "'s" may
      // come between).
      const uint32_t end = raw[h - 1].end, gap = raw[h].begin - end;
      if (gap == 0 || (gap == 1 && (up_[end] == "'S" || up_[end] == "'" || up_[end] == "FORMER")))
        partner = static_cast<long>(h - 1);
    }
    if (partner < 0 && h + 1 < raw.size() && !raw[h + 1].agent) {
      // "the president of Arnor", "activists in Arnor", "activists Arnor".
      bool ok = raw[h + 1].begin >= raw[h].end && raw[h + 1].begin - raw[h].end <= 2;
      for (uint32_t t = raw[h].end; t < raw[h + 1].begin && ok; ++t)
        ok = up_[t] == "OF" || up_[t] == "THE" || up_[t] == "IN";
      if (ok) partner = static_cast<long>(h + 1);
    }
    if (partner >= 0) {
      Hit& a = raw[partner];
      // "former" before the agent or its actor makes it an elite (~ELI):
      // "Arnor former security officials", "former Gondor prosecutors".
      const uint32_t first = std::min(a.begin, raw[h].begin);
      const bool former = (first > 0 && up_[first - 1] == "FORMER") ||
                          (raw[h].begin > 0 && up_[raw[h].begin - 1] == "FORMER");
      a.code = former ? combine_agent(a.code, "ELI", true) : combine_agent(a.code, bare, suffix);
      a.begin = std::min(a.begin, raw[h].begin);
      a.end = std::max(a.end, raw[h].end);
      used[h] = true;
    }
  }
  // A prefix agent alone is an actor code of its own ("NGM~" codes "NGM");
  // a type agent alone ("~GOV": "the government") codes its type unless
  // agent conversion is off.
  for (size_t h = 0; h < raw.size(); ++h) {
    if (!raw[h].agent || used[h]) continue;
    std::string& c = raw[h].code;
    c.erase(std::remove(c.begin(), c.end(), ' '), c.end());
    if (!c.empty() && c.front() == '~' && !d_.options().convert_agents) {
      used[h] = true;
      continue;
    }
    if (!c.empty() && c.back() == '~') c.pop_back();
    raw[h].agent = false;
  }
  for (size_t h = 0; h < raw.size(); ++h)
    if (!used[h]) hits_.push_back(raw[h]);
  // With no earlier clause to refer to, "he", "she", "it", "they" stand for
  // the sentence's first actor before them ("Gondor's Prime Minister said he
  // regretted ...").
  if (pronoun_.empty() && !hits_.empty()) {
    const Hit first = hits_.front();
    for (uint32_t i = first.end; i < up_.size(); ++i) {
      if (!is_pronoun(up_[i]) || hit_at(i) || first.code.empty()) continue;
      auto at = std::find_if(hits_.begin(), hits_.end(), [&](const Hit& h) { return h.begin > i; });
      hits_.insert(at, Hit{i, i + 1, first.code, false});
    }
  }
}

int SentenceCoder::match_elem(const Elem& e, long pos, int dir, long& next) {
  if (pos < 0 || pos >= static_cast<long>(up_.size())) return -1;
  switch (e.kind) {
    case ElemKind::kWord:
      if (!word_matches(up_[pos], e.word, e.exact)) return -1;
      next = pos + dir;
      return 1;
    case ElemKind::kSkip: {
      // One word, or a whole actor with its determiner ("at the Gondor").
      long p = pos;
      if (dir > 0 && (up_[p] == "THE" || up_[p] == "A" || up_[p] == "AN") &&
          p + 1 < static_cast<long>(up_.size()))
        ++p;
      if (const Hit* h = hit_at(static_cast<uint32_t>(p))) {
        skipped_.push_back(h);
        next = dir > 0 ? h->end : static_cast<long>(h->begin) - 1;
        if (dir < 0 && next >= 0 && (up_[next] == "THE" || up_[next] == "A" || up_[next] == "AN"))
          --next;
        return 0;
      }
      next = pos + dir;
      return 0;
    }
    case ElemKind::kSource:
    case ElemKind::kTarget:
    case ElemKind::kCompound: {
      const Hit* h = hit_at(static_cast<uint32_t>(pos));
      if (!h) return -1;
      (e.kind == ElemKind::kSource ? src_ : e.kind == ElemKind::kTarget ? tgt_ : comp_) = h;
      next = dir > 0 ? h->end : static_cast<long>(h->begin) - 1;
      return 0;
    }
    case ElemKind::kAlt:
    case ElemKind::kSynset: {
      const std::vector<std::vector<Elem>>* alts = &e.alts;
      if (e.kind == ElemKind::kSynset) {
        auto it = d_.synsets().find(e.word);
        if (it == d_.synsets().end()) return -1;
        alts = &it->second;
      }
      for (const std::vector<Elem>& alt : *alts) {
        if (alt.empty()) continue;
        // Alternatives are in text order: going backwards, try each start
        // that ends at `pos`.
        for (long start = pos; start >= 0 && start > pos - 8; --start) {
          long end = 0;
          long s = dir > 0 ? pos : start;
          int got = match(alt, 0, s, +1, end, /*anchored=*/true);
          if (got >= 0 && (dir > 0 || end == pos + 1)) {
            next = dir > 0 ? end : start - 1;
            return got;
          }
          if (dir > 0) break;
        }
      }
      return -1;
    }
  }
  return -1;
}

int SentenceCoder::match(const std::vector<Elem>& elems, size_t k, long pos, int dir, long& end,
                         bool anchored) {
  if (k == elems.size()) {
    end = pos;
    return 0;
  }
  const Elem& e = elems[k];
  long n = static_cast<long>(up_.size());
  const size_t skipped = skipped_.size();
  if (e.kind == ElemKind::kSkip && !e.tight && !anchored) {
    // A '^' not joined by '_' skips the next actor a few words on, whole:
    // "celebrated Iftar at Osgiliath with the leaders of Gondor in Eriador"
    // fits "* IFTAR AT ^ ^ +" with Eriador as the target. Else one word.
    for (long p = pos, steps = 0; p >= 0 && p < n && steps < 6 && !is_punct(up_[p]);
         p += dir, ++steps) {
      const Hit* h = hit_at(static_cast<uint32_t>(p));
      if (!h) continue;
      skipped_.push_back(h);
      const long next = dir > 0 ? static_cast<long>(h->end) : static_cast<long>(h->begin) - 1;
      const int rest = match(elems, k + 1, next, dir, end);
      if (rest >= 0) return rest;
      skipped_.resize(skipped);
      break;
    }
  }
  for (long p = pos; p >= 0 && p < n; p += dir) {
    long next = 0;
    int got = match_elem(e, p, dir, next);
    if (got >= 0) {
      int rest = match(elems, k + 1, next, dir, end);
      if (rest >= 0) return got + rest;
    }
    skipped_.resize(skipped);
    if (e.tight || anchored) break;
  }
  return -1;
}

int SentenceCoder::joins(uint32_t from, uint32_t to) const {
  if (from >= to) return 0;
  int conj = 0;
  for (uint32_t t = from; t < to; ++t) {
    const std::string& w = up_[t];
    // "and" between two listed adjectives joins them, not actors
    // ("Ithilen's awful and evil minister Calimehtar" is one actor).
    if (w == "AND" && t > from && t + 1 < to && d_.is_adjective(up_[t - 1]) &&
        d_.is_adjective(up_[t + 1]))
      continue;
    if (w == "AND" || w == "NOR")  // "neither A nor B"
      conj = 2;
    else if (w == ",")
      conj = std::max(conj, 1);
    else if (w != "THE" && w != "A" && w != "AN" && !d_.is_adjective(w))
      return 0;
  }
  return conj;
}

bool SentenceCoder::only_modifiers(uint32_t from, uint32_t to) const {
  for (uint32_t t = from; t < to; ++t) {
    const std::string& w = up_[t];
    if (w != "THE" && w != "A" && w != "AN" && !d_.is_adjective(w)) return false;
  }
  return true;
}

std::vector<const Hit*> SentenceCoder::compound(const Hit* h) const {
  // A list is "A, B and C": commas join only when an "and" closes the list.
  if (h == &carried_) return {h};
  size_t k = static_cast<size_t>(h - hits_.data());
  size_t lo = k, hi = k;
  while (lo > 0 && joins(hits_[lo - 1].end, hits_[lo].begin) != 0) --lo;
  while (hi + 1 < hits_.size() && joins(hits_[hi].end, hits_[hi + 1].begin) != 0) ++hi;
  while (hi > lo && joins(hits_[hi - 1].end, hits_[hi].begin) != 2) --hi;
  // After the "and", an actor that follows the last one across determiners
  // or listed adjectives, or right after a possessive, is still in the list,
  // as in TABARI ("Calenardhon and the evil Arnor awful Gondor", "Gondor and
  // Arnor's Elrond"); two names side by side are not ("Dagolath Osgiliath").
  if (hi > lo)
    while (hi + 1 < hits_.size() && only_modifiers(hits_[hi].end, hits_[hi + 1].begin) &&
           (hits_[hi].end < hits_[hi + 1].begin || possessive(up_[hits_[hi].end - 1])))
      ++hi;
  if (hi < k) return {h};
  std::vector<const Hit*> out;
  for (size_t j = lo; j <= hi; ++j) out.push_back(&hits_[j]);
  return out;
}

void SentenceCoder::emit(std::vector<CodedEvent>& out, const Hit* s, const Hit* t,
                         const std::string& code, uint32_t verb) {
  for (const std::string& sc : split_codes(s->code))
    for (const std::string& tc : split_codes(t->code)) {
      if (sc.empty() || tc.empty() || sc == "###" || tc == "###" || sc == tc) continue;
      out.push_back({{sc, s->begin, s->end}, {tc, t->begin, t->end}, code, verb});
    }
}

uint32_t SentenceCoder::clause_end(uint32_t verb) const {
  const uint32_t n = static_cast<uint32_t>(up_.size());
  for (uint32_t t = verb + 1; t < n; ++t) {
    const std::string& w = up_[t];
    if (w == ";") return t;
    if (w != "AND" && w != "BUT" && w != "OR") continue;
    // Listed nouns joined by it are one group ("an attack by sheep and evil
    // awful goats").
    uint32_t next = t + 1;
    while (next < n && (up_[next] == "THE" || up_[next] == "A" || up_[next] == "AN" ||
                        d_.is_adjective(up_[next])))
      ++next;
    if (w != "BUT" && (d_.is_noun(up_[t - 1]) || (next < n && d_.is_noun(up_[next])))) continue;
    const Hit* before = nullptr;
    const Hit* after = nullptr;
    for (const Hit& h : hits_) {
      if (h.end <= t) before = &h;
      if (h.begin > t && !after) after = &h;
    }
    if (!(before && after && joins(before->end, after->begin) != 0)) return t;
  }
  return n;
}

uint32_t SentenceCoder::clause_start(uint32_t verb) const {
  for (uint32_t t = verb; t-- > 1;) {
    const std::string& w = up_[t];
    if (w == ";") return t + 1;
    if (w != "AND" && w != "BUT" && w != "OR") continue;
    if (hit_at(t)) continue;  // inside an actor phrase
    // Listed nouns or listed adjectives joined by it ("sheep and goats",
    // "awful and evil") are one phrase.
    uint32_t next = t + 1;
    while (next < verb && (up_[next] == "THE" || up_[next] == "A" || up_[next] == "AN" ||
                           d_.is_adjective(up_[next])))
      ++next;
    if (d_.is_noun(up_[t - 1]) && next < verb && d_.is_noun(up_[next])) continue;
    if (d_.is_adjective(up_[t - 1]) && t + 1 < verb && d_.is_adjective(up_[t + 1])) continue;
    // Actors joined by it are a list.
    const Hit* before = nullptr;
    const Hit* after = nullptr;
    for (const Hit& h : hits_) {
      if (h.end <= t) before = &h;
      if (h.begin > t && !after) after = &h;
    }
    if (before && after && joins(before->end, after->begin) != 0) continue;
    // After a clause with a verb of its own the source carries on, as in
    // TABARI ("Gondor launched a new bombing and shelling offensive against
    // Osgiliath ..." stays Gondor's).
    for (uint32_t k = 0; k < t; ++k)
      if (!verbs_[k].empty() && !hit_at(k) && !capital_[k] && !d_.is_noun(up_[k])) return 0;
    return t + 1;
  }
  return 0;
}

bool SentenceCoder::is_passive(uint32_t verb) const {
  const std::string& v = up_[verb];
  if (v.size() < 3 || (v.substr(v.size() - 2) != "ED" && v.substr(v.size() - 1) != "N"))
    return false;
  for (uint32_t k = verb; k > 0 && k + 3 > verb; --k) {
    const std::string& w = up_[k - 1];
    if (w == "WAS" || w == "WERE" || w == "IS" || w == "ARE" || w == "BEEN" || w == "BE" ||
        w == "BEING")
      return true;
  }
  return false;
}

int SentenceCoder::discarded() {
  int found = 0;
  for (const Hit& h : hits_)
    for (const std::string& c : split_codes(h.code))
      if (c == "###") found = 1;
  for (uint32_t i = 0; i < up_.size(); ++i) {
    for (uint32_t v : verbs_[i]) {
      const Verb& verb = d_.verbs()[v];
      long end = 0;
      if (verb.base.code == "###" &&
          match(verb.base.after, 0, static_cast<long>(i) + 1, +1, end) >= 0) {
        if (verb.story_discard) return 2;
        found = 1;
      }
    }
  }
  return found;
}

std::vector<uint32_t> SentenceCoder::kept_tokens(const CoderOptions& o) const {
  const uint32_t n = static_cast<uint32_t>(up_.size());
  std::vector<uint32_t> commas;
  for (uint32_t t = 0; t < n; ++t)
    if (up_[t] == ",") commas.push_back(t);
  std::vector<bool> drop(n, false);
  auto words = [&](uint32_t from, uint32_t to) {  // words in [from, to)
    int k = 0;
    for (uint32_t t = from; t < to; ++t) k += !is_punct(up_[t]);
    return k;
  };
  // A comma between two actors of a list ("Arnor, Osgiliath and Gondor").
  auto in_list = [&](uint32_t comma) {
    const Hit* before = nullptr;
    for (const Hit& h : hits_)
      if (h.end == comma) before = &h;
    if (!before) return false;
    for (const Hit& h : hits_)
      if (h.begin > comma && joins(comma, h.begin) != 0) return true;
    return false;
  };
  if (!o.comma || commas.empty()) {
    std::vector<uint32_t> all(n);
    for (uint32_t t = 0; t < n; ++t) all[t] = t;
    return all;
  }
  std::vector<bool> removed_comma(commas.size(), false);
  for (size_t c = 0; c + 1 < commas.size(); ++c) {
    const int w = words(commas[c] + 1, commas[c + 1]);
    if (w < o.comma_min || w > o.comma_max || in_list(commas[c]) || in_list(commas[c + 1]))
      continue;
    for (uint32_t t = commas[c] + 1; t <= commas[c + 1]; ++t) drop[t] = true;
    removed_comma[c + 1] = true;
    ++c;  // the clause's closing comma is gone
  }
  // The last comma's clause runs to the end of the sentence (its final
  // punctuation stays).
  if (!removed_comma.back()) {
    const uint32_t last = commas.back();
    uint32_t end = n;
    while (end > last + 1 && is_punct(up_[end - 1])) --end;
    const int w = words(last + 1, end);
    if (w >= o.end_min && w <= o.end_max && !in_list(last))
      for (uint32_t t = last; t < end; ++t) drop[t] = true;
  }
  if (o.begin_min <= o.begin_max && !drop[commas.front()]) {
    const int w = words(0, commas.front());
    if (w >= o.begin_min && w <= o.begin_max && !in_list(commas.front()))
      for (uint32_t t = 0; t <= commas.front(); ++t) drop[t] = true;
  }
  std::vector<uint32_t> kept;
  for (uint32_t t = 0; t < n; ++t)
    if (!drop[t]) kept.push_back(t);
  return kept;
}

std::vector<CodedEvent> SentenceCoder::run() {
  std::vector<CodedEvent> out, later;
  static const char* kDeterminers[] = {"THE", "A", "AN"};
  for (uint32_t i = 0; i < up_.size(); ++i) {
    const std::vector<uint32_t>* vs = &verbs_[i];
    if (vs->empty() || hit_at(i) || capital_[i] || d_.is_noun(up_[i])) continue;
    if (i > 0 && std::find(std::begin(kDeterminers), std::end(kDeterminers), up_[i - 1]) !=
                     std::end(kDeterminers))
      continue;
    const Pattern* best = nullptr;
    const Hit *bsrc = nullptr, *btgt = nullptr, *bcomp = nullptr;
    std::vector<const Hit*> bskipped;
    int best_words = -1;
    for (uint32_t v : *vs) {
      const Verb& verb = d_.verbs()[v];
      auto try_pattern = [&](const Pattern& p, bool base) {
        src_ = tgt_ = comp_ = nullptr;
        skipped_.clear();
        long end = 0;
        int a;
        if (base || verb.base.after.empty()) {
          a = match(p.after, 0, static_cast<long>(i) + 1, +1, end);
        } else {  // the root's own further words come first ("CARRY OUT")
          std::vector<Elem> after = verb.base.after;
          after.insert(after.end(), p.after.begin(), p.after.end());
          a = match(after, 0, static_cast<long>(i) + 1, +1, end);
        }
        if (a < 0) return;
        int b = match(p.before, 0, static_cast<long>(i) - 1, -1, end);
        if (b < 0) return;
        // Words matched; at a tie a literal word beats a synonym set
        // ("* DOLLAR" over "* &CURRENCY").
        int words = (a + b + (base ? 0 : 1)) * 8 - std::min(synsets_in(p), 7);
        if (words > best_words) {
          best_words = words;
          best = &p;
          bsrc = src_;
          btgt = tgt_;
          bcomp = comp_;
          bskipped = skipped_;
        }
      };
      try_pattern(verb.base, true);
      for (const Pattern& p : verb.patterns) try_pattern(p, false);
    }
    if (!best) continue;
    const bool src_slot = bsrc != nullptr, tgt_slot = btgt != nullptr;
    // [---]: this verb codes nothing; look on. A code ending in '?' ("said")
    // is used only when no other verb codes.
    if (best->code.empty()) continue;
    if (best->code == "###") return {};  // a discard: the sentence codes nothing
    const bool fallback = best->code.back() == '?';
    const std::string code = fallback ? best->code.substr(0, best->code.size() - 1) : best->code;
    // Default slots: the first actor before the verb, the first after it.
    if (bcomp) {
      // "A and B held talks": each codes the others.
      std::vector<const Hit*> group = compound(bcomp);
      // "[A:B]": every pair codes A and, back, B (the members are alike, so
      // each does both).
      for (const Hit* s : group)
        for (const Hit* t : group)
          if (s != t) {
            emit(out, s, t, code, i);
            if (!best->code2.empty()) emit(out, t, s, best->code2, i);
          }
      if (!out.empty()) return out;
      continue;
    }
    // The source is the first actor of the verb's own clause ("Ithilen's
    // sheep and pigs of Gondor warned": Gondor), else the first before it.
    if (!bsrc) {
      const uint32_t from = clause_start(i);
      for (int pass = from > 0 ? 0 : 1; pass < 2 && !bsrc; ++pass)
        for (const Hit& h : hits_)
          if (h.end <= i && (pass == 1 || h.begin >= from) && &h != btgt && h.code != "---") {
            bsrc = &h;
            break;
          }
    }
    // A later clause without a subject ("... and offered aid to X") keeps
    // the previous clause's source (it has no words here: begin == end).
    if (!bsrc && !pronoun_.empty()) bsrc = &carried_;
    // A pattern that places the target before the verb and names no source
    // takes the first actor after the verb ("+ WAS * DEAD": "An Eriadorian
    // was shot dead in Osgiliath").
    if (!bsrc && tgt_slot)
      for (const Hit& h : hits_)
        if (h.begin > i && &h != btgt && h.code != "---") {
          bsrc = &h;
          break;
        }
    // The source again, or a pronoun standing for it, is not its target;
    // the search goes on past it, as in TABARI ("they requested that Rohan
    // assist them", "Gondor will cast doubt that it carried out an attack by
    // Osgiliath soldiers": Osgiliath).
    auto reflexive = [&](const Hit& h) { return bsrc && h.code == bsrc->code; };
    // The subject of a verb of saying is its speaker, not a target ("Arnor
    // will restore ties with Gxndor, a senior official said").
    auto speaker = [&](const Hit& h) {
      if (h.end >= up_.size()) return false;
      const std::string& w = up_[h.end];
      return w == "SAID" || w == "SAYS" || w == "TOLD" || w == "ADDED" || w == "STATED";
    };
    const uint32_t clause = clause_end(i);
    if (!btgt)
      for (const Hit& h : hits_)
        if (h.begin > i && h.begin < clause && &h != bsrc && h.code != "---" && !reflexive(h) &&
            !speaker(h)) {
          btgt = &h;
          break;
        }
    // No actor after the verb: as in TABARI, the target is the next actor
    // after the source ("it requested that Elrond assist with ...": Elrond;
    // "Arnor was United Arab Emirates for Eriador warning" with "$ ^ FOR *":
    // Eriador), but not one the pattern's '^' skipped, nor across
    // punctuation ("X praised Y, Z said" is no event of Y against Z).
    const auto unbroken = [&](uint32_t from, uint32_t to) {
      for (uint32_t t = from; t < to; ++t)
        if (is_punct(up_[t])) return false;
      return true;
    };
    if (!btgt && bsrc && bsrc != &carried_ && unbroken(bsrc->end, i)) {
      const std::vector<const Hit*> with_src = compound(bsrc);
      for (const Hit& h : hits_)
        if (h.begin >= bsrc->end && h.end <= i && h.code != "---" && !speaker(h) &&
            std::find(bskipped.begin(), bskipped.end(), &h) == bskipped.end() &&
            std::find(with_src.begin(), with_src.end(), &h) == with_src.end()) {
          btgt = &h;
          break;
        }
    }
    // Passive voice: "A was opposed by B" codes B against A.
    if (bsrc && !src_slot && !tgt_slot && is_passive(i)) {
      for (const Hit& h : hits_)
        if (h.begin > i && h.begin <= i + 4 && up_[h.begin - 1] == "BY") {
          btgt = bsrc;
          bsrc = &h;
          break;
        }
    }
    if (!bsrc || !btgt) continue;
    std::vector<const Hit*> srcs = compound(bsrc), tgts = compound(btgt);
    std::vector<CodedEvent>& dest = fallback ? later : out;
    for (const Hit* s : srcs)
      for (const Hit* t : tgts) {
        emit(dest, s, t, code, i);
        if (!best->code2.empty()) emit(dest, t, s, best->code2, i);
      }
    if (!fallback && !out.empty()) return out;
  }
  return out.empty() ? later : out;
}

std::vector<CodedEvent> code_clauses(const Dictionaries& dict, const PreparedWords& words,
                                     int date);

}  // namespace

std::vector<CodedEvent> code_sentence(const Dictionaries& dict,
                                      const std::vector<std::string_view>& words, int date,
                                      bool* story_discard) {
  if (story_discard) *story_discard = false;
  // Clause by clause: after an event, coding goes on after the next "and",
  // "but" or ";" past its verb and actors (lists of actors are already in the
  // event); pronouns there stand for the previous clause's source.
  const CoderOptions& opt = dict.options();
  if (opt.min_words > 0) {
    int n = 0;
    for (std::string_view w : words) n += !w.empty() && !is_punct(w);
    if (n < opt.min_words) return {};
  }
  const PreparedWords all(dict, words);
  std::vector<uint32_t> kept;
  {
    SentenceCoder whole(dict, all, 0, date);
    if (const int discard = whole.discarded()) {
      if (story_discard) *story_discard = discard == 2;
      return {};
    }
    kept = whole.kept_tokens(opt);
  }
  const bool shortened = kept.size() < words.size();
  std::vector<CodedEvent> out =
      shortened ? code_clauses(dict, all.select(kept), date) : code_clauses(dict, all, date);
  if (shortened) {
    auto back = [&](CodedActor& a) {
      if (a.end > a.begin) {
        a.begin = kept[a.begin];
        a.end = kept[a.end - 1] + 1;
      } else {
        a.begin = a.end = 0;
      }
    };
    for (CodedEvent& e : out) {
      e.verb = kept[e.verb];
      back(e.source);
      back(e.target);
    }
  }
  return out;
}

std::vector<IssueMatch> find_issues(const Dictionaries& dict,
                                    const std::vector<std::string_view>& words) {
  if (dict.issues().empty()) return {};
  std::vector<std::string> up(words.size());
  for (size_t i = 0; i < words.size(); ++i) up[i] = upper(words[i]);
  struct Found {
    uint32_t phrase, begin, end;
  };
  std::vector<Found> found;
  for (uint32_t i = 0; i < up.size(); ++i) {
    for (uint32_t id : dict.issues_for(up[i])) {
      const IssuePhrase& p = dict.issues()[id];
      if (i + p.tokens.size() > up.size()) continue;
      bool ok = true;
      for (size_t k = 1; k < p.tokens.size() && ok; ++k)
        ok = std::ranges::find(p.tokens[k], up[i + k]) != p.tokens[k].end();
      if (ok) found.push_back({id, i, static_cast<uint32_t>(i + p.tokens.size())});
    }
  }
  std::vector<IssueMatch> out;
  for (const Found& f : found) {
    const IssuePhrase& p = dict.issues()[f.phrase];
    if (p.exclude) continue;
    // Inside a match of one of its category's exclusions it does not count.
    const bool excluded = std::ranges::any_of(found, [&](const Found& x) {
      const IssuePhrase& e = dict.issues()[x.phrase];
      return e.exclude && e.category == p.category && x.begin <= f.begin && f.end <= x.end;
    });
    if (excluded) continue;
    if (std::ranges::none_of(
            out, [&](const IssueMatch& m) { return m.category == p.category && m.code == p.code; }))
      out.push_back({p.category, p.code});
  }
  return out;
}

namespace {

std::vector<CodedEvent> code_clauses(const Dictionaries& dict, const PreparedWords& words,
                                     int date) {
  std::vector<CodedEvent> out;
  std::string pronoun;
  size_t start = 0;
  while (start < words.up.size()) {
    std::span<const std::string> sub = std::span(words.up).subspan(start);
    SentenceCoder c(dict, words, start, date, pronoun);
    std::vector<CodedEvent> ev = c.run();
    if (ev.empty()) break;
    uint32_t from = 0;
    for (CodedEvent& e : ev) {
      from = std::max({from, e.verb + 1, e.target.end, e.source.end});
      const auto off = static_cast<uint32_t>(start);
      e.verb += off;
      e.source.begin += off;
      e.source.end += off;
      e.target.begin += off;
      e.target.end += off;
    }
    // "he", "they" stand for the first event's source, all of a compound
    // one ("Elrond and Gondor urged ... and then they requested").
    pronoun.clear();
    for (const CodedEvent& e : ev) {
      if (e.verb != ev.front().verb) break;
      const std::string& code = e.source.code;
      if (code.empty() || ("/" + pronoun + "/").find("/" + code + "/") != std::string::npos)
        continue;
      if (!pronoun.empty()) pronoun += '/';
      pronoun += code;
    }
    out.insert(out.end(), ev.begin(), ev.end());
    size_t next = 0;
    for (size_t b = from; b + 1 < sub.size(); ++b) {
      const std::string& w = sub[b];
      if (w == "AND" || w == "BUT" || w == "OR" || w == ";") {
        next = b + 1;
        break;
      }
    }
    if (next == 0) break;
    start += next;
  }
  return out;
}

}  // namespace

}  // namespace claimtrace::dict
