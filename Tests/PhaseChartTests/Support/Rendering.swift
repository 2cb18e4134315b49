import Foundation

/// rsvg-convert, where installed (Debian's librsvg2-bin).
enum Rendering {
    /// Path of rsvg-convert on PATH, if any.
    static let rsvgConvert: String? = {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/rsvg-convert" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Renders `svg` to PNG at `dpi` and returns the PNG bytes; keeps both files in
    /// `$PHASECHART_PREVIEW_DIR` (as `name.svg` and `name.png`) when that is set.
    static func png(_ svg: String, name: String, dpi: Int = 150) throws -> Data {
        let keep = ProcessInfo.processInfo.environment["PHASECHART_PREVIEW_DIR"]
        let directory = keep.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("phasechart-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { if keep == nil { try? FileManager.default.removeItem(at: directory) } }
        let input = directory.appendingPathComponent("\(name).svg"), output = directory.appendingPathComponent("\(name).png")
        try Data(svg.utf8).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: rsvgConvert!)
        process.arguments = ["--dpi-x", "\(dpi)", "--dpi-y", "\(dpi)", "--background-color", "white", "-o", output.path, input.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "rsvg-convert failed: \(message)"])
        }
        return try Data(contentsOf: output)
    }
}
