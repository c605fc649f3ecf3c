/// Who moves customers between stages, and the notes they leave.
enum TransitionMix {
    static let people = ["anna.k", "mehmet.y", "j.dupont", "l.nowak", "sven.o"]

    /// `by` for a customer's first stage.
    static let firstBy = ["import", "import", "import", "automation", "automation", "crm-sync", "web-form"]
    /// `by` for forward moves (awareness → acquisition, → conversion, → retention, → loyalty).
    static let forwardBy = ["automation", "automation", "automation", "crm-sync", "crm-sync", "crm-sync",
                            "anna.k", "j.dupont"]
    /// `by` for lapsing (→ re-engagement): mostly the inactivity rule.
    static let lapseBy = ["automation", "automation", "automation", "automation", "crm-sync"]
    /// `by` for returning from re-engagement.
    static let returnBy = ["crm-sync", "crm-sync", "automation", "automation", "mehmet.y", "l.nowak"]
    /// `by` for backward moves (refunds, corrections): mostly people.
    static let backwardBy = ["anna.k", "mehmet.y", "j.dupont", "l.nowak", "sven.o", "crm-sync", "crm-sync"]

    static func byChoices(from: DemoStage?, to: DemoStage) -> [String] {
        guard let from else { return firstBy }
        if to == .reengagement { return lapseBy }
        if from == .reengagement { return returnBy }
        return to.rawValue > from.rawValue ? forwardBy : backwardBy
    }

    static func noteChoices(from: DemoStage?, to: DemoStage) -> [String] {
        switch (from, to) {
        case (nil, _): return ["legacy CRM import", "newsletter form", "Messe-Kontakt"]
        case (.awareness?, .acquisition): return ["newsletter signup", "created an account"]
        case (.awareness?, .conversion): return ["bought on first visit", "direct purchase from ad"]
        case (.acquisition?, .conversion): return ["first order", "erste Bestellung"]
        case (.conversion?, .acquisition): return ["order cancelled, refunded", "remboursement"]
        case (.acquisition?, .awareness): return ["double opt-in not confirmed", "email bounced"]
        case (_, .retention) where from == .reengagement: return ["returned after win-back", "came back by itself"]
        case (_, .conversion) where from == .reengagement: return ["win-back order", "reactivated by coupon"]
        case (_, .retention) where from == .loyalty: return ["loyalty status expired", "manual correction"]
        case (_, .retention): return ["second order", "repeat purchase"]
        case (_, .conversion): return ["reclassified after refund", "manual correction"]
        case (_, .reengagement): return ["no order for 90 days", "inactive since last campaign"]
        case (_, .loyalty): return ["joined loyalty club", "5th order ⭐", "ambassador programme"]
        case (_, .awareness): return ["reset after GDPR request", "lost contact"]
        case (_, .acquisition): return ["manual correction"]
        }
    }
}
