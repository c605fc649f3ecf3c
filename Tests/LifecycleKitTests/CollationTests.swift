import Foundation
import Testing
@testable import LifecycleKit

/// Names sort as people read them: the Unicode root collation with numbers by value
/// (`NaturalOrder`), checked by hand, as an order, and against ICU.
@Suite struct CollationTests {
    static func compare(_ a: String, _ b: String) -> Int {
        Array(a.utf8).withUnsafeBufferPointer { x in Array(b.utf8).withUnsafeBufferPointer { y in NaturalOrder.compare(x, y) } }
    }

    static func compareBytes(_ a: [UInt8], _ b: [UInt8]) -> Int {
        a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in NaturalOrder.compare(x, y) } }
    }

    static func sorted(_ texts: [String]) -> [String] { texts.sorted { compare($0, $1) < 0 } }

    /// The level at which `a` and `b` first differ (0 primary, 1 secondary, 2 tertiary), nil when equal.
    static func level(_ a: String, _ b: String) -> Int? {
        let x = NaturalOrder.key(Array(a.utf8)), y = NaturalOrder.key(Array(b.utf8))
        guard let i = zip(x, y).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset ?? (x.count == y.count ? nil : min(x.count, y.count))
        else { return nil }
        return x[..<i].filter { $0 == 1 }.count
    }

    @Test func namesSortAsPeopleReadThem() {
        #expect(Self.sorted(["Zoe", "Ömer", "Emil", "Oskar", "Çağla", "Anna"]) == ["Anna", "Çağla", "Emil", "Ömer", "Oskar", "Zoe"])
        #expect(Self.sorted(["customer 100", "customer 11", "customer 2"]) == ["customer 2", "customer 11", "customer 100"])
        #expect(Self.sorted(["Anna Becker", "Bäckerei Fischer", "Brown Inc.", "Anna Bäcker", "anna becker"])
            == ["Anna Bäcker", "anna becker", "Anna Becker", "Bäckerei Fischer", "Brown Inc."])
        // Punctuation before digits before letters; Latin before Greek before Cyrillic before Han.
        #expect(Self.sorted(["Жанна", "中村", "Ωmega", "Zoe", "1st", "_x", " x", "Ärger"]) == [" x", "_x", "1st", "Ärger", "Zoe", "Ωmega", "Жанна", "中村"])
        #expect(Self.sorted(["Straßer", "Strasser", "Strassen", "Stråle"]) == ["Stråle", "Strassen", "Strasser", "Straßer"])
    }

    @Test func lettersOfOtherAlphabetsSortWithTheirBase() {
        for (a, b) in [("ä", "a"), ("ß", "ss"), ("æ", "ae"), ("ø", "o"), ("ł", "l"), ("Ç", "c"), ("İ", "i"), ("đ", "d"), ("ð", "d"),
                       ("œ", "oe"), ("ĳ", "ij"), ("ǆ", "dž"), ("Ё", "е"), ("ά", "α"), ("ς", "σ"), ("Ａ", "a")] {
            #expect(Self.level(a, b) != 0, "\(a) = \(b) on letters")
            #expect(Self.compare(a + "b", b + "a") > 0 && Self.compare(a + "a", b + "b") < 0, "\(a) vs \(b)")
        }
        // Root's letters of their own: ı after i, ŋ after n, þ after z, й after и.
        #expect(Self.sorted(["ıa", "ib", "j"]) == ["ib", "ıa", "j"])
        #expect(Self.sorted(["þ", "z", "zz"]) == ["z", "zz", "þ"])
        #expect(Self.sorted(["ŋa", "nb", "o"]) == ["nb", "ŋa", "o"])
        #expect(Self.sorted(["йа", "иб", "к"]) == ["иб", "йа", "к"])
    }

    @Test func accentsCountAfterLettersAndCaseAfterAccents() {
        #expect(Self.level("Anna Backer", "Anna Bäcker") == 1)
        #expect(Self.compare("Anna Backer", "Anna Bäcker") < 0)
        #expect(Self.level("anna", "Anna") == 2 && Self.compare("anna", "Anna") < 0)
        // An accent outweighs case: Anna < änna although A is upper case.
        #expect(Self.compare("Anna", "änna") < 0 && Self.compare("änna", "Änna") < 0)
        #expect(Self.level("ss", "ß") == 2 && Self.compare("ss", "ß") < 0)
        #expect(Self.sorted(["ó", "o", "ò", "ô", "ö", "õ"]) == ["o", "ó", "ò", "ô", "ö", "õ"])
        #expect(Self.level("Ørsted", "Orsted") == 1 && Self.compare("Orsted", "Ørsted") < 0 && Self.compare("Ørsted", "Ottar") < 0)
    }

    @Test func equalTextsEmptyTextsAndWhatWeighsNothing() {
        #expect(Self.compare("", "") == 0)
        #expect(Self.compare("Anna", "Anna") == 0)
        #expect(Self.compare("", "a") < 0 && Self.compare("", " ") < 0 && Self.compare("", "0") < 0)
        // Controls, bidi overrides, zero-width characters and the soft hyphen weigh nothing.
        for odd in ["An\u{1}na", "Anna\u{7F}", "\u{202E}Anna", "An\u{200B}na", "An\u{AD}na", "\u{1B}Anna"] {
            #expect(Self.compare(odd, "Anna") == 0, "\(odd.debugDescription)")
        }
        #expect(Self.compare("\u{1}", "") == 0)
        // Tab, line breaks and spaces do weigh, before punctuation.
        #expect(Self.sorted(["a-b", "a b", "a\tb"]) == ["a\tb", "a b", "a-b"])
    }

    @Test func composedAndDecomposedTextsAreEqual() {
        for text in ["Çağla Öztürk", "Jürgen Müller", "Hélène Lefèvre", "Nguyễn Thị Ánh", "Ærøskøbing", "Йошкар-Ола", "Ἀθῆναι", "Dvořák", "Şişli"] {
            let nfd = text.decomposedStringWithCanonicalMapping, nfc = text.precomposedStringWithCanonicalMapping
            #expect(Array(nfd.utf8) != Array(nfc.utf8) || text == "Ærøskøbing")
            #expect(Self.compare(nfd, nfc) == 0, "\(text)")
            #expect(NaturalOrder.key(Array(nfd.utf8)) == NaturalOrder.key(Array(nfc.utf8)), "\(text)")
        }
    }

    @Test func bytesThatAreNotUTF8SortAfterEveryLetterAndStayInOrder() {
        let hostile: [[UInt8]] = [[0xFF], [0xC3], [0xC3, 0x41], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0x41, 0xFE, 0x42], [0xE2, 0x82]]
        let fine: [[UInt8]] = [Array("zzz".utf8), Array("中".utf8), Array("Ω".utf8), Array("".utf8)]
        for h in hostile {
            for f in fine where !f.isEmpty { #expect(Self.compareBytes(f, h) < 0 || h.first == 0x41) }
            for other in hostile + fine {
                #expect(Self.compareBytes(h, other) == -Self.compareBytes(other, h))
            }
        }
        #expect(Self.compareBytes([0xC3, 0x41], [0xC3, 0x42]) < 0)
    }

    /// Random texts of awkward pieces: `compare` is a total order and agrees with the key and
    /// with the 16-byte prefix key.
    @Test func comparisonIsAnOrderAndAgreesWithTheKey() {
        let pieces: [[UInt8]] = ["a", "A", "b", "z", "ä", "Ä", "a\u{308}", "ß", "ss", "æ", " ", "-", "_", ".", "0", "00", "1", "2", "10",
                                 "9", "99999999999", "é", "e\u{301}", "\u{301}", "Ω", "ж", "и\u{306}", "й", "中", "😀", "\u{1}", "\u{202E}",
                                 "ı", "İ", "ø", "Ｗ", "\t", "\u{10FFFF}", "\u{E000}"].map { Array($0.utf8) } + [[0xFF], [0xC3], [0x80]]
        var rng = SystemRandomNumberGenerator()
        let texts: [[UInt8]] = (0..<160).map { _ in (0..<Int.random(in: 0...6, using: &rng)).flatMap { _ in pieces.randomElement(using: &rng)! } }
        func keyOrder(_ a: [UInt8], _ b: [UInt8]) -> Int {
            let x = NaturalOrder.key(a), y = NaturalOrder.key(b)
            return x.lexicographicallyPrecedes(y) ? -1 : y.lexicographicallyPrecedes(x) ? 1 : 0
        }
        func prefix(_ a: [UInt8]) -> (UInt64, UInt64, Bool) { a.withUnsafeBufferPointer { NaturalOrder.prefixKey($0) } }
        for a in texts {
            for b in texts {
                let c = Self.compareBytes(a, b)
                #expect(c == keyOrder(a, b), "\(a) vs \(b)")
                #expect(c == -Self.compareBytes(b, a))
                let (p, q) = (prefix(a), prefix(b))
                if (p.0, p.1) != (q.0, q.1) { #expect(((p.0, p.1) < (q.0, q.1)) == (c < 0), "prefix \(a) vs \(b)") }
                else if p.2 && q.2 { #expect(c == 0) }
            }
        }
        let ordered = texts.sorted { Self.compareBytes($0, $1) < 0 }
        for (a, b) in zip(ordered, ordered.dropFirst()) { #expect(Self.compareBytes(a, b) <= 0) }
        for _ in 0..<2_000 {
            let (a, b, c) = (texts.randomElement()!, texts.randomElement()!, texts.randomElement()!)
            if Self.compareBytes(a, b) <= 0 && Self.compareBytes(b, c) <= 0 { #expect(Self.compareBytes(a, c) <= 0) }
        }
    }
}
