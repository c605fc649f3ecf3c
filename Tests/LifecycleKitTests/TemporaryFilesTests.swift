import Foundation
import Testing
@testable import LifecycleKit

@Suite(.serialized) struct TemporaryFilesTests {
    @Test func namesOfTemporaryFilesGiveTheirOwner() {
        #expect(TemporaryFiles.owner(of: ".shop.json.tmp-123", name: "shop.json") == 123)
        #expect(TemporaryFiles.owner(of: ".shop.json.tmp-123.touchpoints", name: "shop.json") == 123)
        #expect(TemporaryFiles.owner(of: ".shop.json.clc-save-77", name: "shop.json") == 77)
        #expect(TemporaryFiles.owner(of: "..shop.json.clc-save-77.tmp-77", name: "shop.json") == 77)
        #expect(TemporaryFiles.owner(of: "..hidden.json.tmp-5", name: ".hidden.json") == 5)
        #expect(TemporaryFiles.owner(of: ".shop.json.clc-journal", name: "shop.json") == nil)
        #expect(TemporaryFiles.owner(of: ".shop.json.tmp-", name: "shop.json") == nil)
        #expect(TemporaryFiles.owner(of: ".shop.jsonx.tmp-1", name: "shop.json") == nil)
        #expect(TemporaryFiles.owner(of: "shop.json.tmp-1", name: "shop.json") == nil)
    }

    /// Writers and `save` register their temporary files while they exist, and only then.
    @Test func writersRegisterTheirTemporaryFilesOnlyWhileWriting() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Other tests write meanwhile: look only at this directory's paths.
        func mine() -> [String] { TemporaryFiles.registered.filter { $0.hasPrefix(dir.path + "/") }.sorted() }
        let pid = getpid()
        let json = try JSONSnapshotWriter(path: dir.appendingPathComponent("a.json").path)
        let sqlite = try SQLiteSnapshotWriter(path: dir.appendingPathComponent("a.sqlite").path)
        #expect(mine() == [".a.json.tmp-\(pid)", ".a.json.tmp-\(pid).touchpoints", ".a.json.tmp-\(pid).transitions",
                           ".a.sqlite.tmp-\(pid)"].map { dir.path + "/" + $0 })
        for sink in [json, sqlite] as [SnapshotSink] {
            try sink.begin(info: SnapshotInfo(asOf: Timestamp(microseconds: 0)), stages: [Stage(id: "a", name: "A")])
            try sink.add(Customer(id: "C-1", name: "A", stage: "a"))
            try sink.finish()
        }
        #expect(mine() == [])
        let store = try JSONSnapshotStore(path: dir.appendingPathComponent("a.json").path)
        _ = try store.apply(MoveRequest(changes: [], note: nil, user: "u", at: Timestamp(microseconds: 0)))
        try store.save()
        #expect(mine() == [])
    }
}
