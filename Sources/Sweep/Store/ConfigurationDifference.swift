/// Which configuration keys set one group of trajectories apart from another, for `plan`.
///
/// A key differs when the group has values the other group lacks; it is described by its spec
/// name (snake_case) as "`lr` changed 0.003 -> 0.01" (the other group's values missing from the
/// group) or "`width` 32, 64 (new values)".
enum ConfigurationDifference {
    /// The keys whose values in `group` are not all among `others`' values; empty when either is empty.
    static func reasons(for group: [TrajectoryConfiguration], against others: [TrajectoryConfiguration]) -> [String] {
        guard !group.isEmpty, !others.isEmpty else { return [] }
        let mine = values(of: group), theirs = values(of: others)
        return mine.keys.sorted().compactMap { key in
            let here = mine[key]!, there = theirs[key] ?? []
            let only = here.subtracting(there)
            guard !only.isEmpty else { return nil }
            let missing = there.subtracting(here)
            let name = "`\(snakeCase(key))`"
            if missing.isEmpty { return "\(name) \(list(only)) (new values)" }
            return "\(name) changed \(list(only)) -> \(list(missing))"
        }
    }

    /// The values of every key among `configurations` (the dataset folder left out: it is not identity).
    private static func values(of configurations: [TrajectoryConfiguration]) -> [String: Set<String>] {
        var values: [String: Set<String>] = [:]
        for configuration in configurations {
            for child in Mirror(reflecting: configuration).children {
                guard let label = child.label, label != "datasetPath" else { continue }
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
