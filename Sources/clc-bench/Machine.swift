import Foundation

/// The line that says where and when a table was measured.
enum Machine {
    /// `Linux 6.1.0 x86_64 · 2 cores · 23.4 GiB RAM · 2026-11-23T01:30:00Z`
    static func line() -> String {
        var names = utsname()
        uname(&names)
        func field<T>(_ value: T) -> String {
            withUnsafeBytes(of: value) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        }
        let system = [field(names.sysname), field(names.release), field(names.machine)].joined(separator: " ")
        let info = ProcessInfo.processInfo
        let ram = String(format: "%.1f GiB RAM", Double(info.physicalMemory) / Double(1 << 30))
        let date = ISO8601DateFormatter().string(from: Date())
        return "\(system) · \(info.activeProcessorCount) cores · \(ram) · \(date)"
    }
}
