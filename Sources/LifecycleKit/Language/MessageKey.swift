/// Every catalog entry. A new user-visible text is a new case here plus its text in each
/// language, in the area function of its group (`Catalog+English.swift`, `Catalog+German.swift`;
/// `CatalogTests` checks every key has exactly one text in each language, with the same arguments).
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
    case valueNoPurchases, valueNobodyRepeats, valueBGNBDNotConverged, valueNoAmounts, valueInfiniteMean, valueGammaGammaNotConverged,
         valueBGNBDLastGood, valueGammaGammaLastGood
    case columnParameter, columnEstimate, columnStdError
    case holdoutTitle, holdoutByFrequency, columnWeek, columnActual, columnPredicted, columnCumulativeActual, columnCumulativePredicted
    case columnRepeatPurchases, columnBuyers
    case columnID, columnName, columnPurchases, columnMonetary, columnPAlive, columnExpected90, columnCLV, columnRFM, columnRFMSegment
    case rfmChampions, rfmLoyal, rfmPotentialLoyalist, rfmNew, rfmPromising, rfmNeedAttention, rfmAboutToSleep, rfmAtRisk
    case rfmCantLose, rfmHibernating, rfmLost
    case valuesRefusedCount, valuesRefusedUnknown
    // dashboard: value figures in lists and the filter picker
    case uiValuesComputing, uiValuesUnavailable, uiFilterAtRisk, uiFilterCLVTop, uiFilterCLVBottom, uiFilterCLVRange
    // attribution, flows, cohorts, diff (touchpoint analysis)
    case attributionTitle, modelFirst, modelLast, modelLinear, modelPosition, modelTimeDecay
    case columnChannel, columnCampaign, columnType, columnCredit, columnTouchpoints, keyNone
    case flowsTitle, flowsAll, flowsSince, flowsUntil, flowsBetween, flowEntry
    case columnKind, columnCount, kindEntry, kindForward, kindSkip, kindBackward, kindSame
    case cohortsPurchaseTitle, cohortsActiveTitle, columnCohort
    case diffTitle, diffSummary, diffMoves, diffNoMoves, columnOld, columnNew, columnDelta
    // Dashboard: header, status bar, a terminal too small
    case uiAsOf, uiAsOfWithChanges, uiRevenue, uiRevenuePending, uiCustomers, uiReadOnly, uiUnsaved, uiIndexing
    case uiEscCancels, uiTooSmall, uiTooSmallSize, uiTooSmallHint
    // Dashboard: funnel
    case uiCustomersPerStage, uiStepConversion, uiStagesShown, uiCustomersNow, uiEverReached, uiCameOnFrom
    case uiFiguresUnavailable, uiComputingFigures, uiFunnelHint, uiCameFrom, uiStartOfHistory, uiNoRecordedEntry
    // Dashboard: stage list
    case uiColumnName, uiColumnEmail, uiColumnSegment, uiColumnDays, uiColumnTouch, uiColumnLastTouch, uiSortName
    case uiSortEmail, uiSortSegment, uiSortDays, uiSortTouchpoints, uiSortLastTouch, uiSortRevenue, uiSortID
    case uiNoCustomersInStage, uiNoCustomersMatch, uiCountingCustomers, uiNoCustomers, uiPosition, uiSortedBy
    case uiFilterSegment, uiFilterChannel, uiFilterShown, uiMarked, uiMarkedElsewhere
    // Dashboard: journey
    case uiID, uiCreated, uiForDays, uiForDaysAfterAsOf, uiTouchpoints, uiTags, uiNoTags, uiChannels
    case uiNoTouchpoints, uiDateUnknown, uiPath, uiNewestFirst, uiOldestFirst, uiColumnChannel, uiColumnType
    case uiColumnCampaign, uiColumnValue, uiNothingRecorded, uiRange, uiStageChange, uiTransitionLine, uiStart
    case uiYes, uiNo
    // Dashboard: moves, confirmations, boxes, help
    case uiMoveTo, uiNow, uiPickerKeys, uiConfirm, uiNoNote, uiNote, uiConfirmKeys, uiMoveQuestion
    case uiMoveQuestionMany, uiCountFrom, uiUnsavedTitle, uiUnsavedText, uiUnsavedKeys, uiMoreLines
    case uiHelpListSearch, uiHelpGlobalSearch, uiHelpMore, uiHelpClose, uiKeys, uiKeysFunnel, uiKeysStageList
    case uiKeysJourney, uiFilterTitle, uiAny, uiFilterKeys, uiNotePrompt, uiSaveAsPrompt, uiAllStagesQuery
    case uiEnterOpens
    // Dashboard: the key bindings' help texts and status-bar hints
    case kbDown, kbUp, kbPageDown, kbPageUp, kbTop, kbBottom, kbOpenStage, kbOpenJourney, kbApplyFilter, kbNextStage
    case kbPreviousStage, kbToChannels, kbToSegments, kbSortNext, kbSortFlip, kbSearchAll, kbSearch, kbSearchNext
    case kbSearchPrevious, kbFilter, kbClearFilter, kbClearFilters, kbFlipOrder, kbMark, kbMarkAll, kbClearMarks
    case kbMoveMarked, kbMoveOne, kbUndo, kbRedo, kbSave, kbPickDigit, kbPickStage, kbConfirmYes, kbConfirmNo
    case kbSaveQuit, kbQuitJournal, kbStay, kbSetAside, kbBrowseReadOnly, kbQuitNothing, kbBack, kbClose, kbCancel
    case kbKeepMatch, kbOpenFound, kbMoveWithNote, kbSaveAsTyped, kbDeleteBackward, kbCancelSearchBack
    case kbCancelSearch, kbCancelMove, kbCancelSaveAs, kbHelp, kbQuit, hintOpen, hintJourney, hintApply, hintStage
    case hintSort, hintSearch, hintFilter, hintOrder, hintMove, hintChoose, hintSaveQuit, hintSetAside, hintReadOnly
    case hintDone, hintMoves, hintSaves, hintCancels, hintHelp
    // Dashboard: status messages
    case stWarningsInFile, stJoined, stCancelled, stFiguresFailed, stNoLongerInStage, stFound, stStillWriting
    case stNothingToUndo, stNothingToRedo, stMovedOne, stMovedMany, stUndoneOne, stUndoneMany, stRedoneOne
    case stRedoneMany, stAlreadyThereMany, stNotMoved, stUpdated, stFailed, stFileReadOnly, stNothingToSave, stSaved
    case stSavedAs, stSetAside, stNoMatch, stNothingMoved, stReadOnlyWhileJournal, stNoCustomerWithID, stAlreadyIn
    case stNotSaved, stExists, stMarksCleared, stFilterCleared, stFiltered, stMarkedHint, stCustomerGone
    case stNoSearchYet, stSearchTyped, stSearchHit, stSearchWrapped
    // Dashboard: work in progress (and what failed)
    case prInProgress, prMarking, prFinding, prMoving, prUndoing, prRedoing, prSaving, prSavingAs, prSettingAside
    case prSearching, prSearchingPlain, prReloadingJourney, prReadingFilters, prReadingSegments, prOpeningJourney
    case prLoadingCustomers, prCountingCustomers, prMarkingPlain, prMovingPlain, prCheckingChanges, prComputingValues
    case prFindingCustomer, prSavingPlain, uiMoveMarked
    // Dashboard: customer value (journey panel, funnel figures, the model screen)
    case uiColumnAtRisk
    case uiValueTitle, uiValuePurchaseDays, uiValueHistory, uiValueMonetary, uiValueExpected90, uiValueCLV
    case uiValueRFM, uiValuePerMonth, uiValueNoPurchase, uiValueUnavailable, uiStageValue, uiStageBuyers
    case uiStageMeanPAlive, uiStageAtRisk, uiStageCLV, uiKeysModel, uiModelTitle, uiModelConverged
    case uiModelBuyers, uiHistogramPAlive, uiHistogramCLV, uiHoldoutNone, uiHoldoutUnavailable, uiTrackingChart
    case uiTrackingWeeks, uiFrequencyLegend, uiCalibrationPrompt, stNotADate, stCalibrationNotBefore, prFittingHoldout
    case kbModel, kbCalibration, kbFitHoldout, kbCancelCalibration, hintModel, hintHoldout
    case hintFits
    // Dashboard: text from elsewhere (a theme file's problem), shown as it is
    case stText
    // Dashboard: saving a file changed on disk
    case stChangedOnDisk
    // Dashboard: a journal that cannot be replayed
    case sjTitle, sjNoChanges, sjChanges, sjWhat, sjSetAside, sjBrowse, sjQuit
    // rules (Catalog+Rules.swift)
    case ruleExpected, ruleTooDeep, ruleUnknownField, ruleWrongOperator, ruleWrongType, ruleUnexpectedCharacter, ruleUnclosedString, ruleBadDate, ruleBadNumber, rulesFileMissing, ruleAt, ruleAtLine, ruleMissingKey, ruleDuplicateName, ruleNoSuchRule, ruleMoved, ruleConflicts, rulesPreviewOnly, rulesColumns, rulesNothingToMove
    // import (Catalog+Import.swift)
    case importNotRecognised, importMissingColumn, importFieldCount, importEmptyValue, importBadDate, importDatesAmbiguous, importDatesMixed, importBadNumber,
        importDuplicateID, importSkipped, importSkippedSummary, importNothingWritten, importMappingSyntax, importMappingType, importMappingUnknownKey, importMappingStage, importMappingNoName, importMappingDateFormat, importReadAs
    // Dashboard: the screens of the touchpoint analyses and their drill-down lists
    case uiKeysAttribution, uiKeysFlows, uiKeysCohorts, uiKeysDrillDown
    case uiAttrTitle, uiAttrNoConversions, uiModelFirstShort, uiModelLastShort, uiModelLinearShort
    case uiModelPositionShort, uiModelDecayShort, uiAnalysisFailed, prAttributing, prListingCustomers
    case uiDrillCredited, uiDrillCount, uiDrillNobody, uiAttrDetail
    case kbAttribution, kbFlows, kbCohorts, kbDrillCredited, kbDrillCell, kbNextModel, kbPreviousModel
    case kbNextColumn, kbPreviousColumn, kbAttributionBy, kbCohortMetric, kbLookback, kbFlowPeriod, kbDrillSort
    // export (Catalog+English.swift englishExport, Catalog+German.swift germanExport)
    case exportUnknownColumn, exportUnknownSort, exportUnknownStage, exportWrote
    case uiColumnTotal, uiFlowCorner, uiDrillFlow, uiFlowLegend, prCountingFlows, uiStageFlows
    case uiDrillCohortPurchase, uiDrillCohortActive, prComputingCohorts, uiCohortsNone
    case uiChangedSince, prComparing, kbChangedSince
    case hintAttribution, hintFlows, hintCohorts, hintCustomers, hintBy, hintMetric, hintWindow, hintPeriod
    // Dashboard: the suggestions screen (Catalog+Suggestions.swift)
    case uiKeysSuggestions, uiSuggestionsTitle, uiSuggestionsRules, uiColumnRule, uiColumnStageMove, uiColumnWhen
    case uiColumnMatches, uiRuleWaiting, uiRuleNotCounted, uiRuleDetailWhen, uiRuleDetailSample, uiRuleDetailWaiting
    case uiRuleDetailNoValues, uiRuleDetailNotCounted, uiRulesProblems, uiRulesMissing, uiRulesEmpty, uiRulesWhere
    case uiRulesMore, uiRuleMatchesTitle, uiRuleMoveQuestion, stRuleCounting, stRuleWaiting, stRuleNotCounted
    case prReadingRules, prCountingRules, kbSuggestions, kbRuleMatches, kbApplyRule, kbReloadRules, hintRules, hintMatches
    // Dashboard: "changed since OLD", the drill-down search, `e` (Catalog+ListExport.swift)
    case uiColumnSince, uiSinceChanged, uiSinceMovedIn, uiSinceAdded, uiFilterChangedSince, uiFilterMovedSince, uiFilterAddedSince
    case kbDrillSearch, kbKeepNarrowed, kbClearNarrowed, uiDrillMatching, uiDrillNoMatch, hintClears
    case kbExport, hintExport, kbExportTo, hintExports, kbCancelExport, uiExportListPrompt, uiExportMarkedPrompt
    case uiOverwriteTitle, uiOverwriteQuestion, kbOverwriteYes, kbOverwriteNo, stExported, stNotExported, prExporting, prExportingPlain
}

/// The catalog: each key's text per language.
public enum Catalog {
    /// The raw text of `key` in `language` (see `MessageTemplate` for the syntax).
    /// A key without a text (which `CatalogTests` catches) shows as its name.
    public static func text(_ key: MessageKey, _ language: Language) -> String {
        lookup(key, language) ?? key.rawValue
    }

    /// The text of `key` in `language`, nil when the catalog has none.
    static func lookup(_ key: MessageKey, _ language: Language) -> String? {
        for area in areas(language) {
            if let text = area(key) { return text }
        }
        return nil
    }

    /// Each language's area functions (every key must be answered by exactly one of them).
    static func areas(_ language: Language) -> [@Sendable (MessageKey) -> String?] {
        switch language {
        case .en: englishAreas
        case .de: germanAreas
        }
    }
}
