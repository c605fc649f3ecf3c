import Testing
@testable import LifecycleKit

@Suite struct SafeTextTests {
    @Test func controlCharactersBecomeVisible() {
        #expect(SafeText.visible("a\u{1B}[31mred") == "a^[[31mred")
        #expect(SafeText.visible("bell\u{07}\u{7F}") == "bell^G^?")
        #expect(SafeText.visible("c1\u{9B}x") == "c1<9B>x")
        #expect(SafeText.visible("tab\there\nnew") == "tab^Ihere^Jnew")
        #expect(SafeText.visible("\u{202E}evil") == "<U+202E>evil")
    }

    @Test func emojiSequencesAreShownAsSeparateEmojiOfKnownWidth() {
        let family = "👩\u{200D}👩\u{200D}👧\u{200D}👦"
        #expect(SafeText.visible(family) == "👩👩👧👦")
        #expect(DisplayWidth.of(SafeText.visible(family)) == 8)
        #expect(SafeText.visible("👍🏽") == "👍")
        #expect(SafeText.visible("❤️") == "❤")
        #expect(DisplayWidth.of(SafeText.visible("❤️")) == 1)
        #expect(SafeText.visible("🇩🇪") == "🇩🇪")
    }

    @Test func widthsCountColumnsNotCharacters() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("李小龍") == 6)
        #expect(DisplayWidth.of("e\u{301}") == 1)  // combining acute
        #expect(DisplayWidth.of("🚀") == 2)
        #expect(DisplayWidth.of("👩‍👩‍👧") == 2)  // one ZWJ sequence
        #expect(DisplayWidth.of("🇩🇪") == 2)
        #expect(DisplayWidth.of("Müller") == 6)
        #expect(DisplayWidth.of("\u{200B}") == 0)
    }

    @Test func truncationNeverSplitsAWideCharacter() {
        #expect(SafeText.truncated("李小龍李小龍", width: 6) == "李小…")
        #expect(DisplayWidth.of(SafeText.truncated("李小龍李小龍", width: 6)) == 5)
        #expect(SafeText.padded("李小龍李小龍", width: 6) == "李小… ")
        #expect(SafeText.truncated("short", width: 10) == "short")
        #expect(SafeText.truncated("e\u{301}e\u{301}e\u{301}e\u{301}", width: 3) == "e\u{301}e\u{301}…")
        #expect(SafeText.padded("7", width: 4, alignRight: true) == "   7")
        #expect(SafeText.truncated("anything", width: 0) == "")
    }

    @Test func numbersAreGroupedAndFixed() {
        #expect(NumberText.grouped(1_204) == "1,204")
        #expect(NumberText.grouped(18_210_000) == "18,210,000")
        #expect(NumberText.grouped(-5) == "-5")
        #expect(NumberText.fixed(1234.5, decimals: 2) == "1,234.50")
        #expect(NumberText.fixed(0.005, decimals: 2) == "0.01")
        #expect(NumberText.fixed(-2.25, decimals: 1) == "-2.3")
        #expect(NumberText.percent(0.3712) == "37.1%")
    }
}
