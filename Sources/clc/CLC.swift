import ArgumentParser
import LifecycleKit

/// `clc`: the customer lifecycle console.
struct CLC: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clc",
        abstract: "The customer lifecycle console: funnel, stage lists and customer journeys of a snapshot.",
        discussion: """
            `clc FILE` opens a snapshot (JSON or SQLite); `clc` alone opens the built-in demo.

            Exit codes: 0 success, 1 invalid data or a failed operation, 2 usage error.
            """,
        version: "clc \(ClcVersion.current)",
        subcommands: [OpenCommand.self, ReportCommand.self, ValidateCommand.self, ConvertCommand.self, ImportCommand.self, ExportCommand.self,
                      MoveCommand.self, HistoryCommand.self, ModelCommand.self, ScoresCommand.self,
                      AttributionCommand.self, FlowsCommand.self, CohortsCommand.self, DiffCommand.self,
                      GenerateCommand.self, DemoCommand.self, RulesCommand.self],
        defaultSubcommand: OpenCommand.self)
}
