// swift-tools-version:6.0
// Fuzz targets for termlens, kept out of the main package so that `swift build`
// and `swift test` there never see libFuzzer. Build and run with Scripts/fuzz.sh.
//
// Sources/ holds symbolic links to the root package's PolicyModel, CSystem, TextCells,
// TerminalUI and CNcursesW folders, and FuzzKeys links CursesTerminal's
// InputDecoder.swift (the pure key decoding, without the curses back end).
// Depending on the root package by path does not work: only PolicyModel is a
// product there, and SwiftPM refuses two packages declaring the same target.
import PackageDescription

let package = Package(
    name: "termlens-fuzz",
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .target(name: "PolicyModel", dependencies: ["Yams", "CSystem"]),
        .target(name: "CSystem"),
        .target(name: "TextCells"),
        .target(name: "TerminalUI", dependencies: ["TextCells"]),
        .systemLibrary(name: "CNcursesW", pkgConfig: "ncursesw"),
        .target(name: "CLibFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer"]),

        .executableTarget(name: "FuzzLoader", dependencies: ["FuzzSupport", "PolicyModel"]),
        .executableTarget(name: "FuzzAnchoring", dependencies: ["FuzzSupport", "PolicyModel"]),
        .executableTarget(name: "FuzzWrapping", dependencies: ["FuzzSupport", "TextCells"]),
        .executableTarget(name: "FuzzKeys", dependencies: ["FuzzSupport", "TerminalUI", "TextCells", "CNcursesW"]),
        .executableTarget(name: "FuzzIndexCache", dependencies: ["FuzzSupport", "PolicyModel"]),
    ],
    swiftLanguageModes: [.v6]
)
