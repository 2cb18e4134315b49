import Foundation

/// Colour-blind-safe colours (Okabe & Ito 2008) and redundant encodings of the figures.
enum Palette {
    /// Fill of a regime; the three differ in hue and in lightness, so they survive grey-scale printing.
    static func fill(_ regime: Regime?) -> String {
        switch regime {
        case .underExpressive: "#E69F00"      // Okabe-Ito orange (mid lightness)
        case .criticallyExpressive: "#F0E442" // Okabe-Ito yellow (light)
        case .sufficientlyExpressive: "#56B4E9" // Okabe-Ito sky blue
        case nil: "#DDDDDD"
        }
    }

    /// Id of the hatch pattern overlaid on a regime's fill (the redundant encoding), if any.
    static func patternID(_ regime: Regime?) -> String? {
        switch regime {
        case .underExpressive: "hatch-under"
        case .criticallyExpressive: "dots-critical"
        case .sufficientlyExpressive: nil
        case nil: "cross-unclassified"
        }
    }

    /// Short legend text of a regime.
    static func legendLabel(_ regime: Regime?) -> String {
        switch regime {
        case .underExpressive: "under-expressive (hatched)"
        case .criticallyExpressive: "critically-expressive (dotted)"
        case .sufficientlyExpressive: "sufficiently-expressive (plain)"
        case nil: "not classified"
        }
    }

    /// `<pattern>` definitions for the regime overlays.
    static let patternDefinitions = """
        <pattern id="hatch-under" patternUnits="userSpaceOnUse" width="4" height="4" patternTransform="rotate(45)">
          <line x1="0" y1="0" x2="0" y2="4" stroke="#000000" stroke-opacity="0.45" stroke-width="1"/>
        </pattern>
        <pattern id="dots-critical" patternUnits="userSpaceOnUse" width="4" height="4">
          <circle cx="2" cy="2" r="0.7" fill="#000000" fill-opacity="0.5"/>
        </pattern>
        <pattern id="cross-unclassified" patternUnits="userSpaceOnUse" width="5" height="5">
          <path d="M0,0 L5,5 M5,0 L0,5" stroke="#888888" stroke-width="0.5"/>
        </pattern>

    """

    /// Okabe-Ito colours for series (black last, as it doubles as the text colour).
    private static let okabeIto = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]

    /// Viridis anchors from dark purple to yellow-green (the palest yellow is left out for contrast on white).
    private static let viridis: [(Double, Double, Double)] = [
        (68, 1, 84), (72, 40, 120), (62, 74, 137), (49, 104, 142), (38, 130, 142),
        (31, 158, 137), (53, 183, 121), (109, 205, 89), (180, 222, 44),
    ]

    /// Colour of series `index` of `count`: viridis steps for ordered numeric series, Okabe-Ito otherwise.
    static func series(_ index: Int, of count: Int, ordered: Bool) -> String {
        if !ordered { return okabeIto[index % okabeIto.count] }
        let t = count <= 1 ? 0 : Double(index) / Double(count - 1) * 0.92
        let scaled = t * Double(viridis.count - 1)
        let i = min(Int(scaled), viridis.count - 2), f = scaled - Double(i)
        let (a, b) = (viridis[i], viridis[i + 1])
        func channel(_ x: Double, _ y: Double) -> Int { Int((x + (y - x) * f).rounded()) }
        return String(format: "#%02X%02X%02X", channel(a.0, b.0), channel(a.1, b.1), channel(a.2, b.2))
    }

    /// Marker shapes, cycled per series so lines differ without colour.
    enum Marker: CaseIterable { case circle, square, triangle, diamond, triangleDown, plus }

    /// The marker of series `index`.
    static func marker(_ index: Int) -> Marker { Marker.allCases[index % Marker.allCases.count] }
}
