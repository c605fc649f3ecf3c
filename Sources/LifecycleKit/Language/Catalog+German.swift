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
    /// German (see the glossary above), by area as the English texts.
    static let germanAreas: [@Sendable (MessageKey) -> String?] = [
        germanCommandLine, germanValidation, germanJSONSyntax,
        germanReports, germanValue, germanDashboardFunnelAndList,
        germanDashboardJourneyAndBoxes, germanKeyBindings, germanKeyHints,
        germanStatus, germanProgress,
        germanValueLists, germanTouchpointAnalysis, germanAnalysisScreens,
        germanExport, germanListExport,
        germanSuggestions,
    ]

    /// Files and formats, customers and stages, moves, journals.
    private static func germanCommandLine(_ key: MessageKey) -> String? {
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
        case .writeProtected: "{0} ist für andere schreibgeschützt (keine Schreibberechtigung): schreibgeschützt geöffnet; clc move --force ändert sie trotzdem"
        case .moveBusy: "{0}: von einem anderen Programm gesperrt; nichts wurde geändert, bitte erneut versuchen"
        case .moveChangedOnDisk: "{0} wurde seit dem Öffnen auf dem Datenträger geändert; unter einem anderen Namen speichern"
        case .moveIO: "{0}: {1}"
        case .rewriteFailed: "verschoben, aber {0} konnte nicht neu geschrieben werden ({1}); die Änderung ist in seinem Journal sicher"
        case .changeInJournal:
            "{0} ist in einem Dashboard geöffnet: die Änderung steht in seinem Journal {0}.clc-journal; das Dashboard zeigt sie, und sein w schreibt sie in die Datei"
        case .earlierChangesWritten: "Die früheren Änderungen aus {0}.clc-journal wurden ebenfalls in {0} geschrieben"
        case .fileBeingRewritten: "{0} wird gerade von einem anderen clc neu geschrieben ({1} ist gesperrt); bitte erneut versuchen"
        case .cannotCreate: "{0} kann nicht angelegt werden: {1}"
        case .cannotReadFile: "{0} kann nicht gelesen werden: {1}"
        case .cannotWrite: "{0} kann nicht geschrieben werden: {1}"
        case .cannotOpenLock: "die Sperrdatei {0} kann nicht geöffnet werden: {1}"
        case .noJournalToSetAside: "{0} hat kein Journal zum Beiseitelegen"
        case .cannotSetAside: "das Journal kann nicht als {0} beiseitegelegt werden: {1}"
        case .onlyJSONSaveAs: "nur JSON-Snapshots werden unter einem anderen Namen gespeichert; {0} enthält bereits jede Änderung"
        case .staleJournalWarning:
            "das Journal {0} {1}; es wurde nicht angewendet: dies ist die Datei, wie sie auf dem Datenträger steht (die Datei im Dashboard öffnen, um das Journal beiseitezulegen)"
        case .staleJournalRefusal:
            "das Journal {0} {1}; nichts wurde geändert. Die Datei im Dashboard öffnen (clc DATEI), um das Journal beiseitezulegen"
        case .journalNoHeader: "beginnt nicht mit einem clc-Journalkopf"
        case .journalOtherVersion:
            "gehört zu einer anderen Version der Datei (geschrieben für {0, plural, one {# Byte} other {# Bytes}}, die Datei hat {1})"
        case .journalDamaged: "ist in Zeile {0} beschädigt"
        case .journalUnknownReference: "nennt in Aktion {0} einen unbekannten Kunden oder eine unbekannte Phase"
        default: nil
        }
    }

    /// Validation: files and the rules of the format.
    private static func germanValidation(_ key: MessageKey) -> String? {
        switch key {
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
        case .duplicateStageID: "doppelte Phasen-ID {0} (zuerst bei {1})"
        case .duplicateCustomerID: "doppelte Kunden-ID {0} (zuerst bei {1})"
        case .duplicateTouchpointID: "doppelte Kontaktpunkt-ID {0} (zuerst bei {1})"
        case .duplicateTransitionID: "doppelte Phasenwechsel-ID {0} (zuerst bei {1})"
        case .unmatchedRevert: "macht {0} rückgängig, aber das ist kein anderer Phasenwechsel dieses Kunden; zählt als gewöhnlicher Phasenwechsel"
        case .stageMismatch: "Phase ist {0}, aber der letzte Phasenwechsel führt nach {1}"
        case .enteredBeforeCreated: "stage_entered_at {0} liegt vor created_at {1}"
        case .afterAsOf: "{0} liegt nach as_of {1}"
        case .looksLikeCSV:
            "sieht nach CSV aus (durch {0} getrennt, kein JSON); clc liest Lifecycle-Snapshots in JSON oder SQLite (siehe das Snapshot-Format in der README von clc)"
        case .separatorComma: "Komma"
        case .separatorSemicolon: "Semikolon"
        case .separatorTab: "Tabulator"
        default: nil
        }
    }

    /// Validation: JSON syntax.
    private static func germanJSONSyntax(_ key: MessageKey) -> String? {
        switch key {
        case .emptyFile: "leere Datei, JSON-Objekt erwartet"
        case .expectedTopObject: "JSON-Objekt auf oberster Ebene erwartet, {0} gefunden"
        case .textAfterObject: "unerwarteter Text nach dem JSON-Objekt"
        case .syntaxTruncated: "unerwartetes Dateiende (abgeschnitten?)"
        case .syntaxFound: "{0}, gefunden: '{1}'"
        case .syntaxFoundControl: "{0}, gefunden: Steuerzeichen 0x{1}"
        case .syntaxTooDeep: "Verschachtelung tiefer als {0} Ebenen"
        case .expectValue: "Wert erwartet"
        case .expectCommaOrBrace: "',' oder '}' nach Objektelement erwartet"
        case .expectKey: "Schlüssel in doppelten Anführungszeichen erwartet"
        case .expectColon: "':' nach Objektschlüssel erwartet"
        case .expectCommaOrBracket: "',' oder ']' nach Array-Element erwartet"
        case .syntaxControlInString: "Steuerzeichen 0x{0} muss in einer Zeichenkette maskiert werden"
        case .syntaxInvalidEscape: "ungültige Escape-Sequenz in Zeichenkette"
        case .syntaxInvalidEscapeChar: "ungültige Escape-Sequenz '\\{0}' in Zeichenkette"
        case .syntaxHighSurrogate: "ungültiges \\u-Escape: hohes Surrogat \\u{0} ohne tiefes Surrogat"
        case .syntaxLoneLowSurrogate: "ungültiges \\u-Escape: einzelnes tiefes Surrogat \\u{0}"
        case .syntaxExpectedHexDigits: "ungültiges \\u-Escape: 4 Hexadezimalziffern erwartet"
        case .syntaxInvalidUTF8: "ungültiges UTF-8-Byte 0x{0}"
        case .syntaxMalformedNumber: "ungültige Zahl"
        case .syntaxMalformedNumberDetail: "ungültige Zahl: {0}"
        case .syntaxNumberOutOfRange: "Zahl außerhalb des Wertebereichs"
        case .numberLeadingZeros: "führende Nullen sind nicht erlaubt"
        case .numberExpectedDigit: "Ziffer erwartet"
        case .numberDigitAfterPoint: "Ziffer nach '.' erwartet"
        case .numberDigitInExponent: "Ziffer im Exponenten erwartet"
        default: nil
        }
    }

    /// `report` and `history`.
    private static func germanReports(_ key: MessageKey) -> String? {
        switch key {
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
        default: nil
        }
    }

    /// `model` and `scores` (customer value).
    private static func germanValue(_ key: MessageKey) -> String? {
        switch key {
        case .valueTitle: "{0} — Kundenwert, Stand {1}"
        case .valueCalibration: "geschätzt mit den Käufen bis {0}"
        case .valueBuyers: "{0, plural, one {# Kunde} other {# Kunden}} · {1, plural, one {# Käufer} other {# Käufer}} · {2, plural, one {# Wiederkäufer} other {# Wiederkäufer}}"
        case .valueBGNBD: "BG/NBD (Käufe und Abwanderung; Zeiteinheit: ein Tag)"
        case .valueGammaGamma: "Gamma-Gamma (Ausgaben je Kauftag)"
        case .valueLogLikelihood: "Log-Likelihood {0}"
        case .valueCLVSettings: "CLV über {0, plural, one {# Monat} other {# Monate}}, abgezinst mit {1} im Monat"
        case .valueNote: "Hinweis: {0}"
        case .valueNotConverged: "nicht konvergiert"
        case .valueNoPurchases: "keine Käufe: keine Modellwerte"
        case .valueNobodyRepeats: "niemand hat an einem zweiten Tag gekauft: BG/NBD lässt sich nicht schätzen, kein P(aktiv) und kein CLV"
        case .valueBGNBDNotConverged: "die BG/NBD-Schätzung ist nicht konvergiert; ihre Werte sind unsicher"
        case .valueNoAmounts: "kein Wiederkauf hat einen Betrag: Gamma-Gamma lässt sich nicht schätzen, kein CLV"
        case .valueInfiniteMean: "die Gamma-Gamma-Schätzung hat q ≤ 1 (kein endlicher Durchschnittsbetrag): kein CLV"
        case .valueGammaGammaNotConverged: "die Gamma-Gamma-Schätzung ist nicht konvergiert; der CLV ist unsicher"
        case .valueBGNBDLastGood: "die neue BG/NBD-Schätzung ist nicht konvergiert; die letzten konvergierten Parameter gelten"
        case .valueGammaGammaLastGood: "die neue Gamma-Gamma-Schätzung ist nicht konvergiert; die letzten konvergierten Parameter gelten"
        case .columnParameter: "Parameter"
        case .columnEstimate: "Schätzwert"
        case .columnStdError: "Std.-Fehler"
        case .holdoutTitle: "Prüfzeitraum nach dem {0} ({1, plural, one {# Tag} other {# Tage}}): {2} Wiederkauftage, {3} vorhergesagt"
        case .holdoutByFrequency: "Kauftage im Prüfzeitraum je Käufer, nach Wiederkauftagen bis {0}"
        case .columnWeek: "Woche"
        case .columnActual: "Tatsächlich"
        case .columnPredicted: "Vorhergesagt"
        case .columnCumulativeActual: "Tatsächlich, gesamt"
        case .columnCumulativePredicted: "Vorhergesagt, gesamt"
        case .columnRepeatPurchases: "Wiederkäufe"
        case .columnBuyers: "Käufer"
        case .columnID: "Id"
        case .columnName: "Name"
        case .columnPurchases: "Käufe"
        case .columnMonetary: "Betrag"
        case .columnPAlive: "P(aktiv)"
        case .columnExpected90: "Erw. 90 T."
        case .columnCLV: "CLV"
        case .columnRFM: "RFM"
        case .columnRFMSegment: "RFM-Segment"
        case .rfmChampions: "Champions"
        case .rfmLoyal: "Treue Kunden"
        case .rfmPotentialLoyalist: "Potenziell treu"
        case .rfmNew: "Neukunden"
        case .rfmPromising: "Vielversprechend"
        case .rfmNeedAttention: "Brauchen Aufmerksamkeit"
        case .rfmAboutToSleep: "Drohen einzuschlafen"
        case .rfmAtRisk: "Gefährdet"
        case .rfmCantLose: "Nicht verlieren"
        case .rfmHibernating: "Im Winterschlaf"
        case .rfmLost: "Verloren"
        default: nil
        }
    }

    /// The dashboard: header, funnel, stage list.
    private static func germanDashboardFunnelAndList(_ key: MessageKey) -> String? {
        switch key {
        case .uiAsOf: "Stand {0}"
        case .uiAsOfWithChanges: "Stand {0} · {1, plural, one {# Änderung} other {# Änderungen}} seitdem"
        case .uiRevenue: "Umsatz {0}"
        case .uiRevenuePending: "Umsatz …"
        case .uiCustomers: "{0, plural, one {# Kunde} other {# Kunden}}"
        case .uiReadOnly: "[schreibgeschützt]"
        case .uiUnsaved: "● ungespeicherte Änderungen (w speichert)"
        case .uiIndexing: "Index zum schnellen Sortieren…"
        case .uiEscCancels: "Esc bricht ab"
        case .uiTooSmall: "Terminal zu klein"
        case .uiTooSmallSize: "(nötig {0}×{1}, ist {2}×{3})"
        case .uiTooSmallHint: "vergrößern oder mit q beenden"
        case .uiCustomersPerStage: "Kunden je Phase"
        case .uiStepConversion: "Konversion"
        case .uiStagesShown: "{0}–{1} von {2} Phasen"
        case .uiCustomersNow: "{0, plural, one {# Kunde aktuell} other {# Kunden aktuell}}"
        case .uiEverReached: "{0, plural, one {# hat sie je erreicht} other {# haben sie je erreicht}}"
        case .uiCameOnFrom: "{0} kamen aus {1}"
        case .uiFiguresUnavailable: "Kennzahlen nicht verfügbar: {0}"
        case .uiComputingFigures: "Reichweite, Konversion und Umsatz werden berechnet…"
        case .uiFunnelHint: "Enter: Kunden der Phase   j/k: Phase wählen   ?: alle Tasten"
        case .uiCameFrom: "kamen aus"
        case .uiStartOfHistory: "Beginn der Aufzeichnung"
        case .uiNoRecordedEntry: "kein Eintritt aufgezeichnet"
        case .uiColumnName: "Name"
        case .uiColumnEmail: "E-Mail"
        case .uiColumnSegment: "Segment"
        case .uiColumnDays: "Tage"
        case .uiColumnTouch: "Kontakte"
        case .uiColumnLastTouch: "Zuletzt"
        case .uiSortName: "Name"
        case .uiSortEmail: "E-Mail"
        case .uiSortSegment: "Segment"
        case .uiSortDays: "Tage in Phase"
        case .uiSortTouchpoints: "Kontaktpunkte"
        case .uiSortLastTouch: "letztem Kontakt"
        case .uiSortRevenue: "Umsatz"
        case .uiSortID: "ID"
        case .uiNoCustomersInStage: "Keine Kunden in dieser Phase."
        case .uiNoCustomersMatch: "Keine Kunden passen zum Filter (F hebt ihn auf)."
        case .uiCountingCustomers: "Kunden werden gezählt…"
        case .uiNoCustomers: "keine Kunden"
        case .uiPosition: "{0} von {1}"
        case .uiSortedBy: "sortiert nach {0} {1}"
        case .uiFilterSegment: "Segment {0}"
        case .uiFilterChannel: "Kanal {0}"
        case .uiFilterShown: "Filter: {0}"
        case .uiMarked: "{0} markiert"
        case .uiMarkedElsewhere: "{0} anderswo markiert"
        default: nil
        }
    }

    /// The dashboard: journey, moves, confirmations, boxes, help.
    private static func germanDashboardJourneyAndBoxes(_ key: MessageKey) -> String? {
        switch key {
        case .uiID: "ID {0}"
        case .uiCreated: "angelegt {0}"
        case .uiForDays: "{0} Tage (seit {1})"
        case .uiForDaysAfterAsOf: "{0} Tage (seit {1}, nach Stand {2})"
        case .uiTouchpoints: "{0, plural, one {# Kontaktpunkt} other {# Kontaktpunkte}}"
        case .uiTags: "Tags: {0}"
        case .uiNoTags: "keine Tags oder Attribute"
        case .uiChannels: "Kanäle"
        case .uiNoTouchpoints: "keine Kontaktpunkte"
        case .uiDateUnknown: "(Datum unbekannt)"
        case .uiPath: "Weg"
        case .uiNewestFirst: "neueste zuerst"
        case .uiOldestFirst: "älteste zuerst"
        case .uiColumnChannel: "Kanal"
        case .uiColumnType: "Art"
        case .uiColumnCampaign: "Kampagne"
        case .uiColumnValue: "Wert"
        case .uiNothingRecorded: "Keine Kontaktpunkte oder Phasenwechsel aufgezeichnet."
        case .uiRange: "{0}–{1} von {2}"
        case .uiStageChange: "⇢ Phase"
        case .uiTransitionLine: "{0} → {1}   durch {2}"
        case .uiStart: "Beginn"
        case .uiYes: "ja"
        case .uiNo: "nein"
        case .uiMoveTo: "{0} verschieben nach…"
        case .uiNow: "● jetzt"
        case .uiPickerKeys: "j/k oder 1–9 wählen · Enter · Esc abbrechen"
        case .uiConfirm: "Bestätigen"
        case .uiNoNote: "(keine Notiz)"
        case .uiNote: "Notiz: {0}"
        case .uiConfirmKeys: "y oder Enter: verschieben · n oder Esc: abbrechen"
        case .uiMoveQuestion: "{0, plural, one {# Kunden} other {# Kunden}} aus {1} nach {2} verschieben?"
        case .uiMoveQuestionMany: "{0, plural, one {# Kunden} other {# Kunden}} ({1}) nach {2} verschieben?"
        case .uiCountFrom: "{0} aus {1}"
        case .uiUnsavedTitle: "Ungespeicherte Änderungen"
        case .uiUnsavedText: "Die Änderungen sind im Journal neben der Datei sicher und kommen beim nächsten Öffnen wieder; w schreibt sie jetzt in die Datei."
        case .uiUnsavedKeys: "w: speichern und beenden · q: beenden · Esc: bleiben"
        case .uiMoreLines: "▼ {0, plural, one {# weitere Zeile} other {# weitere Zeilen}}: Terminal vergrößern"
        case .uiHelpListSearch: "Beim Tippen einer Suche (/):"
        case .uiHelpGlobalSearch: "Beim Tippen einer Suche über alle Phasen:"
        case .uiHelpMore: "▼ {0} weitere: j/k blättern · Esc oder ? schließt"
        case .uiHelpClose: "Esc oder ? schließt"
        case .uiKeys: "Tasten"
        case .uiKeysFunnel: "Tasten — Trichter"
        case .uiKeysStageList: "Tasten — Phasenliste"
        case .uiKeysJourney: "Tasten — Kundenreise"
        case .uiFilterTitle: "Filter"
        case .uiAny: "alle"
        case .uiFilterKeys: "j/k wählen · Tab Spalte · x leeren · Enter anwenden"
        case .uiNotePrompt: "Notiz für {0} {1}: "
        case .uiSaveAsPrompt: "Datei geändert. Neuer Name {0}: "
        case .uiAllStagesQuery: "alle Phasen /{0}"
        case .uiEnterOpens: "{0} (Enter öffnet)"
        default: nil
        }
    }

    /// The key bindings' help texts.
    private static func germanKeyBindings(_ key: MessageKey) -> String? {
        switch key {
        case .kbDown: "nach unten"
        case .kbUp: "nach oben"
        case .kbPageDown: "Seite nach unten"
        case .kbPageUp: "Seite nach oben"
        case .kbTop: "zum Ersten"
        case .kbBottom: "zum Letzten"
        case .kbOpenStage: "die Kundenliste der Phase öffnen"
        case .kbOpenJourney: "die Kundenreise öffnen"
        case .kbApplyFilter: "den Filter anwenden"
        case .kbNextStage: "nächste Phase"
        case .kbPreviousStage: "vorige Phase"
        case .kbToChannels: "zu den Kanälen wechseln"
        case .kbToSegments: "zu den Segmenten wechseln"
        case .kbSortNext: "nach der nächsten Spalte sortieren"
        case .kbSortFlip: "Sortierrichtung umkehren"
        case .kbSearchAll: "alle Phasen durchsuchen: ID, Name, E-Mail"
        case .kbSearch: "diese Phase durchsuchen: Name, E-Mail, ID"
        case .kbSearchNext: "nächster Treffer"
        case .kbSearchPrevious: "voriger Treffer"
        case .kbFilter: "nach Segment und Kanal filtern"
        case .kbClearFilter: "den Filter aufheben"
        case .kbClearFilters: "beide Filter aufheben"
        case .kbFlipOrder: "neueste/älteste zuerst"
        case .kbMark: "Kunden markieren oder Markierung aufheben"
        case .kbMarkAll: "alle Kunden der Liste markieren"
        case .kbClearMarks: "Markierungen aufheben"
        case .kbMoveMarked: "die markierten Kunden, sonst diesen, in eine Phase verschieben"
        case .kbMoveOne: "diesen Kunden in eine Phase verschieben"
        case .kbUndo: "letzte Änderung rückgängig machen"
        case .kbRedo: "zuletzt rückgängig gemachte Änderung wiederholen"
        case .kbSave: "Änderungen in die Datei speichern (JSON)"
        case .kbPickDigit: "zu Phase 1–9 springen"
        case .kbPickStage: "in die gewählte Phase verschieben"
        case .kbConfirmYes: "ja, verschieben"
        case .kbConfirmNo: "nein, abbrechen"
        case .kbSaveQuit: "speichern, dann beenden"
        case .kbQuitJournal: "beenden; die Änderungen bleiben im Journal"
        case .kbStay: "bleiben"
        case .kbSetAside: "das Journal beiseitelegen (umbenannt, nicht gelöscht); Phasen in der Datei ändern, wie sie ist"
        case .kbBrowseReadOnly: "schreibgeschützt ansehen; das Journal bleibt, wie es ist"
        case .kbQuitNothing: "beenden; nichts wird geändert"
        case .kbBack: "zurück"
        case .kbClose: "schließen"
        case .kbCancel: "abbrechen"
        case .kbKeepMatch: "Treffer behalten und Suchzeile schließen"
        case .kbOpenFound: "den gefundenen Kunden in der Liste seiner Phase öffnen"
        case .kbMoveWithNote: "mit der getippten Notiz verschieben"
        case .kbSaveAsTyped: "unter dem getippten Namen speichern"
        case .kbDeleteBackward: "letztes getipptes Zeichen löschen"
        case .kbCancelSearchBack: "Suche abbrechen (der Cursor springt zurück)"
        case .kbCancelSearch: "Suche abbrechen"
        case .kbCancelMove: "abbrechen: nichts wird verschoben"
        case .kbCancelSaveAs: "abbrechen: die Änderungen bleiben im Journal"
        case .kbHelp: "Hilfe: alle Tasten"
        case .kbQuit: "beenden"
        default: nil
        }
    }

    /// The key bindings' status-bar hints.
    private static func germanKeyHints(_ key: MessageKey) -> String? {
        switch key {
        case .hintOpen: "öffnen"
        case .hintJourney: "Reise"
        case .hintApply: "anwenden"
        case .hintStage: "Phase"
        case .hintSort: "sortieren"
        case .hintSearch: "suchen"
        case .hintFilter: "filtern"
        case .hintOrder: "Reihenfolge"
        case .hintMove: "verschieben"
        case .hintChoose: "wählen"
        case .hintSaveQuit: "speichern & beenden"
        case .hintSetAside: "beiseitelegen"
        case .hintReadOnly: "schreibgeschützt"
        case .hintDone: "fertig"
        case .hintMoves: "verschiebt"
        case .hintSaves: "speichert"
        case .hintCancels: "Abbruch"
        case .hintHelp: "Hilfe"
        default: nil
        }
    }

    /// The dashboard's status messages.
    private static func germanStatus(_ key: MessageKey) -> String? {
        switch key {
        case .stWarningsInFile: "{0, plural, one {# Warnung} other {# Warnungen}} in dieser Datei (clc validate zeigt sie)"
        case .stJoined: "{0} · {1}"
        case .stCancelled: "abgebrochen: {0}"
        case .stFiguresFailed: "Kennzahlen konnten nicht berechnet werden: {0}"
        case .stNoLongerInStage: "{0} ist nicht mehr in dieser Phase"
        case .stFound: "gefunden: {0}"
        case .stStillWriting: "eine Änderung wird noch geschrieben: gleich noch einmal versuchen"
        case .stNothingToUndo: "nichts rückgängig zu machen"
        case .stNothingToRedo: "nichts zu wiederholen"
        case .stMovedOne: "{0} verschoben: {1} → {2}"
        case .stMovedMany: "{0, plural, one {# Kunde} other {# Kunden}} nach {1} verschoben"
        case .stUndoneOne: "Rückgängig: {0} zurückverschoben: {1} → {2}"
        case .stUndoneMany: "Rückgängig: {0, plural, one {# Kunde} other {# Kunden}} zurückverschoben"
        case .stRedoneOne: "Wiederholt: {0} verschoben: {1} → {2}"
        case .stRedoneMany: "Wiederholt: {0, plural, one {# Kunde} other {# Kunden}} verschoben"
        case .stAlreadyThereMany: "{0} bereits dort: {1}"
        case .stNotMoved: "{0} von {1} nicht verschoben: {2}"
        case .stUpdated: "aktualisiert: ein anderes Programm hat die Datei geändert"
        case .stFailed: "{0} fehlgeschlagen: {1}"
        case .stFileReadOnly: "{0} ist schreibgeschützt"
        case .stNothingToSave: "nichts zu speichern: jede Änderung ist in der Datei"
        case .stSaved: "{0} gespeichert"
        case .stSavedAs: "Als {0} gespeichert und geöffnet; {1} unverändert"
        case .stSetAside: "Journal beiseitegelegt als {0}; {1} ist, wie es auf dem Datenträger ist"
        case .stNoMatch: "kein Treffer für „{0}“"
        case .stNothingMoved: "nichts verschoben"
        case .stReadOnlyWhileJournal: "schreibgeschützt, solange das Journal da ist (m bietet an, es beiseitezulegen)"
        case .stNoCustomerWithID: "kein Kunde mit ID „{0}“ · Namen und E-Mails nach dem Indexieren"
        case .stAlreadyIn: "{0} ist bereits in {1}"
        case .stNotSaved: "nicht gespeichert: die Änderungen bleiben im Journal"
        case .stExists: "{0} existiert: einen anderen Namen wählen"
        case .stMarksCleared: "Markierungen aufgehoben"
        case .stFilterCleared: "Filter aufgehoben"
        case .stFiltered: "gefiltert: {0, plural, one {# Kunde} other {# Kunden}}"
        case .stMarkedHint: "{0} markiert · m verschiebt sie · c hebt auf"
        case .stCustomerGone: "Kunde {0} existiert nicht mehr"
        case .stNoSearchYet: "noch keine Suche: / sucht"
        case .stSearchTyped: "/{0}  (n nächster, N voriger)"
        case .stSearchHit: "/{0}"
        case .stSearchWrapped: "/{0}  (Suche von vorn)"
        default: nil
        }
    }

    /// The dashboard: work in progress, a journal that cannot be replayed.
    private static func germanProgress(_ key: MessageKey) -> String? {
        switch key {
        case .prInProgress: "{0}…"
        case .prMarking: "{0, plural, one {# Kunde wird} other {# Kunden werden}} markiert"
        case .prFinding: "{0} wird gesucht"
        case .prMoving: "{0, plural, one {# Kunde wird} other {# Kunden werden}} verschoben"
        case .prUndoing: "wird rückgängig gemacht"
        case .prRedoing: "wird wiederholt"
        case .prSaving: "{0} wird gespeichert"
        case .prSavingAs: "wird als {0} gespeichert"
        case .prSettingAside: "Journal wird beiseitegelegt"
        case .prSearching: "Suche nach „{0}“"
        case .prSearchingPlain: "Suche"
        case .prReloadingJourney: "Kundenreise wird neu geladen"
        case .prReadingFilters: "Segmente und Kanäle werden gelesen"
        case .prReadingSegments: "Segmente werden gelesen"
        case .prOpeningJourney: "Kundenreise wird geöffnet"
        case .prLoadingCustomers: "Kunden werden geladen"
        case .prCountingCustomers: "Kunden werden gezählt"
        case .prMarkingPlain: "Markieren"
        case .prMovingPlain: "Verschieben"
        case .prCheckingChanges: "Prüfen auf Änderungen"
        case .prComputingValues: "Kundenwert wird berechnet"
        case .uiValueTitle: "Wert"
        case .uiValuePurchaseDays: "{0, plural, one {# Kauftag} other {# Kauftage}}"
        case .uiValueHistory: "x {0} · t_x {1} · T {2} Tage"
        case .uiValueMonetary: "Betrag {0}"
        case .uiValueExpected90: "{0} Käufe in 90 Tagen"
        case .uiValueCLV: "CLV: {0}"
        case .uiValueRFM: "RFM {0} ({1})"
        case .uiValuePerMonth: "pro Monat"
        case .uiValueNoPurchase: "kein Kauf: keine Modellwerte"
        case .uiValueUnavailable: "kein Kundenwert: {0}"
        case .uiStageValue: "Wert:"
        case .uiStageBuyers: "{0, plural, one {# Käufer} other {# Käufer}}"
        case .uiStageMeanPAlive: "mittl. P(aktiv) {0}"
        case .uiStageAtRisk: "{0, plural, one {# gefährdet} other {# gefährdet}} (P(aktiv) < {1})"
        case .uiStageCLV: "CLV gesamt {0}"
        case .uiColumnAtRisk: "Gefährdet"
        case .uiKeysModel: "Tasten — Kundenwert-Modell"
        case .uiModelTitle: "Kundenwert-Modell"
        case .uiModelConverged: "konvergiert"
        case .uiModelBuyers: "{0, plural, one {# Käufer} other {# Käufer}} · {1, plural, one {# Wiederkäufer} other {# Wiederkäufer}}"
        case .uiHistogramPAlive: "P(aktiv) von {0, plural, one {# Käufer} other {# Käufern}}"
        case .uiHistogramCLV: "CLV von {0, plural, one {# Käufer} other {# Käufern}}"
        case .uiHoldoutNone: "Noch keine Prüfung: {0} setzt ein Kalibrierungsende; die Modelle werden dann mit den Käufen bis dahin geschätzt und mit den Käufen danach verglichen."
        case .uiHoldoutUnavailable: "keine Prüfung: {0}"
        case .uiTrackingChart: "Wiederkauftage kumuliert, Woche für Woche ({0} tatsächlich, {1} vorhergesagt)"
        case .uiTrackingWeeks: "Woche 1 … {0}"
        case .uiFrequencyLegend: "{0} tatsächlich  {1} vorhergesagt"
        case .uiCalibrationPrompt: "Kalibrierungsende (JJJJ-MM-TT) {0}:"
        case .stNotADate: "kein Datum: {0}"
        case .stCalibrationNotBefore: "das Kalibrierungsende muss vor dem Stand liegen ({0})"
        case .prFittingHoldout: "Schätzung mit den Käufen bis {0}"
        case .kbModel: "Kundenwert-Modell: Parameter, Histogramme, Prüfzeitraum"
        case .kbCalibration: "Kalibrierungsende setzen und die Vorhersage mit den Käufen danach vergleichen"
        case .kbFitHoldout: "bis zum eingegebenen Datum schätzen und die Vorhersage prüfen"
        case .kbCancelCalibration: "abbrechen"
        case .hintModel: "Modell"
        case .hintHoldout: "Prüfung"
        case .hintFits: "schätzt"
        case .prFindingCustomer: "Kunde wird gesucht"
        case .prSavingPlain: "Speichern"
        case .uiMoveMarked: "{0} markierte Kunden verschieben nach…"
        case .stText: "{0}"
        case .stChangedOnDisk: "{0} wurde seit dem Öffnen auf dem Datenträger geändert: unter einem anderen Namen speichern"
        case .sjTitle: "Das Journal dieser Datei kann nicht angewendet werden"
        case .sjNoChanges: "keine ungespeicherten Phasenwechsel"
        case .sjChanges: "{0, plural, one {# ungespeicherter Phasenwechsel} other {# ungespeicherte Phasenwechsel}}"
        case .sjWhat: "Das Journal {0} ({1}) {2} und kann daher nicht angewendet werden. Zu sehen ist {3}, wie die Datei auf dem Datenträger steht."
        case .sjSetAside: "s: das Journal beiseitelegen: es wird in {0}.set-aside-<Zeit> umbenannt, nie gelöscht, und Phasen lassen sich in der Datei ändern, wie sie ist."
        case .sjBrowse: "Esc: schreibgeschützt ansehen; das Journal bleibt, wie es ist."
        case .sjQuit: "q: beenden; nichts wird geändert."
        case .ruleExpected,
             .ruleTooDeep,
             .ruleUnknownField,
             .ruleWrongOperator,
             .ruleWrongType,
             .ruleUnexpectedCharacter,
             .ruleUnclosedString,
             .ruleBadDate,
             .ruleBadNumber,
             .rulesFileMissing,
             .ruleAt,
             .ruleAtLine,
             .ruleMissingKey,
             .ruleDuplicateName,
             .ruleNoSuchRule,
             .ruleMoved,
             .ruleConflicts,
             .rulesPreviewOnly,
             .rulesColumns,
             .rulesNothingToMove:
            germanRules(key)
        case .importNotRecognised, .importMissingColumn, .importFieldCount, .importEmptyValue, .importBadDate, .importDatesAmbiguous, .importDatesMixed, .importBadNumber,
             .importDuplicateID, .importSkipped, .importSkippedSummary, .importNothingWritten, .importMappingSyntax, .importMappingType, .importMappingUnknownKey, .importMappingStage, .importMappingNoName, .importMappingDateFormat, .importReadAs:
            germanImport(key)
        default: nil
        }
    }

    /// Value figures in lists and the filter picker.
    private static func germanValueLists(_ key: MessageKey) -> String? {
        switch key {
        case .valuesRefusedCount: "Kundenwerte nicht angezeigt: die Datei hat {0, plural, one {# Kunden} other {# Kunden}}, die Wertetabelle {1}"
        case .valuesRefusedUnknown: "Kundenwerte nicht angezeigt: die Wertetabelle enthält Kunde {0}, den die Datei nicht hat"
        case .uiValuesComputing: "wird berechnet…"
        case .uiValuesUnavailable: "nicht verfügbar"
        case .uiFilterAtRisk: "gefährdet (P(aktiv) < {0})"
        case .uiFilterCLVTop: "CLV oberste {0} % (≥ {1})"
        case .uiFilterCLVBottom: "CLV unterste {0} % (< {1})"
        case .uiFilterCLVRange: "CLV von {0} bis {1}"
        default: nil
        }
    }

    /// Attribution, flows, cohorts and diff.
    private static func germanTouchpointAnalysis(_ key: MessageKey) -> String? {
        switch key {
        case .attributionTitle:
            "Attribution von {0}: {1, plural, one {# Konversion} other {# Konversionen}} · {2} · Rückblick {4, plural, one {# Tag} other {# Tage}} · nach {3}"
        case .modelFirst: "erster Kontakt"
        case .modelLast: "letzter Kontakt"
        case .modelLinear: "linear"
        case .modelPosition: "positionsbasiert (40/20/40)"
        case .modelTimeDecay: "zeitlicher Verfall (Halbwertszeit 7 Tage)"
        case .columnChannel: "Kanal"
        case .columnCampaign: "Kampagne"
        case .columnType: "Typ"
        case .columnCredit: "Anrechnung"
        case .columnTouchpoints: "Kontaktpunkte"
        case .keyNone: "(keine)"
        case .flowsTitle: "Phasenflüsse, {0}: {1, plural, one {# Phasenwechsel} other {# Phasenwechsel}}"
        case .flowsAll: "alle Phasenwechsel"
        case .flowsSince: "ab {0}"
        case .flowsUntil: "vor {0}"
        case .flowsBetween: "ab {0} bis vor {1}"
        case .flowEntry: "(Eintritt)"
        case .columnKind: "Art"
        case .columnCount: "Anzahl"
        case .kindEntry: "Eintritt"
        case .kindForward: "vorwärts"
        case .kindSkip: "übersprungen"
        case .kindBackward: "rückwärts"
        case .kindSame: "gleich"
        case .cohortsPurchaseTitle: "Kohorten nach Monat der Ankunft: Anteil mit einem Kauf in jedem Monat seitdem (bis {0})"
        case .cohortsActiveTitle: "Kohorten nach Monat der Ankunft: Anteil mit irgendeinem Kontaktpunkt in jedem Monat seitdem (bis {0})"
        case .columnCohort: "Kohorte"
        case .diffTitle: "{0} ({1}) → {2} ({3})"
        case .diffSummary:
            "{0, plural, one {# Kunde} other {# Kunden}} hinzugekommen · {1, plural, one {# Kunde} other {# Kunden}} entfallen · "
                + "{2, plural, one {# Kunde} other {# Kunden}} verschoben"
        case .diffMoves: "Phasenwechsel zwischen beiden:"
        case .diffNoMoves: "Kein Kunde, der in beiden vorkommt, hat die Phase gewechselt."
        case .columnOld: "Alt"
        case .columnNew: "Neu"
        case .columnDelta: "Änderung"
        default: nil
        }
    }

    /// Die Bildschirme der Kontaktpunkt-Analysen, ihre Tasten und Kundenlisten.
    private static func germanAnalysisScreens(_ key: MessageKey) -> String? {
        switch key {
        case .uiKeysAttribution: "Tasten — Attribution"
        case .uiKeysFlows: "Tasten — Phasenwechsel"
        case .uiKeysCohorts: "Tasten — Kohorten"
        case .uiKeysDrillDown: "Tasten — Kunden hinter einer Zahl"
        case .uiAttrTitle:
            "Attribution in {0} · {1, plural, one {# Konversion} other {# Konversionen}} · Rückblick {2, plural, one {# Tag} other {# Tage}} · nach {3}"
        case .uiAttrNoConversions: "Niemand ist in {0} eingetreten (kein Wechsel dorthin, niemand darin)."
        case .uiModelFirstShort: "Erster"
        case .uiModelLastShort: "Letzter"
        case .uiModelLinearShort: "Linear"
        case .uiModelPositionShort: "Position"
        case .uiModelDecayShort: "Verfall"
        case .uiAnalysisFailed: "nicht berechnet: {0}"
        case .prAttributing: "Konversionen in {0} werden zugeordnet"
        case .prListingCustomers: "Kunden werden gesucht"
        case .uiDrillCredited: "Konvertierte in {0}, angerechnet {1} nach {2} ({3})"
        case .uiDrillCount: "{0, plural, one {# Kunde} other {# Kunden}}"
        case .uiAttrDetail:
            "{0}: {1, plural, one {# Kontaktpunkt} other {# Kontaktpunkte}} · {2, plural, one {# Konvertierter} other {# Konvertierte}} erreicht · Umsatz {3} nach {4}"
        case .uiColumnTotal: "Summe"
        case .uiFlowCorner: "von ↓ nach →"
        case .uiDrillFlow: "Kunden mit einem Wechsel {0} → {1}, {2}"
        case .uiFlowLegend: "Schattierung ░▒▓█ nach Anzahl · » überspringt · « zurück · = gleiche Phase"
        case .prCountingFlows: "Phasenwechsel werden gezählt"
        case .uiStageFlows: "rein: {0} · raus: {1}"
        case .uiDrillCohortPurchase: "Kohorte {0}: Kunden mit einem Kauf im {1}"
        case .uiDrillCohortActive: "Kohorte {0}: Kunden mit einem Kontaktpunkt im {1}"
        case .prComputingCohorts: "Kunden werden nach Monat der Ankunft gruppiert"
        case .uiCohortsNone: "Kein Kunde hat ein Datum (created_at, einen Phasenwechsel oder einen Kontaktpunkt)."
        case .uiChangedSince: "Geändert seit {0} (neu oder verschoben)"
        case .prComparing: "Vergleich mit {0}"
        case .kbChangedSince: "mit --compare ALT: die seit ALT neuen oder verschobenen Kunden"
        case .uiDrillNobody: "Niemand."
        case .kbAttribution: "Attribution der gewählten Phase: die fünf Modelle nebeneinander"
        case .kbFlows: "Phasenwechsel: wer von wo nach wo wechselte"
        case .kbCohorts: "Kohorten nach Monat der Ankunft"
        case .kbDrillCredited: "die Konvertierten auflisten, die das gewählte Modell der Zeile anrechnet"
        case .kbDrillCell: "die Kunden hinter der gewählten Zelle auflisten"
        case .kbNextModel: "nächstes Modell"
        case .kbPreviousModel: "voriges Modell"
        case .kbNextColumn: "nächste Spalte"
        case .kbPreviousColumn: "vorige Spalte"
        case .kbAttributionBy: "nach Kanal, Kampagne oder Kontaktpunktart"
        case .kbCohortMetric: "Kauf oder irgendein Kontaktpunkt"
        case .kbLookback: "Rückblick: 7, 30, 90 oder 180 Tage"
        case .kbFlowPeriod: "Zeitraum: alle, die letzten 30, 90 oder 365 Tage vor as_of"
        case .kbDrillSort: "nach Name oder nach ID sortieren"
        case .hintAttribution: "Attribution"
        case .hintFlows: "Wechsel"
        case .hintCohorts: "Kohorten"
        case .hintCustomers: "Kunden"
        case .hintBy: "nach"
        case .hintMetric: "Maß"
        case .hintWindow: "Fenster"
        case .hintPeriod: "Zeitraum"
        default: nil
        }
    }
}

extension Catalog {
    /// `clc export` und der Export im Dashboard.
    static func germanExport(_ key: MessageKey) -> String? {
        switch key {
        case .exportUnknownColumn: "unbekannte Spalte „{0}“; Spalten: {1}"
        case .exportUnknownSort: "nach „{0}“ kann nicht sortiert werden; sortieren nach: {1} (:desc für absteigend)"
        case .exportUnknownStage: "keine Phase „{0}“; Phasen: {1}"
        case .exportWrote: "{0} geschrieben: {1, plural, one {# Zeile} other {# Zeilen}}"
        default: nil
        }
    }
}
