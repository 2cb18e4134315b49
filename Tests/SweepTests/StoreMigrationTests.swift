import Foundation
import GRDB
import Testing
@testable import Sweep

/// Databases written before metric settings left trajectory identity keep their work.
@Suite("Store migration v3")
struct StoreMigrationTests {
    /// A database at schema v2 holding `configurations` under the given old ids, each measured at epoch 1 with a checkpoint.
    static func legacyDatabase(at path: String, _ rows: [(id: String, configuration: TrajectoryConfiguration, measured: Int)]) throws {
        let pool = try DatabasePool(path: path)
        try StoreSchema.migrator.migrate(pool, upTo: "v2: attempt setup seconds")
        try pool.write { db in
            for (ordinal, row) in rows.enumerated() {
                try db.execute(sql: """
                    INSERT INTO trajectory (id, ordinal, configuration, axes, seed, epochs, status, spec_hash, created_at, updated_at)
                    VALUES (?, ?, ?, '{}', 0, '[1, 2]', 'done', 'old', 0, 0)
                    """, arguments: [row.id, ordinal, StoreJSON.encode(row.configuration)])
                for epoch in 1...max(1, row.measured) where row.measured > 0 {
                    try db.execute(sql: """
                        INSERT INTO measurement (trajectory_id, epoch, metrics, train_seconds, measure_seconds, spec_hash, recorded_at)
                        VALUES (?, ?, '{"knn_test_accuracy": 0.5}', 1, 1, 'old', 0)
                        """, arguments: [row.id, epoch])
                }
                try db.execute(sql: """
                    INSERT INTO checkpoint (trajectory_id, epoch, data, unmeasured_seconds, written_at) VALUES (?, 1, x'01', 0, 0)
                    """, arguments: [row.id])
            }
        }
    }

    @Test("trajectories take their new ids in every table, and measurements record version-1 settings")
    func rekeys() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("sweep.sqlite")
        var configuration = TrajectoryConfiguration()
        configuration.knnK = 5
        var other = configuration
        other.knnK = 7
        var different = TrajectoryConfiguration()
        different.width = 32
        try Self.legacyDatabase(at: path, [("old-a", configuration, 2), ("old-b", other, 1), ("old-c", different, 1)])

        let store = try SweepStore.openOrCreate(path: path)
        let ids = try store.trajectories().map(\.id)
        #expect(ids.contains(configuration.contentHash) && ids.contains(different.contentHash))
        #expect(configuration.contentHash == other.contentHash, "knn_k is not identity")
        #expect(ids.contains("old-b"), "the trajectory with fewer measurements keeps its old id; nothing is deleted")
        #expect(try store.measurements(includingRetired: true).count == 4)
        #expect(try store.latestCheckpoint(of: configuration.contentHash)?.data == Data([1]))
        let settings = try store.read { db in
            try String.fetchOne(db, sql: "SELECT settings FROM measurement WHERE trajectory_id = ? AND epoch = 1",
                                arguments: [configuration.contentHash])
        }
        let decoded = try #require(try settings.map { try JSONDecoder().decode([String: String].self, from: Data($0.utf8)) })
        #expect(decoded["knn"] == "knn v1 k=5" && decoded["logistic"]?.hasPrefix("logistic v1 ") == true, "\(decoded)")
        // Only logistic regression, whose algorithm changed since, is left to re-measure.
        let trajectory = Trajectory(id: configuration.contentHash, configuration: configuration, epochs: [1, 2], axes: [:])
        let work = try store.read { db in try store.work(for: trajectory, db) }
        #expect(work.byTraining[2] == [.logistic] && work.fromCheckpoint[1] == [.logistic] && work.newEpochs.isEmpty, "\(work)")
    }
}
