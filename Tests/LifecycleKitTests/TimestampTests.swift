import Testing
@testable import LifecycleKit

@Suite struct TimestampTests {
    @Test func parsesUTCAndOffsetsToTheSameMoment() throws {
        let utc = try #require(Timestamp("2026-03-01T09:30:00Z"))
        let offset = try #require(Timestamp("2026-03-01T10:30:00+01:00"))
        #expect(utc == offset)
        #expect(offset.iso8601 == "2026-03-01T09:30:00Z")
    }

    @Test func bareDateIsMidnightUTC() throws {
        let t = try #require(Timestamp("2026-03-01"))
        #expect(t.iso8601 == "2026-03-01T00:00:00Z")
        #expect(t.microseconds == 1_772_323_200_000_000)
    }

    @Test func fractionalSecondsSurviveARoundTrip() throws {
        let t = try #require(Timestamp("2026-03-01T09:30:00.250Z"))
        #expect(t.iso8601 == "2026-03-01T09:30:00.250000Z")
        #expect(Timestamp(t.iso8601) == t)
    }

    /// Six fraction digits, or none, so that text order is time order among canonical times.
    @Test func writesSixFractionDigitsOrNone() throws {
        #expect(Timestamp("2026-03-01T00:00:00.11373Z")?.iso8601 == "2026-03-01T00:00:00.113730Z")
        #expect(Timestamp("2026-03-01T00:00:00.113735Z")?.iso8601 == "2026-03-01T00:00:00.113735Z")
        #expect(Timestamp("2026-03-01T00:00:00.000001Z")?.iso8601 == "2026-03-01T00:00:00.000001Z")
        #expect(Timestamp("2026-03-01T00:00:00.000000Z")?.iso8601 == "2026-03-01T00:00:00Z")
        let a = try #require(Timestamp("2026-03-01T00:00:00.11373Z"))
        let b = try #require(Timestamp("2026-03-01T00:00:00.113735Z"))
        #expect(a < b && a.iso8601 < b.iso8601)
    }

    /// A time whose UTC form falls outside 0001–9999 has no canonical form: malformed.
    @Test(arguments: ["9999-12-31T23:00:00-05:00", "0000-12-31T23:59:59Z", "0001-01-01T00:30:00+01:00",
                      "10000-01-01T00:00:00Z"])
    func refusesTimesOutsideTheYears1To9999(_ text: String) {
        #expect(Timestamp(text) == nil)
    }

    @Test func acceptsTheEdgesOfTheValidRange() {
        #expect(Timestamp("0001-01-01T00:00:00Z") == Timestamp.earliest)
        #expect(Timestamp("9999-12-31T23:59:59.999999Z") == Timestamp.latest)
        #expect(Timestamp("0000-12-31T23:00:00-01:00")?.iso8601 == "0001-01-01T00:00:00Z")
        #expect(Timestamp("9999-12-31T18:59:59-05:00")?.iso8601 == "9999-12-31T23:59:59Z")
        #expect(Timestamp.earliest.iso8601 == "0001-01-01T00:00:00Z")
        #expect(Timestamp.latest.iso8601 == "9999-12-31T23:59:59.999999Z")
    }

    @Test(arguments: ["", "2026", "2026-13-01", "2026-02-30", "2026-03-01T25:00:00Z",
                      "2026-03-01T09:30:00", "2026-03-01T09:30:00+0100", "2026-03-01T09:30:00Zjunk",
                      "2026-03-01T09:30:00.Z", "yesterday"])
    func rejectsMalformedText(_ text: String) {
        #expect(Timestamp(text) == nil)
    }

    @Test func beforeEpochAndLeapDays() throws {
        let t = try #require(Timestamp("1969-12-31T23:59:59.5Z"))
        #expect(t.microseconds == -500_000)
        #expect(t.iso8601 == "1969-12-31T23:59:59.500000Z")
        #expect(Timestamp("2024-02-29")?.iso8601 == "2024-02-29T00:00:00Z")
        #expect(Timestamp("2023-02-29") == nil)
    }
}
