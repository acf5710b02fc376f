Creator "igraph version 1.0.0 (date omitted for reproducibility)"
Version 1
graph
[
  directed 0
  name "twomode"
  node
  [
    id 0
    bipartite 0
    title "AS 1"
    name "as1"
  ]
  node
  [
    id 1
    bipartite 0
    title "AS 2"
    name "as2"
  ]
  node
  [
    id 2
    bipartite 0
    title "Insertion delegate"
    name "delegate"
  ]
  node
  [
    id 3
    bipartite 1
    title "Équipe"
    name "équipe"
  ]
  node
  [
    id 4
    bipartite 1
    title "Follow-up commission"
    name "commission"
  ]
  edge
  [
    source 3
    target 0
  ]
  edge
  [
    source 3
    target 1
  ]
  edge
  [
    source 4
    target 1
  ]
  edge
  [
    source 3
    target 2
  ]
  edge
  [
    source 4
    target 2
  ]
]
