// `clc rules` and rule expressions: English and German in one place.
extension Catalog {
    static func englishRules(_ key: MessageKey) -> String {
        switch key {
        case .ruleExpected: "expected {0}, found {1}"
        case .ruleTooDeep: "too deeply nested"
        case .ruleUnknownField: "unknown field {0} (fields: {1})"
        case .ruleWrongOperator: "{0} does not apply to {1}"
        case .ruleWrongType: "{0} is compared with {1}"
        case .ruleUnexpectedCharacter: "unexpected character {0}"
        case .ruleUnclosedString: "the quoted string is not closed"
        case .ruleBadDate: "not a date: {0} (YYYY-MM-DD)"
        case .ruleBadNumber: "not a number: {0}"
        case .rulesFileMissing: "{0}: no rules file (write one, or name it with --rules)"
        case .ruleAt: "{0} line {1}, position {2}: {3}"
        case .ruleAtLine: "{0} line {1}: {2}"
        case .ruleMissingKey: "the rule needs {0} (a quoted string)"
        case .ruleDuplicateName: "another rule is named {0} (line {1})"
        case .ruleNoSuchRule: "no rule named {0} (rules: {1})"
        case .ruleMoved: "{0}: moved {1, plural, one {# customer} other {# customers}} from {2} to {3}"
        case .ruleConflicts: "{0}: {1, plural, one {# customer was} other {# customers were}} not moved: {2}"
        case .rulesPreviewOnly: "Nothing moved: --apply moves the matches (--rule NAME for one rule)."
        case .rulesColumns: "Rule\tStage\tMove to\tMatches\tSample"
        case .rulesNothingToMove: "{0}: no customer matches"
        default: ""
        }
    }

    static func germanRules(_ key: MessageKey) -> String {
        switch key {
        case .ruleExpected: "{0} erwartet, {1} gefunden"
        case .ruleTooDeep: "zu tief verschachtelt"
        case .ruleUnknownField: "unbekanntes Feld {0} (Felder: {1})"
        case .ruleWrongOperator: "{0} passt nicht zu {1}"
        case .ruleWrongType: "{0} wird mit {1} verglichen"
        case .ruleUnexpectedCharacter: "unerwartetes Zeichen {0}"
        case .ruleUnclosedString: "die Zeichenkette in Anführungszeichen ist nicht geschlossen"
        case .ruleBadDate: "kein Datum: {0} (JJJJ-MM-TT)"
        case .ruleBadNumber: "keine Zahl: {0}"
        case .rulesFileMissing: "{0}: keine Regeldatei (eine schreiben oder mit --rules angeben)"
        case .ruleAt: "{0} Zeile {1}, Position {2}: {3}"
        case .ruleAtLine: "{0} Zeile {1}: {2}"
        case .ruleMissingKey: "die Regel braucht {0} (eine Zeichenkette in Anführungszeichen)"
        case .ruleDuplicateName: "eine andere Regel heißt {0} (Zeile {1})"
        case .ruleNoSuchRule: "keine Regel namens {0} (Regeln: {1})"
        case .ruleMoved: "{0}: {1, plural, one {# Kunde} other {# Kunden}} von {2} nach {3} verschoben"
        case .ruleConflicts: "{0}: {1, plural, one {# Kunde wurde} other {# Kunden wurden}} nicht verschoben: {2}"
        case .rulesPreviewOnly: "Nichts verschoben: --apply verschiebt die Treffer (--rule NAME für eine Regel)."
        case .rulesColumns: "Regel\tPhase\tNach\tTreffer\tBeispiele"
        case .rulesNothingToMove: "{0}: kein Kunde trifft zu"
        default: ""
        }
    }
}
