// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "clc",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "clc", targets: ["clc"]),
        .library(name: "LifecycleKit", targets: ["LifecycleKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        // The domain: model, snapshot stores (JSON, SQLite), validation, metrics. No terminal here.
        .target(
            name: "LifecycleKit",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
        ),
        // The executable: argument parsing only.
        .executableTarget(
            name: "clc",
            dependencies: [
                "LifecycleKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "LifecycleKitTests", dependencies: ["LifecycleKit"]),
    ],
    swiftLanguageModes: [.v5]
)
