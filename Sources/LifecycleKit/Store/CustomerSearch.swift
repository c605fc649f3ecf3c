import Foundation

/// Matches a search query against a customer's name, email and id, ignoring case and
/// diacritics (`muller` finds `Müller`, `c-00042` finds `C-0000042`).
public struct CustomerSearch: Sendable {
    public let query: String

    /// The query folded (`SearchFolding`), nil when it cannot be: then Foundation compares.
    let needle: [UInt8]?

    public init(_ query: String) {
        self.query = query
        var folded: [UInt8] = []
        var q = query
        needle = q.withUTF8 { SearchFolding.fold($0, into: &folded) } ? folded : nil
    }

    public func matches(_ customer: Customer) -> Bool { matches(name: customer.name, email: customer.email, id: customer.id) }

    /// Whether `name`, `email` or `id` contains the query (folded).
    public func matches(name: String, email: String?, id: String = "") -> Bool {
        guard !query.isEmpty else { return false }
        var buffer: [UInt8] = []
        return contains(name, &buffer) || email.map { contains($0, &buffer) } == true || contains(id, &buffer)
    }

    /// Whether UTF-8 `name`, `email` or `id` matches, folding into `buffer` (reused between calls).
    func matches(name: UnsafeBufferPointer<UInt8>, email: UnsafeBufferPointer<UInt8>?, id: UnsafeBufferPointer<UInt8>,
                 buffer: inout [UInt8]) -> Bool {
        guard !query.isEmpty else { return false }
        if contains(name, &buffer) || contains(id, &buffer) { return true }
        return email.map { contains($0, &buffer) } == true
    }

    /// Whether every text this search matches is matched by `narrower` too (it extends this
    /// query), so that only this search's matches need to be checked for it.
    func covers(_ narrower: CustomerSearch) -> Bool { !query.isEmpty && narrower.query.hasPrefix(query) }

    private func contains(_ text: String, _ buffer: inout [UInt8]) -> Bool {
        var text = text
        return text.withUTF8 { contains($0, &buffer) }
    }

    private func contains(_ text: UnsafeBufferPointer<UInt8>, _ buffer: inout [UInt8]) -> Bool {
        if let needle, SearchFolding.fold(text, into: &buffer) { return SearchFolding.contains(buffer, needle) }
        return String(decoding: text, as: UTF8.self).range(of: query, options: [.caseInsensitive, .diacriticInsensitive]) != nil
    }
}

/// Where a search across every stage found a customer.
public struct CustomerLocation: Hashable, Sendable {
    public var customerID: String
    /// The stage's id.
    public var stage: String

    public init(customerID: String, stage: String) {
        self.customerID = customerID
        self.stage = stage
    }
}

extension SnapshotStore {
    /// The customer a search across every stage finds: the one whose id is `query` exactly,
    /// else the first match in funnel order of the stages, and within a stage in the order
    /// of names (the list's first order). Nil when none matches.
    public func findCustomer(_ query: String) throws -> CustomerLocation? {
        guard !query.isEmpty else { return nil }
        if let exact = try customer(id: query) { return CustomerLocation(customerID: exact.id, stage: exact.stage) }
        let byName = CustomerSort(.name)
        for stage in stages {
            guard let i = try indexOfMatch(query, inStage: stage.id, filter: .none, sort: byName, from: 0, forward: true),
                  let row = try customers(inStage: stage.id, filter: .none, sort: byName, offset: i, limit: 1).first else { continue }
            return CustomerLocation(customerID: row.customer.id, stage: stage.id)
        }
        return nil
    }

    public func indexOfMatch(_ query: String, inStage stage: String, filter: CustomerFilter, sort: CustomerSort,
                             from start: Int, forward: Bool) throws -> Int? {
        try pagedIndexOfMatch(query, inStage: stage, filter: filter, sort: sort, from: start, forward: forward)
    }

    public func indexOfCustomer(_ id: String, inStage stage: String, filter: CustomerFilter, sort: CustomerSort) throws -> Int? {
        try pagedIndex(inStage: stage, filter: filter, sort: sort, from: 0, forward: true) { $0.id == id }
    }

    /// Pages through the list in the search direction until a customer matches.
    public func pagedIndexOfMatch(_ query: String, inStage stage: String, filter: CustomerFilter, sort: CustomerSort,
                                  from start: Int, forward: Bool) throws -> Int? {
        guard !query.isEmpty else { return nil }
        let search = CustomerSearch(query)
        return try pagedIndex(inStage: stage, filter: filter, sort: sort, from: start, forward: forward, where: search.matches)
    }

    /// The position of the first customer of the list, from `start` (inclusive) in the given
    /// direction and wrapping around once, that passes `test`; the list read page by page.
    func pagedIndex(inStage stage: String, filter: CustomerFilter, sort: CustomerSort, from start: Int, forward: Bool,
                    where test: (Customer) -> Bool) throws -> Int? {
        let total = try customerCount(inStage: stage, filter: filter)
        guard total > 0 else { return nil }
        let chunk = 2_000
        let first = min(max(0, start), total - 1)
        // Visit positions first, first±1, … wrapping around once, a chunk at a time.
        var visited = 0
        var position = first
        while visited < total {
            let offset = forward ? position : max(0, position - chunk + 1)
            let end = forward ? min(total, position + chunk) : position + 1
            let rows = try customers(inStage: stage, filter: filter, sort: sort, offset: offset, limit: end - offset)
            let indices = forward ? Array(rows.indices) : Array(rows.indices.reversed())
            for i in indices where test(rows[i].customer) { return offset + i }
            visited += end - offset
            position = forward ? (end == total ? 0 : end) : (offset == 0 ? total - 1 : offset - 1)
        }
        return nil
    }
}
