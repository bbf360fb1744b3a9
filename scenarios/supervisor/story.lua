-- The Reluctant Supervisor: Ladder's first story, and the first chapter of the campaign
-- (autumn 1995 to summer 1996, Milwaukee). A strong engineer, promoted eight months ago when the
-- old boss was fired, runs the best team in the building and dreads every day of it. Source: Joan Lloyd's column on choosing between a
-- technical specialty and managing (seeds/002). All prose is original.
--
-- Files: story.lua (declaration, helpers, prologue and October), then in alphabetical order
-- december.lua (the two roads, the conversation, the holiday peak), endings.lua,
-- november.lua (Pete, the four questions, the side door, the resignation letter) and
-- winter.lua (the handover, the interview, the rotation, the long winter).

story {
  id = "supervisor",
  title = "The Reluctant Supervisor",
  ask_name = true,
  summary = "Eight months ago they made you the boss. The team has never been better, and you want your old job back.",
  author = "The Ladder project",
  content_note = "Workplace stress and burnout; one ending is a breakdown from overwork, another is quitting with no job lined up.",
  order = 1,
  stats = {
    { id = "burnout", label = "Burnout", start = 25, good = "low",
      description = "How worn down the job has left you. At 100 the story ends for you; lower is "
        .. "better." },
    { id = "satisfaction", label = "Job satisfaction", start = 35,
      description = "Whether the work still means anything to you. Higher is better; let it sink "
        .. "and staying in the job wears you out or sends you out the door." },
    { id = "technical", label = "Technical skill", start = 65,
      description = "How sharp your engineering still is after months of managing. Higher is "
        .. "better: it decides whether you can go back to the bench, here or elsewhere." },
    { id = "relationships", label = "Relationships", start = 45,
      description = "How your team and the people around you stand with you. Higher is better: "
        .. "it decides who helps when you try to step down." },
    { id = "reputation", label = "Reputation", start = 60,
      description = "What the building thinks of you as a supervisor. Higher is better, though "
        .. "past a point Dana values you too much to let you go quickly." },
    { id = "acumen", label = "Business acumen", start = 30,
      description = "How well you understand the business and what you are worth to it. Higher "
        .. "is better: it lets you negotiate your next job instead of taking it." },
  },
  flags = {
    previous_verdict = "", -- set by the campaign; this story is always its first chapter
    previous_ending = "",  -- likewise; nothing reads it (there is no chapter before this one)
    -- February and spring
    acting = false,        -- you took the job as a trial ("acting supervisor")
    knew_glen = false,     -- you asked why Glen failed
    cross_trained = false, -- you taught Ruth and Marco the Bridge
    kept_bridge = false,   -- you kept the Bridge to yourself
    -- October
    took_keyboard = false, -- you took the Harcourt fix from Marco
    coached_marco = false, -- you coached him through it
    named_it = false,      -- you said out loud what you want
    -- November
    pete = "",             -- "plan", "covered" or "hr"
    cares_title = false,
    ruth_on_marco = false, -- Ruth told you what Marco needs
    took_course = false,   -- evenings at MATC
    learned_all = false,   -- the old job has nothing left to teach you
    wants_rewrite = false, -- the Bridge rewrite is what you would go back for
    knows_rotation = false,
    sam_contact = false,   -- you answered Sam's message
    knows_worth = false,
    last_q = "",           -- the scene you last came back to the agenda from (its margin note)
    -- December onwards
    path = "",             -- "internal", "corvane", "rotation", "internship", "endure"
    applied = false,       -- you asked Sam for a Corvane interview
    heard_truth = false,   -- Sam told you how the move reads from outside
    straight = false,      -- you went to Dana without looking outside first
    talked = false,        -- you told Dana plainly
    plan_on_paper = false, -- and brought a written transition plan
    ultimatum = false,
    hedged = false,
    told_dana = false,     -- Dana knows about Corvane
    skipped_talk = false,
    late_talk = false,     -- the conversation came after the winter
    taught_bridge = false, -- you talked Marco through the peak outage
    successor = "",        -- "marco", "ruth" or "external"
    successor_ready = false,
    negotiated = false,    -- you negotiated the Corvane offer
    told_story = false,    -- you told your own story of the move back
    told_truth = false,
    lied = false,
    badmouthed = false,
    quit = false,
    called_dana = false,   -- after quitting, you called Dana to ask for the door back
    took_more = false,     -- you took the Service Desk as well
    rotation_kind = "",    -- "rotation" or "internship"
    asked_transfer = false, -- you asked to make the move permanent
  },
  start = "february",
  when_stat = {
    burnout = { at_least = 100, go = "running_empty" },
  },
}

-- Helpers shared by every file of the story (globals in the story's sandbox).

-- The name of the successor you chose.
function successor_name(g)
  if g.successor == "marco" then return "Marco" end
  if g.successor == "ruth" then return "Ruth" end
  if g.successor == "external" then return "Curtis" end
  return "your successor"
end

-- The month you would be back at the work if you agreed to it now: the winter pushes it back,
-- and so does being too good at the job (a reputation this high is leverage in a negotiation,
-- and the best reason Dana has to keep you where you are).
function back_month(g)
  if g:visited("endure_winter") > 0 or too_valued(g) then return "June" end
  return "April"
end

-- Whether Dana values you too much as supervisor to let you go quickly.
function too_valued(g)
  return g.reputation >= 75
end

-- Where a chosen road goes once the holiday peak is behind you.
function after_peak(g)
  local p = g.path
  if p == "internal" then
    if g:visited("successor") == 0 then return "successor" end
    return "handover"
  elseif p == "rotation" or p == "internship" then
    return "rotation"
  elseif p == "corvane" then
    if g:visited("interview") == 0 then return "interview" end
    return "endure_winter"
  end
  -- "endure", or no decision at all
  if g:visited("endure_winter") == 0 then return "endure_winter" end
  if g:visited("march_review") == 0 then return "march_review" end
  return stay_end(g)
end

-- Staying in the job ends in Steady Hands only if you still care about it a little (the
-- question the article asks of staying: will the career stall here, and do you care?). With job
-- satisfaction this low the dread does not settle: it wears you down, or, with strength left,
-- you walk out with nothing lined up.
function stay_end(g)
  if g.satisfaction <= 30 and g.burnout >= 85 then return "running_empty" end
  if g.satisfaction <= 20 then
    if g.burnout >= 75 then return "running_empty" end
    return "burned_bridges"
  end
  return "steady_hands"
end

-- Every road passes the holiday peak once; after that, the road decides.
function onward(g)
  if g:visited("peak") == 0 and not g.quit then return "peak" end
  return after_peak(g)
end

-- Joins the non-empty pieces of a text with blank lines (new paragraphs).
function paras(...)
  local out = {}
  for _, p in ipairs({ ... }) do
    if p and p ~= "" then out[#out + 1] = p end
  end
  return table.concat(out, "\n\n")
end

scene "february" {
  chapter = "Prologue: February 1995",
  text = function(g)
    -- Dana calls you by name when the player gave one (g.named). Without one the name reads
    -- "friend", which she would never call her own engineer: then she uses none.
    local name = g.named and ", {player}" or ""
    return [[
    Glen Hadley's badge stopped working at 8:05 on a Monday in February. By nine his office on
    the fourth floor of Brandt & Voss Supply was two banker's boxes by the elevator. By ten Dana
    Ferraro, Director of IT Applications, had shut her door with you on the inside of it.

    "Five people, the Bridge, and every order feed this company runs," she says. "Ruth has
    turned it down twice. Marco is two years too green. You built half of what that team
    looks after]] .. name .. [[. Will you hold it together?"

    You wrote the Bridge six years ago: the program on the AS/400 that takes nine thousand
    orders a day from customers' EDI mailboxes, books them into the order system and sends the
    pick lists to the warehouse in Menomonee Falls. Nobody has ever asked you to hold anything
    together except code. The raise is eleven percent. The word *supervisor*, you notice,
    sounds rather good in Dana's mouth.
  ]]
  end,
  lesson = "A promotion made because someone was fired is an emergency measure. How you accept "
        .. "it decides how easily it can be undone.",
  discuss = "Have you, or someone you know, been promoted because there was nobody else? Did "
         .. "anyone ask whether the job fit?",
  choice { "Say yes before she has finished asking", id = "yes_now",
           effects = { reputation = 5, satisfaction = 5 }, go = "spring",
           lesson = "Being asked felt like proof. Being good at the work is why you were asked; "
                 .. "it says nothing about whether you will like leading it." },
  choice { "Say yes, as *acting* supervisor until you both see whether it fits",
           id = "yes_acting", effects = { reputation = -3 }, set = { acting = true },
           go = "spring",
           lesson = "Calling it a trial made you look a little less sure in February, and it "
                 .. "left a door open for an honest conversation later." },
  choice { "Ask what went wrong with Glen before you answer", id = "ask_glen",
           effects = { acumen = 5, relationships = -2 }, set = { knew_glen = true },
           go = "spring",
           lesson = "Dana wanted a yes, not a question, and it showed. Asking why the last person "
                 .. "failed is still how you learn a job before you take it." },
}

scene "spring" {
  chapter = "March to June: The Good Months",
  advice = "If you may one day want to hand the job back, build a team that can run without you.",
  text = function(g)
    local glen = ""
    if g.knew_glen then
      glen = "Dana's answer from February stays with you: *Glen was the best engineer I ever "
          .. "hired, and he never once stopped being one.*"
    end
    return paras([[
      At first it is fun. On the bus home that first night you promise yourself three things:
      you will tell people how they are doing, you will never decide in the hallway what
      belongs in a meeting, and you will not hide in the code the way Glen did.

      The team notices. Keisha Holloway says it is the first one-on-one she has had in two
      years. Marco Reyes starts bringing you designs instead of excuses. Anjali Rao, hired in May
      into your old senior engineer seat, fixes a mapping bug on her third day that you had lived
      with for a year, and you are only a little jealous.
    ]], glen, [[
      That leaves the Bridge: its job streams, its moods, the 3 a.m. abends that only you have
      ever fixed. In June, Dana asks how you mean to handle it now that you manage the people
      around it.
    ]])
  end,
  lesson = "What you keep for yourself when you become the boss decides who can cover for you, "
        .. "and whether you can ever leave.",
  discuss = "What do you hold on to at work because it is the part you enjoy? Who would be stuck "
         .. "if you were gone tomorrow?",
  choice { "Keep the Bridge yourself: you are faster, and it is the best part of your week",
           id = "keep_bridge", advice = "against",
           effects = { technical = 5, satisfaction = 5, burnout = 5 },
           set = { kept_bridge = true }, go = "monday",
           lesson = "Keeping the best technical work felt like a reward. It made you the single "
                 .. "point of failure: Glen's mistake, with better manners." },
  choice { "Hold design reviews every Thursday, and pair Ruth and Marco on the Bridge until they can run it without you",
           id = "share_bridge", advice = "follows",
           effects = { relationships = 6, technical = -3, burnout = 3, satisfaction = -3 },
           set = { cross_trained = true }, go = "monday",
           lesson = "Teaching others the system you built took time you would rather have spent "
                 .. "building. It is also the only way you will ever be free of it." },
  choice { "Take every meeting yourself, so the team can work in peace", id = "shield_team",
           effects = { reputation = 5, acumen = 5, relationships = 3, burnout = 8, technical = -3 },
           go = "monday",
           lesson = "Shielding the team earned thanks and taught you how the business runs. It "
                 .. "also filled your week with the work you liked least." },
}

scene "monday" {
  chapter = "October: Eight Months In",
  text = [[
    Monday, October 16, 7:40. The quarterly report is on your desk before your coat is off.

    | Integration team, third quarter
    | Order feeds on time: 99.6% (a year ago: 96.1%)
    | Severity-one incidents: 0 (a year ago: 7)
    | Projects delivered: 11 of 11

    Dana sent it to the CIO with one line: *This is what a team looks like when somebody leads
    it.* Three people have congratulated you in the elevator since Friday.

    Today holds six one-on-ones, a budget variance review, a vendor call and a meeting about
    the meeting schedule. On your chair sits a listing in green-bar paper, 412 lines with
    Anjali's notes in the margin: her rework of the Bridge's retry logic for warehouse
    acknowledgements, left for your review. Looking at it, you feel something you have not
    felt all week. You want it. Not the review: the work.

    The team has never been better, and you dread every single day of leading it.
  ]],
  lesson = "Good results and a good fit are different things, and a quarterly report only "
        .. "measures the first.",
  discuss = "If your results were excellent and you still dreaded Mondays, would you tell "
         .. "anyone? Who?",
  choice { "Review Anjali's change line by line before anyone else gets in", id = "review_pr",
           effects = { technical = 3, satisfaction = 5, burnout = 5 }, go = "harcourt",
           lesson = "The hour in the code was the best of your day. It came from the hours you "
                 .. "needed for everything else." },
  choice { "Do the budget variance first: the CIO reads that one", id = "budget_first",
           effects = { acumen = 5, reputation = 3, satisfaction = -5, technical = -2 }, go = "harcourt",
           lesson = "Learning how the budget works is part of the job. Doing it well did not "
                 .. "make you like it." },
  choice { "Take Ruth for coffee and ask how the team is really doing", id = "coffee_ruth",
           effects = { relationships = 4, burnout = -3, satisfaction = -2 }, go = "harcourt",
           lesson = "Half an hour of listening told you more about the team than the report. "
                 .. "Anjali's change went to Ruth for review, and you minded more than you "
                 .. "expected." },
}

scene "harcourt" {
  text = [[
    At 2:10 Marco appears in your doorway with the look. Harcourt Foods, your biggest grocery
    customer, opened eleven new stores this month and numbered them from 10001. The Bridge
    keeps store numbers in four characters. Since noon it has cut *10004* down to *1000*,
    and 340 orders for a new store in Kenosha are sitting on a loading dock in Menomonee
    Falls addressed to one that closed in 1991. Harcourt's buyer has already called Dana.

    Marco has the program listing open. He is close; you can tell. You can also tell that you
    would have it fixed in twenty minutes, and that you would enjoy every one of them.

    The budget review with Dana and Finance starts at 2:30. It is the meeting where next year's
    headcount gets decided.
  ]],
  lesson = "What you miss shows in what your hands reach for when a problem walks in.",
  discuss = "When a problem you could solve lands on someone who reports to you, what do you do "
         .. "with your hands?",
  choice { "Pull up a chair and take the keyboard", id = "take_keyboard",
           effects = { satisfaction = 8, technical = 3, relationships = -5, burnout = 5 },
           set = { took_keyboard = true }, go = "evening",
           lesson = "Those twenty minutes were the best of your month. Marco learned that when it "
                 .. "counts, you take over." },
  choice { "Sit beside Marco and ask questions until he finds it himself", id = "coach_marco",
           effects = { relationships = 4, satisfaction = 2, burnout = 3, reputation = -2 },
           set = { coached_marco = true }, go = "evening",
           reply = "At 2:48 Marco finds the four-character field himself and says a word you "
                .. "pretend not to hear. Watching him find it is better than you expected. You "
                .. "walk into the budget review eighteen minutes late.",
           lesson = "Coaching is slower than doing, and you walked into the budget review late. "
                 .. "That afternoon it was the one thing only the supervisor could do." },
  choice { "Tell Marco he has it, and go to the budget meeting", id = "go_budget",
           effects = { acumen = 8, reputation = 3, satisfaction = -5, technical = -2 }, go = "evening",
           lesson = "Headcount is decided in rooms like that one. You learned how the company "
                 .. "weighs your team, and enjoyed none of it." },
}

scene "evening" {
  advice = "Be honest with yourself first: say what you love doing and what you do not.",
  text = function(g)
    local mood
    if g.satisfaction >= 50 then
      mood = "You have had good days lately, in the code, mostly. It has not helped as much as "
          .. "it should."
    else
      mood = "You cannot remember the last day at work you enjoyed from start to finish."
    end
    return paras([[
      Noor finds you at the kitchen table at 10:40, the team's schedule spread out in front of
      you, a beer going warm. Kayla has been asleep since nine, with the hall light on.

      "You've been grinding your teeth since August," Noor says. "The team is doing great. So
      what is it?"
    ]], mood, [[
      You have never said it aloud. You try: you used to solve the problem. Now you solve other
      people's calendars. You approve their solutions, and the best part of your day is the ten
      minutes you steal to read their code.

      She waits. She is very good at waiting.
    ]])
  end,
  lesson = "A feeling you never put into words cannot be acted on.",
  discuss = "What does the work you miss give you that the job you have does not?",
  choice { "Tell her every new supervisor feels this way in month eight", id = "its_a_phase",
           advice = "against",
           effects = { burnout = 5, satisfaction = -5 }, go = "pete",
           lesson = "Calling it a phase put the question off and kept the cost running." },
  choice { "Say the whole thing: you do not want to manage, you want to build", id = "say_it",
           advice = "follows",
           effects = { burnout = -5, satisfaction = -3 }, set = { named_it = true }, go = "pete",
           reply = "It comes out in the wrong order, and it is a relief. Noor hears all of it, then "
                .. "asks the question you hoped she would not: \"So what are you going to do about "
                .. "it?\" From tomorrow, every meeting is one you know you do not want.",
           lesson = "Saying it to one person turned a mood into a fact you could act on, and "
                 .. "one you could no longer pretend away." },
  choice { "Go up to the spare room, dial in to the AS/400 and work on the Bridge until one in the morning",
           id = "night_code", advice = "against",
           effects = { technical = 5, satisfaction = 5, burnout = 10 }, go = "pete",
           lesson = "Coding at night fed the part of you the job starves, and paid for it with "
                 .. "sleep you did not have." },
}
