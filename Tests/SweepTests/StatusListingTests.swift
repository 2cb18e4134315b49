import Foundation
import Testing
@testable import Sweep

/// `hashsweep status` on a sweep with many failures and retired points lists a screenful of
/// each, with how many more there are, and `--list` shows more or fewer.
@Suite("status lists at most 20 failures and 20 retired points, with counts of the rest")
struct StatusListingTests {
    /// A database of 50 trajectories: 25 failed (one attempt each) and one pending in the spec,
    /// in that order, and the other 24 retired. Returns its path and the failed ids in spec order.
    static func database(in folder: TemporaryFolder) throws -> (path: String, failed: [String]) {
        let path = folder.file("sweep.sqlite")
        let store = try SweepStore.openOrCreate(path: path)
        let all = StoreFixtures.trajectories(count: 50)
        try store.synchronize(with: StoreFixtures.definition(all, maxAttempts: 1))
        let worker = StoreFixtures.worker("w")
        var failed = Set<String>()
        for _ in 0..<25 {
            let claim = try #require(try store.claimNext(for: worker))
            try store.recordFailure(claim, error: "boom \(claim.trajectory.id)")
            failed.insert(claim.trajectory.id)
        }
        let kept = all.filter { failed.contains($0.id) } + [try #require(all.first { !failed.contains($0.id) })]
        try store.synchronize(with: StoreFixtures.definition(kept, hash: "spec-2", maxAttempts: 1))
        return (path, kept.prefix(25).map(\.id))
    }

    @Test("the first 20 of each in spec order, then '... and N more'")
    func listsTwentyOfEach() throws {
        let folder = try TemporaryFolder()
        let (database, failedIDs) = try Self.database(in: folder)
        let status = try HashSweepProcess.run(["status", database], in: folder)
        #expect(status.status == 0, "\(status.error)")
        let lines = status.output.split(separator: "\n")
        let failed = lines.filter { $0.hasPrefix("failed ") }
        #expect(failed.count == 20)
        #expect(failed.map { String($0.split(separator: " ")[1]) } == Array(failedIDs.prefix(20)))
        #expect(failed.allSatisfy { $0.contains("after 1 attempts: boom t") })
        #expect(status.output.contains("... and 5 more failed (`--list 25` lists them all; `hashsweep retry` puts them back)"))
        #expect(lines.filter { $0.hasPrefix("retired ") }.count == 20)
        #expect(status.output.contains("... and 4 more retired (`--list 24` lists them all)"))
        #expect(status.output.contains("trajectories: 26 (1 pending, 0 running, 0 done, 25 failed); retired: 24"))
    }

    @Test("--list 25 lists every failure; --list 0 none; a negative count is refused")
    func listOption() throws {
        let folder = try TemporaryFolder()
        let database = try Self.database(in: folder).path
        let all = try HashSweepProcess.run(["status", database, "--list", "25"], in: folder)
        #expect(all.output.split(separator: "\n").filter { $0.hasPrefix("failed ") }.count == 25)
        #expect(!all.output.contains("more failed") && all.output.contains("... and 0 more retired") == false)
        let none = try HashSweepProcess.run(["status", database, "--list", "0"], in: folder)
        #expect(none.output.split(separator: "\n").filter { $0.hasPrefix("failed ") || $0.hasPrefix("retired ") }.isEmpty)
        #expect(none.output.contains("... and 25 more failed") && none.output.contains("... and 24 more retired"))
        let negative = try HashSweepProcess.run(["status", database, "--list", "-1"], in: folder)
        #expect(negative.status != 0 && negative.error.contains("--list must be 0 or more; found -1."), "\(negative.error)")
    }
}
