import Foundation
@testable import LifecycleKit

/// A random valid snapshot, as values, for the round-trip property tests.
struct RandomSnapshot: Equatable {
    var name: String?
    var currency: String
    var declaredAsOf: Timestamp?
    var stages: [Stage]
    var customers: [Customer]
    var touchpoints: [Touchpoint]
    var transitions: [Transition]

    init(name: String?, currency: String, declaredAsOf: Timestamp?, stages: [Stage], customers: [Customer],
         touchpoints: [Touchpoint], transitions: [Transition]) {
        self.name = name
        self.currency = currency
        self.declaredAsOf = declaredAsOf
        self.stages = stages
        self.customers = customers
        self.touchpoints = touchpoints
        self.transitions = transitions
    }

    init(_ sink: CollectingSink) {
        self.init(name: sink.info?.name, currency: sink.info?.currency ?? "", declaredAsOf: sink.info?.declaredAsOf,
                  stages: sink.stages, customers: sink.customers, touchpoints: sink.touchpoints, transitions: sink.transitions)
    }

    func write(to sink: SnapshotSink) throws {
        try sink.begin(info: SnapshotInfo(name: name, currency: currency, declaredAsOf: declaredAsOf,
                                          asOf: declaredAsOf ?? Timestamp(microseconds: 0)), stages: stages)
        for c in customers { try sink.add(c) }
        for t in touchpoints { try sink.add(t) }
        for t in transitions { try sink.add(t) }
        try sink.finish()
    }

    static func make(_ r: inout SeededRandom) -> RandomSnapshot {
        let stageCount = Int.random(in: 1...4, using: &r)
        var stageIDs: [String] = []
        while stageIDs.count < stageCount {
            let id = stageID(&r)
            if !stageIDs.contains(id) { stageIDs.append(id) }
        }
        let stages = stageIDs.map { Stage(id: $0, name: text(&r), description: Bool.random(using: &r) ? text(&r) : nil) }
        let customerIDs = uniqueIDs(Int.random(in: 0...5, using: &r), &r)
        let customers = customerIDs.map { id in
            Customer(id: id, name: text(&r), email: Bool.random(using: &r) ? text(&r) : nil,
                     stage: stageIDs.randomElement(using: &r)!,
                     stageEnteredAt: optionalTime(&r), createdAt: optionalTime(&r),
                     segment: Bool.random(using: &r) ? text(&r) : nil,
                     tags: (0..<Int.random(in: 0...3, using: &r)).map { _ in text(&r) },
                     attributes: attributes(&r))
        }
        var touchpoints: [Touchpoint] = []
        var transitions: [Transition] = []
        if !customerIDs.isEmpty {
            touchpoints = uniqueIDs(Int.random(in: 0...6, using: &r), &r).map { id in
                Touchpoint(id: id, customerID: customerIDs.randomElement(using: &r)!, at: time(&r),
                           channel: Bool.random(using: &r) ? SnapshotFormat.channels.randomElement(using: &r)! : text(&r, nonEmpty: true),
                           type: Bool.random(using: &r) ? "visit" : text(&r, nonEmpty: true),
                           campaign: Bool.random(using: &r) ? text(&r) : nil, value: money(&r),
                           note: Bool.random(using: &r) ? text(&r) : nil)
            }
            transitions = makeTransitions(customerIDs, stageIDs, &r)
        }
        return RandomSnapshot(name: Bool.random(using: &r) ? text(&r) : nil,
                              currency: ["EUR", "USD", "CHF", "JPY"].randomElement(using: &r)!,
                              declaredAsOf: optionalTime(&r), stages: stages, customers: customers,
                              touchpoints: touchpoints, transitions: transitions)
    }

    static func makeTransitions(_ customerIDs: [String], _ stageIDs: [String], _ r: inout SeededRandom) -> [Transition] {
        var out: [Transition] = []
        var nextID = Int64.random(in: 1...1_000, using: &r)
        for _ in 0..<Int.random(in: 0...6, using: &r) {
            let customer = customerIDs.randomElement(using: &r)!
            let earlier = out.filter { $0.customerID == customer }.compactMap(\.id)
            out.append(Transition(customerID: customer, from: Bool.random(using: &r) ? stageIDs.randomElement(using: &r)! : nil,
                                  to: stageIDs.randomElement(using: &r)!, at: time(&r), by: text(&r, nonEmpty: true),
                                  note: Bool.random(using: &r) ? text(&r) : nil, id: nextID,
                                  reverts: Int.random(in: 0..<4, using: &r) == 0 ? earlier.randomElement(using: &r) : nil))
            nextID += Int64.random(in: 1...1_000_000, using: &r)
        }
        return out
    }

    // MARK: Values

    static func stageID(_ r: inout SeededRandom) -> String {
        let first = Array("abcdefghijklmnopqrstuvwxyz0123456789"), rest = first + Array("_-")
        return String(first.randomElement(using: &r)!) + String((0..<Int.random(in: 0...12, using: &r)).map { _ in rest.randomElement(using: &r)! })
    }

    /// Ids: printable (no controls), any script, bidi controls and emoji included, ≤ 128 characters.
    static func uniqueIDs(_ n: Int, _ r: inout SeededRandom) -> [String] {
        var ids: [String] = []
        while ids.count < n {
            var id = String(text(&r, nonEmpty: true).unicodeScalars.filter { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) })
            if id.isEmpty { id = "x" }
            id = String(id.prefix(128))
            if !ids.contains(id) { ids.append(id) }
        }
        return ids
    }

    static let alphabet: [Unicode.Scalar] = {
        var s = Array("abcXYZ019 -_.,:;'\"\\/{}[]".unicodeScalars)
        s += [0x0, 0x7, 0x9, 0xA, 0xD, 0x1B, 0x7F, 0x80, 0x85, 0x9B, 0x9F, 0xA0, 0xE9, 0x301, 0x202E, 0x2066, 0x2069,
              0x200D, 0xFEFF, 0x4E2D, 0x1F642, 0x1F468, 0x10FFFF].compactMap(Unicode.Scalar.init)
        return s
    }()

    static func text(_ r: inout SeededRandom, nonEmpty: Bool = false) -> String {
        var out = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: (nonEmpty ? 1 : 0)...12, using: &r) { out.append(alphabet.randomElement(using: &r)!) }
        return String(out)
    }

    static func time(_ r: inout SeededRandom) -> Timestamp {
        let micros = Int64.random(in: Timestamp.earliest.microseconds...Timestamp.latest.microseconds, using: &r)
        // Half the times on whole seconds, so both canonical forms appear.
        return Timestamp(microseconds: Bool.random(using: &r) ? micros - micros % 1_000_000 + (micros % 1_000_000 < 0 ? 1_000_000 : 0) : micros)
    }

    static func optionalTime(_ r: inout SeededRandom) -> Timestamp? { Bool.random(using: &r) ? time(&r) : nil }

    /// Money: nil, small amounts, or any finite double.
    static func money(_ r: inout SeededRandom) -> Double? {
        switch Int.random(in: 0..<4, using: &r) {
        case 0: return nil
        case 1: return Double(Int.random(in: -100_000...100_000, using: &r)) / 100
        default:
            var d: Double
            repeat { d = Double(bitPattern: r.next()) } while !d.isFinite
            return d
        }
    }

    static func attributes(_ r: inout SeededRandom) -> [Attribute] {
        var keys: [String] = []
        for _ in 0..<Int.random(in: 0...5, using: &r) {
            let k = text(&r)
            if !keys.contains(k) { keys.append(k) }
        }
        return keys.map { key in
            switch Int.random(in: 0..<4, using: &r) {
            case 0: return Attribute(key, .string(text(&r)))
            case 1: return Attribute(key, .bool(Bool.random(using: &r)))
            default: return Attribute(key, .number(number(&r)))
            }
        }
    }

    /// Integers of any size, decimals with any number of digits, exponents, doubles.
    static func number(_ r: inout SeededRandom) -> ExactNumber {
        func digits(_ n: Int) -> String { String((0..<n).map { _ in Character(String(Int.random(in: 0...9, using: &r))) }) }
        let sign = Bool.random(using: &r) ? "-" : ""
        let lead = String(Int.random(in: 1...9, using: &r))
        let text: String
        switch Int.random(in: 0..<6, using: &r) {
        case 0: text = String(Int64.random(in: .min ... .max, using: &r))
        case 1: text = sign + lead + digits(Int.random(in: 15...40, using: &r))
        case 2: text = sign + "0." + digits(Int.random(in: 1...30, using: &r))
        case 3: text = sign + lead + "." + digits(Int.random(in: 1...20, using: &r)) + ["e", "E"].randomElement(using: &r)!
            + ["", "+", "-"].randomElement(using: &r)! + String(Int.random(in: 0...250, using: &r))
        case 4: return ExactNumber(Double(bitPattern: r.next() & ~(0x7FF << 52)))
        default: return ExactNumber(Int64.random(in: -1_000_000...1_000_000, using: &r))
        }
        return ExactNumber(text: text)!
    }
}
