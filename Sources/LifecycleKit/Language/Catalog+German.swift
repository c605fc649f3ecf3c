// Glossary — one German word per term, used everywhere (keep it when adding texts):
//   stage → Phase (stages → Phasen)       customer → Kunde (Kunden)
//   touchpoint → Kontaktpunkt             transition / stage change → Phasenwechsel
//   funnel → Trichter                     customer journey → Kundenreise
//   as_of → Stand                         revenue → Umsatz
//   share → Anteil                        reached → erreicht
//   conversion → Konversion               median days → Median Tage
//   snapshot → Snapshot                   journal → Journal
//   move (a customer) → verschieben       note → Notiz
//   error → Fehler                        warning → Warnung
//   dashboard → Dashboard                 read-only → schreibgeschützt
// Tone: neutral and short, no "Sie"/"du" (instructions in the infinitive or passive).
// Quotes around data: „…“ where clc adds them itself; JSON-quoted ids stay "…".

extension Catalog {
    /// German (see the glossary above).
    static func german(_ key: MessageKey) -> String {
        switch key {
        case .formatUnknown: "Format von „{0}“ nicht erkennbar: .json, .sqlite oder .db verwenden"
        case .outputExists: "{0} existiert bereits; --force überschreibt die Datei"
        case .sameFile: "Eingabe und Ausgabe sind dieselbe Datei"
        case .wroteSnapshot: "{0} geschrieben: {1, plural, one {# Kunde} other {# Kunden}}"
        case .wroteConversion:
            "{0} geschrieben: {1, plural, one {# Kunde} other {# Kunden}}, {2, plural, one {# Kontaktpunkt} other {# Kontaktpunkte}}, "
                + "{3, plural, one {# Phasenwechsel} other {# Phasenwechsel}}"
        case .mustNotBeNegative: "{0} muss 0 oder größer sein"
        case .unknownCustomer: "unbekannter Kunde {0}"
        case .unknownStage: "unbekannte Phase {0}"
        case .unknownStageAmong: "unbekannte Phase {0} (Phasen: {1})"
        case .moved: "{0} ({1}) verschoben: {2} → {3} am {4} von {5}"
        case .alreadyThere: "{0} ({1}) ist bereits in {2}: nichts aufgezeichnet"
        case .alreadyThereBy: "{0} ({1}) ist bereits in {2}: nichts aufgezeichnet (dorthin verschoben von {3} am {4})"
        case .alreadyIn: "{0} ist bereits in {1}"
        case .alreadyInBy: "{0} ist bereits in {1} (dorthin verschoben von {2} am {3})"
        case .notMoved: "nicht verschoben: {0}"
        case .noOutcome: "nicht verschoben: {0} (kein Ergebnis gemeldet)"
        case .conflictGone: "{0} existiert nicht mehr"
        case .conflictMovedBy: "{0} wurde von {2} am {3} nach {1} verschoben"
        case .conflictElsewhere: "{0} ist in {1}, nicht in {2}"
        case .moveReadOnly: "{0} ist schreibgeschützt: Phasen können nicht geändert werden"
        case .moveBusy: "{0} ist von einem anderen Programm gesperrt; nichts wurde geändert, bitte erneut versuchen"
        case .moveChangedOnDisk: "{0} wurde seit dem Öffnen auf dem Datenträger geändert; unter einem anderen Namen speichern"
        case .moveIO: "{0}: {1}"
        case .rewriteFailed: "verschoben, aber {0} konnte nicht neu geschrieben werden ({1}); die Änderung ist in seinem Journal sicher"
        case .changeInJournal:
            "{0} ist in einem Dashboard geöffnet: die Änderung steht in seinem Journal {0}.clc-journal; das Dashboard zeigt sie, und sein w schreibt sie in die Datei"
        case .earlierChangesWritten: "Die früheren Änderungen aus {0}.clc-journal wurden ebenfalls in {0} geschrieben"
        case .fileBeingRewritten: "{0} wird gerade von einem anderen clc neu geschrieben ({1} ist gesperrt); bitte erneut versuchen"
        case .staleJournalWarning:
            "das Journal {0} {1}; es wurde nicht angewendet: dies ist die Datei, wie sie auf dem Datenträger steht (die Datei im Dashboard öffnen, um das Journal beiseitezulegen)"
        case .staleJournalRefusal:
            "das Journal {0} {1}; nichts wurde geändert. Die Datei im Dashboard öffnen (clc DATEI), um das Journal beiseitezulegen"
        case .journalNoHeader: "beginnt nicht mit einem clc-Journalkopf"
        case .journalOtherVersion:
            "gehört zu einer anderen Version der Datei (geschrieben für {0, plural, one {# Byte} other {# Bytes}}, die Datei hat {1})"
        case .journalDamaged: "ist in Zeile {0} beschädigt"
        case .journalUnknownReference: "nennt in Aktion {0} einen unbekannten Kunden oder eine unbekannte Phase"
        case .problemError: "Fehler: {0}"
        case .problemWarning: "Warnung: {0}"
        case .moreErrors: "… und {0, plural, one {# weiterer Fehler} other {# weitere Fehler}}"
        case .moreWarnings: "… und {0, plural, one {# weitere Warnung} other {# weitere Warnungen}}"
        case .validateSummary:
            "{0}: {1, plural, one {# Fehler} other {# Fehler}}, {2, plural, one {# Warnung} other {# Warnungen}}"
        case .cannotOpenSnapshot: "{0}: Snapshot kann nicht geöffnet werden ({1, plural, one {# Fehler} other {# Fehler}})"
        case .noSuchFile: "Datei nicht gefunden"
        case .isDirectory: "ist ein Verzeichnis, keine Snapshot-Datei"
        case .permissionDenied: "nicht lesbar (keine Berechtigung)"
        case .cannotBeOpened: "kann nicht geöffnet werden ({0})"
        case .cannotBeRead: "nicht lesbar"
        case .beingRewritten: "wird gerade von einem anderen clc neu geschrieben ({0} ist gesperrt); bitte erneut versuchen"
        case .formatMustBe: "format muss \"{0}\" sein"
        case .missingFormat: "Pflichtfeld \"format\" fehlt (kein Lifecycle-Snapshot)"
        case .unsupportedVersion: "nicht unterstützte Version {0} (dieses clc liest Version {1})"
        case .atLeastOneStage: "mindestens eine Phase ist erforderlich"
        case .missingField: "Pflichtfeld \"{0}\" fehlt"
        case .fieldTwice: "Feld kommt mehr als einmal vor"
        case .expectedKind: "{0} erwartet, {1} gefunden"
        case .expectedScalar: "Zeichenkette, Zahl oder Wahrheitswert erwartet, {0} gefunden"
        case .jsonString: "Zeichenkette"
        case .jsonNumber: "Zahl"
        case .jsonObject: "Objekt"
        case .jsonArray: "Array"
        case .jsonBoolean: "Wahrheitswert"
        case .jsonNull: "null"
        case .invalidStageID: "ungültige Phasen-ID {0} (muss [a-z0-9][a-z0-9_-]* entsprechen)"
        case .invalidID: "ungültige ID {0} (muss aus 1 bis {1} druckbaren Zeichen bestehen)"
        case .malformedTimestamp: "ungültiger Zeitstempel {0}"
        case .expectedPositiveInteger: "positive ganze Zahl erwartet"
        case .duplicateStageID: "doppelte Phasen-ID {0} (zuerst bei stages[{1}])"
        case .duplicateCustomerID: "doppelte Kunden-ID {0} (zuerst bei customers[{1}])"
        case .duplicateTouchpointID: "doppelte Kontaktpunkt-ID {0} (zuerst bei touchpoints[{1}])"
        case .duplicateTransitionID: "doppelte Phasenwechsel-ID {0} (zuerst bei transitions[{1}])"
        case .unmatchedRevert: "macht {0} rückgängig, aber das ist kein anderer Phasenwechsel dieses Kunden; zählt als gewöhnlicher Phasenwechsel"
        case .stageMismatch: "Phase ist {0}, aber der letzte Phasenwechsel führt nach {1}"
        case .enteredBeforeCreated: "stage_entered_at {0} liegt vor created_at {1}"
        case .afterAsOf: "{0} liegt nach as_of {1}"
        case .reportTitle: "{0} — Stand {1}"
        case .reportTitleWithChanges: "{0} — Stand {1} · {2, plural, one {# Änderung} other {# Änderungen}} seitdem"
        case .unnamedSnapshot: "Unbenannter Snapshot"
        case .reportTotals:
            "{0, plural, one {# Kunde} other {# Kunden}} · {1, plural, one {# Kontaktpunkt} other {# Kontaktpunkte}} · "
                + "{2, plural, one {# Phasenwechsel} other {# Phasenwechsel}} · Umsatz {3}"
        case .columnStage: "Phase"
        case .columnCustomers: "Kunden"
        case .columnShare: "Anteil"
        case .columnReached: "Erreicht"
        case .columnConversion: "Konversion"
        case .columnMedianDays: "Median Tage"
        case .columnRevenue: "Umsatz"
        case .historyHeading: "{0} ({1}), derzeit in {2}"
        case .historyEmpty: "keine aufgezeichneten Phasenwechsel"
        case .columnWhen: "Zeitpunkt"
        case .columnFrom: "Von"
        case .columnTo: "Nach"
        case .columnBy: "Durch"
        case .columnNote: "Notiz"
        }
    }
}
