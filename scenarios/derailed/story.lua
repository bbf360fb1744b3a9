-- Derailed: eighteen months as the new IT director of a food distributor in Columbus, Ohio, and
-- the seven ways a leader comes off the rails (after John Edwards, "7 ways IT leaders derail
-- their careers", CIO, July 2019).
--
-- Files: story.lua (the declaration and shared helpers), then, in the order they load:
--   act1.lua   The first ninety days: the industry, the help desk, the night shift
--   act2.lua   Budget season: the budget, the cut, the CIO Forum
--   act3.lua   A seat at the table: the outage, handing over the bridge, the hire, the exec meeting
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
    { id = "burnout", label = "Burnout", start = 30, good = "low" },
    { id = "relationships", label = "Relationships", start = 35 },
    { id = "acumen", label = "Business acumen", start = 25 },
    { id = "technical", label = "Technical skill", start = 65 },
    { id = "reputation", label = "Reputation", start = 40 },
  },
  flags = {
    previous_verdict = "",   -- set by the campaign: how the supervisor chapter ended
    first_month = "",        -- "systems", "business" or "both"
    knows_industry = false,  -- has seen the customers, the margins and Northstar's app
    fixed_handhelds = false, -- fixed Earl's scanners in the first week
    rosa_ally = false,       -- Rosa in sales trusts you
    labelled_tech = false,   -- the executives have heard you as "only technical"
    visited_floor = false,   -- went to the Dayton night shift yourself
    sent_anil = false,       -- sent Anil to Dayton instead
    wes_ally = false,        -- Wes on the night shift trusts you
    wes_number = false,      -- Wes has your mobile number
    process_wall = false,    -- answered people with process instead of presence
    budget = "",             -- "business", "wishlist" or "solo"
    kept_headcount = false,  -- the new position survived the cut
    networked = false,       -- a regular at the Central Ohio CIO Forum
    late_networker = false,  -- joined the Forum only once the merger came
    hero = 0,                -- times you did the technical work yourself instead of handing it on
    delegated = 0,           -- times you handed work over and taught someone to carry it
    anil_trained = false,    -- Anil can run the bridge without you
    outage = "",             -- "self", "anil" or "vendor"
    hire = "",               -- "handover", "analyst", "developer", "none"
    spoke_business = false,  -- at the exec table you talked about customers, not machinery
    pitched = "",            -- who pitched the pilot at the exec table: "you" or "rosa"
    change = "",             -- "embraced", "clung" then "blocked" or "late", or "theatre"
    tom = "",                -- "kept" or "moved"
    vacation = "",           -- "off", "off_unready", "checked" or "cancelled"
    always_on = false,       -- no off switch: late emails, holidays on the laptop
    rules = false,           -- published and kept rules of engagement
    marco = "",              -- "visited", "ticket" or "rosa"
    outside_offer = false,   -- Gloria's introduction to Buckeye Health Supply
    plan = "",               -- the integration plan: "customer", "systems" or "team"
    answer = "",             -- the answer to Lena: "business", "tech" or "defer"
  },
  start = "first_day",
  when_stat = { burnout = { at_least = 100, go = "flameout" } },
}

-- Paragraphs joined with blank lines; nil and empty pieces are skipped.
function paras(...)
  local out = {}
  for i = 1, select("#", ...) do
    local p = select(i, ...)
    if p and p ~= "" then out[#out + 1] = p end
  end
  return table.concat(out, "\n\n")
end

-- A line of tiredness that creeps into scenes as burnout climbs.
function tired(g)
  if g.burnout >= 85 then
    return "You have not slept a night through in weeks. Twice this month you have read the "
        .. "same email three times without taking in a word, and Noor has stopped asking what "
        .. "is wrong."
  elseif g.burnout >= 70 then
    return "You are tired in a way a weekend no longer fixes."
  end
  return ""
end

-- Known as the one who does the technical work: the hero too often, the teacher too rarely.
function pigeonholed(g)
  return (g.hero >= 3 and g.delegated <= 1)
      or (g.labelled_tech and g.technical >= 70 and g.acumen < 45)
end

-- How strong your case is when Harbor Lane chooses one head of technology: the stats, and
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
  if g.marco == "visited" then s = s + 4 elseif g.marco == "ticket" then s = s - 5 end
  if g.answer == "business" then s = s + 6
  elseif g.answer == "tech" then s = s - 4
  elseif g.answer == "defer" then s = s - 8 end
  return s
end

-- Where the merger decision sends you.
function merger_outcome(g)
  local s = case_for(g)
  if s >= 68 and not pigeonholed(g) and g.burnout < 85 then
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
