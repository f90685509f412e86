// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "LearningLessons",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lessons", targets: ["lessons"]),
        .library(name: "LessonsKit", targets: ["LessonsKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        // `lessons serve` only: FlyingSocks, its socket library (accept, epoll/kqueue event loop; no SwiftNIO), under our
        // own small HTTP/1.1 layer in LessonsServe. Not its FlyingFox module: that one imports FoundationNetworking,
        // which links libcurl, GnuTLS, Kerberos… into every `lessons` process (+7 MB peak RSS for a `lessons build`).
        .package(url: "https://github.com/swhitty/FlyingFox.git", from: "0.27.1"),
        // SHA-256 of every input for the incremental build cache (BoringSSL's assembly, not a hand-written hash).
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "Ccmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "Cxxhash",
            pkgConfig: "libxxhash",
            providers: [.apt(["libxxhash-dev"])]
        ),
        .target(
            name: "LessonsKit",
            dependencies: [
                "Ccmark",
                "Cxxhash",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "LessonsServe",
            dependencies: [
                "LessonsKit",
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "lessons",
            dependencies: [
                "LessonsKit",
                "LessonsServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "LessonsKitTests", dependencies: ["LessonsKit"], exclude: ["Fixtures"]),
        .testTarget(name: "LessonsCLITests", dependencies: ["LessonsKit"], exclude: ["Fixtures", "Golden"]),
        .testTarget(
            name: "LessonsServeTests",
            dependencies: ["LessonsServe", .product(name: "FlyingSocks", package: "FlyingFox")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
