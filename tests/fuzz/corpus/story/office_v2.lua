-- A small story for engine tests (saves, undo, continue). Not bundled.
story {
  id = "office", title = "The Office", summary = "Three decisions at a help desk.",
  stats = {
    { id = "burnout", start = 40, label = "Burnout", good = "low" },
    { id = "trust", start = 50, label = "Trust" },
  },
  start = "desk",
  when_stat = { burnout = { at_least = 100, go = "collapse" } },
}

scene "desk" {
  text = "The queue holds fifty tickets. Trust: {trust}.",
  choice { "Answer the phones yourself", id = "phones", effects = { burnout = 20, trust = 10 }, go = "noon" },
  choice { "Walk the floor and ask what hurts", id = "walk", effects = { trust = 15 }, go = "noon" },
}

scene "noon" {
  text = "At noon the printer on the third floor jams for the third time.",
  choice { "Fix it yourself", id = "fix", effects = { burnout = 30 }, go = "evening" },
}

scene "evening" {
  text = "Evening. The director asks for a summary.",
  choice { "Write it tonight", id = "tonight", effects = { burnout = 60 }, go = "promoted" },
  choice { "Send it in the morning", id = "morning", go = "steady" },
}

ending "promoted" { title = "Promoted", verdict = "good", text = "The summary lands well." }
ending "steady" { title = "Steady", verdict = "mixed", text = "Nothing changes, which is fine." }
ending "collapse" { title = "Collapse", verdict = "bad", text = "You are sent home." }
