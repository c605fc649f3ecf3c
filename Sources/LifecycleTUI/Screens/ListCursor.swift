/// The cursor of a list screen kept on its rows and in view.
enum ListCursor {
    /// `selected` within `count` rows, and `scroll` such that it shows on a page of `page` rows.
    static func clamp(selected: inout Int, scroll: inout Int, count: Int, page: Int) {
        selected = max(0, min(selected, count - 1))
        scroll = max(0, min(scroll, selected, max(0, count - page)))
        if selected >= scroll + page { scroll = selected - page + 1 }
    }
}
