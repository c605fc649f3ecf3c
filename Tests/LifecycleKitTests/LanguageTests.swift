import Testing
@testable import LifecycleKit

/// How the language is chosen: `--lang`, else `CLC_LANG`, else `LC_ALL`, `LC_MESSAGES`, `LANG`.
@Suite struct LanguageTests {
    @Test func theOptionWinsOverEveryVariable() {
        let environment = ["CLC_LANG": "en", "LC_ALL": "en_US.UTF-8", "LANG": "en_GB.UTF-8"]
        #expect(Language.resolve(option: .de, environment: environment) == .de)
        #expect(Language.resolve(option: .en, environment: ["CLC_LANG": "de"]) == .en)
    }

    @Test func clcLangWinsOverTheLocale() {
        #expect(Language.resolve(option: nil, environment: ["CLC_LANG": "de", "LC_ALL": "C"]) == .de)
        #expect(Language.resolve(option: nil, environment: ["CLC_LANG": "en", "LANG": "de_DE.UTF-8"]) == .en)
    }

    @Test func theFirstNonEmptyLocaleVariableDecidesInPosixOrder() {
        #expect(Language.resolve(option: nil, environment: ["LC_ALL": "de_AT", "LC_MESSAGES": "en_US", "LANG": "en_US"]) == .de)
        #expect(Language.resolve(option: nil, environment: ["LC_ALL": "C", "LANG": "de_DE.UTF-8"]) == .en)
        #expect(Language.resolve(option: nil, environment: ["LC_MESSAGES": "de", "LANG": "en_US.UTF-8"]) == .de)
        #expect(Language.resolve(option: nil, environment: ["CLC_LANG": "", "LC_ALL": "", "LANG": "de_DE.UTF-8"]) == .de)
        #expect(Language.resolve(option: nil, environment: [:]) == .en)
    }

    @Test(arguments: [("de_DE.UTF-8", Language.de), ("de", .de), ("de_AT", .de), ("de-CH", .de), ("DE_de@euro", .de),
                      ("C", .en), ("POSIX", .en), ("C.UTF-8", .en), ("fr_FR.UTF-8", .en), ("en_US.UTF-8", .en), ("deu", .en)])
    func localeNames(name: String, expected: Language) {
        #expect(Language.fromLocale(name) == expected)
    }

    @Test func pluralCategoriesOfEnglishAndGerman() {
        for language in Language.allCases {
            #expect(language.pluralCategory(0) == .other)
            #expect(language.pluralCategory(1) == .one)
            #expect(language.pluralCategory(2) == .other)
            #expect(language.pluralCategory(-1) == .other)
        }
    }
}
