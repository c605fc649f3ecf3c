/// How big and how long a benchmark run is: the full run of issue 5, or the small smoke run CI keeps.
struct BenchSettings {
    var dataDirectory: String
    /// Runs of the quick measurements (open, and JSON up to `jsonRuns`).
    var runs: Int
    var smoke: Bool

    /// Runs of the long measurements (browsing, stage changes): each gives many samples.
    var heavyRuns: Int { min(runs, 2) }
    /// Runs of the JSON load (the reference takes seconds and gigabytes).
    var jsonRuns: Int { min(runs, 5) }
    var sqliteCustomers: Int { smoke ? 3_000 : 1_000_000 }
    var jsonCustomers: Int { smoke ? 3_000 : 200_000 }
    /// Rounds of the navigation key script, and passes of the sort/filter script, per browse run.
    var navigationTours: Int { smoke ? 2 : 10 }
    var sortPasses: Int { smoke ? 1 : 2 }
    /// Seconds each key script may take per browse run; the rest is skipped (and counted).
    var scriptBudget: Double { smoke ? 30 : 60 }
    /// Single-customer stage changes per run.
    var moves: Int { smoke ? 20 : 200 }
    /// `clc move` runs while a dashboard follows them (issue 15).
    var follows: Int { smoke ? 5 : 100 }
    /// Seconds a dashboard may take to its first frame before it is killed.
    var openTimeout: Double { smoke ? 30 : 120 }
    /// Seconds a dashboard may take to compute its figures and value figures at open (a
    /// minute or two on the 1M file; several on a loaded machine).
    var figuresTimeout: Double { smoke ? 60 : 900 }
}
