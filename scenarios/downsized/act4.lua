-- Act IV: network administrator at Dauphin Mutual. The server, the migrations, SQL Server
-- 2000, the rating system for agents, a help desk of one for two hundred agents, the policies
-- and the disaster plan, and the first pull back towards management.

scene "first_day" {
  chapter = "IV. Back at the Keyboard",
  effects = { burnout = -20, satisfaction = 15 },   -- a paycheck, and a list of real work
  set = { hired = true },
  text = function(g)
    local date = "Monday, October 28, 2002."
    if g.late_start then
      date = "Monday, January 6, 2003."
    elseif g:visited("cold_start") > 0 then
      date = "Monday, November 11, 2002."
    end
    return date .. [[ Your office at Dauphin Mutual is the room in front of the server closet:
      a desk, a UPS that beeps whenever someone runs the break-room microwave, and a Dell
      PowerEdge 2650 in three boxes. Bonnie Castille, the office manager, gives you a ring of
      eleven keys, none of them labelled.

      Hal's list is on a legal pad:

      | 1. New server
      | 2. Everybody on the same Windows
      | 3. Our own email
      | 4. Rating program for the agents (see Tamika)
      | 5. Policies. Disaster plan. (Marjorie asks every May.)

      It is the first list in years with nothing on it you could hand to someone else.
    ]] .. (g.moved and "" or [[


      Noor and Kayla stay in Decatur until the house sells and the semester ends. You sleep in
      your old room at your mother's on Dauphin Island Parkway, and drive north most Friday
      nights.
    ]])
  end,
  lesson = "Starting several rungs down is only a loss if you keep measuring yourself against "
        .. "the rung you left.",
  discuss = "Faced with Hal's list, where would you start, and why there?",
  choice { "Open the boxes and start building", id = "unbox",
           effects = { technical = 5, satisfaction = 5 }, go = "server_night",
           lesson = "Going straight at the work was what Hal had hired you for, and the first "
                 .. "thing in years that felt like yours." },
  choice { "Write Hal a three-year IT plan first, the way you would have at Meridian",
           id = "write_plan", effects = { reputation = 5, satisfaction = -5, burnout = 5 },
           set = { wrote_strategy = true }, go = "server_night",
           lesson = "The plan was good and a week too early for Hal. It went into his desk "
                 .. "drawer, where plans go to wait for the person above the reader." },
}

scene "server_night" {
  text = function(g)
    local late
    if g.wrote_strategy then
      late = "You are a week behind Hal's hopes, because of the plan. He read the first page "
          .. "and put it in his desk drawer."
    end
    return paras(late, [[
      Friday night, the building empty by half past five. You unpack the PowerEdge on the
      break-room table, slide in the drives, and build the RAID array on its controller.
      Windows 2000 Server goes on from CD. The network card's driver is not on the CD, so you
      download it over the old NT box's modem: twenty minutes for two megabytes.

      By eleven you are drawing the directory on the break-room whiteboard. One domain,
      dauphin.local. Sites for the Montgomery and Gulfport offices. Groups for underwriting,
      claims and the agents. Nobody has asked you to decide anything this exact in years, and
      it feels like stretching a muscle you had forgotten you had.
    ]])
  end,
  lesson = "The joy of building the machine yourself is real, and it does not need an "
        .. "all-nighter to count.",
  discuss = "When did you last build or fix something with your own hands at work? What did it "
         .. "give you that managing does not?",
  choice { "Stay and finish: promote the domain controller before you sleep",
           id = "finish_tonight", effects = { burnout = 10, technical = 10, satisfaction = 10 },
           go = "slow_quotes",
           lesson = "Finishing at three in the morning was a pleasure, and the kind of pleasure "
                 .. "that quietly adds up against your health." },
  choice { "Go home at midnight, and finish it Saturday afternoon", id = "finish_saturday",
           effects = { burnout = -5, technical = 5, satisfaction = 5 }, go = "slow_quotes",
           lesson = "Stopping while it was still fun kept it fun." },
}

scene "slow_quotes" {
  advice = "Find the fault yourself: pinning down a network problem is the reward of hands-on "
        .. "work.",
  text = [[
    Third week. The phones in underwriting start ringing with complaints: quotes that came back
    from the database in ten seconds now take two minutes, and only in the afternoons. Hal
    suspects the new server. Bonnie suspects the agents. Tamika Rhodes, who runs underwriting,
    suspects you, politely.

    The symptoms don't look like a database problem. They look like the network.
  ]],
  lesson = "Hands-on problem solving is its own reward, and in a small company it is also how "
        .. "trust is earned.",
  discuss = "Would you rather solve a hard problem yourself, or be the one who knows whom to "
         .. "call? Which does your job reward?",
  choice { "Call Lonnie's company and pay their engineer $150 an hour to look at it",
           id = "pay_consultant", advice = "against", effects = { burnout = -5, reputation = -5 },
           go = "migration",
           lesson = "The consultant found it in forty minutes. Hal paid the invoice and asked, "
                 .. "not unkindly, what he was paying you for." },
  choice { "Stay late with a borrowed laptop and a packet sniffer, and trace it yourself",
           id = "trace_it", advice = "follows",
           effects = { technical = 10, satisfaction = 10, burnout = 5 },
           set = { traced_it = true }, go = "migration",
           lesson = "Pinpointing the fault yourself gave you what management rarely did: a "
                 .. "problem, its cause, and proof that you found it." },
}

-- The long weekend Hal wants the migration done over: Thanksgiving for a player hired in the
-- autumn of 2002, Mardi Gras (a holiday in Mobile; March 1-4, 2003) for one hired in January.
function holiday(g)
  if g.late_start then
    return { name = "Mardi Gras", month = "February", after = "Wednesday, March 5",
             mother = "Your mother has not missed the Mardi Gras parade on Government Street in "
                   .. "forty years, and she has saved you a place on the curb." }
  end
  return { name = "Thanksgiving", month = "November", after = "Monday, December 2",
           mother = "Your mother has cooked Thanksgiving dinner for eleven people for forty "
                 .. "years, and she has set a place for you." }
end

scene "migration" {
  text = function(g)
    local found
    if g.traced_it then
      found = [[
        At 9:40 on a Tuesday night you find it. The switch port for the database server has
        settled on half duplex while the server's card runs full duplex, and every afternoon,
        when the agents' faxes pile up, the collisions pile up with them. Two commands on the
        switch. You run a test quote: four seconds. You sit in the dark office for a while with
        a feeling you have not had since the docks, then call Noor and tell her about duplex
        settings. She listens to all of it.
      ]]
    else
      found = "Lonnie's engineer found a duplex mismatch on the database server's switch port "
           .. "in forty minutes. He explained it to you slowly and kindly, the way you once "
           .. "explained things to new hires."
    end
    local h = holiday(g)
    return paras(found, "Then " .. h.month .. ". Hal wants the rest done over " .. h.name
      .. [[: thirty-eight PCs to Windows XP Professional, the old NT 4.0 server retired,
      everything on the new Windows 2000 domain, all in four days, "so nobody loses a working
      day".]], h.mother)
  end,
  lesson = "A migration is a plan before it is a weekend. The risk is in the rollout, not in "
        .. "the software.",
  discuss = "Big bang or one department at a time? What would you need to know about the "
         .. "business to decide?",
  choice { id = "big_bang",
           text = function(g) return "Do it all over " .. holiday(g).name .. ", alone" end,
           effects = { burnout = 15 }, set = { rollout = "bigbang" },
           go = function(g)
             return g:chance(0.2 + g.technical / 200) and "rating_system" or "monday_mess"
           end,
           lesson = "Four days alone with thirty-eight machines, and the place your mother saved "
                 .. "for you empty. A big-bang migration with nobody to check it is a bet." },
  choice { "Pilot it in claims first, then one department a week",
           id = "staged", effects = { relationships = 5, reputation = -5, burnout = -5 },
           set = { rollout = "staged" }, go = "rating_system",
           lesson = "Going slowly annoyed Hal for a month and cost nobody a working day, and you "
                 .. "were where your mother had saved you a place." },
  choice { "Build one XP image, clone it to every desk, and do the lot in a single Saturday",
           id = "imaged", when = function(g) return g.technical >= 55 end,
           effects = { technical = 5, burnout = 5, satisfaction = 5 },
           set = { rollout = "imaged" }, go = "rating_system",
           lesson = "Your skill had grown enough to make the big job small. That is what the "
                 .. "hands-on months bought you." },
}

scene "monday_mess" {
  text = function(g) return holiday(g).after .. [[, five to eight. Eleven PCs in claims will
    not log on to the new domain. The adjusters stand at their dark screens holding coffee.
    Tamika cannot print the Pensacola rate tables, and four lights are blinking on Bonnie's
    phone.

    By half past eight you know the cause: those machines' accounts never made it across from
    the old server. You know the fix, too. It is eleven machines, one at a time.
  ]] end,
  lesson = "A weekend migration done alone has nobody to check it, and the Monday always comes.",
  discuss = "Who should have known about this risk before the long weekend: you, Hal, or the "
         .. "claims department?",
  choice { "Fix them yourself, one by one, and skip lunch", id = "fix_all",
           effects = { burnout = 10, technical = 5 }, go = "rating_system",
           lesson = "The adjusters watched you fix their machines one by one and forgave you by "
                 .. "three o'clock. Your back did not." },
  choice { "Put claims back on the old server for a week and fix it properly",
           id = "roll_back", effects = { burnout = -5, reputation = -5 }, go = "rating_system",
           lesson = "Rolling back was the professional call, and it looked to Hal like losing." },
}

scene "rating_system" {
  advice = "Build the rating system with the colleagues who will use it.",
  text = function(g)
    return (g.late_start and "March and April go" or "January and February go") .. [[ to the
    database. You upgrade SQL Server 7 to SQL Server 2000 over a long weekend, after rehearsing
    it twice on the old server. It goes without a hitch, which nobody notices, which is the
    point.

    Then the rating system. Tamika Rhodes wants two hundred agents quoting homeowners policies
    on their own PCs instead of faxing underwriting and waiting two days. A house in Fairhope, a
    house on Dauphin Island and a house in Citronelle cost very different amounts to insure, and
    the reasons are in a binder of rate tables three inches thick: wind zones by distance from
    the water, construction class, the age of the roof, the hurricane deductible.

    "I can explain it to you," Tamika says, "if you've got a week."
  ]] end,
  lesson = "Learning the business beside the people who run it is what turns a technician into "
        .. "someone with a seat at the table.",
  discuss = "How much of your company's business could you explain to a new hire? Whom would "
         .. "you sit with for a week to learn more?",
  choice { "Give her the week: sit in underwriting and learn how she prices a house on the coast",
           id = "learn_underwriting", advice = "follows",
           effects = { relationships = 5, reputation = 5, satisfaction = 5, burnout = 5 },
           set = { learned_underwriting = true }, go = "help_desk",
           lesson = "A week in underwriting, on top of your own job, made the program right and "
                 .. "made you one of the few people at Dauphin who understood both halves." },
  choice { "Take the binder home and build it your way, at night, fast",
           id = "build_from_binder", advice = "against", effects = { technical = 10, burnout = 10 },
           go = "help_desk",
           lesson = "You built it quickly and well from tables you did not fully understand. The "
                 .. "error came from the part nobody had written down." },
}

scene "help_desk" {
  effects = function(g)
    if g.learned_underwriting then return {} end
    return { reputation = -5 }
  end,
  text = function(g)
    local t = [[
      In ]] .. (g.late_start and "May" or "April") .. [[ the rating program goes out to two
      hundred agencies on a CD, with a one-page install sheet you wrote yourself. The help desk
      is you.

      | Mon 63 calls. Tue 71. Wed 58.
      | Most common question: where does the CD go?
    ]]
    local bug
    if not g.learned_underwriting then
      bug = "On Wednesday Tamika finds that a beachfront house in Gulf Shores quotes at inland "
         .. "rates. The binder never said where Baldwin County's wind zone begins, because "
         .. "everyone in underwriting knows it. Twelve agents have already quoted it. Hal is "
         .. "not happy, and he is right."
    end
    return paras(t, bug, [[
      The agents are small-town insurance people, most of them older than you, some still on
      Windows 95. They are patient with the machine and impatient with being kept waiting.
    ]])
  end,
  lesson = "Supporting the people who use the system is the job, not an interruption of it.",
  discuss = "When you are the whole help desk, how do you decide who waits?",
  choice { "Answer every call yourself, keep a log, and call every agent back by six",
           id = "every_call", effects = { burnout = 15, relationships = 5 }, go = "policies",
           lesson = "Answering every call made two hundred agents feel looked after, and made "
                 .. "you the bottleneck for all of it." },
  choice { "Write a one-page fix sheet, and train Bonnie to take the first call",
           id = "train_bonnie", effects = { burnout = -5, reputation = 5 },
           set = { trained_bonnie = true }, go = "policies",
           lesson = "Training Bonnie was delegation at the bottom of the ladder. Some agents "
                 .. "missed talking to you; the help desk stopped depending on one person." },
  choice { "Let it go to voicemail, and call everyone back at four", id = "voicemail",
           effects = { burnout = -5, relationships = -10 }, go = "policies",
           lesson = "Voicemail protected your day and cost you the agents' goodwill, which is "
                 .. "most of what a small insurer runs on." },
}

scene "policies" {
  advice = "Even several rungs down, write the policies and a real disaster-recovery plan.",
  text = [[
    Every May, Marjorie Tillman asks what happens to Dauphin Mutual if a hurricane comes up the
    bay. Your predecessor answered with a binder. Hurricane season starts on June 1.

    The Exchange 2000 server is half built: Dauphin's own mail at last, to replace the BellSouth
    addresses the agents have used since 1997. There are two weeks left before June, enough to
    do one of the two properly.
  ]],
  lesson = "Even several rungs down, the manager's work does not go away: policies, "
        .. "procedures and a recovery plan are still part of the job.",
  discuss = "Who in your organisation owns the plan for the worst day? Has anyone tested it?",
  choice { "Tell Marjorie that disaster planning is management's job, not the network "
        .. "administrator's", id = "not_my_job", advice = "against",
           effects = { reputation = -10, satisfaction = 5 }, set = { dr_plan = "none" },
           go = "the_pull",
           lesson = "Refusing work you were more qualified for than anyone in the building told "
                 .. "Marjorie exactly which level you had decided to play at." },
  choice { "Write a real disaster-recovery plan: nightly tapes to the Montgomery office, a test "
        .. "restore, a phone tree", id = "real_dr", advice = "follows",
           effects = { burnout = 10, reputation = 10 }, set = { dr_plan = "real" },
           go = "the_pull",
           lesson = "You wrote the plan as if you were still the CIO, because for Dauphin you "
                 .. "were. The mail server went live a month late." },
  choice { "Finish the mail server first, and give Marjorie a template plan with Dauphin's name "
        .. "on it", id = "finish_mail",
           effects = { technical = 5, satisfaction = 5 }, set = { dr_plan = "paper" },
           go = "the_pull",
           lesson = "The mail server was finished and satisfying. The plan was a document nobody "
                 .. "had tested." },
}

scene "the_pull" {
  text = function(g)
    local mail
    if g.dr_plan == "real" then
      mail = "July. The disaster plan is tested, the tapes go to Montgomery every night, and "
          .. "Dauphin's own mail went live at the end of June, a month late."
    else
      mail = "July. Dauphin's own mail has run in-house since May, and the agents' new "
          .. "addresses are printed on two hundred sets of business cards."
    end
    return paras(mail, [[
      Elaine Marsh calls for the first time in nine months. An insurer in Birmingham needs an IT
      director: $86,000 and a staff of nine. "They like that you've been hands-on," she says.
      "First interview is Thursday."

      Thursday you had planned to spend in the Gulfport office, moving their four PCs onto the
      domain. It is the kind of day you look forward to now. You notice that you hesitate, and
      you notice why.
    ]])
  end,
  lesson = "The pull back to management is strong. Answering it too early can cost you the "
        .. "work you have come to be good at.",
  discuss = "If you enjoyed the hands-on job, would you still climb back? What would make it "
         .. "worth it?",
  choice { "Drive to Birmingham for the interview; you owe your career that much",
           id = "go_birmingham", effects = { reputation = -5, satisfaction = -5 },
           set = { interviewed = true }, go = "using_time",
           lesson = "The interview went well, and the job went to someone with a current "
                 .. "certification. Hal heard about the trip from the Gulfport office." },
  choice { "Tell Elaine \"not this year\", and to call when you have something to show her",
           id = "not_yet", effects = { satisfaction = 5 },
           set = { elaine_later = true }, go = "using_time",
           lesson = "Keeping the door open without walking through it too soon let you choose "
                 .. "the timing." },
  choice { "Ask her to take your name off her list: you like this work", id = "off_the_list",
           effects = { satisfaction = 10, reputation = -5, burnout = -5 },
           set = { hands_on_for_good = true }, go = "using_time",
           lesson = "You found that hands-on work could be a career, not a sentence. You also "
                 .. "closed a door you might want later." },
}
