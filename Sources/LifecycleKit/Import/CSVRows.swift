import Foundation

/// The records of a CSV file after its header, compactly: every cell's bytes in one buffer and
/// where each cell ends, so a million rows of nine cells cost the file's size plus 4 bytes a
/// cell, not a `String` (and an array) each. A cell becomes a `String` only when it is read.
public struct CSVRows: RandomAccessCollection, Sendable {
    fileprivate final class Storage: Sendable {
        let bytes: CSVCellBuffer
        /// Cell `k` is `bytes[ends[k - 1] ..< ends[k]]` (from 0 for the first).
        let ends: [UInt32]
        /// Record `r` has the cells `firstCell[r] ..< firstCell[r + 1]`.
        let firstCell: [UInt32]
        let numbers: [UInt32]

        init(bytes: CSVCellBuffer, ends: [UInt32], firstCell: [UInt32], numbers: [UInt32]) {
            self.bytes = bytes
            self.ends = ends
            self.firstCell = firstCell
            self.numbers = numbers
        }
    }

    private let storage: Storage

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.numbers.count }

    /// Record `i`: its row number (the header is row 1) and its cells.
    public subscript(i: Int) -> (number: Int, cells: CSVRecord) {
        let first = Int(storage.firstCell[i]), end = Int(storage.firstCell[i + 1])
        return (Int(storage.numbers[i]), CSVRecord(storage: storage, first: first, count: end - first))
    }

    /// Collects records as a reader splits them: cells, then the end of each record. The first
    /// record that is not a blank line is the header.
    struct Builder {
        private var bytes: CSVCellBuffer
        private var ends: [UInt32] = []
        private var firstCell: [UInt32] = [0]
        private var numbers: [UInt32] = []
        private var recordStart = 0
        private var number = 0
        private var header: [String]?
        private var tooBig = false

        /// `capacity`: the bytes the cells will about need (the file's size: cells are never
        /// longer than the text they are read from; more makes the buffer grow).
        init(capacity: Int) {
            self.init(over: CSVCellBuffer(capacity: capacity))
        }

        /// Cells written over the text they are read from (`buffer`'s own bytes, emptied): a
        /// cell's bytes never lie after the text read so far, so no second copy of a file is made.
        init(over buffer: CSVCellBuffer) {
            bytes = buffer
            // Room for a cell per 4 bytes: memory not used is never touched.
            ends.reserveCapacity(buffer.capacity / 4 + 16)
            buffer.truncate(to: 0)
        }

        /// The next cell of the current record.
        mutating func append(cell: UnsafeBufferPointer<UInt8>) {
            appendToCell(cell)
            endCell()
        }

        /// Appends bytes to the cell being read (a quoted cell comes in pieces); `endCell` ends it.
        mutating func appendToCell(_ piece: UnsafeBufferPointer<UInt8>) { bytes.append(piece) }
        mutating func appendToCell(_ byte: UInt8) { bytes.append(byte) }
        mutating func endCell() {
            guard bytes.count <= UInt32.max else { tooBig = true; bytes.truncate(to: 0); return }
            ends.append(UInt32(bytes.count))
        }

        /// Ends the current record: kept unless it is a blank line (one empty cell).
        mutating func endRecord() {
            number += 1
            let cells = ends.count - recordStart
            let start = recordStart == 0 ? 0 : Int(ends[recordStart - 1])
            if cells == 1, bytes.count == start {
                ends.removeLast()
            } else if header == nil {
                header = (recordStart..<ends.count).map { k in
                    let from = k == 0 ? 0 : Int(ends[k - 1])
                    return String(decoding: bytes.slice(from..<Int(ends[k])), as: UTF8.self).trimmingCharacters(in: .whitespaces)
                }
                bytes.truncate(to: start)
                ends.removeSubrange(recordStart...)
            } else {
                numbers.append(UInt32(truncatingIfNeeded: number))
                firstCell.append(UInt32(ends.count))
            }
            recordStart = ends.count
        }

        /// The header and the records; nil when the cells passed 4 GiB.
        func finish() -> (header: [String], rows: CSVRows)? {
            guard !tooBig else { return nil }
            return (header ?? [], CSVRows(storage: Storage(bytes: bytes, ends: ends, firstCell: firstCell, numbers: numbers)))
        }
    }
}

/// The cells of one CSV record; each is made a `String` when read.
public struct CSVRecord: RandomAccessCollection, Sendable {
    fileprivate let storage: CSVRows.Storage
    fileprivate let first: Int
    public let count: Int

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(i: Int) -> String {
        String(decoding: bytes(i), as: UTF8.self)
    }

    /// Whether cell `i` is empty (no `String` made).
    public func isEmpty(_ i: Int) -> Bool { range(i).isEmpty }

    /// Whether cell `i` holds `byte`.
    func contains(_ byte: UInt8, in i: Int) -> Bool { bytes(i).contains(byte) }

    /// The bytes of cell `i` (valid UTF-8), without a copy: valid while the rows they come
    /// from exist.
    func bytes(_ i: Int) -> UnsafeBufferPointer<UInt8> { storage.bytes.slice(range(i)) }

    private func range(_ i: Int) -> Range<Int> {
        let k = first + i
        return (k == 0 ? 0 : Int(storage.ends[k - 1]))..<Int(storage.ends[k])
    }
}

/// The bytes of all cells, end to end, in memory of their own (so that a cell's bytes can be
/// handed on by address, e.g. bound to SQLite, for as long as the rows exist).
final class CSVCellBuffer: @unchecked Sendable {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Appends `piece`, which may lie in this buffer after its end (`CSVRows.Builder(over:)`).
    func append(_ piece: UnsafeBufferPointer<UInt8>) {
        guard let from = piece.baseAddress, !piece.isEmpty else { return }
        reserve(piece.count)
        memmove(base + count, from, piece.count)
        count += piece.count
    }

    /// The whole file at `fd` (a regular file of `size` bytes), read into a new buffer.
    static func read(_ fd: Int32, size: Int) -> CSVCellBuffer {
        let buffer = CSVCellBuffer(capacity: size)
        while buffer.count < size {
            let n = Foundation.read(fd, buffer.base + buffer.count, size - buffer.count)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            buffer.count += n
        }
        return buffer
    }

    func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    /// Drops the bytes from `end` on.
    func truncate(to end: Int) { count = min(count, end) }

    func slice(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
    }

    private func reserve(_ more: Int) {
        guard count + more > capacity else { return }
        let bigger = max(capacity * 2, count + more)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: bigger)
        moved.update(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = bigger
    }
}

/// Whether bytes are valid UTF-8 (as `String(validating:)` decides: no overlong forms, no
/// surrogates, nothing above U+10FFFF), without making a `String` of the file.
enum UTF8Check {
    static func isValid(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer(isValid) }

    static func isValid(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = b.baseAddress else { return true }
        let n = b.count
        var i = 0
        while i < n {
            while i + 8 <= n, UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
            guard i < n else { break }
            if p[i] < 0x80 { i += 1; continue }
            guard let length = sequenceLength(p, at: i, count: n) else { return false }
            i += length
        }
        return true
    }

    /// The length of the well-formed multi-byte sequence at `i` (Unicode table 3-7), nil if none.
    private static func sequenceLength(_ p: UnsafePointer<UInt8>, at i: Int, count n: Int) -> Int? {
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch p[i] {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return nil
        }
        guard i + length <= n, p[i + 1] >= low, p[i + 1] <= high else { return nil }
        for k in 2..<length where p[i + k] & 0xC0 != 0x80 { return nil }
        return length
    }
}
