-- Act III: the offer is withdrawn, and the months of searching begin. Every scene here is a
-- month, and every month costs savings. The way out runs through people.

scene "withdrawn" {
  advice = "Tell your family the night the blow lands, numbers included: a search carried alone "
        .. "costs more than the truth.",
  chapter = "III. The Search",
  -- What the withdrawn offer costs depends on the road taken in Acts I and II.
  -- Leaving early forfeits most of the package (it paid for the handover), May and June's pay,
  -- and the footing: the fall from a porch swing to nothing is harder than from a desk.
  effects = function(g)
    if g.left_early then
      local d = -2                             -- May and June without a paycheck
      if g.path == "resigned" then d = d + 1 end -- one month of the package, not three
      return { savings = d, satisfaction = -20, burnout = 15, reputation = -5 }
    end
    local d = 2                                -- the director's job goes in the second round
    if g.path == "resigned" then
      d = g.bigger_package and 4 or 3          -- the package, paid on June 28
    end
    return { savings = d, satisfaction = -10, burnout = 5 }
  end,
  text = function(g)
    local t = [[
      Thursday, June 20, twenty to five in the afternoon. Carl Fontenot's voice on the phone is
      careful, like a doctor's.

      "The bond deal didn't close. Last night the board froze every new position, yours
      included. I argued for two hours. I'm sorry."

      A letter follows by mail. There is no severance, because you never started.
    ]]
    local where
    if g.left_early then
      where = "You have been out of work for eight weeks."
      if g.path == "resigned" then
        where = where .. " Meridian's one month of severance went on the movers and the May "
                      .. "rent. Nothing is coming in now."
      else
        where = where .. " Nothing is coming in at all."
      end
      where = where .. " The lease off Dauphin Street runs to next April, the Decatur house "
                    .. "has not sold, and you are paying for both."
    elseif g.path == "resigned" then
      where = "You still have eight days at Meridian. Greg is not replacing you; there is "
           .. "nothing left to replace. On June 28 your severance lands, "
           .. (g.bigger_package and "four" or "three")
           .. " months' pay, and for a week it looks like a lot of money."
    else
      where = "You still have a desk at Meridian, for two weeks. On July 3 Greg's second round "
           .. "eliminates the director's job as well. He signs two months' severance without "
           .. "looking up. Staying did not save the job. It saved the paychecks."
    end
    local lonnie
    if g.checked_offer and g.left_early then
      lonnie = "Lonnie told you in April. He doesn't call to say so, which is worse."
    elseif g.checked_offer then
      lonnie = "Lonnie was right, and you listened. It doesn't feel like winning."
    end
    return paras(t, where, lonnie,
                 "Noor is at the grocery store. Kayla is at softball practice. You have about "
              .. "an hour before anyone comes home.")
  end,
  lesson = "Offers get withdrawn in a downturn. What you kept, a job, a package, a paycheck, "
        .. "decided how long you could afford to look.",
  discuss = "Who would you tell first after a blow like this, and what would you keep to "
         .. "yourself?",
  choice { "Tell Noor tonight, all of it, numbers included", id = "tell_noor",
           advice = "follows",
           effects = { burnout = -10, relationships = 5, satisfaction = -5 },
           reply = "Saying it aloud makes it true. Noor hears the numbers out, then asks what "
                .. "you will do tomorrow, and you have no answer yet.",
           go = "big_search",
           lesson = "Telling your family on the first night split the weight in two. It was the "
                 .. "choice that kept the next months bearable." },
  choice { "Say nothing yet. You'll have something lined up before it matters",
           id = "hide_it", advice = "against",
           effects = { burnout = 5, satisfaction = 3 }, set = { hid_it = true },
           reply = "Dinner is ordinary. Noor talks about paint for Kayla's room, and you let her.",
           go = "big_search",
           lesson = "Keeping the news from your family felt like protecting them. It meant "
                 .. "carrying it alone, and it came out anyway, at a worse moment." },
}

scene "big_search" {
  advice = "Apply at every level of management, not only for the title you held.",
  effects = { savings = -1 },
  text = function(g)
    local who = "Elaine Marsh"
    if not g.headhunter and g.lorna_reference then
      who = "Elaine Marsh, a recruiter Lorna Whitfield put you onto,"
    elseif not g.headhunter then
      who = "Elaine Marsh, a recruiter whose name you found in a trade magazine,"
    end
    local idle
    if g.left_early then
      idle = "Then she asks what you have been doing since April. \"They'll all ask that,\" "
          .. "she says. \"A CIO who quit a paying job for an offer that fell through looks "
          .. "like a CIO who misjudged something.\""
    end
    return paras(who .. [[ returns your call on the third try.

      "Two years as CIO of a four-hundred-person company in Decatur," she says. "The hospital
      systems hiring right now want ten years and a billion in revenue. And honestly? Nobody's
      hiring CIOs this summer."
    ]], idle, [[
      The executive job boards list eleven CIO openings in the Southeast. You apply for all of
      them. Two reply, both to say the position is on hold.
    ]], "July is over. Savings: " .. months(g.savings) .. ", at the rate you are spending.")
  end,
  lesson = "In a downturn a short stint at the top is too light for the big jobs, and the top "
        .. "title frightens the smaller ones.",
  discuss = "How far down would you apply? At what point does the search itself start costing "
         .. "you more than it finds?",
  choice { "Hold out for CIO roles: a lesser title now would follow you", id = "cio_only",
           advice = "against",
           effects = { reputation = 5, satisfaction = -5 }, go = "overqualified",
           lesson = "Protecting the title kept your résumé tidy and your calendar empty." },
  choice { "Take six weeks writing HIPAA privacy policies for a clinic chain in Dothan",
           id = "hipaa_contract", effects = { savings = 2, burnout = 5, satisfaction = 5 },
           set = { contract = true }, go = "overqualified",
           lesson = "Short contract work bought runway and kept your health-care knowledge "
                 .. "current, at the price of evenings you had meant for the search." },
  choice { "Widen the net: IT director and manager jobs, anywhere in the Southeast",
           id = "widen", advice = "follows", effects = { burnout = 5 }, set = { widened = true },
           go = "overqualified",
           lesson = "Widening the search was right. The lower rungs turned out to have "
                 .. "doorkeepers of their own." },
}

scene "overqualified" {
  effects = { savings = -1 },
  text = function(g)
    local how
    if g.widened then
      how = "August. One of your director applications turns into a final round"
    else
      how = "August. Elaine talks you into one director interview \"to keep your hand in\""
    end
    return how .. [[: IT director at Teague Industrial, a valve maker in Theodore with a
      twelve-person IT shop. The vice president you would report to, Randy Teague, is
      thirty-six and the founder's grandson. He reads your résumé twice while you sit there.

      "You'd want my job in six months," he says, pleasantly. "And the day the market turns,
      you'd be gone. I can't pay a CIO, and I can't keep one."

      He walks you to the lobby himself. It is the fourth time you have heard some version of
      this sentence.
    ]]
  end,
  lesson = "\"Overqualified\" usually means \"you will leave\". The answer is to show why you "
        .. "won't, not to hide what you were.",
  discuss = "How would you answer an interviewer who says you are overqualified? What are they "
         .. "actually afraid of?",
  choice { "Offer to sign a three-year commitment, in writing", id = "promise_stay",
           effects = { burnout = 5, satisfaction = -5 }, go = "kitchen_table",
           lesson = "A promise to stay answered the words of the objection, not the worry "
                 .. "behind it. The job went to a man from Pascagoula." },
  choice { "Take \"Chief Information Officer\" off your résumé and call yourself \"IT Manager\"",
           id = "strip_title", effects = { reputation = -10, satisfaction = -5 },
           set = { stripped_title = true }, go = "kitchen_table",
           lesson = "Hiding the top job got you two more phone screens and a résumé you could "
                 .. "not defend when someone checked." },
  choice { "Ask him plainly what would make you the safe hire", id = "ask_feedback",
           effects = { relationships = 5, satisfaction = -5 }, set = { asked_feedback = true },
           go = "kitchen_table",
           lesson = "Asking why you lost taught you what the lower rungs were worried about: "
                 .. "not your skill, but whether you wanted the work." },
}

scene "kitchen_table" {
  -- The secret comes out. (This month's cost is counted in the next scene, so the money
  -- choices here can still save the runway.)
  effects = function(g)
    if g.hid_it then return { burnout = 10, satisfaction = -5 } end
    return {}
  end,
  text = function(g)
    local bills = g.moved and "the lease, the Decatur mortgage on a house that hasn't sold,"
                           or "the mortgage,"
    local t = "September. The statements cover the kitchen table: " .. bills
           .. " COBRA at $780 a month, Kayla's braces, the car. Savings: " .. months(g.savings)
           .. ", if nothing else goes wrong."
    local feedback
    if g.asked_feedback then
      feedback = "Randy Teague's answer is still in your head. \"Show me you want to do the "
              .. "work,\" he said, \"not run it.\""
    end
    local noor
    if g.hid_it then
      noor = "Noor finds Carl Fontenot's letter in your briefcase while looking for a pen. "
          .. "\"Three months,\" she says. \"You let me pick paint colours for three months.\" "
          .. "She doesn't raise her voice. She goes out to the porch and stays there until dark."
    else
      noor = "Noor has a legal pad of her own. She has been doing the same arithmetic for weeks."
    end
    return paras(t, feedback, noor)
  end,
  lesson = "Savings are a job hunt's runway. Every choice about the money is a choice about how "
        .. "long you can afford to say no.",
  discuss = "How many months could your household manage without your income? What would you "
         .. "give up first?",
  choice { "Cash out the 401(k): take the penalty and buy three months", id = "cash_401k",
           effects = { savings = 3, satisfaction = -5 }, set = { cashed_401k = true },
           go = "rejections",
           lesson = "The penalty and the tax took a third of it, along with the retirement you "
                 .. "will need later. It bought time, which was what you were short of." },
  choice { "Ask Noor to go back to full-time work as a dental hygienist", id = "noor_fulltime",
           when = function(g) return not g.hid_it end,
           effects = { savings = 2, burnout = 5 }, set = { noor_fulltime = true },
           go = "rejections",
           lesson = "Noor's paycheck carried the family while you looked. You never quite stopped "
                 .. "counting what it cost her." },
  choice { "Sell the second car and cancel everything that can be cancelled", id = "cut_costs",
           effects = { savings = 1, satisfaction = -5 }, go = "rejections",
           lesson = "Cutting costs bought a month and took a little of everyone's pride." },
  choice { "Touch nothing. Something will come through this month", id = "touch_nothing",
           effects = { burnout = 5 }, go = "rejections",
           lesson = "Hoping is not a budget. The month came and went like the others." },
}

scene "rejections" {
  advice = "The way back runs through the people who know your work, not through more "
        .. "applications.",
  -- A family that moved early pays for two houses: the lease in Mobile and the unsold one.
  effects = function(g)
    return { savings = g.moved and -2 or -1, burnout = 5, satisfaction = -5 }
  end,
  text = [[
    | Dear Applicant,
    | Thank you for your interest in the position of Director,
    | Information Technology. After careful consideration, we have
    | decided to pursue other candidates whose experience more closely...

    By October you have sent 143 applications. Sixty-one answered; fifty-two of those were this
    letter with different logos. You have had nine interviews and no offers. Elaine no longer
    calls first.

    You check the mailbox twice a day, and you notice that Kayla has noticed.
  ]],
  lesson = "Rejection wears down morale one letter at a time, and the stress compounds.",
  discuss = "What keeps a long job search from turning into a second, unpaid job of despair?",
  choice { "Call the people you haven't called: old colleagues, old friends, Lonnie",
           id = "call_people", advice = "follows",
           effects = { relationships = 10, satisfaction = -5 },
           go = function(g) return g.relationships >= 50 and "the_lunch" or "cold_start" end,
           lesson = "The way out was never on the job boards. It was in the people who already "
                 .. "knew what you could do." },
  choice { "Take a week off: fish off the pier, sleep, and let the mailbox wait",
           id = "week_off", effects = { burnout = -15, satisfaction = 5 },
           go = function(g) return g.relationships >= 50 and "the_lunch" or "cold_start" end,
           lesson = "A week off cost nothing the rejection letters were not already taking, and "
                 .. "you came back rested enough to keep going." },
  choice { "Send fifty more this week, every one tailored", id = "fifty_more", advice = "against",
           effects = { burnout = 10, satisfaction = 5 },
           go = function(g) return g.relationships >= 50 and "the_lunch" or "cold_start" end,
           lesson = "More applications felt like control. The last hundred and forty-three had "
                 .. "not worked, and the next fifty were never going to be different." },
}

scene "the_lunch" {
  effects = { burnout = -10 },  -- the first real lead in months
  text = function(g)
    local where
    if g.moved then
      where = "Lonnie Fairley buys you a shrimp po'boy at Wintzell's on Dauphin Street"
    else
      where = "You drive down to see your mother, and Lonnie Fairley buys you a shrimp "
           .. "po'boy at Wintzell's on Dauphin Street"
    end
    local t = where .. " and lets you talk for twenty minutes without interrupting."
    if g:visited("cold_start") > 0 then
      t = t .. " He doesn't ask why it took a layoff for you to call, which is a kindness."
    elseif g.checked_offer then
      t = t .. " He does not say he told you so."
    end
    local tasha
    if g:visited("cold_start") > 0 then
      tasha = nil
    elseif g.gave_own_job then
      tasha = "It was Tasha Greene who got him to call. Tasha kept her job at Meridian because "
           .. "you gave up yours, and she has been asking around for you ever since."
    elseif g.told_in_person then
      tasha = "It was Tasha Greene who got him to call. Tasha, whom you let go in person in "
           .. "February, found a job at Huntsville Hospital in six weeks and has been asking "
           .. "around for you ever since."
    end
    local ruben
    if g.runbooks then
      ruben = "\"And a man named Ruben at Meridian told a friend of mine your handover notes "
           .. "were the best he ever inherited,\" Lonnie says. \"That kind of thing travels.\""
    end
    return paras(t, tasha, ruben, [[
      "Dauphin Mutual," he says. "Homeowners and small commercial. Sixty people on Airport
      Boulevard, two hundred independent agents from Pascagoula to Pensacola, been there since
      1951. Their network man left for Houston, and Hal Benoit, the controller, is drowning.
      I'll put my name on you, if you want it."

      "Network administrator."

      "Network administrator. Forty-four thousand. They bought a Dell server in June and it's
      still in the boxes."
    ]])
  end,
  lesson = "The way out came through colleagues and friends, several rungs down. In a downturn "
        .. "that is how most work is found.",
  discuss = "Who would recommend you for a job below your last title? Would you let them?",
  choice { "Say yes, and ask him what Hal needs most", id = "yes_listen",
           effects = { relationships = 5 }, go = "dauphin_interview",
           lesson = "Asking what the job needed, before asking what it paid, started you on the "
                 .. "right foot." },
  choice { "Say yes, but make clear it's a bridge until a real job comes along",
           id = "yes_bridge", effects = { satisfaction = 5 }, set = { bridge_talk = true },
           go = "dauphin_interview",
           lesson = "Calling the job a bridge was honest, and it travelled fast. Lonnie told "
                 .. "Hal, because Lonnie tells everybody everything." },
}

scene "cold_start" {
  advice = "Ask the friend you let drift, plainly: the network you neglected is still the one "
        .. "that answers.",
  effects = { savings = -1, burnout = 5 },
  text = function(g)
    if g:visited("cold_start") > 1 then
      return [[
        Two weeks on. The same breakfasts, the same faces, a little friendlier now. The plant
        manager found work in Dothan and sent the group a thank-you card.
        Savings: ]] .. months(g.savings) .. [[.

        You still have not called Lonnie. On a Tuesday he calls you. Somebody at the AITP
        breakfast mentioned your name, and he wants to know why he had to hear it from them.
      ]]
    end
    local tasha
    if g.hr_letters then
      tasha = "You try two of the five who got HR's letters in February, beside the security "
           .. "guard. Neither one calls back."
    end
    local where = g.moved and "The Mobile chapter of AITP at a hotel off I-65. The Chamber of "
                           .. "Commerce's small-business mixer."
                           or "The Huntsville chapter of AITP at a hotel off Memorial Parkway. "
                           .. "The Decatur Chamber's small-business mixer."
    return paras([[
      Your phone doesn't ring, and you know why: for ten years you called people when you
      needed something from them. October goes to breakfasts.]] .. " " .. where .. [[ A
      job-seekers' group in a Methodist fellowship hall, where the coffee is free and a
      laid-off paper-plant manager hands out his résumé in a sheet protector. People are kind.
      Nobody has anything.
    ]], tasha, [[
      At the end of the month you find Lonnie Fairley's card in a Rolodex from 1996. You have
      not spoken since his father's funeral, which you missed.
    ]])
  end,
  lesson = "A network built in a hurry, out of need, is thin. The one you built before you "
        .. "needed it is the one that answers.",
  discuss = "Who have you let drift that you would be embarrassed to call for help today?",
  choice { "Keep at the breakfasts; you'd rather not ask a favour of a friend you dropped",
           id = "keep_breakfasts", advice = "against",
           when = function(g) return g:visited("cold_start") == 1 end,
           effects = { relationships = 5 }, go = "cold_start",
           lesson = "Pride cost you another month of savings." },
  choice { "Call Lonnie, and say it plainly: you need help", id = "call_lonnie", advice = "follows",
           when = function(g) return g:visited("cold_start") == 1 end,
           effects = { relationships = 5, satisfaction = -5 },
           reply = "You hang up twice before you let it ring. The third time you say it "
                .. "plainly, and it costs exactly what you thought it would.",
           go = "the_lunch",
           lesson = "Calling an old friend you had neglected, to ask for help, was humbling. It "
                 .. "worked because the friendship had once been real." },
  choice { "Meet him for lunch", id = "meet_lonnie",
           when = function(g) return g:visited("cold_start") > 1 end,
           go = "the_lunch" },
}

-- What taking the job several rungs down costs the day you take it.
local function word_travels()
  return "Word travels up I-65 fast. By Friday two people in Decatur have heard that Meridian's "
      .. "old CIO is a network administrator now."
end

scene "dauphin_interview" {
  advice = "Take the job several rungs down: a paycheck and your hands on the technology beat a "
        .. "title you cannot get.",
  -- A reference from the CEO who cut your job is worth something here.
  effects = function(g)
    if g.lorna_reference then return { reputation = 5 } end
    return {}
  end,
  text = function(g)
    local t = [[
      Dauphin Mutual is a low brick building on Airport Boulevard with azaleas along the walk
      and a server closet behind the break room. Hal Benoit, the controller, has your résumé on
      his desk.
    ]]
    local q
    if g.lorna_reference then
      q = "He has already called Lorna Whitfield in Decatur. \"She says you fought for your "
       .. "people with eleven pages and a weekend,\" he says, \"and lost without a word of "
       .. "complaint.\""
    end
    if g.stripped_title then
      q = paras(q, "\"Lonnie says you were a CIO,\" Hal says. \"Your résumé says IT manager. "
       .. "Which is it?\" You tell him. He writes something down and underlines it.")
    elseif g.bridge_talk then
      q = paras(q, "\"Lonnie says you see this as a bridge,\" Hal says. \"I've had a bridge. "
       .. "He left for Houston.\"")
    end
    if g.contract then
      q = paras(q, "Hal taps the line on your résumé about the contract work. \"Good,\" he "
       .. "says. \"So you're not too proud for small jobs.\"")
    end
    return paras(t, q, [[
      He walks you through it. A Windows NT 4.0 server from 1997. Thirty-eight office PCs on
      three versions of Windows. Mail through BellSouth. A SQL Server 7 database into which
      underwriting types, by hand, the quote requests that agents send by fax. The new Dell
      PowerEdge, still in its boxes, in the hall.

      "I need somebody who'll do the work," Hal says. "Not manage it. There's nobody to
      manage."

      Marjorie Tillman, the president and the founder's granddaughter, puts her head in for ten
      minutes and asks how long it would take to get the agents quoting for themselves.

      The offer is network administrator at $44,000, starting Monday: a third of what Meridian
      paid you.
    ]], "Savings: " .. months(g.savings) .. ".")
  end,
  lesson = "A step down the ladder is not a step off it. A paycheck and your hands on the "
        .. "technology are worth more than a title you cannot get.",
  discuss = "What is the lowest job you would take after being a CIO, and what would you tell "
         .. "yourself about it?",
  choice { "Take it. Start Monday", id = "take_job", advice = "follows",
           effects = { reputation = -5 }, reply = word_travels, go = "first_day",
           lesson = "You took the job several rungs down. It stopped the bleeding and put your "
                 .. "hands back on the work." },
  choice { "Tell Hal what Randy Teague taught you: you want to do the work, not run it",
           id = "do_the_work", advice = "follows", when = function(g) return g.asked_feedback end,
           effects = { reputation = -5, satisfaction = 10 }, reply = word_travels,
           go = "first_day",
           lesson = "A rejection you asked about, and listened to, gave you the answer that won "
                 .. "Hal over." },
  choice { "Ask for $48,000, and let him take a week to think about it", id = "negotiate",
           advice = "follows",
           when = function(g) return g.savings >= 5 end,
           show_locked = "Your savings cannot wait a week for his answer.",
           effects = { satisfaction = 5, burnout = 5 },
           reply = "Hal takes the whole week. You spend it beside the phone, and on Friday he "
                .. "calls: $48,000, starting Monday.",
           go = "first_day",
           lesson = "Months in the bank let you name a price. Hal paid it, and took you for "
                 .. "someone choosing the job rather than grabbing it." },
  choice { "Thank him, decline, and hold out for a director's job", id = "decline",
           advice = "against",
           effects = { relationships = -10, satisfaction = 5 }, set = { declined_dauphin = true },
           go = "holding_out",
           lesson = "Turning down work several rungs down protected your pride and spent your "
                 .. "runway. Lonnie had put his name on you, and he heard about it first." },
}

scene "holding_out" {
  advice = "Stop betting your savings on the old rung, and take the work that is there.",
  effects = { savings = -2, burnout = 10 },
  text = function(g)
    local t
    if g:visited("holding_out") == 1 then
      t = [[
        November and December. Elaine has one CIO search in play, for a hospital system in
        Birmingham, and you make the final three. The job goes to the internal candidate a week
        before Christmas.

        The only offer that comes is IT director at Red River Freight in Shreveport, Louisiana:
        $78,000, nine people, a six-hour drive from your mother. Kayla says she is not changing
        schools again. Noor says nothing, which is her way of saying a great deal.

        Dauphin Mutual's job ran in the Press-Register the Sunday after you said no.
      ]]
    else
      t = [[
        Another month of waiting, and the Shreveport offer is still open because nobody else
        wants it either. Elaine has nothing. The Birmingham system has frozen hiring.
      ]]
    end
    local hal
    if g.hal_filled then
      hal = "Hal hired a twenty-six-year-old from the University of South Alabama the Tuesday "
         .. "before you called."
    end
    return paras(t, hal, "Savings: " .. months(g.savings) .. ".")
  end,
  lesson = "Holding out for the old rung is a bet placed with your savings, and the market sets "
        .. "the odds.",
  discuss = "When does waiting for the right job turn into waiting too long? What would tell "
         .. "you?",
  choice { "Swallow it and call Hal: is the job still open?", id = "call_hal", advice = "follows",
           when = function(g) return not g.hal_filled end,
           effects = { satisfaction = -5 },
           set = function(g)
             local filled = not g:chance(0.6)
             return { hal_filled = filled, late_start = not filled }
           end,
           reply = function(g)
             if g.hal_filled then return "Hal is polite about it, which is worse." end
             return "Hal lets the line go quiet long enough for you to hear what asking cost. "
                 .. "Then he says the job is still yours, from the first Monday in January."
           end,
           go = function(g) return g.hal_filled and "holding_out" or "first_day" end,
           lesson = "Calling back after saying no cost you some pride. It was the cheapest thing "
                 .. "you spent that winter." },
  choice { "Wait for the next search: something at your level has to open", id = "wait_more",
           advice = "against",
           go = "holding_out",
           lesson = "Waiting for your level cost two months of savings at a time." },
  choice { "Take the Shreveport job, and drive home on weekends", id = "shreveport",
           advice = "against",
           go = "title_elsewhere",
           lesson = "You got a director's title back, six hours from home." },
}
