import Crypto
import Foundation
import Testing

/// Logistic regression on neural codes agrees with scikit-learn's `LogisticRegression(C=1)` on
/// the same codes (exported by `hashsweep codes`): synthetic data and MNIST, small and wide
/// networks. The scikit-learn numbers come from `scripts/logistic-fixture`, which stores the
/// SHA-256 of each `codes.npy` it fitted, so the test knows it compares the same codes.
@Suite("Logistic regression against scikit-learn", .serialized)
struct LogisticAgreementTests {
    static let fixtures = HashSweepCLI.packageRoot.appendingPathComponent("Tests/HashSweepTests/Fixtures/logistic")
    static let tolerance = 0.01

    struct Case: Decodable {
        var codes_sha256: String
        var sklearn_train_accuracy: Double
        var sklearn_test_accuracy: Double
        var sklearn_iterations: Int
    }

    struct Fixture: Decodable { var cases: [String: Case] }

    @Test("accuracies on the codes within 0.01 of scikit-learn's", arguments: ["synthetic", "mnist"])
    func agreesWithScikitLearn(spec name: String) throws {
        let release = QuickstartReproductionTests.release
        guard FileManager.default.isExecutableFile(atPath: release.path) else {
            try Test.cancel("skipped: no release binary at \(release.path) (scripts/test builds it)")
        }
        let data = HashSweepCLI.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/datasets")
        if name == "mnist", !FileManager.default.fileExists(atPath: data.appendingPathComponent("mnist").path) {
            try Test.cancel("skipped: MNIST not found in \(data.path); the MNIST agreement check needs it")
        }
        let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: Self.fixtures.appendingPathComponent("sklearn.json")))
        let folder = try TemporaryFolder()
        let spec = Self.fixtures.appendingPathComponent("\(name).yaml").path
        let database = folder.url.appendingPathComponent("sweep.sqlite").path
        let environment = ["HASHSWEEP_DATA": data.path]
        func hashsweep(_ arguments: [String]) throws -> HashSweepCLI.Outcome {
            let outcome = try HashSweepCLI.run(arguments, in: folder.url, environment: environment, executable: release)
            try #require(outcome.status == 0, "\(outcome)")
            return outcome
        }
        _ = try hashsweep(["run", spec, "--db", database, "-j", "2"])
        _ = try hashsweep(["export", spec, "--db", database, "--csv", "--out", folder.url.path])
        let table = try EndToEndTests.table(folder.url.appendingPathComponent("measurements.csv"))
        let column = { (name: String) in try #require(table.header.firstIndex(of: name), "measurements.csv lacks \(name)") }
        let (id, train, test) = try (column("trajectory_id"), column("logistic_train_accuracy"), column("logistic_test_accuracy"))
        try #require(!table.rows.isEmpty)
        for row in table.rows {
            let expected = try #require(fixture.cases[row[id]],
                                        "trajectory \(row[id]) of \(name).yaml is not in sklearn.json; regenerate it with scripts/logistic-fixture")
            let codes = folder.url.appendingPathComponent("codes-\(row[id])")
            _ = try hashsweep(["codes", spec, "--db", database, "--trajectory", row[id], "--out", codes.path])
            let digest = SHA256.hash(data: try Data(contentsOf: codes.appendingPathComponent("codes.npy")))
                .map { String(format: "%02x", $0) }.joined()
            try #require(digest == expected.codes_sha256,
                         "the codes of \(row[id]) differ from those scikit-learn was fitted on; regenerate with scripts/logistic-fixture")
            let ours = try (#require(Double(row[train])), #require(Double(row[test])))
            #expect(abs(ours.0 - expected.sklearn_train_accuracy) <= Self.tolerance,
                    "\(name) \(row[id]): train accuracy \(ours.0) against scikit-learn's \(expected.sklearn_train_accuracy)")
            #expect(abs(ours.1 - expected.sklearn_test_accuracy) <= Self.tolerance,
                    "\(name) \(row[id]): test accuracy \(ours.1) against scikit-learn's \(expected.sklearn_test_accuracy)")
        }
    }
}
