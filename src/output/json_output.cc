#include "output/json_output.h"

#include "core/json_writer.h"

namespace claimtrace::output {

namespace {

void write_span(JsonWriter& w, const Document& doc, Span s) {
  w.begin_object();
  w.field("start", s.begin);
  w.field("end", s.end);
  w.field("text", doc.slice(s));
  w.end_object();
}

void span_field(JsonWriter& w, const Document& doc, std::string_view key, Span s) {
  w.key(key);
  write_span(w, doc, s);
}

void optional_string(JsonWriter& w, std::string_view key, const std::string& v) {
  if (v.empty())
    w.null_field(key);
  else
    w.field(key, std::string_view(v));
}

void write_actor(JsonWriter& w, const Document& doc, const EventActor& a) {
  w.begin_object();
  w.field("code", std::string_view(a.code));
  if (a.has_text)
    span_field(w, doc, "text", a.text);
  else
    w.null_field("text");
  w.end_object();
}

void write_chunk(JsonWriter& w, const Document& doc, const Chunk& c) {
  const bool verb = c.kind == ChunkKind::kVerb;
  w.begin_object();
  w.field("type", verb ? std::string_view("VG") : std::string_view("NG"));
  w.field("start", c.span.begin);
  w.field("end", c.span.end);
  w.field("text", doc.slice(c.span));
  w.field("token_start", c.token_begin);
  w.field("token_end", c.token_end);
  span_field(w, doc, "head", doc.tokens[c.head].span);
  if (verb) {
    w.field("lemma", doc.lemma(doc.tokens[c.head]));
    w.field("tense", to_string(c.tense));
    w.field("aspect", to_string(c.aspect));
    w.field("voice", to_string(c.voice));
    w.field("negated", c.negated);
    if (c.modal >= 0)
      w.field("modal", doc.norm(doc.tokens[c.modal]));
    else
      w.null_field("modal");
  }
  w.end_object();
}

}  // namespace

void write_document_json(const Document& doc, const JsonOptions& opts, std::string& out) {
  JsonWriter w(out);
  w.begin_object();
  w.field("id", std::string_view(doc.id));
  w.field("hash", std::string_view(doc.hash));
  optional_string(w, "title", doc.title);
  optional_string(w, "url", doc.url);
  optional_string(w, "outlet", doc.outlet);
  optional_string(w, "published", doc.published);

  w.key("sentences");
  w.begin_array();
  for (const Sentence& s : doc.sentences) {
    w.begin_object();
    w.field("start", s.span.begin);
    w.field("end", s.span.end);
    w.field("text", doc.slice(s.span));
    w.field("paragraph", s.paragraph);
    w.field("uncertain", s.uncertain);
    w.end_object();
  }
  w.end_array();

  if (opts.tokens) {
    w.key("tokens");
    w.begin_array();
    for (const Token& t : doc.tokens) {
      w.begin_object();
      w.field("start", t.span.begin);
      w.field("end", t.span.end);
      w.field("text", doc.slice(t.span));
      w.field("norm", doc.norm(t));
      w.field("kind", to_string(t.kind));
      if (t.pos != Pos::kNone) {
        w.field("pos", to_string(t.pos));
        w.field("lemma", doc.lemma(t));
      }
      w.end_object();
    }
    w.end_array();
  }

  if (opts.tokens || opts.chunks) {
    w.key("chunks");
    w.begin_array();
    for (const Chunk& c : doc.chunks) write_chunk(w, doc, c);
    w.end_array();
  }

  w.key("entities");
  w.begin_array();
  for (const Entity& e : doc.entities) {
    w.begin_object();
    w.field("id", std::string_view(e.id));
    w.field("type", to_string(e.type));
    w.field("name", std::string_view(e.name));
    w.key("mentions");
    w.begin_array();
    for (Span m : e.mentions) write_span(w, doc, m);
    w.end_array();
    optional_string(w, "actor", e.actor);
    optional_string(w, "role", e.role);
    if (!e.stands_for.empty()) {
      w.key("stands_for");
      w.begin_object();
      w.field("actor", std::string_view(e.stands_for));
      w.key("mentions");
      w.begin_array();
      for (Span m : e.metonymic_mentions) write_span(w, doc, m);
      w.end_array();
      w.end_object();
    }
    if (e.has_geo) {
      w.key("geo");
      w.begin_object();
      if (e.geo.geonameid)
        w.field("geonameid", static_cast<int64_t>(e.geo.geonameid));
      else
        w.null_field("geonameid");
      w.field("lat", static_cast<double>(e.geo.lat));
      w.field("lon", static_cast<double>(e.geo.lon));
      if (e.geo.country[0])
        w.field("country", std::string_view(e.geo.country, 2));
      else
        w.null_field("country");
      optional_string(w, "admin1", e.geo.admin1);
      w.field("feature", std::string_view(e.geo.feature));
      w.end_object();
    } else {
      w.null_field("geo");
    }
    w.end_object();
  }
  w.end_array();

  w.key("cues");
  w.begin_array();
  for (const Cue& c : doc.cues) {
    w.begin_object();
    w.field("start", c.span.begin);
    w.field("end", c.span.end);
    w.field("text", doc.slice(c.span));
    w.field("class", to_string(c.cue_class));
    // The certainty stage marks a vague-source cue ("many", "critics") by a
    // rule starting "weasel:" and a cue that must not change certainty ("may"
    // of permission) by one ending ":not-counted" (extract/certainty_lexicon.h).
    if (c.rule.starts_with("weasel:")) w.field("weasel", true);
    if (c.rule.ends_with(":not-counted")) w.field("counted", false);
    w.end_object();
  }
  w.end_array();

  w.key("attributions");
  w.begin_array();
  for (const Attribution& a : doc.attributions) {
    w.begin_object();
    w.field("id", std::string_view(a.id));
    if (a.has_source)
      span_field(w, doc, "source", a.source);
    else
      w.null_field("source");
    w.field("source_kind", to_string(a.source_kind));
    if (a.source_entity >= 0)
      w.field("source_entity", std::string_view(doc.entities[a.source_entity].id));
    else
      w.null_field("source_entity");
    span_field(w, doc, "cue", a.cue);
    w.key("content");
    w.begin_array();
    for (Span s : a.content) write_span(w, doc, s);
    w.end_array();
    if (a.via >= 0)
      w.field("via", std::string_view(doc.attributions[a.via].id));
    else
      w.null_field("via");
    w.field("quoted", a.quoted);
    w.field("certainty", to_string(a.certainty));
    w.key("cues");
    w.begin_array();
    for (uint32_t ci : a.cues) w.value(ci);
    w.end_array();
    w.field("rule", a.rule);
    w.end_object();
  }
  w.end_array();

  w.key("events");
  w.begin_array();
  for (const Event& v : doc.events) {
    w.begin_object();
    w.field("id", std::string_view(v.id));
    w.key("source");
    write_actor(w, doc, v.source);
    w.key("target");
    if (v.has_target)
      write_actor(w, doc, v.target);
    else
      w.null();
    w.field("code", std::string_view(v.code));
    if (v.has_verb)
      span_field(w, doc, "verb", v.verb);
    else
      w.null_field("verb");
    if (v.location >= 0)
      w.field("location", std::string_view(doc.entities[v.location].id));
    else
      w.null_field("location");
    if (v.attribution >= 0)
      w.field("attribution", std::string_view(doc.attributions[v.attribution].id));
    else
      w.null_field("attribution");
    w.field("certainty", to_string(v.certainty));
    w.field("negated", v.negated);
    if (v.has_time) {
      w.key("time");
      w.begin_object();
      if (v.time_start.empty())
        w.null_field("start");
      else
        w.field("start", std::string_view(v.time_start));
      if (v.time_end.empty())
        w.null_field("end");
      else
        w.field("end", std::string_view(v.time_end));
      span_field(w, doc, "text", v.time_text);
      w.end_object();
    } else {
      w.null_field("time");
    }
    w.field("entry", v.entry);
    if (v.modifier.empty())
      w.null_field("modifier");
    else
      w.field("modifier", v.modifier);
    if (!v.issues.empty()) {  // only with a PETRARCH issues file
      w.key("issues");
      w.begin_array();
      for (const auto& [category, code] : v.issues) {
        w.begin_object();
        w.field("category", std::string_view(category));
        w.field("code", std::string_view(code));
        w.end_object();
      }
      w.end_array();
    }
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

void write_error_json(std::string_view id, std::string_view reason, std::string& out) {
  JsonWriter w(out);
  w.begin_object();
  w.field("id", id);
  w.field("error", reason);
  w.end_object();
}

std::string pretty_json(std::string_view s) {
  std::string out;
  out.reserve(s.size() * 2);
  int depth = 0;
  bool in_string = false;
  auto newline = [&] {
    out.push_back('\n');
    out.append(static_cast<size_t>(depth) * 2, ' ');
  };
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_string) {
      out.push_back(c);
      if (c == '\\' && i + 1 < s.size())
        out.push_back(s[++i]);
      else if (c == '"')
        in_string = false;
      continue;
    }
    switch (c) {
      case '"':
        in_string = true;
        out.push_back(c);
        break;
      case '{':
      case '[':
        out.push_back(c);
        // Keep empty containers on one line.
        if (i + 1 < s.size() && (s[i + 1] == '}' || s[i + 1] == ']')) {
          out.push_back(s[++i]);
          break;
        }
        ++depth;
        newline();
        break;
      case '}':
      case ']':
        --depth;
        newline();
        out.push_back(c);
        break;
      case ',':
        out.push_back(c);
        newline();
        break;
      case ':':
        out.append(": ");
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

}  // namespace claimtrace::output
