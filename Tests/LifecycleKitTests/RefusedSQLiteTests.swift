import Foundation
import Testing
@testable import LifecycleKit

/// What `validate` calls an error, every command refuses with the same messages; a damaged
/// file is found by `validate` (SQLite's integrity_check) and never half-converted.
@Suite(.serialized) struct RefusedSQLiteTests {
    static func handMade(_ damage: String) throws -> (dir: URL, path: String) {
        let dir = try Fixtures.temporaryDirectory()
        let path = try Fixtures.handMadeFiles(in: dir).sqlite
        try SQLiteListIndexTests.sql(path, damage)
        return (dir, path)
    }

    /// `convert` and the figures refuse the file with exactly `validate`'s errors; no OUT.
    static func expectRefused(_ path: String, in dir: URL, containing text: String) throws {
        let validation = SnapshotFile.validate(path)
        #expect(validation.hasErrors)
        #expect(validation.errors.contains { $0.description.contains(text) }, "\(validation.errors)")
        for out in ["out.json", "out.sqlite"] {
            let target = dir.appendingPathComponent(out).path
            let error = #expect(throws: SnapshotError.self) {
                _ = try SnapshotFile.convert(path, to: target, kind: SnapshotFile.kind(forExtension: out)!, force: false)
            }
            #expect(error?.problems.errors == validation.errors)
            #expect(!FileManager.default.fileExists(atPath: target))
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp") }
            #expect(leftovers.isEmpty)
        }
        let report = #expect(throws: SnapshotError.self) { _ = try SQLiteSnapshotStore(path: path).funnelReport() }
        #expect(report?.problems.errors == validation.errors)
    }

    @Test(arguments: [
        ("UPDATE transitions SET to_stage = 'nirvana' WHERE rowid = 2", "unknown stage \"nirvana\""),
        ("UPDATE touchpoints SET customer_id = 'C404' WHERE id = 'T3'", "unknown customer \"C404\""),
        ("UPDATE customers SET created_at = '2026-13-01' WHERE id = 'C1'", "malformed timestamp \"2026-13-01\""),
        (#"UPDATE customers SET attributes = '{"n": 1e400}' WHERE id = 'C1'"#, "column attributes: attributes is not a JSON object"),
        ("UPDATE touchpoints SET value = 1e999 WHERE id = 'T3'", "column value: number out of range"),
        ("UPDATE transitions SET id = -1 WHERE rowid = 1", "column id: expected a positive integer"),
    ])
    func aFileValidateRefusesIsRefusedByConvertAndReport(damage: String, message: String) throws {
        let (dir, path) = try Self.handMade(damage)
        try Self.expectRefused(path, in: dir, containing: message)
    }

    @Test func anIndexThatDisagreesWithItsTableIsFoundAndNamed() throws {
        let (dir, path) = try Self.handMade("""
            PRAGMA writable_schema = ON;
            UPDATE sqlite_master SET sql = 'CREATE INDEX customers_by_stage ON customers(name)' WHERE name = 'customers_by_stage';
            """)
        let errors = SnapshotFile.validate(path).errors
        #expect(errors.contains { $0.kind == .corrupted && $0.place == "index customers_by_stage" }, "\(errors)")
        try Self.expectRefused(path, in: dir, containing: "damaged file")
    }

    @Test func aPageReferencedTwiceIsFoundAndNothingIsConverted() throws {
        let dir = try Fixtures.temporaryDirectory()
        let path = dir.appendingPathComponent("big.sqlite").path
        try SnapshotGenerator(customers: 400, touchpointsPerCustomer: 5, seed: 5).generate(into: try SQLiteSnapshotWriter(path: path))
        // The customers table's root is an interior page: point its second child at its first.
        let root = try SQLiteSnapshotStore(path: path).read { db in
            let s = try SQLiteStatement(db, "SELECT rootpage FROM sqlite_master WHERE name = 'customers'")
            _ = try s.step()
            return s.int(0)
        }
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let pageSize = Int(bytes[16]) << 8 | Int(bytes[17])
        let page = (root - 1) * pageSize
        #expect(bytes[page] == 0x05)
        func u16(_ at: Int) -> Int { Int(bytes[at]) << 8 | Int(bytes[at + 1]) }
        let first = page + u16(page + 12), second = page + u16(page + 14)
        bytes.replaceSubrange(second..<second + 4, with: bytes[first..<first + 4])
        try bytes.write(to: URL(fileURLWithPath: path))
        let errors = SnapshotFile.validate(path).errors
        #expect(errors.contains { $0.kind == .corrupted }, "\(errors)")
        try Self.expectRefused(path, in: dir, containing: "damaged file")
    }
}
