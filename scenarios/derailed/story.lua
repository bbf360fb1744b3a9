-- Derailed: eighteen months as the new IT director of a food distributor in Columbus, Ohio, and
-- the seven ways a leader comes off the rails (after John Edwards, "7 ways IT leaders derail
-- their careers", CIO, July 2019).
--
-- Files: story.lua (the declaration and shared helpers), then, in the order they load:
--   act1.lua   The first ninety days: the industry, the help desk, the night shift
--   act2.lua   Budget season: the budget, the cut, the CIO Forum
--   act3.lua   A seat at the table: the outage, handing over the Courier, the hire, the exec meeting
--   act4.lua   The new way: the new COO, the pilot, the holiday, the chef, the rules
--   act5.lua   The merger: the network, the plan, the interview
--   endings.lua
--
-- Delayed consequences travel in flags (see story.flags below). The merger decision adds them
-- up in case_for(); the endings read them back to the player.

story {
  id = "derailed",
  title = "Derailed",
  summary = "Eighteen months as a food distributor's new IT director: seven ways off the rails, "
         .. "and one way up.",
  author = "The Ladder project",
  content_note = "Overwork and burnout, a merger, demotion and job loss.",
  order = 2,
  stats = {
    { id = "burnout", label = "Burnout", start = 30, good = "low",
      description = "How worn down eighteen months in Columbus have left you. At 100 the story "
        .. "ends for you; lower is better." },
    { id = "relationships", label = "Relationships", start = 35,
      description = "How the people above, beside and below you stand with you. Higher is "
        .. "better; it counts when the merger picks one head of technology." },
    { id = "acumen", label = "Business acumen", start = 25,
      description = "How well you know the food business: customers, margins, rivals. Higher is "
        .. "better: the executives stop hearing you as only technical." },
    { id = "technical", label = "Technical skill", start = 65,
      description = "How close you stay to the systems. Higher is better up to a point: very "
        .. "high with little business acumen pigeonholes you, below 50 you can no longer judge "
        .. "the technology." },
    { id = "reputation", label = "Reputation", start = 40,
      description = "What the executives say about you. Higher is better; it weighs as much as "
        .. "business acumen when the merger comes." },
  },
  flags = {
    previous_verdict = "",   -- set by the campaign: how the supervisor chapter ended
    previous_ending = "",    -- set by the campaign: the id of the supervisor chapter's ending
    first_month = "",        -- "systems", "business" or "both"
    knows_industry = false,  -- has seen the customers, the margins and Northstar's website
    fixed_handhelds = false, -- fixed Earl's scanners in the first week
    rosa_ally = false,       -- Rosa in sales trusts you
    labelled_tech = false,   -- the executives have heard you as "only technical"
    visited_floor = false,   -- went to the Dayton night shift yourself
    sent_anil = false,       -- sent Anil to Dayton instead
    wes_ally = false,        -- Wes on the night shift trusts you
    wes_number = false,      -- Wes has your home number
    process_wall = false,    -- answered people with process instead of presence
    budget = "",             -- "business", "wishlist" or "solo"
    kept_headcount = false,  -- the new position survived the cut
    networked = false,       -- a regular at the Central Ohio CIO Forum
    late_networker = false,  -- joined the Forum only once the merger came
    hero = 0,                -- times you did the technical work yourself instead of handing it on
    delegated = 0,           -- times you handed work over and taught someone to carry it
    anil_trained = false,    -- Anil can run the Courier without you
    outage = "",             -- "self", "anil" or "vendor"
    hire = "",               -- "handover", "analyst", "developer", "none"
    spoke_business = false,  -- at the exec table you talked about customers, not machinery
    pitched = "",            -- who pitched the pilot at the exec table: "you" or "rosa"
    change = "",             -- "embraced", "clung" then "blocked" or "late", or "theatre"
    tom = "",                -- "kept" or "moved"
    vacation = "",           -- "off", "off_unready", "checked" or "cancelled"
    always_on = false,       -- no off switch: late emails, holidays on the laptop
    rules = false,           -- published and kept rules of engagement
    night_drafts = false,    -- works at night but holds the emails until 8 a.m.
    teo = "",              -- "visited", "ticket" or "rosa"
    outside_offer = false,   -- Gloria's introduction to Buckeye Health Supply
    plan = "",               -- the integration plan: "customer", "systems" or "team"
    answer = "",             -- the answer to Lena: "business", "tech" or "defer"
    y2k = "",                -- the Y2K letter: "self" (read it all), "tested" (with Anil), "trusted"
  },
  start = "first_day",
  when_stat = { burnout = { at_least = 100, go = "flameout" } },
}

-- How the campaign's chapter before (the supervisor's job in Milwaukee, 1995-96) led here:
-- one line per ending of that chapter, then a line per verdict for a chapter this story does
-- not know, then the standalone opening.
local from_milwaukee = {
  back_at_bench = [[
    You spent two years back at the bench in Milwaukee, the best engineer in the building,
    rebuilding the warehouse feeds you once supervised. Leading had never been the trouble,
    only leading by accident. When Kessler called about a director's job, you said yes on
    purpose.
  ]],
  new_bench = [[
    Two years at the new job by the river in Milwaukee taught you what you are good at. When
    Kessler called about a director's job, you wanted to find out whether leading, chosen this
    time, was one of those things.
  ]],
  sideways = [[
    The lateral move in Milwaukee led to two good years on the data platform team. When
    Kessler called about a director's job, you went back to leading by the front door, on
    purpose this time.
  ]],
  steady_hands = [[
    You stayed a supervisor in Milwaukee two more years, very good at a job you did not want.
    When a recruiter called about a director's job in Columbus, you told yourself a bigger job
    might feel more like your own.
  ]],
  asterisk = [[
    In Milwaukee you were, for two years, the comeback kid. Columbus is a city where nobody has
    heard the story, and a director's job is a chance to write a different one.
  ]],
  rough_exit = [[
    You left your Milwaukee job by the side door and never quite won back your old boss's
    trust. Kessler did not call her for a reference. It called the people you had built
    things for since, who said you could build anything.
  ]],
  running_empty = [[
    The six weeks off in Milwaukee ended in a phased return to a team that had learned to run
    without you. When Kessler called about a director's job, you said yes to a fresh start,
    and promised Noor it would not go the same way.
  ]],
  burned_bridges = [[
    After Milwaukee came eighteen months of resetting passwords on a hospital's night shift. Martin
    hired you anyway: he said he liked that you told him the truth about how you left.
  ]],
}
local by_verdict = {
  good = [[
    Two years ago you found your way out of a supervisor's job you never asked for and into
    work that fit. When Kessler called about a director's job, you said yes on purpose.
  ]],
  mixed = [[
    Your years as a supervisor in Milwaukee ended neither well nor badly. When a recruiter
    called about a director's job in Columbus, you said yes, half hoping a bigger job would
    feel more like your own.
  ]],
  bad = [[
    Milwaukee ended badly. Columbus is a fresh start, and nobody here saw any of it.
  ]],
}

-- The chapter's first lines: how you got here, and the move.
function opening(g)
  local before = from_milwaukee[g.previous_ending] or by_verdict[g.previous_verdict]
  if not before then
    return [[
      You were the best engineer at two companies and a supervisor at the second. This is the
      first job with *Director* in the title, and the first in Ohio: Noor's parents are two
      hours up the road in Toledo, and Kayla, eleven, has started at a new school in Clintonville.
    ]]
  end
  return paras(before, [[
    So in February you moved to Columbus: two hours from Noor's parents in Toledo, and a new
    school in Clintonville for Kayla, who is eleven and has not forgiven you yet. This is the
    first job with *Director* in the title.
  ]])
end

-- Paragraphs joined with blank lines; nil and empty pieces are skipped.
function paras(...)
  local out = {}
  for i = 1, select("#", ...) do
    local p = select(i, ...)
    if p and p ~= "" then out[#out + 1] = p end
  end
  return table.concat(out, "\n\n")
end

-- A line of tiredness that creeps into scenes as burnout climbs: { at 70, at 85 } for each
-- scene that shows one, so no line is read twice in a playthrough.
local tiredness = {
  budget = {
    "You are tired in a way a weekend no longer fixes.",
    "You have not slept a night through since April. Twice this week you have read Martin's "
      .. "template to the bottom without taking in a line.",
  },
  outage = {
    "It is the third night this month that work has woken you, and you find you are not "
      .. "surprised.",
    "You had been asleep for forty minutes. Your hand shakes on the receiver, and Noor, awake "
      .. "beside you, does not ask who it is.",
  },
  y2k = {
    "Most evenings you fall asleep in front of the ten o'clock news, before the weather.",
    "You read the consultants' report twice before you notice it is last week's, and a third "
      .. "time before you can say what it claims.",
  },
  pilot_launch = {
    "You tell her you will think about it, and hear how tired it sounds.",
    "You mean to answer her, and for a long second cannot remember which day the cabin is "
      .. "booked from.",
  },
  rules = {
    "You have started keeping a second pot of coffee in your office, and finishing it.",
    "Twice this month you have driven to Groveport and not remembered the drive. At your "
      .. "check-up the doctor takes your blood pressure twice and writes something down.",
  },
  merger_news = {
    "The news should frighten you more than it does. You are too tired to be properly "
      .. "frightened.",
    "At the all-hands you had to hold the rail of a loading dock until the floor steadied. "
      .. "Nobody seemed to notice.",
  },
}
function tired(g)
  local lines = tiredness[g.scene] or tiredness.budget
  if g.burnout >= 85 then
    return lines[2]
  elseif g.burnout >= 70 then
    return lines[1]
  end
  return ""
end

-- Known as the one who does the technical work: the hero too often, the teacher too rarely,
-- or so deep in the machinery that nobody pictures you anywhere else.
function pigeonholed(g)
  return (g.hero >= 3 and g.delegated <= 1)
      or (g.technical >= 75 and g.hero >= 2)
      or (g.labelled_tech and g.technical >= 70 and g.acumen < 45)
end

-- The other end of the same stat: let go of the machinery so far that you can no longer judge
-- it (the article: a leader must still understand the technology the business runs on).
function out_of_touch(g)
  return g.technical < 50
end

-- How strong your case is when Larchmont chooses one head of technology: the stats, and
-- the things people remember about you from the last eighteen months.
function case_for(g)
  local s = g.acumen * 0.35 + g.relationships * 0.30 + g.reputation * 0.35
  if g.knows_industry then s = s + 4 end
  if g.budget == "business" then s = s + 3 elseif g.budget == "wishlist" then s = s - 6 end
  if g.wes_ally then s = s + 3 end
  if g.process_wall then s = s - 4 end
  if g.always_on then s = s - 3 end
  if g.change == "embraced" then s = s + 5
  elseif g.change == "late" then s = s - 2
  elseif g.change == "theatre" then s = s - 4
  elseif g.change == "blocked" then s = s - 8 end
  if g.tom == "kept" then s = s + 2 elseif g.tom == "moved" then s = s - 3 end
  if g.teo == "visited" then s = s + 4 elseif g.teo == "ticket" then s = s - 5 end
  if g.y2k == "tested" then s = s + 4 elseif g.y2k == "trusted" then s = s - 6 end
  if g.answer == "business" then s = s + 6
  elseif g.answer == "tech" then s = s - 4
  elseif g.answer == "defer" then s = s - 8 end
  return s
end

-- What stands between a strong case and the job, or nil: the balance the tags cannot give.
function what_held_you_back(g)
  if pigeonholed(g) then return "pigeonholed" end
  if out_of_touch(g) then return "out_of_touch" end
  if g.burnout >= CIO_BURNOUT then return "worn" end
  if g.relationships < CIO_RELATIONSHIPS then return "alone" end
  return nil
end

CIO_CASE = 70
CIO_BURNOUT = 65
CIO_RELATIONSHIPS = 50

-- Where the merger decision sends you.
function merger_outcome(g)
  local s = case_for(g)
  if s >= CIO_CASE and not what_held_you_back(g) then
    return "cio"
  elseif g.outside_offer and s >= 38 then
    return "offer_call"
  elseif pigeonholed(g) then
    return "demoted"
  elseif s >= 42 then
    return "plateau"
  end
  return "let_go"
end

-- Increment helpers for the counting flags, for use in `set`.
function one_more_hero(g) return { hero = g.hero + 1 } end
function one_more_handover(g) return { delegated = g.delegated + 1 } end
