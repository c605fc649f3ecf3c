import Foundation
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
