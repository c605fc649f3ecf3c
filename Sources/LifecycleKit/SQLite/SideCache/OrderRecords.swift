/// One row to order while the list index is built: the first 12 bytes of its sort key
/// (big-endian, zero-padded: their order agrees with the full comparison) and its
/// tie-breaker, which also names the row. 16 bytes a row, sorted in place (no second buffer).
struct OrderRecord {
    var high: UInt64
    var low: UInt32
    var tie: UInt32
}

/// How two records whose 12 key bytes are equal compare in full, by their tie-breakers:
/// -1, 0 (equal: the tie-breaker decides) or 1; and the next key bytes of a record.
protocol FullOrder {
    /// False when the keys are the whole values (no full comparison, no further key bytes).
    static var refines: Bool { get }
    func compare(_ a: UInt32, _ b: UInt32) -> Int
    /// Key bytes `offset..<offset + 12` of a record's value (zero-padded, as the first 12).
    func window(_ tie: UInt32, from offset: Int) -> (UInt64, UInt32)
}

/// Keys that are the whole value: equal keys are equal values.
struct KeysOnly: FullOrder {
    static var refines: Bool { false }
    @inline(__always) func compare(_ a: UInt32, _ b: UInt32) -> Int { 0 }
    func window(_ tie: UInt32, from offset: Int) -> (UInt64, UInt32) { (0, 0) }
}

/// Sorts records in place, ascending by key, then `FullOrder`, then tie-breaker (a strict
/// total order: the result does not depend on the algorithm). First by key and tie-breaker
/// alone (integer compares); then each run of equal keys: in order already when its values
/// all compare equal (the same name many times), else keyed again by its next 12 key bytes
/// and sorted, and what is still equal compared in full. Introsort: quicksort with a median
/// of three, insertion sort for short runs, heapsort past twice log2(n) levels (so n log n
/// at worst); an already sorted input costs one pass.
enum RecordSort {
    static func sort<F: FullOrder>(_ records: UnsafeMutableBufferPointer<OrderRecord>, _ full: F) {
        guard records.count > 1, let a = records.baseAddress else { return }
        introsort(a, records.count, KeysOnly())
        guard F.refines else { return }
        forEachRun(a, records.count) { run, n in
            guard !allEqual(run, n, full) else { return }
            for i in 0..<n { (run[i].high, run[i].low) = full.window(run[i].tie, from: 12) }
            introsort(run, n, KeysOnly())
            forEachRun(run, n) { rest, m in
                if !allEqual(rest, m, full) { introsort(rest, m, full) }
            }
        }
    }

    private static func introsort<F: FullOrder>(_ a: UnsafeMutablePointer<OrderRecord>, _ n: Int, _ full: F) {
        if (1..<n).allSatisfy({ less(a[$0 - 1], a[$0], full) }) { return }
        quick(a, 0, n, depth: 2 * (Int.bitWidth - n.leadingZeroBitCount), full)
    }

    /// Calls `body` with each run of two or more records of equal key.
    private static func forEachRun(_ a: UnsafeMutablePointer<OrderRecord>, _ n: Int, _ body: (UnsafeMutablePointer<OrderRecord>, Int) -> Void) {
        var start = 0
        for i in 1...n where i == n || a[i].high != a[start].high || a[i].low != a[start].low {
            if i - start > 1 { body(a + start, i - start) }
            start = i
        }
    }

    private static func allEqual<F: FullOrder>(_ a: UnsafeMutablePointer<OrderRecord>, _ n: Int, _ full: F) -> Bool {
        (1..<n).allSatisfy { full.compare(a[0].tie, a[$0].tie) == 0 }
    }

    @inline(__always) static func less<F: FullOrder>(_ a: OrderRecord, _ b: OrderRecord, _ full: F) -> Bool {
        if a.high != b.high { return a.high < b.high }
        if a.low != b.low { return a.low < b.low }
        let c = full.compare(a.tie, b.tie)
        return c != 0 ? c < 0 : a.tie < b.tie
    }

    private static func quick<F: FullOrder>(_ a: UnsafeMutablePointer<OrderRecord>, _ low: Int, _ high: Int, depth: Int, _ full: F) {
        var (low, high, depth) = (low, high, depth)
        while high - low > 16 {
            guard depth > 0 else { return heap(a + low, high - low, full) }
            depth -= 1
            let cut = partition(a, low, high, full)
            // The shorter side recursively, the longer one in this loop: log2(n) frames at most.
            if cut - low < high - cut {
                quick(a, low, cut, depth: depth, full)
                low = cut
            } else {
                quick(a, cut, high, depth: depth, full)
                high = cut
            }
        }
        insertion(a, low, high, full)
    }

    /// Hoare's partition around the median of the first, middle and last records: every
    /// record before the returned index is at most every one from it on; both sides non-empty.
    private static func partition<F: FullOrder>(_ a: UnsafeMutablePointer<OrderRecord>, _ low: Int, _ high: Int, _ full: F) -> Int {
        let mid = low + (high - low) / 2, last = high - 1
        if less(a[mid], a[low], full) { swap(&a[mid], &a[low]) }
        if less(a[last], a[mid], full) {
            swap(&a[last], &a[mid])
            if less(a[mid], a[low], full) { swap(&a[mid], &a[low]) }
        }
        swap(&a[low], &a[mid])
        let pivot = a[low]
        var i = low - 1, j = high
        while true {
            repeat { i += 1 } while less(a[i], pivot, full)
            repeat { j -= 1 } while less(pivot, a[j], full)
            if i >= j { return j + 1 }
            swap(&a[i], &a[j])
        }
    }

    private static func insertion<F: FullOrder>(_ a: UnsafeMutablePointer<OrderRecord>, _ low: Int, _ high: Int, _ full: F) {
        guard high - low > 1 else { return }
        for i in (low + 1)..<high {
            let x = a[i]
            var j = i
            while j > low && less(x, a[j - 1], full) {
                a[j] = a[j - 1]
                j -= 1
            }
            a[j] = x
        }
    }

    private static func heap<F: FullOrder>(_ a: UnsafeMutablePointer<OrderRecord>, _ n: Int, _ full: F) {
        for root in stride(from: n / 2 - 1, through: 0, by: -1) { siftDown(a, root, n, full) }
        for end in stride(from: n - 1, to: 0, by: -1) {
            swap(&a[0], &a[end])
            siftDown(a, 0, end, full)
        }
    }

    private static func siftDown<F: FullOrder>(_ a: UnsafeMutablePointer<OrderRecord>, _ start: Int, _ n: Int, _ full: F) {
        var root = start
        while true {
            var child = 2 * root + 1
            guard child < n else { return }
            if child + 1 < n && less(a[child], a[child + 1], full) { child += 1 }
            guard less(a[root], a[child], full) else { return }
            swap(&a[root], &a[child])
            root = child
        }
    }
}
