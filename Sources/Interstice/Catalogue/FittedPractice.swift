import Foundation
import GraphAlgorithms
import GraphCore
import GraphIO

/// The per-step probabilities and forgetting that `fit --model practice` calibrated, read from its
/// JSON (`reach --parameters fit.json`, `diffuse --parameters fit.json`, a manifest's
/// `parameters`), with what identifies the file.
public struct FittedPractice: Sendable, Hashable {
    public let path: String
    public let sha256: String?
    /// The estimate of each relation's per-step transmission probability.
    public let probabilities: [Relation: Double]
    /// δ: estimated, or fixed in the fit.
    public let forgetting: Double
    public let forgettingEstimated: Bool
    /// nil when the fit had no bootstrap to tell.
    public let forgettingIdentified: Bool?

    /// Reads a `fit --model practice` JSON.
    /// - Throws: ``RequestError`` (bad data) when the file is not JSON, not a practice fit, or an
    ///   estimate is missing or not a probability.
    /// - Complexity: O(file size).
    public init(json bytes: [UInt8], path: String, sha256: String?) throws(RequestError) {
        self.path = path
        self.sha256 = sha256
        let object: [String: Any]
        do {
            guard let o = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
                throw RequestError.badData("\(path): parameters: expected the JSON object of `fit --model practice`")
            }
            object = o
        } catch let e as RequestError {
            throw e
        } catch {
            throw .badData("\(path): parameters: not JSON (\(error.localizedDescription))")
        }
        guard let model = object["model"] as? String else {
            throw .badData("\(path): parameters: no \"model\"; expected the JSON of `fit --model practice`")
        }
        guard model == "practice" else {
            throw .badData("\(path): parameters: a \(model) fit, not a practice fit; run `fit --model practice --format json`")
        }
        guard let estimates = object["estimates"] as? [[String: Any]], let practice = object["practice"] as? [String: Any] else {
            throw .badData("\(path): parameters: a practice fit needs \"estimates\" and \"practice\"")
        }
        var table: [Relation: Double] = [:]
        var estimatedForgetting: Double?
        for e in estimates {
            guard let term = e["term"] as? String, let value = (e["estimate"] as? NSNumber)?.doubleValue,
                  value.isFinite, (0...1).contains(value) else {
                throw .badData("\(path): parameters: every estimate needs a term and a probability in [0, 1]")
            }
            if term == "forgetting" { estimatedForgetting = value } else { table[Relation(term).canonicalized] = value }
        }
        guard !table.isEmpty else { throw .badData("\(path): parameters: the fit has no relation estimate") }
        guard let fixed = (practice["forgetting"] as? NSNumber)?.doubleValue, (0...1).contains(fixed) else {
            throw .badData("\(path): parameters: \"practice\".\"forgetting\" must be a probability")
        }
        probabilities = table
        forgetting = estimatedForgetting ?? fixed
        forgettingEstimated = estimatedForgetting != nil
        forgettingIdentified = practice["forgetting_identified"] as? Bool
    }

    /// Provenance: the file and the values used.
    public var json: JSONValue {
        .object([("path", .string(path)), ("sha256", sha256.map { .string($0) } ?? .null),
                 ("probabilities", .object(probabilities.sorted { $0.key < $1.key }.map { ($0.key.rawValue, .double($0.value)) })),
                 ("forgetting", .double(forgetting)), ("forgetting_estimated", .bool(forgettingEstimated)),
                 ("forgetting_identified", forgettingIdentified.map { .bool($0) } ?? .null)])
    }
}

extension DiffusionSettings {
    /// Takes a practice fit's probabilities and forgetting (`--parameters`), checked against the
    /// data and the options given explicitly.
    ///
    /// - The fit's relations become the channel relations unless `relations` were given; every
    ///   channel relation needs a probability, from the file or from `explicitProbability`
    ///   (`relation=P` or `other=P`), which must not give another value for a relation the file
    ///   covers, nor one number for all.
    /// - An explicit forgetting must equal the file's.
    /// - `models` must include practice (the probabilities are the practice model's per step).
    /// - Throws: ``RequestError``: bad data for a relation the dataset lacks; usage for a
    ///   contradiction, a channel relation without probability, or no practice model.
    /// - Complexity: O(relations).
    public mutating func apply(_ fit: FittedPractice, explicitProbability: ProbabilitySpec?, models: [ModelKind],
                               net: Network) throws(RequestError) {
        guard models.contains(.practice) else {
            throw .usage("parameters: \(fit.path) holds the practice model's per-step probabilities; \(models.map(\.rawValue).joined(separator: ", ")) \(models.count == 1 ? "is" : "are") not the practice model (add practice to the models)")
        }
        for r in fit.probabilities.keys.sorted() where net.layer(r) == nil {
            throw .badData("parameters: \(fit.path) has a probability for \"\(r)\", but the dataset has no such relation; it has \(net.relationList)")
        }
        let channelRelations = channels.relations ?? fit.probabilities.keys.sorted()
        var table = fit.probabilities.filter { channelRelations.contains($0.key) }
        switch explicitProbability {
        case .uniform(let p)?:
            throw .usage("probability \(p) contradicts the fitted probabilities of \(fit.path); give relation=P only for relations the file does not cover")
        case let .perRelation(given, other)?:
            for (r, p) in given {
                if let q = fit.probabilities[r], q != p {
                    throw .usage("probability: \(r)=\(p) contradicts \(fit.path), which has \(r)=\(q)")
                }
                table[r] = p
            }
            for r in channelRelations where table[r] == nil {
                guard let other else {
                    throw .usage("parameters: \(fit.path) has no probability for the channel relation \"\(r)\"; give --probability \(r)=P (or other=P), or leave it out of --relations")
                }
                table[r] = other
            }
        case nil:
            for r in channelRelations where table[r] == nil {
                throw .usage("parameters: \(fit.path) has no probability for the channel relation \"\(r)\"; give --probability \(r)=P (or other=P), or leave it out of --relations")
            }
        }
        if let f = model.forgetting, f != fit.forgetting {
            throw .usage("forgetting \(f) contradicts \(fit.path), which has forgetting \(fit.forgetting)")
        }
        channels.relations = channelRelations
        channels.probability = .perRelation(table, other: nil)
        model.forgetting = fit.forgetting
        fitted = fit
    }
}
