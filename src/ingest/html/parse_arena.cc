#include "ingest/html/parse_arena.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
#include <sys/mman.h>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <vector>

// Sanitizer builds keep libxml2 on malloc, where they can check it.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define CLAIMTRACE_NO_DOCUMENT_ARENA 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer) || \
    __has_feature(thread_sanitizer)
#define CLAIMTRACE_NO_DOCUMENT_ARENA 1
#endif
#endif

namespace claimtrace::html {

// One thread's arena: a stretch of the reserved range, made writable as it
// fills. Blocks are [size][pad][bytes...], 16-byte aligned like malloc's.
struct Slot {
  char* base = nullptr;
  size_t used = 0;       // bytes handed out, headers included
  size_t committed = 0;  // bytes from `base` that are readable and writable
  char* last = nullptr;  // the most recent block: grows and goes back in place
  bool open = false;     // a DocumentArena uses it
  bool spilled = false;  // an allocation went to malloc while it was open
};

namespace {

// 256 threads x 256 MiB of address space (64 GiB reserved, nothing
// committed up front). A page whose DOM needs more spills over to malloc.
constexpr size_t kSlots = 256;
constexpr size_t kSlotBytes = size_t{256} << 20;
constexpr size_t kCommitStep = size_t{4} << 20;
// Memory a slot keeps writable between pages (more is returned after a
// huge page).
constexpr size_t kKeepCommitted = size_t{32} << 20;
constexpr size_t kHeader = 16;

char* g_region = nullptr;                           // set once, before the hooks are installed
[[maybe_unused]] std::array<Slot, kSlots> g_slots;  // unused in sanitizer builds

std::mutex& slots_mutex() {
  static auto* m = new std::mutex;  // never destroyed: threads may end after exit()
  return *m;
}
std::vector<Slot*>& free_slots() {
  static auto* v = new std::vector<Slot*>;
  return *v;
}

thread_local Slot* t_allocating = nullptr;  // the open arena of this thread

size_t round16(size_t n) {
  return (n + 15) & ~size_t{15};
}

bool in_region(const void* p) {
  // Unsigned: an address below the region wraps to a large offset.
  return reinterpret_cast<uintptr_t>(p) - reinterpret_cast<uintptr_t>(g_region) <
         kSlots * kSlotBytes;
}

bool commit(Slot& s, size_t upto) {
  size_t want = std::min(kSlotBytes, (upto + kCommitStep - 1) / kCommitStep * kCommitStep);
  if (want <= s.committed) return true;
  if (mprotect(s.base + s.committed, want - s.committed, PROT_READ | PROT_WRITE) != 0) return false;
  s.committed = want;
  return true;
}

// Gives the pages above `keep` back to the system (and the address space
// back to PROT_NONE, so that they count against no commit limit).
void decommit(Slot& s, size_t keep) {
  if (s.committed <= keep) return;
  void* r = mmap(s.base + keep, s.committed - keep, PROT_NONE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1, 0);
  if (r != MAP_FAILED) s.committed = keep;
}

void* slot_allocate(Slot& s, size_t n) {
  if (n > kSlotBytes) return nullptr;
  size_t need = kHeader + round16(n);
  if (need > kSlotBytes - s.used) return nullptr;
  if (s.used + need > s.committed && !commit(s, s.used + need)) return nullptr;
  char* block = s.base + s.used;
  std::memcpy(block, &n, sizeof n);
  s.used += need;
  s.last = block + kHeader;
  return s.last;
}

size_t block_size(const void* p) {
  size_t n;
  std::memcpy(&n, static_cast<const char*>(p) - kHeader, sizeof n);
  return n;
}

void* hook_malloc(size_t n) {
  if (Slot* s = t_allocating) {
    if (void* p = slot_allocate(*s, n)) return p;
    s->spilled = true;
  }
  return std::malloc(n);
}

// The hooks below are unused in sanitizer builds, where install() sets none.
[[maybe_unused]] void hook_free(void* p) {
  if (!in_region(p)) {
    std::free(p);
    return;
  }
  // Arena blocks go with the arena; the most recent one can be reused now.
  Slot* s = t_allocating;
  if (s != nullptr && p == s->last) {
    s->used = static_cast<size_t>(static_cast<char*>(p) - s->base) - kHeader;
    s->last = nullptr;
  }
}

[[maybe_unused]] void* hook_realloc(void* p, size_t n) {
  if (p == nullptr) return hook_malloc(n);
  if (!in_region(p)) return std::realloc(p, n);
  Slot* s = t_allocating;
  if (s != nullptr && p == s->last && n <= kSlotBytes) {
    // The most recent block (a growing buffer, usually): resize in place.
    size_t at = static_cast<size_t>(static_cast<char*>(p) - s->base);
    size_t end = at + round16(n);
    if (end <= kSlotBytes && commit(*s, end)) {
      std::memcpy(static_cast<char*>(p) - kHeader, &n, sizeof n);
      s->used = end;
      return p;
    }
  }
  size_t old = block_size(p);
  if (n <= old) return p;
  void* q = hook_malloc(n);
  if (q != nullptr) std::memcpy(q, p, old);
  return q;
}

[[maybe_unused]] char* hook_strdup(const char* str) {
  size_t n = std::strlen(str) + 1;
  auto* p = static_cast<char*>(hook_malloc(n));
  if (p != nullptr) std::memcpy(p, str, n);
  return p;
}

bool install() {
#ifdef CLAIMTRACE_NO_DOCUMENT_ARENA
  return false;
#else
  void* r = mmap(nullptr, kSlots * kSlotBytes, PROT_NONE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (r == MAP_FAILED) return false;
  g_region = static_cast<char*>(r);
  for (size_t i = kSlots; i-- > 0;) {
    g_slots[i].base = g_region + i * kSlotBytes;
    free_slots().push_back(&g_slots[i]);
  }
  // libxml2's global tables must not land in an arena: initialise it now.
  xmlInitParser();
  // Global, and set while other threads may already use libxml2: every
  // hook handles blocks from malloc as malloc would.
  if (xmlMemSetup(hook_free, hook_malloc, hook_realloc, hook_strdup) != 0) return false;
  return true;
#endif
}

// The calling thread's slot, taken on first use and given back (its memory
// returned) when the thread ends.
struct ThreadSlot {
  Slot* slot = nullptr;
  ~ThreadSlot() {
    if (slot == nullptr) return;
    decommit(*slot, 0);
    std::lock_guard lock(slots_mutex());
    free_slots().push_back(slot);
  }
};
thread_local ThreadSlot t_slot;

}  // namespace

DocumentArena::DocumentArena() {
  static const bool installed = install();
  if (!installed) return;
  ThreadSlot& mine = t_slot;
  if (mine.slot == nullptr) {
    std::lock_guard lock(slots_mutex());
    if (free_slots().empty()) return;  // more threads than slots: malloc
    mine.slot = free_slots().back();
    free_slots().pop_back();
  }
  Slot& s = *mine.slot;
  if (s.open) return;  // nested on one thread: the inner one uses malloc
  s.open = true;
  s.used = 0;
  s.last = nullptr;
  s.spilled = false;
  slot_ = &s;
  t_allocating = slot_;
}

DocumentArena::~DocumentArena() {
  if (slot_ == nullptr) return;
  stop_allocating();
  // libxml2 keeps the thread's last parse error, whose strings may be in
  // the arena: drop them now (freeing arena blocks is a no-op).
  xmlResetLastError();
  slot_->used = 0;
  slot_->last = nullptr;
  slot_->open = false;
  decommit(*slot_, kKeepCommitted);
}

void DocumentArena::stop_allocating() {
  if (slot_ != nullptr && t_allocating == slot_) t_allocating = nullptr;
}

bool DocumentArena::holds_everything() const {
  return slot_ != nullptr && !slot_->spilled;
}

size_t DocumentArena::bytes_used() const {
  return slot_ == nullptr ? 0 : slot_->used;
}

}  // namespace claimtrace::html
