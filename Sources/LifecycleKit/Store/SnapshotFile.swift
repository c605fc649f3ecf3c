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
