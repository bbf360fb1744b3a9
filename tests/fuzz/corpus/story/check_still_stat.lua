story { id = "still_stat", title = "Still", summary = "A stat nothing changes.", start = "a",
  stats = { { id = "mood", start = 50 }, { id = "money", start = 10 } } }
scene "a" {
  text = "Start.",
  choice { "Go", id = "go", effects = { mood = 5 }, go = "done" },
}
ending "done" { title = "Done", verdict = "good", text = "The end." }
