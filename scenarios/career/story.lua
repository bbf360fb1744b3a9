-- Career: the four stories as one career. The first promotion that does not fit, the climb
-- with its derailers, the downsizing and the step back to hands-on work, and the week
-- undercover that finally teaches the business. Stats the chapters share carry over from one
-- into the next, and each chapter's opening knows how the one before it ended.
story {
  id = "career",
  title = "A Career in Four Chapters",
  ask_name = true,
  summary = "All four stories as one working life: what you carry from each job into the next.",
  order = 5,
  chapters = { "supervisor", "derailed", "downsized", "undercover" },
  -- The time between jobs (scenarios/README.md, "Campaigns"): months away from the last job's
  -- pressure take burnout half the way back to none. Acumen, relationships, reputation,
  -- technical skill and satisfaction carry over as they stand: what you learned and who you know
  -- go with you. No chapter opens at or past a threshold.
  between = { burnout = "-50%" },
}
