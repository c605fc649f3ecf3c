import Foundation

/// A new file written through a 1 MiB buffer; callers append to `buffer` and then call
/// `flushIfFull()`.
final class BufferedFileOutput {
    let path: String
    var buffer: [UInt8] = []
    private var fd: Int32
    private static let capacity = 1 << 20

    /// Creates (or truncates) the file at `path`.
    init(creating path: String) throws {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OperationError(Message(.cannotCreate, .text(path), .text(String(cString: strerror(errno))))) }
        buffer.reserveCapacity(Self.capacity + 64 * 1024)
    }

    deinit { if fd >= 0 { close(fd) } }

    func append(_ text: StaticString) {
        buffer.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    func flushIfFull() throws {
        if buffer.count >= Self.capacity { try flush() }
    }

    func flush() throws {
        try buffer.withUnsafeBufferPointer { try write($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Appends the whole content of the file at `source` (after what is buffered).
    func append(contentsOfFile source: String) throws {
        try flush()
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw OperationError(Message(.cannotReadFile, .text(source), .text(String(cString: strerror(errno))))) }
        defer { close(input) }
        let chunk = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: Self.capacity)
        defer { chunk.deallocate() }
        while true {
            let n = read(input, chunk.baseAddress, chunk.count)
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw OperationError(Message(.cannotReadFile, .text(source), .text(String(cString: strerror(errno))))) }
            if n == 0 { return }
            try write(UnsafeBufferPointer(rebasing: chunk[..<n]))
        }
    }

    /// Flushes, forces the data to disk and closes the file.
    func syncAndClose() throws {
        try flush()
        guard fsync(fd) == 0 else { throw OperationError(Message(.cannotWrite, .text(path), .text(String(cString: strerror(errno))))) }
        close(fd)
        fd = -1
    }

    private func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        var done = 0
        while done < bytes.count {
            let n = Foundation.write(fd, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw OperationError(Message(.cannotWrite, .text(path), .text(String(cString: strerror(errno))))) }
            done += n
        }
    }
}
