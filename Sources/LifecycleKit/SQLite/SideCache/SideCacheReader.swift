import Foundation

/// Reads a side cache file front to back: a framed JSON header (magic, big-endian UInt32
/// length, the header's checksum, the JSON), then raw arrays in the machine's byte order,
/// each added to a running checksum. Every count comes from a file that may be damaged: an
/// array is never read past the end of the file.
struct SideCacheReader {
    private let handle: FileHandle
    private let size: Int
    private(set) var checksum = SideCacheChecksum()

    init?(_ url: URL) {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        var status = stat()
        guard fstat(handle.fileDescriptor, &status) == 0 else { return nil }
        self.handle = handle
        size = Int(status.st_size)
    }

    func close() { try? handle.close() }

    /// The header after `magic`, when its checksum accepts it; nil otherwise.
    func header(magic: [UInt8]) -> Data? {
        guard let start = try? handle.read(upToCount: magic.count + 12), start.count == magic.count + 12,
              Array(start.prefix(magic.count)) == magic else { return nil }
        let length = start.dropFirst(magic.count).prefix(4).reduce(0) { $0 << 8 | Int($1) }
        guard length <= size, let json = try? handle.read(upToCount: length), json.count == length,
              SideCacheChecksum.accepts(stored: SideCacheChecksum.value(start.suffix(8)), computed: SideCacheChecksum.of(json))
        else { return nil }
        return json
    }

    /// The next `count` values; nil when the file ends first.
    mutating func array<T: BitwiseCopyable>(_ count: Int) -> [T]? {
        guard count >= 0, count <= size / max(1, MemoryLayout<T>.stride) else { return nil }
        return Self.array(handle.fileDescriptor, count, &checksum)
    }

    /// The next `n` values read from `fd` into a new array, added to `checksum`; nil (and
    /// nothing added) when the file ends first.
    static func array<T: BitwiseCopyable>(_ fd: Int32, _ n: Int, _ checksum: inout SideCacheChecksum) -> [T]? {
        var complete = false
        let out = [T](unsafeUninitializedCapacity: n) { buffer, initialized in
            let bytes = UnsafeMutableRawBufferPointer(buffer)
            var done = 0
            while done < bytes.count {
                let got = Foundation.read(fd, bytes.baseAddress! + done, bytes.count - done)
                if got <= 0 { break }
                done += got
            }
            complete = done == bytes.count
            if !complete { memset(bytes.baseAddress!, 0, bytes.count) }
            initialized = n
        }
        guard complete else { return nil }
        checksum.add(out)
        return out
    }

    /// True when nothing follows.
    func atEnd() -> Bool {
        var extra: UInt8 = 0
        return Foundation.read(handle.fileDescriptor, &extra, 1) == 0
    }

    /// The framing of `header` written by `SideCacheFile.replace`: magic, length, checksum.
    static func frame(magic: [UInt8], header json: Data) -> [UInt8] {
        let length = UInt32(json.count)
        return magic + [UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)]
            + SideCacheChecksum.bytes(SideCacheChecksum.of(json)) + [UInt8](json)
    }
}
