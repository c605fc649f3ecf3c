import Foundation

/// Turns stage cells into stage ids: a fixed list (HubSpot's, a mapping's `order`) matched by
/// value, id or name ignoring case; or, with no list, the stages as they appear in the file
/// (ids made from the values: `Marketing Qualified` → `marketing-qualified`).
struct StageResolver {
    private(set) var stages: [Stage]
    private let fixed: Bool
    private var lookup: [String: String] = [:]
    /// Cells seen before, as written: most files repeat a handful of values.
    private var seen: [String: String] = [:]
    /// The same by their bytes (`resolve(bytes:)`): each value's number in `ids`.
    private var seenBytes = ByteStringTable()
    private var seenNumbers: [Int32] = []
    /// The stage ids `resolve(bytes:)` gave, numbered in the order first given.
    private(set) var ids: [String] = []
    private var idNumbers: [[UInt8]: Int] = [:]
    private let emptyStage: Stage?
    private var emptyUsed = false

    init(plan: ImportPlan) {
        stages = plan.stages
        fixed = !plan.stages.isEmpty
        emptyStage = plan.emptyStage
        for stage in plan.stages {
            lookup[Self.fold(stage.id)] = stage.id
            lookup[Self.fold(stage.name)] = stage.id
        }
        for (value, id) in plan.stageValues { lookup[Self.fold(value)] = id }
    }

    /// The stages in funnel order: the empty-cell stage first when it was used.
    var finalStages: [Stage] {
        guard emptyUsed, let emptyStage, !stages.contains(where: { $0.id == emptyStage.id }) else { return stages }
        return [emptyStage] + stages
    }

    /// The stage id of a cell, or the message why there is none.
    mutating func resolve(_ raw: String) -> Decided<String> {
        if let id = seen[raw] { return .success(id) }
        let result = resolveNew(raw)
        if case .success(let id) = result, !raw.isEmpty { seen[raw] = id }
        return result
    }

    /// The number in `ids` of the stage id of a cell given as bytes (no `String` made for a
    /// value seen before), or the message why there is none.
    mutating func resolve(bytes raw: UnsafeBufferPointer<UInt8>) -> Decided<Int> {
        if let k = seenBytes.index(of: raw) { return .success(Int(seenNumbers[Int(k)])) }
        let id: String
        switch resolve(String(decoding: raw, as: UTF8.self)) {
        case .success(let s): id = s
        case .failure(let m): return .failure(m)
        }
        let number = idNumbers[Array(id.utf8)] ?? ids.count   // by bytes: the id is written as it is
        if number == ids.count {
            ids.append(id)
            idNumbers[Array(id.utf8)] = number
        }
        if !raw.isEmpty {
            seenBytes.append(raw)
            seenNumbers.append(Int32(number))
        }
        return .success(number)
    }

    private mutating func resolveNew(_ raw: String) -> Decided<String> {
        let key = Self.fold(raw)
        if key.isEmpty {
            guard let emptyStage else { return .failure(Message(.importEmptyValue)) }
            emptyUsed = true
            return .success(emptyStage.id)
        }
        if let id = lookup[key] {
            if !fixed, !stages.contains(where: { $0.id == id }) { stages.append(Stage(id: id, name: id)) }
            return .success(id)
        }
        guard !fixed else {
            return .failure(Message(.unknownStageAmong, .text(raw), .text(stages.map(\.id).joined(separator: ", "))))
        }
        let id = uniqueID(Self.slug(key))
        stages.append(Stage(id: id, name: raw.trimmingCharacters(in: .whitespaces)))
        lookup[key] = id
        return .success(id)
    }

    private func uniqueID(_ base: String) -> String {
        var id = base, n = 1
        while stages.contains(where: { $0.id == id }) || id == emptyStage?.id {
            n += 1
            id = "\(base)-\(n)"
        }
        return id
    }

    static func fold(_ s: String) -> String {
        s.trimmedSpaces.lowercased()
    }

    /// `[a-z0-9][a-z0-9_-]*` from a value: accents dropped, other characters to `-`.
    static func slug(_ value: String) -> String {
        let plain = value.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).replacingOccurrences(of: "ß", with: "ss")
        var out = ""
        for scalar in plain.unicodeScalars {
            let c = Character(scalar)
            if c.isASCII, c.isLetter || c.isNumber || c == "_" {
                out.append(c)
            } else if !out.isEmpty, out.last != "-" {
                out.append("-")
            }
        }
        while out.last == "-" { out.removeLast() }
        while let f = out.first, f == "_" { out.removeFirst() }
        out = String(out.prefix(SnapshotFormat.maxIdentifierLength))
        return out.isEmpty ? "stage" : out.lowercased()
    }
}
