story { id = "condition_error", title = "Condition", summary = "A typo in a condition.",
  start = "a", stats = { { id = "mood", start = 50 } } }
scene "a" {
  text = "Start.",
  choice { "Cheer up", id = "up", effects = { mood = 10 }, go = "b" },
  choice { "Sulk", id = "down", effects = { mood = -10 }, go = "b" },
}
scene "b" {
  text = "A door.",
  choice { "Open it", id = "open", when = function(g) return g.mod > 50 end, go = "done" },
  choice { "Leave", id = "leave", go = "done" },
}
ending "done" { title = "Done", verdict = "good", text = "The end." }
