/// Every screen and overlay of the dashboard, one line each. A new screen is its own files
/// (state, update, view), its rows in `KeyBindings.table`, and one line here.
public enum ScreenRegistry {
    public static let all: [any Screen.Type] = [
        FunnelScreen.self,
        StageListScreen.self,
        JourneyScreen.self,
        HelpScreen.self,
        FilterPickerScreen.self,
        StagePickerScreen.self,
        NoteInputScreen.self,
        ConfirmScreen.self,
        QuitPromptScreen.self,
        SaveAsScreen.self,
        StaleJournalScreen.self,
        GlobalSearchScreen.self,
        ModelScreen.self,
        CalibrationInputScreen.self,
        AttributionScreen.self,
        DrillDownScreen.self,
        FlowsScreen.self,
        CohortsScreen.self,
        SuggestionsScreen.self,
        ExportPathScreen.self,
        OverwriteScreen.self,
    ]

    /// Every key context in use.
    public static var contexts: [KeyContext] { all.flatMap { $0.contexts } }
}
