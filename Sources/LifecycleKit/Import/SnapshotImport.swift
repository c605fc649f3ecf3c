import Foundation

/// `clc import`: a snapshot from a CRM contacts export (and optionally a touchpoints file).
///
/// Everything is read and checked before anything is written: every problem is collected with
/// its file, row and column; with any, nothing is written (unless `skipInvalid`, which leaves
/// out the rows with problems and lists them). The output appears only when complete (the
/// snapshot writers rename a temporary file at the end), and an existing file is kept unless
/// `force`.
public struct SnapshotImport {
    public var input: String
    public var output: String
    public var kind: SnapshotFile.Kind
    /// Nil: the plan is detected from the header (HubSpot, Mautic).
    public var mapping: ImportMapping?
    public var touchpoints: String?
    public var skipInvalid = false
    public var force = false
    /// The CSV reader (the library's is kept to compare: `clc import --csv-reader library`).
    public var reader = CSVTable.Reader.bytes

    public init(input: String, output: String, kind: SnapshotFile.Kind, mapping: ImportMapping? = nil, touchpoints: String? = nil) {
        self.input = input
        self.output = output
        self.kind = kind
        self.mapping = mapping
        self.touchpoints = touchpoints
    }

    /// What an import wrote, and the rows it left out (`skipInvalid`), with their problems.
    public struct Outcome: Sendable {
        public var totals: SnapshotTotals
        public var skipped: [Problem]
        public var skippedRows: Int
        /// How each file was read: path, encoding, separator.
        public var readAs: [(file: String, encoding: CSVTable.Encoding, separator: Character)]
    }

    /// Thrown when nothing was written: every problem found, each with its place.
    public struct Failure: Error, Sendable {
        public var problems: ProblemList
    }

    /// The page size of an imported SQLite file: 16 KiB, not SQLite's 4 KiB, measured faster to
    /// write a million rows (fewer pages to fill, balance and write; README, *Performance*).
    static let sqlitePageSize = 16384
    /// SQLite's page cache while importing: 64 MiB, not the writer's 256 MiB. Pages written
    /// out early cost less than fresh memory for every page (measured; README, *Performance*).
    static let sqliteCacheKiB = 65_536

    /// Reads, checks and writes. Throws `Failure` (problems), `OperationError` (OUT exists,
    /// cannot be written) or `SnapshotError` (an input cannot be read).
    public func run() throws -> Outcome {
        if FileManager.default.fileExists(atPath: output) && !force {
            throw OperationError(Message(.outputExists, .text(output)))
        }
        let contacts = try table(input, encoding: mapping?.plan.encoding, separator: mapping?.plan.separator)
        let name = (input as NSString).lastPathComponent
        let detected = ImportPlan.detect(header: contacts.header)
        guard let plan = mapping.flatMap({ $0.plan(detected: detected) }) ?? detected else {
            var list = ProblemList()
            list.add(.notASnapshot, at: name, Message(.importNotRecognised, .text(contacts.header.joined(separator: ", "))))
            throw Failure(problems: list)
        }
        var rows = CustomerRows(table: contacts, file: name, plan: plan)
        let (ids, latestCustomer) = rows.check()
        var problems = rows.problems
        var readAs = [(input, contacts.encoding, contacts.separator)]
        var touchpoints: [(row: Int, touchpoint: Touchpoint)] = []
        if let path = self.touchpoints {
            let table = try table(path, encoding: plan.touchpoints.encoding, separator: plan.touchpoints.separator)
            var tpName = (path as NSString).lastPathComponent
            if tpName == name { tpName = path }
            readAs.append((path, table.encoding, table.separator))
            var tpRows = TouchpointRows(table: table, file: tpName, plan: plan.touchpoints)
            touchpoints = tpRows.read(known: ids)
            problems.file += tpRows.problems.file
            problems.rows += tpRows.problems.rows
        }
        guard problems.file.isEmpty, skipInvalid || problems.rows.isEmpty else {
            throw Failure(problems: Self.list(problems))
        }
        var latest = latestCustomer ?? Timestamp(microseconds: 0)
        for t in touchpoints { latest = max(latest, t.touchpoint.at) }
        let sink: SnapshotSink = kind == .sqlite
            ? try SQLiteSnapshotWriter(path: output, pageSize: Self.sqlitePageSize, cacheKiB: Self.sqliteCacheKiB)
            : try SnapshotFile.makeSink(path: output, kind: kind)
        try sink.begin(info: SnapshotInfo(name: plan.snapshotName, currency: plan.currency, asOf: latest), stages: rows.stages.finalStages)
        let written = try rows.write(to: sink)
        for t in touchpoints { try sink.add(t.touchpoint) }
        try sink.finish()
        let revenue = touchpoints.reduce(0) { $0 + ($1.touchpoint.value ?? 0) }
        let totals = SnapshotTotals(customers: written.customers, touchpoints: touchpoints.count, transitions: written.transitions,
                                    revenue: revenue)
        let skippedRows = Set(problems.rows.map { "\($0.file)\u{0}\($0.row)" }).count
        return Outcome(totals: totals, skipped: problems.rows.map(\.problem), skippedRows: skippedRows, readAs: readAs)
    }

    private static func list(_ problems: ImportProblems) -> ProblemList {
        var list = ProblemList()
        for p in problems.file { list.add(p) }
        for r in problems.rows { list.add(r.problem) }
        return list
    }

    /// The file at `path` read as CSV; a file that cannot be read throws `SnapshotError`.
    func table(_ path: String, encoding: CSVTable.Encoding?, separator: Character?) throws -> CSVTable {
        guard let file = Self.contents(of: path) else {
            var isDir: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDir)
            throw SnapshotError(path: path, message: Message(!exists ? .noSuchFile : isDir.boolValue ? .isDirectory : .permissionDenied))
        }
        do {
            guard reader == .bytes else {
                return try CSVTable(bytes: Array(file.slice(0..<file.count)), encoding: encoding, separator: separator, reader: reader)
            }
            return try CSVTable.read(file: file, encoding: encoding, separator: separator)
        } catch {
            throw SnapshotError(path: path, message: Message(.cannotBeOpened, .text("\(error)")))
        }
    }

    /// The bytes of the file at `path`, read straight into one buffer; nil when it cannot be read.
    static func contents(of path: String) -> CSVCellBuffer? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return CSVCellBuffer.read(fd, size: Int(info.st_size))
    }
}
