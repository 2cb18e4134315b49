/// Which blocks' activation bits make up a network's neural codes.
public enum CodeSelection: Codable, Hashable, Sendable {
    /// Every unit behind an activation, convolutional and fully connected (the reference's codes).
    case all
    /// The convolutional blocks only.
    case convolution
    /// The fully connected blocks only.
    case fullyConnected
    /// The named blocks (Linear or convolution layer names), taken in network order.
    case layers([String])

    /// The groups of `groups` this selection takes, in network order, or the names it asks for
    /// that are not there.
    public func select(from groups: [CodeGroup]) -> Result<[CodeGroup], UnknownCodeLayers> {
        switch self {
        case .all: return .success(groups)
        case .convolution: return .success(groups.filter { $0.kind == .convolution })
        case .fullyConnected: return .success(groups.filter { $0.kind == .fullyConnected })
        case .layers(let names):
            let known = Set(groups.map(\.name))
            let missing = names.filter { !known.contains($0) }
            guard missing.isEmpty else { return .failure(UnknownCodeLayers(names: missing, known: groups.map(\.name))) }
            let wanted = Set(names)
            return .success(groups.filter { wanted.contains($0.name) })
        }
    }

    /// How a spec writes it: `all`, `conv`, `fc` or the layer names joined by commas.
    public var name: String {
        switch self {
        case .all: "all"
        case .convolution: "conv"
        case .fullyConnected: "fc"
        case .layers(let names): names.joined(separator: ",")
        }
    }
}

/// Layer names asked for in a ``CodeSelection`` that the network has no coded block of.
public struct UnknownCodeLayers: Error, Sendable, Equatable {
    /// The names not found.
    public let names: [String]
    /// The names of the blocks that have codes.
    public let known: [String]
}
