/// Rows of a table grouped by an owner (a customer, a stage): the rows of owner `k` are
/// `rows[starts[k] ..< starts[k + 1]]`.
struct RowGroups {
    private(set) var starts: [Int32]
    private(set) var rows: [Int32]

    /// Groups row `i` under `owners[i]` (in `0..<ownerCount`), file order within a group.
    init(owners: [Int32], ownerCount: Int) {
        var starts = [Int32](repeating: 0, count: ownerCount + 1)
        for o in owners { starts[Int(o) + 1] += 1 }
        for k in 0..<ownerCount { starts[k + 1] += starts[k] }
        var next = starts
        var rows = [Int32](repeating: 0, count: owners.count)
        for (i, o) in owners.enumerated() {
            rows[Int(next[Int(o)])] = Int32(i)
            next[Int(o)] += 1
        }
        self.starts = starts
        self.rows = rows
    }

    var ownerCount: Int { starts.count - 1 }

    func range(_ owner: Int) -> Range<Int> { Int(starts[owner])..<Int(starts[owner + 1]) }

    subscript(_ owner: Int) -> ArraySlice<Int32> { rows[range(owner)] }

    func count(_ owner: Int) -> Int { Int(starts[owner + 1] - starts[owner]) }

    /// Adds rows to groups, each group kept in `areInIncreasingOrder`: O(rows + owners).
    mutating func add(_ additions: [(owner: Int, row: Int32)], by areInIncreasingOrder: (Int32, Int32) -> Bool) {
        guard !additions.isEmpty else { return }
        var extra: [Int: [Int32]] = [:]
        for a in additions { extra[a.owner, default: []].append(a.row) }
        var newRows: [Int32] = []
        newRows.reserveCapacity(rows.count + additions.count)
        var copied = 0
        for owner in extra.keys.sorted() {
            let groupStart = newRows.count - copied + Int(starts[owner])
            let end = Int(starts[owner + 1])
            newRows.append(contentsOf: rows[copied..<end])
            newRows.append(contentsOf: extra[owner]!)
            newRows[groupStart...].sort(by: areInIncreasingOrder)
            copied = end
        }
        newRows.append(contentsOf: rows[copied...])
        let owners = extra.keys.sorted()
        var next = 0
        var added: Int32 = 0
        for k in 0...ownerCount {
            starts[k] += added
            if next < owners.count, owners[next] == k {
                added += Int32(extra[k]!.count)
                next += 1
            }
        }
        rows = newRows
    }

    /// Sorts each group with `areInIncreasingOrder` on rows.
    mutating func sortEachGroup(by areInIncreasingOrder: (Int32, Int32) -> Bool) {
        for k in 0..<ownerCount {
            let r = range(k)
            if r.count > 1 { rows[r].sort(by: areInIncreasingOrder) }
        }
    }
}

/// What a JSON store computes once after reading: rows grouped per customer and per stage,
/// and per-customer figures from their touchpoints.
struct SnapshotIndexes {
    /// Per customer, touchpoints in time order, ties by id (UTF-8 bytes).
    let touchpointsByCustomer: RowGroups
    /// Per customer, transitions in time order, ties in file order.
    var transitionsByCustomer: RowGroups
    /// Per stage position, customers in file order.
    var customersByStage: RowGroups
    /// Per customer: latest touchpoint time (`noTimestamp` for none), sum of touchpoint values.
    let lastTouch: [Int64]
    let revenue: [Double]
    /// Sum of every touchpoint value, in file order.
    let totalRevenue: Double
    /// The latest timestamp anywhere (`noTimestamp` for none).
    let latestTimestamp: Int64

    /// Needs every reference resolved (a table without errors).
    init(_ t: SnapshotTables) {
        let tp = t.touchpoints
        var byCustomer = RowGroups(owners: tp.customers, ownerCount: t.customers.count)
        // Sum in (time, file) order, as an SQL sum over an index on (customer_id, at) would.
        byCustomer.sortEachGroup { a, b in tp.at[Int(a)] != tp.at[Int(b)] ? tp.at[Int(a)] < tp.at[Int(b)] : a < b }
        var lastTouch = [Int64](repeating: noTimestamp, count: t.customers.count)
        var revenue = [Double](repeating: 0, count: t.customers.count)
        for c in 0..<t.customers.count {
            for r in byCustomer[c] {
                lastTouch[c] = tp.at[Int(r)]
                let v = tp.values[Int(r)]
                if !v.isNaN { revenue[c] += v }
            }
        }
        byCustomer.sortEachGroup { a, b in
            if tp.at[Int(a)] != tp.at[Int(b)] { return tp.at[Int(a)] < tp.at[Int(b)] }
            return tp.ids.withBytes(Int(a)) { x in tp.ids.withBytes(Int(b)) { y in x.lexicographicallyPrecedes(y) } }
        }
        touchpointsByCustomer = byCustomer
        self.lastTouch = lastTouch
        self.revenue = revenue
        totalRevenue = tp.values.reduce(0) { $1.isNaN ? $0 : $0 + $1 }

        let tr = t.transitions
        var transitions = RowGroups(owners: tr.customers, ownerCount: t.customers.count)
        transitions.sortEachGroup { a, b in tr.at[Int(a)] != tr.at[Int(b)] ? tr.at[Int(a)] < tr.at[Int(b)] : a < b }
        transitionsByCustomer = transitions
        customersByStage = RowGroups(owners: t.customers.stages, ownerCount: t.stages.count)

        latestTimestamp = max(t.customers.stageEnteredAt.max() ?? noTimestamp, t.customers.createdAt.max() ?? noTimestamp,
                              tp.at.max() ?? noTimestamp, tr.at.max() ?? noTimestamp)
    }

    /// The warnings of the format: a last transition not into the current stage, touchpoints
    /// and transitions after `as_of` (when declared), a stage entered before the customer was created.
    func warnings(_ t: SnapshotTables, declaredAsOf: Timestamp?) -> ProblemList {
        var problems = ProblemList()
        let c = t.customers
        for row in 0..<c.count {
            let customer = RecordPlace(.customers, row + 1)
            if let last = transitionsByCustomer[row].last, t.transitions.to[Int(last)] != c.stages[row] {
                problems.add(SnapshotRules.stageMismatch(stage: t.stages[Int(c.stages[row])].id,
                                                         lastGoesTo: t.stages[Int(t.transitions.to[Int(last)])].id,
                                                         customer: customer).problem(.json))
            }
            let entered = Timestamp(stored: c.stageEnteredAt[row]), created = Timestamp(stored: c.createdAt[row])
            if let finding = SnapshotRules.enteredBeforeCreated(entered, created, customer: customer) {
                problems.add(finding.problem(.json))
            }
        }
        guard let asOf = declaredAsOf else { return problems }
        for (table, times) in [(RecordPlace.Table.touchpoints, t.touchpoints.at), (.transitions, t.transitions.at)] {
            for (row, at) in times.enumerated() where at > asOf.microseconds {
                let finding = SnapshotRules.afterAsOf(Timestamp(microseconds: at), asOf, at: RecordPlace(table, row + 1, .at))
                if let finding { problems.add(finding.problem(.json)) }
            }
        }
        return problems
    }
}
