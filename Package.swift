// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "clc",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "clc", targets: ["clc"]),
        .executable(name: "clc-bench", targets: ["clc-bench"]),
        .library(name: "LifecycleKit", targets: ["LifecycleKit"]),
        .library(name: "LifecycleTUI", targets: ["LifecycleTUI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
    ],
    targets: [
        // The domain: model, snapshot stores (JSON, SQLite), validation, metrics. No terminal here.
        .target(
            name: "LifecycleKit",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                // `clc import`: CSV files and their mapping files.
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
        ),
        // ncursesw, with a C shim for the macros Swift cannot import.
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // The dashboard: state → update(event) → view into a cell grid; an ncurses backend.
        // Themes and config.toml are read with TOMLKit.
        .target(name: "LifecycleTUI", dependencies: ["LifecycleKit", "CNcursesw", .product(name: "TOMLKit", package: "TOMLKit")]),
        // The executable: argument parsing only.
        .executableTarget(
            name: "clc",
            dependencies: [
                "LifecycleKit",
                "LifecycleTUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The benchmark of issue 5 (`scripts/bench`): the real app and binary against reference programs.
        .executableTarget(
            name: "clc-bench",
            dependencies: [
                "LifecycleKit",
                "LifecycleTUI",
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The readers of untrusted bytes under libFuzzer (`scripts/fuzz`); a plain build replays files.
        .executableTarget(name: "clc-fuzz", dependencies: ["LifecycleKit"]),
        .testTarget(name: "LifecycleKitTests", dependencies: ["LifecycleKit"]),
        .testTarget(name: "LifecycleTUITests", dependencies: ["LifecycleTUI", "LifecycleKit"], exclude: ["Screens"]),
        // Drives the real `clc` binary in tmux and checks the screen and the files on disk;
        // runs `clc-bench --smoke`.
        .testTarget(name: "EndToEndTests", dependencies: ["clc", "clc-bench", "LifecycleKit"]),
    ],
    swiftLanguageModes: [.v6]
)
