-- A story without an ending, for long sessions and crash tests: every choice leads on, stats
-- wander within their bounds, and nothing forces an ending.
story {
  id = "endless", title = "The Endless Shift", start = "desk",
  summary = "A help desk that never closes.",
  stats = {
    { id = "burnout", label = "Burnout", start = 40, good = "low" },
    { id = "trust", label = "Trust", start = 50 },
  },
  flags = { shift = 0 },
}

scene "desk" {
  text = function(g) return "Shift " .. g.shift .. ". The queue holds tickets. Burnout {burnout}." end,
  choice { "Answer the phones", id = "phones", effects = { burnout = 3, trust = 2 }, go = "floor" },
  choice { "Walk the floor", id = "walk", effects = { burnout = -2, trust = 1 },
           go = function(g) return g:chance(0.5) and "floor" or "desk" end },
}

scene "floor" {
  text = "The floor hums. Trust {trust}.",
  choice { "Teach someone", id = "teach", effects = { burnout = -3, trust = 3 }, go = "desk",
           set = function(g) return { shift = (g.shift + 1) % 1000 } end },
  choice { "Fix it yourself", id = "fix", effects = { burnout = 4, trust = -2 }, go = "desk" },
}
