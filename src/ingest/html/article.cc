// Main-content extraction. The approach (ours):
//
// 1. The page is decoded to UTF-8 (encoding.h) and parsed by libxml2's
//    forgiving HTML parser.
// 2. One walk over <body> linearises the DOM into text blocks: a block is
//    the inline text between two block-level boundaries, owned by the
//    innermost block-level element. Each block knows its length and how
//    much of it is link text. Invisible and non-text subtrees (script,
//    style, forms controls, hidden elements) are skipped; subtrees that are
//    boilerplate by tag (nav, aside, footer) or by class/id words (menu,
//    share, comment, related, cookie, ad, ...) are flagged.
// 3. A class/id flag on an element that holds most of the page's prose is
//    withdrawn (wrappers named "has-sidebar" and the like).
// 4. Every element gets good = prose in long, link-poor blocks under it, and
//    bad = link text and short fragments under it. The main container is
//    the element that maximises good - kBadWeight * bad: big enough to hold
//    the prose, small enough to leave menus and lists of links outside.
// 5. The text is the container's unflagged blocks in document order, minus
//    link-dominated blocks and the headline (which is the title).
//
// Debugging aid: with CT_HTML_DEBUG set in the environment, the chosen
// container's ancestry and every block (I = inside, B = flagged, and the
// element that flagged it) are printed on stderr.
#include "ingest/html/article.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "ingest/html/dates.h"
#include "ingest/html/encoding.h"
#include "ingest/html/language.h"
#include "ingest/html/parse_arena.h"

namespace claimtrace::html {

namespace {

constexpr double kBadWeight = 2.0;
constexpr double kLinkBoxDensity = 0.5;
constexpr double kHintShare = 0.8;
// Deeper subtrees are ignored (libxml2 with XML_PARSE_HUGE stops at 2048).
constexpr int kMaxDepth = 400;

const char* name_of(const xmlNode* n) {
  return reinterpret_cast<const char*>(n->name);
}

// Compares the first byte inline before calling strcmp: most names differ
// there, and these checks run for every element.
bool same_name(const xmlChar* name, const char* wanted) {
  return static_cast<char>(name[0]) == wanted[0] &&
         std::strcmp(reinterpret_cast<const char*>(name), wanted) == 0;
}

bool is(const xmlNode* n, const char* tag) {
  return same_name(n->name, tag);
}

std::string attr(const xmlNode* n, const char* name) {
  for (xmlAttr* a = n->properties; a; a = a->next) {
    if (same_name(a->name, name)) {
      if (a->children && a->children->content)
        return reinterpret_cast<const char*>(a->children->content);
      return "";
    }
  }
  return "";
}

// The value of attribute `name` without copying ("" when absent).
std::string_view attr_view(const xmlNode* n, const char* name) {
  for (xmlAttr* a = n->properties; a; a = a->next) {
    if (same_name(a->name, name)) {
      if (a->children && a->children->content)
        return reinterpret_cast<const char*>(a->children->content);
      return "";
    }
  }
  return "";
}

bool has_attr(const xmlNode* n, const char* name) {
  for (xmlAttr* a = n->properties; a; a = a->next)
    if (same_name(a->name, name)) return true;
  return false;
}

// ASCII lower case, inline: std::tolower is a library call per byte and, in
// the "C" locale this program runs in, changes the same letters.
char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
}

std::string lower(std::string s) {
  for (char& c : s) c = ascii_lower(c);
  return s;
}

bool is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Appends `s` with runs of white space (including no-break space) collapsed
// to one space.
void append_collapsed(std::string& out, std::string_view s) {
  bool space = !out.empty() && (out.back() == ' ' || out.back() == '\n');
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    bool ws = is_space(c);
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      ws = true;
      ++i;
    }
    if (ws) {
      if (!space && !out.empty()) out.push_back(' ');
      space = true;
    } else {
      out.push_back(static_cast<char>(c));
      space = false;
    }
  }
}

std::string collapse(std::string_view s) {
  std::string out;
  append_collapsed(out, s);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// All text under `n`, collapsed.
void gather_text(const xmlNode* n, std::string& out, int depth = 0) {
  if (depth > kMaxDepth) return;
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content) append_collapsed(out, reinterpret_cast<const char*>(c->content));
    } else if (c->type == XML_ELEMENT_NODE && !is(c, "script") && !is(c, "style")) {
      gather_text(c, out, depth + 1);
    }
  }
}

std::string text_of(const xmlNode* n) {
  std::string s;
  gather_text(n, s);
  while (!s.empty() && s.back() == ' ') s.pop_back();
  if (!s.empty() && s.front() == ' ') s.erase(0, 1);
  return s;
}

// ---------------------------------------------------------------- tags

enum class Kind : uint8_t { kInline, kBlock, kSkip, kBoiler };

Kind classify_tag(const xmlNode* n) {
  static constexpr std::array kSkip = {
      "script", "style",  "template",   "svg",    "iframe", "object", "embed", "canvas",
      "input",  "select", "textarea",   "button", "option", "head",   "math",  "video",
      "audio",  "map",    "figcaption", "dialog", "link",   "meta",   "title"};
  static constexpr std::array kBoilerTags = {"nav",      "aside", "footer", "menu",
                                             "noscript", "form",  "figure"};
  static constexpr std::array kBlocks = {
      "p",      "div",        "section", "article", "main",    "header",   "h1",      "h2",
      "h3",     "h4",         "h5",      "h6",      "ul",      "ol",       "li",      "dl",
      "dt",     "dd",         "table",   "tr",      "td",      "th",       "tbody",   "thead",
      "tfoot",  "blockquote", "pre",     "figure",  "form",    "fieldset", "address", "hr",
      "center", "details",    "summary", "body",    "caption", "hgroup",   "legend"};
  static const std::unordered_map<std::string_view, Kind> kinds = [] {
    std::unordered_map<std::string_view, Kind> m;
    for (const char* t : kBlocks) m[t] = Kind::kBlock;
    for (const char* t : kBoilerTags) m[t] = Kind::kBoiler;
    for (const char* t : kSkip) m[t] = Kind::kSkip;
    return m;
  }();
  auto it = kinds.find(name_of(n));
  return it == kinds.end() ? Kind::kInline : it->second;
}

bool hidden(const xmlNode* n) {
  if (!n->properties) return false;
  if (has_attr(n, "hidden")) return true;
  if (attr_view(n, "aria-hidden") == "true") return true;
  std::string_view raw = attr_view(n, "style");
  if (raw.find(':') == std::string_view::npos) return false;
  thread_local std::string style;  // reused across elements
  style.assign(raw);
  for (char& ch : style) ch = ascii_lower(ch);
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

// Words in class/id values that mark page furniture. Whole words (split at
// non-letters) for short, ambiguous ones; substrings for distinctive ones.
// `header_counts` false: the word "header" alone does not mark furniture
// (the article's own header holds its lead).
bool boilerplate_name(const xmlNode* n, bool header_counts = true) {
  if (!n->properties) return false;
  // One pass over the attributes (this runs for every element).
  std::string_view cls, id, role;
  bool seen_cls = false, seen_id = false, seen_role = false;
  for (xmlAttr* a = n->properties; a; a = a->next) {
    std::string_view* into = nullptr;
    if (!seen_cls && same_name(a->name, "class")) {
      seen_cls = true;
      into = &cls;
    } else if (!seen_id && same_name(a->name, "id")) {
      seen_id = true;
      into = &id;
    } else if (!seen_role && same_name(a->name, "role")) {
      seen_role = true;
      into = &role;
    }
    if (into && a->children && a->children->content)
      *into = reinterpret_cast<const char*>(a->children->content);
  }
  if (cls.empty() && id.empty()) {
    return role == "navigation" || role == "banner" || role == "contentinfo" ||
           role == "complementary" || role == "menu" || role == "dialog";
  }
  thread_local std::string names;
  names.clear();
  for (std::string_view part : {cls, std::string_view(" "), id, std::string_view(" "), role})
    for (char c : part) names.push_back(ascii_lower(c));
  static constexpr std::array kSubstrings = {
      "comment",     "cookie",     "consent",    "share",      "social",
      "related",     "breadcrumb", "newsletter", "sidebar",    "advert",
      "sponsor",     "disqus",     "outbrain",   "taboola",    "navigation",
      "navbar",      "subscribe",  "signup",     "popup",      "recommend",
      "pagination",  "trending",   "footer",     "masthead",   "toolbar",
      "byline",      "promo",      "banner",     "skiplink",   "widget",
      "tagcloud",    "most-read",  "mostread",   "print-only", "author-bio",
      "login",       "sharing",    "caption",    "published",  "timestamp",
      "meta-info",   "postmeta",   "post-meta",  "entry-meta", "article-meta",
      "infobox",     "rating",     "menu",       "respond",    "reply",
      "copyright",   "credit",     "licence",    "license",    "paywall",
      "disclaimer",  "disclosure", "affiliate",  "author",     "autor",
      "factbox",     "privacy",    "gdpr",       "dsgvo",      "table-of-contents",
      "subscription"};
  // One pass over `names`, trying only the substrings that start with the
  // byte at each position (instead of one full search per substring).
  static const std::array<std::vector<std::string_view>, 256> by_first_byte = [] {
    std::array<std::vector<std::string_view>, 256> table;
    for (const char* s : kSubstrings) table[static_cast<unsigned char>(s[0])].push_back(s);
    return table;
  }();
  std::string_view all(names);
  for (size_t at = 0; at < all.size(); ++at) {
    for (std::string_view s : by_first_byte[static_cast<unsigned char>(all[at])]) {
      if (all.compare(at, s.size(), s) != 0) continue;
      // "commentary" is an article genre, not a comment section.
      if (s == "comment" && all.compare(at, 10, "commentary") == 0) continue;
      return true;
    }
  }
  static constexpr std::array<std::string_view, 22> kWords = {
      "nav",  "ad",     "ads",   "adv",  "side",  "tags",     "share",
      "meta", "date",   "toc",   "cta",  "modal", "pager",    "more",
      "foot", "header", "links", "skip", "sr",    "visually", "screen-reader-text",
      "print"};
  // `names` is lower case: letters and digits are the ASCII ones (as
  // std::isalnum in the "C" locale).
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  size_t i = 0;
  while (i < names.size()) {
    while (i < names.size() && !alnum(names[i])) ++i;
    size_t e = i;
    while (e < names.size() && alnum(names[e])) ++e;
    if (e > i) {
      std::string_view w(names.data() + i, e - i);
      for (std::string_view k : kWords)
        if (w == k && (header_counts || w != "header")) return true;
    }
    i = e;
  }
  return false;
}

// Whether `n` has a link with an href among its descendants (bounded).
bool has_link(const xmlNode* n, int depth = 0) {
  if (depth > 8) return false;
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (is(c, "a") && has_attr(c, "href")) return true;
    if (has_link(c, depth + 1)) return true;
  }
  return false;
}

// Text length under `n`, counting stops at `limit`.
size_t text_length(const xmlNode* n, size_t limit, int depth = 0) {
  size_t total = 0;
  if (depth > 30) return 0;
  for (const xmlNode* c = n->children; c && total < limit; c = c->next) {
    if (c->type == XML_TEXT_NODE && c->content) {
      for (const xmlChar* p = c->content; *p && total < limit; ++p)
        if (!is_space(*p)) ++total;
    } else if (c->type == XML_ELEMENT_NODE && !is(c, "script") && !is(c, "style")) {
      total += text_length(c, limit - total, depth + 1);
    }
  }
  return total;
}

// A list of teasers: three or more sibling cards of the same tag and class,
// each short and each with a link ("related", "most read", "more news").
bool teaser_list(const xmlNode* n) {
  // Cheap test first: at least three div/article/section children.
  int cards = 0;
  for (const xmlNode* c = n->children; c && cards < 3; c = c->next)
    if (c->type == XML_ELEMENT_NODE && (is(c, "div") || is(c, "article") || is(c, "section")))
      ++cards;
  if (cards < 3) return false;
  std::vector<std::pair<std::string, int>> groups;
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (!is(c, "div") && !is(c, "article") && !is(c, "section")) continue;
    size_t len = text_length(c, 500);
    if (len < 20 || len >= 500 || !has_link(c)) continue;
    std::string sig = std::string(name_of(c)) + "|" + attr(c, "class");
    auto it =
        std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == sig; });
    if (it == groups.end())
      groups.emplace_back(std::move(sig), 1);
    else if (++it->second >= 3)
      return true;
  }
  return false;
}

// ---------------------------------------------------------------- blocks

enum class BlockKind : uint8_t { kOther, kParagraph, kHeading, kItem, kPre, kQuote, kCell };

BlockKind block_kind(const xmlNode* n) {
  const char* t = name_of(n);
  if (t[0] == 'h' && t[1] >= '1' && t[1] <= '6' && t[2] == 0) return BlockKind::kHeading;
  if (is(n, "p")) return BlockKind::kParagraph;
  if (is(n, "li") || is(n, "dd") || is(n, "dt")) return BlockKind::kItem;
  if (is(n, "pre")) return BlockKind::kPre;
  if (is(n, "blockquote")) return BlockKind::kQuote;
  if (is(n, "td") || is(n, "th")) return BlockKind::kCell;
  return BlockKind::kOther;
}

struct Element {
  const xmlNode* node = nullptr;
  int parent = -1;
  int end = 0;  // one past the last descendant's index (pre-order)
  bool flag_tag = false;
  bool flag_name = false;
  bool main_hint = false;  // <article>, <main>, itemprop=articleBody
  bool has_image = false;  // an <img> or <picture> directly in its inline content
  double good = 0, bad = 0;
};

struct Block {
  std::string text;
  size_t link_chars = 0;
  int owner = 0;
  BlockKind kind = BlockKind::kOther;
  bool boiler = false;
};

class Linearizer {
 public:
  std::vector<Element> elements;
  std::vector<Block> blocks;

  void run(const xmlNode* body) {
    elements.push_back({});
    stack_.push_back(0);
    kinds_.push_back(BlockKind::kOther);
    walk(body, 0, false);
    flush();
    elements[0].end = static_cast<int>(elements.size());
  }

 private:
  void flush() {
    // Trim and drop empty blocks.
    std::string& t = current_.text;
    while (!t.empty() && (t.back() == ' ' || t.back() == '\n')) t.pop_back();
    size_t b = 0;
    while (b < t.size() && (t[b] == ' ' || t[b] == '\n')) ++b;
    if (b) t.erase(0, b);
    if (!t.empty()) {
      current_.owner = stack_.back();
      current_.kind = kinds_.back();
      current_.link_chars = std::min(current_.link_chars, t.size());
      blocks.push_back(std::move(current_));
    }
    current_ = Block{};
  }

  void walk(const xmlNode* n, int depth, bool in_pre) {
    if (depth > kMaxDepth) return;
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
        if (!c->content) continue;
        std::string_view s(reinterpret_cast<const char*>(c->content));
        size_t before = current_.text.size();
        if (in_pre)
          current_.text.append(s);
        else
          append_collapsed(current_.text, s);
        if (link_depth_ > 0) current_.link_chars += current_.text.size() - before;
        continue;
      }
      if (c->type != XML_ELEMENT_NODE) continue;
      Kind kind = classify_tag(c);
      if (kind == Kind::kSkip || hidden(c)) continue;
      if (is(c, "br")) {
        if (!current_.text.empty() && current_.text.back() != '\n') {
          while (!current_.text.empty() && current_.text.back() == ' ') current_.text.pop_back();
          current_.text.push_back('\n');
        }
        continue;
      }
      if (is(c, "img") || is(c, "picture")) {
        elements[static_cast<size_t>(stack_.back())].has_image = true;
        continue;
      }
      bool name_flag = boilerplate_name(c) || (kind == Kind::kBlock && teaser_list(c));
      bool tag_flag = kind == Kind::kBoiler || (is(c, "header") && !in_article_);
      bool block = kind != Kind::kInline || name_flag || tag_flag;
      if (!block) {
        bool link = is(c, "a");
        if (link) ++link_depth_;
        walk(c, depth + 1, in_pre);
        if (link) --link_depth_;
        continue;
      }
      flush();
      int idx = static_cast<int>(elements.size());
      Element e;
      e.node = c;
      e.parent = stack_.back();
      e.flag_tag = tag_flag;
      e.flag_name = name_flag;
      std::string_view itemprop = attr_view(c, "itemprop");
      e.main_hint = is(c, "article") || is(c, "main") || itemprop == "articleBody";
      elements.push_back(e);
      stack_.push_back(idx);
      BlockKind bk = block_kind(c);
      kinds_.push_back(bk == BlockKind::kOther ? kinds_.back() : bk);
      bool saved_article = in_article_;
      if (e.main_hint) in_article_ = true;
      walk(c, depth + 1, in_pre || is(c, "pre"));
      flush();
      in_article_ = saved_article;
      kinds_.pop_back();
      stack_.pop_back();
      elements[static_cast<size_t>(idx)].end = static_cast<int>(elements.size());
    }
  }

  Block current_;
  std::vector<int> stack_;
  std::vector<BlockKind> kinds_;
  int link_depth_ = 0;
  bool in_article_ = false;
};

// UTF-8 code points in `s` (a cheap length measure that treats scripts alike).
size_t chars(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

bool ends_sentence(std::string_view s) {
  if (s.empty()) return false;
  char c = s.back();
  if (c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || c == ')') return true;
  // Ideographic full stop, fullwidth ! and ?, danda (Bengali, Hindi), closing quotes.
  for (std::string_view end : {"\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F", "\xE0\xA5\xA4",
                               "\xE2\x80\x9D", "\xC2\xBB", "\xE3\x80\x8D"})
    if (s.size() >= end.size() && s.substr(s.size() - end.size()) == end) return true;
  return false;
}

std::string normalize_for_compare(std::string_view s) {
  std::string out;
  for (char c : s)
    if (std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80))
      out.push_back(ascii_lower(c));
  return out;
}

// Whether `line`, compared without spaces, punctuation and ASCII case,
// starts with one of `phrases` (written the same way).
template <size_t N>
bool starts_with_phrase(std::string_view line, const std::array<const char*, N>& phrases) {
  std::string key = normalize_for_compare(line);
  for (std::string_view phrase : phrases)
    if (key.rfind(phrase, 0) == 0) return true;
  return false;
}

// Whether a short line opens the comments, which end the article.
bool opens_comments(std::string_view line) {
  static constexpr std::array kPhrases = {"comments",
                                          "leaveareply",
                                          "leaveacomment",
                                          "kommentare",
                                          "schreibeeinenkommentar",
                                          "hinterlasseeinenkommentar",
                                          "commentaires",
                                          "laisseruncommentaire",
                                          "comentarios",
                                          "commenti"};
  return starts_with_phrase(line, kPhrases);
}

// Whether a short line is the heading of furniture: related links, reading
// tips, sharing, author boxes (English, German, French, Spanish, Italian).
bool opens_after_article_section(std::string_view line) {
  static constexpr std::array kPhrases = {"related",
                                          "readmore",
                                          "morefrom",
                                          "moreon",
                                          "youmayalsolike",
                                          "youmightalsolike",
                                          "recommended",
                                          "sharethis",
                                          "abouttheauthor",
                                          "\xC3\xA4hnlichebeitr\xC3\xA4ge",
                                          "\xC3\x84hnlichebeitr\xC3\xA4ge",
                                          "verwandtebeitr\xC3\xA4ge",
                                          "auchinteressant",
                                          "dask\xC3\xB6nntedichauchinteressieren",
                                          "dask\xC3\xB6nntesieauchinteressieren",
                                          "mehrzumthema",
                                          "weitereartikel",
                                          "lesensieauch",
                                          "diesenartikelteilen",
                                          "articlessimilaires",
                                          "\xC3\xA0lireaussi",
                                          "surlem\xC3\xAAmesujet",
                                          "noticiasrelacionadas",
                                          "tepuedeinteresar",
                                          "articolicorrelati",
                                          "leggianche"};
  return starts_with_phrase(line, kPhrases);
}

// ---------------------------------------------------------------- metadata

struct Meta {
  std::string lang, title_tag, canonical, first_h1;
  std::vector<std::pair<std::string, std::string>> metas;  // key (lower-case) -> content
  std::vector<std::string> json_ld;
  std::string time_pub, time_first;      // <time datetime> marked as publication / first one
  std::vector<std::string> time_stamps;  // every <time datetime> (the first 64)
  // <time datetime> with the date it shows as text (the first 64).
  std::vector<std::pair<std::string, std::string>> time_shown;
  std::string itemprop_date, itemprop_author, byline;
  // A publication date from an inline script's data ("published_at": ...) or
  // from the RDF block that blog engines leave in a comment (dc:date="...").
  std::string script_date;
  std::string written_date;  // from a short inline script that writes a date

  const std::string* get(std::string_view key) const {
    for (const auto& [k, v] : metas)
      if (k == key && !v.empty()) return &v;
    return nullptr;
  }
};

// The value of the first publication-date key in script data or in an RDF
// comment: "datePublished": "...", "published_at":"...", dc:date="...".
constexpr std::array kScriptDateKeys = {
    "\"datePublished\"", "\"published_at\"",    "\"publishedAt\"", "\"publishDate\"",
    "\"firstPubDate\"",  "\"first_published\"", "dc:date="};

std::string date_in_script(std::string_view text) {
  constexpr const auto& kKeys = kScriptDateKeys;
  // Script text can be long: find the first place of every key in one pass
  // over its quotes rather than one search per key.
  std::array<size_t, kKeys.size()> first_at;
  first_at.fill(std::string_view::npos);
  size_t missing = 0;
  for (size_t k = 0; k < kKeys.size(); ++k) {
    if (kKeys[k][0] == '"')
      ++missing;
    else
      first_at[k] = text.find(kKeys[k]);
  }
  for (size_t q = text.find('"'); q != std::string_view::npos && missing > 0;
       q = text.find('"', q + 1)) {
    for (size_t k = 0; k < kKeys.size(); ++k) {
      if (kKeys[k][0] != '"' || first_at[k] != std::string_view::npos) continue;
      if (text.compare(q, std::strlen(kKeys[k]), kKeys[k]) == 0) {
        first_at[k] = q;
        --missing;
      }
    }
  }
  for (size_t k = 0; k < kKeys.size(); ++k) {
    const char* key = kKeys[k];
    size_t p = first_at[k];
    if (p == std::string_view::npos) continue;
    p += std::strlen(key);
    while (p < text.size() && (text[p] == ' ' || text[p] == ':' || text[p] == '"')) ++p;
    std::string_view value = text.substr(p, std::min<size_t>(40, text.size() - p));
    value = value.substr(0, value.find('"'));
    std::string d = parse_date(value);
    if (!d.empty()) return d;
  }
  return "";
}

// ---------------------------------------------------------------- thinning

// libxml2 reads markup byte by byte (well over 100 instructions a byte in
// attribute values and script text), and a news page is mostly markup that
// the extraction never looks at. thin_markup() copies the page without it,
// before the parse:
//  - the text of <style> elements;
//  - the text of <script> elements that are not JSON (ld+json and data
//    blobs stay), are longer than a one-line date writer and hold none of
//    kScriptDateKeys (what collect_meta reads from scripts);
//  - what is inside <svg> elements (icons: path data), when it is only
//    SVG drawing elements;
//  - attributes never read (kDroppedAttributes: image sources, sizes,
//    script handlers on..., data-* but data-*date*, *time*, *publish*,
//    aria-* but aria-hidden and aria-label), and the values of link
//    targets (<a href>: only whether there is one counts).
// Everything is tokenised as libxml2 does (quoted attribute values, comments,
// the raw text of script and style up to "</script" / "</style"), so the
// tree is the same but for the removed text. Code that starts reading one of
// the dropped attributes must take it off attribute_fate().
constexpr std::array kDroppedAttributes = {
    "src",        "srcset",       "sizes",       "imagesrcset", "imagesizes",      "alt",
    "width",      "height",       "target",      "loading",     "decoding",        "d",
    "media",      "tabindex",     "fill",        "stroke",      "viewbox",         "xmlns",
    "xlink:href", "async",        "defer",       "crossorigin", "integrity",       "referrerpolicy",
    "nonce",      "autocomplete", "placeholder", "frameborder", "allowfullscreen", "allow",
    "sandbox",    "fetchpriority"};

bool ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// libxml2's HTML name characters (htmlParseHTMLName).
bool html_name_char(char c) {
  return ascii_letter(c) || (c >= '0' && c <= '9') || c == ':' || c == '-' || c == '_' || c == '.';
}

bool html_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool equals_nocase(std::string_view s, std::string_view lower_word) {
  if (s.size() != lower_word.size()) return false;
  for (size_t i = 0; i < s.size(); ++i)
    if (ascii_lower(s[i]) != lower_word[i]) return false;
  return true;
}

enum class AttrFate : uint8_t { kKeep, kEmpty, kDrop };

// What thin_markup does with attribute `name` (of an <a> element when
// `link`): attributes that nothing reads go, and so do their values.
AttrFate attribute_fate(std::string_view name, bool link) {
  if (name.empty() || name.size() > 24) return AttrFate::kKeep;
  // This runs for every attribute of the page: compare a lower-case copy
  // on the stack with the names that start with the same letter.
  char buf[24];
  for (size_t i = 0; i < name.size(); ++i) buf[i] = ascii_lower(name[i]);
  std::string_view key(buf, name.size());
  if (key.size() > 2 && key[0] == 'o' && key[1] == 'n') return AttrFate::kDrop;  // onclick, ...
  // Only whether a link has a target counts.
  if (link && key == "href") return AttrFate::kEmpty;
  // data-* but the ones that may carry a date (data-date, data-time).
  if (key.size() > 5 && key.substr(0, 5) == "data-")
    return key.find("date") != std::string_view::npos ||
                   key.find("time") != std::string_view::npos ||
                   key.find("publish") != std::string_view::npos
               ? AttrFate::kKeep
               : AttrFate::kDrop;
  if (key.size() > 5 && key.substr(0, 5) == "aria-")
    return key == "aria-hidden" || key == "aria-label" ? AttrFate::kKeep : AttrFate::kDrop;
  static const std::array<std::vector<std::string_view>, 256> by_first_byte = [] {
    std::array<std::vector<std::string_view>, 256> table;
    for (std::string_view k : kDroppedAttributes)
      table[static_cast<unsigned char>(k[0])].push_back(k);
    return table;
  }();
  for (std::string_view k : by_first_byte[static_cast<unsigned char>(key[0])])
    if (k == key) return AttrFate::kDrop;
  return AttrFate::kKeep;
}

struct TagAttr {
  std::string_view name;
  size_t begin = 0, end = 0;              // the whole attribute
  size_t value_begin = 0, value_end = 0;  // inside the quotes
  bool quoted = false;
};

struct StartTag {
  std::string_view name;
  size_t end = 0;  // one past '>'
  bool self_closing = false;
  std::vector<TagAttr> attrs;
};

// Reads the start tag at `p` ('<' and a letter) as htmlParseStartTag does.
// False when the page ends inside it.
bool read_start_tag(std::string_view s, size_t p, StartTag& tag) {
  tag.attrs.clear();
  size_t i = p + 1;
  while (i < s.size() && html_name_char(s[i])) ++i;
  tag.name = s.substr(p + 1, i - p - 1);
  while (true) {
    while (i < s.size() && html_blank(s[i])) ++i;
    if (i >= s.size()) return false;
    if (s[i] == '>') {
      tag.end = i + 1;
      tag.self_closing = false;
      return true;
    }
    if (s[i] == '/' && i + 1 < s.size() && s[i + 1] == '>') {
      tag.end = i + 2;
      tag.self_closing = true;
      return true;
    }
    char c = s[i];
    if (!ascii_letter(c) && c != '_' && c != ':' && c != '.') {
      // Not an attribute name: skipped up to a blank or the tag's end.
      while (i < s.size() && !html_blank(s[i]) && s[i] != '>' &&
             !(s[i] == '/' && i + 1 < s.size() && s[i + 1] == '>'))
        ++i;
      continue;
    }
    TagAttr a;
    size_t n = i;
    while (i < s.size() && html_name_char(s[i])) ++i;
    a.name = s.substr(n, i - n);
    while (i < s.size() && html_blank(s[i])) ++i;
    if (i < s.size() && s[i] == '=') {
      ++i;
      while (i < s.size() && html_blank(s[i])) ++i;
      if (i >= s.size()) return false;
      if (s[i] == '"' || s[i] == '\'') {
        size_t close = s.find(s[i], i + 1);
        if (close == std::string_view::npos) return false;
        a.value_begin = i + 1;
        a.value_end = close;
        a.quoted = true;
        i = close + 1;
      } else {
        a.value_begin = i;
        while (i < s.size() && !html_blank(s[i]) && s[i] != '>') ++i;
        a.value_end = i;
      }
    }
    a.begin = n;
    a.end = a.quoted ? a.value_end + 1 : std::max(a.value_end, n + a.name.size());
    tag.attrs.push_back(a);
  }
}

// Where the raw text that starts at `from` ends: the next "</name"
// (any case), else the end of the page.
size_t raw_text_end(std::string_view s, size_t from, std::string_view name) {
  for (size_t p = s.find("</", from); p != std::string_view::npos; p = s.find("</", p + 2))
    if (p + 2 + name.size() <= s.size() && equals_nocase(s.substr(p + 2, name.size()), name))
      return p;
  return s.size();
}

// The end of the markup that starts at `p` when it is a comment, an end
// tag, a declaration or a processing instruction (0 when it is none, npos
// when the page ends inside it).
size_t skip_other_markup(std::string_view s, size_t p) {
  if (s.compare(p, 4, "<!--") == 0) {
    size_t e = s.find("-->", p + 4);
    return e == std::string_view::npos ? e : e + 3;
  }
  if (p + 1 < s.size() && (s[p + 1] == '/' || s[p + 1] == '!' || s[p + 1] == '?')) {
    size_t e = s.find('>', p + 2);
    return e == std::string_view::npos ? e : e + 1;
  }
  return 0;
}

bool svg_drawing_element(std::string_view name) {
  static constexpr std::array kNames = {"svg",
                                        "g",
                                        "path",
                                        "circle",
                                        "rect",
                                        "ellipse",
                                        "line",
                                        "polyline",
                                        "polygon",
                                        "use",
                                        "defs",
                                        "symbol",
                                        "title",
                                        "desc",
                                        "stop",
                                        "lineargradient",
                                        "radialgradient",
                                        "clippath",
                                        "mask",
                                        "pattern",
                                        "filter",
                                        "metadata",
                                        "marker",
                                        "text",
                                        "tspan",
                                        "image",
                                        "feblend",
                                        "fecolormatrix",
                                        "feflood",
                                        "fegaussianblur",
                                        "feoffset",
                                        "femerge",
                                        "femergenode",
                                        "fecomposite",
                                        "femorphology",
                                        "feturbulence",
                                        "fedropshadow"};
  for (std::string_view k : kNames)
    if (equals_nocase(name, k)) return true;
  return false;
}

// The end of the content of the <svg> element whose start tag ends at
// `from` (the position of its "</svg"), or npos when the content is not
// only drawing elements (HTML in it may close the <svg> early in libxml2).
size_t svg_content_end(std::string_view s, size_t from) {
  int depth = 1;
  StartTag tag;
  for (size_t p = s.find('<', from); p != std::string_view::npos; p = s.find('<', p)) {
    if (p + 1 >= s.size()) return std::string_view::npos;
    if (s[p + 1] == '/') {
      size_t e = p + 2;
      while (e < s.size() && html_name_char(s[e])) ++e;
      std::string_view name = s.substr(p + 2, e - p - 2);
      if (!svg_drawing_element(name)) return std::string_view::npos;
      if (equals_nocase(name, "svg") && --depth == 0) return p;
    } else if (ascii_letter(s[p + 1])) {
      if (!read_start_tag(s, p, tag) || !svg_drawing_element(tag.name))
        return std::string_view::npos;
      if (equals_nocase(tag.name, "svg") && !tag.self_closing) ++depth;
      p = tag.end;
      continue;
    }
    size_t e = skip_other_markup(s, p);
    if (e == std::string_view::npos) return e;
    p = e ? e : p + 1;
  }
  return std::string_view::npos;
}

bool holds_script_date_key(std::string_view text) {
  for (std::string_view key : kScriptDateKeys)
    if (text.find(key) != std::string_view::npos) return true;
  return false;
}

void thin_markup(std::string_view s, std::string& out) {
  out.clear();
  out.reserve(s.size());
  size_t copied = 0;  // s[0, copied) is in `out`, less what was cut
  auto cut = [&](size_t from, size_t to) {
    out.append(s.substr(copied, from - copied));
    copied = to;
  };
  StartTag tag;
  size_t p = s.find('<');
  while (p != std::string_view::npos && p + 1 < s.size()) {
    if (!ascii_letter(s[p + 1])) {
      size_t e = skip_other_markup(s, p);
      if (e == std::string_view::npos) break;
      p = s.find('<', e ? e : p + 1);
      continue;
    }
    if (!read_start_tag(s, p, tag)) break;
    const bool link = equals_nocase(tag.name, "a");
    for (const TagAttr& a : tag.attrs) {
      AttrFate fate = attribute_fate(a.name, link);
      if (fate == AttrFate::kDrop)
        cut(a.begin, a.end);
      else if (fate == AttrFate::kEmpty && a.quoted)
        cut(a.value_begin, a.value_end);
    }
    size_t next = tag.end;
    bool script = equals_nocase(tag.name, "script");
    if (!tag.self_closing && (script || equals_nocase(tag.name, "style"))) {
      size_t end = raw_text_end(s, tag.end, script ? "script" : "style");
      std::string_view text = s.substr(tag.end, end - tag.end);
      bool keep = false;
      if (script) {
        for (const TagAttr& a : tag.attrs)
          if (equals_nocase(a.name, "type") &&
              lower(std::string(s.substr(a.value_begin, a.value_end - a.value_begin)))
                      .find("json") != std::string::npos)
            keep = true;
        keep = keep || text.size() <= 256 || holds_script_date_key(text);
      }
      if (!keep) cut(tag.end, end);
      next = end;
    } else if (!tag.self_closing && equals_nocase(tag.name, "svg")) {
      size_t end = svg_content_end(s, tag.end);
      if (end != std::string_view::npos) {
        cut(tag.end, end);
        next = end;
      }
    }
    p = s.find('<', next);
  }
  out.append(s.substr(copied));
}

// Whether `n` lists other stories (related posts, a sidebar): the
// dates there are theirs, not the page's.
bool lists_other_stories(const xmlNode* n) {
  if (is(n, "aside")) return true;
  if (!n->properties) return false;
  std::string names = lower(attr(n, "class") + " " + attr(n, "id"));
  for (const char* w : {"related", "sidebar"})
    if (names.find(w) != std::string::npos) return true;
  return false;
}

void collect_meta(const xmlNode* n, Meta& m, int depth, bool other_stories = false) {
  if (depth > kMaxDepth) return;
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type == XML_COMMENT_NODE && c->content && m.script_date.empty())
      m.script_date = date_in_script(reinterpret_cast<const char*>(c->content));
    if (c->type != XML_ELEMENT_NODE) continue;
    if (is(c, "html")) {
      m.lang = attr(c, "lang");
      if (m.lang.empty()) m.lang = attr(c, "xml:lang");
    } else if (is(c, "title")) {
      if (m.title_tag.empty()) m.title_tag = text_of(c);
      continue;
    } else if (is(c, "meta")) {
      std::string content = attr(c, "content");
      for (const char* k : {"property", "name", "itemprop", "http-equiv"}) {
        std::string key = attr(c, k);
        if (!key.empty()) m.metas.emplace_back(lower(key), collapse(content));
      }
      if (attr(c, "itemprop") == "datePublished" && m.itemprop_date.empty())
        m.itemprop_date = content.empty() ? attr(c, "datetime") : content;
      continue;
    } else if (is(c, "link")) {
      std::string rel = lower(attr(c, "rel"));
      if (rel == "canonical" && m.canonical.empty()) m.canonical = attr(c, "href");
      continue;
    } else if (is(c, "script")) {
      if (lower(attr(c, "type")) == "application/ld+json") {
        std::string s;
        for (const xmlNode* t = c->children; t; t = t->next)
          if (t->content) s += reinterpret_cast<const char*>(t->content);
        m.json_ld.push_back(std::move(s));
      } else if (m.script_date.empty()) {
        for (const xmlNode* t = c->children; t && m.script_date.empty(); t = t->next)
          if (t->content) m.script_date = date_in_script(reinterpret_cast<const char*>(t->content));
      }
      // A one-line script that writes a date into the page where it stands
      // (showDate("2020/04/17 01:43:09"), document.write("17.04.2020")).
      if (m.written_date.empty() && !other_stories && c->children && !c->children->next &&
          c->children->content) {
        std::string_view code = reinterpret_cast<const char*>(c->children->content);
        if (code.size() <= 120 && code.find('(') != std::string_view::npos)
          m.written_date = parse_date(code.substr(code.find('(')));
      }
      continue;
    } else if (is(c, "style")) {
      continue;
    } else if (is(c, "time") && !other_stories) {
      std::string dt = attr(c, "datetime");
      if (dt.empty()) dt = text_of(c);
      std::string cls = lower(attr(c, "class") + " " + attr(c, "itemprop"));
      bool pub = has_attr(c, "pubdate") || cls.find("publish") != std::string::npos ||
                 cls.find("datepublished") != std::string::npos;
      bool mod = cls.find("modif") != std::string::npos || cls.find("update") != std::string::npos;
      if (pub && m.time_pub.empty()) m.time_pub = dt;
      if (m.time_stamps.size() < 64) m.time_stamps.push_back(dt);
      if (m.time_shown.size() < 64 && has_attr(c, "datetime"))
        if (std::string shown = text_of(c); !shown.empty()) m.time_shown.emplace_back(dt, shown);
      if (!mod && m.time_first.empty()) m.time_first = dt;
    } else if (is(c, "h1")) {
      if (m.first_h1.empty()) m.first_h1 = text_of(c);
    }
    std::string_view itemprop = c->properties ? attr_view(c, "itemprop") : std::string_view();
    if (!itemprop.empty()) {
      if (itemprop == "datePublished" && m.itemprop_date.empty() && !other_stories) {
        m.itemprop_date = attr(c, "datetime");
        if (m.itemprop_date.empty()) m.itemprop_date = attr(c, "content");
        if (m.itemprop_date.empty()) m.itemprop_date = text_of(c);
      } else if (itemprop == "author" && m.itemprop_author.empty()) {
        m.itemprop_author = attr(c, "content");
        if (m.itemprop_author.empty()) m.itemprop_author = text_of(c);
      }
    }
    if (m.byline.empty() && c->properties) {
      std::string_view rel = attr_view(c, "rel");
      std::string_view raw_cls = attr_view(c, "class");
      thread_local std::string cls;  // reused: this runs for most elements
      cls.clear();
      for (char ch : raw_cls) cls.push_back(ascii_lower(ch));
      if (rel == "author" || cls.find("byline") != std::string::npos || cls == "author" ||
          cls.find("author-name") != std::string::npos) {
        std::string t = text_of(c);
        if (!t.empty() && chars(t) < 80) m.byline = t;
      }
    }
    collect_meta(c, m, depth + 1, other_stories || lists_other_stories(c));
  }
}

struct JsonLd {
  std::string headline, published, modified, author, publisher, language;
};

std::string json_string(simdjson::dom::element e) {
  std::string_view s;
  if (e.get(s) == simdjson::SUCCESS) return std::string(s);
  return "";
}

std::string json_name(simdjson::dom::element e) {
  // A string, {"name": ...}, or an array of either (names joined by ", ").
  std::string_view s;
  if (e.get(s) == simdjson::SUCCESS) return std::string(s);
  simdjson::dom::array arr;
  if (e.get(arr) == simdjson::SUCCESS) {
    std::string out;
    for (simdjson::dom::element x : arr) {
      std::string n = json_name(x);
      if (n.empty()) continue;
      if (!out.empty()) out += ", ";
      out += n;
    }
    return out;
  }
  simdjson::dom::object obj;
  if (e.get(obj) == simdjson::SUCCESS) {
    simdjson::dom::element name;
    if (obj["name"].get(name) == simdjson::SUCCESS) return json_name(name);
  }
  return "";
}

bool article_type(simdjson::dom::object obj) {
  simdjson::dom::element t;
  if (obj["@type"].get(t) != simdjson::SUCCESS) return false;
  std::string types;
  std::string_view s;
  simdjson::dom::array arr;
  if (t.get(s) == simdjson::SUCCESS) {
    types = s;
  } else if (t.get(arr) == simdjson::SUCCESS) {
    for (simdjson::dom::element x : arr)
      if (x.get(s) == simdjson::SUCCESS) types.append(s).push_back(' ');
  }
  return types.find("Article") != std::string::npos || types.find("Posting") != std::string::npos ||
         types.find("Report") != std::string::npos ||
         types.find("NewsArticle") != std::string::npos;
}

void walk_json_ld(simdjson::dom::element e, JsonLd& primary, JsonLd& fallback, int depth) {
  if (depth > 20) return;
  simdjson::dom::array arr;
  if (e.get(arr) == simdjson::SUCCESS) {
    for (simdjson::dom::element x : arr) walk_json_ld(x, primary, fallback, depth + 1);
    return;
  }
  simdjson::dom::object obj;
  if (e.get(obj) != simdjson::SUCCESS) return;
  JsonLd& into = article_type(obj) ? primary : fallback;
  for (auto field : obj) {
    std::string_view k = field.key;
    if (k == "headline" && into.headline.empty()) {
      into.headline = json_string(field.value);
    } else if (k == "datePublished" && into.published.empty()) {
      into.published = json_string(field.value);
    } else if (k == "dateModified" && into.modified.empty()) {
      into.modified = json_string(field.value);
    } else if (k == "dateCreated" && fallback.published.empty()) {
      fallback.published = json_string(field.value);
    } else if (k == "author" && into.author.empty()) {
      into.author = json_name(field.value);
    } else if (k == "publisher" && into.publisher.empty()) {
      into.publisher = json_name(field.value);
    } else if (k == "inLanguage" && into.language.empty()) {
      into.language = json_string(field.value);
    } else if (k == "@graph" || k == "mainEntity" || k == "mainEntityOfPage") {
      walk_json_ld(field.value, primary, fallback, depth + 1);
    }
  }
}

// A lenient look-up for when the JSON-LD is not valid JSON (common): the
// first "key": "value" pair.
std::string scan_json_key(std::string_view s, std::string_view key) {
  std::string pat = "\"" + std::string(key) + "\"";
  size_t p = s.find(pat);
  if (p == std::string_view::npos) return "";
  p += pat.size();
  while (p < s.size() && (is_space(static_cast<unsigned char>(s[p])) || s[p] == ':')) ++p;
  if (p >= s.size() || s[p] != '"') return "";
  size_t e = s.find('"', p + 1);
  if (e == std::string_view::npos) return "";
  return std::string(s.substr(p + 1, e - p - 1));
}

JsonLd parse_json_ld(const std::vector<std::string>& scripts) {
  JsonLd primary, fallback;
  thread_local simdjson::dom::parser parser;
  for (const std::string& s : scripts) {
    simdjson::dom::element root;
    if (parser.parse(simdjson::padded_string(s)).get(root) == simdjson::SUCCESS) {
      walk_json_ld(root, primary, fallback, 0);
    } else {
      if (fallback.published.empty()) fallback.published = scan_json_key(s, "datePublished");
      if (fallback.headline.empty()) fallback.headline = scan_json_key(s, "headline");
    }
  }
  auto pick = [](std::string& a, const std::string& b) {
    if (a.empty()) a = b;
  };
  pick(primary.headline, fallback.headline);
  pick(primary.published, fallback.published);
  pick(primary.modified, fallback.modified);
  pick(primary.author, fallback.author);
  pick(primary.publisher, fallback.publisher);
  pick(primary.language, fallback.language);
  return primary;
}

// "Headline | Site" -> "Headline": the longest part between separators.
std::string clean_title(const std::string& title, const std::string& h1) {
  if (title.empty()) return title;
  if (!h1.empty() && normalize_for_compare(title).find(normalize_for_compare(h1)) == 0) return h1;
  static constexpr std::array kSeps = {" | ",  " - ",        " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                       " :: ", " \xC2\xBB ", " \xC2\xAB ",     " / ",
                                       " · "};
  std::vector<std::string> parts{title};
  for (const char* sep : kSeps) {
    std::vector<std::string> next;
    for (const std::string& p : parts) {
      size_t b = 0, e;
      while ((e = p.find(sep, b)) != std::string::npos) {
        next.push_back(p.substr(b, e - b));
        b = e + std::strlen(sep);
      }
      next.push_back(p.substr(b));
    }
    parts = std::move(next);
  }
  if (parts.size() == 1) return title;
  const std::string* best = &parts[0];
  for (const std::string& p : parts)
    if (chars(p) > chars(*best)) best = &p;
  return collapse(*best);
}

std::string language_tag(std::string s) {
  s = lower(collapse(s));
  size_t e = s.find_first_of("-_ ,;");
  if (e != std::string::npos) s.resize(e);
  if (s.size() < 2 || s.size() > 3) return "";
  for (char c : s)
    if (c < 'a' || c > 'z') return "";
  return s;
}

// Lower-case ASCII copy, for matching lead-in words.
bool starts_with_nocase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (ascii_lower(s[i]) != prefix[i]) return false;
  return true;
}

// A byline as pages print it -> the name: lead-in words ("By", "Posted
// by", "Veröffentlicht von", "Author") and what follows the name (a date,
// a time, "· in Category") go.
std::string clean_author(std::string s) {
  s = collapse(s);
  // Longest first: "posted by" before "by".
  static constexpr std::array kLeadIns = {"view all posts by",
                                          "all posts by",
                                          "posted by",
                                          "written by",
                                          "published by",
                                          "zeige alle beitr\xC3\xA4ge von",
                                          "alle beitr\xC3\xA4ge von",
                                          "ver\xC3\xB6"
                                          "ffentlicht von",
                                          "geschrieben von",
                                          "erstellt von",
                                          "beitrag von",
                                          "beitragvon",
                                          "autorin:",
                                          "autor:",
                                          "author:",
                                          "autorin",
                                          "author",
                                          "autor",
                                          "by",
                                          "von",
                                          "vom",
                                          "par",
                                          "por"};
  for (std::string_view lead : kLeadIns) {
    if (!starts_with_nocase(s, lead)) continue;
    std::string_view rest = std::string_view(s).substr(lead.size());
    // "By Ann", "AuthorAnn", but not "Bylund" or "Vonnegut" or "Authority".
    bool word_lead =
        lead.back() == ':' || lead.find(' ') != std::string_view::npos || lead.size() >= 5;
    if (rest.empty()) break;
    unsigned char next = static_cast<unsigned char>(rest[0]);
    bool upper_next = next >= 'A' && next <= 'Z';
    if (rest[0] == ' ' || (word_lead && upper_next)) {
      s = collapse(rest);
      if (!s.empty() && s.front() == ' ') s.erase(0, 1);
    }
    break;
  }
  // What follows the name: " · 22. Oktober", " | Category", " - January 10",
  // " am 26/10/13", " at 18:52", "Name22. Februar 2020".
  for (std::string_view sep : {" \xC2\xB7 ", " | ", " \xE2\x80\xA2 ", " \xE2\x80\x94 ",
                               " \xE2\x80\x93 ", " - ", " \xC2\xBB "}) {
    size_t at = s.find(sep);
    if (at != std::string::npos && at > 0) s.resize(at);
  }
  for (size_t i = 1; i < s.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i])) ||
        std::isdigit(static_cast<unsigned char>(s[i - 1])))
      continue;
    size_t e = i;
    while (e < s.size() && std::isdigit(static_cast<unsigned char>(s[e]))) ++e;
    // A day, month or year: digits followed by a separator or a space and
    // more, or four digits (a year). A user name ending in digits stays.
    bool date_like;
    if (s[i - 1] == ' ')
      date_like = (e < s.size() && (s[e] == '.' || s[e] == '/' || s[e] == ':' ||
                                    (s[e] == ' ' && e + 1 < s.size()))) ||
                  e - i == 4;
    else  // glued to the name: "Collignon22. Februar"
      date_like = std::isalpha(static_cast<unsigned char>(s[i - 1])) && e + 1 < s.size() &&
                  s[e] == '.' && s[e + 1] == ' ';
    if (!date_like) continue;
    s.resize(i);
    break;
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == ',')) s.pop_back();
  for (std::string_view tail : {" am", " at", " on", " le", " el", " il", " \xC2\xB7"})
    if (s.size() > tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0)
      s.resize(s.size() - tail.size());
  while (!s.empty() && (s.back() == ' ' || s.back() == ',')) s.pop_back();
  if (s.rfind("http", 0) == 0 || chars(s) > 100) return "";
  return s;
}

// A timestamp in UTC ("...Z", "+00:00") may fall on the day after (or
// before) the local publication day that readers and URLs show. Returns the
// minute of the UTC day, or -1 when `v` is not a UTC time stamp.
int utc_minute(std::string_view v) {
  size_t t = v.find('T');
  if (t == std::string_view::npos) t = v.find(' ');
  if (t == std::string_view::npos || t < 8) return -1;
  std::string_view rest = v.substr(t);
  if (rest.find('Z') == std::string_view::npos && rest.find("+00:00") == std::string_view::npos &&
      rest.find("+0000") == std::string_view::npos)
    return -1;
  auto two = [&](size_t i) {
    return i + 1 < rest.size() && std::isdigit(static_cast<unsigned char>(rest[i])) &&
                   std::isdigit(static_cast<unsigned char>(rest[i + 1]))
               ? (rest[i] - '0') * 10 + (rest[i + 1] - '0')
               : -1;
  };
  int h = two(1), m = two(4);
  return h >= 0 && h < 24 && m >= 0 ? h * 60 + m : 0;
}

// Whether `local_day` can be the local calendar day of the UTC moment
// (`utc_day`, `minute`): time zones run from UTC-10 (Hawaii) to UTC+14.
bool local_day_of(std::string_view local_day, std::string_view utc_day, int minute) {
  long diff = day_number(local_day) - day_number(utc_day);
  if (diff == 0) return true;
  if (diff == -1) return minute < 10 * 60;
  if (diff == 1) return minute >= 10 * 60;
  return false;
}

// The UTC offsets, in minutes and with daylight saving, that a country's
// clocks keep (its whole territory, so "us" runs from Hawaii to New York).
struct OffsetRange {
  int lo = 0, hi = 0;
  bool known = false;
};

OffsetRange country_offsets(std::string_view cc) {
  struct Row {
    std::string_view cc;
    int lo, hi;
  };
  static constexpr Row kRows[] = {
      {"us", -600, -240}, {"ca", -480, -150}, {"mx", -480, -300}, {"br", -300, -120},
      {"ar", -180, -180}, {"cl", -360, -180}, {"co", -300, -300}, {"pe", -300, -300},
      {"gb", 0, 60},      {"uk", 0, 60},      {"ie", 0, 60},      {"pt", -60, 60},
      {"is", 0, 0},       {"es", 0, 120},     {"fr", 60, 120},    {"be", 60, 120},
      {"nl", 60, 120},    {"lu", 60, 120},    {"de", 60, 120},    {"at", 60, 120},
      {"ch", 60, 120},    {"it", 60, 120},    {"dk", 60, 120},    {"se", 60, 120},
      {"no", 60, 120},    {"pl", 60, 120},    {"cz", 60, 120},    {"sk", 60, 120},
      {"hu", 60, 120},    {"si", 60, 120},    {"hr", 60, 120},    {"rs", 60, 120},
      {"ba", 60, 120},    {"fi", 120, 180},   {"ee", 120, 180},   {"lv", 120, 180},
      {"lt", 120, 180},   {"ro", 120, 180},   {"bg", 120, 180},   {"gr", 120, 180},
      {"ua", 120, 180},   {"cy", 120, 180},   {"il", 120, 180},   {"lb", 120, 180},
      {"jo", 120, 180},   {"eg", 120, 180},   {"za", 120, 120},   {"ng", 60, 60},
      {"ke", 180, 180},   {"tr", 180, 180},   {"by", 180, 180},   {"ru", 120, 720},
      {"sa", 180, 180},   {"qa", 180, 180},   {"iq", 180, 180},   {"ae", 240, 240},
      {"ir", 210, 270},   {"pk", 300, 300},   {"in", 330, 330},   {"lk", 330, 330},
      {"np", 345, 345},   {"bd", 360, 360},   {"th", 420, 420},   {"vn", 420, 420},
      {"id", 420, 540},   {"cn", 480, 480},   {"hk", 480, 480},   {"tw", 480, 480},
      {"sg", 480, 480},   {"my", 480, 480},   {"ph", 480, 480},   {"jp", 540, 540},
      {"kr", 540, 540},   {"au", 480, 660},   {"nz", 720, 780}};
  for (const Row& r : kRows)
    if (r.cc == cc) return {r.lo, r.hi, true};
  return {};
}

// The publisher's country: the URL's country-code domain (".de",
// ".co.uk"), else the region of the page's locale ("en_US", "fr-CA").
std::string publisher_country(std::string_view url, const Meta& m) {
  size_t p = url.find("://");
  std::string_view host = p == std::string_view::npos ? std::string_view() : url.substr(p + 3);
  host = host.substr(0, host.find_first_of("/:?#"));
  std::string_view tld = host.substr(host.rfind('.') + 1);
  if (tld.size() == 2 && host.find('.') != std::string_view::npos) return lower(std::string(tld));
  for (const char* k : {"og:locale", "content-language"}) {
    const std::string* v = m.get(k);
    if (v && v->size() == 5 && ((*v)[2] == '_' || (*v)[2] == '-')) return lower(v->substr(3));
  }
  if (m.lang.size() == 5 && m.lang[2] == '-') return lower(m.lang.substr(3));
  return "";
}

// The text under `n` with a space wherever an element begins or ends:
// pages set a byline or a label and the date in adjacent elements with no
// space between them ("Original Research7 April 2020", "By Ann Lee12 May
// 2024"), which reads as one word to the date finder.
void gather_text_spaced(const xmlNode* n, std::string& out, int depth = 0) {
  if (depth > kMaxDepth) return;
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content) append_collapsed(out, reinterpret_cast<const char*>(c->content));
    } else if (c->type == XML_ELEMENT_NODE && !is(c, "script") && !is(c, "style")) {
      append_collapsed(out, " ");
      gather_text_spaced(c, out, depth + 1);
      append_collapsed(out, " ");
    }
  }
}

std::string modified_date(const Meta& m, const JsonLd& ld) {
  std::string d = parse_date(ld.modified);
  for (const char* k : {"article:modified_time", "og:updated_time", "datemodified", "dateupdate",
                        "last-modified", "dc.date.modified", "dcterms.modified", "lastmod"}) {
    if (!d.empty()) break;
    if (const std::string* v = m.get(k)) d = parse_date(*v);
  }
  return d;
}

// Meta names that say "a date" without saying which: often the date of the
// last change, so a date shown next to the headline goes before them.
constexpr std::array kGenericDateKeys = {"dc.date", "dcterms.date", "date", "created",
                                         "displaydate"};

// The publication date from metadata: JSON-LD, the named meta tags (the
// generic ones too when `generic`), itemprop and <time pubdate>, checked
// against a date in the URL.
std::string first_date(const Meta& m, const JsonLd& ld, const std::string& url, bool generic,
                       OffsetRange zone, std::string* raw_value = nullptr) {
  static constexpr std::array kKeys = {"article:published_time",
                                       "og:article:published_time",
                                       "article.published",
                                       "datepublished",
                                       "date.published",
                                       "publishdate",
                                       "publish-date",
                                       "publish_date",
                                       "pubdate",
                                       "publication_date",
                                       "dc.date.issued",
                                       "dcterms.issued",
                                       "dc.date.created",
                                       "dcterms.created",
                                       "citation_publication_date",
                                       "citation_date",
                                       "sailthru.date",
                                       "parsely-pub-date",
                                       "article_date_original",
                                       "originalpublicationdate",
                                       "og:published_time",
                                       "cxenseparse:recs:publishtime",
                                       "rnews:datepublished",
                                       "pub_date",
                                       "release_date"};
  // article:published_time comes from the publishing system itself; JSON-LD
  // is often added by plugins, some of which label local times as UTC.
  std::vector<const std::string*> values;
  for (const char* k : kKeys) values.push_back(m.get(k));
  values.insert(values.begin() + 1, &ld.published);
  values.push_back(&m.itemprop_date);
  values.push_back(&m.time_pub);
  if (generic)
    for (const char* k : kGenericDateKeys) values.push_back(m.get(k));
  std::string d;
  int d_minute = -1;  // minute of the UTC day when `d` comes from a UTC stamp
  const std::string* d_value = nullptr;
  for (const std::string* v : values) {
    if (!v || v->empty()) continue;
    std::string x = parse_date(*v);
    if (x.empty()) continue;
    if (d.empty()) {
      d = x;
      d_minute = utc_minute(*v);
      d_value = v;
    }
  }
  if (raw_value && d_value) *raw_value = *d_value;
  // A UTC stamp shows the day in Greenwich, not necessarily the publisher's:
  // the same moment written elsewhere on the page with the local offset
  // (a generic date meta tag, a <time> element) gives the local day.
  if (d_minute >= 0 && d_value != nullptr) {
    Stamp utc;
    if (parse_stamp(*d_value, utc)) {
      auto same_moment = [&](const std::string& v) {
        Stamp local;
        if (v.empty() || !parse_stamp(v, local) || local.offset_minutes == 0) return false;
        if (std::labs(local.utc_minute - utc.utc_minute) > 2) return false;
        d = local.day;
        d_minute = -1;
        return true;
      };
      bool found = false;
      for (const auto& [k, v] : m.metas)
        if ((found = same_moment(v))) break;
      for (size_t i = 0; i < m.time_stamps.size() && !found; ++i)
        found = same_moment(m.time_stamps[i]);
      // A <time> element holding the UTC moment that shows readers the date
      // and time on their clock ("19.10.2019, 05:00 Uhr" for 03:00Z): the
      // difference is the publisher's offset, the day shown the local day.
      for (const auto& [stamp, shown] : m.time_shown) {
        if (found) break;
        Stamp same;
        if (!parse_stamp(stamp, same) || std::labs(same.utc_minute - utc.utc_minute) > 2) continue;
        long local = shown_minute(shown);
        long offset = local - same.utc_minute;
        if (local < 0 || offset < -12 * 60 || offset > 14 * 60 || offset % 15 != 0) continue;
        d = find_text_date(shown);
        d_minute = -1;
        found = true;
      }
    }
  }
  // Else a later publication source without a UTC stamp (a day shown as
  // text, a stamp with an offset) on a neighbouring day that the UTC
  // moment allows is the local day.
  if (d_minute >= 0) {
    for (const std::string* v : values) {
      if (!v || v->empty() || v == d_value || utc_minute(*v) >= 0) continue;
      std::string x = parse_date(*v);
      if (!x.empty() && x != d && local_day_of(x, d, d_minute)) {
        d = x;
        d_minute = -1;
        break;
      }
    }
  }
  std::string from_url = date_from_url(url);
  if (!from_url.empty()) {
    // A day in the URL next to a UTC time stamp is the local day of the same
    // moment; a stamp with its own offset already shows the local day.
    if (d.empty() || (d_minute >= 0 && local_day_of(from_url, d, d_minute))) return from_url;
    // A URL is fixed when a story first goes out, while metadata dates are
    // rewritten when a site moves to a new system or republishes: a URL day
    // more than a week before the metadata's is the publication day.
    if (day_number(d) - day_number(from_url) > 7) return from_url;
  }
  // Else the publisher's clocks: when all of its country's offsets put the
  // UTC moment on the same side of midnight, that is the local day
  // (00:23Z is the evening before everywhere in Canada).
  if (d_minute >= 0 && zone.known) {
    int lo = d_minute + zone.lo, hi = d_minute + zone.hi;
    long day = day_number(d);
    if (hi < 0) --day;
    if (lo >= 1440) ++day;
    if (hi < 0 || lo >= 1440) d = day_string(day);
  }
  if (d.empty()) {
    const std::string* t = &m.time_first;
    d = parse_date(*t);
  }
  return d;
}

// libxml2's HTML parse of `page` (valid UTF-8 without NUL bytes).
// htmlReadMemory, told the encoding, would also pass the page through a
// UTF-8 to UTF-8 converter; here the parser is told the page is UTF-8, and
// HTML_PARSE_IGNORE_ENC keeps it from switching on the page's <meta
// charset> (the page was decoded already). The page is still copied once:
// libxml2 2.9's HTML parser misreads static (uncopied) input buffers.
htmlDocPtr parse_html(const std::string& page) {
  htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
  if (ctxt == nullptr) return nullptr;
  xmlParserInputBufferPtr buffer = xmlParserInputBufferCreateMem(
      page.data(), static_cast<int>(page.size()), XML_CHAR_ENCODING_NONE);
  xmlParserInputPtr input =
      buffer ? xmlNewIOInputStream(ctxt, buffer, XML_CHAR_ENCODING_NONE) : nullptr;
  if (input == nullptr) {
    if (buffer) xmlFreeParserInputBuffer(buffer);
    htmlFreeParserCtxt(ctxt);
    return nullptr;
  }
  inputPush(ctxt, input);
  // The page is UTF-8: without this the parser would guess its encoding
  // at the first non-ASCII byte.
  ctxt->charset = XML_CHAR_ENCODING_UTF8;
  htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                               HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT |
                               XML_PARSE_HUGE);
  htmlParseDocument(ctxt);
  htmlDocPtr doc = ctxt->myDoc;
  ctxt->myDoc = nullptr;
  // As htmlReadMemory: the document keeps the dictionary of its names.
  if (ctxt->dictNames && doc != nullptr && doc->dict == ctxt->dict) ctxt->dict = nullptr;
  htmlFreeParserCtxt(ctxt);
  return doc;
}

}  // namespace

bool extract_article(std::string_view bytes, const ExtractOptions& options, Article& out,
                     std::string& error) {
  out = Article{};
  if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    error = "empty page";
    return false;
  }
  // Binary data: NUL bytes in the first KiB (UTF-16 pages have a BOM), or
  // more than a few other control bytes, which text in any 8-bit or UTF-8
  // encoding does not have (ESC is kept for ISO-2022 pages). Some 2% of
  // random kilobytes hold no NUL, so the NUL test alone is not enough.
  std::string_view head = bytes.substr(0, std::min<size_t>(bytes.size(), 1024));
  bool bom16 =
      bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF");
  auto is_binary_control = [](char c) {
    unsigned char u = static_cast<unsigned char>(c);
    return u < 0x20 && u != '\t' && u != '\n' && u != '\r' && u != '\f' && u != '\v' && u != 0x1B;
  };
  if (!bom16 && (std::count(head.begin(), head.end(), '\0') > 0 ||
                 std::count_if(head.begin(), head.end(), is_binary_control) > 8)) {
    error = "not an HTML page (binary data)";
    return false;
  }
  // Page-sized buffers, kept from page to page: allocating and freeing
  // them for every page costs more than copying into them.
  thread_local std::string utf8, thinned;
  if (utf8.capacity() > (size_t{16} << 20)) {  // not after a huge page
    utf8 = std::string();
    thinned = std::string();
  }
  out.charset = to_utf8(bytes, options.charset, utf8);
  // libxml2 stops at a NUL byte; stray NULs occur in real pages.
  utf8.erase(std::remove(utf8.begin(), utf8.end(), '\0'), utf8.end());

  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  if (utf8.size() > static_cast<size_t>(INT32_MAX)) {
    error = "page too large";
    return false;
  }
  thin_markup(utf8, thinned);
  DocumentArena arena;  // the DOM's memory, freed at once when it closes
  htmlDocPtr doc = parse_html(thinned);
  arena.stop_allocating();
  if (doc == nullptr) {
    error = "the HTML parser could not read the page";
    return false;
  }
  std::unique_ptr<xmlDoc, void (*)(xmlDoc*)> guard(
      doc, arena.holds_everything() ? +[](xmlDoc*) {} : xmlFreeDoc);
  xmlNode* root = xmlDocGetRootElement(doc);
  if (root == nullptr) return true;

  // ---- metadata
  Meta m;
  collect_meta(reinterpret_cast<xmlNode*>(doc), m, 0);
  JsonLd ld = parse_json_ld(m.json_ld);
  auto meta = [&](const char* k) -> std::string {
    const std::string* v = m.get(k);
    return v ? *v : std::string();
  };
  out.outlet = meta("og:site_name");
  if (out.outlet.empty()) out.outlet = collapse(ld.publisher);
  out.url = m.canonical;
  if (out.url.rfind("http", 0) != 0) out.url = meta("og:url");
  if (out.url.rfind("http", 0) != 0) out.url = options.url;
  std::string title = meta("og:title");
  if (title.empty()) title = collapse(ld.headline);
  if (title.empty()) title = clean_title(m.title_tag, m.first_h1);
  if (title.empty()) title = m.first_h1;
  if (!out.outlet.empty() && title.size() > out.outlet.size() + 3) {
    // "Headline | Outlet" in og:title too.
    std::string t = clean_title(title, m.first_h1);
    if (normalize_for_compare(t) != normalize_for_compare(out.outlet)) title = t;
  }
  out.title = collapse(title);
  // The first named author that is not the outlet itself (publishers put
  // their own name in the author meta tag).
  // (An organisation can be its own author: it stays when no one else is named.)
  std::string outlet_as_author;
  for (const std::string& candidate : {meta("author"), ld.author, m.itemprop_author,
                                       meta("article:author"), meta("dc.creator"), m.byline}) {
    std::string a = clean_author(candidate);
    std::string key = normalize_for_compare(a);
    if (key.empty()) continue;
    if (key == normalize_for_compare(out.outlet) || key == normalize_for_compare(ld.publisher)) {
      if (outlet_as_author.empty()) outlet_as_author = std::move(a);
      continue;
    }
    out.author = std::move(a);
    break;
  }
  if (out.author.empty()) out.author = std::move(outlet_as_author);
  out.language = language_tag(m.lang);
  if (out.language.empty()) out.language = language_tag(meta("content-language"));
  if (out.language.empty()) out.language = language_tag(meta("og:locale"));
  if (out.language.empty()) out.language = language_tag(ld.language);
  out.description = meta("description");
  if (out.description.empty()) out.description = meta("og:description");
  const std::string& url_for_date = options.url.empty() ? out.url : options.url;
  const OffsetRange zone = country_offsets(publisher_country(url_for_date, m));
  // ---- publication date. Sources in order of trust, the first plausible
  // day wins:
  //  1. publication metadata: article:published_time, JSON-LD datePublished,
  //     the other named meta tags, itemprop=datePublished, <time pubdate>
  //     (a UTC stamp corrected to the local day when the page also gives the
  //     moment with its offset or shows it on the local clock, else when the
  //     publisher's country allows one day only); a URL day beats them when
  //     it is the local day of their UTC stamp or more than a week earlier
  //     (first_date);
  //  2. the canonical URL's day;
  //  3. a date shown next to the headline, in an element named for dates
  //     (it also replaces a metadata stamp from the evening before);
  //  4. generic date meta tags (dc.date, date), which are often the last
  //     change, so only after what the reader sees;
  //  5. <title>, the start of the text, date-like elements anywhere, other
  //     meta tags named for dates or uploads, the og:image upload path, date
  //     attributes;
  //  6. the modification date, script data, a date a script writes, and
  //     any date in the text.
  // Plausible: not after the day the page was fetched (when known; a day of
  // slack for time zones), and from page text not before 1995 (older
  // dates there are history or copyright lines, not the story's day).
  const bool date_debug = std::getenv("CT_DATE_DEBUG") != nullptr;
  const long fetched_day = options.fetched.empty() ? 0 : day_number(options.fetched);
  auto take = [&](const std::string& day, const char* source, bool from_text) {
    if (!out.published.empty() || day.empty()) return !out.published.empty();
    if (fetched_day > 0 && day_number(day) > fetched_day + 1) return false;
    if (from_text && day < "1995-01-01") return false;
    out.published = day;
    if (date_debug) std::fprintf(stderr, "date %s from %s\n", day.c_str(), source);
    return true;
  };
  std::string meta_stamp;  // the publication metadata's own value
  take(first_date(m, ld, url_for_date, false, zone, &meta_stamp), "publication metadata", false);
  const bool date_from_meta = !out.published.empty();
  if (url_for_date != out.url) take(date_from_url(out.url), "canonical URL", false);

  // ---- main text
  xmlNode* body = nullptr;
  for (xmlNode* c = root->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && is(c, "body")) body = c;
  if (body == nullptr) body = root;
  Linearizer lin;
  lin.run(body);
  std::vector<Element>& el = lin.elements;
  std::vector<Block>& blocks = lin.blocks;
  if (blocks.empty()) return true;

  // Prose mass per element (flags ignored), to protect wrappers.
  std::vector<double> prose(el.size(), 0.0);
  auto block_prose = [](const Block& b) -> double {
    size_t n = chars(b.text);
    double link = static_cast<double>(b.link_chars) / static_cast<double>(b.text.size());
    if (n < 40 || link > 0.4) return 0.0;
    return static_cast<double>(n) * (1.0 - link);
  };
  for (const Block& b : blocks) {
    double p = block_prose(b);
    if (p <= 0) continue;
    for (int e = b.owner; e >= 0; e = el[static_cast<size_t>(e)].parent)
      prose[static_cast<size_t>(e)] += p;
  }
  const double total_prose = prose[0];
  for (size_t i = 0; i < el.size(); ++i) {
    if (total_prose > 0 && prose[i] > 0.5 * total_prose) {
      el[i].flag_name = false;
      el[i].flag_tag = false;
    }
  }

  // Flags inherited down the tree (parents precede children in pre-order).
  std::vector<char> boiler(el.size(), 0);
  auto inherit = [&] {
    for (size_t i = 0; i < el.size(); ++i) {
      boiler[i] = el[i].flag_tag || el[i].flag_name;
      if (el[i].parent >= 0 && boiler[static_cast<size_t>(el[i].parent)]) boiler[i] = 1;
    }
  };
  inherit();
  // When the flags leave little of the prose, they misread the page (a
  // modifier class such as "Section--Ads" on every section): drop the
  // class/id flags and keep only those of the tags.
  double kept_prose = 0;
  for (const Block& b : blocks)
    if (!boiler[static_cast<size_t>(b.owner)]) kept_prose += block_prose(b);
  // Withdraw the class/id flag holding the most prose, one at a time.
  for (int round = 0; round < 16 && total_prose > 0 && kept_prose < 0.3 * total_prose; ++round) {
    size_t top = el.size();
    for (size_t i = 0; i < el.size(); ++i)
      if (el[i].flag_name && (top == el.size() || prose[i] > prose[top])) top = i;
    if (top == el.size() || prose[top] <= 0) break;
    el[top].flag_name = false;
    inherit();
    kept_prose = 0;
    for (const Block& b : blocks)
      if (!boiler[static_cast<size_t>(b.owner)]) kept_prose += block_prose(b);
  }
  for (Block& b : blocks) b.boiler = boiler[static_cast<size_t>(b.owner)];

  // good / bad per element.
  for (const Block& b : blocks) {
    if (b.boiler) continue;
    double n = static_cast<double>(chars(b.text));
    double link = static_cast<double>(b.link_chars) / static_cast<double>(b.text.size());
    double good = 0, bad = 0;
    if (b.kind == BlockKind::kHeading) {
      // Neutral: headings belong wherever their section goes.
    } else if (link > 0.5) {
      bad = n;
    } else if (n >= 80 || (n >= 40 && ends_sentence(b.text)) ||
               (b.kind == BlockKind::kParagraph && n >= 25)) {
      good = n * (1.0 - link);
      bad = n * link;
    } else if (n >= 20 && link < 0.1) {
      good = 0.1 * n;  // short lines of plain text: verse, dialogue, lists
    } else {
      bad = n * 0.5;
    }
    for (int e = b.owner; e >= 0; e = el[static_cast<size_t>(e)].parent) {
      el[static_cast<size_t>(e)].good += good;
      el[static_cast<size_t>(e)].bad += bad;
    }
  }
  int best = 0;
  double best_score = -1e300;
  for (size_t i = 0; i < el.size(); ++i) {
    if (boiler[i]) continue;
    double score = el[i].good * el[i].good / (el[i].good + kBadWeight * el[i].bad + 1.0);
    if (el[i].main_hint) score += 0.05 * el[i].good;
    if (score > best_score) {
      best_score = score;
      best = static_cast<int>(i);
    }
  }
  // Markup that names the article (<article>, <main>, itemprop=articleBody)
  // wins over a wider container when it holds most of the container's prose.
  {
    int hinted = -1;
    for (size_t i = static_cast<size_t>(best) + 1;
         i < static_cast<size_t>(el[static_cast<size_t>(best)].end); ++i)
      if (el[i].main_hint && !boiler[i] &&
          el[i].good >= kHintShare * el[static_cast<size_t>(best)].good &&
          (hinted < 0 || el[i].good < el[static_cast<size_t>(hinted)].good))
        hinted = static_cast<int>(i);
    if (hinted >= 0) best = hinted;
  }
  const Element& container = el[static_cast<size_t>(best)];
  if (std::getenv("CT_HTML_DEBUG")) {
    auto desc = [&](int i) {
      const xmlNode* nd = el[static_cast<size_t>(i)].node;
      if (!nd) return std::string("root");
      return std::string(name_of(nd)) + "." + attr(nd, "class") + "#" + attr(nd, "id");
    };
    for (int i = best; i >= 0; i = el[static_cast<size_t>(i)].parent)
      std::fprintf(stderr, "container< %s good=%.0f bad=%.0f\n", desc(i).c_str(),
                   el[static_cast<size_t>(i)].good, el[static_cast<size_t>(i)].bad);
    for (const Block& b : blocks) {
      std::string why;
      for (int i = b.owner; i >= 0; i = el[static_cast<size_t>(i)].parent)
        if (el[static_cast<size_t>(i)].flag_tag || el[static_cast<size_t>(i)].flag_name) {
          why = desc(i);
          break;
        }
      std::fprintf(stderr, "%c %s %c [%s] %.60s\n",
                   b.owner >= best && b.owner < container.end ? 'I' : 'o', b.boiler ? "B" : "-",
                   "opHiPqc"[static_cast<int>(b.kind)], why.c_str(), b.text.c_str());
    }
  }
  const int lo = best, hi = container.end;

  const std::string title_key = normalize_for_compare(out.title);
  const std::string h1_key = normalize_for_compare(m.first_h1);
  bool dropped_headline = false;
  std::vector<const Block*> kept;
  // The lead (standfirst) often sits between the headline and the body's
  // container, inside a <header>: prose blocks there belong to the text
  // unless a class/id names them furniture.
  {
    size_t first_in = blocks.size(), headline = blocks.size();
    for (size_t i = 0; i < blocks.size(); ++i) {
      if (blocks[i].owner >= lo && blocks[i].owner < hi && !blocks[i].boiler &&
          headline != blocks.size()) {
        first_in = i;
        break;
      }
      std::string key = normalize_for_compare(blocks[i].text);
      if (headline == blocks.size() && blocks[i].kind == BlockKind::kHeading && !key.empty() &&
          (key == title_key || key == h1_key))
        headline = i;
    }
    // Flagged blocks (share buttons, photo credits) between the two do not
    // count towards the distance.
    size_t between = 0;
    for (size_t i = headline + 1; i < first_in; ++i) between += !blocks[i].boiler;
    if (headline < first_in && between <= 8) {
      for (size_t i = headline + 1; i < first_in; ++i) {
        const Block& b = blocks[i];
        bool named = false;
        for (int e = b.owner; e >= 0 && !named; e = el[static_cast<size_t>(e)].parent) {
          const Element& x = el[static_cast<size_t>(e)];
          // "article-header__lead": the header is the article's own.
          if (x.node && (is(x.node, "header") ||
                         (x.flag_name && !x.flag_tag && !boilerplate_name(x.node, false))))
            continue;
          named = x.flag_name || x.flag_tag;
        }
        double link = static_cast<double>(b.link_chars) / static_cast<double>(b.text.size());
        size_t n = chars(b.text);
        // A lead set as a heading is still a paragraph of sentences.
        bool heading_lead = b.kind == BlockKind::kHeading && n >= 100 && ends_sentence(b.text);
        if (!named && link < 0.2 && n >= 60 && (b.kind != BlockKind::kHeading || heading_lead))
          kept.push_back(&b);
      }
    }
  }
  // Inside the article, a section of three or more blocks that is mostly
  // link text is a box of links to elsewhere ("read more", teasers).
  std::vector<double> sec_chars(el.size(), 0.0), sec_links(el.size(), 0.0);
  std::vector<int> sec_blocks(el.size(), 0);
  for (const Block& b : blocks) {
    if (b.owner < lo || b.owner >= hi || b.boiler) continue;
    for (int e = b.owner; e > lo; e = el[static_cast<size_t>(e)].parent) {
      sec_chars[static_cast<size_t>(e)] += static_cast<double>(b.text.size());
      sec_links[static_cast<size_t>(e)] += static_cast<double>(b.link_chars);
      ++sec_blocks[static_cast<size_t>(e)];
    }
  }
  // A short text next to an image, in a small box of its own, is a caption
  // or a credit.
  std::vector<double> box_chars(el.size(), 0.0);
  for (const Block& b : blocks)
    for (int e = b.owner, k = 0; e >= 0 && k < 3; e = el[static_cast<size_t>(e)].parent, ++k)
      box_chars[static_cast<size_t>(e)] += static_cast<double>(chars(b.text));
  auto caption = [&](const Block& b) {
    if (chars(b.text) > 150) return false;
    for (int e = b.owner, k = 0; e > lo && k < 3; e = el[static_cast<size_t>(e)].parent, ++k)
      if (el[static_cast<size_t>(e)].has_image &&
          box_chars[static_cast<size_t>(e)] <= static_cast<double>(chars(b.text)) + 5)
        return true;
    return false;
  };
  auto in_link_box = [&](const Block& b) {
    for (int e = b.owner; e > lo; e = el[static_cast<size_t>(e)].parent) {
      size_t i = static_cast<size_t>(e);
      if (sec_blocks[i] >= 3 && sec_links[i] > kLinkBoxDensity * sec_chars[i]) return true;
    }
    return false;
  };
  for (const Block& b : blocks) {
    if (b.owner < lo || b.owner >= hi || b.boiler) continue;
    if (in_link_box(b) || caption(b)) continue;
    double link = static_cast<double>(b.link_chars) / static_cast<double>(b.text.size());
    size_t n = chars(b.text);
    if (link > 0.5 && !(n > 200 && link < 0.7)) continue;
    if (b.kind == BlockKind::kHeading && !dropped_headline) {
      std::string key = normalize_for_compare(b.text);
      if (!key.empty() && (key == title_key || key == h1_key)) {
        dropped_headline = true;
        continue;
      }
    }
    kept.push_back(&b);
  }
  // Trim the edges: what follows the last paragraph of prose (tags, "share
  // this", comment prompts) and short fragments before the first one
  // (dates, bylines, photo credits). Headings with nothing of their own
  // under them (the title of a list of links) go too.
  auto prose_block = [&](const Block& b) {
    size_t n = chars(b.text);
    return b.kind != BlockKind::kHeading && (n >= 80 || (n >= 40 && ends_sentence(b.text)) ||
                                             (b.kind == BlockKind::kParagraph && n >= 25));
  };
  size_t first = kept.size(), last = 0;
  for (size_t i = 0; i < kept.size(); ++i) {
    if (!prose_block(*kept[i])) continue;
    if (first == kept.size()) first = i;
    last = i;
  }
  if (first == kept.size()) {
    first = 0;
    last = kept.empty() ? 0 : kept.size() - 1;
  }
  size_t emitted = 0;  // characters of text written so far
  for (size_t i = 0; i < kept.size(); ++i) {
    const Block& b = *kept[i];
    if (i > last) break;
    // "Related articles", "Mehr zum Thema": such a line and the short teaser
    // lines under it are furniture, also in the middle of a story (boxes).
    if (emitted >= 200 && chars(b.text) < 60 && opens_comments(b.text)) break;
    if (emitted >= 200 && chars(b.text) < 60 && opens_after_article_section(b.text)) {
      while (i + 1 <= last && i + 1 < kept.size() && !prose_block(*kept[i + 1]) &&
             kept[i + 1]->kind != BlockKind::kHeading)
        ++i;
      continue;
    }
    emitted += chars(b.text);
    if (i < first && b.kind != BlockKind::kHeading && chars(b.text) < 50) continue;
    if (b.kind == BlockKind::kHeading) {
      bool has_body = false;
      for (size_t k = i + 1; k <= last && k < kept.size(); ++k) {
        if (kept[k]->kind == BlockKind::kHeading) break;
        has_body = true;
        break;
      }
      if (!has_body) continue;
    }
    if (!out.text.empty()) out.text.push_back('\n');
    out.text += b.text;
  }

  // The date shown next to the headline (what a reader sees; often the
  // date of the last update), else metadata, else a date in <title>, else
  // one at the start of the first paragraphs.
  std::string visible_date, lead_date;
  int visible_pass = -1;
  size_t anchor = blocks.size();
  auto dateish = [&](int e) {
    for (int k = 0; k < 3 && e > 0; ++k, e = el[static_cast<size_t>(e)].parent) {
      const xmlNode* nd = el[static_cast<size_t>(e)].node;
      thread_local std::string names;  // reused: no allocation per call
      names.clear();
      for (std::string_view part :
           {attr_view(nd, "class"), std::string_view(" "), attr_view(nd, "id")})
        for (char ch : part) names.push_back(ascii_lower(ch));
      for (const char* w :
           {"date", "datum", "time", "publish", "posted", "meta", "byline", "info", "dateline"})
        if (names.find(w) != std::string::npos) return true;
    }
    return false;
  };
  {
    // The heading that repeats the title, else one that holds it after a
    // kicker ("Budget: Council cuts ..."), and the first <h1> only when none
    // does (on many sites the first <h1> is the logo, next to today's date).
    for (int tier = 0; tier < 3 && anchor == blocks.size(); ++tier) {
      const std::string& want = tier < 2 ? title_key : h1_key;
      if (want.empty() || (tier == 1 && want.size() < 16)) continue;
      for (size_t i = 0; i < blocks.size() && anchor == blocks.size(); ++i) {
        const Block& b = blocks[i];
        if (b.kind != BlockKind::kHeading) continue;
        std::string key = normalize_for_compare(b.text);
        if (tier == 1 ? key.find(want) != std::string::npos : key == want) anchor = i;
      }
    }
    for (size_t i = 0; i < blocks.size() && anchor == blocks.size(); ++i)
      if (blocks[i].owner >= lo && blocks[i].owner < hi) anchor = i;
    if (anchor == blocks.size()) anchor = 0;
    if (date_debug && anchor < blocks.size())
      std::fprintf(stderr, "date anchor: %.60s\n", blocks[anchor].text.c_str());
    // The blocks near the headline, from it down first, then the few above
    // it (a kicker line); a date further up is the masthead's "today".
    // Menus and other link lists below it do not count towards the distance.
    std::vector<size_t> near;
    auto link_list = [&](const Block& b) { return 2 * b.link_chars > b.text.size(); };
    for (size_t i = anchor, counted = 0; i < blocks.size() && counted < 16; ++i) {
      near.push_back(i);
      if (!link_list(blocks[i])) ++counted;
    }
    for (size_t i = anchor; i > 0 && anchor - i < 4; --i) near.push_back(i - 1);
    for (int pass = 0; pass < 3 && lead_date.empty(); ++pass) {
      std::string& found = pass < 2 ? visible_date : lead_date;
      if (pass == 2 && !visible_date.empty()) break;
      for (size_t k = 0; k < near.size() && found.empty(); ++k) {
        const Block& b = blocks[near[k]];
        size_t n = chars(b.text);
        // 0: an element named for dates; 1: any short line of the story
        // that is not a link; 2: the start of the text.
        if (pass == 0 && (n > 200 || !dateish(b.owner))) continue;
        if (pass == 1 && (n > 100 || link_list(b))) continue;
        std::string_view t = b.text;
        if (pass == 2) t = t.substr(0, std::min<size_t>(t.size(), 40));
        found = find_text_date(t);
        if (found.empty() && pass < 2 && el[static_cast<size_t>(b.owner)].node) {
          // The same line with its elements apart; only when that is the
          // line itself, not a larger element around it.
          std::string spaced;
          gather_text_spaced(el[static_cast<size_t>(b.owner)].node, spaced);
          if (spaced.size() <= b.text.size() + 16) found = find_text_date(spaced);
        }
        if (!found.empty() && pass < 2) visible_pass = pass;
      }
    }
  }
  if (date_debug)
    std::fprintf(stderr, "candidates: meta=%s visible%d=%s generic=%s modified=%s lead=%s\n",
                 first_date(m, ld, url_for_date, false, zone).c_str(), visible_pass,
                 visible_date.c_str(), first_date(m, ld, url_for_date, true, zone).c_str(),
                 modified_date(m, ld).c_str(), lead_date.c_str());
  // A story stamped in the evening and shown with the next day's date next
  // to its headline was written for that day: an edition dated the next
  // morning, a press release under embargo until then.
  if (date_from_meta && !visible_date.empty() &&
      day_number(visible_date) == day_number(out.published) + 1 &&
      (fetched_day == 0 || day_number(visible_date) <= fetched_day + 1)) {
    Stamp st;
    if (parse_stamp(meta_stamp, st)) {
      long local = ((st.utc_minute + st.offset_minutes) % 1440 + 1440) % 1440;
      if (st.day == out.published && local >= 18 * 60) {
        out.published = visible_date;
        if (date_debug)
          std::fprintf(stderr, "date %s: the evening's story dated the next day\n",
                       visible_date.c_str());
      }
    }
  }
  take(visible_date, "date shown by the headline", true);
  if (out.published.empty())
    take(first_date(m, ld, url_for_date, true, zone), "generic date meta", false);
  if (out.published.empty()) take(find_text_date(m.title_tag), "<title>", true);
  take(lead_date, "start of the text", true);
  // Last resorts: a date-like element anywhere (after the headline first),
  // then the date of the last modification.
  if (out.published.empty()) {
    for (size_t i = 0; i < blocks.size() && out.published.empty(); ++i) {
      const Block& b = blocks[(i + anchor) % blocks.size()];
      if (chars(b.text) <= 120 && dateish(b.owner))
        take(find_text_date(b.text), "date-like element", true);
    }
  }
  // Any other meta tag named for a date; a date in the path of the page's
  // image (uploads are filed by day); the time stamp attribute of a
  // date-like element.
  if (out.published.empty()) {
    for (const auto& [k, v] : m.metas) {
      if (k.find("modif") != std::string::npos || k.find("updat") != std::string::npos ||
          k.find("expir") != std::string::npos)
        continue;
      if (k.find("date") != std::string::npos || k.find("publish") != std::string::npos ||
          k.find("upload") != std::string::npos || k.find("created") != std::string::npos ||
          k.find("time") != std::string::npos) {
        if (take(parse_date(v), "other date meta", false)) break;
      }
    }
  }
  if (out.published.empty()) {
    const std::string* image = m.get("og:image");
    if (image) take(date_from_url(*image), "og:image path", false);
  }
  if (out.published.empty()) {
    for (size_t i = 0; i < el.size() && out.published.empty(); ++i) {
      const xmlNode* nd = el[i].node;
      if (!nd || !dateish(static_cast<int>(i))) continue;
      for (const char* a : {"datetime", "title", "content", "data-date"}) {
        std::string v = attr(nd, a);
        if (!v.empty() && take(parse_date(v), "date-like attribute", false)) break;
      }
    }
  }
  if (out.published.empty()) take(modified_date(m, ld), "modification date", false);
  // Publication stamps that page scripts carry for themselves.
  take(m.script_date, "script data", false);
  take(m.written_date, "date written by a script", false);
  // Finally the first date written anywhere on the page, from the headline on.
  for (size_t i = 0; i < blocks.size() && out.published.empty(); ++i)
    take(find_text_date(blocks[(i + anchor) % blocks.size()].text), "first date in the text", true);
  // No declared language: the extracted text's own (title and body).
  if (out.language.empty()) out.language = detect_language(out.title + "\n" + out.text);
  return true;
}

}  // namespace claimtrace::html
