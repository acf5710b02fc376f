import Foundation
import Testing
import GraphCore
@testable import GraphAlgorithms

/// Group degree, closeness and betweenness against networkx (the oracle's group is the first four
/// nodes of node 0's partition group).
@Suite struct GroupCentralityTests {
    @Test(arguments: OracleFixture.all)
    func matchesNetworkx(_ name: String) throws {
        let f = try OracleFixture.load(name)
        let g = f.graph
        let grp = f.section("group")
        let members = try #require(grp["members"] as? [NSNumber]).map { Int32($0.intValue) }
        func want(_ k: String) -> Double? { (grp[k] as? NSNumber)?.doubleValue }
        // networkx's group_degree_centrality uses successors on a DiGraph.
        let deg = try GroupCentrality.degree(g, group: members, mode: g.isDirected ? .out : .total)
        #expect(close(deg, try #require(want("degree")), 1e-9))
        if g.isDirected {
            #expect(close(try GroupCentrality.degree(g, group: members, mode: .in), try #require(want("in-degree")), 1e-9))
            #expect(close(try GroupCentrality.degree(g, group: members, mode: .out), try #require(want("out-degree")), 1e-9))
        }
        #expect(close(try GroupCentrality.closeness(g, group: members), try #require(want("closeness")), 1e-9))
        if g.isWeighted {
            #expect(close(try GroupCentrality.closeness(g, group: members, weighted: true),
                          try #require(want("closeness-weighted")), 1e-9))
        }
        if let b = want("betweenness") {
            let got = try GroupCentrality.betweenness(g, group: members, threads: 2)
            #expect(close(got, b, 1e-9), "\(name) group betweenness \(got) vs \(b)")
            let raw = try GroupCentrality.betweenness(g, group: members, normalized: false, threads: 2)
            #expect(close(raw, try #require(want("betweenness-raw")), 1e-9), "\(name) raw \(raw)")
        } else {
            #expect(name == "email-eu-core")
        }
    }

    @Test func rejectsBadGroups() throws {
        let g = try OracleFixture.load("kite").graph
        #expect(throws: AlgorithmError.self) { try GroupCentrality.degree(g, group: []) }
        #expect(throws: AlgorithmError.self) { try GroupCentrality.closeness(g, group: [0, 99]) }
        #expect(throws: AlgorithmError.self) { try GroupCentrality.betweenness(g, group: [-1]) }
    }
}
