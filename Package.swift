// swift-tools-version:6.0
import PackageDescription

// Start-up time counts (see README, Performance): the executable links the
// Swift runtime and Foundation statically, so a plain `swift build -c release`
// gives the binary the benchmark measures.
// Foundation's static archives need their own support libraries named explicitly.
// lld packs the executable's relative relocations (DT_RELR, glibc 2.36 and later):
// the loader then reads a few kilobytes instead of two megabytes of them at each start.
let staticLink: [LinkerSetting] = [
    .unsafeFlags([
        "-static-stdlib", "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
        "-Xlinker", "-lFoundationInternationalization", "-Xlinker", "-lFoundationEssentials",
        "-Xlinker", "-lCoreFoundation", "-Xlinker", "-l_FoundationICU", "-Xlinker", "-l_FoundationCShims",
        "-Xlinker", "-l_FoundationCollections", "-Xlinker", "-lswiftSynchronization",
    ], .when(platforms: [.linux])),
]

let package = Package(
    name: "termlens",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "termlens", targets: ["termlens"]),
        .library(name: "PolicyModel", targets: ["PolicyModel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // Data model: no UI code here, ever.
        .target(name: "PolicyModel", dependencies: ["Yams", "CSystem"]),
        // C declarations of system calls the Swift overlay lacks (GNU extensions).
        .target(name: "CSystem"),
        // The bundled Data/ folder, embedded into the binary at build time.
        .target(name: "BundledData", plugins: ["EmbedData"]),
        .executableTarget(name: "DataEmbedder"),
        .plugin(name: "EmbedData", capability: .buildTool(), dependencies: ["DataEmbedder"]),

        .target(name: "TextCells"),
        .target(name: "TerminalUI", dependencies: ["TextCells"]),
        .target(name: "Browser", dependencies: ["PolicyModel", "TerminalUI", "TextCells"]),
        .systemLibrary(name: "CNcursesW", pkgConfig: "ncursesw", providers: [.apt(["libncurses-dev"])]),
        // The only target that calls curses.
        .target(name: "CursesTerminal", dependencies: ["TerminalUI", "CNcursesW"]),

        .executableTarget(
            name: "termlens",
            dependencies: [
                "PolicyModel", "BundledData", "Browser", "CursesTerminal", "TerminalUI", "TextCells",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: staticLink
        ),

        .testTarget(name: "PolicyModelTests", dependencies: ["PolicyModel", "BundledData"]),
        .testTarget(name: "TextCellsTests", dependencies: ["TextCells"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "TextCells", "CursesTerminal"]),
        // Goldens/ holds the screens the tests compare with (Scripts/update-goldens.sh writes them).
        .testTarget(name: "BrowserTests", dependencies: ["Browser", "PolicyModel", "BundledData", "TerminalUI"], exclude: ["Goldens"]),
        .testTarget(name: "CLITests", dependencies: ["PolicyModel"]),
    ],
    swiftLanguageModes: [.v6]
)
