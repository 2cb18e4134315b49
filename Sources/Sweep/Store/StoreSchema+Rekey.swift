import GRDB
import Metrics

extension StoreSchema {
    /// Migration v3's data step: trajectory ids no longer cover the metric settings, and every
    /// measurement records the settings it was taken with.
    ///
    /// Each trajectory gets the id of its configuration under the new identity, in every table
    /// that names it. Where several old trajectories (differing only in metric settings) share
    /// a new id, the one with the most measurements takes it and the others keep their old id
    /// (retired, nothing deleted). Measurements are stamped with the fingerprints of their
    /// trajectory's settings at algorithm version 1, the only version before v3, so a step whose
    /// algorithm changed since (logistic regression) is re-measured and the others are kept.
    static func rekeyWithoutMetricSettings(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT t.id, t.configuration, (SELECT count(*) FROM measurement m WHERE m.trajectory_id = t.id) AS measured
            FROM trajectory t ORDER BY measured DESC, t.in_spec DESC, t.ordinal
            """)
        var taken = Set(rows.map { $0["id"] as String })
        for row in rows {
            let oldID: String = row["id"]
            let configuration = try StoreJSON.decode(TrajectoryConfiguration.self, from: row["configuration"],
                                                     table: "trajectory", column: "configuration", row: oldID)
            let settings = (try? configuration.metricSettings()).map(legacyFingerprints) ?? [:]
            try db.execute(sql: "UPDATE measurement SET settings = ? WHERE trajectory_id = ?",
                           arguments: [StoreJSON.encode(settings), oldID])
            let newID = configuration.contentHash
            guard newID != oldID, !taken.contains(newID) else { continue }
            taken.insert(newID)
            taken.remove(oldID)
            for (table, column) in [("trajectory", "id"), ("measurement", "trajectory_id"), ("checkpoint", "trajectory_id"),
                                    ("epoch_checkpoint", "trajectory_id"), ("attempt", "trajectory_id"), ("event", "trajectory_id")] {
                try db.execute(sql: "UPDATE \(table) SET \(column) = ? WHERE \(column) = ?", arguments: [newID, oldID])
            }
        }
    }

    /// The fingerprints of `settings` as measurements before migration v3 were taken: every step at version 1.
    private static func legacyFingerprints(_ settings: MetricSettings) -> [String: String] {
        Dictionary(uniqueKeysWithValues: settings.steps.map { ($0.rawValue, settings.fingerprint(of: $0, version: 1)) })
    }
}
