import Testing
@testable import LifecycleKit

/// Numbers, money and dates as each language writes them.
@Suite struct FormatsTests {
    let en = Formats(.en), de = Formats(.de)
    let moment = Timestamp("2026-11-30T10:42:00Z")!

    @Test func numbersBeyondIntAreWrittenNotTrapped() {
        // A degenerate fit's parameter (a ≈ 1e19) once trapped converting to Int.
        #expect(NumberText.fixed(1.5e19, decimals: 4) == "1.5e+19")
        #expect(NumberText.fixed(-2e22, decimals: 0) == "-2e+22")
        #expect(NumberText.fixed(9e13, decimals: 4) == "90,000,000,000,000.0000")
    }

    @Test func germanGroupsWithDotsAndUsesADecimalComma() {
        #expect(de.count(1_204) == "1.204")
        #expect(de.count(-1_234_567) == "-1.234.567")
        #expect(de.number(1204.5, decimals: 2) == "1.204,50")
        #expect(de.number(0.25, decimals: 1) == "0,3")
        #expect(de.percent(0.468) == "46,8 %")
        #expect(de.money(1204.5, currency: "EUR") == "1.204,50 €")
        #expect(de.money(99, currency: "CHF") == "99,00 CHF")
        #expect(de.number(.nan, decimals: 1) == "—")
    }

    @Test func englishIsWhatClcAlwaysPrinted() {
        #expect(en.count(1_204) == NumberText.grouped(1_204))
        #expect(en.number(1204.5, decimals: 2) == "1,204.50")
        #expect(en.percent(0.468) == "46.8%")
        #expect(en.money(530_190.41, currency: "EUR") == "530,190.41 EUR")
        #expect(en.date(moment) == "2026-11-30")
        #expect(en.time(moment) == "2026-11-30T10:42:00Z")
    }

    @Test func germanDatesAndTimes() {
        #expect(de.date(moment) == "30.11.2026")
        #expect(de.time(moment) == "30.11.2026, 10:42 UTC")
        #expect(de.time(Timestamp("2026-01-05T07:08:09.5Z")!) == "05.01.2026, 07:08:09 UTC")
        #expect(de.date(Timestamp("0001-01-01")!) == "01.01.0001")
    }
}
