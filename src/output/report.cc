#include "output/report.h"

#include <cstdio>
#include <string_view>

namespace claimtrace::output {

namespace {

struct Style {
  bool on;
  std::string_view bold() const { return on ? "\033[1m" : ""; }
  std::string_view dim() const { return on ? "\033[2m" : ""; }
  std::string_view cue() const { return on ? "\033[33m" : ""; }
  std::string_view reset() const { return on ? "\033[0m" : ""; }
};

void append_field(std::string& out, std::string_view label, std::string_view value) {
  out.append(label);
  out.append(value.empty() ? std::string_view("-") : value);
  out.push_back('\n');
}

// Sentence text with newlines shown as spaces, so each sentence is one line.
void append_flat(std::string& out, std::string_view s) {
  for (char c : s) out.push_back(c == '\n' || c == '\r' ? ' ' : c);
}

// The chain "A ← B ← C" for attribution `i`, outermost source first.
std::string chain_of(const Document& doc, int32_t i) {
  std::string chain;
  int guard = 0;
  while (i >= 0 && guard++ < 16) {
    const Attribution& a = doc.attributions[i];
    std::string name;
    if (a.has_source) {
      name.assign(doc.slice(a.source));
    } else {
      name.assign("(");
      name.append(to_string(a.source_kind));
      name.append(")");
    }
    if (!chain.empty()) {
      name.append(" \u2190 ");
      name.append(chain);
    }
    chain = std::move(name);
    i = a.via;
  }
  return chain;
}

}  // namespace

void write_report(const Document& doc, const ReportOptions& opts, std::string& out) {
  Style st{opts.color};
  out.append(st.bold());
  out.append(doc.title.empty() ? std::string_view("(untitled)") : std::string_view(doc.title));
  out.append(st.reset());
  out.push_back('\n');
  append_field(out, "  id:        ", doc.id);
  append_field(out, "  hash:      ", doc.hash);
  append_field(out, "  outlet:    ", doc.outlet);
  append_field(out, "  published: ", doc.published);
  append_field(out, "  url:       ", doc.url);
  out.append("  " + std::to_string(doc.text.size()) + " bytes, " +
             std::to_string(doc.tokens.size()) + " tokens, " +
             std::to_string(doc.sentences.size()) + " sentences, " +
             std::to_string(doc.attributions.size()) + " attributions, " +
             std::to_string(doc.events.size()) + " events\n\n");

  out.append(st.bold());
  out.append("Sentences\n");
  out.append(st.reset());
  uint32_t paragraph = UINT32_MAX;
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    if (s.paragraph != paragraph && i > 0) out.push_back('\n');
    paragraph = s.paragraph;
    out.append(st.dim());
    std::string num = std::to_string(i + 1);
    out.append(std::string(num.size() < 3 ? 3 - num.size() : 0, ' ') + num + ". ");
    out.append(st.reset());
    if (s.uncertain) out.append("[uncertain] ");
    append_flat(out, doc.slice(s.span));
    out.push_back('\n');
  }

  if (!doc.entities.empty()) {
    out.append(st.bold());
    out.append("\nEntities\n");
    out.append(st.reset());
    for (const Entity& e : doc.entities) {
      if (e.type == EntityType::kMisc) continue;
      out.append("  " + e.id + "  ");
      out.append(to_string(e.type));
      out.append(std::string(6 - std::min<size_t>(5, to_string(e.type).size()), ' '));
      out.append(e.name);
      if (!e.role.empty()) out.append(" (" + e.role + ")");
      if (!e.actor.empty()) out.append("  actor=" + e.actor);
      if (!e.stands_for.empty())
        out.append("  stands for " + e.stands_for + " \u00d7" +
                   std::to_string(e.metonymic_mentions.size()));
      if (e.has_geo) {
        char buf[96];
        std::snprintf(buf, sizeof buf, "  %.2s %s %.4f,%.4f", e.geo.country, e.geo.feature.c_str(),
                      e.geo.lat, e.geo.lon);
        out.append(buf);
        if (e.geo.geonameid) out.append(" geonames:" + std::to_string(e.geo.geonameid));
      }
      out.append("  \u00d7" + std::to_string(e.mentions.size()) + "\n");
    }
  }

  if (!doc.attributions.empty()) {
    out.append(st.bold());
    out.append("\nClaims (who says so, through whom, how sure)\n");
    out.append(st.reset());
    for (size_t i = 0; i < doc.attributions.size(); ++i) {
      const Attribution& a = doc.attributions[i];
      out.append("  " + a.id + "  " + chain_of(doc, static_cast<int32_t>(i)) + ": ");
      out.append(st.cue());
      append_flat(out, doc.slice(a.cue));
      out.append(st.reset());
      out.append(" [" + std::string(to_string(a.certainty)) + (a.quoted ? ", quoted" : "") + "]");
      if (opts.explain && !a.rule.empty()) out.append(" rule=" + std::string(a.rule));
      out.append("\n      ");
      for (size_t k = 0; k < a.content.size(); ++k) {
        if (k) out.append(" \u2026 ");
        append_flat(out, doc.slice(a.content[k]));
      }
      out.push_back('\n');
    }
  }

  if (!doc.events.empty()) {
    out.append(st.bold());
    out.append("\nEvents (who did what to whom, where, and who says so)\n");
    out.append(st.reset());
    for (const Event& v : doc.events) {
      out.append("  " + v.id + "  ");
      out.append(v.source.code.empty() ? std::string_view("?") : std::string_view(v.source.code));
      out.append(" \u2192 " + v.code + " \u2192 ");
      out.append(v.has_target ? std::string_view(v.target.code) : std::string_view("-"));
      out.append("  ");
      out.append(st.cue());
      if (v.has_verb) append_flat(out, doc.slice(v.verb));
      out.append(st.reset());
      out.append(" [" + std::string(to_string(v.certainty)) + (v.negated ? ", negated" : "") + "]");
      if (v.location >= 0) out.append(" in " + doc.entities[v.location].name);
      if (v.has_time) {
        out.append(" when ");
        append_flat(out, doc.slice(v.time_text));
        if (!v.time_start.empty())
          out.append(" (" + v.time_start +
                     (v.time_end != v.time_start ? ".." + v.time_end : std::string()) + ")");
      }
      out.append("\n      ");
      if (v.source.has_text) append_flat(out, doc.slice(v.source.text));
      out.append(" \u2192 ");
      if (v.has_target && v.target.has_text) append_flat(out, doc.slice(v.target.text));
      out.append("; claimed by: ");
      out.append(v.attribution >= 0
                     ? doc.attributions[v.attribution].id + " " + chain_of(doc, v.attribution)
                     : std::string("(the article itself)"));
      if (opts.explain) {
        out.append("\n      entry=" + std::string(v.entry));
        if (!v.modifier.empty()) out.append(" modifier=" + std::string(v.modifier));
        if (v.has_verb)
          out.append(" verb@" + std::to_string(v.verb.begin) + "-" + std::to_string(v.verb.end));
        if (v.source.has_text)
          out.append(" source@" + std::to_string(v.source.text.begin) + "-" +
                     std::to_string(v.source.text.end));
        if (v.has_target && v.target.has_text)
          out.append(" target@" + std::to_string(v.target.text.begin) + "-" +
                     std::to_string(v.target.text.end));
      }
      out.push_back('\n');
    }
  }
}

}  // namespace claimtrace::output
