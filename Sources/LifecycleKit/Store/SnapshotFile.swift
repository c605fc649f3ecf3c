import Foundation

/// Opens, validates and creates snapshot files, JSON or SQLite.
public enum SnapshotFile {
    public enum Kind: String, Sendable { case json, sqlite }

    /// The kind an output path asks for by its extension: `.json`, or `.sqlite`/`.db`/`.sqlite3`.
    public static func kind(forExtension path: String) -> Kind? {
        switch (path as NSString).pathExtension.lowercased() {
        case "json": return .json
        case "sqlite", "db", "sqlite3": return .sqlite
        default: return nil
        }
    }

    /// The kind of an existing file, told by its first bytes (SQLite's header, else JSON).
    public static func kind(ofFileAt path: String) throws -> Kind {
        // Read through a descriptor kept open: the file may be open in SQLite in this process,
        // and closing any descriptor of it would drop that connection's locks.
        let sqliteHeader = Array("SQLite format 3".utf8)
        if let head = HeldFileDescriptors.bytes(path, at: 0, count: 16, keep: { $0.starts(with: sqliteHeader) }) {
            return head.starts(with: sqliteHeader) ? .sqlite : .json
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
                throw SnapshotError(path: path, message: Message(isDir.boolValue ? .isDirectory : .permissionDenied))
            }
            throw SnapshotError(path: path, message: Message(.noSuchFile))
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 16)) ?? Data()
        if head.starts(with: Array("SQLite format 3".utf8)) { return .sqlite }
        return .json
    }

    /// Write to a file whose permissions forbid writing to everyone when this process could
    /// anyway (root): `clc move --force`, or `CLC_WRITE_PROTECTED_FILES=1`. Off by default.
    nonisolated(unsafe) public static var writesProtectedFiles = ProcessInfo.processInfo.environment["CLC_WRITE_PROTECTED_FILES"] == "1"

    /// True when `path` and its directory can be written, and the file is not write-protected
    /// for everyone (see `writesProtectedFiles`): a snapshot opens read-only otherwise.
    public static func isWritable(_ path: String) -> Bool {
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return access(path, W_OK) == 0 && access(dir, W_OK) == 0 && (writesProtectedFiles || !isWriteProtected(path))
    }

    /// The file's permissions let no one write it (e.g. `chmod 444`), whoever could anyway.
    static func isWriteProtected(_ path: String) -> Bool {
        var s = stat()
        return stat(path, &s) == 0 && s.st_mode & 0o222 == 0
    }

    /// Why a snapshot at `path` opens read-only when its permissions alone make it so (this
    /// process could write it, as root can); nil otherwise.
    public static func writeProtectionReason(_ path: String) -> Message? {
        guard !writesProtectedFiles, isWriteProtected(path), access(path, W_OK) == 0 else { return nil }
        return Message(.writeProtected, .text(path))
    }

    /// Opens a snapshot for browsing and reporting. Throws `SnapshotError` naming every
    /// problem (with its place) when the file is broken.
    public static func open(_ path: String) throws -> any SnapshotStore {
        TemporaryFiles.sweepStale(beside: path)
        switch try kind(ofFileAt: path) {
        case .json: return try JSONSnapshotStore(path: path)
        case .sqlite: return try SQLiteSnapshotStore(path: path)
        }
    }

    /// Opens a snapshot for the dashboard, as `open` does; a JSON file is marked as open in
    /// a dashboard for as long as the store holds it (until `releaseFile()`), so that
    /// `clc move` sends its change through the journal instead of rewriting the file. Waits
    /// a few seconds for a `clc move` that is rewriting the file.
    public static func openInDashboard(_ path: String) throws -> any SnapshotStore {
        guard try kind(ofFileAt: path) == .json else { return try open(path) }
        // A directory clc cannot write gets no mark: nothing can rewrite the file there anyway.
        let lock = try? JSONOpenLock.acquire(path, .shared, timeout: 10)
        if lock == nil, access(JSONOpenLock.path(for: path), F_OK) == 0, JSONMoveState.isWritable(path) {
            throw SnapshotError(path: path, message: Message(.beingRewritten, .text(JSONOpenLock.path(for: path))))
        }
        let store = try JSONSnapshotStore(path: path)
        store.holdOpenLock(lock)
        return store
    }

    /// Opens a snapshot as `open` does, and refuses a SQLite file with any error `validate`
    /// finds (opening a JSON file validates it whole already).
    public static func openValidated(_ path: String) throws -> any SnapshotStore {
        let store = try open(path)
        try (store as? SQLiteSnapshotStore)?.requireValid()
        return store
    }

    /// Converts `input` into a new file at `output` of `kind`: the whole input is validated
    /// first, and `output` appears only when everything was written (a temporary file beside
    /// it, renamed at the very end; removed on any failure). Returns what was written.
    public static func convert(_ input: String, to output: String, kind: Kind, force: Bool) throws -> SnapshotTotals {
        if FileManager.default.fileExists(atPath: output) && !force {
            throw OperationError(Message(.outputExists, .text(output)))
        }
        if let a = try? FileManager.default.attributesOfItem(atPath: input)[.systemFileNumber] as? Int,
           let b = try? FileManager.default.attributesOfItem(atPath: output)[.systemFileNumber] as? Int, a == b {
            throw OperationError(Message(.sameFile))
        }
        let store = try openValidated(input)
        let totals = try store.totals()
        try store.export(to: try makeSink(path: output, kind: kind))
        return totals
    }

    /// Every problem of the file, errors and warnings, each with its place. Never throws:
    /// an unreadable file is reported as a problem.
    public static func validate(_ path: String) -> ProblemList {
        do {
            switch try kind(ofFileAt: path) {
            case .json:
                do { return try JSONSnapshotStore(path: path).problems } catch let error as SnapshotError { return error.problems }
            case .sqlite:
                return SQLiteValidator.validate(path: path)
            }
        } catch let error as SnapshotError {
            return error.problems
        } catch {
            var list = ProblemList()
            list.add(.notASnapshot, at: "", "\(error)")
            return list
        }
    }

    /// A writer for a new file at `path`; the file appears only when the sink finishes.
    public static func makeSink(path: String, kind: Kind) throws -> SnapshotSink {
        switch kind {
        case .json: return try JSONSnapshotWriter(path: path)
        case .sqlite: return try SQLiteSnapshotWriter(path: path)
        }
    }
}
