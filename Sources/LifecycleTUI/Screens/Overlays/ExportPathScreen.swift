import Foundation
import LifecycleKit

extension KeyContext {
    /// The export's path prompt and its question before replacing a file.
    public static let exportPath = KeyContext("exportPath")
    public static let overwrite = KeyContext("overwrite")
}

/// `e` on a list: the file to export to, typed in the status bar (a free name under
/// `~/clc-exports/` offered); Enter exports (asking first when the file exists), Esc cancels.
public struct ExportPathScreen: Screen {
    public static let contexts: [KeyContext] = [.exportPath]
    public var context: KeyContext { .exportPath }
    public var request: ExportRequest
    public var path: String

    public init(_ request: ExportRequest, path: String? = nil) {
        self.request = request
        self.path = path ?? request.defaultPath
    }

    public mutating func update(_ input: ScreenInput, _ app: inout AppState, _ commands: inout ScreenCommands) {
        switch input {
        case .action(.back, _):
            commands.close()
            app.status = StatusMessage(.stNotExported)
        case .action(.open, _):
            var file = ExportPaths.expand(path.trimmingCharacters(in: .whitespaces))
            guard !file.isEmpty else { return }
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), isFolder.boolValue {
                // A folder: the offered name in it.
                file = (file as NSString).appendingPathComponent((request.defaultPath as NSString).lastPathComponent)
            }
            commands.close()
            let job = ExportJob(request: request, path: file)
            if FileManager.default.fileExists(atPath: file) { commands.push(OverwriteScreen(job, typed: path)) } else { commands.ask(.export(job)) }
        default:
            _ = InputLine.edit(&path, input)
        }
    }

    public func draw(_ app: AppState, into grid: inout CellGrid) {}

    public func inputLine(_ app: AppState) -> InputLine? {
        let keys = MessageArgument.text(KeyBindings.promptKeys(in: .exportPath, app.language))
        let prompt = request.marked.map { app.text(.uiExportMarkedPrompt, .count($0), keys) } ?? app.text(.uiExportListPrompt, keys)
        return .prompt(prompt, text: path)
    }
}

/// The export's file exists: replace it (y), or back to the path prompt (n, Esc).
public struct OverwriteScreen: Screen {
    public static let contexts: [KeyContext] = [.overwrite]
    public var context: KeyContext { .overwrite }
    public var job: ExportJob
    /// The path as typed, for the prompt when the answer is no.
    var typed: String

    public init(_ job: ExportJob, typed: String) {
        self.job = job
        self.typed = typed
    }

    public mutating func update(_ input: ScreenInput, _ app: inout AppState, _ commands: inout ScreenCommands) {
        guard case .action(let action, _) = input else { return }
        commands.close()
        if action == .confirm {
            job.replacing = true
            commands.ask(.export(job))
        } else {
            commands.push(ExportPathScreen(job.request, path: typed))
        }
    }

    public func draw(_ app: AppState, into grid: inout CellGrid) {
        TextBox.draw(title: app.text(.uiOverwriteTitle), [
            .init(text: app.text(.uiOverwriteQuestion, .text(job.path)), role: .overlayKey),
            .init(text: ""),
            .init(text: KeyBindings.promptKeys(in: .overwrite, app.language)),
        ], width: 50, language: app.language, into: &grid)
    }
}
