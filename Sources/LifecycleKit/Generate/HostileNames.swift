/// Customer names that try to break a display: terminal escape sequences, control
/// characters, bidirectional overrides, zero-width characters, stacked combining marks and
/// very long text. A dashboard must show them as inert text.
enum HostileNames {
    /// Each with an ASCII e-mail local part.
    static let all: [(name: String, emailLocal: String)] = [
        ("\u{1B}[31mRed Alert\u{1B}[0m Müller", "red.alert"),
        ("\u{1B}]0;pwned title\u{07}Eve Mallory", "eve.mallory"),
        ("\u{1B}[2J\u{1B}[HClear Screen", "clear.screen"),
        ("\u{1B}[5;7mBlinking\u{1B}[m Bob", "blinking.bob"),
        ("Bell\u{07}\u{07}\u{07} Ringer", "bell.ringer"),
        ("Back\u{08}\u{08}\u{08}\u{08}space Betty", "backspace.betty"),
        ("Line\nBreak\r\nCarla", "carla.break"),
        ("Tab\tSeparated\u{0B}\u{0C}Tom", "tab.tom"),
        ("Del\u{7F}ete C1\u{85}\u{9B}31mControls", "c1.controls"),
        ("\u{202E}rellaM evE", "rlo.eve"),
        ("Invoice \u{202E}fdp.exe\u{202C} Service", "invoice.service"),
        ("Zoë\u{200D}\u{200D}\u{200B}Zero\u{200B}\u{2060}Width\u{FEFF}", "zero.width"),
        ("Z\u{0351}\u{0363}\u{0300}\u{0301}\u{0302}\u{0303}a\u{0304}\u{0305}\u{0306}\u{0307}\u{0308}l\u{0309}\u{030A}\u{030B}\u{030C}g\u{030D}\u{030E}\u{0310}\u{0311}\u{0312}o\u{0313}\u{0314}\u{0315}\u{0316}\u{0317}\u{0318}",
         "zalgo"),
        ("Hubert Blaine Wolfeschlegelsteinhausenbergerdorff " + String(repeating: "Ä-Ö-Ü-ß ", count: 22) + "Sr.",
         "hubert.wolfe"),
        (String(repeating: "😀👩‍👩‍👧‍👦", count: 70), "emoji.flood"),
        (String(repeating: "Ｗ", count: 120) + " Fullwidth", "fullwidth"),
        ("Robert'); DROP TABLE customers;-- %s %n {{name}}", "little.bobby"),
    ]

    /// True when `name` is one of the hostile names.
    static func contains(_ name: String) -> Bool { names.contains(name) }
    private static let names = Set(all.map(\.name))
}
