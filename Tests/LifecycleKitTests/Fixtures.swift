import Foundation
@testable import LifecycleKit

/// Test fixtures: small snapshots written to temporary files.
enum Fixtures {
    /// A hand-made snapshot whose report figures are worked out by hand in `ReportFiguresTests`:
    /// a linear journey (C1), a skip (C2), a backwards move (C3), customers with no transitions
    /// (C4 with, C5 without `stage_entered_at`), a current stage entered without a date (C6)
    /// and two empty stages.
    static let handMade = """
    {
      "format": "lifecycle-snapshot", "version": 1, "name": "Hand made", "currency": "EUR",
      "as_of": "2026-11-01T00:00:00Z",
      "stages": [
        {"id": "awareness", "name": "Awareness", "description": "First contact"},
        {"id": "consideration", "name": "Consideration"},
        {"id": "purchase", "name": "Purchase"},
        {"id": "retention", "name": "Retention"},
        {"id": "loyalty", "name": "Loyalty"}
      ],
      "customers": [
        {"id": "C1", "name": "Anna Müller", "email": "anna@example.de", "stage": "purchase",
         "stage_entered_at": "2026-03-01T00:00:00Z", "created_at": "2026-01-01T00:00:00Z",
         "segment": "B2C", "tags": ["newsletter", "vip"], "attributes": {"city": "Bonn", "employees": 3, "newsletter": true}},
        {"id": "C2", "name": "Bernd Ōta", "email": "bernd@example.com", "stage": "purchase",
         "stage_entered_at": "2026-02-10T00:00:00Z", "segment": "B2B"},
        {"id": "C3", "name": "Çağla 李", "stage": "consideration", "stage_entered_at": "2026-08-01T00:00:00Z", "segment": "B2C"},
        {"id": "C4", "name": "dora", "stage": "awareness", "stage_entered_at": "2026-10-01T00:00:00Z"},
        {"id": "C5", "name": "Emil 🚀", "stage": "consideration"},
        {"id": "C6", "name": "Frida \\u001b[31mred", "stage": "awareness", "segment": "B2C"}
      ],
      "touchpoints": [
        {"id": "T1", "customer_id": "C1", "at": "2026-01-01T10:00:00Z", "channel": "ads", "type": "ad_click", "campaign": "spring"},
        {"id": "T2", "customer_id": "C1", "at": "2026-03-01T00:00:00Z", "channel": "web", "type": "purchase", "value": 100.00, "note": "Order 1"},
        {"id": "T3", "customer_id": "C2", "at": "2026-02-10T00:00:00Z", "channel": "store", "type": "purchase", "value": 50},
        {"id": "T4", "customer_id": "C3", "at": "2026-02-01T00:00:00Z", "channel": "web", "type": "purchase", "value": 30},
        {"id": "T5", "customer_id": "C3", "at": "2026-04-01T00:00:00Z", "channel": "email", "type": "purchase", "value": 20.25},
        {"id": "T6", "customer_id": "C5", "at": "2026-05-05T00:00:00Z", "channel": "email", "type": "email_click", "value": 5},
        {"id": "T7", "customer_id": "C6", "at": "2026-06-01T00:00:00Z", "channel": "social", "type": "visit", "value": 10.5}
      ],
      "transitions": [
        {"customer_id": "C1", "from": null, "to": "awareness", "at": "2026-01-01T00:00:00Z", "by": "import"},
        {"customer_id": "C1", "from": "awareness", "to": "consideration", "at": "2026-02-01T00:00:00Z", "by": "crm-sync"},
        {"customer_id": "C1", "from": "consideration", "to": "purchase", "at": "2026-03-01T00:00:00Z", "by": "crm-sync", "note": "first order"},
        {"customer_id": "C2", "to": "awareness", "at": "2026-01-10T00:00:00Z", "by": "import"},
        {"customer_id": "C2", "from": "awareness", "to": "purchase", "at": "2026-02-10T00:00:00Z", "by": "crm-sync"},
        {"customer_id": "C3", "from": null, "to": "awareness", "at": "2026-01-05T00:00:00Z", "by": "import"},
        {"customer_id": "C3", "from": "awareness", "to": "consideration", "at": "2026-01-20T00:00:00Z", "by": "anna"},
        {"customer_id": "C3", "from": "consideration", "to": "purchase", "at": "2026-02-01T00:00:00Z", "by": "anna"},
        {"customer_id": "C3", "from": "purchase", "to": "retention", "at": "2026-05-01T00:00:00Z", "by": "anna"},
        {"customer_id": "C3", "from": "retention", "to": "consideration", "at": "2026-08-01T00:00:00Z", "by": "ben", "note": "lapsed"},
        {"customer_id": "C6", "from": null, "to": "awareness", "at": "2026-06-01T00:00:00Z", "by": "import"}
      ]
    }
    """

    /// A fresh temporary directory, removed by the caller with `cleanUp`.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("clc-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `text` to `name` in `dir` and returns the path.
    static func write(_ text: String, named name: String, in dir: URL) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The hand-made snapshot as both a JSON and a SQLite file.
    static func handMadeFiles(in dir: URL) throws -> (json: String, sqlite: String) {
        let json = try write(handMade, named: "hand.json", in: dir)
        let sqlite = dir.appendingPathComponent("hand.sqlite").path
        try JSONSnapshotStore(path: json).export(to: try SQLiteSnapshotWriter(path: sqlite))
        return (json, sqlite)
    }
}
