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
        #expect(t.iso8601 == "2026-03-01T09:30:00.25Z")
        #expect(Timestamp(t.iso8601) == t)
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
        #expect(t.iso8601 == "1969-12-31T23:59:59.5Z")
        #expect(Timestamp("2024-02-29")?.iso8601 == "2024-02-29T00:00:00Z")
        #expect(Timestamp("2023-02-29") == nil)
    }
}
