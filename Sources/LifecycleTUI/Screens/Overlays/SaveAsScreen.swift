import Foundation
import LifecycleKit

/// The file changed on disk since it was opened: the name to save under, typed in the
/// status bar; Enter saves, Esc cancels (the changes stay in the journal).
public struct SaveAsScreen: Screen {
    public static let contexts: [KeyContext] = [.saveAs]
    public var context: KeyContext { .saveAs }
    public var name: String

    public init(name: String) { self.name = name }

    public mutating func update(_ input: ScreenInput, _ app: inout AppState, _ commands: inout ScreenCommands) {
        switch input {
        case .action(.back, _):
            commands.close()
            app.status = StatusMessage(.stNotSaved, kind: .warning)
        case .action(.open, _):
            guard !name.isEmpty else { return }
            guard !FileManager.default.fileExists(atPath: name) else {
                app.status = StatusMessage(.stExists, .text(name), kind: .warning)
                return
            }
            commands.close()
            commands.ask(.saveAs(name))
        default:
            _ = InputLine.edit(&name, input)
        }
    }

    public func draw(_ app: AppState, into grid: inout CellGrid) {}

    public func inputLine(_ app: AppState) -> InputLine? {
        .prompt(app.text(.uiSaveAsPrompt, .text(KeyBindings.promptKeys(in: .saveAs, app.language))), text: name)
    }
}
