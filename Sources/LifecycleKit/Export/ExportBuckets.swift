import Foundation

/// The rows of an export read in id order, sorted into their stages: bucket 0 (the first
/// stage) is written at once by the caller; the others wait here, each in memory up to 4 MiB
/// and beyond that in an unnamed temporary file, until `drain` writes them in stage order.
struct ExportBuckets {
    private let stages: [[UInt8]]
    private let byName: [String: Int]
    private var buffers: [[UInt8]]
    private var spills: [UnsafeMutablePointer<FILE>?]
    private let spillAt: Int

    /// Buckets for `stages` (distinct ids, in output order), spilled beyond `spillAt` bytes each.
    init(stages: [String], spillAt: Int = 4 << 20) {
        self.spillAt = spillAt
        self.stages = stages.map { Array($0.utf8) }
        byName = stages.count > 16 ? Dictionary(stages.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a }) : [:]
        buffers = Array(repeating: [], count: stages.count)
        spills = Array(repeating: nil, count: stages.count)
    }

    /// The bucket of a row whose stage id is `stage`; nil for a stage not exported.
    func index(of stage: UnsafeBufferPointer<UInt8>?) -> Int? {
        guard let stage else { return nil }
        if !byName.isEmpty { return byName[String(decoding: stage, as: UTF8.self)] }
        return stages.firstIndex { $0.count == stage.count && $0.withUnsafeBufferPointer { memcmp($0.baseAddress!, stage.baseAddress!, stage.count) == 0 } }
    }

    /// Lets `body` append a row to bucket `i` (not 0), spilling the bucket when it grew big.
    mutating func add(_ i: Int, _ body: (inout [UInt8]) throws -> Void) throws {
        try body(&buffers[i])
        guard buffers[i].count >= spillAt else { return }
        if spills[i] == nil {
            guard let file = tmpfile() else { throw OperationError("cannot create a temporary file: \(String(cString: strerror(errno)))") }
            spills[i] = file
        }
        try Self.put(buffers[i], spills[i]!)
        buffers[i].removeAll(keepingCapacity: true)
    }

    /// Hands every bucket but the first to `write`, in stage order, and closes the spill files.
    mutating func drain(_ write: ([UInt8]) throws -> Void) throws {
        defer { close() }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        for i in stages.indices.dropFirst() {
            if let file = spills[i] {
                rewind(file)
                while true {
                    let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
                    if n > 0 { try write(Array(chunk[0..<n])) }
                    if n < chunk.count { break }
                }
                guard ferror(file) == 0 else { throw OperationError("cannot read back a temporary file") }
            }
            try write(buffers[i])
            buffers[i] = []
        }
    }

    /// Closes the spill files (they have no name: closing removes them).
    mutating func close() {
        for i in spills.indices { if let file = spills[i] { fclose(file) } }
        spills = Array(repeating: nil, count: spills.count)
    }

    private static func put(_ bytes: [UInt8], _ file: UnsafeMutablePointer<FILE>) throws {
        let n = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        guard n == bytes.count else { throw OperationError("cannot write a temporary file: \(String(cString: strerror(errno)))") }
    }
}
