/// Paper options shared by the figures: physical width, font family and size.
public struct FigureStyle: Sendable, Equatable {
    /// Figure width in inches (3.25 for a single column, 6.75 for a double column).
    public var widthInches: Double
    /// CSS font family list; the first installed one is used.
    public var fontFamily: String
    /// Base font size in points (tick labels are 0.9 of it, cell numbers 0.8).
    public var fontSize: Double

    /// The default font family: metric-compatible Helvetica substitutes, then DejaVu Sans.
    public static let defaultFontFamily = "Helvetica, Arial, Liberation Sans, DejaVu Sans, sans-serif"

    /// A style; the width must be at least 2 in and the font size between 4 and 24 pt.
    public init(widthInches: Double = 3.25, fontFamily: String = FigureStyle.defaultFontFamily, fontSize: Double = 8) {
        precondition(widthInches >= 2 && widthInches <= 20, "FigureStyle: width must lie in [2, 20] inches")
        precondition(fontSize >= 4 && fontSize <= 24, "FigureStyle: font size must lie in [4, 24] pt")
        self.widthInches = widthInches
        self.fontFamily = fontFamily
        self.fontSize = fontSize
    }

    /// Width in points (the SVG's user units).
    var width: Double { widthInches * 72 }
    /// Tick label size.
    var tickSize: Double { (fontSize * 0.9 * 10).rounded() / 10 }
    /// Size of numbers printed inside cells.
    var cellNumberSize: Double { (fontSize * 0.8 * 10).rounded() / 10 }
}
