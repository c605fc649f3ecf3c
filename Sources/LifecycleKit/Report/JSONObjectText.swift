/// One JSON object written field by field, numbers rounded to six decimals.
struct JSONObjectText {
    private var bytes: [UInt8] = [123]
    private var first = true

    var text: String { String(decoding: bytes + [125], as: UTF8.self) }

    private mutating func key(_ k: String) {
        if !first { bytes += Array(", ".utf8) }
        first = false
        JSONText.appendString(k, to: &bytes)
        bytes += Array(": ".utf8)
    }

    mutating func raw(_ k: String, _ value: String) { key(k); bytes += Array(value.utf8) }
    mutating func string(_ k: String, _ value: String?) {
        key(k)
        if let value { JSONText.appendString(value, to: &bytes) } else { bytes += Array("null".utf8) }
    }
    mutating func int(_ k: String, _ value: Int?) { raw(k, value.map(String.init) ?? "null") }
    mutating func number(_ k: String, _ value: Double?) {
        key(k)
        if let value, value.isFinite { JSONText.appendNumber(NumberText.rounded6(value), to: &bytes) } else { bytes += Array("null".utf8) }
    }

    /// A JSON array of values already written (e.g. objects' `text`), one per line.
    static func lines(_ values: [String]) -> String {
        values.isEmpty ? "[]" : "[\n  " + values.joined(separator: ",\n  ") + "\n]"
    }
}
