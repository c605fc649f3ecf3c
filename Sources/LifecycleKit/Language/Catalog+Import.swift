// `clc import`: English and German in one place (the German glossary of Catalog+German.swift holds).
extension Catalog {
    static func englishImport(_ key: MessageKey) -> String {
        switch key {
        case .importNotRecognised:
            "not a HubSpot or Mautic contacts export (columns: {0}): describe its columns in a mapping file (--mapping)"
        case .importMissingColumn: "no column {0}"
        case .importFieldCount: "{0, plural, one {# field} other {# fields}} where the header has {1}"
        case .importEmptyValue: "is empty; a value is required"
        case .importBadDate: "not a date: {0} (ISO 8601, YYYY-MM-DD HH:MM, DD.MM.YYYY or MM/DD/YYYY)"
        case .importDatesAmbiguous:
            "dates like {0} can be MM/DD/YYYY or DD/MM/YYYY: say which with date_format in the mapping file (--mapping)"
        case .importDatesMixed: "dates both day first ({0}) and month first ({1}): one format per column"
        case .importBadNumber: "not a number: {0}"
        case .importDuplicateID: "duplicate id {0} (first in row {1})"
        case .importSkipped: "skipped {0}"
        case .importSkippedSummary: "skipped {0, plural, one {# row} other {# rows}} with problems (--skip-invalid)"
        case .importNothingWritten: "{0}: nothing written ({1, plural, one {# error} other {# errors}}; --skip-invalid leaves out the rows with errors)"
        case .importMappingSyntax: "{0}: {1}"
        case .importMappingType: "{0} must be {1}"
        case .importMappingUnknownKey: "unknown key {0} (known: {1})"
        case .importMappingStage: "stage {0} is not in [stages] order"
        case .importMappingNoName: "[customers] needs name, or first_name and last_name"
        case .importMappingDateFormat: "unknown date_format {0} (MM/DD/YYYY, DD/MM/YYYY, DD.MM.YYYY or YYYY-MM-DD)"
        case .importReadAs: "read {0} as {1}, fields split by “{2}”"
        default: ""
        }
    }

    static func germanImport(_ key: MessageKey) -> String {
        switch key {
        case .importNotRecognised:
            "kein Kontakte-Export von HubSpot oder Mautic (Spalten: {0}): die Spalten in einer Zuordnungsdatei beschreiben (--mapping)"
        case .importMissingColumn: "keine Spalte {0}"
        case .importFieldCount: "{0, plural, one {# Feld} other {# Felder}}, die Kopfzeile hat {1}"
        case .importEmptyValue: "ist leer; ein Wert ist nötig"
        case .importBadDate: "kein Datum: {0} (ISO 8601, JJJJ-MM-TT HH:MM, TT.MM.JJJJ oder MM/TT/JJJJ)"
        case .importDatesAmbiguous:
            "Daten wie {0} können MM/TT/JJJJ oder TT/MM/JJJJ sein: mit date_format in der Zuordnungsdatei (--mapping) angeben, welches"
        case .importDatesMixed: "Daten mit dem Tag zuerst ({0}) und mit dem Monat zuerst ({1}): ein Format je Spalte"
        case .importBadNumber: "keine Zahl: {0}"
        case .importDuplicateID: "doppelte ID {0} (zuerst in Zeile {1})"
        case .importSkipped: "übersprungen: {0}"
        case .importSkippedSummary: "{0, plural, one {# Zeile} other {# Zeilen}} mit Problemen übersprungen (--skip-invalid)"
        case .importNothingWritten: "{0}: nichts geschrieben ({1, plural, one {# Fehler} other {# Fehler}}; --skip-invalid lässt die Zeilen mit Fehlern aus)"
        case .importMappingSyntax: "{0}: {1}"
        case .importMappingType: "{0} muss {1} sein"
        case .importMappingUnknownKey: "unbekannter Schlüssel {0} (bekannt: {1})"
        case .importMappingStage: "Phase {0} steht nicht in [stages] order"
        case .importMappingNoName: "[customers] braucht name, oder first_name und last_name"
        case .importMappingDateFormat: "unbekanntes date_format {0} (MM/DD/YYYY, DD/MM/YYYY, DD.MM.YYYY oder YYYY-MM-DD)"
        case .importReadAs: "{0} gelesen als {1}, Felder getrennt durch „{2}“"
        default: ""
        }
    }
}
