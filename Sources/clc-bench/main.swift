/// `clc-bench`: the one-command benchmark of issue 5 (run it with `scripts/bench`).
BenchCommand.main()
