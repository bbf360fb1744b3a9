-- Undercover: the seven endings. Two are forced by thresholds in story.lua: burnout at 100
-- (running_on_empty) and reputation at 0 (managed_out).

ending "part_of_production" {
  title = "Part of Production",
  verdict = "good",
  text = function(g)
    local team
    if g.leaders_out and g.onboarding then
      team = [[Ingrid's week in Pensacola produced the lock-desk fix, Kevin's in Tennessee
        produced Porch's document scanner, and Desmond's in Atlanta produced a help desk that calls
        loan officers back instead of closing their tickets. Every new hire in IT, starting with an
        analyst named Corey in March, spends the first week in a loan officer's car.]]
    elseif g.leaders_out then
      team = [[Ingrid's week in Pensacola produced the lock-desk fix, Kevin's in Tennessee
        produced Porch's document scanner, and Desmond's in Atlanta produced a help desk that calls
        loan officers back instead of closing their tickets.]]
    elseif g.onboarding then
      team = [[Every new hire in IT, starting with an analyst named Corey in March, spends the
        first week in a loan officer's car. By summer the newcomers are the ones asking Ingrid why
        things are done the way they are.]]
    else
      team = [[Ingrid's September week turns into a rota she runs herself: by spring every manager
        in IT has spent a week in a loan officer's car, because she asked them to, not you.]]
    end
    local money
    if money_sense(g) >= 2 then
      money = [[When Halvorsen's budget questions come now, you answer them in cost per loan
        before he has finished asking.]]
    else
      money = [[You still take your budget to Pilar before every hearing, and she still finds
        something in it. The money is the part of the business you learned last.]]
    end
    local tired
    if g.burnout >= 70 then
      tired = "You are more tired than you have been in years. This time you know what it bought."
    end
    return paras([[
      In January Walt rewrites the agenda of the leadership meeting. The first item is now
      called production, and you speak in it, after Marla and before Pilar. Halvorsen does his
      week in February, with a loan officer in Pensacola, and comes back with a longer list than
      yours.
    ]], team, money, [[
      Bobby Rae retires in 2015, after the two best years of his career. His farewell lunch is at
      the Waffle House off 565. He saves you a seat and makes you pay.
    ]], tired, "You still watch the uptime. Nobody asks about it any more, and you find you do "
      .. "not mind.")
  end,
  lesson = "You left your job for a week while it still mattered and came back knowing what the "
        .. "company sells. You built technology that helps it sell, gave the credit to the people "
        .. "who sell with it, and the week became a habit that no longer depends on you.",
}

ending "one_good_launch" {
  title = "One Good Launch",
  verdict = "mixed",
  text = function(g)
    local first
    if g:visited("launch") > 0 and g.app_result == "weak" then
      first = [[The board is polite about Porch. By Christmas a third of the loan officers use it
        every day; the rest use it when Marla is watching.]]
    else
      first = [[The board applauds Porch. The *Birmingham Business Journal* runs a photo of you
        holding a phone in front of the Riverchase office.]]
    end
    local bow
    if g.relationships < 45 then
      bow = [[Marla does not come to your next presentation, and Jasmine stops sending you
        ideas.]]
    end
    local team
    if not (g.leaders_out or g.onboarding) then
      team = [[Your team never left the building. In April, while you are at a conference in
        Nashville, Kevin turns down the loan officers' request for a Porch feature "per policy".
        The memo could have been written by you, a year earlier.]]
    else
      team = [[Porch was your project, and when you stop pushing it, it stops moving. Version
        two is still on the roadmap a year later.]]
    end
    local care
    if g:visited("launch") > 0 and g.satisfaction < 30 then
      care = [[You presented Porch to the board like someone reading another person's slides. By
        then the summer had worn the caring out of you, and the board could tell.]]
    end
    return paras(first, care, bow, team, [[
      You had the moment in the car past the Cullman exit. The company did not have it with you.
    ]])
  end,
  lesson = "One leader who understands the business makes a good quarter. For it to last, the "
        .. "understanding has to reach the team, and the credit has to go to the people who sell.",
}

ending "lights_on" {
  title = "The Lights Stay On",
  verdict = "mixed",
  text = function(g)
    local how
    if g.went_over then
      how = [[The audit chair reads your memo twice and asks Walt to shelve the Pinnacle study
        for a year. Walt does. Halvorsen says nothing about it to you, then or ever, and your
        budget requests start arriving back on your desk with questions in the margin.]]
    elseif g:visited("outsourcing_study") > 0 and g:visited("launch") == 0 then
      how = [[Pinnacle gets the help desk. Desmond's people are offered jobs in Nashville, and six
        of them take one. You keep the applications team, the LoanBase contract and a title on
        the door, reporting to Halvorsen.]]
    elseif g:visited("launch") > 0 then
      how = [[Porch moves to Marla's team, and with it the only part of your job anyone outside
        IT talked about. Your infrastructure backlog is empty by Christmas.]]
    else
      how = [[Next year's budget gets your pre-approval app $150,000. Crestview's is on its
        third version by then.]]
    end
    return paras(how, [[
      Uptime in 2014 is 99.97 percent. You are thanked at every quarterly review and asked
      nothing. In the autumn Walt creates a new job, chief digital officer, "to bring technology
      closer to the business", and hires a woman from a bank in Atlanta to fill it. You report
      to her.
    ]], g.satisfaction >= 50 and [[
      It is a good job, and you are good at it. It is the job you had in May 2013.
    ]] or [[
      It is a good job, and you are good at it. It is the job you had in May 2013, and you have
      started taking recruiters' calls at lunch.
    ]])
  end,
  lesson = "Well-run operations earn thanks. Without a hand in what the business sells and how it "
        .. "grows, a technology leader's career stops where the service ends.",
}

ending "crossing_over" {
  title = "The Other Side of the Desk",
  verdict = "mixed",
  text = function(g)
    local it
    if g:visited("outsourcing_study") > 0 then
      it = [[Pinnacle takes the help desk. Halvorsen hires a director of technology from his old
        bank in Charlotte.]]
    else
      it = [[Walt hires your replacement from a bank in Charlotte, on Halvorsen's advice.]]
    end
    return paras([[
      You are a bad regional sales manager for five months and a fair one by spring. You learn
      to read a rate sheet in a parking lot, to call realtors back on Saturday, and what a
      warehouse line costs a lender by the day.
    ]], it, [[
      In March the new man locks down personal phones and blocks every app that touches a
      borrower's file, pending "a full review". You walk up to the fourth floor with the field's
      side of it. He nods through it and hears what you heard in May 2013: a salesman wanting the
      rules bent. His memo could have been one of yours. From a regional office it is plain what
      it will cost Magnolia, and the keys that could change it hang on his ring, not yours.
    ]], g.satisfaction >= 50 and [[
      Most weeks you do not mind. You like the work, and the realtors in Huntsville know your
      name.
    ]] or [[
      Some nights, driving home from Chattanooga, you wonder what you would have built.
    ]])
  end,
  lesson = "The business finally made sense from the other side of the desk, where you could no "
        .. "longer change IT. Knowing the business is worth most to a technology leader while "
        .. "still leading the technology.",
}

ending "managed_out" {
  title = "Managed Out",
  verdict = "bad",
  text = function(g)
    local how
    if g.went_over then
      how = [[Your memo reaches the audit chair on a Monday and Halvorsen on the Tuesday. Pinnacle
        signs in October, and the help desk moves to Nashville.]]
    elseif g.blamed then
      how = [[Walt lets Halvorsen run the meeting, and Halvorsen lets the silence do the work. Two
        weeks later Porch is switched off "pending review", and so, in effect, are you.]]
    elseif g:visited("outsourcing_study") > 0 then
      how = [[Pinnacle signs in October. The help desk moves to Nashville; six of Desmond's people
        follow it, and the rest take severance.]]
    elseif g:visited("budget_defense") > 0 then
      how = [[Pinnacle's ninety days run without you in the room. Halvorsen stops copying you on
        the study's questions in August, and Pilar tells you why before he does.]]
    else
      how = [[By the end of the summer Walt has stopped inviting you to the leadership meeting.
        Halvorsen asks Pinnacle Managed Services for a proposal without telling you, and Pilar
        tells you anyway.]]
    end
    local care
    if g.satisfaction < 30 then
      care = [[Somewhere in the summer you stopped caring, and it showed before you noticed it
        yourself: the staff meetings you cancelled, the budget questions you answered in one
        line. Halvorsen noticed first.]]
    end
    return paras(how, care, [[
      On a Friday in November, Halvorsen and a partner from human resources meet you in the small
      conference room on the second floor. It takes eleven minutes. You leave with twelve weeks
      of severance and the good opinion of everyone who ever worked for you, which does not
      transfer.
    ]], [[
      Ingrid helps you carry two boxes to the car. "For what it's worth," she says, "you ran the
      best IT shop I ever worked in." It is worth a good deal. It is not worth a seat at the
      table.
    ]])
  end,
  lesson = "Without allies in the business, a technology leader is the easiest line in any "
        .. "budget to hand to someone else. Defending operations in operational terms, letting "
        .. "it show that you no longer care, or blaming others when things go wrong only makes "
        .. "the line easier to draw.",
}

ending "open_doors" {
  title = "Open Doors",
  verdict = "bad",
  text = [[
    Magnolia mails 214 letters and pays for two years of credit monitoring. Your name is on the
    letters. Porch is switched off for the rest of the year, and the realtors Marla promised it to
    remember that.

    Halvorsen takes IT under his own wing "for stability", and the first thing he does is bring
    back every rule you relaxed. Ingrid was right, and says so exactly once.

    You still know more about the business than anyone else in IT, and for a while nobody wants
    to hear it from you.
  ]],
  lesson = "You learned the business and then dropped the one best practice that protected it. "
        .. "The cure for rigid rules is judgment about which rules matter, not no rules.",
}

ending "running_on_empty" {
  title = "Both Jobs at Once",
  verdict = "bad",
  text = function(g)
    local where
    if g.left_week then
      where = [[Somewhere on Interstate 65, driving back to Birmingham after midnight, you drift
        onto the rumble strip and wake to the noise. You pull into the Cullman rest area and
        cannot make yourself start the car again.]]
    elseif g:visited("waffle_house") > 0 and g:visited("budget_hearing") == 0
           and g:visited("outsourcing_study") == 0 then
      where = [[One morning that week you do not come down to the hotel lobby at 6:40. Bobby Rae
        knocks at 6:55, then fetches the night manager. You are awake. You cannot make yourself
        get up.]]
    elseif g.build == "self" then
      where = [[At 2:40 one morning in September you fall asleep at your kitchen table with the
        laptop open, and wake at seven with the rate-lock module on the screen and no memory of
        the last hour of it.]]
    elseif g:visited("build_choice") > 0 or g:visited("quick_wins") > 0 then
      where = [[One night in September, between the help desk rota, Kevin's code reviews and
        Marla's launch calls, you fall asleep at your desk on the fourth floor and wake at five to
        the cleaning crew's vacuum. You cannot remember driving in.]]
    else
      where = [[One evening that summer you fall asleep at a red light on Highway 280 and wake to
        a horn.]]
    end
    return paras(where, [[
      The doctor at Brookwood says *exhaustion*, and then *six weeks*. Noor drives you home and
      takes your phone. Ingrid runs IT while you are gone. She runs it well.
    ]], [[
      When you come back, your chair is still yours and the agenda of the leadership meeting has
      not changed. Walt is kind about it. He does not mention production again.
    ]])
  end,
  lesson = "You carried more than one job at a time until the tank was empty. Leaving your job "
        .. "for a week only works if you actually leave it and hand the rest to people you "
        .. "trust; nobody learns anything at the bottom of the tank.",
}
