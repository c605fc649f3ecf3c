import LifecycleTUI

/// What a key does, for latency per kind.
enum KeyKind: String, CaseIterable, Sendable {
    case funnelMove = "funnel move"
    case openList = "open list"
    case move, page, jump
    case switchStage = "switch stage"
    case openJourney = "open journey"
    case journeyScroll = "journey scroll"
    case journeyOrder = "journey order"
    case back
    case sort, flip
    case filterPicker = "filter picker"
    case filterApply = "filter apply"
    case filterClear = "filter clear"
    case search
    case markAll = "mark all"
    case openAnalysis = "open analysis"
    case column
    case switchBy = "switch by"
}

/// One scripted key: the key, its kind (nil: setup, not timed) and the screen or overlay
/// the app must show after it (so a script that goes astray fails instead of measuring nothing).
struct KeyStep: Sendable {
    var key: Key
    var kind: KeyKind?
    var expected: KeyContext
    /// With effects run off the input thread (`KeyRunner.runWithEffects`): wait for the key's
    /// results before the next key (false: the next key comes while they are on their way).
    var settle = true
}

/// A scripted key sequence, starting on the funnel.
struct KeyScript: Sendable {
    private(set) var steps: [KeyStep] = []

    mutating func press(_ key: Key, _ kind: KeyKind?, _ expected: KeyContext, times: Int = 1, settle: Bool = true) {
        steps += Array(repeating: KeyStep(key: key, kind: kind, expected: expected, settle: settle), count: max(0, times))
    }

    /// The effects tour (for a slow store): open the stage `big`, move, search, mark every
    /// customer, sort, open a journey, go back to the funnel.
    static func effectsTour(big: Int) -> KeyScript {
        var s = KeyScript()
        s.press(.char("j"), .funnelMove, .funnel, times: big)
        s.press(.enter, .openList, .stageList)
        s.press(.char("j"), .move, .stageList, times: 3)
        s.press(.char("k"), .move, .stageList)
        s.press(.char("/"), .search, .listSearch)
        for c in "an" { s.press(.char(c), .search, .listSearch) }
        s.press(.enter, .search, .stageList)
        s.press(.char("*"), .markAll, .stageList)
        s.press(.char("s"), .sort, .stageList)
        s.press(.char("j"), .move, .stageList)
        s.press(.enter, .openJourney, .journey)
        s.press(.escape, .back, .stageList)
        s.press(.escape, .back, .funnel)
        return s
    }

    /// `*` in the stage `big` and `j` at once, while every customer is being marked.
    static func markThenMove(big: Int) -> KeyScript {
        var s = KeyScript()
        s.press(.char("j"), nil, .funnel, times: big)
        s.press(.enter, nil, .stageList)
        s.press(.char("*"), .markAll, .stageList, settle: false)
        s.press(.char("j"), .move, .stageList)
        return s
    }

    /// An analysis screen opened from the funnel (`t`, `f`, `c`) and the keys pressed in it while
    /// it computes (`analysisKeys`): moves, pages, the model or column, and for attribution
    /// the dimension (keys that ask for no other computation), then back to the funnel.
    static func analysis(_ open: Character, _ context: KeyContext) -> (open: KeyStep, keys: [KeyStep], back: KeyStep) {
        var s = KeyScript()
        s.press(.char("j"), .move, context, times: 2)
        s.press(.char("k"), .move, context)
        s.press(.pageDown, .page, context)
        s.press(.pageUp, .page, context)
        s.press(.char("l"), .column, context)
        s.press(.char("h"), .column, context)
        if context == .attribution { s.press(.char("b"), .switchBy, context) }
        return (KeyStep(key: .char(open), kind: .openAnalysis, expected: context), s.steps,
                KeyStep(key: .escape, kind: .back, expected: .funnel))
    }

    /// Every navigation kind, round after round (so that a script cut short by its time
    /// budget still has each kind): in the stage `big` (index in funnel order) — moves,
    /// pages, both ends, journeys at the top, the middle and the end — and in the other
    /// stages by switching.
    static func navigation(big: Int, stageCount: Int, tours: Int) -> KeyScript {
        var s = KeyScript()
        s.press(.char("G"), .funnelMove, .funnel)
        s.press(.char("g"), .funnelMove, .funnel)
        s.press(.char("j"), .funnelMove, .funnel, times: big)
        s.press(.enter, .openList, .stageList)
        for tour in 0..<tours {
            s.press(.char("j"), .move, .stageList, times: 5)
            s.press(.char("k"), .move, .stageList, times: 2)
            s.press(.pageDown, .page, .stageList, times: 2 + tour)
            s.press(.pageUp, .page, .stageList)
            s.visitJourney()
            s.press(.char("G"), .jump, .stageList)
            s.press(.char("k"), .move, .stageList, times: 3)
            s.press(.pageUp, .page, .stageList)
            s.visitJourney()
            s.press(.char("g"), .jump, .stageList)
            let hops = stageCount > 1 ? 1 + tour % (stageCount - 1) : 0
            s.press(.tab, .switchStage, .stageList, times: hops)
            s.press(.char("j"), .move, .stageList, times: 3)
            s.press(.pageDown, .page, .stageList)
            s.press(.char("G"), .jump, .stageList)
            s.press(.char("g"), .jump, .stageList)
            s.press(.backTab, .switchStage, .stageList, times: hops)
            s.press(.escape, .back, .funnel)
            s.press(.enter, .openList, .stageList)
        }
        return s
    }

    /// Open the selected customer's journey, scroll it, flip its order, and go back.
    private mutating func visitJourney() {
        press(.enter, .openJourney, .journey)
        press(.char("j"), .journeyScroll, .journey, times: 3)
        press(.pageDown, .journeyScroll, .journey)
        press(.char("k"), .journeyScroll, .journey)
        press(.char("o"), .journeyOrder, .journey)
        press(.char("o"), .journeyOrder, .journey)
        press(.escape, .back, .stageList)
    }

    /// In the stage `big`: sort by every column in turn, each also flipped, then filter by
    /// a segment, by a segment and a channel, by a channel alone, clearing in between.
    static func sortAndFilter(big: Int, sortColumns: Int, passes: Int) -> KeyScript {
        var s = KeyScript()
        s.press(.char("j"), nil, .funnel, times: big)
        s.press(.enter, nil, .stageList)
        for _ in 0..<passes {
            for _ in 0..<sortColumns {
                s.press(.char("s"), .sort, .stageList)
                s.press(.char("S"), .flip, .stageList)
            }
            s.press(.char("S"), .flip, .stageList)
            s.press(.char("f"), .filterPicker, .filterPicker)
            s.press(.char("j"), .filterPicker, .filterPicker)
            s.press(.enter, .filterApply, .stageList)
            s.press(.char("f"), .filterPicker, .filterPicker)
            s.press(.tab, .filterPicker, .filterPicker)
            s.press(.char("j"), .filterPicker, .filterPicker)
            s.press(.enter, .filterApply, .stageList)
            s.press(.char("F"), .filterClear, .stageList)
            s.press(.char("f"), .filterPicker, .filterPicker)
            s.press(.tab, .filterPicker, .filterPicker)
            s.press(.char("j"), .filterPicker, .filterPicker, times: 2)
            s.press(.enter, .filterApply, .stageList)
            s.press(.char("F"), .filterClear, .stageList)
        }
        return s
    }
}
