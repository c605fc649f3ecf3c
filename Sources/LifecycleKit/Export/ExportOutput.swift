import Foundation

/// Where an export's bytes go: standard output, or a file written atomically (a temporary
/// file beside it, renamed over it at the end; removed if the process is interrupted).
public final class ExportOutput {
    private let fd: Int32
    /// The file's path; nil for standard output.
    public let path: String?
    private let temporary: String?
    private var committed = false

    /// Standard output.
    public static func standardOutput() -> ExportOutput { ExportOutput(fd: 1, path: nil, temporary: nil) }

    /// A new file at `path`: throws when it exists and `force` is false.
    public static func file(_ path: String, force: Bool) throws -> ExportOutput {
        if FileManager.default.fileExists(atPath: path) && !force {
            throw OperationError(Message(.outputExists, .text(path)))
        }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())").path
        TemporaryFiles.register(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            TemporaryFiles.unregister(temporary)
            throw OperationError(Message(.cannotCreate, .text(path), .text(String(cString: strerror(errno)))))
        }
        return ExportOutput(fd: fd, path: path, temporary: temporary)
    }

    private init(fd: Int32, path: String?, temporary: String?) {
        self.fd = fd
        self.path = path
        self.temporary = temporary
    }

    deinit {
        guard let temporary else { return }
        if fd >= 0 { close(fd) }
        if !committed { unlink(temporary) }
        TemporaryFiles.unregister(temporary)
    }

    /// Writes all of `bytes`.
    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBufferPointer { b in
            var done = 0
            while done < b.count {
                let n = Foundation.write(fd, b.baseAddress! + done, b.count - done)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else {
                    throw OperationError(Message(.cannotWrite, .text(path ?? "-"), .text(String(cString: strerror(errno)))))
                }
                done += n
            }
        }
    }

    /// Makes the file appear under its name (nothing for standard output).
    func commit() throws {
        guard let temporary, let path else { return }
        guard fsync(fd) == 0, rename(temporary, path) == 0 else {
            throw OperationError(Message(.cannotWrite, .text(path), .text(String(cString: strerror(errno)))))
        }
        committed = true
    }
}
