import Testing
@testable import LifecycleKit

/// Rule expressions (issue 14): fields worked out by hand, the null rule, operators,
/// precedence, errors with their position, and a parser that never crashes.
@Suite struct RuleExpressionTests {
    static let asOf = Timestamp("2026-11-01T00:00:00Z")!

    /// A customer in retention since 2026-08-01, two purchases (the last 2026-10-31 12:00,
    /// half a day before as_of) and an email click on 2026-10-03.
    static var retained: RuleSubject {
        let t = [TouchpointRecord(id: "a", at: Timestamp("2026-06-01T00:00:00Z")!, channel: "web", type: "purchase", value: 40),
                 TouchpointRecord(id: "b", at: Timestamp("2026-10-03T00:00:00Z")!, channel: "email", type: "email_click"),
                 TouchpointRecord(id: "c", at: Timestamp("2026-10-31T12:00:00Z")!, channel: "web", type: "purchase", value: 60.5)]
        var s = RuleSubject(id: "C1", stage: "retention", stageEnteredAt: Timestamp("2026-08-01T00:00:00Z"),
                            createdAt: Timestamp("2026-01-31T18:00:00Z"), touchpoints: t, asOf: asOf)
        s.setProfile(Customer(id: "C1", name: "Anna", stage: "retention", segment: "B2C", tags: ["vip", "newsletter"],
                              attributes: [Attribute("city", .string("Bonn")), Attribute("employees", .number(3)), Attribute("opt_in", .bool(true))]))
        return s
    }

    static func matches(_ text: String, _ s: RuleSubject = retained) throws -> Bool {
        try RuleExpression.parse(text).matches(s)
    }

    @Test func fieldsAreWorkedOutAsDocumented() {
        let s = Self.retained
        #expect(s.daysInStage == 92)
        #expect(s.daysSinceLastPurchase == 0, "half a day is rounded down to 0 whole days")
        #expect(s.daysSinceLastTouch == 0)
        #expect(s.purchases == 2 && s.touchpoints == 3 && s.revenue == 100.5)
        #expect(s.touchpointsLast30d == 2, "2026-10-03 and 2026-10-31 are within 30 days; 2026-06-01 is not")
        let edge = RuleSubject(id: "C3", stage: "retention", stageEnteredAt: nil, createdAt: nil, touchpoints: [
            TouchpointRecord(id: "d", at: Timestamp("2026-10-02T00:00:00Z")!, channel: "web", type: "visit")], asOf: Self.asOf)
        #expect(edge.touchpointsLast30d == 0 && edge.daysSinceLastTouch == 30, "exactly 30 days before as_of is outside")
        let none = RuleSubject(id: "C2", stage: "retention", stageEnteredAt: nil, createdAt: nil, touchpoints: [], asOf: Self.asOf)
        #expect(none.daysSinceLastPurchase == nil && none.daysSinceLastTouch == nil && none.daysInStage == nil)
        #expect(RuleSubject.wholeDays(from: Timestamp("2026-11-01T12:00:00Z")!, to: Self.asOf) == -1, "floor, also below zero")
    }

    @Test func comparisonsAndLogic() throws {
        #expect(try Self.matches("days_in_stage >= 92 and days_in_stage < 93"))
        #expect(try !Self.matches("days_in_stage > 92"))
        #expect(try Self.matches("purchases == 2 and revenue > 100.25 and revenue != 100"))
        #expect(try Self.matches("touchpoints_last_30d <= 2"))
        #expect(try Self.matches("purchases == 1 or purchases == 2 and touchpoints == 3"), "and binds tighter than or")
        #expect(try !Self.matches("(purchases == 1 or purchases == 2) and touchpoints == 4"))
        #expect(try Self.matches("not purchases > 2"))
        #expect(try Self.matches("purchases in [1, 2, 3] and segment in ['B2B', \"B2C\"]"))
        #expect(try !Self.matches("segment in ['B2B']"))
        #expect(try Self.matches("tags contains 'vip' and not tags contains 'churned'"))
        #expect(try Self.matches("attributes.city == 'Bonn' and attributes.employees >= 3 and attributes.opt_in == true"))
        #expect(try !Self.matches("attributes.city == 3"), "a number never equals a string")
        #expect(try Self.matches("created_at == 2026-01-31 and created_at < 2026-02-01 and created_at > 2026-01-30"),
                "dates compare by UTC calendar day")
    }

    @Test func fieldsCompareWithFieldsOfTheirKind() throws {
        #expect(try Self.matches("days_since_last_purchase < days_in_stage"), "bought since entering the stage")
        #expect(try !Self.matches("days_since_last_touch > days_in_stage"))
        let none = RuleSubject(id: "C2", stage: "retention", stageEnteredAt: Timestamp("2026-10-01T00:00:00Z"), createdAt: nil,
                               touchpoints: [], asOf: Self.asOf)
        #expect(try !Self.matches("days_since_last_purchase < days_in_stage", none), "null on either side is false")
        #expect(throws: RuleExpressionError.self) { try RuleExpression.parse("segment == purchases") }
    }

    @Test func anyComparisonWithNullIsFalse() throws {
        let none = RuleSubject(id: "C2", stage: "retention", stageEnteredAt: nil, createdAt: nil, touchpoints: [], asOf: Self.asOf)
        for op in RuleExpression.Operator.allCases {
            #expect(try !Self.matches("days_since_last_purchase \(op.rawValue) 90", none), "\(op)")
            #expect(try !Self.matches("clv \(op.rawValue) 0", none), "\(op)")
        }
        #expect(try !Self.matches("segment == 'B2C' or segment != 'B2C'", none))
        #expect(try !Self.matches("attributes.city in ['Bonn']", none))
        #expect(try Self.matches("not days_since_last_purchase > 90", none), "not inverts the false comparison")
        #expect(try Self.matches("purchases == 0", none))
    }

    @Test func valueFieldsComeFromTheFigures() throws {
        var s = Self.retained
        s.setValues(CustomerValueFigures(purchases: 2, probabilityAlive: 0.85, expectedPurchases90: 0.3, clv: 120,
                                         rfm: RFMScore(recency: 5, frequency: 4, monetary: 3)))
        #expect(try Self.matches("p_alive > 0.8 and clv >= 120 and rfm == '543' and rfm_segment == 'Champions'", s))
    }

    @Test(arguments: [
        ("purchases >", 12, "expected a number, a quoted string or a date, found the end"),
        ("foo > 1", 1, "unknown field foo"),
        ("purchases > 'x'", 13, "purchases is compared with a number"),
        ("created_at < 2026-02-30", 14, "not a date: 2026-02-30"),
        ("segment == 'B2B", 12, "the quoted string is not closed"),
        ("purchases > 1 purchases", 15, "expected and, or or the end, found purchases"),
        ("tags == 'vip'", 1, "== does not apply to tags"),
        ("(purchases > 1", 15, "expected ), found the end"),
        ("purchases # 1", 11, "unexpected character #"),
        ("segment contains 'x'", 1, "contains does not apply to"),
    ])
    func errorsNameTheirPosition(text: String, position: Int, message: String) {
        do {
            _ = try RuleExpression.parse(text)
            Issue.record("\(text) parsed")
        } catch {
            #expect(error.position == position, "\(text)")
            #expect(error.message.text(in: .en).hasPrefix(message), "\(error.message.text(in: .en))")
        }
    }

    /// Random text from the expression's own pieces: the parser returns or throws, never crashes.
    @Test func parseNeverCrashesOnRandomInput() {
        let pieces = ["purchases", "tags", "attributes.x", "segment", "created_at", "and", "or", "not", "in", "contains",
                      "(", ")", "[", "]", ",", "<", "<=", "==", "!=", ">", "1", "-2.5", "2026-01-31", "2026-13-01", "'a", "\"b\"",
                      "'c'", "\\", "\u{0}", "é", "🚀", " ", "-", ".", "true", "1e999", "--1"]
        var rng = SeededRandom(seed: 14)
        var parsed = 0
        for _ in 0..<5_000 {
            let n = Int(rng.next() % 12)
            let text = (0..<n).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined(separator: rng.next() % 3 == 0 ? "" : " ")
            if (try? RuleExpression.parse(text)) != nil { parsed += 1 }
        }
        #expect(parsed > 0)
        #expect((try? RuleExpression.parse(String(repeating: "not ", count: 100_000) + "purchases > 1")) == nil)
        #expect((try? RuleExpression.parse(String(repeating: "(", count: 100_000))) == nil)
    }
}
