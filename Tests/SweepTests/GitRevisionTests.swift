import Foundation
import Testing
@testable import Sweep

@Suite("Git revision of a spec's checkout", .serialized)
struct GitRevisionTests {
    @Test("HEAD's hash inside a work tree, +dirty after an uncommitted change, nil outside git")
    func describesTheCheckout() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hashsweep-git-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = folder.appendingPathComponent("s.yaml").path
        try "name: s\n".write(toFile: spec, atomically: true, encoding: .utf8)
        #expect(GitRevision.describing(path: spec) == nil)

        try git(["init", "-q"], in: folder)
        try git(["add", "s.yaml"], in: folder)
        try git(["-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "spec"], in: folder)
        let clean = try #require(GitRevision.describing(path: spec))
        #expect(clean.count == 40 && clean.allSatisfy(\.isHexDigit))

        try "name: s2\n".write(toFile: spec, atomically: true, encoding: .utf8)
        #expect(GitRevision.describing(path: spec) == clean + "+dirty")
    }

    private func git(_ arguments: [String], in folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path] + arguments
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " ")) failed")
    }
}
