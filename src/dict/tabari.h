#pragma once
// TABARI dictionaries (.project, .verbs, .actors, .agents, .options) and
// PETRARCH ones (CAMEO verbs, Phoenix actors and agents) read at run time,
// and a pattern coder that uses them instead of our own verb dictionary. Formats follow the TABARI
// manual: words are stems unless they end in '_'; '_' joins words that must be adjacent; in verb
// patterns '*' is the verb, '$' the source, '+' the target, '%' a compound actor, '^' one skipped
// word, '{A | B}' alternatives and '&NAME' a synonym set; '[---]' codes nothing; '[A:B]' also codes
// B from target to source.
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace claimtrace::dict {

// A problem in a dictionary file; loading goes on after it.
struct Diagnostic {
  std::string file;
  int line = 0;
  std::string message;
  std::string str() const;  // "file:line: message"
};

// One code of an actor, valid between two dates (yyyymmdd; 0 = open).
struct DatedCode {
  std::string code;
  int from = 0;
  int to = 0;
};

// A sequence of words; `exact[i]` = the word must match whole (it ended in
// '_'), otherwise it matches any word it begins (a stem). Words joined by '_'
// are adjacent; a space lets a few words come between ("PRINCE DOL_AMROTH"
// matches "Prince of Dol Amroth").
struct Phrase {
  std::vector<std::string> words;
  std::vector<bool> exact;
  std::vector<bool> gap;  // gap[k]: a space before word k, other words may come between
};

// An actor as read from a dictionary file; finish() stores them flat (below).
struct Actor {
  Phrase phrase;
  std::vector<DatedCode> codes;  // tried in order; first one valid on the date wins
  bool agent = false;            // from .agents: code is "~XXX" (suffix) or "XXX~" (prefix)
};

// The stored dictionaries are flat arrays of these records and a string
// pool, used in place where they lie: in memory after finish(), or in the
// mapped compiled file, so loading a compiled file builds nothing per actor.
// Strings are (offset, size) into the pool.
struct StoredWord {
  uint32_t offset = 0;
  uint32_t size_flags = 0;  // size << 2 | gap << 1 | exact
};
struct StoredCode {
  uint32_t offset = 0, size = 0;
  int32_t from = 0, to = 0;
};
struct StoredActor {
  uint32_t first_word = 0, words = 0;        // into the words array; words >= 1
  uint32_t first_code = 0, codes_agent = 0;  // codes << 1 | agent
};

// One word-array field of a stored phrase, indexed like Phrase's vectors:
// `words[k]` (the text), `exact[k]`, `gap[k]`.
struct StoredWords {
  const StoredWord* at = nullptr;
  uint32_t n = 0;
  const char* pool = nullptr;
  size_t size() const { return n; }
  bool empty() const { return n == 0; }
  std::string_view operator[](size_t k) const {
    return {pool + at[k].offset, at[k].size_flags >> 2};
  }
};
struct StoredFlags {
  const StoredWord* at = nullptr;
  uint32_t n = 0;
  uint32_t bit = 0;
  size_t size() const { return n; }
  bool operator[](size_t k) const { return at[k].size_flags & bit; }
};
struct PhraseView {
  StoredWords words;
  StoredFlags exact, gap;
};

struct DatedCodeView {
  std::string_view code;
  int from = 0;
  int to = 0;
};
struct CodesView {
  const StoredCode* at = nullptr;
  uint32_t n = 0;
  const char* pool = nullptr;
  size_t size() const { return n; }
  bool empty() const { return n == 0; }
  DatedCodeView operator[](size_t k) const {
    return {{pool + at[k].offset, at[k].size}, at[k].from, at[k].to};
  }
  DatedCodeView front() const { return (*this)[0]; }
  struct iterator {
    const CodesView* v;
    size_t k;
    DatedCodeView operator*() const { return (*v)[k]; }
    iterator& operator++() { return ++k, *this; }
    bool operator!=(const iterator& o) const { return k != o.k; }
  };
  iterator begin() const { return {this, 0}; }
  iterator end() const { return {this, n}; }
};

// A stored actor, read in place (a few pointers; pass by value).
struct ActorView {
  PhraseView phrase;
  CodesView codes;
  bool agent = false;
};

// The stored actors: `actors()[a]`, `actors().size()`.
class ActorTable {
 public:
  size_t size() const { return actors_.size(); }
  bool empty() const { return actors_.empty(); }
  ActorView operator[](size_t a) const;
  ActorView back() const { return (*this)[size() - 1]; }

 private:
  friend class Dictionaries;
  std::span<const StoredActor> actors_;
  std::span<const StoredWord> words_;
  std::span<const StoredCode> codes_;
  const char* pool_ = nullptr;
};

enum class ElemKind : uint8_t { kWord, kSource, kTarget, kCompound, kSkip, kAlt, kSynset };

struct Elem {
  ElemKind kind = ElemKind::kWord;
  bool tight = false;                   // joined by '_' to the element nearer the verb
  std::string word;                     // kWord, kSynset (set name)
  bool exact = false;                   // kWord
  std::vector<std::vector<Elem>> alts;  // kAlt
};

struct Pattern {
  std::vector<Elem> before;  // nearest to the verb first
  std::vector<Elem> after;   // nearest to the verb first
  std::string code;          // "" = [---] (codes nothing)
  std::string code2;         // reverse-direction code of "[A:B]", "" = none
  int line = 0;
};

struct Verb {
  std::string root;
  bool story_discard = false;  // a PETRARCH '+' discard: the whole article codes nothing
  Pattern base;                // the verb's own code (before/after empty)
  // The verb's patterns (set by finish()): a range of one list, so the
  // verbs of a PETRARCH block share theirs instead of each holding a copy.
  std::span<const Pattern> patterns;
  uint32_t first_pattern = 0, end_pattern = 0;  // the range
};

struct StringPool;

// Words and word stems to ids, looked up without building strings: keys are
// hashed one character at a time, so every prefix of a token costs one probe.
// Keys are add()ed, then build() (or Dictionaries::finish()) lays the table
// out flat: open addressing over arrays that a compiled file holds as they
// are, so a loaded index is used in place.
class WordIndex {
 public:
  // Queues a key (ids of one key keep their order); lookups see it after build().
  void add(std::string_view key, uint32_t id);
  void clear();
  // Lays out every key added so far in storage of its own.
  void build();
  // The ids of `key` itself (empty if none).
  std::span<const uint32_t> find(std::string_view key) const;
  // Appends the ids of every key that is a prefix of `word`, `word` included.
  void prefixes(std::string_view word, std::vector<uint32_t>& out) const;
  // Every key, in the order first added.
  std::vector<std::string_view> keys() const;

  struct Slot {
    uint32_t check;  // the hash's upper half
    uint32_t entry;  // entry + 1; 0 = empty
  };
  struct Entry {
    uint32_t key_offset, key_size;  // in the pool
    uint32_t first_id, ids;         // in the ids array
  };
  struct Tables {
    std::span<const Slot> slots;  // a power of two, at least one empty
    std::span<const Entry> entries;
    std::span<const uint32_t> ids;
    // 1024 words; bit (c0 << 8 | c1): a key of two or more characters starts
    // with c0 c1. Most words start no stem and are passed over without a probe.
    std::span<const uint64_t> first_two;
    uint64_t lengths = 0;  // bit L: a key of length L (63: 63 or more)
    const char* pool = nullptr;
  };
  // The flat tables of the keys added: `pool` takes the key bytes.
  struct Built {
    std::vector<Slot> slots;
    std::vector<Entry> entries;
    std::vector<uint32_t> ids;
    std::vector<uint64_t> first_two;
    uint64_t lengths = 0;
  };
  Built lay_out(StringPool& pool) const;
  void attach(const Tables& t) { t_ = t; }

 private:
  static uint64_t step(uint64_t h, char c) {
    return (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  }
  static constexpr uint64_t kSeed = 0xcbf29ce484222325ULL;
  std::span<const uint32_t> probe(uint64_t h, std::string_view key) const;
  std::vector<std::pair<std::string, uint32_t>> added_;
  Tables t_;
  std::shared_ptr<const void> own_;  // build()'s storage
};

// A PETRARCH issue phrase ("n:teacher [TEACHERS]" inside <ISSUE
// CATEGORY="EDUCATION"> ... </ISSUE>): per token, its accepted spellings in
// upper case. "n:" adds regular plurals, "a+b" is "a-b", "ab" or "a b" (one
// phrase per spelling). A "~" line is an exclusion: inside its matches the
// category's phrases do not count ("~a head start").
struct IssuePhrase {
  std::vector<std::vector<std::string>> tokens;
  std::string category, code;  // code is empty for an exclusion
  bool exclude = false;
};

struct IssueMatch {
  std::string category, code;
};

// Coder settings from a TABARI .options file ("COMMA:", "SET: MINIMUM WORDS").
struct CoderOptions {
  // Sentences with fewer words (punctuation not counted) code nothing.
  int min_words = 0;
  // Comma-delimited clauses whose word count lies in [min, max] are removed
  // before coding: internal ("X, which ..., Y"), at the end (", a senior
  // official said") and at the start (off when begin_min > begin_max).
  bool comma = false;
  int comma_min = 2, comma_max = 10;
  int end_min = 2, end_max = 10;
  int begin_min = 255, begin_max = 0;
  // An agent with no actor to join codes itself ("security forces" = ~MIL);
  // "SET: CONVERT AGENT = FALSE" drops it instead (TABARI's default).
  bool convert_agents = true;
};

class Dictionaries {
 public:
  Dictionaries() = default;
  // Verbs point into the pattern list: moved, never copied.
  Dictionaries(Dictionaries&&) = default;
  Dictionaries& operator=(Dictionaries&&) = default;
  Dictionaries(const Dictionaries&) = delete;
  Dictionaries& operator=(const Dictionaries&) = delete;

  // Reads a .project file and every dictionary it names; false when the
  // project itself cannot be read. Problems go to diagnostics().
  bool load_project(const std::string& path);
  // Reads PETRARCH dictionaries: a folder (its PETR_config.ini if it has one, else files named
  // *verbs*/CAMEO*, *actors*, *agents*, *discards*, *Issue*; the validation suite's PETR.Validate.*
  // only when there are no others; what is left out is one line in notes()) or a PETR_config.ini
  // naming them. XML comments
  // ("<!-- ... -->") are skipped as PETRARCH does. False when nothing can be read.
  bool load_petrarch(const std::string& path);
  // A PETRARCH verb file: synsets, "--- NAME [code] ---" blocks of verbs
  // sharing their patterns, '(' ')' groups and "{A B}" phrases in patterns.
  void parse_petrarch_verbs(std::string_view text, const std::string& file);
  // Parses one file's text (exposed for tests and for other readers).
  void parse_verbs(std::string_view text, const std::string& file);
  // `hash_comments`: '#' starts a comment (PETRARCH) as well as ';'.
  void parse_actors(std::string_view text, const std::string& file, bool agents,
                    bool hash_comments = false);
  void parse_options(std::string_view text, const std::string& file);
  // A PETRARCH discard file: phrases that discard their sentence, or with a
  // leading '+' the whole article ("+World Golf Championships").
  void parse_discards(std::string_view text, const std::string& file);
  // A PETRARCH issues file (`Phoenix.IssueCoding.txt`).
  void parse_issues(std::string_view text, const std::string& file);
  // Stores the actors flat and builds the lookup indexes; call after parsing.
  void finish();

  // A compiled file (`claimtrace lexicon import`): every dictionary already
  // parsed, loaded without reading the text files again: the file is mapped
  // and its actors and indexes are used in place after their offsets and
  // sizes are checked. False with `err` set when the file cannot be written
  // or read, is not such a file, is of another format version or is damaged.
  bool save_compiled(const std::string& path, std::string& err) const;
  bool load_compiled(const std::string& path, std::string& err);

  const std::vector<Diagnostic>& diagnostics() const { return diags_; }
  // What loading chose not to read, for the user to know (not problems).
  const std::vector<std::string>& notes() const { return notes_; }
  const CoderOptions& options() const { return options_; }
  CoderOptions& options() { return options_; }
  const std::vector<Verb>& verbs() const { return verbs_; }
  const ActorTable& actors() const { return table_; }
  const std::vector<IssuePhrase>& issues() const { return issues_; }
  // Issue phrases whose first token can be the upper-case word.
  std::span<const uint32_t> issues_for(std::string_view word) const {
    return issue_first_.find(word);
  }
  const std::unordered_map<std::string, std::vector<std::vector<Elem>>>& synsets() const {
    return synsets_;
  }
  bool is_noun(std::string_view w) const { return !nouns_.find(w).empty(); }
  bool is_adjective(std::string_view w) const { return !adjectives_.find(w).empty(); }

  // Verb indexes (into verbs()) with a form matching the upper-case word.
  void verbs_for(std::string_view word, std::vector<uint32_t>& out) const;
  // Actor indexes whose first word can match `word` (stem or exact).
  void actors_for(std::string_view word, std::vector<uint32_t>& out) const;

 private:
  void error(const std::string& file, int line, std::string msg);
  Pattern parse_pattern(std::string_view body, const std::string& file, int line, bool& ok);
  std::vector<Elem> parse_elems(std::string_view s, const std::string& file, int line, bool& ok);
  // Adds a pattern to verbs [first, last), stored once.
  void add_pattern(size_t first, size_t last, Pattern p);
  void point_verbs_at_patterns();

  // Points the actor table and the indexes at a stored image (finish()'s or
  // a compiled file's); false when an offset or size in it is out of range.
  bool attach(std::string_view image, std::shared_ptr<const void> keep);
  std::string store_image() const;  // the image of actors_ and the indexes added

  std::vector<Diagnostic> diags_;
  std::vector<std::string> notes_;
  CoderOptions options_;
  std::vector<Verb> verbs_;
  std::vector<Pattern> patterns_;  // every verb's patterns, one range each
  std::vector<Actor> actors_;      // as read from text; finish() stores them in table_
  std::unordered_map<std::string, std::vector<std::vector<Elem>>> synsets_;
  WordIndex nouns_, adjectives_;
  std::vector<IssuePhrase> issues_;
  WordIndex issue_first_;               // every spelling of a phrase's first token
  WordIndex verb_exact_, verb_stem_;    // verb forms: whole words, stems
  WordIndex actor_exact_, actor_stem_;  // first words of actors
  std::vector<std::vector<std::string>> explicit_forms_;  // per verb
  ActorTable table_;
  // The stored image (actors, indexes) and what keeps it alive: finish()'s
  // buffer or the mapped file.
  std::string_view image_;
  std::shared_ptr<const void> image_keep_;
};

struct CodedActor {
  std::string code;
  uint32_t begin = 0, end = 0;  // token range in the sentence; empty = carried over
};

struct CodedEvent {
  CodedActor source, target;
  std::string code;
  uint32_t verb = 0;  // token index of the verb
};

// Codes one sentence given as words (punctuation as separate tokens). `date`
// is yyyymmdd (0 = unknown: undated codes win). Words may be in any case.
// `story_discard` (optional) is set when the sentence holds a phrase that
// discards the whole article (its events and every other sentence's).
std::vector<CodedEvent> code_sentence(const Dictionaries& dict,
                                      const std::vector<std::string_view>& words, int date,
                                      bool* story_discard = nullptr);

// Splits text into words the TABARI way: at white space, with punctuation
// at a word's edges split off (",", "."); apostrophes and hyphens inside a
// word stay ("DIDN'T", "ITHILEN'S"). Returns byte ranges [begin, end).
std::vector<std::pair<uint32_t, uint32_t>> split_words(std::string_view text);

// The issues a sentence's words name, each (category, code) once, in text
// order (empty when the dictionaries hold no issues).
std::vector<IssueMatch> find_issues(const Dictionaries& dict,
                                    const std::vector<std::string_view>& words);

// "YYYY-MM-DD" -> yyyymmdd, 0 if malformed.
int parse_iso_date(std::string_view iso);

}  // namespace claimtrace::dict
