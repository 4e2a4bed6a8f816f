#pragma once
// Span: a half-open byte range [begin, end) into Document::text.
//
// Every annotation in claimtrace is a set of offsets into one verbatim text
// buffer (the spaCy Doc/Span model), so layers never copy text and JSON output
// can always re-slice the exact input bytes.
#include <cstdint>
#include <string_view>

namespace claimtrace {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;

  constexpr uint32_t size() const { return end - begin; }
  constexpr bool empty() const { return end <= begin; }
  constexpr bool contains(Span other) const { return begin <= other.begin && other.end <= end; }
  constexpr bool overlaps(Span other) const { return begin < other.end && other.begin < end; }
  std::string_view in(std::string_view text) const { return text.substr(begin, end - begin); }
  friend constexpr bool operator==(Span, Span) = default;
};

}  // namespace claimtrace
