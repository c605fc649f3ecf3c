import Foundation
import LifecycleKit

/// Saving (JSON), saving under another name, setting a stale journal aside, and showing the
/// customer a search across stages found: effects of the app, with their replies.
extension Dashboard {
    /// What a save, a save-as or a set-aside did.
    struct Saved: Sendable {
        enum Kind: Sendable { case saved(quit: Bool), savedAs(original: String), setAside(name: String) }
        var kind: Kind
        var path: String
        var unsaved: Bool
        var readOnly: Bool
    }

    mutating func save(thenQuit: Bool) {
        guard state.unsaved else {
            state.status = state.readOnly ? StatusMessage(.stFileReadOnly, .text(state.fileLabel)) : StatusMessage(.stNothingToSave)
            if thenQuit { state.shouldQuit = true }
            return
        }
        guard !refusedWhileSaving() else { return }
        issueApp("save", .inProgress(.prSaving, .text(state.fileLabel))) { env in
            try env.store.save()
            return Saved(kind: .saved(quit: thenQuit), path: env.store.path, unsaved: env.store.hasUnsavedChanges, readOnly: env.store.isReadOnly)
        }
    }

    private mutating func refusedWhileSaving() -> Bool {
        guard isRunning("change") || isRunning("save") else { return false }
        state.status = StatusMessage(.stStillWriting, kind: .warning)
        return true
    }

    mutating func saveAs(_ name: String) {
        let original = state.fileLabel
        issueApp("save", .inProgress(.prSavingAs, .text(name))) { env in
            try env.store.save(to: name)
            return Saved(kind: .savedAs(original: original), path: env.store.path, unsaved: env.store.hasUnsavedChanges,
                         readOnly: env.store.isReadOnly)
        }
    }

    mutating func setAside() {
        issueApp("save", .inProgress(.prSettingAside)) { env in
            let name = (try env.store.setAsideStaleJournal() as NSString).lastPathComponent
            return Saved(kind: .setAside(name: name), path: env.store.path, unsaved: env.store.hasUnsavedChanges, readOnly: env.store.isReadOnly)
        }
    }

    mutating func saved(_ s: Saved) {
        state.unsaved = s.unsaved
        state.readOnly = s.readOnly
        switch s.kind {
        case .saved(let quit):
            state.status = StatusMessage(.stSaved, .text(state.fileLabel))
            if quit && !s.unsaved { state.shouldQuit = true }
        case .savedAs(let original):
            // The store continues on the new file; the original stays as it is on disk.
            state.fileLabel = (s.path as NSString).lastPathComponent
            state.status = StatusMessage(.stSavedAs, .text(state.fileLabel), .text(original))
        case .setAside(let name):
            state.staleJournal = nil
            state.status = StatusMessage(.stSetAside, .text(name), .text(state.fileLabel))
        }
    }

    mutating func saveFailed(_ error: any Error) {
        if let e = error as? MoveError, e.reason == .changedOnDisk {
            // Never overwrite someone else's version: offer a new name beside it.
            push(SaveAsScreen(name: Self.suggestedCopyName(store.path)))
            state.status = StatusMessage(.stChangedOnDisk, .text(state.fileLabel), kind: .warning)
        } else if state.staleJournal != nil {
            state.status = StatusMessage(.stFailed, .message(Message(.prSettingAside)), .error(error), kind: .error)
        } else {
            state.status = StatusMessage(.stFailed, .message(Message(.prSavingPlain)), .error(error), kind: .error)
        }
    }

    /// `shop.json` → `shop-2.json` (the first name not taken).
    static func suggestedCopyName(_ path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let base = url.deletingPathExtension().path, ext = url.pathExtension
        var n = 2
        while FileManager.default.fileExists(atPath: "\(base)-\(n).\(ext)") { n += 1 }
        return "\(base)-\(n).\(ext)"
    }

    static func noMatch(_ query: String) -> StatusMessage { StatusMessage(.stNoMatch, .text(query), kind: .warning) }
}
