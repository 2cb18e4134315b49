import ArgumentParser

/// A mistyped subcommand (`hashsweep chrat`) is answered with the nearest command names
/// instead of ArgumentParser's bare "Unexpected argument".
enum SubcommandSuggestion {
    /// The message for `arguments` (without the program name) if they name a subcommand
    /// that does not exist; `nil` when they are fine or are for ArgumentParser to judge.
    static func message(for arguments: [String], root: ParsableCommand.Type) -> String? {
        var command = root
        var path = [root._commandName]
        for argument in arguments {
            let subcommands = command.configuration.subcommands
            guard !argument.hasPrefix("-"), argument != "help", !subcommands.isEmpty,
                  command.configuration.defaultSubcommand == nil else { return nil }
            if let next = subcommands.first(where: { $0._commandName == argument || $0.configuration.aliases.contains(argument) }) {
                command = next
                path.append(argument)
                continue
            }
            let names = subcommands.map { $0._commandName }
            let nearest = names.map { (name: $0, distance: editDistance($0, argument)) }
                .filter { $0.distance <= max(2, argument.count / 3) }
                .sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }
            let suggestion = nearest.first.map { " Did you mean '\(path.joined(separator: " ")) \($0.name)'?" } ?? ""
            return "Error: '\(argument)' is not a command of '\(path.joined(separator: " "))'.\(suggestion)\n"
                + "Commands: \(names.joined(separator: ", ")). See '\(path.joined(separator: " ")) --help'."
        }
        return nil
    }

    /// Levenshtein distance, with a transposition of neighbours counted as one edit.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
