graph [
  node [
    id 1
    label "1"
    group 1
    score 0.5
  ]
  node [
    id 2
    label "2"
    group 1
  ]
  node [
    id 3
    label "3"
    group 2
    score 3.25
  ]
  node [
    id 4
    label "4"
    group 2
  ]
  node [
    id 5
    label "5"
  ]
  edge [
    source 1
    target 2
    weight 0.5
  ]
  edge [
    source 1
    target 3
    weight 2.0
  ]
  edge [
    source 2
    target 3
    weight 1.25
  ]
  edge [
    source 3
    target 3
    weight 4.0
  ]
  edge [
    source 3
    target 4
    weight 1.0
  ]
]
