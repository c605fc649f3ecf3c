import Foundation

/// Where `StageMover.resolveUser` finds who makes a change: the environment, the login name
/// and the password database. Injectable, so tests can show the order of the fallbacks.
public struct UserLookup: Sendable {
    public var environment: [String: String]
    /// The login name of the controlling terminal's session (`getlogin`), if there is one.
    public var loginName: @Sendable () -> String?
    /// The effective user's name in the password database (`getpwuid(geteuid())`).
    public var passwordDatabaseName: @Sendable () -> String?

    public init(environment: [String: String],
                loginName: @escaping @Sendable () -> String?,
                passwordDatabaseName: @escaping @Sendable () -> String?) {
        self.environment = environment
        self.loginName = loginName
        self.passwordDatabaseName = passwordDatabaseName
    }

    /// This process: its environment, `getlogin()` and the password database.
    public static var system: UserLookup {
        UserLookup(environment: ProcessInfo.processInfo.environment,
                   loginName: { getlogin().map { String(cString: $0) } },
                   passwordDatabaseName: effectiveUserName)
    }

    /// The effective user's name from the password database (works without a terminal or
    /// `USER`, as in a container), or nil when the user has no entry.
    @Sendable public static func effectiveUserName() -> String? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getpwuid_r(geteuid(), &entry, &buffer, buffer.count, &result) == 0, result != nil,
              let name = entry.pw_name else { return nil }
        return String(cString: name)
    }
}
