import Foundation
import Testing
@testable import LifecycleTUI

/// Every text role of every shipped theme reaches WCAG AA contrast (4.5 : 1) against the
/// background it is shown on; bars, which are not text, reach 3 : 1 (WCAG's non-text minimum).
///
/// The rule:
/// - A role with its own background is measured against it (and must then set its foreground).
/// - A role on the terminal's background is measured against the backgrounds the theme is
///   made for: `default` dark terminals (black), `light` light ones (white), `high-contrast`
///   and `mono` any background (black and white both). The terminal's own foreground is taken
///   as readable on its own background (light grey on black, black on white).
/// - Colours are the ones clc sends: `#rrggbb` degraded to the 256-colour palette, and for
///   `high-contrast`, which promises 8-colour terminals, also degraded to 8 colours; palette
///   entries are xterm's standard values. `reverse` swaps foreground and background; `dim` is
///   left to the terminal. Borders and the empty bar track are decoration and not measured.
@Suite struct ThemeContrastTests {
    struct RGB: Equatable, CustomStringConvertible {
        var r: Double, g: Double, b: Double
        init(_ r: Int, _ g: Int, _ b: Int) { (self.r, self.g, self.b) = (Double(r), Double(g), Double(b)) }
        var description: String { String(format: "#%02x%02x%02x", Int(r), Int(g), Int(b)) }

        /// WCAG 2 relative luminance.
        var luminance: Double {
            func channel(_ v: Double) -> Double {
                let c = v / 255
                return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
            }
            return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
        }

        static func contrast(_ a: RGB, _ b: RGB) -> Double {
            let (x, y) = (a.luminance, b.luminance)
            return (max(x, y) + 0.05) / (min(x, y) + 0.05)
        }
    }

    /// xterm's standard values for the 16 basic colours.
    static let basic: [RGB] = [
        RGB(0, 0, 0), RGB(205, 0, 0), RGB(0, 205, 0), RGB(205, 205, 0), RGB(0, 0, 238), RGB(205, 0, 205), RGB(0, 205, 205), RGB(229, 229, 229),
        RGB(127, 127, 127), RGB(255, 0, 0), RGB(0, 255, 0), RGB(255, 255, 0), RGB(92, 92, 255), RGB(255, 0, 255), RGB(0, 255, 255), RGB(255, 255, 255),
    ]

    static func rgb(_ color: ThemeColor, colors: Int) -> RGB? {
        switch color.degraded(to: colors) {
        case .terminalDefault: return nil
        case .indexed(let i) where i < 16: return basic[i]
        case .indexed(let i): return ThemeColor.rgbOfIndex(i).map { RGB(Int($0.0), Int($0.1), Int($0.2)) }
        case .rgb(let r, let g, let b): return RGB(Int(r), Int(g), Int(b))
        }
    }

    /// The terminal backgrounds each theme is made for.
    static let backgrounds: [String: [RGB]] = [
        "default": [RGB(0, 0, 0)],
        "light": [RGB(255, 255, 255)],
        "high-contrast": [RGB(0, 0, 0), RGB(255, 255, 255)],
        "mono": [RGB(0, 0, 0), RGB(255, 255, 255)],
    ]
    static let colourDepths: [String: [Int]] = ["high-contrast": [256, 8]]

    static let decoration: Set<Role> = [.border, .barEmpty]
    static let nonText: Set<Role> = [.bar, .barSelected]

    /// The terminal's own foreground on its own background.
    static func terminalForeground(on background: RGB) -> RGB {
        background.luminance > 0.5 ? RGB(0, 0, 0) : RGB(229, 229, 229)
    }

    @Test(arguments: ["default", "light", "high-contrast", "mono"])
    func everyTextRoleIsReadable(theme name: String) throws {
        let loader = ThemeLoader(environment: ["CLC_THEMES_DIR": ThemeTests.themesDir, "HOME": "/nonexistent"])
        let theme = try loader.load(name)
        var failures: [String] = []
        for colors in Self.colourDepths[name] ?? [256] {
            for terminal in Self.backgrounds[name]! {
                for role in Role.allCases where !Self.decoration.contains(role) {
                    let style = theme.style(role)
                    if style.background != .terminalDefault && style.foreground == .terminalDefault {
                        failures.append("\(role): sets a background but not its text colour")
                        continue
                    }
                    var bg = Self.rgb(style.background, colors: colors) ?? terminal
                    var fg = Self.rgb(style.foreground, colors: colors) ?? Self.terminalForeground(on: bg)
                    if style.attributes.contains(.reverse) { swap(&fg, &bg) }
                    let ratio = RGB.contrast(fg, bg)
                    let needed = Self.nonText.contains(role) ? 3.0 : 4.5
                    if ratio < needed {
                        failures.append(String(format: "%@: %@ on %@ is %.2f : 1 (needs %.1f; %d colours, terminal %@)",
                                               "\(role)", "\(fg)", "\(bg)", ratio, needed, colors, "\(terminal)"))
                    }
                }
            }
        }
        #expect(failures.isEmpty, Comment(rawValue: "\(name):\n" + failures.joined(separator: "\n")))
    }

    @Test func theMeasureItselfIsWCAGs() {
        #expect(abs(RGB.contrast(RGB(0, 0, 0), RGB(255, 255, 255)) - 21) < 0.01)
        #expect(abs(RGB.contrast(RGB(255, 255, 0), RGB(255, 255, 255)) - 1.07) < 0.01)   // bright-yellow on white
        #expect(abs(RGB.contrast(RGB(118, 118, 118), RGB(255, 255, 255)) - 4.54) < 0.01)
    }
}
