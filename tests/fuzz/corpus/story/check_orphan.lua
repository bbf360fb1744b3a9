story { id = "orphan", title = "Orphan", summary = "A scene nothing leads to.", start = "a",
  stats = { { id = "mood", start = 50 } } }
scene "a" {
  text = "Start.",
  choice { "Go", id = "go", effects = { mood = 5 }, go = "done" },
}

scene "lost" {
  text = "Nobody comes here.",
  choice { "Back", id = "back", go = "a" },
}
ending "done" { title = "Done", verdict = "good", text = "The end." }
