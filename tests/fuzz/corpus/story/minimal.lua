story { id = "t", title = "T", summary = "s", start = "a",
  stats = { { id = "burnout", start = 30, label = "Burnout", good = "low" }, { id = "savings", start = 20, label = "Savings" } },
  flags = { told = false, plan = "none", n = 0 },
  when_stat = { burnout = { at_least = 100, go = "flameout" }, savings = { { at_most = 0, go = "flameout" } } } }
scene "a" { chapter = "One", text = [[Savings {savings}, {player}. *Emphasis* and **strong** and {{braces}}.

  | verbatim {burnout}]], lesson = "l", discuss = "d",
  choice { "Work", id = "work", effects = { burnout = 50 }, set = { told = true }, go = "a" },
  choice { "Rest", id = "rest", when = function(g) return g.burnout > 40 and g:visited("a") > 0 end,
           effects = function(g) return { burnout = -200 } end, go = "a" },
  choice { id = "gamble", text = function(g) return "Gamble " .. g:roll(1, 6) end,
           set = function(g) return { plan = "bet", n = g.n + 1 } end,
           go = function(g) return g:chance(0.5) and "a" or "flameout" end } }
ending "flameout" { title = "Flamed out", verdict = "bad", text = function(g) return "Done, " .. g.player end }
