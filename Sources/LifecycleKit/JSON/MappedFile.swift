import Foundation

/// A file's bytes, mapped read-only (or read, for pipes and other non-regular files). Pages
/// already parsed can be given back, so that reading a big file does not keep all of it
/// resident: a page given back is read again from the file if touched later.
final class MappedFile {
    let bytes: UnsafeBufferPointer<UInt8>
    private let mapped: Bool
    private var released = 0
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// Throws `SnapshotError` naming the problem when the file cannot be read.
    init(path: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            let reason = errno == ENOENT ? Message(.noSuchFile) : errno == EACCES ? Message(.permissionDenied)
                : Message(.cannotBeOpened, .text(String(cString: strerror(errno))))
            throw SnapshotError(path: path, message: reason)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw SnapshotError(path: path, message: Message(.cannotBeRead)) }
        if info.st_mode & S_IFMT == S_IFDIR { throw SnapshotError(path: path, message: Message(.isDirectory)) }
        let size = Int(info.st_size)
        if info.st_mode & S_IFMT == S_IFREG {
            guard size > 0 else {
                bytes = UnsafeBufferPointer(start: nil, count: 0)
                mapped = false
                return
            }
            guard let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else {
                throw SnapshotError(path: path, message: "cannot be mapped into memory (\(String(cString: strerror(errno))))")
            }
            _ = madvise(p, size, MADV_SEQUENTIAL)
            bytes = UnsafeBufferPointer(start: p.assumingMemoryBound(to: UInt8.self), count: size)
            mapped = true
        } else {
            let data = FileHandle(fileDescriptor: fd, closeOnDealloc: false).readDataToEndOfFile()
            let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: data.count)
            _ = copy.initialize(from: data)
            bytes = UnsafeBufferPointer(copy)
            mapped = false
        }
    }

    /// Gives back the whole pages below `offset`.
    func release(below offset: Int) {
        guard mapped, let base = bytes.baseAddress else { return }
        let end = offset / Self.pageSize * Self.pageSize
        guard end > released else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + released), end - released, MADV_DONTNEED)
        released = end
    }

    deinit {
        guard let base = bytes.baseAddress else { return }
        if mapped {
            munmap(UnsafeMutableRawPointer(mutating: base), bytes.count)
        } else {
            base.deallocate()
        }
    }
}
