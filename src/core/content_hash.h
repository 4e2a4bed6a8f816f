#pragma once
// Stable content hash of an article: XXH3-128 over the body text, as 32 hex
// digits. Stable across runs, machines and versions (XXH3 output is frozen),
// so it can key idempotent ingest. It is not a cryptographic digest.
#include <string>
#include <string_view>

namespace claimtrace {

std::string content_hash(std::string_view text);

}  // namespace claimtrace
