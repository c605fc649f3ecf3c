import Foundation

/// Matches a search query against a customer's name and email, ignoring case and
/// diacritics (`muller` finds `Müller`).
public struct CustomerSearch: Sendable {
    public let query: String

    /// The query's bytes lowercased when it is ASCII (then ASCII texts are matched by bytes).
    private let needle: [UInt8]?

    public init(_ query: String) {
        self.query = query
        let bytes = Array(query.utf8)
        needle = bytes.allSatisfy { $0 < 0x80 } ? bytes.map(Self.lower) : nil
    }

    public func matches(_ customer: Customer) -> Bool { matches(name: customer.name, email: customer.email) }

    func matches(name: String, email: String?) -> Bool {
        guard !query.isEmpty else { return false }
        return contains(name) || email.map { contains($0) } == true
    }

    private func contains(_ text: String) -> Bool {
        // Fast and the same answer when both are ASCII: no diacritics, and case is A–Z only.
        if let needle, let found = text.utf8.withContiguousStorageIfAvailable({ Self.asciiContains($0, needle) }), let found {
            return found
        }
        return text.range(of: query, options: [.caseInsensitive, .diacriticInsensitive]) != nil
    }

    /// Whether ASCII `hay` contains `needle` (lowercase) ignoring case; nil when `hay` is not ASCII.
    private static func asciiContains(_ hay: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool? {
        if hay.contains(where: { $0 >= 0x80 }) { return nil }
        guard needle.count <= hay.count else { return false }
        if needle.isEmpty { return true }
        for start in 0...(hay.count - needle.count) {
            var i = 0
            while i < needle.count && lower(hay[start + i]) == needle[i] { i += 1 }
            if i == needle.count { return true }
        }
        return false
    }

    @inline(__always) private static func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }
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
