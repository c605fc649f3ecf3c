import Foundation

/// A side cache file mapped read-only into memory: the list index reads its columns in place,
/// so the process holds only the pages it touched (the kernel reads them again from the page
/// cache after `release`). The file is never written in place (a new one is renamed over it),
/// so a mapping keeps seeing the file it was made from.
final class SideCacheMapping: @unchecked Sendable {
    let base: UnsafeRawPointer
    let size: Int

    /// Maps the whole of `fd` (`size` bytes); nil when it cannot.
    init?(fd: Int32, size: Int) {
        guard size > 0, let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0),
              p != UnsafeMutableRawPointer(bitPattern: -1) else { return nil }
        base = UnsafeRawPointer(p)
        self.size = size
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: base), size) }

    /// The bytes `range` (within the file).
    func bytes(_ range: Range<Int>) -> UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base + range.lowerBound, count: range.count) }

    /// Drops the pages of `range` from this process (not from the page cache): read again when next touched.
    func release(_ range: Range<Int>) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = range.lowerBound / page * page, end = min(size, (range.upperBound + page - 1) / page * page)
        guard end > start else { return }
        madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, Int32(MADV_DONTNEED))
    }
}

/// A read-only column of the list index: its own memory, or a view on a mapped side cache
/// file (`SideCacheMapping`, kept alive by the column).
struct SlotColumn<T: BitwiseCopyable>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<T>
    private let owner: AnyObject?

    /// A copy of `array`.
    init(_ array: [T]) {
        let memory = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
        _ = memory.initialize(from: array)
        self.init(owning: memory, count: array.count)
    }

    /// A copy of `array`, which is emptied at once (the two are never both held for long).
    init(taking array: inout [T]) {
        self.init(array)
        array = []
    }

    /// The first `count` values of `memory`, which the column now owns (and deallocates).
    init(owning memory: UnsafeMutableBufferPointer<T>, count: Int) {
        owner = ColumnMemory(memory)
        buffer = UnsafeBufferPointer(rebasing: UnsafeBufferPointer(memory)[0..<count])
    }

    /// `count` values at byte `offset` of `mapping` (aligned for `T`).
    init(_ mapping: SideCacheMapping, offset: Int, count: Int) {
        precondition(offset % MemoryLayout<T>.alignment == 0 && offset + count * MemoryLayout<T>.stride <= mapping.size)
        buffer = UnsafeBufferPointer(start: (mapping.base + offset).assumingMemoryBound(to: T.self), count: count)
        owner = mapping
    }

    var count: Int { buffer.count }
    /// A view on a mapped file (not memory of its own).
    var isMapped: Bool { owner is SideCacheMapping }
    subscript(_ i: Int) -> T { buffer[i] }
    var array: [T] { Array(buffer) }

    /// Gives back the pages of the values `range` when mapped (read again when next touched):
    /// a pass over a whole column then holds only a chunk of it at a time.
    func release(_ range: Range<Int>) {
        guard let mapping = owner as? SideCacheMapping, let start = buffer.baseAddress, !range.isEmpty else { return }
        let offset = UnsafeRawPointer(start) - mapping.base + range.lowerBound * MemoryLayout<T>.stride
        mapping.release(offset..<offset + range.count * MemoryLayout<T>.stride)
    }
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(buffer) }
}

private final class ColumnMemory<T>: @unchecked Sendable {
    let memory: UnsafeMutableBufferPointer<T>
    init(_ memory: UnsafeMutableBufferPointer<T>) { self.memory = memory }
    deinit { memory.deallocate() }
}
