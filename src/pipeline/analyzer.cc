#include "pipeline/analyzer.h"

#include "extract/entities.h"
#include "extract/events.h"
#include "extract/extract.h"
#include "resolve/metonymy.h"
#include "resolve/resolve.h"
#include "segment/segmenter.h"
#include "tag/tagger.h"

namespace claimtrace {

void Analyzer::analyze(Document& doc) const {
  segment::segment(doc);
  tag::tag_document(tag::TagLexicon::builtin(), doc);
  if (lexicon_ != nullptr) {
    extract::find_mentions(doc, *lexicon_);
    resolve::resolve_entities(doc, *lexicon_);
  }
  extract::extract(doc);
  if (dicts_ != nullptr)
    code_with_dictionaries(doc);
  else
    extract::code_events(doc, lexicon_);
  if (lexicon_ != nullptr) resolve::flag_capital_metonymy(doc);
}

void Analyzer::code_with_dictionaries(Document& doc) const {
  doc.events.clear();
  const int date = dict::parse_iso_date(doc.published);
  std::vector<std::string_view> words;
  for (const Sentence& s : doc.sentences) {
    const std::string_view text = doc.slice(s.span);
    const auto ranges = dict::split_words(text);
    words.clear();
    for (const auto& [b, e] : ranges) words.push_back(text.substr(b, e - b));
    bool story_discard = false;
    const auto coded = dict::code_sentence(*dicts_, words, date, &story_discard);
    if (story_discard) {  // a PETRARCH '+' discard: the article codes nothing
      doc.events.clear();
      return;
    }
    const std::vector<dict::IssueMatch> issues =
        coded.empty() ? std::vector<dict::IssueMatch>{} : dict::find_issues(*dicts_, words);
    for (const dict::CodedEvent& e : coded) {
      Event v;
      for (const dict::IssueMatch& m : issues) v.issues.emplace_back(m.category, m.code);
      v.id = "v" + std::to_string(doc.events.size() + 1);
      auto span_of = [&](uint32_t b, uint32_t end) {
        return Span{s.span.begin + ranges[b].first, s.span.begin + ranges[end - 1].second};
      };
      v.source.code = e.source.code;
      v.source.has_text = e.source.end > e.source.begin;  // empty: from an earlier clause
      if (v.source.has_text) v.source.text = span_of(e.source.begin, e.source.end);
      v.has_target = true;
      v.target.code = e.target.code;
      v.target.has_text = true;
      v.target.text = span_of(e.target.begin, e.target.end);
      v.code = e.code;
      v.has_verb = true;
      v.verb = span_of(e.verb, e.verb + 1);
      v.entry = "tabari";
      doc.events.push_back(std::move(v));
    }
  }
}

}  // namespace claimtrace
