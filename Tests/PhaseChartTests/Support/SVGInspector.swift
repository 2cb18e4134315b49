import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses an SVG with Foundation's XMLParser and records its elements and texts.
final class SVGInspector: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
        var ancestorsClasses: [String]
    }

    private(set) var elements: [Element] = []
    private var stack: [Int] = []
    private(set) var parseError: Error?

    /// Parses `svg`; `parseError` is set when it is not well-formed XML.
    init(_ svg: String) {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        if !parser.parse() { parseError = parser.parserError ?? CocoaError(.coderReadCorrupt) }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        let classes = stack.compactMap { elements[$0].attributes["class"] }
        elements.append(Element(name: name, attributes: attributes, ancestorsClasses: classes))
        stack.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let last = stack.last { elements[last].text += string }
    }

    /// Elements named `name`, optionally with `class`.
    func all(_ name: String, class cssClass: String? = nil) -> [Element] {
        elements.filter { $0.name == name && (cssClass == nil || $0.attributes["class"] == cssClass) }
    }

    /// Elements inside a group of class `cssClass`.
    func inside(_ cssClass: String, _ name: String) -> [Element] {
        elements.filter { $0.name == name && $0.ancestorsClasses.contains(cssClass) }
    }

    /// A coordinate-free summary: counts of element names and classes, then every text outside
    /// `<title>` tooltips. Golden files pin this, not coordinates.
    var structure: String {
        var counts: [String: Int] = [:]
        for element in elements {
            counts[element.name, default: 0] += 1
            if let cssClass = element.attributes["class"] { counts["\(element.name).\(cssClass)", default: 0] += 1 }
            if let regime = element.attributes["data-regime"] { counts["regime \(regime)", default: 0] += 1 }
        }
        let lines = counts.keys.sorted().map { "\($0): \(counts[$0]!)" }
        let texts = elements.filter { $0.name == "text" }.map { "text: \($0.text)" }
        return (lines + texts).joined(separator: "\n") + "\n"
    }
}
