import LifecycleKit

/// `?`: every key of the screen beneath (and of the input lines it opens), from the table.
public struct HelpScreen: Screen {
    public static let contexts: [KeyContext] = [.help]
    public var context: KeyContext { .help }
    public var scroll = 0
    /// The contexts listed and the box's title, taken from the screen beneath.
    let listed: [KeyContext]
    let title: MessageKey

    public init(for screen: any Screen) {
        listed = screen.helpContexts
        title = type(of: screen).helpTitle
    }

    public mutating func update(_ input: ScreenInput, _ app: inout AppState, _ commands: inout ScreenCommands) {
        guard case .action(let action, _) = input else { return }
        let maxScroll = HelpOverlay.maxScroll(listed, width: app.width, height: app.height, app.language)
        switch action {
        case .back: commands.close()
        case .down: scroll = min(maxScroll, scroll + 1)
        case .up: scroll = max(0, scroll - 1)
        case .pageDown: scroll = min(maxScroll, scroll + app.height / 2)
        case .pageUp: scroll = max(0, scroll - app.height / 2)
        case .top: scroll = 0
        case .bottom: scroll = maxScroll
        default: break
        }
    }

    public func draw(_ app: AppState, into grid: inout CellGrid) {
        HelpOverlay.draw(listed, title: app.text(title), scroll: scroll, app.language, into: &grid)
    }
}
