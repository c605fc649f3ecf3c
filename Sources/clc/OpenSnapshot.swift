import Foundation
import LifecycleKit

/// Opens a snapshot for a command that only reads it. A JSON journal that cannot be
/// replayed never blocks reading: the file is read as it is on disk, and a warning naming
/// the journal goes to stderr (stdout stays the command's output).
func openSnapshot(_ path: String, language: Language) throws -> any SnapshotStore {
    let store = try SnapshotFile.open(path)
    if let stale = store.staleJournal {
        let warning = Message(.problemWarning, .text("\(path): " + stale.warningMessage.text(in: language)))
        FileHandle.standardError.write(Data("clc: \(warning.text(in: language))\n".utf8))
    }
    return store
}
