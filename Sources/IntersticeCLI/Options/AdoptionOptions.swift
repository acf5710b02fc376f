import ArgumentParser
import Foundation
import Interstice

extension ExposureDirection: ExpressibleByArgument {}
extension MissingAdoption: ExpressibleByArgument {}

/// The observed-adoption options `exposure` and `fit` share: the adoption attribute, its
/// "never" code, what a missing value means (``MissingAdoption``: left out unless `--missing
/// never`, the same in both commands), the relations and whose adoption exposes a node.
struct AdoptionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Node attribute with each node's period of adoption.", valueName: "column"))
    var adoption: String
    @Option(help: ArgumentHelp("The value that codes \"never adopted\".", valueName: "value"))
    var never: Int?
    @Option(help: AdoptionPeriodOption.help)
    var period: AdoptionPeriod?
    @Option(help: "What a missing adoption value means: exclude (no data: the node is left out of the population, and the count reported) or never (it never adopted).")
    var missing: MissingAdoption = .exclude
    @Option(help: ArgumentHelp("Relations to analyse (default: every relation with ties between actors).", valueName: "r,r"))
    var relations: String?
    @Option(help: "Whose adoption exposes a node: outgoing (the alters it names), incoming (those naming it), both (default: from the way influence flows along the relations, dataset.json's `influence`: reverse → outgoing, along → incoming, undirected → both).")
    var direction: ExposureDirection?

    func validate() throws {
        try AdoptionPeriodOption.validate(period: period, never: never)
        if let r = relations, relationNames(r).isEmpty { throw ValidationError("--relations: give at least one relation") }
    }

    func relationNames(_ s: String) -> [String] {
        s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The adoption times on `net`; a bad value is an error at its file:line:column (native
    /// folders), and the nodes left out for a missing value are counted on standard error.
    func times(_ net: Network, dataset: String) throws -> AdoptionTimes {
        let read = Result { () throws(AdoptionDataError) -> AdoptionTimes in
            try net.adoptionTimes(attribute: adoption, neverAdopted: never, missing: missing, period: period)
        }
        let times: AdoptionTimes
        switch read {
        case .success(let t):
            times = t
            AdoptionPeriodOption.note(period, t)
        case .failure(let e):
            if case .noAttribute = e { throw ValidationError("--adoption: \(e)") }
            if case let .notAPeriod(node, _, _) = e, let at = Self.location(dataset, of: node, attribute: adoption) {
                throw GraphIOError(.badData, file: at.file, line: at.line, column: at.column, "--adoption \(adoption): \(e)")
            }
            if case let .notADate(node, _, _) = e, let at = Self.location(dataset, of: node, attribute: adoption) {
                throw GraphIOError(.badData, file: at.file, line: at.line, column: at.column, "--adoption \(adoption): \(e)")
            }
            throw GraphIOError(.badData, file: dataset, "--adoption \(adoption): \(e)")
        }
        if missing == .exclude, let column = net.nodeAttributes[adoption] {
            let org = net.organizationKind
            let left = (0..<net.nodeCount).filter { !net.kinds[$0].isContext(organizationKind: org) && column[$0] == nil }.count
            if left > 0 {
                printError("interstice: note: \(left) node\(left == 1 ? " has" : "s have") no \(adoption) value: left out of the population (no data; --missing never counts them as never-adopters)")
            }
        }
        return times
    }

    /// The relations of `--relations` (checked against the data), or every tie relation.
    func chosenRelations(_ net: Network) throws -> [Relation] {
        guard let text = relations else {
            let all = ChannelSettings.tieRelations(net)
            guard !all.isEmpty else { throw ValidationError("the dataset has no ties between nodes (only member or participant edges)") }
            return all
        }
        let names = relationNames(text).map { Relation($0) }
        for r in names where net.layer(r) == nil {
            throw ValidationError("--relations: the dataset has no relation \"\(r)\"; it has \(net.relations.map(\.rawValue).joined(separator: ", "))")
        }
        return names
    }

    /// Where node `id`'s `attribute` cell is in a native folder's nodes.csv (1-based line and
    /// character column), for errors; nil for other inputs or rows with quoted fields.
    static func location(_ dataset: String, of id: String, attribute: String) -> (file: String, line: Int, column: Int)? {
        guard dataset != "-", DatasetFolder.isFolder(dataset) else { return nil }
        let path = (dataset as NSString).appendingPathComponent("nodes.csv")
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let header = lines.first else { return nil }
        let names = header.replacingOccurrences(of: "\u{FEFF}", with: "").replacingOccurrences(of: "\r", with: "")
            .split(separator: ",", omittingEmptySubsequences: false).map { String($0.split(separator: ":").first ?? "") }
        guard let column = names.firstIndex(of: attribute) else { return nil }
        for (k, line) in lines.enumerated().dropFirst() where !line.contains("\"") {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.first.map(String.init) == id, column < fields.count else { continue }
            return (path, k + 1, fields[..<column].reduce(1) { $0 + $1.count + 1 })
        }
        return nil
    }
}
