extension Catalog {
    /// English: clc's original wording. `{n}` is argument n; `{n, plural, one {…} other {…}}`
    /// chooses by count n (`#` = the count).
    static func english(_ key: MessageKey) -> String {
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
        case .notMoved: "not moved: {0}"
        case .noOutcome: "not moved: {0} (no outcome reported)"
        case .conflictGone: "{0} no longer exists"
        case .conflictMovedBy: "{0} was moved to {1} by {2} at {3}"
        case .conflictElsewhere: "{0} is in {1}, not {2}"
        case .moveReadOnly: "{0} is read-only: stages cannot be changed"
        case .moveBusy: "{0} is locked by another program; nothing was changed, try again"
        case .moveChangedOnDisk: "{0} changed on disk since it was opened; save under another name"
        case .moveIO: "{0}: {1}"
        case .rewriteFailed: "moved, but {0} could not be rewritten ({1}); the change is safe in its journal"
        case .changeInJournal:
            "{0} is open in a dashboard: the change went into its journal {0}.clc-journal; the dashboard shows it, and its w writes it into the file"
        case .earlierChangesWritten: "The earlier changes waiting in {0}.clc-journal were written into {0} too"
        case .fileBeingRewritten: "{0} is being rewritten by another clc ({1} is held); try again"
        case .staleJournalWarning:
            "its journal {0} {1}; it was not replayed: this is the file as it is on disk (open the file in the dashboard to set the journal aside)"
        case .staleJournalRefusal:
            "its journal {0} {1}; nothing was changed. Open the file in the dashboard (clc FILE) to set the journal aside"
        case .journalNoHeader: "does not start with a clc journal header"
        case .journalOtherVersion:
            "belongs to another version of the file (written for {0, plural, one {# byte} other {# bytes}}, the file has {1, plural, one {# byte} other {# bytes}})"
        case .journalDamaged: "is damaged at line {0}"
        case .journalUnknownReference: "names an unknown customer or stage in action {0}"
        case .problemError: "error: {0}"
        case .problemWarning: "warning: {0}"
        case .moreErrors: "… and {0, plural, one {# more error} other {# more errors}}"
        case .moreWarnings: "… and {0, plural, one {# more warning} other {# more warnings}}"
        case .validateSummary:
            "{0}: {1, plural, one {# error} other {# errors}}, {2, plural, one {# warning} other {# warnings}}"
        case .cannotOpenSnapshot: "{0}: cannot open snapshot ({1, plural, one {# error} other {# errors}})"
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
        }
    }
}
