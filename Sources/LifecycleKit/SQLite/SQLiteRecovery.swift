import Foundation
import GRDB

extension SQLiteSchema {
    /// A writer killed mid-transaction leaves a hot journal (`FILE-journal`) that only a
    /// connection able to write can roll back; until then read-only connections fail with
    /// "attempt to write a readonly database". When the file is writable, one short
    /// read-write open lets SQLite restore the last committed state (its own recovery:
    /// nothing committed is lost). Otherwise the read-only open reports the problem.
    static func recoverFromCrash(_ path: String) {
        let journal = path + "-journal"
        guard let size = (try? FileManager.default.attributesOfItem(atPath: journal))?[.size] as? Int, size > 0,
              access(path, W_OK) == 0, access((path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent, W_OK) == 0
        else { return }
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        guard let queue = try? DatabaseQueue(path: path, configuration: configuration) else { return }
        _ = try? queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
        try? queue.close()
    }
}
