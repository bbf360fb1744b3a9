story { id = "unreached_ending", title = "Unreached", summary = "An ending behind a false door.",
  start = "a", stats = { { id = "mood", start = 50 } } }
scene "a" {
  text = "Start.",
  choice { "Go", id = "go", effects = { mood = 5 }, go = "done" },
  choice { "Never", id = "never", when = function(g) return g.mood > 100 end, go = "secret" },
}
ending "done" { title = "Done", verdict = "good", text = "The end." }
ending "secret" { title = "Secret", verdict = "good", text = "Never seen." }
