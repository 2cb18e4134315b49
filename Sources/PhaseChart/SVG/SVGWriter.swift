import Foundation

/// Builds SVG text by hand: elements with escaped attributes and text, nested groups, and a
/// self-contained document (no external fonts, images or scripts).
struct SVGWriter {
    private(set) var body = ""
    private var depth = 1

    /// An empty element: `<rect x="1" .../>`.
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String>) {
        line("<\(name)\(Self.attributes(attributes))/>")
    }

    /// An element with text content: `<text ...>a &lt; b</text>`.
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String>, text: String) {
        line("<\(name)\(Self.attributes(attributes))>\(Self.escape(text))</\(name)>")
    }

    /// Opens an element whose children follow; close it with ``close(_:)``.
    mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        line("<\(name)\(Self.attributes(attributes))>")
        depth += 1
    }

    /// Closes the element opened last.
    mutating func close(_ name: String) {
        depth -= 1
        line("</\(name)>")
    }

    /// A text element with a one-line `<title>` tooltip.
    mutating func text(_ content: String, x: Double, y: Double, anchor: String = "start",
                       size: Double? = nil, weight: String? = nil, rotate: Double? = nil, cssClass: String? = nil) {
        var attributes = "x=\"\(Self.number(x))\" y=\"\(Self.number(y))\""
        if anchor != "start" { attributes += " text-anchor=\"\(anchor)\"" }
        if let size { attributes += " font-size=\"\(Self.number(size))\"" }
        if let weight { attributes += " font-weight=\"\(weight)\"" }
        if let rotate { attributes += " transform=\"rotate(\(Self.number(rotate)) \(Self.number(x)) \(Self.number(y)))\"" }
        if let cssClass { attributes += " class=\"\(cssClass)\"" }
        line("<text \(attributes)>\(Self.escape(content))</text>")
    }

    /// The finished document, `width` × `height` points, shown at `widthInches` wide.
    func document(width: Double, height: Double, widthInches: Double, style: FigureStyle,
                  title: String, defs: String) -> String {
        let heightInches = widthInches * height / width
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="no"?>
        <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\(Self.number(widthInches, places: 3))in" \
        height="\(Self.number(heightInches, places: 3))in" viewBox="0 0 \(Self.number(width)) \(Self.number(height))" \
        font-family="\(Self.escape(style.fontFamily))" font-size="\(Self.number(style.fontSize))">
          <title>\(Self.escape(title))</title>
          <defs>
        \(defs)  </defs>
          <rect class="background" x="0" y="0" width="\(Self.number(width))" height="\(Self.number(height))" fill="#ffffff"/>
        \(body)</svg>

        """
    }

    private mutating func line(_ text: String) {
        body += String(repeating: "  ", count: depth) + text + "\n"
    }

    private static func attributes(_ pairs: KeyValuePairs<String, String>) -> String {
        pairs.map { " \($0.key)=\"\(escape($0.value))\"" }.joined()
    }

    /// XML escaping for text and attribute values.
    static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            default: output.append(character)
            }
        }
        return output
    }

    /// A coordinate with at most `places` decimals, trailing zeros dropped.
    static func number(_ value: Double, places: Int = 2) -> String {
        var text = String(format: "%.\(places)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
}
