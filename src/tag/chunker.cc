// Noun groups and verb groups over tagged tokens (tag_document's last step).
//
// Noun group: [PDT] [DT|PRP$|WP$] (JJ*|CD|NN*|VBN/VBG before a noun|POS + noun)*,
// or a personal pronoun alone; the head is its last noun (else its last word).
// Verb group: MD/VB* tokens with the adverbs between them ("has not yet been
// told"), or "to" + base form; the head is the last verb. Tense comes from the
// first finite word, aspect from have + VBN / be + VBG pairs, voice from
// be/get + VBN (or a participle standing alone: "troops killed in the attack").
#include <string_view>

#include "tag/tagger.h"

namespace claimtrace::tag {

namespace {

bool nominal_inside(Pos p) {
  return is_noun(p) || is_adjective(p) || p == Pos::kCD || p == Pos::kDollar;
}

// End (exclusive) of the noun group starting at i, or i when none starts there.
uint32_t noun_group_end(const Document& doc, uint32_t i, uint32_t e) {
  auto pos = [&](uint32_t k) { return k < e ? doc.tokens[k].pos : Pos::kNone; };
  if (pos(i) == Pos::kPRP || pos(i) == Pos::kEX) return i + 1;
  uint32_t j = i;
  if (pos(j) == Pos::kPDT) ++j;
  const bool determiner = pos(j) == Pos::kDT || pos(j) == Pos::kPRPS || pos(j) == Pos::kWPS;
  if (determiner) ++j;
  while (j < e) {
    const Pos p = pos(j);
    if (nominal_inside(p)) {
      ++j;
    } else if ((p == Pos::kVBN || p == Pos::kVBG) && j > i && nominal_inside(pos(j + 1))) {
      ++j;  // the injured soldiers, the ruling party
    } else if (p == Pos::kRB && is_adjective(pos(j + 1))) {
      ++j;  // very large
    } else if (p == Pos::kPOS && j > i && is_noun(pos(j - 1)) && nominal_inside(pos(j + 1))) {
      ++j;  // Ukraine's defence ministry
    } else {
      break;
    }
  }
  // Do not end on an adverb, possessive or participle modifier.
  while (j > i && (pos(j - 1) == Pos::kRB || pos(j - 1) == Pos::kVBN || pos(j - 1) == Pos::kVBG))
    --j;
  return j;  // == i: no group starts here
}

uint32_t noun_head(const Document& doc, uint32_t b, uint32_t e) {
  for (uint32_t k = e; k > b; --k) {
    const Pos p = doc.tokens[k - 1].pos;
    if (is_noun(p) || p == Pos::kPRP || p == Pos::kCD || p == Pos::kEX) return k - 1;
    if (p == Pos::kPOS) continue;
  }
  return e - 1;
}

bool negation_word(std::string_view n) {
  return n == "not" || n == "n't" || n == "never" || n == "cannot";
}

bool auxiliary(const Document& doc, uint32_t k) {
  const Token& t = doc.tokens[k];
  if (t.pos == Pos::kMD) return true;
  const std::string_view lemma = doc.lemma(t);
  return lemma == "be" || lemma == "have" || lemma == "do" || lemma == "get";
}

uint32_t verb_group_end(const Document& doc, uint32_t i, uint32_t e) {
  auto pos = [&](uint32_t k) { return k < e ? doc.tokens[k].pos : Pos::kNone; };
  auto starts_verb = [&](uint32_t k) { return pos(k) == Pos::kMD || is_verb(pos(k)); };
  uint32_t j = i;
  if (pos(j) == Pos::kTO) {
    if (!is_verb(pos(j + 1))) return i;
    ++j;
  } else if (!starts_verb(j)) {
    return i;
  }
  uint32_t end = j + 1;
  uint32_t last_verb = j;
  // Auxiliary chain: more verbs after a modal or a form of be/have/do/get,
  // with adverbs between them; a trailing negation too.
  for (uint32_t k = j + 1; k < e; ++k) {
    const Pos p = pos(k);
    if (starts_verb(k)) {
      if (!auxiliary(doc, last_verb)) break;  // "the report she read was false"
      end = k + 1;
      last_verb = k;
    } else if (p == Pos::kRB) {
      if (negation_word(doc.norm(doc.tokens[k]))) end = k + 1;
    } else {
      break;
    }
  }
  return end;
}

bool lemma_is(const Document& doc, uint32_t k, std::string_view lemma) {
  const Token& t = doc.tokens[k];
  // "'s been" is "has been".
  if (doc.norm(t) == "'s" && k + 1 < doc.tokens.size() && doc.norm(doc.tokens[k + 1]) == "been")
    return lemma == "have";
  return doc.lemma(t) == lemma;
}

void describe_verb_group(const Document& doc, Chunk& c) {
  uint32_t verbs[16];
  uint32_t n = 0;
  for (uint32_t k = c.token_begin; k < c.token_end && n < 16; ++k) {
    const Token& t = doc.tokens[k];
    if (t.pos == Pos::kMD || is_verb(t.pos)) verbs[n++] = k;
    if (negation_word(doc.norm(t))) c.negated = true;
    if (t.pos == Pos::kMD && c.modal < 0) c.modal = static_cast<int32_t>(k);
  }
  if (n == 0) return;
  c.head = verbs[n - 1];
  const Pos first = doc.tokens[verbs[0]].pos;
  const bool infinitive = doc.tokens[c.token_begin].pos == Pos::kTO;
  if (infinitive)
    c.tense = Tense::kNone;
  else if (first == Pos::kMD)
    c.tense = lemma_is(doc, verbs[0], "will") || lemma_is(doc, verbs[0], "shall") ? Tense::kFuture
                                                                                  : Tense::kModal;
  else if (first == Pos::kVBD)
    c.tense = Tense::kPast;
  else if (first == Pos::kVBZ || first == Pos::kVBP || first == Pos::kVB)
    c.tense = Tense::kPresent;
  else
    c.tense = Tense::kNone;  // a participle alone

  bool perfect = false, progressive = false;
  for (uint32_t v = 0; v + 1 < n; ++v) {
    const Pos next = doc.tokens[verbs[v + 1]].pos;
    if (lemma_is(doc, verbs[v], "have") && next == Pos::kVBN) perfect = true;
    if (lemma_is(doc, verbs[v], "be") && next == Pos::kVBG) progressive = true;
  }
  c.aspect = perfect && progressive ? Aspect::kPerfectProgressive
             : perfect              ? Aspect::kPerfect
             : progressive          ? Aspect::kProgressive
                                    : Aspect::kSimple;
  if (doc.tokens[c.head].pos == Pos::kVBN) {
    const bool after_be =
        n >= 2 && (lemma_is(doc, verbs[n - 2], "be") || lemma_is(doc, verbs[n - 2], "get"));
    // "was told", "got arrested"; a participle alone ("five people killed in") is passive too.
    if (after_be || (n == 1 && !infinitive)) c.voice = Voice::kPassive;
  }
}

}  // namespace

void find_chunks(Document& doc) {
  doc.chunks.clear();
  for (const Sentence& s : doc.sentences) {
    const uint32_t b = s.first_token, e = s.first_token + s.token_count;
    for (uint32_t i = b; i < e;) {
      Chunk c;
      uint32_t end = noun_group_end(doc, i, e);
      if (end > i) {
        c.kind = ChunkKind::kNoun;
        c.token_begin = i;
        c.token_end = end;
        c.head = noun_head(doc, i, end);
      } else if ((end = verb_group_end(doc, i, e)) > i) {
        c.kind = ChunkKind::kVerb;
        c.token_begin = i;
        c.token_end = end;
        describe_verb_group(doc, c);
      } else {
        ++i;
        continue;
      }
      c.span = Span{doc.tokens[c.token_begin].span.begin, doc.tokens[c.token_end - 1].span.end};
      doc.chunks.push_back(c);
      i = end;
    }
  }
}

}  // namespace claimtrace::tag
