import Foundation

/// Matches a search query against a customer's name and email, ignoring case and
/// diacritics (`muller` finds `Müller`).
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

    public func matches(_ customer: Customer) -> Bool { matches(name: customer.name, email: customer.email) }

    func matches(name: String, email: String?) -> Bool {
        guard !query.isEmpty else { return false }
        var buffer: [UInt8] = []
        return contains(name, &buffer) || email.map { contains($0, &buffer) } == true
    }

    /// Whether UTF-8 `name` or `email` matches, folding into `buffer` (reused between calls).
    func matches(name: UnsafeBufferPointer<UInt8>, email: UnsafeBufferPointer<UInt8>?, buffer: inout [UInt8]) -> Bool {
        guard !query.isEmpty else { return false }
        if contains(name, &buffer) { return true }
        return email.map { contains($0, &buffer) } == true
    }

    private func contains(_ text: String, _ buffer: inout [UInt8]) -> Bool {
        var text = text
        return text.withUTF8 { contains($0, &buffer) }
    }

    private func contains(_ text: UnsafeBufferPointer<UInt8>, _ buffer: inout [UInt8]) -> Bool {
        if let needle, SearchFolding.fold(text, into: &buffer) { return SearchFolding.contains(buffer, needle) }
        return String(decoding: text, as: UTF8.self).range(of: query, options: [.caseInsensitive, .diacriticInsensitive]) != nil
    }
}

extension SnapshotStore {
    public func indexOfMatch(_ query: String, inStage stage: String, filter: CustomerFilter, sort: CustomerSort,
                             from start: Int, forward: Bool) throws -> Int? {
        try pagedIndexOfMatch(query, inStage: stage, filter: filter, sort: sort, from: start, forward: forward)
    }

    /// Pages through the list in the search direction until a customer matches.
    public func pagedIndexOfMatch(_ query: String, inStage stage: String, filter: CustomerFilter, sort: CustomerSort,
                                  from start: Int, forward: Bool) throws -> Int? {
        let total = try customerCount(inStage: stage, filter: filter)
        guard total > 0, !query.isEmpty else { return nil }
        let search = CustomerSearch(query)
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
            for i in indices where search.matches(rows[i].customer) { return offset + i }
            visited += end - offset
            position = forward ? (end == total ? 0 : end) : (offset == 0 ? total - 1 : offset - 1)
        }
        return nil
    }
}
