-- The Outage: Ladder's demo story, and the living example of the scenario API.
-- Every feature of the API is used at least once; scenarios/README.md explains each of them.
--
-- A story folder runs story.lua first, then its other *.lua files in alphabetical order, all in
-- one sandbox. This file declares the story and Friday evening; night.lua holds the night,
-- Monday and the three endings. Globals defined here (clock, below) are visible there.

story {
  id = "demo",
  title = "The Outage",
  ask_name = true,
  summary = "Payroll fails at 18:38 on the Friday before payday. One night, four ways to answer.",
  author = "The Ladder project",
  content_note = "Overwork and exhaustion at work; one ending is a collapse at the office.",
  order = 0,
  -- Array form: the stats are shown in this order.
  stats = {
    { id = "burnout", label = "Burnout", start = 40, min = 0, max = 100, good = "low",
      description = "How worn down you are tonight. At 100 you are done, and so is the night; "
        .. "lower is better." },
    { id = "trust", label = "Team trust", start = 50,
      description = "How much your team believes you have their backs. Higher is better: a team "
        .. "that trusts you is still beside you at dawn." }, -- good = "high", 0..100 by default
    { id = "standing", label = "Standing with the business", start = 40, good = "high",
      description = "What the business thinks of IT after tonight. Higher is better: it decides "
        .. "whether anyone listens to you on Monday." },
    { id = "hours_left", label = "Hours to the bank cutoff", start = 11, min = 0, max = 12,
      good = "neutral", description = "Hours until the bank stops taking Saturday's payroll "
        .. "file. Neither good nor bad: it runs down whatever you do, and at 0 the file has "
        .. "missed the bank." }, -- time passes whatever you do: no colour either way
    -- hidden = true: the player never sees it during the night; the ending, the debrief and
    -- explore show it. It decides Dolores's Monday email and whether she wants you in payroll.
    { id = "faith", label = "Dolores's faith in you", start = 50, hidden = true,
      description = "How much Dolores in payroll still believes in you. Higher is better; you "
        .. "only learn on Monday what she does with it." },
  },
  -- Declared flags and their starting values. Two more flags, `checked` and `sent_ticket`, are
  -- not declared here: they appear in static `set` tables, which declares them (starting false).
  flags = {
    told_dolores = false, -- you have talked to the payroll manager
    called_vendor = false,
    delegated = false,    -- Priya leads the fix
    pay_errors = false,   -- the file that went to the bank was wrong
    plan = "none",        -- "keyboard", "priya", "patch", "vendor", "fallback" or "solo"
    fixer = "nobody",     -- who applied the fix; shown in the job log
  },
  start = "page",
  when_stat = {
    burnout = { at_least = 100, go = "off_the_rails" },
    hours_left = { { at_most = 0, go = "off_the_rails" } }, -- list form: several rules per stat
  },
}

-- A helper shared by both files: the time of night, worked out from the hours left before the
-- bank's 06:00 cutoff.
function clock(g)
  return string.format("%02d:00", (30 - g.hours_left) % 24)
end

scene "page" {
  chapter = "Friday evening",
  text = [[
    Your coat is already on. The third floor of Gulfline Freight's Conti Street office in Mobile
    has emptied out, and *Maya's recital* starts at 19:30 across town. Then your phone buzzes.

    | From: paytrack-monitor@gulfline.local
    | Subject: **FAILED** PAYCALC job 4471, pay period 14
    | {{"step": 3, "of": 5, "error": "deadlock", "table": "EARN_DETAIL"}}

    Monday is payday for 412 people: drivers, dock crews, dispatchers, the office. The
    direct-deposit file must reach First Gulf Bank by 06:00 tomorrow. That leaves {hours_left}
    hours, {player}, and you are the last person from IT in the building.
  ]],
  lesson = "The first move in an incident decides who carries the night. Fixing, delegating, "
        .. "escalating and asking the business are all defensible; doing only one of them rarely is.",
  discuss = "Which first move would you make, and what would it cost the people at home and on "
         .. "your team?",
  -- the scene's advice: one sentence the end-of-run recap shows beside the choice taken
  advice = "Before anyone touches the system, find out from the business what it can live with.",
  -- advice: what the management writing this story draws on says about each first move; the
  -- debrief shows it next to the choice made.
  choice { "Take your coat off and fix it yourself", id = "fix_it_yourself",
           effects = { burnout = 10 }, go = "solo", advice = "against",
           lesson = "You were the best engineer in the building. You are also the only manager, "
                 .. "and nobody else was making the manager's calls while you typed." },
  choice { "Call Priya and Marcus back in", id = "call_team",
           effects = { burnout = 5 }, go = "huddle" },
  choice { "Open a priority-one ticket with Norrland, the vendor", id = "call_vendor",
           set = { called_vendor = true }, go = "vendor_queue",
           -- a reply: shown right after the choice, before the next scene
           reply = "The portal takes the ticket at once and gives you a number. *Nobody* calls." },
  choice { "Phone Dolores in payroll before touching anything", id = "phone_dolores",
           effects = { faith = 15 }, -- hidden: no changes line shows it
           go = "dolores", advice = "follows",
           lesson = "Asking the business what it can live with, before touching the system, is "
                 .. "the move technical managers skip most often." },
}

scene "dolores" {
  set = { told_dolores = true },   -- arrival: applied each time the scene is entered
  effects = { standing = 10 },
  text = function(g)
    local t = [[
      Dolores Greer has run payroll at Gulfline for twenty-two years. She answers from the
      bleachers of her grandson's ball game in Daphne and lets you finish before she speaks.

      "I don't need to know what a deadlock is. I need to know whether Darnell on the night dock
      can pay his rent on Monday." Then she hands you something no runbook has. "Worst case, send
      last period's file. The 368 on fixed pay get exactly the right money. The 44 hourly people
      get last period's hours, and I square them up with off-cycle checks on Wednesday. Ugly, but
      nobody bounces a payment."
    ]]
    if g.decisions == 0 then
      t = t .. "\n\nShe sounds almost surprised. \"You called *before* you touched it. Good.\""
    end
    if g.delegated then
      t = t .. "\n\nShe can hear Priya's voice behind you. \"Sounds like the right person is on it."
            .. " When will you know? Call me then, whatever the hour.\""
    else
      t = t .. "\n\n\"So. When will you know whether you can fix it properly? Call me then, "
            .. "whatever the hour.\""
    end
    return t
  end,
  lesson = "The people who own the outcome often know a fallback IT never thought of. You only "
        .. "hear it if you leave the ticket queue and ask.",
  discuss = "Who is your Dolores: the person who knows what the business can live with when your "
         .. "system fails? When did you last talk to them?",
  choice { "Send last period's file now, and catch the end of the recital", id = "send_last_period",
           effects = { burnout = -10, hours_left = -1 },
           set = { plan = "fallback", checked = true }, go = "monday",
           lesson = "The fallback protected every paycheck and your evening. It also left the "
                 .. "cause in place for next Friday, and your team never heard about it." },
  -- Choice text as a function: it needs an explicit id.
  choice { id = "promise_0200",
           text = function(g)
             if g.delegated then
               return "Tell her Priya is on the fix, and promise an answer by 02:00"
             end
             return "Promise her an answer by 02:00, and call Priya and Marcus in"
           end,
           effects = { standing = 5 },
           go = function(g) return g.delegated and "cutoff" or "huddle" end },
  choice { "Tell her you will handle it yourself tonight", id = "handle_alone",
           when = function(g) return not g.delegated end,
           -- shown locked, with this reason, when `when` is false
           show_locked = "Priya is already on the fix",
           effects = { burnout = 5 }, go = "solo" },
}

scene "solo" {
  effects = { burnout = 10, hours_left = -2 },  -- arrival effects: the cost of the evening
  text = function(g)
    if g:visited("solo") > 1 then
      return "Back at your desk by " .. clock(g) .. [[. Dolores's fallback sits at the back of
        your mind like a spare tire, and the lock on EARN_DETAIL has not moved.

        | Jo, 22:48: we're home. she fell asleep in the car still holding the program
      ]]
    end
    local t = "By " .. clock(g) .. [[ you have the PAYCALC trace open in three windows. The lock
      on EARN_DETAIL belongs to session 212: the new timesheet import Marcus scheduled on
      Thursday. It fires at 18:30 on Fridays and never lets go. Kill it and the calculation runs,
      but the 44 hourly dock workers' hours are half loaded, and loading them properly means
      hand-editing tables you have not touched in three years.

      | Jo, 19:52: she keeps looking at the door. saved you a seat
      | Jo, 20:31: she did the solo part. not one wobble
    ]]
    if g.told_dolores then
      t = t .. "\n\nDolores's fallback sits at the back of your mind like a spare tire."
    end
    return t
  end,
  lesson = "Being the one who can fix it is flattering. A leader who is always the fixer has no "
        .. "off switch and nobody ready to take over.",
  discuss = "When did you last take the keyboard in an emergency? What did nobody do while you had it?",
  choice { "Keep digging: you can see the shape of it now", id = "keep_digging",
           effects = { burnout = 10 }, go = "deep_night",
           lesson = "Each hour alone felt like progress. Tiredness was the one thing adding up." },
  choice { "Swallow your pride and call Priya", id = "call_priya",
           effects = { trust = 5 }, go = "huddle" },
  choice { "Log a priority-one ticket with Norrland", id = "log_ticket",
           when = function(g) return not g.called_vendor end,
           set = { called_vendor = true }, go = "vendor_queue" },
  choice { "Call Dolores and ask what payroll can live with", id = "ask_dolores",
           when = function(g) return not g.told_dolores end, go = "dolores" },
}

scene "huddle" {
  effects = { hours_left = -1 },
  text = function(g)
    local t = "Priya Nair drives in from Fairhope in thirty-five minutes. Marcus Bell is ten "
           .. "behind her, still in his softball jersey."
    if g:visited("solo") > 0 then
      t = t .. " Priya scrolls through your two hours of notes and says nothing about them."
            .. " She finds the lock in four minutes."
    else
      t = t .. " It takes Priya twenty minutes to find the lock."
    end
    return t .. "\n\n" .. [[
      It is Marcus's new timesheet import, scheduled on Thursday, holding EARN_DETAIL while the
      calculation waits for it. Marcus goes grey.

      There are two ways out. Priya's: stop the import, load the 44 hourly rows by hand, rerun
      the calculation. Slow and safe, about three hours. Marcus's: patch the calculation to skip
      locked rows. Forty minutes, never tested, and he badly wants to make this right.
    ]]
  end,
  lesson = "Delegating during an incident is not abdication. Someone has to fix the system, and "
        .. "someone has to look after the people it fails.",
  discuss = "What would Priya need from you to lead a fix like this without you in the room?",
  advice = "Give the fix to the people who know the system, and spend yourself on the people "
        .. "it fails.",
  -- "+20%": fairmath, a fifth of the way to full trust; the more Priya already trusts you, the
  -- less handing her the fix adds (50 gives 60, 55 gives 64)
  choice { "Let Priya lead the fix, and go look after the people it hits", id = "let_priya_lead",
           effects = { trust = "+20%", burnout = -5 }, advice = "follows",
           set = { delegated = true, plan = "priya" },
           go = function(g) return g.told_dolores and "cutoff" or "dolores" end,
           lesson = "Handing over the keyboard let Priya do her best work and freed you for the "
                 .. "conversation only a manager could have." },
  choice { "Let Marcus try his patch: it is faster", id = "try_patch",
           effects = { trust = 5 }, set = { plan = "patch" },
           -- a coin weighted 60/40: the patch runs, or it deadlocks from the other side
           go = function(g) return g:chance(0.6) and "cutoff" or "deep_night" end,
           lesson = "Letting Marcus repair his own mistake built his confidence. An untested "
                 .. "change to payroll, at night, was a bet made with other people's rent." },
  choice { "Take the keyboard: you will be faster yourself", id = "take_keyboard",
           effects = { trust = -15, burnout = 10 }, set = { plan = "keyboard" }, go = "deep_night",
           advice = "against",
           lesson = "Taking the work back from your own experts tells them what you think of "
                 .. "them. It also keeps you the technician, never the leader." },
}

scene "vendor_queue" {
  effects = { burnout = 5, hours_left = -2 },
  text = [[
    Gulfline pays Norrland Systems $61,000 a year for Gold support. Their portal answers at once:

    | Ticket NS-88213, Priority 1, PayTrack
    | Status: awaiting assignment
    | First response target: 4 business hours

    The support line plays a string quartet for forty minutes. Somewhere in the third repeat it
    comes to you that your own help desk promises the same four hours, and that you wrote that
    promise. Right now a dock supervisor is probably waiting in your queue the way you wait in theirs.
  ]],
  lesson = "Calling the vendor is sensible; leaving the outcome to their queue is not. You "
        .. "learn how your own users feel about a ticket number.",
  discuss = "How long do people wait in your queue when it matters to them? Have you ever sat "
         .. "with them while they waited?",
  choice { "Keep holding: Gold support has to mean something", id = "keep_holding",
           set = { plan = "vendor" },
           go = function(g) return g:chance(0.5) and "cutoff" or "deep_night" end,
           lesson = "A contract buys a place in a queue, not an engineer at 21:00 on a Friday." },
  choice { "Call Priya while the ticket sits", id = "priya_while_waiting",
           effects = { trust = 5 }, go = "huddle" },
  choice { "Call Dolores: payroll should hear it from you, not from the bank", id = "tell_dolores",
           when = function(g) return not g.told_dolores end, go = "dolores" },
}
