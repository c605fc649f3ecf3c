/// What a cell is, for the theme to colour: views draw roles, never colours.
public enum Role: String, CaseIterable, Sendable {
    case normal, dim, header, title, border
    case bar, barSelected, barEmpty, selected, marked
    case columnHeader, sortKey
    case statusBar, statusKey, message, warning, error
    case pending, positive, negative
    case overlay, overlayTitle, overlayKey
    case stageChain, stageCurrent
    case channelWeb, channelEmail, channelSocial, channelAds, channelSearch, channelPhone
    case channelStore, channelSupport, channelReferral, channelEvent, channelOther
    case transition

    /// The role and glyph that tell a channel apart in the journey timeline.
    public static func channel(_ name: String) -> (role: Role, glyph: String) {
        switch name {
        case "web": return (.channelWeb, "◆")
        case "email": return (.channelEmail, "✉")
        case "social": return (.channelSocial, "♥")
        case "ads": return (.channelAds, "▲")
        case "search": return (.channelSearch, "?")
        case "phone": return (.channelPhone, "☎")
        case "store": return (.channelStore, "■")
        case "support": return (.channelSupport, "✚")
        case "referral": return (.channelReferral, "↗")
        case "event": return (.channelEvent, "★")
        default: return (.channelOther, "•")
        }
    }
}
