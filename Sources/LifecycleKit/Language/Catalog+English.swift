extension Catalog {
    /// English, clc's original wording, by area in the order of `MessageKey`: each area answers
    /// its own keys and nil for the others (`CatalogTests` checks every key is answered by
    /// exactly one). `{n}` is argument n; `{n, plural, one {…} other {…}}` chooses by count n
    /// (`#` = the count).
    static let englishAreas: [@Sendable (MessageKey) -> String?] = [
        englishCommandLine, englishValidation, englishJSONSyntax,
        englishReports, englishValue, englishDashboardFunnelAndList,
        englishDashboardJourneyAndBoxes, englishKeyBindings, englishKeyHints,
        englishStatus, englishProgress,
        englishValueLists, englishTouchpointAnalysis, englishAnalysisScreens,
        englishExport, englishListExport,
        englishSuggestions,
    ]

    /// Files and formats, customers and stages, moves, journals.
    private static func englishCommandLine(_ key: MessageKey) -> String? {
        switch key {
        case .formatUnknown: "cannot tell the format of \"{0}\": use .json, .sqlite or .db"
        case .outputExists: "{0} exists; use --force to overwrite it"
        case .sameFile: "input and output are the same file"
        case .wroteSnapshot: "wrote {0}: {1, plural, one {# customer} other {# customers}}"
        case .wroteConversion:
            "wrote {0}: {1, plural, one {# customer} other {# customers}}, {2, plural, one {# touchpoint} other {# touchpoints}}, "
                + "{3, plural, one {# transition} other {# transitions}}"
        case .mustNotBeNegative: "{0} must be 0 or more"
        case .unknownCustomer: "unknown customer {0}"
        case .unknownStage: "unknown stage {0}"
        case .unknownStageAmong: "unknown stage {0} (stages: {1})"
        case .moved: "Moved {0} ({1}): {2} → {3} at {4} by {5}"
        case .alreadyThere: "{0} ({1}) is already in {2}: nothing recorded"
        case .alreadyThereBy: "{0} ({1}) is already in {2}: nothing recorded (moved there by {3} at {4})"
        case .alreadyIn: "{0} is already in {1}"
        case .alreadyInBy: "{0} is already in {1} (moved there by {2} at {3})"
        case .notMoved: "not moved: {0}"
        case .noOutcome: "not moved: {0} (no outcome reported)"
        case .conflictGone: "{0} no longer exists"
        case .conflictMovedBy: "{0} was moved to {1} by {2} at {3}"
        case .conflictElsewhere: "{0} is in {1}, not {2}"
        case .moveReadOnly: "{0} is read-only: stages cannot be changed"
        case .writeProtected: "{0} is read-only for others (no write permission): opened read-only; clc move --force changes it anyway"
        case .moveBusy: "{0}: locked by another program; nothing was changed, try again"
        case .moveChangedOnDisk: "{0} changed on disk since it was opened; save under another name"
        case .moveIO: "{0}: {1}"
        case .rewriteFailed: "moved, but {0} could not be rewritten ({1}); the change is safe in its journal"
        case .changeInJournal:
            "{0} is open in a dashboard: the change went into its journal {0}.clc-journal; the dashboard shows it, and its w writes it into the file"
        case .earlierChangesWritten: "The earlier changes waiting in {0}.clc-journal were written into {0} too"
        case .fileBeingRewritten: "{0} is being rewritten by another clc ({1} is held); try again"
        case .cannotCreate: "cannot create {0}: {1}"
        case .cannotReadFile: "cannot read {0}: {1}"
        case .cannotWrite: "cannot write {0}: {1}"
        case .cannotOpenLock: "cannot open the lock file {0}: {1}"
        case .noJournalToSetAside: "{0} has no journal to set aside"
        case .cannotSetAside: "cannot set the journal aside as {0}: {1}"
        case .onlyJSONSaveAs: "only JSON snapshots are saved under another name; {0} holds every change already"
        case .staleJournalWarning:
            "its journal {0} {1}; it was not replayed: this is the file as it is on disk (open the file in the dashboard to set the journal aside)"
        case .staleJournalRefusal:
            "its journal {0} {1}; nothing was changed. Open the file in the dashboard (clc FILE) to set the journal aside"
        case .journalNoHeader: "does not start with a clc journal header"
        case .journalOtherVersion:
            "belongs to another version of the file (written for {0, plural, one {# byte} other {# bytes}}, the file has {1})"
        case .journalDamaged: "is damaged at line {0}"
        case .journalUnknownReference: "names an unknown customer or stage in action {0}"
        default: nil
        }
    }

    /// Validation: files and the rules of the format.
    private static func englishValidation(_ key: MessageKey) -> String? {
        switch key {
        case .problemError: "error: {0}"
        case .problemWarning: "warning: {0}"
        case .moreErrors: "… and {0, plural, one {# more error} other {# more errors}}"
        case .moreWarnings: "… and {0, plural, one {# more warning} other {# more warnings}}"
        case .validateSummary:
            "{0}: {1, plural, one {# error} other {# errors}}, {2, plural, one {# warning} other {# warnings}}"
        case .cannotOpenSnapshot: "{0}: cannot open snapshot ({1, plural, one {# error} other {# errors}})"
        case .noSuchFile: "no such file"
        case .isDirectory: "is a directory, not a snapshot file"
        case .permissionDenied: "cannot be read (permission denied)"
        case .cannotBeOpened: "cannot be opened ({0})"
        case .cannotBeRead: "cannot be read"
        case .beingRewritten: "is being rewritten by another clc ({0} is held); try again"
        case .formatMustBe: "format must be \"{0}\""
        case .missingFormat: "missing required field \"format\" (not a lifecycle snapshot)"
        case .unsupportedVersion: "unsupported version {0} (this clc reads version {1})"
        case .atLeastOneStage: "at least one stage is required"
        case .missingField: "missing required field \"{0}\""
        case .fieldTwice: "field appears more than once"
        case .expectedKind: "expected {0}, found {1}"
        case .expectedScalar: "expected a string, number or boolean, found {0}"
        case .jsonString: "a string"
        case .jsonNumber: "a number"
        case .jsonObject: "an object"
        case .jsonArray: "an array"
        case .jsonBoolean: "a boolean"
        case .jsonNull: "null"
        case .invalidStageID: "invalid stage id {0} (must match [a-z0-9][a-z0-9_-]*)"
        case .invalidID: "invalid id {0} (must be 1 to {1} printable characters)"
        case .malformedTimestamp: "malformed timestamp {0}"
        case .expectedPositiveInteger: "expected a positive integer"
        case .duplicateStageID: "duplicate stage id {0} (first at {1})"
        case .duplicateCustomerID: "duplicate customer id {0} (first at {1})"
        case .duplicateTouchpointID: "duplicate touchpoint id {0} (first at {1})"
        case .duplicateTransitionID: "duplicate transition id {0} (first at {1})"
        case .unmatchedRevert: "reverts {0}, which is no other transition of this customer; counted as an ordinary stage change"
        case .stageMismatch: "stage is {0} but the last transition goes to {1}"
        case .enteredBeforeCreated: "stage_entered_at {0} is before created_at {1}"
        case .afterAsOf: "{0} is after as_of {1}"
        case .looksLikeCSV:
            "looks like CSV ({0}-separated, not JSON); clc reads lifecycle snapshots in JSON or SQLite (see the snapshot format in clc's README)"
        case .separatorComma: "comma"
        case .separatorSemicolon: "semicolon"
        case .separatorTab: "tab"
        default: nil
        }
    }

    /// Validation: JSON syntax.
    private static func englishJSONSyntax(_ key: MessageKey) -> String? {
        switch key {
        case .emptyFile: "empty file, expected a JSON object"
        case .expectedTopObject: "expected a JSON object at the top level, found {0}"
        case .textAfterObject: "unexpected text after the JSON object"
        case .syntaxTruncated: "unexpected end of file (truncated?)"
        case .syntaxFound: "{0}, found '{1}'"
        case .syntaxFoundControl: "{0}, found control character 0x{1}"
        case .syntaxTooDeep: "nesting deeper than {0} levels"
        case .expectValue: "expected a value"
        case .expectCommaOrBrace: "expected ',' or '}' after object member"
        case .expectKey: "expected a key in double quotes"
        case .expectColon: "expected ':' after object key"
        case .expectCommaOrBracket: "expected ',' or ']' after array element"
        case .syntaxControlInString: "control character 0x{0} must be escaped in a string"
        case .syntaxInvalidEscape: "invalid escape sequence in string"
        case .syntaxInvalidEscapeChar: "invalid escape sequence '\\{0}' in string"
        case .syntaxHighSurrogate: "invalid \\u escape: high surrogate \\u{0} without a low surrogate"
        case .syntaxLoneLowSurrogate: "invalid \\u escape: lone low surrogate \\u{0}"
        case .syntaxExpectedHexDigits: "invalid \\u escape: expected 4 hex digits"
        case .syntaxInvalidUTF8: "invalid UTF-8 byte 0x{0}"
        case .syntaxMalformedNumber: "malformed number"
        case .syntaxMalformedNumberDetail: "malformed number: {0}"
        case .syntaxNumberOutOfRange: "number out of range"
        case .numberLeadingZeros: "leading zeros are not allowed"
        case .numberExpectedDigit: "expected a digit"
        case .numberDigitAfterPoint: "expected a digit after '.'"
        case .numberDigitInExponent: "expected a digit in the exponent"
        default: nil
        }
    }

    /// `report` and `history`.
    private static func englishReports(_ key: MessageKey) -> String? {
        switch key {
        case .reportTitle: "{0} — as of {1}"
        case .reportTitleWithChanges: "{0} — as of {1} · {2, plural, one {# change} other {# changes}} since"
        case .unnamedSnapshot: "Unnamed snapshot"
        case .reportTotals:
            "{0, plural, one {# customer} other {# customers}} · {1, plural, one {# touchpoint} other {# touchpoints}} · "
                + "{2, plural, one {# transition} other {# transitions}} · revenue {3}"
        case .columnStage: "Stage"
        case .columnCustomers: "Customers"
        case .columnShare: "Share"
        case .columnReached: "Reached"
        case .columnConversion: "Conversion"
        case .columnMedianDays: "Median days"
        case .columnRevenue: "Revenue"
        case .historyHeading: "{0} ({1}), now in {2}"
        case .historyEmpty: "no recorded stage changes"
        case .columnWhen: "When"
        case .columnFrom: "From"
        case .columnTo: "To"
        case .columnBy: "By"
        case .columnNote: "Note"
        default: nil
        }
    }

    /// `model` and `scores` (customer value).
    private static func englishValue(_ key: MessageKey) -> String? {
        switch key {
        case .valueTitle: "{0} — customer value as of {1}"
        case .valueCalibration: "fitted on purchases up to {0}"
        case .valueBuyers: "{0, plural, one {# customer} other {# customers}} · {1, plural, one {# buyer} other {# buyers}} · {2, plural, one {# repeat buyer} other {# repeat buyers}}"
        case .valueBGNBD: "BG/NBD (purchases and drop-out; time unit: a day)"
        case .valueGammaGamma: "Gamma-Gamma (spend per purchase day)"
        case .valueLogLikelihood: "log-likelihood {0}"
        case .valueCLVSettings: "CLV over {0, plural, one {# month} other {# months}}, discounted {1} a month"
        case .valueNote: "note: {0}"
        case .valueNotConverged: "did not converge"
        case .valueNoPurchases: "no purchases: no model figures"
        case .valueNobodyRepeats: "nobody bought on a second day: BG/NBD cannot be fitted, no P(alive) or CLV"
        case .valueBGNBDNotConverged: "the BG/NBD fit did not converge; its figures are uncertain"
        case .valueNoAmounts: "no repeat purchase has an amount: Gamma-Gamma cannot be fitted, no CLV"
        case .valueInfiniteMean: "the Gamma-Gamma fit has q ≤ 1 (no finite mean amount): no CLV"
        case .valueGammaGammaNotConverged: "the Gamma-Gamma fit did not converge; CLV is uncertain"
        case .valueBGNBDLastGood: "the BG/NBD refit did not converge; the last parameters that did are used"
        case .valueGammaGammaLastGood: "the Gamma-Gamma refit did not converge; the last parameters that did are used"
        case .columnParameter: "Parameter"
        case .columnEstimate: "Estimate"
        case .columnStdError: "Std. error"
        case .holdoutTitle: "Holdout after {0} ({1, plural, one {# day} other {# days}}): {2} repeat purchase days, {3} predicted"
        case .holdoutByFrequency: "Holdout purchase days per buyer, by repeat purchase days up to {0}"
        case .columnWeek: "Week"
        case .columnActual: "Actual"
        case .columnPredicted: "Predicted"
        case .columnCumulativeActual: "Actual, total"
        case .columnCumulativePredicted: "Predicted, total"
        case .columnRepeatPurchases: "Repeats"
        case .columnBuyers: "Buyers"
        case .columnID: "Id"
        case .columnName: "Name"
        case .columnPurchases: "Purchases"
        case .columnMonetary: "Monetary"
        case .columnPAlive: "P(alive)"
        case .columnExpected90: "Exp. 90 d"
        case .columnCLV: "CLV"
        case .columnRFM: "RFM"
        case .columnRFMSegment: "RFM segment"
        case .rfmChampions: "Champions"
        case .rfmLoyal: "Loyal"
        case .rfmPotentialLoyalist: "Potential loyalist"
        case .rfmNew: "New"
        case .rfmPromising: "Promising"
        case .rfmNeedAttention: "Need attention"
        case .rfmAboutToSleep: "About to sleep"
        case .rfmAtRisk: "At risk"
        case .rfmCantLose: "Can't lose"
        case .rfmHibernating: "Hibernating"
        case .rfmLost: "Lost"
        default: nil
        }
    }

    /// The dashboard: header, funnel, stage list.
    private static func englishDashboardFunnelAndList(_ key: MessageKey) -> String? {
        switch key {
        case .uiAsOf: "as of {0}"
        case .uiAsOfWithChanges: "as of {0} · {1, plural, one {# change} other {# changes}} since"
        case .uiRevenue: "revenue {0}"
        case .uiRevenuePending: "revenue …"
        case .uiCustomers: "{0, plural, one {# customer} other {# customers}}"
        case .uiReadOnly: "[read-only]"
        case .uiUnsaved: "● unsaved changes (w saves)"
        case .uiIndexing: "indexing for fast sorting…"
        case .uiEscCancels: "Esc cancels"
        case .uiTooSmall: "terminal too small"
        case .uiTooSmallSize: "(needs {0}×{1}, is {2}×{3})"
        case .uiTooSmallHint: "enlarge it, or press q to quit"
        case .uiCustomersPerStage: "Customers per stage"
        case .uiStepConversion: "Step conv."
        case .uiStagesShown: "{0}–{1} of {2} stages"
        case .uiCustomersNow: "{0, plural, one {# customer now} other {# customers now}}"
        case .uiEverReached: "{0, plural, other {# ever reached it}}"
        case .uiCameOnFrom: "{0} came on from {1}"
        case .uiFiguresUnavailable: "figures unavailable: {0}"
        case .uiComputingFigures: "computing reach, conversion and revenue…"
        case .uiFunnelHint: "Enter: list its customers   j/k: choose a stage   ?: all keys"
        case .uiCameFrom: "came from"
        case .uiStartOfHistory: "start of history"
        case .uiNoRecordedEntry: "no recorded entry"
        case .uiColumnName: "Name"
        case .uiColumnEmail: "Email"
        case .uiColumnSegment: "Segment"
        case .uiColumnDays: "Days"
        case .uiColumnTouch: "Touch"
        case .uiColumnLastTouch: "Last touch"
        case .uiSortName: "name"
        case .uiSortEmail: "email"
        case .uiSortSegment: "segment"
        case .uiSortDays: "days in stage"
        case .uiSortTouchpoints: "touchpoints"
        case .uiSortLastTouch: "last touch"
        case .uiSortRevenue: "revenue"
        case .uiSortID: "id"
        case .uiNoCustomersInStage: "No customers in this stage."
        case .uiNoCustomersMatch: "No customers match the filter (F clears it)."
        case .uiCountingCustomers: "counting customers…"
        case .uiNoCustomers: "no customers"
        case .uiPosition: "{0} of {1}"
        case .uiSortedBy: "sorted by {0} {1}"
        case .uiFilterSegment: "segment {0}"
        case .uiFilterChannel: "channel {0}"
        case .uiFilterShown: "filter: {0}"
        case .uiMarked: "{0} marked"
        case .uiMarkedElsewhere: "{0} marked in other stages"
        default: nil
        }
    }

    /// The dashboard: journey, moves, confirmations, boxes, help.
    private static func englishDashboardJourneyAndBoxes(_ key: MessageKey) -> String? {
        switch key {
        case .uiID: "id {0}"
        case .uiCreated: "created {0}"
        case .uiForDays: "for {0} days (since {1})"
        case .uiForDaysAfterAsOf: "for {0} days (since {1}, after as of {2})"
        case .uiTouchpoints: "{0, plural, one {# touchpoint} other {# touchpoints}}"
        case .uiTags: "tags: {0}"
        case .uiNoTags: "no tags or attributes"
        case .uiChannels: "Channels"
        case .uiNoTouchpoints: "no touchpoints"
        case .uiDateUnknown: "(date unknown)"
        case .uiPath: "Path"
        case .uiNewestFirst: "newest first"
        case .uiOldestFirst: "oldest first"
        case .uiColumnChannel: "Channel"
        case .uiColumnType: "Type"
        case .uiColumnCampaign: "Campaign"
        case .uiColumnValue: "Value"
        case .uiNothingRecorded: "No touchpoints or stage changes recorded."
        case .uiRange: "{0}–{1} of {2}"
        case .uiStageChange: "⇢ stage"
        case .uiTransitionLine: "{0} → {1}   by {2}"
        case .uiStart: "start"
        case .uiYes: "yes"
        case .uiNo: "no"
        case .uiMoveTo: "Move {0} to…"
        case .uiNow: "● now"
        case .uiPickerKeys: "j/k or 1–9 choose · Enter · Esc cancel"
        case .uiConfirm: "Confirm"
        case .uiNoNote: "(no note)"
        case .uiNote: "Note: {0}"
        case .uiConfirmKeys: "y or Enter: move them · n or Esc: cancel"
        case .uiMoveQuestion: "Move {0, plural, one {# customer} other {# customers}} from {1} to {2}?"
        case .uiMoveQuestionMany: "Move {0, plural, one {# customer} other {# customers}} ({1}) to {2}?"
        case .uiCountFrom: "{0} from {1}"
        case .uiUnsavedTitle: "Unsaved changes"
        case .uiUnsavedText: "Your changes are safe in the journal beside the file and come back when you open it again; w writes them into the file now."
        case .uiUnsavedKeys: "w: save and quit · q: quit · Esc: stay"
        case .uiMoreLines: "▼ {0, plural, one {# more line} other {# more lines}}: enlarge the terminal"
        case .uiHelpListSearch: "Typing a search (/):"
        case .uiHelpGlobalSearch: "Typing a search across stages:"
        case .uiHelpMore: "▼ {0} more: j/k scroll · Esc or ? closes"
        case .uiHelpClose: "Esc or ? closes"
        case .uiKeys: "Keys"
        case .uiKeysFunnel: "Keys — Funnel"
        case .uiKeysStageList: "Keys — Stage list"
        case .uiKeysJourney: "Keys — Customer journey"
        case .uiFilterTitle: "Filter"
        case .uiAny: "any"
        case .uiFilterKeys: "j/k choose · Tab switch · x clear · Enter apply"
        case .uiNotePrompt: "Note for the move to {0} {1}: "
        case .uiSaveAsPrompt: "File changed on disk. Save as {0}: "
        case .uiAllStagesQuery: "all stages /{0}"
        case .uiEnterOpens: "{0} (Enter opens)"
        default: nil
        }
    }

    /// The key bindings' help texts.
    private static func englishKeyBindings(_ key: MessageKey) -> String? {
        switch key {
        case .kbDown: "move down"
        case .kbUp: "move up"
        case .kbPageDown: "page down"
        case .kbPageUp: "page up"
        case .kbTop: "go to the first"
        case .kbBottom: "go to the last"
        case .kbOpenStage: "open the stage's customer list"
        case .kbOpenJourney: "open the customer's journey"
        case .kbApplyFilter: "apply the filter"
        case .kbNextStage: "next stage"
        case .kbPreviousStage: "previous stage"
        case .kbToChannels: "switch to channels"
        case .kbToSegments: "switch to segments"
        case .kbSortNext: "sort by the next column"
        case .kbSortFlip: "flip the sort order"
        case .kbSearchAll: "search every stage: id, name, email"
        case .kbSearch: "search this stage: name, email, id"
        case .kbSearchNext: "next match"
        case .kbSearchPrevious: "previous match"
        case .kbFilter: "filter by segment and channel"
        case .kbClearFilter: "clear the filter"
        case .kbClearFilters: "clear both filters"
        case .kbFlipOrder: "newest/oldest first"
        case .kbMark: "mark or unmark the customer"
        case .kbMarkAll: "mark every customer in the list"
        case .kbClearMarks: "clear the marks"
        case .kbMoveMarked: "move the marked customers, else this one, to a stage"
        case .kbMoveOne: "move this customer to a stage"
        case .kbUndo: "undo the last change"
        case .kbRedo: "redo the change undone last"
        case .kbSave: "save changes into the file (JSON)"
        case .kbPickDigit: "jump to stage 1–9"
        case .kbPickStage: "move to the chosen stage"
        case .kbConfirmYes: "yes, move them"
        case .kbConfirmNo: "no, cancel"
        case .kbSaveQuit: "save, then quit"
        case .kbQuitJournal: "quit; the changes stay in the journal"
        case .kbStay: "stay"
        case .kbSetAside: "set the journal aside (renamed, not deleted); change stages on the file as it is"
        case .kbBrowseReadOnly: "browse read-only; the journal stays as it is"
        case .kbQuitNothing: "quit; nothing is changed"
        case .kbBack: "back"
        case .kbClose: "close"
        case .kbCancel: "cancel"
        case .kbKeepMatch: "keep the match and close the search line"
        case .kbOpenFound: "open the customer found in their stage's list"
        case .kbMoveWithNote: "move, with the note typed"
        case .kbSaveAsTyped: "save under the name typed"
        case .kbDeleteBackward: "delete the last character typed"
        case .kbCancelSearchBack: "cancel the search (the cursor goes back)"
        case .kbCancelSearch: "cancel the search"
        case .kbCancelMove: "cancel: nothing is moved"
        case .kbCancelSaveAs: "cancel: the changes stay in the journal"
        case .kbHelp: "help: every key"
        case .kbQuit: "quit"
        default: nil
        }
    }

    /// The key bindings' status-bar hints.
    private static func englishKeyHints(_ key: MessageKey) -> String? {
        switch key {
        case .hintOpen: "open"
        case .hintJourney: "journey"
        case .hintApply: "apply"
        case .hintStage: "stage"
        case .hintSort: "sort"
        case .hintSearch: "search"
        case .hintFilter: "filter"
        case .hintOrder: "order"
        case .hintMove: "move"
        case .hintChoose: "choose"
        case .hintSaveQuit: "save & quit"
        case .hintSetAside: "set aside"
        case .hintReadOnly: "read-only"
        case .hintDone: "done"
        case .hintMoves: "moves"
        case .hintSaves: "saves"
        case .hintCancels: "cancels"
        case .hintHelp: "help"
        default: nil
        }
    }

    /// The dashboard's status messages.
    private static func englishStatus(_ key: MessageKey) -> String? {
        switch key {
        case .stWarningsInFile: "{0, plural, one {# warning} other {# warnings}} in this file (clc validate lists them)"
        case .stJoined: "{0} · {1}"
        case .stCancelled: "cancelled: {0}"
        case .stFiguresFailed: "figures could not be computed: {0}"
        case .stNoLongerInStage: "{0} is no longer in that stage"
        case .stFound: "found {0}"
        case .stStillWriting: "a change is still being written: try again in a moment"
        case .stNothingToUndo: "nothing to undo"
        case .stNothingToRedo: "nothing to redo"
        case .stMovedOne: "Moved {0}: {1} → {2}"
        case .stMovedMany: "Moved {0, plural, one {# customer} other {# customers}} to {1}"
        case .stUndoneOne: "Undone: moved back {0}: {1} → {2}"
        case .stUndoneMany: "Undone: moved back {0, plural, one {# customer} other {# customers}}"
        case .stRedoneOne: "Redone: moved {0}: {1} → {2}"
        case .stRedoneMany: "Redone: moved {0, plural, one {# customer} other {# customers}}"
        case .stAlreadyThereMany: "{0} already there: {1}"
        case .stNotMoved: "{0} of {1} not moved: {2}"
        case .stUpdated: "updated: another program changed the file"
        case .stFailed: "{0} failed: {1}"
        case .stFileReadOnly: "{0} is read-only"
        case .stNothingToSave: "nothing to save: every change is in the file"
        case .stSaved: "Saved {0}"
        case .stSavedAs: "Saved as {0}, now open; {1} unchanged"
        case .stSetAside: "Journal set aside as {0}; {1} is as it is on disk"
        case .stNoMatch: "no match for “{0}”"
        case .stNothingMoved: "nothing moved"
        case .stReadOnlyWhileJournal: "read-only while the journal is there (m offers to set it aside)"
        case .stNoCustomerWithID: "no customer with id “{0}” · names and emails once indexing ends"
        case .stAlreadyIn: "{0} is already in {1}"
        case .stNotSaved: "not saved: the changes stay in the journal"
        case .stExists: "{0} exists: choose another name"
        case .stMarksCleared: "marks cleared"
        case .stFilterCleared: "filter cleared"
        case .stFiltered: "filtered: {0, plural, one {# customer} other {# customers}}"
        case .stMarkedHint: "{0} marked · m moves them · c clears"
        case .stCustomerGone: "customer {0} no longer exists"
        case .stNoSearchYet: "no search yet: press / to search"
        case .stSearchTyped: "/{0}  (n next, N previous)"
        case .stSearchHit: "/{0}"
        case .stSearchWrapped: "/{0}  (search wrapped)"
        default: nil
        }
    }

    /// The dashboard: work in progress, a journal that cannot be replayed.
    private static func englishProgress(_ key: MessageKey) -> String? {
        switch key {
        case .prInProgress: "{0}…"
        case .prMarking: "marking {0, plural, one {# customer} other {# customers}}"
        case .prFinding: "finding {0}"
        case .prMoving: "moving {0, plural, one {# customer} other {# customers}}"
        case .prUndoing: "undoing"
        case .prRedoing: "redoing"
        case .prSaving: "saving {0}"
        case .prSavingAs: "saving as {0}"
        case .prSettingAside: "setting the journal aside"
        case .prSearching: "searching “{0}”"
        case .prSearchingPlain: "searching"
        case .prReloadingJourney: "reloading the journey"
        case .prReadingFilters: "reading segments and channels"
        case .prReadingSegments: "reading segments"
        case .prOpeningJourney: "opening the journey"
        case .prLoadingCustomers: "loading customers"
        case .prCountingCustomers: "counting customers"
        case .prMarkingPlain: "marking"
        case .prMovingPlain: "moving"
        case .prCheckingChanges: "checking for changes"
        case .prComputingValues: "computing customer value"
        case .uiValueTitle: "Value"
        case .uiValuePurchaseDays: "{0, plural, one {# purchase day} other {# purchase days}}"
        case .uiValueHistory: "x {0} · t_x {1} · T {2} days"
        case .uiValueMonetary: "monetary {0}"
        case .uiValueExpected90: "{0} purchases in 90 days"
        case .uiValueCLV: "CLV {0}"
        case .uiValueRFM: "RFM {0} {1}"
        case .uiValuePerMonth: "per month"
        case .uiValueNoPurchase: "no purchase: no model figures"
        case .uiValueUnavailable: "no customer value: {0}"
        case .uiStageValue: "value:"
        case .uiStageBuyers: "{0, plural, one {# buyer} other {# buyers}}"
        case .uiStageMeanPAlive: "mean P(alive) {0}"
        case .uiStageAtRisk: "{0, plural, one {# at risk} other {# at risk}} (P(alive) < {1})"
        case .uiStageCLV: "CLV total {0}"
        case .uiColumnAtRisk: "At risk"
        case .uiKeysModel: "Keys — Customer value model"
        case .uiModelTitle: "Customer value model"
        case .uiModelConverged: "converged"
        case .uiModelBuyers: "{0, plural, one {# buyer} other {# buyers}} · {1, plural, one {# repeat buyer} other {# repeat buyers}}"
        case .uiHistogramPAlive: "P(alive) of {0, plural, one {# buyer} other {# buyers}}"
        case .uiHistogramCLV: "CLV of {0, plural, one {# buyer} other {# buyers}}"
        case .uiHoldoutNone: "No holdout check yet: {0} sets a calibration end; the models are then fitted on the purchases up to it and compared with those after."
        case .uiHoldoutUnavailable: "no holdout check: {0}"
        case .uiTrackingChart: "Cumulative repeat purchase days, week by week ({0} actual, {1} predicted)"
        case .uiTrackingWeeks: "week 1 … {0}"
        case .uiFrequencyLegend: "{0} actual  {1} predicted"
        case .uiCalibrationPrompt: "Calibration end (YYYY-MM-DD) {0}:"
        case .stNotADate: "not a date: {0}"
        case .stCalibrationNotBefore: "the calibration end must be before as_of ({0})"
        case .prFittingHoldout: "fitting on purchases up to {0}"
        case .kbModel: "customer value model: parameters, histograms, holdout check"
        case .kbCalibration: "set a calibration end and check the forecast against the purchases after it"
        case .kbFitHoldout: "fit up to the date typed and check the forecast"
        case .kbCancelCalibration: "cancel"
        case .hintModel: "model"
        case .hintHoldout: "holdout"
        case .hintFits: "fits"
        case .prFindingCustomer: "finding the customer"
        case .prSavingPlain: "saving"
        case .uiMoveMarked: "Move {0} marked customers to…"
        case .stText: "{0}"
        case .stChangedOnDisk: "{0} changed on disk since it was opened: save under another name"
        case .sjTitle: "This file's journal cannot be replayed"
        case .sjNoChanges: "no unsaved stage changes"
        case .sjChanges: "{0, plural, one {# unsaved stage change} other {# unsaved stage changes}}"
        case .sjWhat: "The journal {0} ({1}) {2}, so it cannot be replayed. You see {3} as it is on disk."
        case .sjSetAside: "s: set the journal aside: it is renamed to {0}.set-aside-<time>, never deleted, and you can change stages on the file as it is."
        case .sjBrowse: "Esc: browse read-only; the journal stays as it is."
        case .sjQuit: "q: quit; nothing is changed."
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
            englishRules(key)
        case .importNotRecognised, .importMissingColumn, .importFieldCount, .importEmptyValue, .importBadDate, .importDatesAmbiguous, .importDatesMixed, .importBadNumber,
             .importDuplicateID, .importSkipped, .importSkippedSummary, .importNothingWritten, .importMappingSyntax, .importMappingType, .importMappingUnknownKey, .importMappingStage, .importMappingNoName, .importMappingDateFormat, .importReadAs:
            englishImport(key)
        default: nil
        }
    }

    /// Value figures in lists and the filter picker.
    private static func englishValueLists(_ key: MessageKey) -> String? {
        switch key {
        case .valuesRefusedCount: "value figures not shown: the file has {0, plural, one {# customer} other {# customers}}, the value table {1}"
        case .valuesRefusedUnknown: "value figures not shown: the value table has customer {0}, which the file has not"
        case .uiValuesComputing: "computing…"
        case .uiValuesUnavailable: "not available"
        case .uiFilterAtRisk: "at risk (P(alive) < {0})"
        case .uiFilterCLVTop: "CLV top {0} % (≥ {1})"
        case .uiFilterCLVBottom: "CLV bottom {0} % (< {1})"
        case .uiFilterCLVRange: "CLV {0} – {1}"
        default: nil
        }
    }

    /// Attribution, flows, cohorts and diff.
    private static func englishTouchpointAnalysis(_ key: MessageKey) -> String? {
        switch key {
        case .attributionTitle:
            "Attribution of {0}: {1, plural, one {# conversion} other {# conversions}} · {2} · lookback {4, plural, one {# day} other {# days}} · by {3}"
        case .modelFirst: "first touch"
        case .modelLast: "last touch"
        case .modelLinear: "linear"
        case .modelPosition: "position-based (40/20/40)"
        case .modelTimeDecay: "time decay (half-life 7 days)"
        case .columnChannel: "Channel"
        case .columnCampaign: "Campaign"
        case .columnType: "Type"
        case .columnCredit: "Credit"
        case .columnTouchpoints: "Touchpoints"
        case .keyNone: "(none)"
        case .flowsTitle: "Stage flows, {0}: {1, plural, one {# transition} other {# transitions}}"
        case .flowsAll: "all transitions"
        case .flowsSince: "from {0}"
        case .flowsUntil: "before {0}"
        case .flowsBetween: "from {0} to before {1}"
        case .flowEntry: "(entry)"
        case .columnKind: "Kind"
        case .columnCount: "Count"
        case .kindEntry: "entry"
        case .kindForward: "forward"
        case .kindSkip: "skip"
        case .kindBackward: "backward"
        case .kindSame: "same"
        case .cohortsPurchaseTitle: "Cohorts by month of arrival: share with a purchase in each month since (up to {0})"
        case .cohortsActiveTitle: "Cohorts by month of arrival: share with any touchpoint in each month since (up to {0})"
        case .columnCohort: "Cohort"
        case .diffTitle: "{0} ({1}) → {2} ({3})"
        case .diffSummary:
            "{0, plural, one {# customer} other {# customers}} added · {1, plural, one {# customer} other {# customers}} removed · "
                + "{2, plural, one {# customer} other {# customers}} moved"
        case .diffMoves: "Stage changes between the two:"
        case .diffNoMoves: "No customer in both changed stage."
        case .columnOld: "Old"
        case .columnNew: "New"
        case .columnDelta: "Change"
        default: nil
        }
    }

    /// The screens of the touchpoint analyses, their keys and drill-down lists.
    private static func englishAnalysisScreens(_ key: MessageKey) -> String? {
        switch key {
        case .uiKeysAttribution: "Keys — Attribution"
        case .uiKeysFlows: "Keys — Stage flows"
        case .uiKeysCohorts: "Keys — Cohorts"
        case .uiKeysDrillDown: "Keys — Customers behind a number"
        case .uiAttrTitle:
            "Attribution into {0} · {1, plural, one {# conversion} other {# conversions}} · lookback {2, plural, one {# day} other {# days}} · by {3}"
        case .uiAttrNoConversions: "No customer entered {0} (no transition into it, nobody in it)."
        case .uiModelFirstShort: "First"
        case .uiModelLastShort: "Last"
        case .uiModelLinearShort: "Linear"
        case .uiModelPositionShort: "Position"
        case .uiModelDecayShort: "Decay"
        case .uiAnalysisFailed: "not computed: {0}"
        case .prAttributing: "attributing the conversions into {0}"
        case .prListingCustomers: "listing the customers"
        case .uiDrillCredited: "Converters into {0} credited to {1} by {2} ({3})"
        case .uiDrillCount: "{0, plural, one {# customer} other {# customers}}"
        case .uiAttrDetail:
            "{0}: {1, plural, one {# touchpoint} other {# touchpoints}} · {2, plural, one {# converter} other {# converters}} touched · revenue {3} by {4}"
        case .uiColumnTotal: "Total"
        case .uiFlowCorner: "from ↓ to →"
        case .uiDrillFlow: "Customers with a change {0} → {1}, {2}"
        case .uiFlowLegend: "shade ░▒▓█ by count · » skips a stage · « goes back · = same stage"
        case .prCountingFlows: "counting the stage changes"
        case .uiStageFlows: "in: {0} · out: {1}"
        case .uiDrillCohortPurchase: "Cohort {0}: customers with a purchase in {1}"
        case .uiDrillCohortActive: "Cohort {0}: customers with a touchpoint in {1}"
        case .prComputingCohorts: "grouping the customers by month of arrival"
        case .uiCohortsNone: "No customer has a date (created_at, a transition or a touchpoint)."
        case .uiChangedSince: "Changed since {0} (added or moved)"
        case .prComparing: "comparing with {0}"
        case .kbChangedSince: "with --compare OLD: the customers added or moved since OLD"
        case .uiDrillNobody: "Nobody."
        case .kbAttribution: "attribution of the selected stage: the five models side by side"
        case .kbFlows: "stage flows: who moved from where to where"
        case .kbCohorts: "cohorts by month of arrival"
        case .kbDrillCredited: "list the converters the selected model credits to the row"
        case .kbDrillCell: "list the customers behind the selected cell"
        case .kbNextModel: "next model"
        case .kbPreviousModel: "previous model"
        case .kbNextColumn: "next column"
        case .kbPreviousColumn: "previous column"
        case .kbAttributionBy: "by channel, campaign or touchpoint type"
        case .kbCohortMetric: "purchase or any touchpoint"
        case .kbLookback: "lookback window: 7, 30, 90 or 180 days"
        case .kbFlowPeriod: "period: all, the last 30, 90 or 365 days before as_of"
        case .kbDrillSort: "sort by name or by id"
        case .hintAttribution: "attribution"
        case .hintFlows: "flows"
        case .hintCohorts: "cohorts"
        case .hintCustomers: "customers"
        case .hintBy: "by"
        case .hintMetric: "metric"
        case .hintWindow: "window"
        case .hintPeriod: "period"
        default: nil
        }
    }
}

extension Catalog {
    /// `clc export` and the dashboard's export.
    static func englishExport(_ key: MessageKey) -> String? {
        switch key {
        case .exportUnknownColumn: "unknown column \"{0}\"; columns: {1}"
        case .exportUnknownSort: "cannot sort by \"{0}\"; sort by one of: {1} (add :desc for descending)"
        case .exportUnknownStage: "no stage \"{0}\"; stages: {1}"
        case .exportWrote: "wrote {0}: {1, plural, one {# row} other {# rows}}"
        default: nil
        }
    }
}
