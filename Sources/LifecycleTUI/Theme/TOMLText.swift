import Foundation
import TOMLKit

/// A problem in a theme or config file: where (when known) and what.
public struct TOMLProblem: Error, CustomStringConvertible, Equatable, Sendable {
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(line: Int?, column: Int? = nil, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// `line 3, column 9: message`, or the message alone when the place is unknown.
    public var description: String {
        guard let line else { return message }
        return "line \(line)" + (column.map { ", column \($0)" } ?? "") + ": " + message
    }
}

/// A TOML document read with TOMLKit, with its text kept to say on which line a key stands
/// (TOMLKit gives positions for syntax errors only).
struct TOMLText {
    let text: String
    let table: TOMLTable

    /// Parses `text`; a syntax error becomes a `TOMLProblem` with TOMLKit's line and column.
    init(_ text: String) throws {
        self.text = text
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw TOMLProblem(line: error.source.begin.line, column: error.source.begin.column, message: Self.shorter(error.description))
        }
    }

    /// toml++'s "Error while parsing value: could not determine value type" as "bad value: …".
    private static func shorter(_ message: String) -> String {
        let prefix = "Error while parsing "
        return message.hasPrefix(prefix) ? "bad " + message.dropFirst(prefix.count) : message
    }

    /// The file at `path` read and given to `parse`; nil when there is no such file. An
    /// unreadable or invalid file throws a `SettingsError` naming the file, line and problem.
    static func readFile<T>(_ path: String, home: String?, _ parse: (String) throws -> T) throws -> T? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw SettingsError.file(path, TOMLProblem(line: nil, message: "cannot be read as UTF-8 text"), home: home)
        }
        do {
            return try parse(text)
        } catch let problem as TOMLProblem {
            throw SettingsError.file(path, problem, home: home)
        }
    }

    /// A problem at `key` of `[section]` (top level when nil; the section header when `key` is nil).
    func problem(_ message: String, key: String?, in section: String? = nil) -> TOMLProblem {
        TOMLProblem(line: line(ofKey: key, in: section), message: message)
    }

    /// The line of `key = …` in `[section]` (top level when `section` is nil), else the
    /// section's header line, else nil.
    func line(ofKey key: String?, in section: String?) -> Int? {
        var current: String?
        var headerLine: Int?
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("["), let close = line.firstIndex(of: "]") {
                current = Self.bare(line[line.index(after: line.startIndex)..<close])
                if current == section, headerLine == nil {
                    headerLine = index + 1
                    if key == nil { return index + 1 }
                }
            } else if current == section, let key, let eq = line.firstIndex(of: "="), Self.bare(line[..<eq]) == key {
                return index + 1
            }
        }
        return headerLine
    }

    /// A key or table name without surrounding blanks and quotes.
    private static func bare(_ text: Substring) -> String {
        text.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
    }

    /// A value as the file would show it, for messages.
    static func shown(_ value: TOMLValueConvertible) -> String {
        value.string.map { "\"\($0)\"" } ?? value.debugDescription
    }
}
