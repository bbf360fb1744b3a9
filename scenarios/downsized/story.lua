-- Downsized: a CIO caught in the 2002 downturn, and the long way back up. Chapter 3 of the
-- campaign (scenarios/career/README.md): CIO of Meridian in Decatur, Alabama since 2000, then
-- Mobile and the Gulf Coast, February 2002 to March 2005.
--
-- Source: seed 000 (a former CIO's account of resigning in an organisational downsizing,
-- losing a job offer in Mobile before starting it, and finding work several rungs down as a
-- network administrator at a small insurer). Every line here is written for the game.
--
-- Files: story.lua (the declaration, helpers, Act I), then act2.lua .. act5.lua and
-- endings.lua, loaded alphabetically into the same sandbox.
--
-- Delayed consequences run through flags: the terms you take in Act I decide your runway in
-- Act III; leaving early (left_early) decides what the withdrawn offer costs, and is paid for
-- again in 2005 (frank_offer, vp_bar in act5.lua), however carefully the years between went;
-- hiding the news (hid_it) comes back at the kitchen table; how you treat people early
-- (told_in_person, runbooks, called_network_early) opens the network route; what you do at
-- Dauphin (dr_plan, wrote_strategy, learned_underwriting, mcse, met_frank) decides the offers
-- of 2005.

story {
  id = "downsized",
  title = "Downsized",
  ask_name = true,
  summary = "2002: the CIO's job is cut, a job offer back home falls through, and the way back "
         .. "up starts several rungs down.",
  author = "The Ladder project",
  content_note = "Job loss, months of unemployment, money trouble and the strain they put on a "
              .. "family; one ending is a collapse from stress.",
  order = 3,
  stats = {
    { id = "burnout", label = "Burnout", start = 30, good = "low",
      description = "How worn down the downturn has left you. At 100 the story ends for you; "
        .. "lower is better." },
    { id = "savings", label = "Savings (months)", start = 6, min = 0, max = 12,
      description = "How many months your family can live on what is in the bank. Higher is "
        .. "better; at 0 the money has run out and the story ends." },
    { id = "relationships", label = "Relationships", start = 45,
      description = "How your family, your old team and your contacts stand with you. Higher is "
        .. "better: the way back to work runs through people." },
    { id = "reputation", label = "Reputation", start = 55,
      description = "What people in the trade say about you. Higher is better: it gets your name "
        .. "passed along and your calls returned." },
    { id = "technical", label = "Technical skill", start = 35,
      description = "How current your hands-on skills are. Higher is better: it decides how a "
        .. "job several rungs down goes." },
    { id = "satisfaction", label = "Job satisfaction", start = 40,
      description = "Whether the work you do now still means something to you. Higher is better." },
  },
  flags = {
    previous_ending = "",       -- set by the campaign: the ending of the previous chapter
    previous_verdict = "",      -- set by the campaign: its verdict (read when no ending is known)
    -- Act I
    team_first = false,         -- you told your team before anyone else did
    read_numbers = false,       -- you read Greg's budget before saying a word
    lorna_reference = false,     -- the CEO will speak for you
    burned_bridge = false,      -- you went over Lorna's head to the board chair
    told_in_person = false,     -- you told the people you cut yourself
    hr_letters = false,         -- HR's formula and a guard by the elevator
    gave_own_job = false,       -- you offered your own salary to save two jobs
    path = "",                  -- "resigned" or "director"
    bigger_package = false,     -- four months' severance instead of three
    -- Act II
    headhunter = false,
    called_network_early = false,
    checked_offer = false,      -- you asked Lonnie how firm Gulf Harbor's budget was
    left_early = false,         -- you left Meridian before the new job started
    moved = false,              -- the family moved to Mobile in May
    contract = false,           -- you took short contract work while you waited
    runbooks = false,
    -- Act III
    hid_it = false,             -- you kept the withdrawn offer from Noor
    widened = false,
    stripped_title = false,     -- "IT Manager" on the résumé
    asked_feedback = false,     -- you asked Randy Teague why
    cashed_401k = false,
    noor_fulltime = false,
    bridge_talk = false,        -- you told Lonnie the job was only a bridge
    declined_dauphin = false,
    hal_filled = false,
    late_start = false,
    -- Act IV
    hired = false,
    wrote_strategy = false,
    traced_it = false,
    rollout = "",               -- "bigbang", "staged" or "imaged"
    learned_underwriting = false,
    trained_bonnie = false,
    dr_plan = "none",           -- "real", "paper" or "none"
    interviewed = false,
    elaine_later = false,
    hands_on_for_good = false,
    -- Act V
    studying = false,
    chamber = false,
    mcse = false,
    met_frank = false,
    ivan = "",                  -- "drove", "plan" or "stayed"
    greg_answered = false,
    new_role = "",              -- "cio" or "vp"
  },
  start = "reorg",
  when_stat = {
    burnout = { at_least = 100, go = "burned_out" },
    savings = { at_most = 0, go = "broke" },
  },
}

-- Join paragraphs, skipping empty ones. Shared by every file of the story.
function paras(...)
  local out = {}
  for i = 1, select("#", ...) do
    local p = select(i, ...)
    if p and p ~= "" then out[#out + 1] = p end
  end
  return table.concat(out, "\n\n")
end

-- "1 month", "4 months": the runway in words.
function months(n)
  return n == 1 and "1 month" or n .. " months"
end

-- How the previous chapter of a campaign (Derailed: Kessler Foodservice, Columbus, Ohio,
-- 1998-99) led to the CIO's office at Meridian in Decatur, Alabama, in 2000. Keyed by the
-- ending reached there; by its verdict when only that is known.
local bridge = {
  cio = "The merged company made you its CIO in the summer of 1999, and was sold again the "
     .. "next spring to a buyer with a CIO of its own. The severance was generous, and Meridian's "
     .. "search firm called the week it was signed: the same title, five hours from your mother.",
  cio_elsewhere = "The CIO's job in Westerville gave you four good months, and in December a "
               .. "national supplier bought the company. When Meridian's search firm called in "
               .. "January 2000 about a CIO's job five hours from your mother, you were ready to "
               .. "go south.",
  plateau = "You stayed a director in Columbus through Y2K, and by then you knew the next rung "
         .. "was not there. Meridian was a smaller company with a bigger title, five hours from "
         .. "your mother. You took it in February 2000.",
  demoted = "You kept Kessler's machine room running through Y2K for a boss ten years younger. In "
         .. "February 2000 Meridian, smaller and hungrier, offered you a CIO's title to go with "
         .. "the hands-on work, and you took it.",
  let_go = "Kessler's sixteen weeks of severance ran out the week before Christmas 1999. In "
        .. "February 2000 Meridian hired you as its CIO: a smaller company than you had hoped "
        .. "for, five hours from your mother.",
  flameout = "After the collapse, and the smaller job Kessler kept for you, you promised Noor "
          .. "a fresh start. In February 2000 it came: CIO of a smaller company in Decatur, "
          .. "Alabama, five hours from your mother.",
  good = "The climb in Columbus worked, and in February 2000 it carried you south to the "
      .. "CIO's office at Meridian, five hours from your mother.",
  mixed = "Columbus left you a director with nowhere to climb. In February 2000 Meridian offered "
       .. "a smaller company and a bigger title, five hours from your mother.",
  bad = "Columbus ended badly, and you remember how quietly it happened. In February 2000 "
     .. "Meridian gave you a second chance and a CIO's title, five hours from your mother.",
}

-- The bridge line for this playthrough, or nil when the story is played alone.
local function bridge_line(g)
  return bridge[g.previous_ending] or bridge[g.previous_verdict]
end

-- The jobs before Meridian, as the previous chapter left them: a CIO's office already held
-- (Kessler after the merger, or Buckeye in Westerville), else a director's job in Columbus.
local function before_meridian(g)
  local docks = "a wiring closet at the Alabama State Docks in Mobile."
  if g.previous_ending == "cio" then
    return "Before that came Kessler in Columbus, director and then CIO, and a supervisor's "
        .. "job in Milwaukee; before any of it, " .. docks
  elseif g.previous_ending == "cio_elsewhere" then
    return "Before that came a CIO's job in Westerville, a director's in Columbus and a "
        .. "supervisor's in Milwaukee; before any of it, " .. docks
  end
  return "Before that came a director's job in Columbus and a supervisor's in Milwaukee, and "
      .. "before any of it " .. docks
end

scene "reorg" {
  chapter = "I. The Reorganisation",
  -- In a campaign, the time between chapters is the campaign's rule (career/story.lua): burnout
  -- recovers, and no chapter opens at or past a threshold.
  text = function(g)
    -- Lorna uses your name when the player gave one (g.named); without one it reads "friend",
    -- which she would not say while cutting your job, so she uses none.
    local name = g.named and ", {player}" or ""
    return paras(bridge_line(g), [[
      Meridian Practice Partners runs the back office for thirty-one physician practices across
      north Alabama, from Florence to Huntsville: the billing, the scheduling, the insurance
      claims that keep doctors paid. You have been its CIO for two years. ]]
      .. before_meridian(g) .. [[ Fourteen people work for you on the third floor of a brick
      building on Sixth Avenue in Decatur.

      On Tuesday, February 12, 2002, Lorna Whitfield, six weeks into the CEO's chair, closes her
      door behind you. Tennessee Valley Health is taking its eleven practices in-house on April
      1: a fifth of Meridian's revenue. Meridian will cut eighteen percent of its people. IT
      loses five of fourteen, and from March 31 it reports to Greg Alcott, the CFO.

      "There won't be a CIO after that]] .. name .. [[," Lorna says. "I wanted you to hear it
      from me, not from Greg."

      She slides a folder across the desk. Greg's numbers are in it, and the terms he has in
      mind for you.
    ]])
  end,
  lesson = "A downsizing is settled by the numbers long before it reaches you. What you still "
        .. "control is how you treat people and what you ask for.",
  discuss = "If your role were cut tomorrow, who would you tell first, and what would you ask "
         .. "for before you signed anything?",
  choice { "Spend the weekend on a counter-plan that keeps IT whole", id = "counter_plan",
           effects = { burnout = 10 }, go = "counterplan",
           lesson = "You fought for the structure with your weekend. It is the reflex that "
                 .. "served you on the way up; in a downsizing the decision is usually made "
                 .. "before you hear of it." },
  choice { "Go down to the third floor and tell your team before the rumour does",
           id = "tell_team", effects = { relationships = 5, reputation = -5 },
           set = { team_first = true }, go = "the_list",
           lesson = "Going to your people first cost you Greg's goodwill, since Lorna had asked "
                 .. "for a quiet week, and was remembered for years. It was the first deposit in "
                 .. "the network you were about to need." },
  choice { "Open the folder and read every line of Greg's numbers before you say a word",
           id = "read_numbers", effects = { relationships = -5 }, set = { read_numbers = true },
           go = "the_list",
           lesson = "Reading the numbers first showed you what was negotiable: Greg's budget had "
                 .. "more room in it than his offer did. Your team heard the news from the "
                 .. "rumour, two days before they heard it from you." },
}

scene "counterplan" {
  text = [[
    You spend Saturday and Sunday in the empty office with a legal pad and the budget file, the
    heat off and your coat on. By Monday morning you have eleven pages: move the help desk's
    night shift to a service in Huntsville, drop forty Lotus Notes licences nobody opens, push
    the practice-management upgrade back a year. It saves $410,000 and keeps every job but two.

    Greg's plan saves $610,000. It went to the board in January.

    Lorna reads all eleven pages while you wait. "This is good work," she says. "It's also six
    weeks late, and it isn't my decision anymore."
  ]],
  lesson = "Fighting for your function is sometimes right. Fighting after the board has settled "
        .. "it spends the energy and goodwill you will need for the search.",
  discuss = "How do you tell whether a decision is still open? What should have told you this "
         .. "one was not?",
  choice { "Thank her, and ask whether she would be a reference", id = "ask_reference",
           effects = { relationships = 5, reputation = 5 }, set = { lorna_reference = true },
           go = "the_list",
           lesson = "The plan did not save the job, but it showed the CEO how you work. A "
                 .. "reference from the person who cut your role carries weight." },
  choice { "Take the plan over her head to the board chair, Dr. Sutton", id = "go_over",
           effects = { reputation = -10, relationships = -5, burnout = 5 },
           set = { burned_bridge = true },
           go = "the_list",
           lesson = "Going over the CEO's head for a title already gone cost you the reference "
                 .. "that would have mattered most. The board chair knew everyone." },
}

scene "the_list" {
  text = function(g)
    local t = [[
      Greg needs five names by Friday. Fourteen people, nine chairs.

      Tasha Greene runs the help desk and knows every practice manager by first name. Owen
      Pike is the only one who understands the billing database. Ruben Salas built the network
      between the clinics, most of it on weekends. Of the other eleven, three have children
      starting college in the fall, and Denise came back from maternity leave on Monday.

      Lynn Carraway in HR has a method ready: last in, first out. Letters handed over at four
      on Friday, badges switched off at five, a security guard by the elevator "as a
      precaution".
    ]]
    local extra
    if g.burned_bridge then
      extra = "Word of your visit to Dr. Sutton reached Greg by Tuesday. His emails to you "
           .. "have Lorna copied on them now."
    elseif g.team_first then
      extra = "Your team already knows. Tasha brought doughnuts on Wednesday and called it a "
           .. "coping mechanism. Nobody has asked you who goes, which is worse."
    end
    return paras(t, extra)
  end,
  lesson = "How a downsizing is carried out is remembered longer than who was cut.",
  discuss = "Would you rather choose who goes yourself, or let a rule decide? What do the people "
         .. "who stay learn from each?",
  choice { "Choose the five yourself, and tell each of them in person", id = "in_person",
           effects = { burnout = 5, relationships = 10 }, set = { told_in_person = true },
           go = "the_terms",
           lesson = "Telling people yourself was the hardest hour of the job, and the people you "
                 .. "told remembered it long after you had left Meridian." },
  choice { "Let HR's formula decide, and sign the letters", id = "hr_formula",
           effects = { relationships = -10, reputation = -5 }, set = { hr_letters = true },
           go = "the_terms",
           lesson = "The formula spared you a hard week. The five who got letters beside a "
                 .. "security guard learned what you were like when it counted, and so did the "
                 .. "nine who stayed, and Decatur is a small town." },
  choice { "Offer your own salary instead: cut the CIO's job now and keep two of them",
           id = "offer_self",
           effects = { relationships = 10, reputation = 5, satisfaction = 5 },
           set = { gave_own_job = true, told_in_person = true }, go = "the_terms",
           lesson = "Giving up your own role to save two jobs was rare and remembered. It also "
                 .. "meant walking into the worst job market in a decade by choice." },
}

scene "the_terms" {
  text = function(g)
    local t
    if g.gave_own_job then
      t = [[
        Greg Alcott's office is two doors from Lorna's and has better light. He lays one sheet
        of paper on the desk: your resignation, effective Friday, June 28. You stay until then
        to hand the systems over, and you leave with three months' pay.

        "You offered," he says, not unkindly. "The board liked it. Frankly, so did I. Three
        names instead of five." You told the three yourself on Thursday. Denise stays.
      ]]
    else
      t = [[
        Greg Alcott's office is two doors from Lorna's and has better light. He lays two sheets
        of paper side by side.

        The first: Director of Information Systems, reporting to him, salary cut by eighteen
        percent. "You'd run IT as a cost centre," he says. "Which is what it is now."

        The second: your resignation, effective Friday, June 28. You stay until then to hand
        the systems over, and you leave with three months' pay.

        "Take the weekend," he says.
      ]]
    end
    local extra
    if g.read_numbers then
      extra = "You read the folder on Tuesday night, every line. The severance reserve in "
           .. "Greg's budget was built for four months, not three."
    end
    return paras(t, extra)
  end,
  lesson = "Downsizing terms are written to be accepted. Which one you take sets the runway "
        .. "for everything that follows.",
  discuss = "Would you rather look for work from a demoted job or from a clean resignation with "
         .. "an end date? What does each tell an interviewer?",
  choice { "Resign: hand over properly through June 28, and take the three months",
           id = "resign", effects = { satisfaction = 5 }, set = { path = "resigned" },
           go = "first_calls",
           lesson = "Resigning with a package and a fixed end date turned the cut into a "
                 .. "runway. You did not yet know how easily a runway is spent." },
  choice { "Resign, and ask for the four months his own budget allows", id = "resign_four",
           when = function(g) return g.read_numbers end,
           effects = { satisfaction = 5, reputation = 5 },
           set = { path = "resigned", bigger_package = true }, go = "first_calls",
           lesson = "Reading the numbers bought you a month of searching. Terms in a downsizing "
                 .. "are more negotiable than the first sheet of paper suggests." },
  choice { "Take the director's job, and look for work from a desk you still have",
           id = "take_director",
           when = function(g) return not g.gave_own_job end,
           effects = { satisfaction = -10, reputation = -5 }, set = { path = "director" },
           go = "first_calls",
           lesson = "Keeping a paycheck while you look is prudent. Reporting to the man who took "
                 .. "your title, for less money, wears on you every day you stay." },
}
