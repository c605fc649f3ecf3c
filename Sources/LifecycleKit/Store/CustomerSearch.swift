import Foundation

/// Matches a search query against a customer's name and email, ignoring case and
/// diacritics (`muller` finds `Müller`).
public struct CustomerSearch: Sendable {
    public let query: String

    public init(_ query: String) { self.query = query }

    public func matches(_ customer: Customer) -> Bool {
        guard !query.isEmpty else { return false }
        return Self.contains(customer.name, query) || customer.email.map { Self.contains($0, query) } == true
    }

    static func contains(_ text: String, _ query: String) -> Bool {
        text.range(of: query, options: [.caseInsensitive, .diacriticInsensitive]) != nil
    }
}

extension SnapshotStore {
    /// Pages through the list in the search direction until a customer matches.
    public func indexOfMatch(_ query: String, inStage stage: String, filter: CustomerFilter, sort: CustomerSort,
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
