/// Which configuration keys set new or retired trajectories apart, for `plan`.
///
/// Keys are named as in the spec (snake_case). A key whose values left the spec reads
/// "`lr` changed 0.003 -> 0.01" (with the values the spec brought in) or "`width` 4 no longer in
/// the spec"; a key with values the store has never had reads "`width` 32, 64 (new values)".
/// Metric settings are left out: they are not part of what is trained.
enum ConfigurationDifference {
    /// Why `group` (trajectories new to the store) is new, given the `stored` trajectories and the `spec`'s.
    static func reasonsForNew(_ group: [TrajectoryConfiguration], stored: [TrajectoryConfiguration],
                              spec: [TrajectoryConfiguration]) -> [String] {
        guard !group.isEmpty, !stored.isEmpty else { return [] }
        let mine = values(of: group), before = values(of: stored), now = values(of: spec)
        return mine.keys.sorted().compactMap { key in
            let added = mine[key]!.subtracting(before[key] ?? [])
            guard !added.isEmpty else { return nil }
            let gone = (before[key] ?? []).subtracting(now[key] ?? [])
            return gone.isEmpty ? "`\(snakeCase(key))` \(list(added)) (new values)"
                : "`\(snakeCase(key))` changed \(list(gone)) -> \(list(added))"
        }
    }

    /// Why `group` (stored trajectories the spec lacks) is retired, given the `stored` trajectories and the `spec`'s.
    static func reasonsForRetired(_ group: [TrajectoryConfiguration], stored: [TrajectoryConfiguration],
                                  spec: [TrajectoryConfiguration]) -> [String] {
        guard !group.isEmpty, !spec.isEmpty else { return [] }
        let mine = values(of: group), before = values(of: stored), now = values(of: spec)
        return mine.keys.sorted().compactMap { key in
            let gone = mine[key]!.subtracting(now[key] ?? [])
            guard !gone.isEmpty else { return nil }
            let added = (now[key] ?? []).subtracting(before[key] ?? [])
            return added.isEmpty ? "`\(snakeCase(key))` \(list(gone)) no longer in the spec"
                : "`\(snakeCase(key))` changed \(list(gone)) -> \(list(added))"
        }
    }

    /// Fields that are not part of what is trained.
    private static let ignored: Set<String> = ["datasetPath", "knnK", "kmeansNInit", "logisticC", "metrics"]

    /// The values of every key among `configurations` (the ignored ones left out).
    private static func values(of configurations: [TrajectoryConfiguration]) -> [String: Set<String>] {
        var values: [String: Set<String>] = [:]
        for configuration in configurations {
            for child in Mirror(reflecting: configuration).children {
                guard let label = child.label, !ignored.contains(label) else { continue }
                values[label, default: []].insert(describe(child.value))
            }
        }
        return values
    }

    private static func describe(_ value: Any) -> String {
        switch value {
        case let number as Double: CanonicalNumber.text(number)
        case let optional as Int?: optional.map(String.init) ?? "all"
        case let words as [String]: words.joined(separator: "+")
        default: String(describing: value)
        }
    }

    private static func list(_ values: Set<String>) -> String {
        let sorted = values.sorted { (Double($0) ?? .infinity, $0) < (Double($1) ?? .infinity, $1) }
        return sorted.count > 6 ? sorted.prefix(6).joined(separator: ", ") + ", ..." : sorted.joined(separator: ", ")
    }

    private static func snakeCase(_ name: String) -> String {
        name.reduce(into: "") { result, character in
            if character.isUppercase { result += "_" + character.lowercased() } else { result.append(character) }
        }
    }
}
