/// Every catalog entry. A new user-visible text is a new case here plus its text in each
/// language (`Catalog+English.swift`, `Catalog+German.swift`; the compiler insists on both,
/// and `CatalogTests` checks they take the same arguments).
public enum MessageKey: String, CaseIterable, Sendable {
    // Files and formats (convert, generate)
    case formatUnknown, outputExists, sameFile, wroteSnapshot, wroteConversion, mustNotBeNegative
    // Customers and stages
    case unknownCustomer, unknownStage, unknownStageAmong
    // Moves (move, and the domain's refusals and conflicts)
    case moved, alreadyThere, alreadyThereBy, alreadyIn, alreadyInBy, notMoved, noOutcome
    case conflictGone, conflictMovedBy, conflictElsewhere
    case moveReadOnly, writeProtected, moveBusy, moveChangedOnDisk, moveIO
    case rewriteFailed, changeInJournal, earlierChangesWritten, fileBeingRewritten
    // Files that cannot be written or read
    case cannotCreate, cannotReadFile, cannotWrite, cannotOpenLock, noJournalToSetAside, cannotSetAside, onlyJSONSaveAs
    // Journals that cannot be replayed
    case staleJournalWarning, staleJournalRefusal
    case journalNoHeader, journalOtherVersion, journalDamaged, journalUnknownReference
    // Validation
    case problemError, problemWarning, moreErrors, moreWarnings, validateSummary, cannotOpenSnapshot
    // Validation: files
    case noSuchFile, isDirectory, permissionDenied, cannotBeOpened, cannotBeRead, beingRewritten
    // Validation: the rules of the format
    case formatMustBe, missingFormat, unsupportedVersion, atLeastOneStage, missingField, fieldTwice
    case expectedKind, expectedScalar, jsonString, jsonNumber, jsonObject, jsonArray, jsonBoolean, jsonNull
    case invalidStageID, invalidID, malformedTimestamp, expectedPositiveInteger
    case duplicateStageID, duplicateCustomerID, duplicateTouchpointID, duplicateTransitionID
    case unmatchedRevert, stageMismatch, enteredBeforeCreated, afterAsOf
    case looksLikeCSV, separatorComma, separatorSemicolon, separatorTab
    // Validation: JSON syntax
    case emptyFile, expectedTopObject, textAfterObject, syntaxTruncated, syntaxFound, syntaxFoundControl, syntaxTooDeep
    case expectValue, expectCommaOrBrace, expectKey, expectColon, expectCommaOrBracket
    case syntaxControlInString, syntaxInvalidEscape, syntaxInvalidEscapeChar, syntaxHighSurrogate, syntaxLoneLowSurrogate
    case syntaxExpectedHexDigits, syntaxInvalidUTF8, syntaxMalformedNumber, syntaxMalformedNumberDetail, syntaxNumberOutOfRange
    case numberLeadingZeros, numberExpectedDigit, numberDigitAfterPoint, numberDigitInExponent
    // report
    case reportTitle, reportTitleWithChanges, unnamedSnapshot, reportTotals
    case columnStage, columnCustomers, columnShare, columnReached, columnConversion, columnMedianDays, columnRevenue
    // history
    case historyHeading, historyEmpty, columnWhen, columnFrom, columnTo, columnBy, columnNote
    // model, scores (customer value)
    case valueTitle, valueCalibration, valueBuyers, valueBGNBD, valueGammaGamma, valueLogLikelihood, valueCLVSettings
    case valueNote, valueNotConverged
    case valueNoPurchases, valueNobodyRepeats, valueBGNBDNotConverged, valueNoAmounts, valueInfiniteMean, valueGammaGammaNotConverged
    case columnParameter, columnEstimate, columnStdError
    case holdoutTitle, holdoutByFrequency, columnWeek, columnActual, columnPredicted, columnCumulativeActual, columnCumulativePredicted
    case columnRepeatPurchases, columnBuyers
    case columnID, columnName, columnPurchases, columnMonetary, columnPAlive, columnExpected90, columnCLV, columnRFM, columnRFMSegment
    case rfmChampions, rfmLoyal, rfmPotentialLoyalist, rfmNew, rfmPromising, rfmNeedAttention, rfmAboutToSleep, rfmAtRisk
    case rfmCantLose, rfmHibernating, rfmLost
}

/// The catalog: each key's text per language.
public enum Catalog {
    /// The raw text of `key` in `language` (see `MessageTemplate` for the syntax).
    public static func text(_ key: MessageKey, _ language: Language) -> String {
        switch language {
        case .en: return english(key)
        case .de: return german(key)
        }
    }
}
