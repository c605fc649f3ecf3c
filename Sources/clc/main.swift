import ArgumentParser
import Foundation
import LifecycleKit

/// Every message clc writes to stderr, made safe for a terminal (paths, ids and arguments
/// in it may hold escape sequences).
func printError(_ message: String) {
    FileHandle.standardError.write(Data((SafeText.visibleLines(message) + "\n").utf8))
}

// Exit codes: 0 success, 1 invalid data or a failed operation, 2 usage error. Errors are
// written in the command's language (`--lang`, else the environment).
var language = Language.resolve(option: nil, environment: ProcessInfo.processInfo.environment)
do {
    var command = try CLC.parseAsRoot()
    if let speaking = command as? any SpeakingCommand { language = speaking.language }
    try command.run()
} catch let error as SnapshotError {
    printError(error.text(in: language))
    exit(1)
} catch let error as UsageFailure {
    printError("clc: " + error.message)
    exit(2)
} catch let error as OperationError {
    printError("clc: " + error.text(in: language))
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
