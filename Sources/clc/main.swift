import ArgumentParser
import Foundation
import LifecycleKit

/// Every message clc writes to stderr, made safe for a terminal (paths, ids and arguments
/// in it may hold escape sequences).
func printError(_ message: String) {
    FileHandle.standardError.write(Data((SafeText.visibleLines(message) + "\n").utf8))
}

// Exit codes: 0 success, 1 invalid data or a failed operation, 2 usage error.
do {
    var command = try CLC.parseAsRoot()
    try command.run()
} catch let error as SnapshotError {
    printError(error.description)
    exit(1)
} catch let error as UsageFailure {
    printError("clc: " + error.message)
    exit(2)
} catch let error as OperationError {
    printError("clc: " + error.message)
    exit(1)
} catch {
    let code = CLC.exitCode(for: error)
    let message = CLC.fullMessage(for: error)
    if code == .success {
        print(SafeText.visibleLines(message))
        exit(0)
    }
    if !message.isEmpty { printError(message) }
    exit(code == .validationFailure ? 2 : code.rawValue)
}
