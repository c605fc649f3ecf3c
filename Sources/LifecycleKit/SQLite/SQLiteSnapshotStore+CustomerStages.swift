import Foundation

/// Every customer's id and stage for `SnapshotDiff`, from the two indexes that hold them (a
/// tenth of the customers table): the stage index gives each rowid its stage, the primary
/// key's index the ids in id order with their rowids. Both read in chunks (keyset pagination).
extension SQLiteSnapshotStore {
    public func customerStages(shouldStop: @escaping @Sendable () -> Bool) throws -> CustomerStagesAnalysis {
        try chunkedPass { pass in
            let stageOf = try rowidStages(pass, shouldStop: shouldStop)
            var ids: [String] = [], stages: [Int32] = []
            var sorted = true
            let first = try SQLiteStatement(pass.db, "SELECT id, rowid FROM customers ORDER BY id LIMIT ?2")
            let next = try SQLiteStatement(pass.db, "SELECT id, rowid FROM customers WHERE id > ?1 ORDER BY id LIMIT ?2")
            var last: String?
            repeat {
                if shouldStop() { throw CancellationError() }
                let s = last == nil ? first : next
                if let last { s.bind(1, last) }
                s.bind(2, 100_000)
                let before = ids.count
                while try s.step() {
                    let id = String(decoding: s.bytes(0), as: UTF8.self)
                    if sorted, let previous = ids.last, !previous.utf8.lexicographicallyPrecedes(id.utf8) { sorted = false }
                    guard let stage = stageOf.stage(of: s.int(1)) else { throw try unknownStage(rowid: s.int(1), id: id, pass.db) }
                    ids.append(id)
                    stages.append(stage)
                }
                s.reset()
                try pass.checkUnchanged()
                last = ids.count - before == 100_000 ? ids.last : nil
            } while last != nil
            if sorted { return CustomerStagesAnalysis(ids: ids, stages: stages) }
            let order = ids.indices.sorted { ids[$0].utf8.lexicographicallyPrecedes(ids[$1].utf8) }
            return CustomerStagesAnalysis(ids: order.map { ids[$0] }, stages: order.map { stages[$0] })
        }
    }

    /// Each customer rowid's stage, read stage by stage from the stage index.
    private func rowidStages(_ pass: ChunkedPass, shouldStop: () -> Bool) throws -> RowidStages {
        let select = try SQLiteStatement(pass.db, "SELECT rowid FROM customers WHERE stage = ?1 AND rowid >= ?2 ORDER BY rowid LIMIT ?3")
        var pairs: [(rowid: Int, stage: Int32)] = []
        for (position, stage) in stages.enumerated() {
            var from: Int? = Int.min
            while let start = from {
                if shouldStop() { throw CancellationError() }
                select.bind(1, stage.id)
                select.bind(2, start)
                select.bind(3, 100_000)
                var seen = 0, last = start
                while try select.step() {
                    last = select.int(0)
                    pairs.append((last, Int32(position)))
                    seen += 1
                }
                select.reset()
                try pass.checkUnchanged()
                from = seen < 100_000 || last == Int.max ? nil : last + 1
            }
        }
        return RowidStages(pairs)
    }

    /// The error of the streaming pass for a customer whose stage is none of the file's.
    private func unknownStage(rowid: Int, id: String, _ db: OpaquePointer) throws -> SnapshotError {
        let s = try SQLiteStatement(db, "SELECT stage FROM customers WHERE rowid = ?1")
        s.bind(1, rowid)
        let name = try s.step() ? s.string(0) ?? "" : ""
        return SnapshotError(path: path, kind: .unknownReference, place: "customers row \(rowid) (id \(id)), column stage",
                             message: "unknown stage \(JSONText.string(name))")
    }
}

/// Customer rowids and their stages' funnel positions: an array over the rowids when they lie
/// close together (as in nearly every file), else sorted pairs searched by halving.
private struct RowidStages {
    private var low = 0
    private var dense: [Int32] = []
    private var sparse: [(rowid: Int, stage: Int32)] = []

    init(_ pairs: [(rowid: Int, stage: Int32)]) {
        guard let low = pairs.map(\.rowid).min(), let high = pairs.map(\.rowid).max() else { return }
        let (span, overflow) = high.subtractingReportingOverflow(low)
        if !overflow && span < 4 * pairs.count + 1_024 {
            self.low = low
            dense = [Int32](repeating: -1, count: span + 1)
            for p in pairs { dense[p.rowid - low] = p.stage }
        } else {
            sparse = pairs.sorted { $0.rowid < $1.rowid }
        }
    }

    func stage(of rowid: Int) -> Int32? {
        if !dense.isEmpty {
            let (i, overflow) = rowid.subtractingReportingOverflow(low)
            guard !overflow, i >= 0, i < dense.count, dense[i] >= 0 else { return nil }
            return dense[i]
        }
        var lo = 0, hi = sparse.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sparse[mid].rowid < rowid { lo = mid + 1 } else { hi = mid }
        }
        return lo < sparse.count && sparse[lo].rowid == rowid ? sparse[lo].stage : nil
    }
}
