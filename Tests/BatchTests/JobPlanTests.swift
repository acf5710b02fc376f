import Foundation
import Interstice
import TestSupport
import Testing
@testable import Batch

@Suite("Batch: job expansion and keys")
struct JobPlanTests {
    static let sweep = """
    datasets: [Datasets/chalon-sur-saone, Datasets/cucm-plie]
    analyses:
      - info
      - diffuse:
          model: [ic, lt, complex]
          theta: [0.1, 0.3, 0.5, 0.7, 0.9]
          runs: 100
    """

    @Test("datasets × analyses × combinations, in order, the last grid axis fastest")
    func expansion() throws {
        let plan = try JobPlan(try manifest(Self.sweep), version: "0.1.0")
        #expect(plan.jobs.count == 2 * (1 + 15))
        #expect(plan.jobs.map(\.ordinal) == Array(0..<32))
        #expect(plan.jobs[0].analysis == .info && plan.jobs[0].dataset.name == "Datasets/chalon-sur-saone")
        #expect(plan.jobs[1].parameters["model"] == "ic" && plan.jobs[1].parameters["theta"] == .double(0.1))
        #expect(plan.jobs[2].parameters["model"] == "ic" && plan.jobs[2].parameters["theta"] == .double(0.3))
        #expect(plan.jobs[6].parameters["model"] == "lt" && plan.jobs[6].parameters["theta"] == .double(0.1))
        #expect(plan.jobs[16].analysis == .info && plan.jobs[16].dataset.name == "Datasets/cucm-plie")
        #expect(plan.varying == ["model", "theta"])
        // Randomized analyses get the manifest's seed; info has none.
        #expect(plan.jobs[1].seed == 1)
        #expect(plan.jobs[0].seed == nil)
        #expect(Set(plan.jobs.map(\.key)).count == 32)
        #expect(plan.jobs.allSatisfy { $0.key.count == 64 && $0.key.allSatisfy(\.isHexDigit) })
    }

    @Test("The key is SHA-256 of the documented material (oracle: Python's hashlib)")
    func keyOracle() {
        // hashlib.sha256(b"interstice-batch-job/1\n" + b"ab" * 32 + b"\n" + options + b"\ndiffuse\n"
        //                + b'{"model":"ic","seed":1,"theta":0.5}' + b"\n0.1.0\n").hexdigest()
        let key = Job.key(datasetDigest: String(repeating: "ab", count: 32),
                          options: .object([("format", .null), ("directed", .null), ("relation", "edge")]),
                          analysis: .diffuse, parameters: ["theta": .double(0.5), "model": "ic", "seed": 1], version: "0.1.0")
        #expect(key == "e9e3a6ea22f6a1462192e3251dc9c8693284de9dd91c9ecf531b48018e3752e8")
        #expect(Digest.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("Keys follow the dataset's bytes, not its path; the version, parameters and seed change them")
    func keys() throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let copy = tmp.appendingPathComponent("copy").path
        try FileManager.default.copyItem(atPath: Fixtures.dataset("cucm-plie"), toPath: copy)
        let text = "datasets: [\(Fixtures.dataset("cucm-plie")), \(copy)]\nanalyses: [{diffuse: {theta: 0.5}}]"
        let m = try Manifest.parse(Array(text.utf8), file: "m.yaml", folder: tmp.path, allowOutside: true)
        let plan = try JobPlan(m, version: "0.1.0")
        // The copy is the same work: listed once.
        #expect(plan.jobs.count == 1)
        let other = try JobPlan(m, version: "0.2.0")
        #expect(other.jobs[0].key != plan.jobs[0].key)
        let reseeded = try JobPlan(try Manifest.parse(Array(text.utf8), file: "m.yaml", folder: tmp.path, seed: 2, allowOutside: true), version: "0.1.0")
        #expect(reseeded.jobs[0].key != plan.jobs[0].key)
        // One byte more in the copy's edges: another dataset, another key.
        let edges = URL(fileURLWithPath: copy).appendingPathComponent("edges.csv")
        var bytes = try Data(contentsOf: edges)
        bytes.append(contentsOf: Array("\n".utf8))
        try bytes.write(to: edges)
        let changed = try JobPlan(try Manifest.parse(Array(text.utf8), file: "m.yaml", folder: tmp.path, allowOutside: true), version: "0.1.0")
        #expect(changed.jobs.count == 2)
        #expect(changed.jobs[0].key == plan.jobs[0].key)
        #expect(changed.jobs[1].key != plan.jobs[0].key)
        // `1` and `1.0` for a number parameter are the same job.
        let a = try JobPlan(try manifest("datasets: [Datasets/cucm-plie]\nanalyses: [{diffuse: {theta: 1}}]"), version: "v")
        let b = try JobPlan(try manifest("datasets: [Datasets/cucm-plie]\nanalyses: [{diffuse: {theta: 1.0}}]"), version: "v")
        #expect(a.jobs[0].key == b.jobs[0].key)
    }

    @Test("Shards k/n partition the plan")
    func shards() throws {
        let plan = try JobPlan(try manifest(Self.sweep), version: "0.1.0")
        var seen: [Int] = []
        for k in 1...3 {
            let part = plan.jobs(in: Shard(index: k, count: 3))
            #expect(part.allSatisfy { $0.ordinal % 3 == k - 1 })
            seen += part.map(\.ordinal)
        }
        #expect(seen.sorted() == Array(0..<32))
        #expect(Shard("2/3") == Shard(index: 2, count: 3))
        #expect(Shard("0/3") == nil && Shard("4/3") == nil && Shard("1/0") == nil && Shard("x") == nil)
    }
}
