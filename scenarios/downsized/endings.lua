-- The endings: two good (back up the ladder, or the work itself), two mixed (a plateau, a
-- title far from home), three bad (the same mistake twice, and the two thresholds: savings
-- at zero, burnout at its maximum).

ending "ready_when_it_turned" {
  title = "Ready When It Turned",
  verdict = "good",
  text = function(g)
    local t
    if g.new_role == "cio" then
      t = [[
        On March 1, 2005, you walk into Mobile Bay Regional Medical Center as its chief
        information officer, three years after you last held the title. You signed the offer
        first and gave notice second. Hal shook your hand, asked you to train whoever he hired,
        and you did, for two weeks of evenings.
      ]]
    else
      t = [[
        You become Dauphin Mutual's first vice president of information technology. You hire
        two people, a network administrator and a help desk analyst, and train them yourself on
        servers you built with your own hands.
      ]]
    end
    local extras = {}
    if g.mcse then extras[#extras + 1] = "The MCSE certificate goes on the new office wall." end
    if g.trained_bonnie then extras[#extras + 1] = "Bonnie still takes the first call." end
    if g.told_in_person then
      extras[#extras + 1] = "Tasha Greene sends flowers from Huntsville, with a card that says "
                         .. "she always knew."
    end
    local first_day
    if g.left_early then
      first_day = "And you will never again leave a job before the next one has begun. You "
               .. "learned that in the summer of 2002, paying rent on a porch in Mobile and a "
               .. "mortgage in Decatur out of savings that had to last until Dauphin."
      if g.new_role == "cio" then
        first_day = first_day .. " Frank's board asked about that summer. The certificate and "
                 .. "the people who vouched for you answered for it, just."
      end
    else
      first_day = "And you kept the one habit that carried you through 2002: you do not leave "
               .. "a job until the next one has begun. It is why there was still money in the "
               .. "bank when Lonnie called."
    end
    return paras(t, [[
      The difference from 2002 is easy to name. You know the technology again, down to the
      duplex setting on a switch port. You know people in this town who were not in your
      Rolodex three years ago, and they know what you can do.
    ]], first_day, table.concat(extras, " "))
  end,
  lesson = "A job begins on its first day, not with its offer letter. You used the slow years "
        .. "to rebuild your skills and your network, and you were ready when the economy "
        .. "turned. The downsizing became the advantage.",
}

ending "hands_on" {
  title = "The Work Itself",
  verdict = "good",
  text = function(g)
    local t = [[
      You take Hal's offer. Senior systems engineer: a raise, a title nobody outside Dauphin
      will recognise, and Jamal Pettaway, twenty-three, fresh from the networking program at
      Bishop State, to train.

      Some weeks you miss the boardroom. Most weeks you are in the server closet with Jamal,
      both of you staring at a trace, and when the fault turns up you both laugh out loud. You
      are home by six. On Saturday mornings you take your mother to the farmers' market, and
      nobody calls.
    ]]
    local tail = "You took a job several rungs down because you had to. You stay in it because "
              .. "you want to."
    if g.left_early then
      tail = tail .. " The savings you spent after leaving Meridian before Gulf Harbor had "
                .. "started are still not all back, and you still do not leave a job on a "
                .. "promise."
    end
    if g.hands_on_for_good then
      tail = tail .. " Elaine Marsh took your name off her list when you asked, and you have "
                .. "not once wanted it back."
    else
      tail = tail .. " Elaine Marsh still calls once a year. You still take the call, and you "
                .. "still say no."
    end
    return paras(t, tail)
  end,
  lesson = "You learned that hands-on work can be rewarding in its own right, not only a step "
        .. "down, and you chose it with your eyes open. The top rung is not the only measure "
        .. "of a career.",
}

ending "plateau" {
  title = "Holding Pattern",
  verdict = "mixed",
  text = function(g)
    local t = "You stay. The network runs, the agents quote, the tapes rotate."
    -- Who gets the IT director jobs around Mobile: what this run did not build.
    if not g.mcse and not g.chamber then
      t = t .. " When hiring comes back in 2005, the IT director jobs around Mobile go to "
            .. "people with current certifications and names the hiring managers already knew."
    elseif not g.mcse then
      t = t .. " When hiring comes back in 2005, the IT director jobs around Mobile go to "
            .. "people with current certifications. The Chamber knows your name; the job "
            .. "postings ask for the letters."
    elseif not g.chamber then
      t = t .. " When hiring comes back in 2005, the IT director jobs around Mobile go to "
            .. "names the hiring managers already knew. Your certificate hangs outside the "
            .. "server closet, where none of them will see it."
    else
      t = t .. " When hiring comes back in 2005, you have the certificate on the wall and "
            .. "people at the Chamber who know your name."
    end
    local why
    local offers = {}
    if frank_offer(g) then offers[#offers + 1] = "Frank's" end
    if vp_offer(g) then offers[#offers + 1] = "Marjorie's" end
    if g.satisfaction >= 60 then offers[#offers + 1] = "Hal's" end
    if #offers > 0 then
      local who = offers[#offers]
      if #offers > 1 then
        who = table.concat(offers, ", ", 1, #offers - 1) .. " and " .. who
      end
      why = "When " .. who .. (#offers > 1 and " offers" or " offer") .. " came, you let "
         .. (#offers > 1 and "them" or "it") .. " pass. It was not a bad decision. It was not a "
         .. "decision at all."
    elseif not g.studying and not g.chamber then
      why = "You never started the MCSE, and you never went to the Chamber. There was always "
         .. "a good reason, and the reasons were all true."
    elseif g.mcse and g.chamber then
      why = "You never put your name in for one of the jobs. Getting ready had come to feel "
         .. "like enough."
    else
      why = "You did some of the work of getting ready, but not enough of it to put your name "
         .. "in the room when a job opened."
    end
    local greg
    if g.greg_answered then
      greg = "At least you did not fall for Greg's offer. That much of 2002 you learned."
    end
    local early
    if g.left_early then
      early = "Some of it goes back to April 2002. The months without pay after you left "
           .. "Meridian early took two years of savings to fill, and they left you wary of "
           .. "every jump since, the good ones too."
    end
    return paras(t, why, early, greg, [[
      It is a decent life in your home town, close to your mother. You are the person who
      keeps Dauphin's network up, and nothing more, and some evenings that is enough.
    ]])
  end,
  lesson = "The downsizing gave you time. A step down turns into a step back up when the slow "
        .. "years build skills and a network, and when you move once the economy turns. Staying "
        .. "put by default is a choice too.",
}

ending "title_elsewhere" {
  title = "A Title in Shreveport",
  verdict = "mixed",
  text = function(g)
    local home = g.moved and "six hours home to Mobile" or "seven hours home to Decatur"
    local t = [[
      You take the director's job at Red River Freight. The title is back on your business
      card, and for fourteen months you drive the ]] .. home .. [[ every Friday night, and
      back every Sunday afternoon.

      You miss Kayla's junior prom for a carrier contract negotiation. Your mother falls in
      her kitchen in March, and Noor is the one who gets there.
    ]]
    local cost
    if g.cashed_401k then
      cost = "The 401(k) you cashed out during the search is the one thing the new salary "
          .. "cannot put back."
    else
      cost = "The savings you spent holding out take two years to rebuild."
    end
    cost = cost .. " You think about the job at Dauphin Mutual on the long drives, more often "
                .. "than you would like."
    if g.left_early then
      cost = cost .. " And about April 2002: had you stayed at Meridian until Gulf Harbor "
                .. "started, the search would have begun with money in the bank."
    end
    return paras(t, cost, [[
      In the spring of 2004 you take a CIO job in Houston, and the family finally moves
      together, to a city none of you chose. Kayla spends her senior year at a school where
      she knows nobody.
    ]])
  end,
  lesson = "You got the title back by holding out, and paid for it with your savings, the "
        .. "distance and the years. A job several rungs down, near home, would have cost less "
        .. "of what you care about.",
}

ending "twice_bitten" {
  title = "Twice Bitten",
  verdict = "bad",
  text = function(g)
    local why
    if g.left_early then
      why = "You are out of work for the second time in three years, for the same reason, and "
         .. "this time you cannot say you did not know."
    else
      why = "In 2002 you stayed at Meridian until your last week, and it carried you through "
         .. "when Gulf Harbor fell away. This time the promise was bigger, and you did not wait "
         .. "for it."
    end
    local passed
    if frank_offer(g) then
      passed = "Frank Dees's offer letter, the one that named a start date, went back to him "
            .. "unsigned. Mobile Bay Regional hired someone from Jackson."
    elseif vp_offer(g) then
      passed = "Marjorie gives the vice president's title to a man from Birmingham."
    end
    return paras([[
      You give Hal two weeks' notice on a Monday. Marjorie is gracious about it. Hal is quiet.
      You rent a room in Atlanta and start sitting in on ClaimPath's meetings for no pay, "to
      get a head start".

      On March 9 the lead investor pulls out, and the Series A goes with him. Greg calls with
      the news. He apologises, and he means it. It is the same call Carl Fontenot made in June
      2002, nearly word for word.

      Dauphin Mutual has already hired your replacement.
    ]], passed, why)
  end,
  lesson = "You left a job before the new one had started. A promise of work is not work, and "
        .. "a startup's funding is a promise resting on another promise.",
}

ending "broke" {
  title = "Out of Runway",
  verdict = "bad",
  text = function(g)
    local house = "the house goes on the market in the spring, priced to sell."
    if g.moved then
      house = "the house in Decatur sells in the spring for less than you owe on it."
    end
    local t = [[
      The savings run out on a Thursday. The mortgage company calls on Friday.

      Noor takes every hygienist's shift two dental practices will give her. You take nights at
      the repair counter of a computer store, reinstalling Windows on other people's machines
      for $11 an hour, and ]] .. house
    local why = {}
    if g.left_early then
      why[#why + 1] = "It started in April, the day you left a paying job with an offer letter "
                   .. "in your pocket and no first day behind it."
    end
    if g.declined_dauphin then
      why[#why + 1] = "Dauphin Mutual offered a way out in the autumn. You were waiting for "
                   .. "something at your level."
    end
    if g.hid_it then
      why[#why + 1] = "You carried the worst of it alone, for longer than you had to."
    end
    if #why == 0 then
      why[1] = "Every month spent waiting for the right job was a month you could not get back."
    end
    return paras(t, table.concat(why, " "), [[
      It takes until 2004 to get back into an IT job, as a contractor. The gap on your résumé
      costs you more interviews than the CIO title ever did.
    ]])
  end,
  lesson = "Savings are the runway of a job search. Every month spent without pay, before a "
        .. "new role had started or waiting for the old rung, came out of the months that "
        .. "would have carried you to work several rungs down.",
}

ending "burned_out" {
  title = "Nothing in Reserve",
  verdict = "bad",
  text = function(g)
    local t
    if g.ivan == "stayed" then
      t = [[
        It happens on the second night of the storm, in the server room, by the light of the
        generator's work lamp. The tightness in your chest will not go away. When the wind
        drops, a deputy drives you to the emergency room at Mobile Bay Regional.

        It is not a heart attack. It is exhaustion and blood pressure, says a doctor your own
        age, and he writes "six weeks off" on a prescription pad as if it were a drug. Noor
        drives back from Hattiesburg with your mother asleep in the back seat.
      ]]
    elseif g.ivan == "drove" then
      t = [[
        It happens at a gas station in Evergreen, on the way back south for your mother, with
        every other car on I-65 going the other way. The tightness in your chest will not go
        away. A state trooper drives you to the hospital in Greenville.

        It is not a heart attack. It is exhaustion and blood pressure, says a doctor your own
        age. Your mother rides out Ivan in her own house, alone, and is fine, and you are not.
      ]]
    elseif g.hired then
      t = [[
        It happens at 2:15 in the morning in the server closet at Dauphin Mutual, halfway
        through one more job that could have waited. The tightness in your chest will not
        go away. The security guard drives you to the emergency room at Mobile Bay Regional.

        It is not a heart attack. It is exhaustion and blood pressure, says a doctor your own
        age, and he writes "six weeks off" on a prescription pad as if it were a drug.
        Lonnie's company sends an engineer to cover. Dauphin manages without you, and that is
        the hardest part.
      ]]
    else
      t = [[
        It happens in the parking lot after the ninth interview that went nowhere. The
        tightness in your chest will not go away, and you sit in the car for an hour before you
        can drive. Noor takes you to the emergency room that night.

        It is not a heart attack. It is exhaustion and blood pressure, says a doctor your own
        age. He asks when you last slept through the night, and you cannot answer him.
      ]]
    end
    local early
    if g.left_early then
      early = "Part of it began in the spring of 2002, when you gave up a paycheck for a promise "
           .. "and spent the summer paying for two houses."
    end
    return paras(t, early, [[
      You spend the rest of the year getting well. The job search, the title, the ladder all
      wait, and you find out that they can.
    ]])
  end,
  lesson = "Burnout came from carrying everything alone: the search, the late nights, every "
        .. "call. Rest, delegation and telling your family the truth are not luxuries in a "
        .. "crisis. They are how you get through one.",
}
