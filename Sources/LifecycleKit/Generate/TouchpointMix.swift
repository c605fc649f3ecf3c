/// Which campaign a touchpoint carries.
enum CampaignKind {
    case none
    /// The seasonal ad campaign of the month, or an always-on one.
    case ad
    /// The seasonal campaign half of the time (purchases during a sale).
    case maybeSeasonal
    /// `newsletter-YYYY-MM` of the month.
    case newsletter
    /// `winback-qN` of the quarter.
    case winback
    case fixed(String)
}

/// One kind of touchpoint: where, what, which campaign, whether it carries money.
struct TouchpointKind {
    let channel: String
    let type: String
    let campaign: CampaignKind
    let isPurchase: Bool
    /// Notes, one of which is attached with probability `noteChance`.
    let notes: [String]
    let noteChance: Double

    init(_ channel: String, _ type: String, _ campaign: CampaignKind = .none,
         purchase: Bool = false, notes: [String] = [], noteChance: Double = 0) {
        self.channel = channel
        self.type = type
        self.campaign = campaign
        self.isPurchase = purchase
        self.notes = notes
        self.noteChance = notes.isEmpty ? 0 : noteChance
    }
}

/// The touchpoints typical of each stage, with weights.
enum TouchpointMix {
    static let supportNotes = ["Delivery late", "Wrong size, exchange requested", "Rückerstattung angefragt",
                               "Colis endommagé", "Password reset", "Invoice address change",
                               "¿Dónde está mi pedido? 📦", "Zwrot towaru", "Callback requested"]
    static let reviewNotes = ["★★★★★", "★★★★☆ Schnelle Lieferung", "★★☆☆☆ Qualité décevante",
                              "5/5 would buy again", "Très bon service 👍", "Çok memnun kaldım"]
    static let eventNotes = ["Met at booth 4B", "Trade fair Köln", "Pop-up store Paris"]
    static let referralNotes = ["Referred a friend", "Empfehlung: Kollegin", "Parrainage"]
    static let unsubscribeNotes = ["Too many emails", "Nicht mehr interessiert"]

    /// Per stage (by raw value of `DemoStage`): kinds and weights.
    static let byStage: [[(kind: TouchpointKind, weight: Int)]] = [
        // awareness
        [(TouchpointKind("ads", "ad_click", .ad), 25),
         (TouchpointKind("social", "ad_click", .ad), 20),
         (TouchpointKind("search", "visit"), 18),
         (TouchpointKind("search", "ad_click", .fixed("search-generic")), 10),
         (TouchpointKind("web", "visit"), 16),
         (TouchpointKind("event", "visit", .fixed("trade-fair"), notes: eventNotes, noteChance: 0.4), 3),
         (TouchpointKind("referral", "visit", .fixed("refer-a-friend")), 4),
         (TouchpointKind("store", "visit"), 3),
         (TouchpointKind("other", "visit"), 1)],
        // acquisition
        [(TouchpointKind("web", "signup"), 8),
         (TouchpointKind("email", "email_sent", .newsletter), 22),
         (TouchpointKind("email", "email_open", .newsletter), 18),
         (TouchpointKind("email", "email_click", .newsletter), 10),
         (TouchpointKind("web", "visit"), 22),
         (TouchpointKind("social", "ad_click", .fixed("retargeting")), 10),
         (TouchpointKind("store", "visit"), 3),
         (TouchpointKind("phone", "visit", notes: ["Asked about delivery times"], noteChance: 0.3), 2),
         (TouchpointKind("email", "unsubscribe", .newsletter, notes: unsubscribeNotes, noteChance: 0.3), 2)],
        // conversion
        [(TouchpointKind("web", "purchase", .maybeSeasonal, purchase: true), 24),
         (TouchpointKind("store", "purchase", purchase: true), 6),
         (TouchpointKind("phone", "purchase", purchase: true), 2),
         (TouchpointKind("email", "email_sent", .fixed("order-confirmation")), 10),
         (TouchpointKind("email", "email_open", .newsletter), 15),
         (TouchpointKind("web", "visit"), 20),
         (TouchpointKind("ads", "ad_click", .ad), 8),
         (TouchpointKind("support", "support_ticket", notes: supportNotes, noteChance: 0.7), 4)],
        // retention
        [(TouchpointKind("web", "purchase", .maybeSeasonal, purchase: true), 20),
         (TouchpointKind("store", "purchase", purchase: true), 6),
         (TouchpointKind("support", "support_ticket", notes: supportNotes, noteChance: 0.7), 8),
         (TouchpointKind("phone", "support_ticket", notes: supportNotes, noteChance: 0.5), 3),
         (TouchpointKind("web", "review", notes: reviewNotes, noteChance: 0.6), 5),
         (TouchpointKind("email", "email_sent", .newsletter), 15),
         (TouchpointKind("email", "email_open", .newsletter), 12),
         (TouchpointKind("email", "email_click", .newsletter), 8),
         (TouchpointKind("web", "visit"), 15),
         (TouchpointKind("email", "unsubscribe", .newsletter, notes: unsubscribeNotes, noteChance: 0.3), 1)],
        // reengagement
        [(TouchpointKind("email", "email_sent", .winback), 36),
         (TouchpointKind("email", "email_open", .winback), 15),
         (TouchpointKind("email", "email_click", .winback), 6),
         (TouchpointKind("email", "unsubscribe", .winback, notes: unsubscribeNotes, noteChance: 0.3), 3),
         (TouchpointKind("web", "visit"), 8),
         (TouchpointKind("social", "ad_click", .fixed("retargeting")), 8)],
        // loyalty
        [(TouchpointKind("web", "purchase", .maybeSeasonal, purchase: true), 22),
         (TouchpointKind("store", "purchase", purchase: true), 6),
         (TouchpointKind("referral", "referral", .fixed("refer-a-friend"), notes: referralNotes, noteChance: 0.3), 12),
         (TouchpointKind("web", "review", notes: reviewNotes, noteChance: 0.6), 10),
         (TouchpointKind("email", "email_open", .newsletter), 10),
         (TouchpointKind("email", "email_click", .newsletter), 8),
         (TouchpointKind("email", "email_sent", .fixed("loyalty-club")), 8),
         (TouchpointKind("event", "visit", .fixed("vip-evening"), notes: eventNotes, noteChance: 0.3), 4),
         (TouchpointKind("support", "support_ticket", notes: supportNotes, noteChance: 0.7), 4),
         (TouchpointKind("web", "visit"), 10)],
    ]

    /// A touchpoint placed exactly at a stage change: the signup that made an acquisition,
    /// the order that made a conversion or a repeat buyer, the win-back order that brought a
    /// customer back.
    static let signup = TouchpointKind("web", "signup")
    static let order = TouchpointKind("web", "purchase", .maybeSeasonal, purchase: true)
    static let winbackOrder = TouchpointKind("web", "purchase", .winback, purchase: true)
}
