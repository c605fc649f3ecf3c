import Foundation

/// The generated snapshots the benchmark reads, made once with `clc generate` and kept.
struct BenchData {
    var sqlite: String
    var json: String
    var sqliteCustomers: Int
    var jsonCustomers: Int

    /// The data sets of `settings` in its data directory, generated when missing.
    static func ensure(_ settings: BenchSettings, clc: String) throws -> BenchData {
        let dir = settings.dataDirectory
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let data = BenchData(sqlite: dir + "/" + fileName(settings.sqliteCustomers, "sqlite", purchases: "bgnbd"),
                             json: dir + "/" + fileName(settings.jsonCustomers, "json"),
                             sqliteCustomers: settings.sqliteCustomers, jsonCustomers: settings.jsonCustomers)
        try generate(data.sqlite, customers: data.sqliteCustomers, purchases: "bgnbd", clc: clc)
        try generate(data.json, customers: data.jsonCustomers, clc: clc)
        return data
    }

    /// `customers-1m-bgnbd.sqlite`, `customers-200k.json`, `customers-3k.json`
    static func fileName(_ customers: Int, _ ext: String, purchases: String? = nil) -> String {
        let size = customers % 1_000_000 == 0 ? "\(customers / 1_000_000)m"
            : customers % 1_000 == 0 ? "\(customers / 1_000)k" : "\(customers)"
        return "customers-\(size)\(purchases.map { "-" + $0 } ?? "").\(ext)"
    }

    /// Runs `clc generate` (seed 1, 10 touchpoints per customer; the SQLite file with
    /// `--purchases bgnbd`, so that the value models fit it) unless the file exists.
    /// `clc generate` writes beside the file and renames when complete: no half file is cached.
    static func generate(_ path: String, customers: Int, purchases: String? = nil, clc: String) throws {
        if FileManager.default.fileExists(atPath: path) { return }
        FileHandle.standardError.write(Data("clc-bench: generating \(path) (\(customers) customers, once)…\n".utf8))
        let argv = [clc, "generate", path, "--customers", "\(customers)", "--seed", "1"] + (purchases.map { ["--purchases", $0] } ?? [])
        _ = try ChildProcess.run(argv, environment: ProcessInfo.processInfo.environment).checked("clc generate")
    }

    static func size(of path: String) -> Double {
        Double((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
    }

    /// Reads a file once, so that the measured runs find it in the page cache.
    static func readThrough(_ path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while read(fd, &buffer, buffer.count) > 0 {}
    }
}
