import Foundation

/// The slots of a filtered list, found lazily: its base (a stage's run of an order, or a
/// whole value order) is walked from the nearer end only as far as the position asked for,
/// so a page near either end costs its rows divided by the share that passes, not a pass
/// over the run; what was found is kept for the next page. The count is known beforehand (a
/// look-up in `FilterCounts`, or a pass in slot order: `SlotFilter.count`). The lock keeps two
/// readers from walking at once.
final class FilteredSlots: @unchecked Sendable {
    let count: Int
    private let baseCount: Int
    private let base: (Int) -> Int32
    private let passes: (Int32) -> Bool
    private let counter: WalkCounter
    /// The list's first slots, found in base positions `0..<frontEnd`.
    private var front: [Int32] = [], frontEnd = 0
    /// The list's last slots, last first, found in base positions `backStart..<baseCount`.
    private var back: [Int32] = [], backStart: Int
    private let lock = NSLock()

    /// The `count` slots of `base` (`baseCount` positions) that `passes`, in base order.
    init(count: Int, baseCount: Int, base: @escaping (Int) -> Int32, passes: @escaping (Int32) -> Bool, counter: WalkCounter) {
        (self.count, self.baseCount, self.base, self.passes, self.counter) = (count, baseCount, base, passes, counter)
        backStart = baseCount
    }

    subscript(_ i: Int) -> Int32 {
        lock.withLock {
            let fromEnd = count - 1 - i
            if i >= front.count && fromEnd >= back.count {
                if i - front.count <= fromEnd - back.count { walkFront(past: i) } else { walkBack(past: fromEnd) }
            }
            precondition(i < front.count || fromEnd < back.count, "a filtered list shorter than its count")
            return i < front.count ? front[i] : back[fromEnd]
        }
    }

    /// Walks on from the front until the list's slot `i` is found (or the back's walk is met).
    private func walkFront(past i: Int) {
        var p = frontEnd
        while front.count <= i && p < backStart {
            let slot = base(p)
            if passes(slot) { front.append(slot) }
            p += 1
        }
        counter.walked += p - frontEnd
        frontEnd = p
    }

    /// Walks on from the back until the list's `j`-th slot from the end is found.
    private func walkBack(past j: Int) {
        var p = backStart
        while back.count <= j && p > frontEnd {
            p -= 1
            let slot = base(p)
            if passes(slot) { back.append(slot) }
        }
        counter.walked += backStart - p
        backStart = p
    }
}

/// How many entries of an order filtered lists looked at (what a filter costs; for tests).
final class WalkCounter: @unchecked Sendable {
    var walked = 0
}
