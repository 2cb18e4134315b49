import Foundation
import Testing

/// What a user sees when a spec is wrong or a dataset is missing: a clear message, a non-zero
/// exit status, and nothing left on disk by a spec that failed validation.
@Suite(.serialized)
struct BadInputTests {
    /// Two mistakes, each with its place in the file: a misspelt key and a negative width.
    static let badSpec = """
        name: bad
        dataset: {name: synthetic}
        model:
          widht: 8
        grid:
          epochs: [0, 1]
          width: [4, -3]

        """

    @Test(arguments: [["run", "bad.yaml"], ["plan", "bad.yaml"], ["status", "bad.yaml"],
                      ["chart", "bad.yaml"], ["export", "bad.yaml", "--csv"], ["spec", "check", "bad.yaml"]])
    func badSpecIsReportedWithItsPlaceAndChangesNothing(arguments: [String]) throws {
        let folder = try TemporaryFolder()
        try folder.write(Self.badSpec, to: "bad.yaml")
        let outcome = try HashSweepCLI.run(arguments, in: folder.url)
        #expect(outcome.status != 0, "\(outcome)")
        #expect(outcome.error.contains("bad.yaml:4:3: model.widht"), "the unknown key's place is missing:\n\(outcome)")
        #expect(outcome.error.contains("width"), "no did-you-mean for widht:\n\(outcome)")
        #expect(outcome.error.contains("bad.yaml:7:14: grid.width[1]"), "the negative width's place is missing:\n\(outcome)")
        #expect(folder.contents() == ["bad.yaml"], "a failed validation left files behind: \(folder.contents())")
    }

    @Test func missingSpecFileIsNamed() throws {
        let folder = try TemporaryFolder()
        let outcome = try HashSweepCLI.run(["run", "nowhere.yaml"], in: folder.url)
        #expect(outcome.status != 0, "\(outcome)")
        #expect(outcome.error.contains("nowhere.yaml"), "\(outcome)")
        #expect(folder.contents().isEmpty, "\(folder.contents())")
    }

    @Test func trainingOnAMissingDatasetNamesTheFetchCommand() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let outcome = try HashSweepCLI.run(["train", "--dataset", "mnist", "--data-dir", "empty", "--epochs", "1"], in: folder.url)
        #expect(outcome.status != 0, "\(outcome)")
        #expect(outcome.error.contains("hashsweep data fetch mnist"), "\(outcome)")
    }

    @Test func sweepOnAMissingDatasetNamesTheFetchCommand() throws {
        let folder = try TemporaryFolder()
        // Nothing in the implicit folders either: $HASHSWEEP_DATA and the cache point into the empty test folder.
        let environment = ["HASHSWEEP_DATA": folder.url.appendingPathComponent("data").path,
                           "XDG_CACHE_HOME": folder.url.appendingPathComponent("cache").path]
        try folder.write("""
            name: no-data
            dataset: {name: fashion-mnist}
            grid: {epochs: [1], width: 4}
            execution: {max_attempts: 1}

            """, to: "no-data.yaml")
        let outcome = try HashSweepCLI.run(["run", "no-data.yaml", "-j", "1"], in: folder.url, environment: environment)
        #expect(outcome.status != 0, "\(outcome)")
        #expect((outcome.output + outcome.error).contains("hashsweep data fetch fashion-mnist"), "\(outcome)")
    }
}
