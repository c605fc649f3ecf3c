// The dashboard's "changed since OLD" filter, the drill-down search and `e` (export a list):
// English and German in one place (the German glossary of Catalog+German.swift holds).
extension Catalog {
    static func englishListExport(_ key: MessageKey) -> String? {
        switch key {
        case .uiColumnSince: "Since {0}"
        case .uiSinceChanged: "changed"
        case .uiSinceMovedIn: "moved in"
        case .uiSinceAdded: "added"
        case .uiFilterChangedSince: "changed since {0}"
        case .uiFilterMovedSince: "moved in since {0}"
        case .uiFilterAddedSince: "added since {0}"
        case .kbDrillSearch: "narrow the list: name, email, id (Esc shows all again)"
        case .kbKeepNarrowed: "keep the list narrowed and close the search line"
        case .kbClearNarrowed: "clear the search (the whole list again)"
        case .uiDrillMatching: "matching “{0}”"
        case .uiDrillNoMatch: "No customer matches (Esc shows them all)."
        case .hintClears: "clears"
        case .kbExport: "export the list as shown (or the marked) to CSV"
        case .hintExport: "export"
        case .kbExportTo: "export to the file typed"
        case .hintExports: "exports"
        case .kbCancelExport: "cancel the export"
        case .uiExportListPrompt: "Export the list to {0}: "
        case .uiExportMarkedPrompt: "Export {0, plural, one {# marked customer} other {# marked customers}} to {1}: "
        case .uiOverwriteTitle: "Replace the file?"
        case .uiOverwriteQuestion: "{0} exists. Replace it?"
        case .kbOverwriteYes: "yes, replace the file"
        case .kbOverwriteNo: "no, choose another name"
        case .stExported: "Exported {0, plural, one {# customer} other {# customers}} to {1}"
        case .stNotExported: "Nothing exported"
        case .prExporting: "exporting to {0}"
        case .prExportingPlain: "exporting"
        default: nil
        }
    }

    static func germanListExport(_ key: MessageKey) -> String? {
        switch key {
        case .uiColumnSince: "Seit {0}"
        case .uiSinceChanged: "geändert"
        case .uiSinceMovedIn: "hineinverschoben"
        case .uiSinceAdded: "neu"
        case .uiFilterChangedSince: "geändert seit {0}"
        case .uiFilterMovedSince: "hineinverschoben seit {0}"
        case .uiFilterAddedSince: "neu seit {0}"
        case .kbDrillSearch: "Liste eingrenzen: Name, E-Mail, ID (Esc zeigt wieder alle)"
        case .kbKeepNarrowed: "Liste eingegrenzt lassen und Suchzeile schließen"
        case .kbClearNarrowed: "Suche leeren (wieder die ganze Liste)"
        case .uiDrillMatching: "passend zu „{0}“"
        case .uiDrillNoMatch: "Kein Kunde passt (Esc zeigt alle)."
        case .hintClears: "leert"
        case .kbExport: "Liste wie gezeigt (oder die markierten) als CSV"
        case .hintExport: "Export"
        case .kbExportTo: "in die getippte Datei exportieren"
        case .hintExports: "exportiert"
        case .kbCancelExport: "Export abbrechen"
        case .uiExportListPrompt: "Liste exportieren nach {0}: "
        case .uiExportMarkedPrompt: "{0, plural, one {# markierten Kunden} other {# markierte Kunden}} exportieren nach {1}: "
        case .uiOverwriteTitle: "Datei ersetzen?"
        case .uiOverwriteQuestion: "{0} existiert. Ersetzen?"
        case .kbOverwriteYes: "ja, Datei ersetzen"
        case .kbOverwriteNo: "nein, anderen Namen wählen"
        case .stExported: "{0, plural, one {# Kunde} other {# Kunden}} nach {1} exportiert"
        case .stNotExported: "Nichts exportiert"
        case .prExporting: "Export nach {0}"
        case .prExportingPlain: "Export"
        default: nil
        }
    }
}
