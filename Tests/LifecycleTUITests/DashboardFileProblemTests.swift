import Foundation
import GRDBSQLite
import Testing
@testable import LifecycleKit
@testable import LifecycleTUI

/// A file whose permissions let no one write it opens read-only even for root, and the
/// dashboard says why.
@Suite struct WriteProtectedDashboardTests {
    @Test(.enabled(if: getuid() == 0)) func theStatusBarSaysWhyTheFileIsReadOnly() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("clc-protected-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("hand.sqlite").path
        try TUITest.store().export(to: try SQLiteSnapshotWriter(path: path))
        chmod(path, 0o444)
        let d = try Dashboard(store: try SQLiteSnapshotStore(path: path), width: 100, height: 30, fileLabel: "hand.sqlite")
        #expect(d.state.readOnly)
        #expect(d.state.status?.text == "\(path) is read-only for others (no write permission): opened read-only; clc move --force changes it anyway")
        #expect(d.state.status?.kind == .warning)
    }
}

/// A SQLite file with rows `validate` refuses: the dashboard shows no figures from them and
/// says why in one line.
@Suite struct RefusedFiguresTests {
    @Test func theStatusNamesTheErrorsInsteadOfFigures() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("clc-refused-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("hand.sqlite").path
        try TUITest.store().export(to: try SQLiteSnapshotWriter(path: path))
        var db: OpaquePointer?
        sqlite3_open(path, &db)
        sqlite3_exec(db, "UPDATE transitions SET to_stage = 'nirvana' WHERE rowid = 2", nil, nil, nil)
        sqlite3_close(db)
        let error = #expect(throws: SnapshotError.self) { _ = try SQLiteSnapshotStore(path: path).funnelReport() }
        let text = DashboardRunner.figuresFailure(try #require(error))
        #expect(text == "1 error in this file (clc validate lists them), e.g. transitions row 2, column to_stage: unknown stage \"nirvana\"")
    }
}
