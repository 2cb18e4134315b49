import Crypto

extension TrajectoryConfiguration {
    /// The canonical JSON that identifies this configuration (see ``CanonicalJSON``).
    ///
    /// Every field takes part, by its Swift name, except ``datasetPath`` and the metric
    /// settings (``knnK``, ``kmeansNInit``, ``logisticC``, ``metrics``, ``codes``, ``metricExamples``): where the files live
    /// and how the codes are measured do not change what is trained, so moving a dataset keeps
    /// every id, and a changed metric setting re-measures the same trajectories (each
    /// measurement records the settings it was taken with).
    /// Numbers are canonical, so `lr: 0.1`, `lr: 1e-1` and (for real fields) `1` /
    /// `1.0` give the same text. The epochs are not part of a configuration at all. The text is
    /// ``CanonicalJSON``'s, written from ``canonicalFields`` for speed.
    public var canonicalJSON: String {
        String(decoding: canonicalBytes, as: UTF8.self)
    }

    /// ``canonicalJSON`` as UTF-8, what ``contentHash`` hashes.
    private var canonicalBytes: [UInt8] {
        Self.canonicalFields.json(identity)
    }

    /// This configuration with the fields outside identity at their defaults.
    private var identity: TrajectoryConfiguration {
        let defaults = TrajectoryConfiguration()
        var identity = self
        identity.datasetPath = nil
        identity.knnK = defaults.knnK
        identity.kmeansNInit = defaults.kmeansNInit
        identity.logisticC = defaults.logisticC
        identity.metrics = defaults.metrics
        identity.codes = nil
        identity.metricExamples = nil
        return identity
    }

    /// The trajectory id: the first 16 hex digits (64 bits) of the SHA-256 of ``canonicalJSON``.
    ///
    /// 64 bits keep the chance of any collision below 1e-7 for a store of a
    /// million trajectories (n^2 / 2^65), and keep ids short in file names and logs.
    public var contentHash: String {
        Self.idText(contentDigest)
    }

    /// The 64 bits of ``contentHash`` (the digest's first 8 bytes, big-endian).
    var contentDigest: UInt64 {
        Self.digest(of: canonicalBytes)
    }

    /// ``contentDigest``, with `writer` reusing the text of fields equal to the last configuration it wrote.
    func contentDigest(writer: CanonicalFields<TrajectoryConfiguration>.Writer) -> UInt64 {
        Self.digest(of: writer.json(identity))
    }

    private static func digest(of canonicalBytes: [UInt8]) -> UInt64 {
        SHA256.hash(data: canonicalBytes).prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// `digest` as an id: 16 lowercase hex digits.
    static func idText(_ digest: UInt64) -> String {
        let digits = Array("0123456789abcdef".utf8)
        let hex = (0..<16).map { position in digits[Int(digest >> UInt64(60 - 4 * position) & 15)] }
        return String(decoding: hex, as: UTF8.self)
    }
}
