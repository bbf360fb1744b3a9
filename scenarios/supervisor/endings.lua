-- The Reluctant Supervisor: the endings.

ending "back_at_bench" {
  title = "Back at the Bench, by Choice",
  verdict = "good",
  effects = { satisfaction = 10, burnout = -10, technical = 3 },
  text = function(g)
    local t = [[
      By the end of the summer the first piece of the new Bridge is in production: warehouse
      acknowledgements on a message queue, built by you and Anjali in eleven weeks. It has not dropped a
      message since.
    ]]
    if g.successor == "marco" then
      t = paras(t, "Marco runs the Thursday design reviews now. He still finishes a sentence "
                .. "for someone now and then, but he catches himself, and Ruth has started to "
                .. "enjoy watching him learn.")
    elseif g.successor == "ruth" then
      t = paras(t, "Ruth runs the team well and without joy, and has asked Dana twice when "
                .. "Marco will be ready. You owe her, and you both know it.")
    else
      t = paras(t, "Curtis runs the team the way he ran things at the bank: carefully, kindly, "
                .. "with spreadsheets. The team has decided to like him.")
    end
    if g.told_story then
      t = paras(t, [[
        The sales director still says *bumped down* when he passes your desk. Nobody else does.
        When people ask, you tell it the way you told him: they promoted you for being good at
        the work, you led it for a year, and you chose to go back to doing it.
      ]])
    else
      t = paras(t, [[
        The sales director still says *bumped down* when he passes your desk. You never answered
        him. The acknowledgements that have not dropped a message since June answer him for you,
        and nobody else on the fourth floor uses the phrase.
      ]])
    end
    if g.cares_title then
      t = paras(t, "Some days you miss the title more than you let on. Then a build goes green "
                .. "at four in the afternoon and you forget to miss anything.")
    end
    if g.acting then
      t = paras(t, "Your personnel file still calls the supervisor year *acting*. Dana never "
                .. "changed it, and you suspect that was deliberate.")
    end
    return paras(t, "In August, Noor mentions that you have stopped grinding your teeth. You "
                 .. "had not noticed it stop.")
  end,
  lesson = "You asked the hard questions, talked to a boss who could hear you, and paid for the "
        .. "way back with a real handover. Going back to the work you do best was a step, not a "
        .. "fall.",
}

ending "new_bench" {
  title = "A New Bench",
  verdict = "good",
  effects = { satisfaction = 20, burnout = -10, technical = 5 },
  text = function(g)
    local t = "In March you start at Corvane, at a desk by a window over the river"
    if g.negotiated then
      t = t .. ", on six percent more than the first offer"
    end
    t = t .. ". Your first week, you find a race condition in the freight tracker that two "
         .. "engineers had been chasing since October. Imani sends you a single-word message: "
         .. "*Welcome.*"
    if g.cross_trained or g.taught_bridge then
      t = paras(t, "At Brandt & Voss, Marco takes the team. The Bridge barely notices you have "
                .. "gone, which is the best compliment it could pay you.")
    else
      t = paras(t, "At Brandt & Voss, Ruth holds the team until Dana can hire. The runbooks you "
                .. "wrote in your last six weeks are taped inside the server room door.")
    end
    if g.ultimatum then
      t = paras(t, "Your ultimatum in December was the last real conversation you had with Dana. "
                .. "She shakes your hand on your last day, and her reference, when Corvane calls, "
                .. "is correct and cool.")
    elseif g.told_dana then
      t = paras(t, "Dana takes you to lunch on your last day. \"I'd have made the same call,\" "
                .. "she says. \"I'd just have taken longer to admit it.\"")
    elseif g:visited("counter") > 0 then
      t = paras(t, "Dana's counteroffer is still in a drawer somewhere. She shakes your hand on "
                .. "your last day and gives you a fair reference when Corvane calls.")
    elseif g.talked then
      t = paras(t, "Dana hears about Corvane from you, a week after the interview rather than "
                .. "before it. She gives you a fair reference, and a look that says she noticed "
                .. "the order.")
    else
      t = paras(t, "You tell Dana about Corvane the day you accept. You never asked her "
                .. "for a way back inside, and you will never know whether she would have found "
                .. "one. She gives you a fair reference anyway.")
    end
    return paras(t, [[
      When people at Corvane ask why you left management, you tell them what you told Imani:
      they promoted you because you were good, and the year taught you exactly what you are
      good for.
    ]])
  end,
  lesson = "You looked outside before you had to, told a future employer the truth about the "
        .. "move, and left with a handover instead of a slammed door.",
}

ending "sideways" {
  title = "Sideways Is a Direction",
  verdict = "good",
  effects = { satisfaction = 5, burnout = -5 },
  text = function(g)
    local t
    if g.rotation_kind == "internship" then
      t = [[
        Dana signs the transfer in July, without warmth. The MATC certificate arrives in
        August, and with it the first full night's sleep you can remember. You are a senior
        engineer on the data warehouse team, and the work is new every week.
      ]]
      if not g.talked then
        t = paras(t, "It takes Dana until Christmas to stop calling you *the one who went "
                  .. "round me*. You earned that, and you know it.")
      end
    else
      t = [[
        In July the rotation becomes permanent: senior engineer, data warehouse. Gwen puts you
        in charge of moving the warehouse feeds onto a message queue, which means you spend the
        autumn rebuilding the Bridge from the outside in.
      ]]
      if g.cross_trained or g.coached_marco or g.taught_bridge then
        t = paras(t, "Marco keeps the team. He asks you for advice about once a month, and "
                  .. "takes it about half the time, which seems right.")
      else
        t = paras(t, "Ruth keeps the team until Dana hires a supervisor in the autumn. She "
                  .. "gives the new one a list of everything you never wrote down.")
      end
    end
    return paras(t, [[
      Linda adds a fifth entry to the chart in her office, the first one outside Finance.
      Before the end of the summer, two more people from IT ask her about Cross-Step.
    ]])
  end,
  lesson = "You used the side door the company had built and almost nobody tried. A lateral "
        .. "move is not a retreat when it takes you towards the work you do best.",
}

ending "steady_hands" {
  title = "Steady Hands",
  verdict = "mixed",
  effects = { satisfaction = -5, technical = -5 },
  text = function(g)
    local t
    if g.asked_transfer then
      t = [[
        Dana turns down the transfer. "I can't have my supervisors building careers behind my
        back," she says, and she is not entirely wrong. You keep the certificate and the team.
      ]]
    elseif g:visited("rotation") > 0 and g.rotation_kind == "internship" then
      t = [[
        You hand back your hours on the data warehouse team in July and finish the certificate
        on your own time. By August the supervisor job has filled the space they left, and
        Gwen's nightly loads feel like something you did once, on holiday.
      ]]
    elseif g:visited("rotation") > 0 then
      t = [[
        You go back to the fourth floor in July. The team is glad to have you, the calendar
        fills up by Wednesday, and by August the six months on the data warehouse team feel like a
        holiday you once took.
      ]]
    elseif g.took_more then
      t = [[
        By summer you manage twenty people across two teams. Your calendar has no gaps before
        six. You have not opened a line of code since the holiday peak.
      ]]
    else
      t = [[
        You stay. The dread settles into something quieter, like the hum of a server room: after
        a while you stop hearing it, but it never stops.
      ]]
    end
    t = paras(t, [[
      The team's numbers stay excellent. Your technical skills become a story you tell at
      parties. You are very good at a job you do not want, and every year it is a little harder
      to imagine leaving it.
    ]])
    if g.satisfaction >= 45 then
      t = paras(t, "Some days you find you do care: about Keisha's four-day week working, about "
                .. "Marco's first design review without you in the room. It is not the work. It "
                .. "is not nothing.")
    elseif g.satisfaction >= 30 then
      t = paras(t, "You care about the team more than the job, and most days that is enough to "
                .. "get you through the door.")
    else
      t = paras(t, "Most days you do not care about the job at all, and you have become good at "
                .. "hiding it from everyone but Noor.")
    end
    if g.burnout >= 75 then
      t = paras(t, "In September your doctor mentions your blood pressure, and then mentions it "
                .. "again.")
    end
    if g.wants_rewrite then
      t = paras(t, "The Bridge rewrite goes to Anjali. It is good work. You approve every pull "
                .. "request.")
    end
    return t
  end,
  lesson = "Staying kept the title and the results, and the dread came with them. Until you act "
        .. "on what the questions tell you, the company's idea of a career answers them for you.",
}

ending "asterisk" {
  title = "Back, with an Asterisk",
  verdict = "mixed",
  effects = { satisfaction = 5, reputation = -5 },
  text = function(g)
    local t
    if g.quit then
      t = [[
        Dana takes you back in February, as an integration engineer reporting to Ruth, one rung
        below the seat you left a year ago. Your HR file says *rehire*. The work is fine. The
        looks in the elevator take most of a year to fade.
      ]]
    else
      local who = successor_name(g)
      t = "The rewrite is yours. The team, somehow, is not quite " .. who .. "'s."
      if not g.successor_ready then
        t = paras(t, who .. " never quite takes hold of it. People bring you their problems "
                  .. "out of habit, and you answer out of habit, and by summer you are doing the "
                  .. "rewrite and half the supervisor's job without the title for either.")
      else
        t = paras(t, "Every time you answer a question that should have gone to " .. who
                  .. ", a little of the handover comes undone.")
      end
      if g.told_story then
        t = paras(t, [[
          At the summer all-hands the sales director calls you "our comeback kid". You told him
          your side of it in ]] .. back_month(g) .. [[. He tells his version anyway, louder, and with the team
          still coming to your desk, his version is easier to believe.
        ]])
      else
        t = paras(t, [[
          At the summer all-hands the sales director calls you "our comeback kid". People
          laugh. You never told anyone your side of it, so his is the version that sticks.
        ]])
      end
    end
    return paras(t, "You are back at the work, which is what you wanted. You are also, for now, "
                 .. "the person who couldn't hack it, which is what you feared.")
  end,
  lesson = "You got back to the work, and the stigma of the step down came with you. A way back "
        .. "sticks when you leave cleanly, let go for real and tell the story of the move yourself.",
}

ending "rough_exit" {
  title = "Out the Side Door",
  verdict = "mixed",
  effects = { satisfaction = 10, relationships = -5 },
  text = function(g)
    local t
    if g.quit then
      t = [[
        The contract pays well and covers nothing: no insurance, no vacation, no promises.
        It is also, from the first morning, the work you missed: a broken feed, a whiteboard,
        and nobody's calendar but your own.

        In June Corvane offers you a permanent job on the strength of what you built, not of
        your story about why you left. You take it. The weeks with no income and the months with
        no benefits took most of your savings, and it will be a while before Dana returns your
        e-mails.
      ]]
    else
      t = [[
        You start at Corvane in February. On your last day at Brandt & Voss there is no agenda
        for the staff meeting, because nobody has written one.
      ]]
      if g.kept_bridge and not g.taught_bridge then
        t = paras(t, "In your second week at Corvane the Bridge goes down. Marco calls you at "
                  .. "lunch, and you talk him through it from the phone in an empty "
                  .. "conference room while Imani walks past twice.")
      end
      t = paras(t, [[
        Dana gives you a reference when asked: accurate, and brief. Ruth sends a card on your
        birthday and nothing else all year.
      ]])
    end
    return paras(t, "You have the work you love. You left something behind at Brandt & Voss "
                 .. "that you will want back one day, and it is not the job.")
  end,
  lesson = "You reached the work you love, but the way you left cost trust you will want back. "
        .. "Leave with a new job lined up and a transition, not with a slammed door.",
}

-- Whether any scene after the holiday peak has been reached.
function visited_after_peak(g)
  for _, id in ipairs({ "successor", "handover", "first_week_back", "interview", "offer",
                        "counter", "no_offer", "rotation", "endure_winter", "march_review" }) do
    if g:visited(id) > 0 then return true end
  end
  return false
end

ending "running_empty" {
  title = "Running on Empty",
  verdict = "bad",
  text = function(g)
    local t
    if g.burnout < 100 then
      -- reached by staying in a job you had stopped caring about (stay_end)
      t = [[
        You stay. The dread does not settle; it digs in. By May you are awake at four most
        mornings, rehearsing conversations with people who report to you. In June, halfway
        through a one-on-one with Keisha, you cannot find the word for *schedule*, and your
        hands will not stop shaking. Keisha walks you to Dana's office, and Dana drives you to
        urgent care herself.
      ]]
    elseif g:visited("peak") > 0 and not visited_after_peak(g) then
      t = [[
        At 5:40 in the morning the backlog is clear, and you are sitting on the floor of the
        computer room because your legs have stopped taking instructions. Marco finds you there
        when he comes in with coffee. He drives you to urgent care in his own car, talking the
        whole way so that you will not fall asleep.
      ]]
    else
      t = [[
        It happens on a Tuesday, in a one-on-one with Keisha. You are explaining the plan for
        the quarter, and halfway through a sentence you cannot find the word for *schedule*.
        Your hands will not stop shaking. Keisha walks you to Dana's office, and Dana drives
        you to urgent care herself.
      ]]
    end
    t = paras(t, [[
      The doctor calls it exhaustion and signs you off work for six weeks. Noor takes your
      pager and puts it in a kitchen drawer.
    ]])
    if g.satisfaction <= 25 then
      t = paras(t, "In the first week at home you notice that you do not miss the job at all. "
                .. "You have not cared about it since the autumn, and you kept doing it anyway.")
    end
    if g.kept_bridge and not g.taught_bridge then
      t = paras(t, "The Bridge abends twice while you are away. Nobody can reach you, and nobody "
                .. "else knows its job streams. Marco and Ruth rebuild the runbook from your "
                .. "old source comments.")
    else
      t = paras(t, "The team manages without you, and manages well. That is almost the hardest "
                .. "part.")
    end
    if g.path == "corvane" and g:visited("offer") == 0 then
      t = paras(t, "Corvane's process goes on without you too. By the time you can think about "
                .. "it, the job has gone to someone else.")
    end
    return paras(t, [[
      When you come back, the question you kept putting off has been answered without you.
      There is an acting supervisor who is doing fine, a plan from HR for your "phased return",
      and a rewrite that has started with someone else's name on it.
    ]])
  end,
  lesson = "Months of carrying a job you did not care about, with no boundary and no plan to "
        .. "change it, added up to a collapse. Burnout made the decision you kept putting off.",
}

ending "burned_bridges" {
  title = "Bridges Burned",
  verdict = "bad",
  effects = { satisfaction = -10, reputation = -10 },
  text = function(g)
    if g.lied then
      return [[
        You resign by e-mail on Wednesday night and do not go in on Thursday. Sam stops
        returning your calls. Ruth, who told the truth because she does not know another way,
        leaves one message on your answering machine: *You could have just said.*

        By April you are contracting through an agency, keeping someone else's twenty-year-old
        billing system alive, and explaining a short, sudden exit in every interview. The story
        you tell gets smoother. It does not get truer.
      ]]
    end
    if not g.quit then
      -- reached by staying in a job you had stopped caring about (stay_end)
      return paras([[
        You last until May. At Dana's Thursday staff meeting she asks, mildly, why the vendor
        review is a week late, and you hear yourself say that you are done: not with the review,
        with all of it. You clear your desk that afternoon. There is no offer, no plan, and
        nobody you have kept in touch with.
      ]], [[
        The summer is interviews that go nowhere. Every one of them asks why you walked out of
        a job you were good at, and you have no answer you would want repeated. In August you
        take a night-shift help desk contract, resetting passwords for a hospital chain.
      ]], [[
        You stopped caring about the job long before you left it, and you never built a road to
        anything else. It is hands-on work, technically. It is not the work you missed.
      ]])
    end
    local t = [[
        February, March, April. The interviews thin out, and every one of them asks why you
        left a job you were good at with nothing lined up. By May the savings are gone, and you
        take a night-shift help desk contract, resetting passwords for a hospital chain.
      ]]
    if g.called_dana then
      t = paras(t, [[
        You did call Dana, in January. She was polite, which was worse than angry. "We've
        moved on," she said, and she had.
      ]])
    else
      t = paras(t, [[
        You never call Dana. Pride, mostly. In April you hear from Keisha that Ruth has the
        job for good, and that nobody at Brandt & Voss mentions your name.
      ]])
    end
    return paras(t, [[
      It is hands-on work, technically. It is not the work you missed, and it is not the work
      you are good at. You walked out of the wrong job without a road to the right one, and now
      both are behind you.
    ]])
  end,
  lesson = "Leaving before the next role was lined up, and leaving badly, closed both roads "
        .. "at once. Build the way out before you walk through the door.",
}
