import Foundation

/// What identifies the content of a JSON snapshot: its size and a hash of its first and
/// last 64 KiB. A journal names the file it belongs to by this.
struct JSONBaseIdentity: Equatable {
    var size: Int
    var hash: UInt64

    private static let window = 64 * 1024

    init(size: Int, hash: UInt64) {
        self.size = size
        self.hash = hash
    }

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        let n = bytes.count
        let head = min(n, Self.window)
        for i in 0..<head { h = (h ^ UInt64(bytes[i])) &* 0x100_0000_01b3 }
        for i in max(head, n - Self.window)..<n { h = (h ^ UInt64(bytes[i])) &* 0x100_0000_01b3 }
        self.init(size: n, hash: h)
    }

    init(_ bytes: [UInt8]) { self = bytes.withUnsafeBufferPointer { JSONBaseIdentity($0) } }

    /// The identity of the file at `path`.
    init(path: String) throws {
        let file = try MappedFile(path: path)
        self.init(file.bytes)
    }

    var hashText: String { String(hash, radix: 16) }
}

/// Which file a path names and its size and modification time, to tell whether it changed.
struct JSONFileStamp: Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var mtimeSeconds: Int64
    var mtimeNanoseconds: Int64

    /// Nil when the file cannot be examined.
    init?(path: String) {
        var s = stat()
        guard stat(path, &s) == 0 else { return nil }
        device = UInt64(s.st_dev)
        inode = UInt64(s.st_ino)
        size = Int64(s.st_size)
        mtimeSeconds = Int64(s.st_mtim.tv_sec)
        mtimeNanoseconds = Int64(s.st_mtim.tv_nsec)
    }
}

/// One stage change as the journal records it: with the id of its transition and, for an
/// undo, what it reverts and the `stage_entered_at` it restores.
struct JournalMove: Equatable {
    var customerID: String
    var from: String?
    var to: String
    var id: Int64?
    var reverting: Reversal?
}

/// One action (one `apply`): its moves, when, by whom and why.
struct JournalAction: Equatable {
    var at: Timestamp
    var by: String
    var note: String?
    var moves: [JournalMove]
}

/// The journal beside a JSON snapshot (`<snapshot>.clc-journal`): the stage changes made
/// since the file was last saved, one action per line, each line fsync'ed before the change
/// is shown. The file itself is never rewritten in place.
///
/// Line 1: `{"clc_journal":1,"base_size":N,"base_hash":"…"}` names the snapshot it belongs
/// to. Then one line per action: `{"at":…,"by":…,"note":…,"moves":[{"customer_id":…,
/// "from":…,"to":…}]}`. `save()` appends `{"saved":{"size":N,"hash":"…"}}` (the new file)
/// before renaming the new file into place, so that a crash before the journal is removed
/// leaves a journal recognised as already saved.
///
/// A last line that is torn (no newline) or garbled is ignored (and cut off before the next
/// append); a garbled line before the last makes the journal stale (`StaleJournal`: not replayed,
/// left alone, the file read as it is on disk).
final class JSONJournal {
    let path: String
    /// Actions read when the snapshot was opened.
    private(set) var actions: [JournalAction]
    /// Actions in the journal (read and appended since).
    private(set) var actionCount: Int
    /// The bytes of whole, valid lines; anything after is cut off before appending.
    private var validLength: Int
    /// Whether the journal holds a header for the current base (false: none, or stale).
    private var hasHeader: Bool
    private var fd: Int32 = -1
    /// The journal was created by this program and its directory not yet synced.
    private var needsDirectorySync = false

    static func path(for snapshotPath: String) -> String { snapshotPath + ".clc-journal" }

    private init(path: String, actions: [JournalAction], validLength: Int, hasHeader: Bool) {
        self.path = path
        self.actions = actions
        actionCount = actions.count
        self.validLength = validLength
        self.hasHeader = hasHeader
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Reads the journal of the snapshot at `snapshotPath` (an empty one when there is none).
    /// Throws `StaleJournal` when it belongs to another version of the file or is garbled
    /// before its last line; reading changes nothing on disk.
    static func read(snapshotPath: String, base: JSONBaseIdentity) throws -> JSONJournal {
        let path = Self.path(for: snapshotPath)
        guard let data = FileManager.default.contents(atPath: path) else {
            return JSONJournal(path: path, actions: [], validLength: 0, hasHeader: false)
        }
        let bytes = [UInt8](data)
        // Whole lines only: a last line without its newline is a torn write.
        var lines: [(start: Int, end: Int)] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == 10 {
            lines.append((start, i))
            start = i + 1
        }
        func object(_ k: Int) -> [String: Any]? {
            let line = Data(bytes[lines[k].start..<lines[k].end])
            return (try? JSONSerialization.jsonObject(with: line)) as? [String: Any]
        }
        guard !lines.isEmpty else { return JSONJournal(path: path, actions: [], validLength: 0, hasHeader: false) }
        guard let header = object(0), header["clc_journal"] as? Int == 1,
              let size = header["base_size"] as? Int, let hash = (header["base_hash"] as? String).flatMap({ UInt64($0, radix: 16) })
        else {
            if lines.count == 1 { return JSONJournal(path: path, actions: [], validLength: 0, hasHeader: false) }
            throw StaleJournal(path: path, problem: Message(.journalNoHeader),
                               actionCount: (1..<lines.count).filter { object($0).flatMap(Self.action) != nil }.count)
        }
        if JSONBaseIdentity(size: size, hash: hash) != base {
            // No action yet, or saved already (a crash between the rename and removing the journal)?
            if lines.count == 1 { return JSONJournal(path: path, actions: [], validLength: 0, hasHeader: false) }
            if let last = object(lines.count - 1), let saved = last["saved"] as? [String: Any],
               saved["size"] as? Int == base.size, (saved["hash"] as? String).flatMap({ UInt64($0, radix: 16) }) == base.hash {
                return JSONJournal(path: path, actions: [], validLength: 0, hasHeader: false)
            }
            throw StaleJournal(path: path, problem: Message(.journalOtherVersion, .count(size), .count(base.size)),
                               actionCount: (1..<lines.count).filter { object($0).flatMap(Self.action) != nil }.count)
        }
        var actions: [JournalAction] = []
        var valid = lines[0].end + 1
        for k in 1..<lines.count {
            let parsed = object(k)
            if parsed?["saved"] != nil {
                valid = lines[k].end + 1
                continue
            }
            guard let parsed, let action = Self.action(parsed) else {
                if k == lines.count - 1 { break }
                throw StaleJournal(path: path, problem: Message(.journalDamaged, .count(k + 1)),
                                   actionCount: (1..<lines.count).filter { object($0).flatMap(Self.action) != nil }.count)
            }
            actions.append(action)
            valid = lines[k].end + 1
        }
        return JSONJournal(path: path, actions: actions, validLength: valid, hasHeader: true)
    }

    private static func action(_ o: [String: Any]) -> JournalAction? {
        guard let at = (o["at"] as? String).flatMap({ Timestamp($0) }), let by = o["by"] as? String,
              let moves = o["moves"] as? [[String: Any]] else { return nil }
        let note = o["note"] as? String
        if o["note"] != nil, !(o["note"] is NSNull), note == nil { return nil }
        var result: [JournalMove] = []
        for m in moves {
            guard let id = m["customer_id"] as? String, let to = m["to"] as? String else { return nil }
            var reversal: Reversal?
            if let target = (m["reverts"] as? NSNumber)?.int64Value {
                let entered = m["stage_entered_at"] as? String
                if entered != nil && Timestamp(entered!) == nil { return nil }
                reversal = Reversal(transitionID: target, stageEnteredAt: entered.flatMap { Timestamp($0) })
            }
            result.append(JournalMove(customerID: id, from: m["from"] as? String, to: to,
                                      id: (m["id"] as? NSNumber)?.int64Value, reverting: reversal))
        }
        return JournalAction(at: at, by: by, note: note, moves: result)
    }

    /// Applies the actions read to the tables (before the indexes are built). Throws
    /// `StaleJournal`, the tables unchanged, when an action names an unknown customer or stage.
    func replay(into tables: inout SnapshotTables) throws {
        for (k, action) in actions.enumerated() {
            for move in action.moves where tables.customerRow(of: move.customerID) == nil || tables.stagePosition(of: move.to) == nil {
                throw StaleJournal(path: path, problem: Message(.journalUnknownReference, .count(k + 1)),
                                   actionCount: actions.count)
            }
        }
        for action in actions {
            for move in action.moves {
                tables.move(customerRow: tables.customerRow(of: move.customerID)!, to: tables.stagePosition(of: move.to)!,
                            at: action.at, by: action.by, note: action.note, id: move.id, reverting: move.reverting)
            }
        }
        actions = []
    }

    // MARK: Writing

    /// Appends one action and forces it to disk.
    func append(_ action: JournalAction, base: JSONBaseIdentity) throws {
        var line: [UInt8] = []
        line.append(contentsOf: Array("{\"at\":".utf8))
        JSONText.appendString(action.at.iso8601, to: &line)
        line.append(contentsOf: Array(",\"by\":".utf8))
        JSONText.appendString(action.by, to: &line)
        if let note = action.note {
            line.append(contentsOf: Array(",\"note\":".utf8))
            JSONText.appendString(note, to: &line)
        }
        line.append(contentsOf: Array(",\"moves\":[".utf8))
        for (i, m) in action.moves.enumerated() {
            line.append(contentsOf: Array((i == 0 ? "{\"customer_id\":" : ",{\"customer_id\":").utf8))
            JSONText.appendString(m.customerID, to: &line)
            if let from = m.from {
                line.append(contentsOf: Array(",\"from\":".utf8))
                JSONText.appendString(from, to: &line)
            }
            line.append(contentsOf: Array(",\"to\":".utf8))
            JSONText.appendString(m.to, to: &line)
            if let id = m.id { line.append(contentsOf: Array(",\"id\":\(id)".utf8)) }
            if let r = m.reverting {
                line.append(contentsOf: Array(",\"reverts\":\(r.transitionID),\"stage_entered_at\":".utf8))
                if let t = r.stageEnteredAt { JSONText.appendString(t.iso8601, to: &line) } else { line.append(contentsOf: Array("null".utf8)) }
            }
            line.append(125)
        }
        line.append(contentsOf: Array("]}\n".utf8))
        try write(line, base: base)
        actionCount += 1
    }

    /// Records that the snapshot was saved as the file with identity `saved`.
    func appendSaved(_ saved: JSONBaseIdentity, base: JSONBaseIdentity) throws {
        try write(Array("{\"saved\":{\"size\":\(saved.size),\"hash\":\"\(saved.hashText)\"}}\n".utf8), base: base)
    }

    /// Removes the journal (after a save) and starts afresh.
    func remove() throws {
        if fd >= 0 { close(fd) }
        fd = -1
        guard unlink(path) == 0 || errno == ENOENT else {
            throw MoveError(.io("cannot remove the journal \(path): \(String(cString: strerror(errno)))"), path: path)
        }
        Self.syncDirectory(of: path)
        actionCount = 0
        validLength = 0
        hasHeader = false
    }

    private func failure(_ what: String) -> MoveError {
        MoveError(.io("cannot write the journal \(path): \(what) (\(String(cString: strerror(errno))))"), path: path)
    }

    private func openForWriting() throws {
        guard fd < 0 else { return }
        needsDirectorySync = access(path, F_OK) != 0
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure("open") }
    }

    /// Runs `body` holding an exclusive lock on the journal (creating it), so that another
    /// program appending to the same journal waits.
    func withLock<R>(_ body: () throws -> R) throws -> R {
        try openForWriting()
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw failure("lock") }
        }
        defer { _ = flock(fd, LOCK_UN) }
        return try body()
    }

    /// The actions other programs appended since this journal was read (complete lines only;
    /// a line still being written, or garbled, stops the reading).
    func readNew(base: JSONBaseIdentity) throws -> [JournalAction] {
        let input = open(path, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { return [] }
        defer { close(input) }
        var info = stat()
        guard fstat(input, &info) == 0 else { return [] }
        let from = hasHeader ? validLength : 0
        let size = Int(info.st_size)
        guard size > from else { return [] }
        var bytes = [UInt8](repeating: 0, count: size - from)
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeMutableBufferPointer { pread(input, $0.baseAddress! + done, $0.count - done, off_t(from + done)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            done += n
        }
        var actions: [JournalAction] = []
        var start = 0
        var offset = from
        var header = !hasHeader
        for i in 0..<done where bytes[i] == 10 {
            let line = Data(bytes[start..<i])
            let object = (try? JSONSerialization.jsonObject(with: line)) as? [String: Any]
            if header {
                guard let object, object["clc_journal"] as? Int == 1, object["base_size"] as? Int == base.size,
                      (object["base_hash"] as? String).flatMap({ UInt64($0, radix: 16) }) == base.hash else { return [] }
                header = false
                hasHeader = true
            } else if object?["saved"] == nil {
                guard let object, let action = Self.action(object) else { break }
                actions.append(action)
            }
            start = i + 1
            offset = from + start
            validLength = offset
        }
        actionCount += actions.count
        return actions
    }

    private func write(_ line: [UInt8], base: JSONBaseIdentity) throws {
        try openForWriting()
        let created = needsDirectorySync
        var bytes: [UInt8] = []
        if !hasHeader {
            validLength = 0
            bytes = Array("{\"clc_journal\":1,\"base_size\":\(base.size),\"base_hash\":\"\(base.hashText)\"}\n".utf8)
        }
        bytes.append(contentsOf: line)
        // Cut off a torn or garbled tail, then write at the end of the valid lines.
        guard ftruncate(fd, off_t(validLength)) == 0 else { throw failure("truncate") }
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBufferPointer { pwrite(fd, $0.baseAddress! + done, $0.count - done, off_t(validLength + done)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                _ = ftruncate(fd, off_t(validLength))
                throw failure("write")
            }
            done += n
        }
        guard fsync(fd) == 0 else {
            _ = ftruncate(fd, off_t(validLength))
            throw failure("fsync")
        }
        if created {
            Self.syncDirectory(of: path)
            needsDirectorySync = false
        }
        validLength += bytes.count
        hasHeader = true
    }

    static func syncDirectory(of path: String) {
        let dir = open(URL(fileURLWithPath: path).deletingLastPathComponent().path, O_RDONLY | O_CLOEXEC)
        guard dir >= 0 else { return }
        _ = fsync(dir)
        close(dir)
    }
}

extension SnapshotTables {
    /// Sets a customer's stage and `stage_entered_at` (`at`, or for an undo the one it
    /// restores) and appends the transition (columns only) with `id` (else the next free one).
    /// Returns the customer's `stage_entered_at` before.
    @discardableResult
    mutating func move(customerRow row: Int, to stage: Int, at: Timestamp, by: String, note: String?,
                       id: Int64? = nil, reverting: Reversal? = nil) -> Timestamp? {
        let from = customers.stages[row]
        let before = Timestamp(stored: customers.stageEnteredAt[row])
        customers.stages[row] = Int32(stage)
        customers.stageEnteredAt[row] = reverting.map { $0.stageEnteredAt?.microseconds ?? noTimestamp } ?? at.microseconds
        let newID = id ?? transitions.nextID
        transitions.ids.append(newID)
        transitions.maxID = max(transitions.maxID, newID)
        transitions.reverts.append(reverting?.transitionID ?? 0)
        transitions.customers.append(Int32(row))
        transitions.from.append(from)
        transitions.to.append(Int32(stage))
        transitions.at.append(at.microseconds)
        var by = by
        transitions.by.append(by.withUTF8 { words.intern($0) })
        if var note {
            note.withUTF8 { transitions.notes.append($0) }
        } else {
            transitions.notes.appendNil()
        }
        return before
    }
}
