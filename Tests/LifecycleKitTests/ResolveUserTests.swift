import Foundation
import Testing
@testable import LifecycleKit

/// Who a stage change is recorded `by`: the order of the fallbacks.
@Suite struct ResolveUserTests {
    /// A lookup where every source answers, each with its own name.
    static let everything = UserLookup(
        environment: ["CLC_USER": "from-clc-user", "USER": "from-user", "LOGNAME": "from-logname"],
        loginName: { "from-getlogin" }, passwordDatabaseName: { "from-passwd" })

    @Test func eachSourceIsUsedOnlyWhenTheOnesBeforeItHaveNothing() {
        var lookup = Self.everything
        #expect(StageMover.resolveUser(option: "from-option", lookup: lookup) == "from-option")
        #expect(StageMover.resolveUser(option: "", lookup: lookup) == "from-clc-user")
        lookup.environment["CLC_USER"] = ""
        #expect(StageMover.resolveUser(option: nil, lookup: lookup) == "from-getlogin")
        lookup.loginName = { nil }
        #expect(StageMover.resolveUser(option: nil, lookup: lookup) == "from-user")
        lookup.environment["USER"] = nil
        #expect(StageMover.resolveUser(option: nil, lookup: lookup) == "from-logname")
        lookup.environment["LOGNAME"] = ""
        #expect(StageMover.resolveUser(option: nil, lookup: lookup) == "from-passwd")
        lookup.passwordDatabaseName = { nil }
        #expect(StageMover.resolveUser(option: nil, lookup: lookup) == "unknown")
    }

    /// In a container: no USER/LOGNAME, no controlling terminal, so getlogin fails; the
    /// password database still knows the effective user.
    @Test func withoutEnvironmentOrLoginTheEffectiveUserIsFound() throws {
        let lookup = UserLookup(environment: [:], loginName: { nil }, passwordDatabaseName: UserLookup.effectiveUserName)
        let id = Process()
        id.executableURL = URL(fileURLWithPath: "/usr/bin/id")
        id.arguments = ["-un"]
        let pipe = Pipe()
        id.standardOutput = pipe
        try id.run()
        id.waitUntilExit()
        let expected = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!expected.isEmpty)
        #expect(StageMover.resolveUser(option: nil, lookup: lookup) == expected)
    }
}
