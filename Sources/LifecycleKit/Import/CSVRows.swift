/// The records of a CSV file after its header, compactly: every cell's bytes in one buffer and
/// where each cell ends, so a million rows of nine cells cost the file's size plus 4 bytes a
/// cell, not a `String` (and an array) each. A cell becomes a `String` only when it is read.
public struct CSVRows: RandomAccessCollection, Sendable {
    fileprivate final class Storage: Sendable {
        let bytes: [UInt8]
        /// Cell `k` is `bytes[ends[k - 1] ..< ends[k]]` (from 0 for the first).
        let ends: [UInt32]
        /// Record `r` has the cells `firstCell[r] ..< firstCell[r + 1]`.
        let firstCell: [UInt32]
        let numbers: [UInt32]

        init(bytes: [UInt8], ends: [UInt32], firstCell: [UInt32], numbers: [UInt32]) {
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
        private var bytes: [UInt8] = []
        private var ends: [UInt32] = []
        private var firstCell: [UInt32] = [0]
        private var numbers: [UInt32] = []
        private var recordStart = 0
        private var number = 0
        private var header: [String]?
        private var tooBig = false

        init(capacity: Int) {
            bytes.reserveCapacity(capacity)
        }

        /// The next cell of the current record.
        mutating func append(cell: UnsafeBufferPointer<UInt8>) {
            appendToCell(cell)
            endCell()
        }

        /// Appends bytes to the cell being read (a quoted cell comes in pieces); `endCell` ends it.
        mutating func appendToCell(_ piece: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: piece) }
        mutating func appendToCell(_ byte: UInt8) { bytes.append(byte) }
        mutating func endCell() {
            guard bytes.count <= UInt32.max else { tooBig = true; bytes.removeAll(); return }
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
                    return String(decoding: bytes[from..<Int(ends[k])], as: UTF8.self).trimmingCharacters(in: .whitespaces)
                }
                bytes.removeSubrange(start...)
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
        storage.bytes.withUnsafeBufferPointer { String(decoding: slice(i, $0), as: UTF8.self) }
    }

    /// Whether cell `i` is empty (no `String` made).
    public func isEmpty(_ i: Int) -> Bool { range(i).isEmpty }

    /// Whether cell `i` holds `byte`.
    func contains(_ byte: UInt8, in i: Int) -> Bool {
        storage.bytes.withUnsafeBufferPointer { slice(i, $0).contains(byte) }
    }

    private func range(_ i: Int) -> Range<Int> {
        let k = first + i
        return (k == 0 ? 0 : Int(storage.ends[k - 1]))..<Int(storage.ends[k])
    }

    private func slice(_ i: Int, _ b: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: b[range(i)])
    }
}

/// Whether bytes are valid UTF-8, without making a `String` of a file that is all ASCII.
enum UTF8Check {
    static func isValid(_ bytes: [UInt8]) -> Bool {
        let ascii = bytes.withUnsafeBufferPointer { b in
            var high: UInt8 = 0
            for x in b { high |= x }
            return high < 0x80
        }
        return ascii || String(validating: bytes, as: UTF8.self) != nil
    }
}
