import Foundation
import Testing
import TestSupport

/// Issue 12's list of ordinary inputs that gave a silent wrong or empty answer: each is now
/// right or a clear error (the built binary, as a user runs it).
@Suite("No silent wrong answer (the built binary)")
struct SilentAnswersTests {
    func json(_ s: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(s.utf8)) as? [String: Any])
    }

    /// A French-speaking team's native dataset: kinds `organisation`, `collectif`, relations
    /// `connaissance`, `échange`, `membre`, `participation`, none declared.
    func frenchDataset(_ dir: URL) throws -> String {
        let folder = dir.appendingPathComponent("fr").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try """
        id,kind
        a,acteur
        b,acteur
        c,acteur
        d,acteur
        e,acteur
        ccas,organisation
        cg71,Organisation
        equipe,collectif

        """.write(toFile: folder + "/nodes.csv", atomically: true, encoding: .utf8)
        try """
        source,target,relation,directed
        a,ccas,membre,true
        b,ccas,membre,true
        c,ccas,membre,true
        d,cg71,membre,true
        e,cg71,membre,true
        a,equipe,participation,true
        d,equipe,participation,true
        a,b,connaissance,false
        b,c,connaissance,false
        d,e,connaissance,false
        a,d,échange,true

        """.write(toFile: folder + "/edges.csv", atomically: true, encoding: .utf8)
        return folder
    }

    @Test("French spellings of kinds and relations are recognized, each mapping named on stderr")
    func frenchSpellings() throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let ds = try frenchDataset(tmp)
        let r = try CLI.run(["reach", ds, "--null", "none", "--runs", "200", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        for note in ["kind \"organisation\" read as \"organization\" (1 node)", "kind \"Organisation\" read as \"organization\" (1 node)",
                     "kind \"collectif\" read as \"collective\"", "kind \"acteur\" read as \"actor\" (5 nodes)",
                     "relation \"connaissance\" read as \"acquaintance\"", "relation \"échange\" read as \"exchange\"",
                     "relation \"membre\" read as \"member\"", "relation \"participation\" read as \"participant\""] {
            #expect(r.stderr.contains(note), "\(note) in \(r.stderr)")
        }
        let d = try json(r.stdout)
        let models = try #require(d["models"] as? [[String: Any]])
        let orgs = try #require(models.first?["organizations"] as? [[String: Any]])
        #expect(orgs.compactMap { $0["organization"] as? String }.sorted() == ["ccas", "cg71"])
        #expect(orgs.first { $0["organization"] as? String == "ccas" }?["beyond_collective"] as? Int == 2)
    }

    @Test("--organizations-from makes organizations from a node attribute (a GraphML from networkx)")
    func organizationsFromAttribute() throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let path = tmp.appendingPathComponent("g.graphml").path
        try """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
          <key id="d0" for="node" attr.name="org" attr.type="string"/>
          <graph edgedefault="undirected">
            <node id="a"><data key="d0">north</data></node>
            <node id="b"><data key="d0">north</data></node>
            <node id="c"><data key="d0">north</data></node>
            <node id="d"><data key="d0">south</data></node>
            <node id="e"><data key="d0">south</data></node>
            <edge source="a" target="b"/><edge source="b" target="c"/><edge source="a" target="d"/><edge source="d" target="e"/>
          </graph>
        </graphml>
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let without = try CLI.run(["reach", path, "--seeds", "a", "--null", "none", "--runs", "100"])
        #expect(without.status != 0 || !without.stdout.contains("north"))
        let r = try CLI.run(["reach", path, "--organizations-from", "org", "--seeds", "a", "--null", "none", "--runs", "400",
                             "--probability", "1", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("organizations from attribute \"org\": 2 organizations, 5 member edges"))
        let orgs = try #require((try json(r.stdout)["models"] as? [[String: Any]])?.first?["organizations"] as? [[String: Any]])
        #expect(orgs.count == 2)
        // With p = 1 everyone adopts: both organizations are reached in every run; north has 2
        // members beyond the seed a.
        let north = try #require(orgs.first { $0["organization"] as? String == "north" })
        #expect(north["beyond_collective"] as? Int == 2 && north["p_reached"] as? Double == 1)
        let bad = try CLI.run(["reach", path, "--organizations-from", "department", "--seeds", "a"])
        #expect(bad.status == 65 && bad.stderr.contains("no node attribute \"department\"; it has org"))
    }

    @Test("katz with alpha ≥ 1/λmax is an error that gives 1/λmax; --alpha below it works")
    func katzDiverges() throws {
        let ds = Fixtures.dataset("krackhardt-hightech")
        let bad = try CLI.run(["centrality", ds, "--relations", "advice", "--measure", "katz", "--alpha", "0.5"])
        #expect(bad.status == 65)
        // λmax of the advice digraph is 8.25354 (numpy.linalg.eigvals), so 1/λmax = 0.12116.
        #expect(bad.stderr.contains("katz does not converge: alpha = 0.5 but it must be below 1/λmax = 0.12116 (λmax = 8.25354"),
                "\(bad.stderr)")
        let ok = try CLI.run(["centrality", ds, "--relations", "advice", "--measure", "katz", "--alpha", "0.05", "--format", "json"])
        #expect(ok.status == 0, "\(ok.stderr)")
        let m = try #require((try json(ok.stdout)["measures"] as? [[String: Any]])?.first)
        #expect(m["converged"] as? Bool == true && m["measure"] as? String == "katz")
    }

    @Test("Bass: organizations and collectives never adopt; spread stays within the actors")
    func bassOnlyActors() throws {
        let r = try CLI.run(["diffuse", Fixtures.dataset("chalon-sur-saone"), "--model", "bass", "--bass-p", "0.2",
                             "--runs", "300", "--horizon", "30", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let d = try json(r.stdout)
        let rows = try #require(d["rows"] as? [[String: Any]])
        let actors = rows.filter { $0["kind"] as? String == "actor" }.count
        for row in rows where row["kind"] as? String != "actor" {
            #expect(row["adoption_probability"] as? Double == 0, "\(row["id"] ?? "")")
        }
        let spread = try #require((d["spread"] as? [String: Any])?["mean"] as? Double)
        #expect(spread <= Double(actors) && spread > Double(actors) * 0.9)
    }

    @Test("A per-relation probability that leaves out a channel relation is an error naming it; other=P fills it")
    func probabilityList() throws {
        let ds = Fixtures.dataset("cucm-plie")
        let bad = try CLI.run(["diffuse", ds, "--probability", "acquaintance=0.3", "--runs", "50"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("no value for the channel relation \"exchange\""), "\(bad.stderr)")
        let ok = try CLI.run(["diffuse", ds, "--probability", "acquaintance=0.3,other=0", "--runs", "50", "--format", "json"])
        #expect(ok.status == 0, "\(ok.stderr)")
        let rels = try #require((try json(ok.stdout)["request"] as? [String: Any])?["relations"] as? [[String: Any]])
        #expect(rels.first { $0["relation"] as? String == "exchange" }?["probability"] as? Double == 0)
        #expect(rels.first { $0["relation"] as? String == "acquaintance" }?["probability"] as? Double == 0.3)
    }

    @Test("A parameter the model does not use is an error that names it")
    func ignoredParameter() throws {
        let r = try CLI.run(["diffuse", Fixtures.dataset("cucm-plie"), "--model", "ic", "--k", "3", "--runs", "10"])
        #expect(r.status == 64 && r.stderr.contains("k is a parameter of complex; ic does not use it"), "\(r.stderr)")
        let lt = try CLI.run(["diffuse", Fixtures.dataset("cucm-plie"), "--model", "lt", "--threshold", "1.5", "--runs", "10"])
        #expect(lt.status == 64 && lt.stderr.contains("threshold must be in [0, 1]"), "\(lt.stderr)")
    }

    @Test("Diffusion JSON records the whole request: parameters, relations with directions, seed ids, input SHA-256")
    func provenance() throws {
        let r = try CLI.run(["diffuse", Fixtures.dataset("chalon-sur-saone"), "--model", "ic", "--probability", "0.3",
                             "--runs", "50", "--seed", "9", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let q = try #require(try json(r.stdout)["request"] as? [String: Any])
        #expect(q["probability"] as? String == "0.3" && q["seed"] as? Int == 9 && q["runs"] as? Int == 50)
        #expect((q["seed_ids"] as? [String])?.count == 8)
        let input = try #require(q["input"] as? [String: Any])
        #expect((input["sha256"] as? String)?.count == 64)
        let rels = try #require(q["relations"] as? [[String: Any]])
        #expect(rels.first { $0["relation"] as? String == "exchange" }?["direction"] as? String == "directed")
        #expect(rels.first { $0["relation"] as? String == "reports_to" }?["both_ways"] as? Bool == true)
    }

    @Test("One spelling of option values: --direction as-stored")
    func asStored() throws {
        let ok = try CLI.run(["centrality", Fixtures.dataset("cucm-plie"), "--direction", "as-stored", "--measure", "degree"])
        #expect(ok.status == 0, "\(ok.stderr)")
        let old = try CLI.run(["centrality", Fixtures.dataset("cucm-plie"), "--direction", "asStored", "--measure", "degree"])
        #expect(old.status == 64)
    }

    @Test("diffuse --per organization with seeds shares reach's denominators (the seeds are not beyond)")
    func sharedDenominators() throws {
        let ds = Fixtures.dataset("medInnovations")
        let d = try CLI.run(["diffuse", ds, "--seeds", "toa<=2", "--organizations", "level=hospital", "--per", "organization",
                             "--runs", "100", "--format", "json"])
        #expect(d.status == 0, "\(d.stderr)")
        let r = try CLI.run(["reach", ds, "--seeds", "toa<=2", "--organizations", "level=hospital", "--models", "ic",
                             "--null", "none", "--runs", "100", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let drows = try #require(try json(d.stdout)["rows"] as? [[String: Any]])
        let rrows = try #require((try json(r.stdout)["models"] as? [[String: Any]])?.first?["organizations"] as? [[String: Any]])
        #expect(drows.count == rrows.count && drows.count > 0)
        for row in drows {
            let other = try #require(rrows.first { $0["organization"] as? String == row["organization"] as? String })
            #expect(row["beyond_collective"] as? Int == other["beyond_collective"] as? Int)
            #expect(row["p_reached"] as? Double == other["p_reached"] as? Double)
        }
    }

    @Test("render -o: the extension decides the format (jpg is JPEG); unknown or contradicted extensions are errors")
    func renderFormatFromExtension() throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let ds = Fixtures.dataset("chalon-sur-saone")
        for (name, magic) in [("d.jpg", [UInt8]([0xFF, 0xD8, 0xFF])), ("d.jpeg", [0xFF, 0xD8, 0xFF]), ("d.png", [0x89, 0x50, 0x4E, 0x47]),
                              ("d.svg", Array("<?xml".utf8)), ("d.pdf", Array("%PDF".utf8))] {
            let out = tmp.appendingPathComponent(name).path
            let r = try CLI.run(["render", ds, "-o", out])
            #expect(r.status == 0, "\(name): \(r.stderr)")
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: out)).prefix(magic.count))
            #expect(bytes == magic, "\(name) starts with \(bytes)")
        }
        let unknown = try CLI.run(["render", ds, "-o", tmp.appendingPathComponent("d.xyz").path])
        #expect(unknown.status == 64 && unknown.stderr.contains("unknown extension \".xyz\""), "\(unknown.stderr)")
        #expect(!FileManager.default.fileExists(atPath: tmp.appendingPathComponent("d.xyz").path))
        let clash = try CLI.run(["render", ds, "--format", "svg", "-o", tmp.appendingPathComponent("e.jpg").path])
        #expect(clash.status == 64 && clash.stderr.contains("names jpg but --format is svg"), "\(clash.stderr)")
    }
}
