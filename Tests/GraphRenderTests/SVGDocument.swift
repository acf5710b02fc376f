import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An SVG parsed with XMLParser: well-formedness plus the `<g>` groups Graphviz writes for
/// nodes, edges and clusters.
final class SVGDocument: NSObject, XMLParserDelegate {
    struct Group { var id: String; var classes: [String]; var title: String; var texts: [String] = [] }

    private(set) var groups: [Group] = []
    private(set) var ids: [String] = []
    private(set) var texts: [String] = []
    private var openGroups: [Int] = []
    private var inTitle = false, inText = false
    private var buffer = ""

    /// Parses; throws when the bytes are not well-formed XML.
    init(_ bytes: [UInt8]) throws {
        super.init()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = self
        guard parser.parse() else {
            throw NSError(domain: "SVG", code: 1, userInfo: [NSLocalizedDescriptionKey:
                "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "?") at line \(parser.lineNumber)"])
        }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if let id = attributes["id"] { ids.append(id) }
        if name == "g" {
            if let cls = attributes["class"], ["node", "edge", "cluster"].contains(where: { cls.hasPrefix($0) }) {
                groups.append(Group(id: attributes["id"] ?? "", classes: cls.split(separator: " ").map(String.init), title: ""))
                openGroups.append(groups.count - 1)
            } else {
                openGroups.append(-1)
            }
        }
        if name == "title" { inTitle = true; buffer = "" }
        if name == "text" { inText = true; buffer = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inTitle || inText { buffer += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "g" { _ = openGroups.popLast() }
        if name == "title" {
            inTitle = false
            if let g = openGroups.last, g >= 0, groups[g].title.isEmpty { groups[g].title = buffer }
        }
        if name == "text" {
            inText = false; texts.append(buffer)
            if let g = openGroups.last(where: { $0 >= 0 }) { groups[g].texts.append(buffer) }
        }
    }

    var nodes: [Group] { groups.filter { $0.classes.first == "node" } }
    var edges: [Group] { groups.filter { $0.classes.first == "edge" } }
    var clusters: [Group] { groups.filter { $0.classes.first == "cluster" } }
}
