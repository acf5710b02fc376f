graph [
  directed 1
  multigraph 1
  name "sample-multiplex"
  title "Two services, one collective"
  node [
    id "as1"
    label "as1"
    display_label "A&#239;cha &#34;AS&#34; &#38; co"
    kind "actor"
    age 41
    trust 0.75
    role "r&#233;f&#233;rente &#171;AS&#187; &#10003;"
    head 1
    since "2006-03-15"
  ]
  node [
    id "as2"
    label "as2"
    display_label "Bruno"
    kind "actor"
    age 35
    trust 1.5
    role "two&#10;lines &#38; &#34;quotes&#34;"
    head 0
  ]
  node [
    id "del"
    label "del"
    kind "actor"
    trust 2.0
  ]
  node [
    id 42
    label "42"
    display_label "Delegate 42"
    kind "actor"
    age -29
    trust 1.0e-07
  ]
  node [
    id "cg71"
    label "cg71"
    display_label "CG71"
    kind "organization"
  ]
  node [
    id "&#233;quipe"
    label "&#233;quipe"
    kind "collective"
  ]
  edge [
    source "as1"
    target "as2"
    relation "acquaintance"
    weight 3.0
    directed 0
    origin "trade union"
  ]
  edge [
    source "as1"
    target "del"
    relation "acquaintance"
    weight 1.0
    directed 0
  ]
  edge [
    source "as2"
    target 42
    relation "acquaintance"
    weight 2.5
    directed 0
  ]
  edge [
    source "as1"
    target "as2"
    relation "exchange"
    weight 2.0
    count 2
    channel "phone"
  ]
  edge [
    source "as2"
    target "as1"
    relation "exchange"
    weight 1.0
    count 1
  ]
  edge [
    source "as1"
    target "as2"
    relation "exchange"
    weight 4.0
    count 4
    channel "meeting"
  ]
  edge [
    source "del"
    target 42
    relation "exchange"
    weight 1.0
  ]
  edge [
    source "as1"
    target "cg71"
    relation "member"
  ]
  edge [
    source "as2"
    target "cg71"
    relation "member"
  ]
  edge [
    source "del"
    target "cg71"
    relation "member"
  ]
  edge [
    source "as1"
    target "&#233;quipe"
    relation "participant"
  ]
  edge [
    source "del"
    target "&#233;quipe"
    relation "participant"
  ]
]
