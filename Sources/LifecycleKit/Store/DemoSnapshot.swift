import Foundation

/// The built-in demo data set: a generated snapshot kept in the user's data directory
/// (`$XDG_DATA_HOME/clc/demo.sqlite`, default `~/.local/share/clc/demo.sqlite`), so that
/// changes made in the demo persist between runs. Delete the file (or `clc demo --reset`)
/// to start afresh.
public enum DemoSnapshot {
    public static let customers = 3_000
    public static let seed: UInt64 = 2026

    /// Where the demo lives for the given environment.
    public static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else {
            base = (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        }
        return base + "/clc/demo.sqlite"
    }

    /// The demo's path, generating it first when it does not exist (or `reset` is set).
    @discardableResult
    public static func ensure(at path: String = path(), reset: Bool = false) throws -> String {
        let fm = FileManager.default
        if reset {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? fm.removeItem(atPath: path + suffix) }
        }
        try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try writeRules(besideSnapshot: path, replacing: reset)
        if fm.fileExists(atPath: path) { return path }
        let sink = try SnapshotFile.makeSink(path: path, kind: .sqlite)
        var generator = SnapshotGenerator(customers: customers, touchpointsPerCustomer: 8, seed: seed)
        // Purchases from a BG/NBD process, so that the value models fit (the journey's own
        // orders give every buyer the same drop-out, where the fit runs off to its boundary).
        generator.purchases = .bgnbd(.cdnowDays)
        try generator.generate(into: sink)
        return path
    }

    /// Writes the demo's rules (the lifecycle playbook) as `demo.rules.toml` beside the demo,
    /// unless one is there already (the user's edits stay) or `replacing` is set.
    static func writeRules(besideSnapshot path: String, replacing: Bool) throws {
        let rules = RulesFile.path(besideSnapshot: path)
        guard replacing || !FileManager.default.fileExists(atPath: rules) else { return }
        try DemoRules.text.write(toFile: rules, atomically: true, encoding: .utf8)
    }
}
