#pragma once
// The compiled lexicon image: one file, mmap'd read-only at start-up and
// shared by all threads. Built by tools/lexicon_compiler from data/ and the
// registry data in node_modules (see NOTICE); never parsed at analysis time.
//
// Layout (little-endian, every section 8-byte aligned):
//   Header | LexEntry[n_entries] | PhraseBucket[n_buckets] | uint32 payload[n_payload] | string
//   pool
//
// Phrases are sequences of normalized tokens (the tokenizer's `norm` form).
// A phrase is keyed by a chained hash over its tokens (phrase_hash_step);
// the bucket table is open addressing on that key and holds every phrase
// *and every proper prefix of one*, so a matcher walking tokens left to
// right can stop as soon as a prefix is unknown: a trie without pointers.
#include <cstdint>
#include <string_view>

namespace claimtrace::lexicon {

inline constexpr char kMagic[8] = {'C', 'T', 'L', 'E', 'X', '0', '0', '1'};
inline constexpr uint32_t kFormatVersion = 3;

enum class LexKind : uint8_t {
  kPlace = 1,    // GeoNames populated place or admin seat
  kCountry = 2,  // a country (by name, official name, alternate spelling)
  kRegion = 3,   // curated region or physical feature
  kOrg = 4,      // curated organisation or outlet
  kPerson = 5,   // curated person
  kDemonym = 6,  // adjective/nationality of a country ("Syrian")
  kKeyword = 7,  // typing keyword (person title, org head, media noun, place qualifier)
};

enum LexFlag : uint8_t {
  kLexCommonWord = 1 << 1,  // the phrase is also a common lower-case English word
  kLexCapital = 1 << 2,     // the place is a national capital (PPLC)
  kLexCurated = 1 << 3,     // from our own data/ files: preferred over registry data
  kLexNation = 1 << 4,  // a nation that is a division of a state (England): fields national sides
};

// Keyword classes (LexEntry::type when kind == kKeyword).
enum class KeywordClass : uint8_t {
  kPersonTitle = 1,
  kOrgHead = 2,
  kOrgStart = 3,
  kMediaNoun = 4,
  kPlaceQualifier = 5,
  kCommonWord = 6,     // a lower-case English dictionary word (sentence-initial capitals)
  kTitleModifier = 7,  // deputy, former, acting: may precede a person title
  kMediaHead = 8,      // a name ending in it is an outlet: Courier, Herald, Wire
  kEventHead = 9,      // a name ending in it is an event: Cup, Open, Games, Day
  kGivenName = 10,     // a first name of people (registry name lists): John, Aleksandr
  kFamilyName = 11,    // a family name of people (registry name lists): Yeltsin, Pirelli
};

struct LexEntry {
  uint32_t name;       // pool offset of the canonical name
  uint32_t geonameid;  // 0 = none
  float lat;
  float lon;
  uint32_t population;
  uint32_t actor;       // pool offset of the CAMEO actor code ("" = none)
  uint32_t admin1;      // pool offset of the admin-1 code ("" = none)
  uint32_t role;        // pool offset of a role/description ("" = none)
  uint32_t valid_from;  // YYYYMMDD, 0 = open
  uint32_t valid_until;
  char country[2];  // ISO 3166-1 alpha-2, "\0\0" = none
  char feature[6];  // GeoNames feature code, NUL-padded
  uint8_t kind;     // LexKind
  uint8_t type;     // EntityType, or KeywordClass for keywords
  uint8_t flags;    // LexFlag
  uint8_t reserved;
};
static_assert(sizeof(LexEntry) == 52);

struct PhraseBucket {
  uint64_t key;            // 0 = empty
  uint32_t payload_begin;  // index into payload[]
  uint16_t payload_count;  // 0 for a pure prefix
  uint8_t is_prefix;       // some longer phrase continues from here
  uint8_t reserved;
};
static_assert(sizeof(PhraseBucket) == 16);

struct Header {
  char magic[8];
  uint32_t version;
  uint32_t max_phrase_tokens;
  // An overlay image (user dictionaries) numbers its entries and string
  // offsets after those of the image it extends, so that ids stay unique
  // across both: entry id = entry_base + index, string = pool + (offset - pool_base).
  uint64_t entry_base, pool_base;
  uint64_t n_entries, n_buckets, n_payload, pool_size;
  uint64_t off_entries, off_buckets, off_payload, off_pool;
};

// A payload value is an entry id; the top bit says the phrase is an alias
// of that entry rather than its canonical name (alias status is per phrase).
inline constexpr uint32_t kPayloadAliasBit = 0x80000000u;
inline constexpr uint32_t payload_entry(uint32_t v) {
  return v & ~kPayloadAliasBit;
}
inline constexpr bool payload_is_alias(uint32_t v) {
  return (v & kPayloadAliasBit) != 0;
}

// Chained phrase hash: key(t1..tn) = step(...step(step(kSeed, t1), t2)..., tn).
inline constexpr uint64_t kPhraseSeed = 0x9E3779B97F4A7C15ULL;
// Folded phrases (fold.h) live in the same table under another seed.
inline constexpr uint64_t kFoldedSeed = 0xC2B2AE3D27D4EB4FULL;
uint64_t phrase_hash_step(uint64_t h, std::string_view token_norm);

}  // namespace claimtrace::lexicon
