import TOMLKit

/// Typed values of a mapping file, each wrong one a problem naming its key.
extension MappingReader {
    mutating func add(_ section: String?, _ key: String?, _ message: Message) {
        let place = [section.map { "[\($0)]" }, key].compactMap { $0 }.joined(separator: " ")
        problems.add(.invalidField, at: place.isEmpty ? file : "\(file) \(place)", message)
    }

    mutating func check(_ t: TOMLTable, _ known: [String], section: String?) {
        for key in t.keys where !known.contains(key) {
            add(section, key, Message(.importMappingUnknownKey, .text(key), .text(known.joined(separator: ", "))))
        }
    }

    mutating func string(_ t: TOMLTable, _ key: String, _ section: String?) -> String? {
        guard let v = t[key] else { return nil }
        if let s = v.string { return s }
        add(section, key, Message(.importMappingType, .text(key), .text("a quoted string")))
        return nil
    }

    mutating func strings(_ t: TOMLTable, _ key: String, _ section: String?) -> [String]? {
        guard let v = t[key] else { return nil }
        if let a = v.array, a.allSatisfy({ $0.string != nil }) { return a.map { $0.string! } }
        add(section, key, Message(.importMappingType, .text(key), .text("a list of quoted strings")))
        return nil
    }

    mutating func bool(_ t: TOMLTable, _ key: String, _ section: String?) -> Bool? {
        guard let v = t[key] else { return nil }
        if let b = v.bool { return b }
        add(section, key, Message(.importMappingType, .text(key), .text("true or false")))
        return nil
    }

    mutating func table(_ t: TOMLTable, _ key: String) -> TOMLTable? {
        guard let v = t[key] else { return nil }
        if let table = v.table { return table }
        add(nil, key, Message(.importMappingType, .text(key), .text("a [\(key)] section")))
        return nil
    }

    mutating func separator(_ t: TOMLTable, _ section: String?) -> Character? {
        guard let s = string(t, "separator", section) else { return nil }
        if s == "," || s == ";" || s == "\t" { return Character(s) }
        add(section, "separator", Message(.importMappingType, .text("separator"), .text("\",\", \";\" or \"\\t\"")))
        return nil
    }

    mutating func encoding(_ t: TOMLTable, _ section: String?) -> CSVTable.Encoding? {
        guard let s = string(t, "encoding", section) else { return nil }
        if let e = CSVTable.Encoding(rawValue: s.lowercased()) { return e }
        add(section, "encoding", Message(.importMappingType, .text("encoding"), .text("\"utf-8\" or \"windows-1252\"")))
        return nil
    }

    mutating func dateFormat(_ t: TOMLTable, _ section: String?) -> ImportDateFormat? {
        guard let s = string(t, "date_format", section) else { return nil }
        guard let f = ImportDateFormat.parse(setting: s) else {
            add(section, "date_format", Message(.importMappingDateFormat, .text(s)))
            return nil
        }
        return f
    }
}
