import LifecycleKit

/// `e` on the lists: what each exports. Columns as `clc export`'s defaults (id, name, email,
/// stage), plus CLV, P(alive) and RFM segment where a stage list shows them.
extension StageListScreen {
    /// The marked customers (every stage they were marked in, in the list's sort), else the
    /// list as shown: its stage, filter and sort. Its `/` search only moves the cursor (every
    /// row stays shown), so it does not narrow the export.
    func startExport(_ app: AppState, _ commands: inout ScreenCommands) {
        var export = CustomerExport()
        export.sort = list.sort
        export.valuesAttached = app.valuesInLists
        if app.valuesInLists { export.columns += [.clv, .probabilityAlive, .rfmSegment] }
        let stage = app.stages[list.stageIndex].id
        var marked: Int?
        if list.marked.isEmpty {
            export.stages = [stage]
            export.filter = list.filter
        } else {
            export.stages = app.stages.map(\.id).filter { list.markedPerStage[$0] != nil }
            marked = list.marked.count
        }
        let stem = marked == nil ? stage : export.stages == [stage] ? stage + "-marked" : "marked"
        var request = ExportRequest(export: export, marked: marked, defaultPath: ExportPaths.suggested(stem))
        if marked != nil {
            let ids = list.marked
            request.prepare = { $0.only = Set(ids.keys) }
        }
        commands.push(ExportPathScreen(request))
    }
}

extension DrillDownScreen {
    /// The marked customers, else the rows shown (narrowed by the search), in the list's order.
    func startExport(_ app: AppState, _ commands: inout ScreenCommands) {
        var request = ExportRequest(export: CustomerExport(), marked: marked.isEmpty ? nil : marked.count,
                                    defaultPath: ExportPaths.suggested(marked.isEmpty ? "customers" : "customers-marked"))
        let customers = self.customers, order = self.order, marked = self.marked, byName = self.byName
        request.prepare = { export in
            guard !marked.isEmpty else { return export.ids = order.map { customers[$0].id } }
            // Every marked customer (a search may hide some), in the list's sort.
            export.ids = DrillDownArranged.sorted(Array(customers.indices), customers, byName: byName)
                .map { customers[$0].id }.filter { marked.contains($0) }
        }
        commands.push(ExportPathScreen(request))
    }
}
