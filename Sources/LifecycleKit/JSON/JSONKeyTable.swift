import Foundation

/// The known fields of one kind of JSON object: cases numbered from 0 in the order of
/// `keys.names`.
protocol JSONObjectFields: CaseIterable, RawRepresentable where RawValue == Int {
    static var keys: JSONKeyTable { get }
    static var required: [Self] { get }
}

extension JSONObjectFields {
    /// The field's key in the file.
    var key: String { Self.keys.names[rawValue] }

    /// The format's field this key is (for a record's fields; see `SnapshotRules`).
    var field: SnapshotField { SnapshotField(rawValue: key)! }
}

/// The field names of one kind of JSON object, matched against key bytes; a field's number
/// is its position in the list.
struct JSONKeyTable {
    let names: [String]
    private let keys: [[UInt8]]

    init(_ names: [String]) {
        self.names = names
        keys = names.map { Array($0.utf8) }
    }

    func match(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = key.first else { return nil }
        for (i, k) in keys.enumerated() where k.count == key.count && k[0] == first {
            if k.withUnsafeBufferPointer({ memcmp($0.baseAddress!, key.baseAddress!, key.count) }) == 0 { return i }
        }
        return nil
    }
}

/// Places and quotes for problem messages.
enum JSONPath {
    /// `base.key`, or `base["odd key"]` when the key is not a plain identifier.
    static func member(_ base: String, _ key: String) -> String {
        let plain = key.utf8.first.map { !($0 >= 48 && $0 <= 57) } ?? false && key.utf8.allSatisfy {
            ($0 >= 97 && $0 <= 122) || ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || $0 == 95
        }
        if plain { return base.isEmpty ? key : "\(base).\(key)" }
        return "\(base)[\(JSONText.string(key))]"
    }

    /// A text as a JSON string for a message, shortened beyond 80 characters.
    static func quoted(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let s = String(decoding: bytes, as: UTF8.self)
        return JSONText.string(s.count > 80 ? s.prefix(80) + "…" : s)
    }

    static func quoted(_ s: String) -> String {
        var s = s
        return s.withUTF8 { quoted($0) }
    }
}
