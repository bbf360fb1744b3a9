-- Act II: the offer in Mobile, and the mistake the whole story turns on: leaving the old job
-- before the new one has started.

scene "first_calls" {
  advice = "Call the people who know your work now, before you need them: a search firm cannot "
        .. "tell you what they know.",
  chapter = "II. The Offer",
  text = function(g)
    local word = g.path == "director" and "\"director\" means \"demoted\""
                                       or "\"resigned\" means \"fired\""
    local t = [[
      March. Your résumé says Chief Information Officer, and you have never had to sell it to
      anyone.

      Kayla is fifteen and asks at dinner whether ]] .. word .. [[. Noor asks, carefully,
      whether you would look at Mobile. Your mother is seventy-four, still drives
      herself to Mass at St. Mary's on Old Shell Road, and last month backed the Buick into her
      own mailbox. Home is five hours down the interstate, and you both know it.
    ]]
    local extra
    if g.path == "director" then
      extra = "You do your looking from the director's desk, at lunch, with the door closed. "
           .. "Greg has noticed the door."
    end
    return paras(t, extra, "There is a way to start a job hunt that you know well, and a way "
                        .. "you have been meaning to try for ten years.")
  end,
  lesson = "The same call lands differently in March than in October: build your network "
        .. "before you need it.",
  discuss = "Who in your industry would take your call today? When did you last call them "
         .. "without needing something?",
  choice { "Sign with Elaine Marsh at Marsh & Kell Executive Search, and post on the executive "
        .. "job boards", id = "recruiter", advice = "against",
           effects = { reputation = 5 }, set = { headhunter = true }, go = "mobile_offer",
           lesson = "A search firm works the market for you. It cannot tell you what the people "
                 .. "inside a company know." },
  choice { "Call everyone you've worked with: old bosses, vendors, the State Docks crowd in "
        .. "Mobile", id = "call_network", advice = "follows",
           effects = { relationships = 10, satisfaction = -5 },
           set = { called_network_early = true },
           reply = "Every call begins with the same sentence about Meridian, and by the "
                .. "twentieth you hate saying it. Most of them say to call again, and mean it.",
           go = "mobile_offer",
           lesson = "Calls made before you are desperate come across as catching up, not "
                 .. "begging. Each one was a door you could knock on later." },
}

scene "mobile_offer" {
  advice = "Sign the letter, but keep the job you have until the new one has actually started.",
  text = function(g)
    local lead
    if g.headhunter then
      lead = "Elaine finds the search within a month."
    else
      lead = "A vendor rep you once bought switches from passes your name to its CEO."
    end
    local t = lead .. [[ In April you drive down I-65 for two days of interviews at Gulf Harbor
      Medical Group: ninety physicians, nine clinics from west Mobile to Foley, and a server
      room that runs on WordPerfect and good intentions.

      Carl Fontenot, the CEO, grew up four streets from you. He wants a vice president and CIO
      to build the place properly: $112,000, relocation paid, starting Monday, July 15, "once
      the new fiscal year opens on the first."

      The offer letter arrives on a Friday. Your mother cries on the phone. Noor finds a rental
      off Dauphin Street with a porch and a school three blocks away; the landlord wants an
      answer by May 1.
    ]]
    local extra
    if g.path == "director" then
      extra = "At Meridian you are four weeks into the director's job. Greg now signs off on "
           .. "your printer cartridges."
    end
    return paras(t, extra, "Greg wants to know your plans by Monday.")
  end,
  lesson = "Never leave a job before the next one has actually started. An offer letter is a "
        .. "promise, and a falling economy breaks promises.",
  discuss = "What would you need in hand before you resigned: a signed letter, a start date, a "
         .. "first paycheck? What would you risk to move sooner?",
  choice { "Sign the letter, and keep working at Meridian until your last possible week",
           id = "stay_until", advice = "follows", effects = { satisfaction = -5 },
           set = { left_early = false },
           go = "holding",
           lesson = "Staying until the first day of the new job felt timid and cost you the "
                 .. "house with the porch. It was the most important thing you did that year." },
  choice { "Give notice now, move in May, and be settled before July 15", id = "leave_now",
           advice = "against",
           effects = { satisfaction = 5, burnout = -5 }, set = { left_early = true },
           go = "moving",
           lesson = "You left a paying job for a promise. The offer letter was real, and so was "
                 .. "Carl's word; neither one was a paycheck." },
  choice { "Before you decide, find out how firm Gulf Harbor's July budget really is",
           id = "check_offer", advice = "follows",
           when = function(g) return g.called_network_early or g.relationships >= 55 end,
           show_locked = "Nobody in Mobile you have kept up with well enough to ask.",
           go = "due_diligence" },
}

scene "due_diligence" {
  advice = "Keep the job you have until the first day of the new one, whatever the house costs.",
  text = [[
    You call Lonnie Fairley. He pulled cable with you at the State Docks in 1989 and now sells
    network equipment to half the businesses in Mobile, Gulf Harbor included. He goes quiet for
    a second.

    "Their July budget rides on a bond refinancing," he says. "The board votes on it June 18.
    And two of their orthopedic surgeons walked across town in March and took their patients
    with them. I'd sign that letter tomorrow. I wouldn't quit anything till you're sitting in
    the office."

    Noor listens to all of it. "The house won't wait," she says. "And Kayla's school starts
    August 8."
  ]],
  lesson = "The network you build before you need it tells you what an offer letter does not.",
  discuss = "Whose word would you trust over an offer letter? Who could tell you how firm your "
         .. "next offer really is?",
  choice { "Keep your job until July 15, whatever happens to the house", id = "wait_it_out",
           advice = "follows", effects = { satisfaction = -5 },
           set = { checked_offer = true, left_early = false },
           reply = "Noor tells the landlord no. She is quiet through dinner, and for a week she "
                .. "does not mention Mobile.",
           go = "holding",
           lesson = "An old friend's candour, asked for before you needed it, told you what the "
                 .. "letter didn't, and you listened." },
  choice { "Go anyway. Carl gave you his word", id = "go_anyway", advice = "against",
           effects = { satisfaction = 5 }, set = { checked_offer = true, left_early = true },
           go = "moving",
           lesson = "You had the warning and went anyway. A CEO's word cannot outvote his "
                 .. "board or his bankers." },
}

scene "moving" {
  effects = { savings = -1 },
  set = { moved = true },
  text = function(g)
    local t = "You clear your desk at Meridian on Friday, April 26."
    if g.path == "director" then
      t = t .. " A director who quits gets no severance. You knew that when you gave notice."
    else
      t = t .. " Greg lets you go two months early without argument, and without most of "
            .. "the package: it paid for a handover through June 28, and you will not be there "
            .. "to do it. He signs for one month. The May and June paychecks go with the rest."
    end
    return paras(t, [[
      The moving truck costs $3,800. The rental off Dauphin Street has a porch swing and a
      lease that runs to next April. The house in Decatur sits half-empty with a sign in the
      yard.

      May is the best month you have had in years. You drive your mother to her cardiologist,
      walk Kayla through the new school, and read Gulf Harbor's vendor contracts at the kitchen
      table with a pencil. By June you know their network better than their own staff do, and
      you have six weeks left to fill.
    ]])
  end,
  lesson = "The gap between two jobs feels like a holiday until it ends without the second job.",
  discuss = "What would you do with two months between jobs? What would you do if the second "
         .. "job never came?",
  choice { "Spend June drafting your first ninety days at Gulf Harbor", id = "plan_ninety",
           effects = { satisfaction = 5, burnout = -5 }, go = "withdrawn",
           lesson = "The ninety-day plan was the best you ever wrote. It was written for a job "
                 .. "that did not exist yet." },
  choice { "Take a month's contract wiring a dentist's office in Daphne, just in case",
           id = "dentist_contract", effects = { savings = 1, technical = 5, burnout = 5 },
           set = { contract = true }, go = "withdrawn",
           lesson = "Pulling cable for a dentist felt beneath a CIO. It kept some money coming "
                 .. "in and your hands on the equipment." },
}

scene "holding" {
  text = function(g)
    local t = [[
      May and June at Meridian are a long goodbye. You hand your systems over one at a time:
      the billing database to Owen, the clinic network to Ruben, the vendor contracts to an
      analyst of Greg's who was in middle school when you started at the docks.
    ]]
    local extra
    if g.path == "director" then
      extra = "As director you have a salary, a desk, and nothing to decide. It is harder to "
           .. "sit at than you expected."
    end
    return paras(t, extra, [[
      Noor drives to Mobile twice to look at houses without you. Every Sunday your mother asks
      on the phone why it has to be July. The rental with the porch goes to a family from
      Ohio.

      Gulf Harbor sends a benefits packet and a parking pass for the lot on Springhill Avenue.
    ]])
  end,
  lesson = "Staying until the new job starts is tedious. It is also the insurance nobody ever "
        .. "regrets buying.",
  discuss = "How much do you owe an employer that cut your job? What do you owe the colleagues "
         .. "who stay?",
  choice { "Write real runbooks for the people who stay, evenings included",
           id = "write_runbooks", effects = { burnout = 5, relationships = 5, reputation = 5 },
           set = { runbooks = true }, go = "withdrawn",
           lesson = "Documenting your systems for the people who stayed, on your own time, was "
                 .. "the kind of thing they repeated whenever anyone asked about you." },
  choice { "Hand over by the book, and leave at five every day", id = "by_the_book",
           go = "withdrawn",
           lesson = "A correct handover and a quiet exit. Nobody faulted it, and nobody "
                 .. "remembered it." },
}
