import LifecycleKit

/// Prints a command's result in `format`: each renderer is called only when chosen.
func printResult(_ format: ValueRenderer.Format, json: () -> String, csv: () -> String, table: () -> String) {
    switch format {
    case .json: print(json(), terminator: "")
    case .csv: print(csv(), terminator: "")
    case .table: print(table(), terminator: "")
    }
}
