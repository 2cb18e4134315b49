import GRDB

extension SweepStore {
    /// How many of the current spec's measurements ran logistic regression, and how many of those
    /// stopped before converging (`logistic_converged` = 0: the iteration cap or a failed line search).
    public func logisticConvergence() throws -> (measured: Int, unconverged: Int) {
        try read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT count(json_extract(m.metrics, '$.logistic_converged')) AS measured,
                       coalesce(sum(json_extract(m.metrics, '$.logistic_converged') = 0), 0) AS unconverged
                FROM measurement m JOIN trajectory t ON t.id = m.trajectory_id WHERE t.in_spec = 1
                """)!
            return (row["measured"], row["unconverged"])
        }
    }
}
