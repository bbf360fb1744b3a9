story { id = "static_problems", title = "Static", summary = "Problems loading finds.", start = "a",
  stats = { { id = "mood", start = 50 } } }
scene "a" {
  text = "Hello {nobody}.",
  choice { "Go", id = "go", effects = { mood = 5, mod = 1 }, go = "done" },
  choice { "Again", id = "go", go = "a" },
}
scene "a" {
  text = "Twice.",
  choice { "Go", go = "done" },
}
scene "stuck" {
  text = "No way on.",
}
ending "done" { title = "Done", verdict = "good", text = "The end." }
