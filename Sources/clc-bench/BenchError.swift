import Foundation

/// A measurement that could not be made, with the reason shown in the table.
struct BenchError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) { self.description = description }

    /// The failed call and `errno`'s text.
    static func posix(_ call: String) -> BenchError { BenchError("\(call): \(String(cString: strerror(errno)))") }
}
