import ArgumentParser
import Foundation
import LifecycleKit

extension Language: ExpressibleByArgument {}

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(help: "Language of messages and tables: en or de (default: CLC_LANG, else LC_ALL, LC_MESSAGES, LANG).")
    var lang: Language?

    /// `--lang`, else the environment (see `Language.resolve`).
    var language: Language { Language.resolve(option: lang, environment: ProcessInfo.processInfo.environment) }
}

/// A command whose messages follow `--lang`.
protocol SpeakingCommand: ParsableCommand {
    var global: GlobalOptions { get }
}

extension SpeakingCommand {
    var language: Language { global.language }

    /// `message` in the command's language.
    func text(_ message: Message) -> String { message.text(in: language) }

    /// `message` in the command's language, printed on stdout.
    func say(_ message: Message) { print(text(message)) }
}
