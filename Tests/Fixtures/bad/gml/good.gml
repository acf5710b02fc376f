graph [
  directed 1
  node [
    id 1
    label "AS 1"
  ]
  node [
    id 2
    label "Director"
  ]
  edge [
    source 1
    target 2
    weight 2.5
  ]
]
