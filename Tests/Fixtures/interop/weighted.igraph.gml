Creator "igraph version 1.0.0 (date omitted for reproducibility)"
Version 1
graph
[
  directed 0
  name "weighted"
  node
  [
    id 0
    name "1"
  ]
  node
  [
    id 1
    name "2"
  ]
  node
  [
    id 2
    name "3"
  ]
  node
  [
    id 3
    name "4"
  ]
  node
  [
    id 4
    name "5"
  ]
  node
  [
    id 5
    name "6"
  ]
  edge
  [
    source 1
    target 0
    weight 0.5
  ]
  edge
  [
    source 2
    target 0
    weight 2
  ]
  edge
  [
    source 2
    target 1
    weight 1.25
  ]
  edge
  [
    source 2
    target 2
    weight 4
  ]
  edge
  [
    source 3
    target 2
    weight 1
  ]
  edge
  [
    source 4
    target 3
    weight 3.5
  ]
]
