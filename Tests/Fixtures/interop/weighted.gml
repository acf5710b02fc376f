graph [
  name "weighted"
  node [
    id 0
    label "1"
  ]
  node [
    id 1
    label "2"
  ]
  node [
    id 2
    label "3"
  ]
  node [
    id 3
    label "4"
  ]
  node [
    id 4
    label "5"
  ]
  node [
    id 5
    label "6"
  ]
  edge [
    source 0
    target 1
    weight 0.5
  ]
  edge [
    source 0
    target 2
    weight 2.0
  ]
  edge [
    source 1
    target 2
    weight 1.25
  ]
  edge [
    source 2
    target 2
    weight 4.0
  ]
  edge [
    source 2
    target 3
    weight 1.0
  ]
  edge [
    source 3
    target 4
    weight 3.5
  ]
]
