// HugePageAllocator: a std::allocator for large tables that a scan walks at
// random, asking Linux for transparent huge pages (madvise MADV_HUGEPAGE).
//
// The prefilter's transition table (atom_scanner.h, about 680 kB) is read at
// one random entry per byte of text. In 4 kB pages it spans 170 pages, more
// than the first-level TLB holds, and the work between two documents (the
// rules, the value formers) evicts them, so each document starts with page
// walks; one 2 MB page needs one TLB entry. Where the kernel gives no huge
// pages (THP "never", or not Linux) this is an aligned allocation and
// nothing more: the advice is a hint, its failure is ignored.
//
// A table of kMinBytes or more is rounded up to whole 2 MB pages (a large
// table is allocated once per Tagger); a smaller one, as tests build, is an
// ordinary allocation.
#ifndef DIAR_PIPELINE_TAG_HUGE_PAGE_ALLOCATOR_H_
#define DIAR_PIPELINE_TAG_HUGE_PAGE_ALLOCATOR_H_

#include <cstddef>
#include <cstdlib>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace diar::tag_internal {

template <typename T>
struct HugePageAllocator {
  using value_type = T;
  static constexpr std::size_t kPage = std::size_t{2} << 20;
  static constexpr std::size_t kMinBytes = std::size_t{256} << 10;

  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}

  T* allocate(std::size_t n) {
    if (n * sizeof(T) < kMinBytes) return static_cast<T*>(::operator new(n * sizeof(T)));
    const std::size_t bytes = (n * sizeof(T) + kPage - 1) / kPage * kPage;
    void* p = std::aligned_alloc(kPage, bytes);
    if (p == nullptr) throw std::bad_alloc();
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    madvise(p, bytes, MADV_HUGEPAGE);
#endif
    return static_cast<T*>(p);
  }
  void deallocate(T* p, std::size_t n) {
    if (n * sizeof(T) < kMinBytes) {
      ::operator delete(p);
    } else {
      std::free(p);
    }
  }

  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const {
    return true;
  }
};

}  // namespace diar::tag_internal

#endif  // DIAR_PIPELINE_TAG_HUGE_PAGE_ALLOCATOR_H_
