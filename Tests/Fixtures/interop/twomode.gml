graph [
  name "twomode"
  node [
    id 0
    label "as1"
    bipartite 0
    title "AS 1"
  ]
  node [
    id 1
    label "as2"
    bipartite 0
    title "AS 2"
  ]
  node [
    id 2
    label "delegate"
    bipartite 0
    title "Insertion delegate"
  ]
  node [
    id 3
    label "&#233;quipe"
    bipartite 1
    title "&#201;quipe"
  ]
  node [
    id 4
    label "commission"
    bipartite 1
    title "Follow-up commission"
  ]
  edge [
    source 0
    target 3
  ]
  edge [
    source 1
    target 3
  ]
  edge [
    source 1
    target 4
  ]
  edge [
    source 2
    target 3
  ]
  edge [
    source 2
    target 4
  ]
]
