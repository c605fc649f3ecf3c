import Foundation

/// Writes a JSON snapshot, streaming: customers go straight to a temporary file beside the
/// target, touchpoints and transitions to spool files (they may arrive interleaved with
/// customers), joined at `finish()`, which syncs the file and renames it over the target.
/// Until then nothing appears at `path`; on any error the temporary files are removed.
///
/// Output: one object, one array element per line, timestamps in canonical UTC form,
/// optional fields left out when nil.
public final class JSONSnapshotWriter: SnapshotSink {
    private let path: String
    private let tempPath: String
    private var main: BufferedFileOutput?
    private var touchpoints: SpooledArray
    private var transitions: SpooledArray
    private var customerCount = 0
    private var state = State.created

    private enum State { case created, begun, finished, failed }

    /// A writer for a new snapshot at `path` (its temporary file is created at once).
    public init(path: String) throws {
        let url = URL(fileURLWithPath: path)
        self.path = path
        tempPath = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())").path
        touchpoints = SpooledArray(path: tempPath + ".touchpoints")
        transitions = SpooledArray(path: tempPath + ".transitions")
        TemporaryFiles.sweepStale(beside: path)
        for p in [tempPath, touchpoints.path, transitions.path] { TemporaryFiles.register(p) }
        main = try BufferedFileOutput(creating: tempPath) // on failure, deinit removes and unregisters
    }

    deinit { if state != .finished { removeTemporaryFiles() } }

    public func begin(info: SnapshotInfo, stages: [Stage]) throws {
        try step(expecting: .created) { out in
            out.append("{\n  \"format\": ")
            JSONText.appendString(SnapshotFormat.formatName, to: &out.buffer)
            out.append(",\n  \"version\": ")
            JSONText.appendNumber(Double(SnapshotFormat.version), to: &out.buffer)
            if let name = info.name {
                out.append(",\n  \"name\": ")
                JSONText.appendString(name, to: &out.buffer)
            }
            out.append(",\n  \"currency\": ")
            JSONText.appendString(info.currency, to: &out.buffer)
            if let asOf = info.declaredAsOf {
                out.append(",\n  \"as_of\": ")
                JSONText.appendString(asOf.iso8601, to: &out.buffer)
            }
            out.append(",\n  \"stages\": [")
            for (i, stage) in stages.enumerated() {
                out.append(i == 0 ? "\n    " : ",\n    ")
                Self.append(stage, to: out)
            }
            out.append(stages.isEmpty ? "],\n  \"customers\": [" : "\n  ],\n  \"customers\": [")
        }
        state = .begun
    }

    public func add(_ customer: Customer) throws {
        try step(expecting: .begun) { out in
            out.append(customerCount == 0 ? "\n    " : ",\n    ")
            Self.append(customer, to: out)
            customerCount += 1
        }
    }

    public func add(_ touchpoint: Touchpoint) throws {
        try step(expecting: .begun) { _ in try touchpoints.add { Self.append(touchpoint, to: $0) } }
    }

    public func add(_ transition: Transition) throws {
        try step(expecting: .begun) { _ in try transitions.add { Self.append(transition, to: $0) } }
    }

    public func finish() throws {
        try step(expecting: .begun) { out in
            out.append(customerCount == 0 ? "],\n  \"touchpoints\": [" : "\n  ],\n  \"touchpoints\": [")
            try touchpoints.copy(into: out)
            out.append(",\n  \"transitions\": [")
            try transitions.copy(into: out)
            out.append("\n}\n")
            try out.syncAndClose()
            guard rename(tempPath, path) == 0 else {
                throw OperationError(Message(.cannotWrite, .text(path), .text(String(cString: strerror(errno)))))
            }
            Self.syncDirectory(of: path)
        }
        main = nil
        state = .finished
        removeTemporaryFiles()
    }

    /// Runs one step on the main file; any error marks the writer failed and removes its files.
    private func step(expecting expected: State, _ body: (BufferedFileOutput) throws -> Void) throws {
        do {
            guard state == expected, let out = main else {
                throw OperationError(state == .failed ? "the JSON writer failed earlier" : "JSON writer used out of order")
            }
            try body(out)
            try out.flushIfFull()
        } catch {
            state = .failed
            main = nil
            removeTemporaryFiles()
            throw error
        }
    }

    private func removeTemporaryFiles() {
        for p in [tempPath, touchpoints.path, transitions.path] {
            unlink(p)
            TemporaryFiles.unregister(p)
        }
    }

    private static func syncDirectory(of path: String) {
        let dir = open(URL(fileURLWithPath: path).deletingLastPathComponent().path, O_RDONLY | O_CLOEXEC)
        guard dir >= 0 else { return }
        _ = fsync(dir)
        close(dir)
    }

    // MARK: Elements

    private static func append(_ stage: Stage, to out: BufferedFileOutput) {
        var o = ObjectWriter(out)
        o.string("id", stage.id)
        o.string("name", stage.name)
        o.string("description", stage.description)
        o.close()
    }

    private static func append(_ c: Customer, to out: BufferedFileOutput) {
        var o = ObjectWriter(out)
        o.string("id", c.id)
        o.string("name", c.name)
        o.string("email", c.email)
        o.string("stage", c.stage)
        o.string("stage_entered_at", c.stageEnteredAt?.iso8601)
        o.string("created_at", c.createdAt?.iso8601)
        o.string("segment", c.segment)
        if !c.tags.isEmpty { o.raw("tags") { JSONText.appendTags(c.tags, to: &$0) } }
        if !c.attributes.isEmpty { o.raw("attributes") { JSONText.appendAttributes(c.attributes, to: &$0) } }
        o.close()
    }

    private static func append(_ t: Touchpoint, to out: BufferedFileOutput) {
        var o = ObjectWriter(out)
        o.string("id", t.id)
        o.string("customer_id", t.customerID)
        o.string("at", t.at.iso8601)
        o.string("channel", t.channel)
        o.string("type", t.type)
        o.string("campaign", t.campaign)
        if let value = t.value { o.raw("value") { JSONText.appendNumber(value, to: &$0) } }
        o.string("note", t.note)
        o.close()
    }

    private static func append(_ t: Transition, to out: BufferedFileOutput) {
        var o = ObjectWriter(out)
        if let id = t.id { o.raw("id") { $0.append(contentsOf: Array(String(id).utf8)) } }
        o.string("customer_id", t.customerID)
        o.string("from", t.from)
        o.string("to", t.to)
        o.string("at", t.at.iso8601)
        o.string("by", t.by)
        o.string("note", t.note)
        if let reverts = t.reverts { o.raw("reverts") { $0.append(contentsOf: Array(String(reverts).utf8)) } }
        o.close()
    }
}

/// Writes one JSON object's fields in order, leaving out those whose value is nil.
private struct ObjectWriter {
    let out: BufferedFileOutput
    var first = true

    init(_ out: BufferedFileOutput) {
        self.out = out
        out.append("{")
    }

    mutating func string(_ key: StaticString, _ value: String?) {
        guard let value else { return }
        raw(key) { JSONText.appendString(value, to: &$0) }
    }

    /// A field whose value `write` appends to the buffer.
    mutating func raw(_ key: StaticString, _ write: (inout [UInt8]) -> Void) {
        out.append(first ? "\"" : ",\"")
        first = false
        out.append(key)
        out.append("\":")
        write(&out.buffer)
    }

    func close() { out.append("}") }
}

/// The elements of one array, spooled to a file of their own until the main file needs them.
private struct SpooledArray {
    let path: String
    private var file: BufferedFileOutput?
    private var count = 0

    init(path: String) { self.path = path }

    /// Appends one element, written by `element`, on a line of its own.
    mutating func add(_ element: (BufferedFileOutput) -> Void) throws {
        if file == nil { file = try BufferedFileOutput(creating: path) }
        let out = file!
        out.append(count == 0 ? "\n    " : ",\n    ")
        element(out)
        count += 1
        try out.flushIfFull()
    }

    /// Writes the elements and the closing `]` into `out`.
    func copy(into out: BufferedFileOutput) throws {
        guard let file else {
            out.append("]")
            return
        }
        try file.flush()
        try out.append(contentsOfFile: path)
        out.append("\n  ]")
    }
}
