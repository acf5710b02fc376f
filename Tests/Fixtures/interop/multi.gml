graph [
  directed 1
  multigraph 1
  name "multi"
  node [
    id 0
    label "a"
    role "delegate"
    age 41
    score 0.75
    active 1
  ]
  node [
    id 1
    label "b"
    role "&#201;lodie &#10003; &#171;AS&#187;"
    age 35
    score 1.5
    active 0
  ]
  node [
    id 2
    label "c"
    role "manager"
    age 50
    score 2.0
    active 1
  ]
  node [
    id 3
    label "d"
    role "colleague"
  ]
  edge [
    source 0
    target 1
    key 0
    relation "exchange"
    weight 2.5
    count 3
    confirmed 1
  ]
  edge [
    source 0
    target 1
    key 1
    relation "advice"
    weight 1.0
    count 1
    confirmed 0
  ]
  edge [
    source 0
    target 3
    key 0
    relation "information"
    weight 1.25
    count 0
    confirmed 0
  ]
  edge [
    source 1
    target 2
    key 0
    relation "exchange"
    weight 0.5
    count 7
    confirmed 1
  ]
  edge [
    source 2
    target 0
    key 0
    relation "feedback"
    weight 4.0
    count 2
    confirmed 1
  ]
]
