import Foundation
import Testing
import TestSupport

@Suite("interstice relays (the built binary)")
struct RelaysCommandTests {
    static let hand = Fixtures.path("relays/hand-org")

    func json(_ s: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(s.utf8)) as! [String: Any]
    }

    /// Without the hierarchy as a channel, only a tie to b1 opens B (see the fixture's README).
    @Test func theOnlyTieIntoTheIsolatedOrganization() throws {
        let r = try CLI.run(["relays", Self.hand, "--budget", "2", "--add", "ties", "--probability", "1", "--runs", "30",
                             "--relations", "acquaintance,exchange", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let d = try json(r.stdout)
        #expect(d["method"] as? String == "celf" && d["objective"] as? String == "institutionalized")
        #expect(d["candidate_count"] as? Int == 6 && d["evaluations"] as? Int == 8 && d["runs"] as? Int == 30)
        #expect((d["base"] as! [String: Any])["value"] as? Double == 2)
        let tie = d["tie"] as! [String: Any]
        #expect(tie["relation"] as? String == "acquaintance" && tie["probability"] as? Double == 1 && tie["both_ways"] as? Bool == true)
        let picks = d["picks"] as! [[String: Any]]
        #expect(picks.map { $0["source"] as? String } == ["a1", "a1"])
        #expect(picks.map { $0["target"] as? String } == ["b1", "d1"])
        #expect(picks.map { $0["organizations"] as? String } == ["A — B", "A — D"])
        #expect(picks.map { ($0["gain"] as! [String: Any])["value"] as? Double } == [1, 1])
        #expect(picks.map { ($0["objective"] as! [String: Any])["value"] as? Double } == [3, 4])
        // With reports_to transmitting both ways (the default channels), b2 and b3 open B too:
        // the lazy queue then re-evaluates them in round 2 before settling on d1.
        let all = try json(try CLI.run(["relays", Self.hand, "--budget", "2", "--add", "ties", "--probability", "1",
                                        "--runs", "30", "--format", "json"]).stdout)
        #expect(all["evaluations"] as? Int == 10)
        #expect((all["picks"] as! [[String: Any]]).map { $0["target"] as? String } == ["b1", "d1"])
    }

    @Test func actorsTableNamesTheRelayAndItsGain() throws {
        let r = try CLI.run(["relays", Self.hand, "--budget", "1", "--probability", "1", "--runs", "20"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("actors who join the collective, chosen by CELF"))
        #expect(r.stdout.contains("With the collective alone: 2.000 [2.000, 2.000]"))
        let row = r.stdout.split(separator: "\n").first { $0.hasPrefix("   1") }
        #expect(row?.contains("b1 (Head of B)") == true && row?.contains("1.000 [1.000, 1.000]") == true, "\(r.stdout)")
    }

    @Test func immPicksTheSameRelays() throws {
        let r = try CLI.run(["relays", Self.hand, "--budget", "2", "--method", "imm", "--probability", "1", "--runs", "20",
                             "--epsilon", "0.2", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let d = try json(r.stdout)
        #expect(d["objective"] as? String == "adopters")
        #expect((d["picks"] as! [[String: Any]]).map { $0["source"] as? String } == ["b1", "d1"])
        let imm = d["imm"] as! [String: Any]
        #expect(imm["epsilon"] as? Double == 0.2 && (imm["rr_sets"] as? Int ?? 0) > 0)
        #expect(abs((imm["guarantee"] as? Double ?? 0) - (1 - exp(-1.0) - 0.2)) < 1e-12)
    }

    @Test func sameOutputWhateverTheThreads() throws {
        let base = ["relays", Fixtures.dataset("cucm-plie"), "--budget", "2", "--runs", "200", "--seed", "4",
                    "--candidates", "managers", "--format", "csv"]
        let one = try CLI.run(base + ["--threads", "1"])
        let two = try CLI.run(base + ["--threads", "2"])
        #expect(one.status == 0 && two.status == 0, "\(one.stderr)")
        #expect(one.stdout == two.stdout)
        #expect(one.stdout.hasPrefix("rank,kind,relay,source,target,organizations,gain,gain_low,gain_high,"))
        #expect(one.stdout.split(separator: "\n").count == 3)
    }

    @Test func writesToAFile() throws {
        let dir = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("relays.csv").path
        let r = try CLI.run(["relays", Self.hand, "--budget", "1", "--probability", "1", "--runs", "10", "--format", "csv", "-o", out])
        #expect(r.status == 0 && r.stdout.isEmpty)
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.split(separator: "\n").last?.hasPrefix("1,actor,b1 (Head of B),b1,,B,1.0,") == true, "\(text)")
    }

    @Test func badRequestsAreUsageErrors() throws {
        let cases: [([String], String)] = [
            (["--method", "imm", "--add", "ties"], "--method imm chooses actors"),
            (["--method", "imm", "--objective", "institutionalized"], "--method imm maximizes adopters"),
            (["--candidates", "nobody"], "no node has the id \"nobody\""),
            (["--candidates", "a1"], "\"a1\" is already in the collective"),
            (["--add", "ties", "--tie-relation", "meeting"], "give --tie-probability"),
            (["--target-half-width", "0.01"], "--target-half-width does not apply"),
        ]
        for (args, message) in cases {
            let r = try CLI.run(["relays", Self.hand, "--budget", "1", "--runs", "10"] + args)
            #expect(r.status == 64, "\(args): \(r.status)")
            #expect(r.stderr.contains(message), "\(args): \(r.stderr)")
        }
        let zero = try CLI.run(["relays", Self.hand, "--budget", "0"])
        #expect(zero.status == 64 && zero.stderr.contains("--budget must be at least 1"))
    }
}
