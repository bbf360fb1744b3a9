-- Derailed, act 4: the new way. Derailers 5 (failing to embrace change), 6 (burnout: no off
-- times, no boundaries, no delegation) and 7 again (the customer behind the ticket).

scene "new_coo" {
  advice = "Move with the business's new way of working instead of defending the method you grew up with.",
  chapter = "The new way",
  text = function(g)
    return paras([[
      November. Ben Adeyemi joins as chief operating officer, from a grocery-delivery startup in
      Chicago. He is thirty-eight, wears running shoes to the boardroom, and in his first week he
      reads Tom Fennell's 311-line ERP plan from end to end.

      "Six more months before anyone outside IT sees a thing," he says, perched on the edge of
      your desk. "Northstar changes its website every two weeks." He wants a web ordering pilot
      live with twenty restaurants by March, built in two-week releases with Rosa's people in
      the room, and the ERP plan cut into slices that each deliver something on their own.
    ]], g.pitched == "you" and [[
      "Ellen liked the pilot you pitched at the exec meeting," he adds. "She's given it to me. I
      want to run it with you."
    ]] or g.pitched == "rosa" and [[
      "Ellen liked the pilot you and Rosa brought to the exec meeting," he adds. "She's given it
      to me. I want to run it with the two of you."
    ]] or nil, [[
      Tom has run projects at Kessler for twenty-two years, and his plans finish on time, which
      is more than most people's do. That afternoon he stands in your doorway with his reading
      glasses in his hand. "Is there still a job for me in this?"
    ]])
  end,
  lesson = "How IT delivers changes as the business changes. Holding on to the method you grew "
        .. "up with is a choice to be left behind with it.",
  discuss = "Which way of working that you are good at might your business not need in five "
         .. "years? What would you learn instead?",
  choice { "Defend Tom's plan: the ERP first, in phases, the way that has always worked here",
           id = "defend_plan", advice = "against",
           effects = { reputation = -5, relationships = -3 },
           set = { change = "clung" },
           go = "shadow_it",
           lesson = "The plan was sound for the company Kessler used to be. Defending the "
                 .. "familiar way while the business moves on is how long careers stall." },
  choice { "Agree in the meeting, then relabel Tom's phases as releases",
           id = "relabel", advice = "against",
           effects = { reputation = -2 },
           set = { change = "theatre" },
           go = "y2k",
           lesson = "Calling the old plan by new names fooled nobody for long, and left you "
                 .. "defending something you did not believe in." },
  choice { "Back Ben: two-week releases, Rosa's people in the room, the ERP plan re-cut",
           id = "back_ben", advice = "follows",
           effects = { burnout = 6, acumen = 4, reputation = 5, relationships = -3, technical = -2 },
           reply = "Half your team liked the wall. Tom's people stop talking when you walk in.",
           set = { change = "embraced" },
           go = "tom",
           lesson = "Change cost you the comfort of the plan on the wall. Standing beside the "
                 .. "wall would have cost more." },
}

scene "tom" {
  text = [[
    Tom takes it better than you feared and worse than he lets on. By Friday he has filled a
    whiteboard with objections: the auditors, testing, the AS/400 cutover, the drivers'
    handhelds. Most of them are right.

    Ben's view is that Tom is the wrong man for a team that changes its mind every two weeks.
    Two agencies have already offered a "delivery lead" who could start in January at $160 an
    hour, and Ben has forwarded you both emails.
  ]],
  lesson = "Embracing change includes bringing people through it, not only the plan.",
  discuss = "Who on your team would find a change like this hardest? What would help them "
         .. "through it?",
  choice { "Keep Tom, and take the new-methods course with him: his objections belong in the "
           .. "reviews",
           id = "keep_tom",
           effects = { relationships = 6, burnout = 4, reputation = -2 },
           set = { tom = "kept" },
           go = "y2k",
           lesson = "Bringing the veteran through the change kept twenty-two years of knowledge "
                 .. "in the room, at the price of slower first releases." },
  choice { "Move Tom to the ERP cutover on his own, and hire the delivery lead for the pilot",
           id = "move_tom",
           effects = { acumen = 2, relationships = -6, reputation = 3 },
           set = { tom = "moved" },
           go = "y2k",
           lesson = "The pilot got an expert and moved faster. Tom got a corner of the old "
                 .. "world to finish alone, and everyone watched how you did it." },
}

scene "shadow_it" {
  advice = "When the business has moved without IT, join it instead of blocking it.",
  text = [[
    January. At Ben's staff meeting a designer you have never met opens a laptop on the table.
    On it is Kessler's ordering website: Kessler's logo, Kessler's product photos, built in nine
    weeks by Forkful, a web agency in Cincinnati, under a contract Ben signed in December. It
    needs one thing from IT: a live connection to the AS/400 for prices and stock.

    Ben does not look embarrassed. "You told me the plan comes first. The restaurants couldn't
    wait for it."

    Beside you, Tom studies the table.
  ]],
  lesson = "When IT will not change, the business does not wait. It goes around.",
  discuss = "Is there a system in your organisation that the business built or bought without "
         .. "IT? Why did they?",
  choice { "Refuse the connection until Forkful passes a full security review: eight weeks",
           id = "block_forkful", advice = "against",
           effects = { reputation = -6, relationships = -6 },
           set = { change = "blocked", process_wall = true },
           go = "y2k",
           lesson = "The review was defensible, and it found real problems. It also told the "
                 .. "whole company that IT's process mattered more than its customers." },
  choice { "Swallow it, and put Anil and Lucy on the connection this week",
           id = "join_late", advice = "follows",
           effects = { reputation = 3, relationships = 3, burnout = 5 },
           set = { change = "late" },
           go = "y2k",
           lesson = "Joining late is still joining. The cost was the lead you could have had." },
}

scene "y2k" {
  -- The article does not speak to this one: how far to let go of the machinery is judgement.
  text = function(g)
    local who
    if g.anil_trained then
      who = [[
        Anil owns the Courier's share of the work, and has already found eleven two-digit years
        the consultants missed.
      ]]
    else
      who = [[
        The Courier's share of the work is yours by default. Nobody else has ever read it.
      ]]
    end
    return paras([[
      February 1999. Every school district Kessler feeds wants a letter by April 1 saying that
      Kessler's systems are ready for the year 2000, signed by you, with Ellen signing under
      you. The remediation of 2,800 AS/400 programs is in the hands of four consultants from
      Cleveland at $95 an hour. Their weekly report says 82 percent complete, in green. It has
      said green since October.
    ]], who, tired(g))
  end,
  lesson = "Letting go of the technical work is not the same as losing touch with it. A leader "
        .. "still has to know enough to tell a green report from a working system.",
  discuss = "Which status report do you sign off on without being able to check it? What would "
         .. "you need to know to check it?",
  choice { "Read the remediation yourself: Friday nights with the listings until you would sign "
           .. "on your own knowledge",
           id = "read_y2k",
           effects = { technical = 7, burnout = 9 },
           set = { y2k = "self" },
           go = "pilot_launch",
           lesson = "You could vouch for every line you signed. You read them at the hours your "
                 .. "family was asleep." },
  choice { "Let Anil run it, and spend one Saturday a month beside him in the test lab, rolling "
           .. "the clock forward to 2000",
           id = "test_with_anil",
           when = function(g) return g.anil_trained end,
           show_locked = "Anil would need to know the Courier, and nobody has taught him",
           effects = { technical = 4, burnout = 4, relationships = 2 },
           set = { y2k = "tested" },
           go = "pilot_launch",
           lesson = "Checking the work beside the person who owns it kept your hands off the "
                 .. "keyboard and your judgement on the machinery." },
  choice { "Sign on the consultants' green report, and keep your Fridays for the pilot",
           id = "trust_report",
           effects = { technical = -5, burnout = -3, acumen = 2 },
           set = { y2k = "trusted" },
           go = "pilot_launch",
           lesson = "You signed a letter about systems you no longer knew well enough to doubt." },
}

scene "pilot_launch" {
  advice = "Set off times and honour them: a holiday taken, with someone trained to carry the week.",
  effects = function(g)
    if g.change == "theatre" then return { reputation = -5 } end
    return {}
  end,
  text = function(g)
    local launch
    if g.change == "embraced" and g.tom == "kept" then
      launch = [[
        March. The pilot goes live on Monday, March 8, for twenty of Rosa's restaurants:
        ordering until 1 a.m., a call before every substitution. Lucy Tran built the
        substitution screen, Anil the link to the AS/400, and Tom runs the fortnightly reviews
        as if he had invented them.
      ]]
    elseif g.change == "embraced" then
      launch = [[
        March. The pilot goes live on Monday, March 8, for twenty of Rosa's restaurants:
        ordering until 1 a.m., a call before every substitution. The new delivery lead, Sasha
        Kline, runs the releases well. Tom is on the ERP cutover two floors down and eats lunch
        at his desk.
      ]]
    elseif g.change == "late" then
      launch = [[
        March. Forkful's site goes live for twenty restaurants on Monday, March 8. It reaches
        the AS/400 through a connection Anil and Lucy built in three weeks, which Ben has
        mentioned twice in meetings, generously.
      ]]
    elseif g.change == "blocked" then
      launch = [[
        March. Forkful's site goes live for twenty restaurants on Monday, March 8, five weeks
        behind Ben's date, after your security review. The review found two real problems.
        Nobody outside IT remembers that part.
      ]]
    else
      launch = [[
        March. The pilot, listed as "Release 14" on Tom's chart, goes live on Monday, March 8,
        with half the features Ben asked for. He has stopped coming to your status meetings and
        started sending his questions to Lucy directly.
      ]]
    end
    return paras(launch, [[
      The same week is Kayla's spring break: a cabin in the Hocking Hills, booked in October and
      paid for, with Noor's parents driving down from Toledo. On Sunday night Noor asks, in the
      careful voice, whether you are actually coming.
    ]], tired(g))
  end,
  lesson = "Boundaries are set before the emergency. A team that can run without you is what "
        .. "makes an 'off' switch possible.",
  discuss = "When did you last take a week with no work at all? What would have to be true for "
         .. "you to do it?",
  choice { "Go, and leave the laptop at home: Anil has the pager and Ben has Anil's number",
           id = "go_off", advice = "follows",
           when = function(g) return g.anil_trained end,
           effects = { burnout = -10, relationships = 3, reputation = -3 },
           reply = "The launch-week report to Ellen comes from Ben. It names Anil four times and "
                .. "you once.",
           set = { vacation = "off", always_on = false },
           go = "chef_teo",
           lesson = "Off time, honoured, is what lets you be fully on when it counts. You could "
                 .. "take it because someone else could carry the week, and you let him have "
                 .. "the credit." },
  choice { "Go, and leave the laptop at home: the team will have to cope",
           id = "go_off_unready", advice = "follows",
           when = function(g) return not g.anil_trained end,
           effects = { burnout = -10, reputation = -4 },
           set = { vacation = "off_unready" },
           go = "chef_teo",
           lesson = "The rest was real. So was the wobble: nobody had been trained to decide "
                 .. "anything in your absence." },
  choice { "Go, but check email every evening, just in case",
           id = "go_checking", advice = "against",
           effects = { burnout = -3 },
           set = { vacation = "checked", always_on = true },
           go = "chef_teo",
           lesson = "Half a holiday rests nobody. Your team read your 11 p.m. replies as the "
                 .. "hours you expected of them." },
  choice { "Cancel: the launch needs you",
           id = "cancel_trip", advice = "against",
           effects = { burnout = 10, relationships = -5, reputation = 2 },
           set = { vacation = "cancelled", always_on = true },
           go = "chef_teo",
           lesson = "Cancelling impressed nobody for long. The exhaustion you banked that week "
                 .. "came due later." },
}

scene "chef_teo" {
  advice = "Go and see the customer yourself instead of answering with the ticket.",
  text = function(g)
    local back
    if g.vacation == "off" then
      back = [[
        You come back tanned and slept. Anil's handover note is one page: two bugs fixed, one
        open, and a call he made about substitutions that you would have made the same way.
      ]]
    elseif g.vacation == "off_unready" then
      back = [[
        You come back rested, to 63 unread messages. The pilot had a bad Wednesday. Nobody knew
        who could approve a fix, so nobody did, and Ben approved it himself on Thursday.
      ]]
    elseif g.vacation == "checked" then
      back = [[
        You come back more tired than you left. You answered forty emails on the laptop, dialled in
        over the cabin's one phone line after Kayla was asleep, and Anil answered each of yours
        within minutes, at any hour.
      ]]
    else
      back = [[
        Noor took Kayla to the cabin with her parents. You spent the week in the project room. The
        launch went fine. It would probably have gone fine anyway.
      ]]
    end
    return paras(back, [[
      April, 6:05 a.m. Rosa calls. "Teo Ruiz is going to Northstar."

      Teo owns three restaurants in the Short North and has bought from Kessler for eleven
      years. He joined the pilot as a favour to Rosa. Twice in a week, orders he placed on the
      website never reached the warehouse, and on Friday he opened for a ninety-cover dinner with no
      halibut.

      | Ticket 48213, priority 3: Web orders not received in warehouse
      | Status: cause identified, fix scheduled for release of Tuesday, April 13

      Yvonne's team has found the cause: the website and the AS/400 disagree about what a "case" of
      halibut is. The fix is in next week's release.
    ]])
  end,
  lesson = "IT's customers include the business's own customers. Getting out from behind the "
        .. "ticket is the job, not a favour.",
  discuss = "When did someone from IT last sit with one of your company's customers? What "
         .. "happened?",
  choice { "Leave it to Rosa: Teo is her account",
           id = "leave_to_rosa", advice = "against",
           effects = { relationships = -2 },
           set = { teo = "rosa" },
           go = "rules",
           lesson = "Leaving the customer to sales kept IT out of the one room where its work "
                 .. "was being judged." },
  choice { "Send Teo the root-cause analysis and the fix date from the ticket",
           id = "send_rca", advice = "against",
           effects = { reputation = -4 },
           set = { teo = "ticket", process_wall = true },
           go = "rules",
           lesson = "A root cause and a release date were accurate and cold. Teo wanted a "
                 .. "person in his kitchen, and got a document in his fax tray." },
  choice { "Drive to Teo's kitchen before service and hear it from him",
           id = "visit_teo", advice = "follows",
           effects = { burnout = 4, relationships = 6, acumen = 3 },
           set = { teo = "visited" },
           go = "rules",
           lesson = "Standing in Teo's kitchen, you learned the ticket was the least of it. "
                 .. "People stay with someone who shows up." },
}

scene "rules" {
  advice = "Publish rules of engagement for evenings and weekends, and keep them.",
  text = function(g)
    local teo
    if g.teo == "visited" then
      teo = [[
        Teo made you wait twenty minutes, then showed you the walk-in, the order printout from
        his office PC, placed at 12:50 a.m., and the empty shelf where the halibut should have been. You did not
        explain the case-size bug. You gave him your number, had Anil ship the fix that
        afternoon instead of Tuesday, and came back on Friday night to watch him order. He is
        still a Kessler customer, and he has told two other chefs about the person from IT who
        came to his kitchen.
      ]]
    elseif g.teo == "ticket" then
      teo = [[
        Teo answered the root-cause analysis in one line: "I don't know what a unit-of-measure
        mismatch is and I don't want to." In May his three restaurants move to Northstar. Rosa
        does not mention it to you. She mentions it to Ellen.
      ]]
    else
      teo = [[
        Rosa drove to Teo's kitchen herself and kept him, just. "He asked where the IT person
        was," she tells you afterwards. "I didn't have an answer."
      ]]
    end
    local habit
    if g.always_on then
      habit = [[
        It is not the first time. Since the launch week you have dialled in to answer email from
        bed, from a motel in Dayton and once from Noor's parents' kitchen on Easter Sunday, and
        your team has learned to do the same.
      ]]
    end
    return paras(teo, "May. " .. (g.vacation == "off" and "Old habits come back quietly. " or "")
      .. [[
      A Tuesday, 00:41. You send Anil a note about the next release. He replies at 00:44.
      Lucy replies at 00:46. The next morning Yvonne tells you, carefully, that the team thinks
      you expect answers at night, because you send questions at night.
    ]], habit, tired(g), [[
      At breakfast Noor says, without looking up from the Dispatch, "You're here, but you're
      not here." Kayla, who is twelve now, does not look up either.
    ]])
  end,
  lesson = "Burnout is prevented on calm days, with off times that are honoured and work that "
        .. "others can carry.",
  discuss = "What are your rules for evenings, weekends and holidays? Does your team know them, "
         .. "and do you keep them?",
  choice { "Publish rules and keep them: nothing after 7 p.m. or at weekends but a real "
           .. "outage, and an on-call rota with you on it",
           id = "set_rules", advice = "follows",
           effects = { burnout = -10, relationships = 4, reputation = -3 },
           set = { rules = true, always_on = false },
           go = "merger_news",
           lesson = "Rules of engagement took courage to publish and more to keep: for a while "
                 .. "Ben read your quiet evenings as less commitment. The hours you gave up came "
                 .. "back as energy when it counted." },
  choice { "Push on: the rumours say something big is coming, and this is no time to slow down",
           id = "push_on", advice = "against",
           effects = { burnout = 10, reputation = 2 },
           set = { always_on = true },
           go = "merger_news",
           lesson = "Impressing by exhaustion works for a few months. Then it stops working, "
                 .. "all at once." },
  choice { "Save your late emails as drafts and send them at 8 a.m., and keep working at night",
           id = "schedule_send", advice = "against",
           effects = { burnout = 6, relationships = 3 },
           reply = "Your notes now land at 8 a.m., and by June nobody on the team works after "
                .. "dinner but you.",
           set = { always_on = true, night_drafts = true },
           go = "merger_news",
           lesson = "Hiding your hours spared the team your habits. It did not spare you." },
}
