story { id = "runtime_when", title = "Runtime error", summary = "A condition fails.", start = "a",
  stats = { { id = "money", start = 10 } } }
scene "a" {
  text = "Hello",
  choice { "Go", go = "b" },
}
scene "b" {
  text = "Here",
  choice { "Pay", id = "pay", when = function(g) return g.money > g.debt end, go = "a" },
  choice { "Back", go = "a" },
}
