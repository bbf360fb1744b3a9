story { id = "dead_end", title = "Dead end", summary = "A scene whose only door can close.",
  start = "a", stats = { { id = "mood", start = 50 } } }
scene "a" {
  text = "Start.",
  choice { "Cheer up", id = "up", effects = { mood = 10 }, go = "b" },
  choice { "Sulk", id = "down", effects = { mood = -10 }, go = "b" },
}
scene "b" {
  text = "A door.",
  choice { "Open it", id = "open", when = function(g) return g.mood > 50 end, go = "done" },
}
ending "done" { title = "Done", verdict = "good", text = "The end." }
