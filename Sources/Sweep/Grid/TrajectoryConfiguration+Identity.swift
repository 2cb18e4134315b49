import Crypto

extension TrajectoryConfiguration {
    /// The canonical JSON that identifies this configuration (see ``CanonicalJSON``).
    ///
    /// Every field takes part, by its Swift name, except ``datasetPath`` and the metric
    /// settings (``knnK``, ``kmeansNInit``, ``logisticC``, ``metrics``): where the files live
    /// and how the codes are measured do not change what is trained, so moving a dataset keeps
    /// every id, and a changed metric setting re-measures the same trajectories (each
    /// measurement records the settings it was taken with).
    /// Numbers are canonical, so `lr: 0.1`, `lr: 1e-1` and (for real fields) `1` /
    /// `1.0` give the same text. The epochs are not part of a configuration at all.
    public var canonicalJSON: String {
        let defaults = TrajectoryConfiguration()
        var identity = self
        identity.datasetPath = nil
        identity.knnK = defaults.knnK
        identity.kmeansNInit = defaults.kmeansNInit
        identity.logisticC = defaults.logisticC
        identity.metrics = defaults.metrics
        return CanonicalJSON.encode(identity)
    }

    /// The trajectory id: the first 16 hex digits (64 bits) of the SHA-256 of ``canonicalJSON``.
    ///
    /// 64 bits keep the chance of any collision below 1e-7 for a store of a
    /// million trajectories (n^2 / 2^65), and keep ids short in file names and logs.
    public var contentHash: String {
        let digest = SHA256.hash(data: Array(canonicalJSON.utf8))
        return digest.prefix(8).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
