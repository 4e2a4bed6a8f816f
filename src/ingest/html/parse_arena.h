#pragma once
// A per-thread bump allocator for the libxml2 DOM of one page.
//
// libxml2 allocates every node, attribute and string of a page separately
// and frees them one by one in xmlFreeDoc: a news page is tens of thousands
// of malloc/free pairs, a fifth of the extraction time. While a DocumentArena
// is open, libxml2's allocations on its thread are cut from one block of
// memory instead, and the whole document goes at once when the arena closes.
//
// libxml2's allocation hooks (xmlMemSetup) are global. Ours hand out arena
// memory only on a thread with an open arena and plain malloc memory
// everywhere else; free and realloc tell the two apart by address (all
// arenas live in one reserved range of address space), so documents of
// other threads, of the feed reader, or from before the hooks were set are
// freed as before.
#include <cstddef>

namespace claimtrace::html {

class DocumentArena {
 public:
  // Opens the calling thread's arena: libxml2's allocations on this thread
  // come from it until stop_allocating(). Without an arena (address space
  // not available, sanitizer builds) everything goes to malloc as usual.
  DocumentArena();
  // Forgets everything allocated in the arena. Documents parsed in it must
  // not be used (nor freed) afterwards.
  ~DocumentArena();
  DocumentArena(const DocumentArena&) = delete;
  DocumentArena& operator=(const DocumentArena&) = delete;

  // Further libxml2 allocations on this thread go to malloc again.
  void stop_allocating();

  // Whether every libxml2 allocation since the arena opened came from it
  // (none spilled over to malloc because the arena was full or missing):
  // then the document needs no xmlFreeDoc, closing the arena frees it.
  bool holds_everything() const;

  // Bytes handed out since the arena opened (tests, statistics).
  size_t bytes_used() const;

 private:
  struct Slot* slot_ = nullptr;
};

}  // namespace claimtrace::html
