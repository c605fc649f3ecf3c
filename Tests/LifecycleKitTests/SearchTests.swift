import Foundation
import Testing
@testable import LifecycleKit

/// Search: the fast ASCII path answers as Foundation does, and the SQLite store's indexed
/// search finds the same customer as paging through the list.
@Suite(.serialized) struct SearchTests {
    @Test func asciiFastPathAgreesWithFoundation() {
        let texts = ["Anna Müller", "anna.mueller@example.com", "MULLER", "Zoë", "o'Brien", "", "a", "x^[[2Jy", "Çağla Yılmaz",
                     "Straße", "STRASSE", "İlker", "ılgın", "Łukasz Wójcik", "Øyvind Ærø", "Zoe\u{308}", "山田 太郎", "Ådne Ñúñez",
                     "François Chevalier", "Şule Güneş", "\u{1F468}\u{200D}\u{1F469} family"]
        let queries = ["mul", "MÜL", "anna", "NA.MU", "", "zz", "o'b", "zoe", "2j", "cag", "a", "ss", "strasse", "ß", "ilk",
                       "i", "luk", "ojc", "oy", "ae", "山田", "nun", "FRANC", "sule gunes", "ş", "family", "e\u{308}"]
        for text in texts {
            for query in queries {
                let expected = !query.isEmpty && text.range(of: query, options: [.caseInsensitive, .diacriticInsensitive]) != nil
                #expect(CustomerSearch(query).matches(name: text, email: nil) == expected, "\(query) in \(text)")
            }
        }
    }

    @Test func indexedSearchFindsWhatPagingFinds() throws {
        let path = try SQLiteListIndexTests.file()
        let store = try Fixtures.indexedSQLiteStore(path)
        let queries = ["a", "an", "ann", "mül", "MUE", "@example", "zzzq", "e", "er", "ş", "ß", "山田", "ı", "Ø", "c-00001", "c-000012", "0000042"]
        func check() throws {
            for stage in store.stages {
                for sort in [CustomerSort(.name), CustomerSort(.revenue, descending: true)] {
                    for filter in [CustomerFilter.none, CustomerFilter(segment: try store.segments().first)] {
                        let total = try store.customerCount(inStage: stage.id, filter: filter)
                        for query in queries {
                            for start in Set([0, total / 2, max(0, total - 1)]) {
                                for forward in [true, false] {
                                    let fast = try store.indexOfMatch(query, inStage: stage.id, filter: filter, sort: sort, from: start, forward: forward)
                                    let paged = try store.pagedIndexOfMatch(query, inStage: stage.id, filter: filter, sort: sort, from: start, forward: forward)
                                    #expect(fast == paged, "\(query) in \(stage.id) \(sort) \(filter) from \(start) \(forward)")
                                }
                            }
                        }
                    }
                }
            }
        }
        try check()
        // After a stage change the index follows; the remembered matches are not reused.
        var mover = StageMover(user: "ana", clock: { SQLiteListIndexTests.later })
        let first = try store.customers(inStage: store.stages[0].id, filter: .none, sort: CustomerSort(.name), offset: 0, limit: 5)
        _ = try mover.move(first.map { ($0.customer.id, $0.customer.stage) }, to: store.stages[1].id, note: nil, in: store)
        #expect(store.listIndex.current != nil)
        try check()
    }
}
