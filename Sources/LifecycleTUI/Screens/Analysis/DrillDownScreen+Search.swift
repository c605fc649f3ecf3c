import LifecycleKit

/// The drill-down list's order: `/` narrows it to the customers whose name, email or id
/// contains the text (case and diacritics folded, as the stage lists' search matches), `s`
/// sorts it by name. Both are made off the input thread: a list can hold a million customers.
extension DrillDownScreen {
    /// A key on the search line (the `drillSearch` rows of the binding table; other keys are
    /// typed): each key narrows the list; Enter keeps it narrowed, Esc shows the whole list.
    mutating func typeSearch(_ input: ScreenInput, _ app: inout AppState, _ commands: inout ScreenCommands) {
        guard var text = searchInput else { return }
        switch input {
        case .action(.open, _):
            searchInput = nil
            if text.isEmpty, search != nil { narrow(to: nil, &commands) }
        case .action(.back, _):
            searchInput = nil
            narrow(to: nil, &commands)
        default:
            guard InputLine.edit(&text, input) else { return }
            searchInput = text
            narrow(to: text.isEmpty ? nil : text, &commands)
        }
    }

    /// Narrows the list to `text` (nil: the whole list), the cursor on the first row.
    mutating func narrow(to text: String?, _ commands: inout ScreenCommands) {
        search = text
        (selected, scroll) = (0, 0)
        arrange(&commands)
    }

    /// Asks for the rows in the current search and sort (each request supersedes the one before).
    func arrange(_ commands: inout ScreenCommands) {
        let customers = self.customers, emails = self.emails, byName = self.byName, search = self.search
        let label = search.map { Message(.prSearching, .text($0)) }
        commands.run("arrange", label, total: customers.count) { env in
            try DrillDownArranged.make(customers, emails: emails, byName: byName, search: search, env: env)
        }
    }

    /// The rows made for the current search and sort (an older request's never arrives).
    mutating func take(_ arranged: DrillDownArranged, _ app: AppState) {
        if let emails = arranged.emails { self.emails = emails }
        guard arranged.search == search, arranged.byName == byName else { return }
        order = arranged.order
        clamp(app)
    }
}

/// The shown rows of a drill-down list, made off the input thread.
struct DrillDownArranged: Sendable {
    var order: [Int]
    /// Every customer's email when they were read for this search.
    var emails: [String?]?
    var search: String?
    var byName: Bool

    /// The positions of `customers` that `search` matches (all for nil), by name when `byName`
    /// (case folded, then id) else in list order. A search reads the emails first if `emails` is nil.
    static func make(_ customers: [DrillDownScreen.Row], emails: [String?]?, byName: Bool, search: String?,
                     env: EffectEnvironment) throws -> DrillDownArranged {
        var emails = emails, read: [String?]?
        if search != nil, emails == nil {
            read = try readEmails(customers, env: env)
            emails = read
        }
        var order = Array(customers.indices)
        if let search {
            let matcher = CustomerSearch(search)
            order = order.filter { matcher.matches(name: customers[$0].name, email: emails?[$0] ?? nil, id: customers[$0].id) }
        }
        try env.checkCancelled()
        return DrillDownArranged(order: sorted(order, customers, byName: byName), emails: read, search: search, byName: byName)
    }

    /// `order` by name as the stage lists sort names (`NaturalOrder`, then id) when `byName`,
    /// else as it is (id order).
    static func sorted(_ order: [Int], _ customers: [DrillDownScreen.Row], byName: Bool) -> [Int] {
        guard byName else { return order }
        return order.sorted { a, b in
            let x = customers[a], y = customers[b]
            let c = NaturalOrder.compare(x.name, y.name)
            return c != 0 ? c < 0 : x.id.utf8.lexicographicallyPrecedes(y.id.utf8)
        }
    }

    /// Each customer's email (nil: none, or the customer is gone), reporting progress.
    static func readEmails(_ customers: [DrillDownScreen.Row], env: EffectEnvironment) throws -> [String?] {
        var emails: [String?] = []
        emails.reserveCapacity(customers.count)
        for (i, row) in customers.enumerated() {
            if i % 1_000 == 0 {
                try env.checkCancelled()
                env.token.report(i)
            }
            emails.append(try env.store.customer(id: row.id)?.email)
        }
        return emails
    }
}
