import Foundation
import GRDBSQLite

/// With `CLC_READ_LOG=FILE`, every statement and every read transaction on this process's
/// connections to a snapshot that lasted longer than `threshold`, one line each appended to
/// FILE: `<ms> statement <sql>` or `<ms> transaction <caller>`, with the process, the thread
/// and the time it ended. In rollback-journal mode a read holds the file's shared lock that
/// long, and another program's write waits for it: how a lock held too long is found.
enum ReadLog {
    static let path = ProcessInfo.processInfo.environment["CLC_READ_LOG"].flatMap { $0.isEmpty ? nil : $0 }
    /// Shorter reads are not logged.
    static let thresholdNanoseconds: UInt64 = 300_000_000

    /// Logs `connection`'s statements that ran longer than the threshold (from their first
    /// step to their end or reset: the time they held the file's read lock without an
    /// enclosing transaction).
    static func watch(_ connection: OpaquePointer) {
        guard path != nil else { return }
        sqlite3_trace_v2(connection, UInt32(SQLITE_TRACE_PROFILE), { _, _, statement, nanoseconds in
            guard let statement, let nanoseconds else { return 0 }
            let took = nanoseconds.load(as: Int64.self)
            guard took > Int64(ReadLog.thresholdNanoseconds) else { return 0 }
            let sql = sqlite3_sql(OpaquePointer(statement)).map { String(cString: $0) } ?? "?"
            ReadLog.note(UInt64(took), "statement", sql)
            return 0
        }, nil)
    }

    /// Runs `body`, logging it as a transaction of `caller` when it took longer than the threshold.
    static func timed<T>(_ caller: String, _ body: () throws -> T) rethrows -> T {
        guard path != nil else { return try body() }
        let start = DispatchTime.now().uptimeNanoseconds
        defer {
            let took = DispatchTime.now().uptimeNanoseconds - start
            if took > thresholdNanoseconds { note(took, "transaction", caller) }
        }
        return try body()
    }

    static func note(_ nanoseconds: UInt64, _ kind: String, _ what: String) {
        guard let path else { return }
        let text = what.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        let line = String(format: "%.3f %d ms %@ pid %d thread %lx: %@\n", Date().timeIntervalSince1970, Int(nanoseconds / 1_000_000),
                          kind, getpid(), UInt(pthread_self()), String(text.prefix(600)))
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o600)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let bytes = Array(line.utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }
}
