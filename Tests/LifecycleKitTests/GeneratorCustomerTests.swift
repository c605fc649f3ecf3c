import Testing
@testable import LifecycleKit

@Suite struct GeneratorCustomerTests {
    let s = GeneratorFixture.standard

    static func isControl(_ v: UInt32) -> Bool { v < 0x20 || (v >= 0x7F && v <= 0x9F) }

    @Test func hostileNamesArePresentButRare() {
        let hostile = s.customers.filter { HostileNames.contains($0.name) }
        #expect(hostile.count >= 1)
        #expect(hostile.count <= s.customers.count / 100)
        #expect(hostile.contains { $0.name.contains("\u{1B}[31m") })
        #expect(hostile.contains { $0.name.contains("\u{1B}]0;") })
        // Control characters, bidi overrides and 200+ character names occur only in hostile names.
        for c in s.customers where !HostileNames.contains(c.name) {
            #expect(!c.name.unicodeScalars.contains { Self.isControl($0.value) || $0.value == 0x202E })
            #expect(c.name.count < 200)
        }
    }

    @Test func hostileNamePoolHasEveryKindOfTrouble() {
        let names = HostileNames.all.map(\.name)
        #expect(names.contains { $0.contains("\u{1B}[31m") })
        #expect(names.contains { $0.contains("\u{1B}]0;") && $0.contains("\u{07}") })
        #expect(names.contains { $0.unicodeScalars.contains("\u{202E}") })
        #expect(names.contains { $0.unicodeScalars.contains("\u{200D}") })
        #expect(names.contains { $0.unicodeScalars.filter { (0x300...0x36F).contains($0.value) }.count > 10 })
        #expect(names.contains { $0.count > 200 })
        #expect(names.contains { $0.unicodeScalars.contains { (0x80...0x9F).contains($0.value) } })
        #expect(names.allSatisfy { !$0.unicodeScalars.contains("\u{0}") })
    }

    @Test func namesComeFromManyScripts() {
        func has(_ range: ClosedRange<UInt32>) -> Bool {
            s.customers.contains { $0.name.unicodeScalars.contains { range.contains($0.value) } }
        }
        #expect(s.customers.contains { $0.name.contains("ü") || $0.name.contains("ö") || $0.name.contains("ä") })
        #expect(s.customers.contains { $0.name.contains("é") || $0.name.contains("ñ") || $0.name.contains("ç") })
        #expect(has(0x0141...0x017C))  // Polish Ł ś ż …
        #expect(has(0x0370...0x03FF))  // Greek
        #expect(has(0x0400...0x04FF))  // Cyrillic
        #expect(has(0x0600...0x06FF))  // Arabic
        #expect(has(0x0900...0x097F))  // Devanagari
        #expect(has(0x4E00...0x9FFF))  // CJK
        #expect(has(0x1F300...0x1FAFF)) // emoji
    }

    @Test func emailsAreASCII() {
        let emails = s.customers.compactMap(\.email)
        #expect(emails.count > 1_800)
        #expect(emails.count < s.customers.count)
        #expect(emails.allSatisfy { $0.utf8.allSatisfy { $0 > 32 && $0 < 127 } && $0.contains("@") })
        #expect(Set(emails).count == emails.count)
    }

    @Test func segmentsTagsAndAttributes() {
        let segments = Set(s.customers.compactMap(\.segment))
        #expect(segments == ["B2C", "SMB", "B2B", "Enterprise"])
        #expect(s.customers.contains { $0.segment == nil })
        #expect(s.customers.contains { $0.tags.contains("vip") })
        #expect(s.customers.contains { $0.tags.isEmpty })
        for c in s.customers {
            #expect(c.tags.allSatisfy { !$0.isEmpty })
            #expect(Set(c.tags).count == c.tags.count)
            let keys = c.attributes.map(\.key)
            #expect(Set(keys).count == keys.count)
            #expect(c.attributes.contains { $0.key == "newsletter" && ($0.value == .bool(true) || $0.value == .bool(false)) })
            let employees = c.attributes.first { $0.key == "employees" }
            if c.segment == nil || c.segment == "B2C" {
                #expect(employees == nil)
            } else if case .number(let n)? = employees?.value {
                #expect((n.int64 ?? 0) >= 1)
            } else {
                Issue.record("business customer \(c.id) without employees")
            }
        }
        #expect(s.customers.contains { c in c.attributes.contains { $0.key == "city" && $0.value == .string("Köln") } })
    }
}
