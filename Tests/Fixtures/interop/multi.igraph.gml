Creator "igraph version 1.0.0 (date omitted for reproducibility)"
Version 1
graph
[
  directed 1
  name "multi"
  node
  [
    id 0
    role "delegate"
    age 41
    score 0.75
    active 1
    name "a"
  ]
  node
  [
    id 1
    role "Élodie ✓ «AS»"
    age 35
    score 1.5
    active 0
    name "b"
  ]
  node
  [
    id 2
    role "manager"
    age 50
    score 2
    active 1
    name "c"
  ]
  node
  [
    id 3
    role "colleague"
    active 0
    name "d"
  ]
  edge
  [
    source 0
    target 1
    relation "exchange"
    weight 2.5
    count 3
    confirmed 1
  ]
  edge
  [
    source 0
    target 1
    relation "advice"
    weight 1
    count 1
    confirmed 0
  ]
  edge
  [
    source 0
    target 3
    relation "information"
    weight 1.25
    count 0
    confirmed 0
  ]
  edge
  [
    source 1
    target 2
    relation "exchange"
    weight 0.5
    count 7
    confirmed 1
  ]
  edge
  [
    source 2
    target 0
    relation "feedback"
    weight 4
    count 2
    confirmed 1
  ]
]
