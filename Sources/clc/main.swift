import ArgumentParser
import Foundation
import LifecycleKit

// Exit codes: 0 success, 1 invalid data or a failed operation, 2 usage error.
do {
    var command = try CLC.parseAsRoot()
    try command.run()
} catch let error as SnapshotError {
    FileHandle.standardError.write(Data((error.description + "\n").utf8))
    exit(1)
} catch let error as UsageFailure {
    FileHandle.standardError.write(Data(("clc: " + error.message + "\n").utf8))
    exit(2)
} catch let error as OperationError {
    FileHandle.standardError.write(Data(("clc: " + error.message + "\n").utf8))
    exit(1)
} catch {
    let code = CLC.exitCode(for: error)
    let message = CLC.fullMessage(for: error)
    if code == .success {
        print(message)
        exit(0)
    }
    if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
    exit(code == .validationFailure ? 2 : code.rawValue)
}
