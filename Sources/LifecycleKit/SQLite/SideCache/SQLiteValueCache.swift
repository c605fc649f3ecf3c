import Foundation

/// What a SQLite snapshot's value figures depend on, and nothing else: `as_of`, the CLV
/// settings, the customer id set and the purchases. A stage change (`clc move`, a dashboard,
/// an undo: customers' stage and stage_entered_at, transitions) changes none of it, so the
/// figures survive it; an added, removed or edited touchpoint, or another customer, does not.
struct SQLiteValueKey: Codable, Equatable {
    /// Rows, the largest rowid and a sum of 31-bit hashes over what matters of the rows
    /// (`clc_mix`): computed in one chunked pass, independent of the chunk size.
    struct TableMark: Codable, Equatable {
        var rows = 0
        var maxRowid = Int.min
        /// Rows that count (customers: all; touchpoints: purchases).
        var counted = 0
        var hash: Int64 = 0

        mutating func add(rows: Int, maxRowid: Int, counted: Int, hash: Int64) {
            self.rows += rows
            self.maxRowid = max(self.maxRowid, maxRowid)
            self.counted += counted
            self.hash &+= hash
        }
    }

    var asOf: Timestamp
    var lifetime: LifetimeValue
    /// Hash of each id.
    var customers: TableMark
    /// Hash of each purchase's rowid, customer_id, at and value.
    var touchpoints: TableMark
}

/// The side cache of a SQLite snapshot's value figures (`CustomerValueTable`: the fitted
/// models and every customer's figures), with the last fits that converged. Used at once for
/// the very state of the file it was written for (`SQLiteFileFingerprint`); for another
/// state, when its `SQLiteValueKey` still matches (stage changes only).
///
/// Layout: `CLCVALUES`, a big-endian UInt32 header length, the header's checksum (8 bytes,
/// `SideCacheChecksum`), the JSON `Header`, then raw arrays in the machine's byte order: the
/// ids' end offsets (Int32), the ids' UTF-8 bytes, purchases (Int32), P(alive), expected
/// purchases in 90 days, CLV (Float), RFM digits (UInt16), one row per buyer. The header holds the columns'
/// checksum: a damaged byte anywhere refuses the cache.
struct SQLiteValueCache {
    static let magic = Array("CLCVALUES".utf8)
    /// 2: buyers only, figures as Float.
    static let version = 2
    let file: SideCacheFile

    init?(snapshotPath: String) {
        guard let file = SideCacheFile(snapshotPath: snapshotPath, suffix: "clc-values") else { return nil }
        self.file = file
    }

    struct Header: Codable {
        var version: Int
        var path: String
        var fingerprint: SQLiteFileFingerprint
        var key: SQLiteValueKey
        var model: CustomerValueModel
        var lastGood: LastGoodFits
        var count: Int
        var idBytes: Int
        var columnsChecksum: UInt64
    }

    /// What the cache holds.
    struct Entry {
        var fingerprint: SQLiteFileFingerprint
        var key: SQLiteValueKey
        var lastGood: LastGoodFits
        var table: CustomerValueTable
    }

    /// The entry kept for this snapshot, whatever state it describes; nil when there is none
    /// or it is damaged.
    func read() -> Entry? {
        guard var reader = SideCacheReader(file.url) else { return nil }
        defer { reader.close() }
        guard let json = reader.header(magic: Self.magic), let header = try? JSONDecoder().decode(Header.self, from: json),
              header.version == Self.version, header.path == file.snapshotPath else { return nil }
        let n = header.count
        guard let ends: [Int32] = reader.array(n), let bytes: [UInt8] = reader.array(header.idBytes),
              let purchases: [Int32] = reader.array(n), let alive: [Float] = reader.array(n),
              let expected: [Float] = reader.array(n), let clv: [Float] = reader.array(n), let rfm: [UInt16] = reader.array(n),
              reader.atEnd(), SideCacheChecksum.accepts(stored: header.columnsChecksum, computed: reader.checksum.value),
              let ids = Self.ids(bytes, ends: ends) else { return nil }
        let table = CustomerValueTable(model: header.model, ids: ids, purchases: purchases, probabilityAlive: alive,
                                       expectedPurchases90: expected, clv: clv, rfm: rfm)
        return Entry(fingerprint: header.fingerprint, key: header.key, lastGood: header.lastGood, table: table)
    }

    /// The ids from their bytes; nil unless the offsets rise within the bytes and the ids ascend.
    private static func ids(_ bytes: [UInt8], ends: [Int32]) -> [String]? {
        var ids: [String] = []
        ids.reserveCapacity(ends.count)
        var start = 0
        for end in ends.map(Int.init) {
            guard end >= start, end <= bytes.count else { return nil }
            let id = bytes[start..<end].withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
            if let last = ids.last, !last.utf8.lexicographicallyPrecedes(id.utf8) { return nil }
            ids.append(id)
            start = end
        }
        return start == bytes.count ? ids : nil
    }

    /// Writes `entry` (a temporary file renamed into place); failures are ignored.
    func write(_ entry: Entry) {
        let table = entry.table
        var bytes: [UInt8] = []
        var ends: [Int32] = []
        ends.reserveCapacity(table.count)
        for id in table.ids {
            bytes.append(contentsOf: id.utf8)
            ends.append(Int32(clamping: bytes.count))
        }
        guard bytes.count < Int(Int32.max) else { return }
        let columns = table.columns
        var checksum = SideCacheChecksum()
        checksum.add(ends)
        checksum.add(bytes)
        checksum.add(columns.purchases)
        checksum.add(columns.probabilityAlive)
        checksum.add(columns.expectedPurchases90)
        checksum.add(columns.clv)
        checksum.add(columns.rfm)
        let header = Header(version: Self.version, path: file.snapshotPath, fingerprint: entry.fingerprint, key: entry.key,
                            model: table.model, lastGood: entry.lastGood, count: table.count, idBytes: bytes.count,
                            columnsChecksum: checksum.value)
        guard let json = try? JSONEncoder().encode(header) else { return }
        file.replace { put in
            func putArray<T>(_ array: [T]) { array.withUnsafeBytes { put($0) } }
            putArray(SideCacheReader.frame(magic: Self.magic, header: json))
            putArray(ends)
            putArray(bytes)
            putArray(columns.purchases)
            putArray(columns.probabilityAlive)
            putArray(columns.expectedPurchases90)
            putArray(columns.clv)
            putArray(columns.rfm)
        }
    }
}
