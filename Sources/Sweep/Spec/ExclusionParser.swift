import Yams

/// Reads `grid.exclude:`, a list of strings, each a conjunction of comparisons:
/// `"width > 64 and depth == 3"`, `"optimizer == adam and lr >= 0.1"`.
///
/// A comparison is `AXIS OP VALUE` with OP one of `==`, `!=`, `<`, `<=`, `>`, `>=`;
/// AXIS must be swept (seed included); VALUE is a number, `true` / `false`, or a
/// word (quoted or not) for word-valued axes, which allow only `==` and `!=`.
/// A point matching every comparison of any one entry is left out. There is no
/// `or`: write one entry per alternative. Problems point at the offending word.
struct ExclusionParser {
    let reader: SpecReader
    /// Axes that parsed, by name (their kinds type-check the literals).
    let axes: [String: GridAxis]
    /// Every swept axis name, including axes whose values had problems.
    let sweptNames: Set<String>

    private struct Token {
        var text: String
        var offset: Int
        var isOperator: Bool
        var isQuoted: Bool
    }

    private static let example = "a comparison AXIS OP VALUE (OP one of ==, !=, <, <=, >, >=), e.g. \"width > 64 and depth == 3\""

    /// The exclusions, or nil (reported) if any entry is malformed.
    func parse(_ entry: SpecReader.Entry) -> [GridExclusion]? {
        guard let items = reader.items(entry.value, path: entry.path, what: "a list of conditions such as \"width > 64 and depth == 3\"")
        else { return nil }
        var exclusions: [GridExclusion] = []
        var failed = false
        for (index, node) in items.enumerated() {
            let path = "\(entry.path)[\(index)]"
            guard case .scalar(let scalar) = node, let text = SpecReader.word(node) else {
                reader.report(node, path, "found \(SpecReader.describe(node)), expected \(Self.example)")
                failed = true
                continue
            }
            let shift: Int? = switch scalar.style {
            case .plain: 0
            case .singleQuoted, .doubleQuoted: 1
            default: nil
            }
            let report = { (offset: Int, message: String) in
                reader.report(at: node.mark, path, message, columnOffset: shift.map { $0 + offset } ?? 0)
            }
            if let exclusion = parseConjunction(text, report: report) {
                exclusions.append(exclusion)
            } else {
                failed = true
            }
        }
        return failed ? nil : exclusions
    }

    private func parseConjunction(_ text: String, report: (Int, String) -> Void) -> GridExclusion? {
        guard let tokens = tokenize(text, report: report) else { return nil }
        var clauses: [[Token]] = [[]]
        for token in tokens {
            if !token.isOperator, !token.isQuoted, token.text == "and" { clauses.append([]) } else { clauses[clauses.count - 1].append(token) }
        }
        var conditions: [GridCondition] = []
        for clause in clauses {
            guard clause.count == 3, !clause[0].isOperator, clause[1].isOperator, !clause[2].isOperator else {
                if let or = clause.first(where: { $0.text == "or" && !$0.isQuoted }) {
                    report(or.offset, "found or, which exclude does not support: write one entry per alternative (a point matching any entry is left out)")
                } else {
                    report(clause.first?.offset ?? text.unicodeScalars.count, "expected \(Self.example)")
                }
                return nil
            }
            guard let condition = condition(clause, report: report) else { return nil }
            conditions.append(condition)
        }
        return GridExclusion(conditions: conditions)
    }

    private func condition(_ clause: [Token], report: (Int, String) -> Void) -> GridCondition? {
        let (axisToken, operatorToken, valueToken) = (clause[0], clause[1], clause[2])
        let name = axisToken.text
        guard sweptNames.contains(name) else {
            if name == "epochs" {
                report(axisToken.offset, "epochs is not a point axis: every trajectory is measured at all of grid.epochs; shorten that list instead")
            } else {
                let names = sweptNames.sorted()
                report(axisToken.offset, "unknown axis \"\(name)\"" + SpecReader.suggestion(for: name, among: names)
                       + "; exclude can compare the swept axes: " + names.joined(separator: ", "))
            }
            return nil
        }
        guard let comparison = GridCondition.Operator(rawValue: operatorToken.text) else {
            report(operatorToken.offset, "found \(operatorToken.text), expected one of ==, !=, <, <=, >, >=")
            return nil
        }
        guard axes[name] != nil else { return nil }  // its values had problems, already reported
        let kind = SpecField.axis(name)?.kind ?? .integer(minimum: 0)
        guard let value = literal(valueToken, kind: kind) else {
            report(valueToken.offset, "found \(valueToken.text) for \(name), expected \(kind.expectation)")
            return nil
        }
        if comparison.isOrdering, !kind.isNumeric {
            report(operatorToken.offset, "found \(comparison.rawValue), but \(name) takes \(kind.expectation); compare it with == or !=")
            return nil
        }
        return GridCondition(axis: name, comparison: comparison, value: value)
    }

    private func literal(_ token: Token, kind: FieldKind) -> AxisValue? {
        switch kind {
        case .integer, .real:
            guard !token.isQuoted, let number = Double(token.text), number.isFinite else { return nil }
            if case .integer = kind, number == number.rounded(), abs(number) < 9e15 { return .int(Int(number)) }
            return .double(number)
        case .flag:
            return token.isQuoted ? nil : ["true": true, "false": false][token.text].map(AxisValue.bool)
        case .choice(let words):
            return words.contains(token.text) ? .string(token.text) : nil
        }
    }

    /// Words, operators and quoted words with their offsets (in Unicode scalars).
    private func tokenize(_ text: String, report: (Int, String) -> Void) -> [Token]? {
        let scalars = Array(text.unicodeScalars)
        let operatorScalars: Set<Unicode.Scalar> = ["=", "!", "<", ">"]
        var tokens: [Token] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar.properties.isWhitespace { index += 1; continue }
            let start = index
            if operatorScalars.contains(scalar) {
                while index < scalars.count, operatorScalars.contains(scalars[index]) { index += 1 }
                tokens.append(Token(text: String(String.UnicodeScalarView(scalars[start..<index])), offset: start, isOperator: true, isQuoted: false))
            } else if scalar == "'" || scalar == "\"" {
                index += 1
                while index < scalars.count, scalars[index] != scalar { index += 1 }
                guard index < scalars.count else {
                    report(start, "found an unterminated quote, expected a closing \(scalar)")
                    return nil
                }
                tokens.append(Token(text: String(String.UnicodeScalarView(scalars[(start + 1)..<index])), offset: start, isOperator: false, isQuoted: true))
                index += 1
            } else {
                while index < scalars.count, !scalars[index].properties.isWhitespace, !operatorScalars.contains(scalars[index]) { index += 1 }
                tokens.append(Token(text: String(String.UnicodeScalarView(scalars[start..<index])), offset: start, isOperator: false, isQuoted: false))
            }
        }
        return tokens
    }
}
