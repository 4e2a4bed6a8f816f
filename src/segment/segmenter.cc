#include "segment/segmenter.h"

#include "segment/sentence_splitter.h"
#include "segment/tokenizer.h"

namespace claimtrace::segment {

void segment(Document& doc) {
  tokenize(doc);
  split_sentences(doc);
}

}  // namespace claimtrace::segment
