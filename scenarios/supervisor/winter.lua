-- The Reluctant Supervisor, after the peak: the handover and the way back, the Corvane
-- interview, the rotation, the long winter of enduring, and life after a sudden resignation.

---------------------------------------------------------------- the way back, inside

scene "successor" {
  chapter = "Winter: The Handover",
  advice = "Help hire and train the person who takes your place.",
  text = function(g)
    local day = "January 8"
    if g:visited("march_review") > 0 then day = "March 28"
    elseif g:visited("endure_winter") > 0 then day = "March 4"
    elseif g:visited("counter") > 0 then day = "January 22" end
    local t = day .. ". Dana wants a successor named by the end of the month, so the handover "
      .. "can run until you move to the rewrite in " .. back_month(g) .. "."
    t = paras(t, [[
      Marco Reyes wants the job; he has told you twice. He is sharp and fast, and when someone
      is slow he finishes their sentences for them.
    ]])
    if g.took_keyboard then
      t = paras(t, "In October you took the keyboard from him over Harcourt's store numbers. He "
                .. "has not mentioned it since, which is how you know he remembers.")
    elseif g.coached_marco or g.taught_bridge then
      t = paras(t, "Since you talked him through a crisis instead of taking it from him, he has "
                .. "started coaching Keisha the same way. You have noticed.")
    end
    t = paras(t, [[
      Ruth Lindqvist could do the job in her sleep and would resent every waking minute of it.
    ]])
    if g.ruth_on_marco then
      t = paras(t, "At lunch in November she told you she would work for Marco *if somebody "
                .. "teaches him to listen*.")
    end
    if g.pete == "plan" then
      t = paras(t, "Pete, halfway through his plan and steadier every week, tells you he will "
                .. "write down everything he knows about the pricing jobs for whoever takes over.")
    end
    return paras(t, [[
      Or Linda can post the job outside. With luck and a kind market, you would have a
      stranger in the chair in three months, and you would run the team until then.
    ]])
  end,
  lesson = "Choosing and training your successor is the price of the way back, and the best "
        .. "proof that you were good at the job you are leaving.",
  discuss = "Who could do your job if you left? What would they need to learn from you first?",
  choice { "Name Marco, and spend the handover teaching him to listen", id = "pick_marco",
           advice = "follows", effects = { burnout = 5, relationships = 2 }, set = { successor = "marco" },
           go = "handover",
           lesson = "Picking the hungry, unfinished candidate meant teaching him the one thing "
                 .. "he lacked. That is what a handover is for." },
  choice { "Lean on Ruth to take it, for the team's sake", id = "pick_ruth",
           advice = "against", effects = { relationships = -5 }, set = { successor = "ruth" }, go = "handover",
           lesson = "Ruth said yes because you asked her to. You had handed your reluctance "
                 .. "to someone else." },
  choice { "Ask Linda to post it outside, and run the team until someone is found",
           id = "pick_external", advice = "follows", effects = { burnout = 8, acumen = 3 },
           set = { successor = "external" }, go = "handover",
           lesson = "An outside hire brought fresh eyes and cost you months more of the job you "
                 .. "were trying to leave." },
}

scene "handover" {
  advice = "Let your successor lead while you are still there to catch them.",
  effects = function(g)
    local e = { burnout = 0 }
    if g.kept_bridge and not g.taught_bridge then e.burnout = e.burnout + 10 end
    if g.successor == "external" then e.burnout = e.burnout + 5 end
    if g.pete == "plan" then e.burnout = e.burnout - 3 end
    if back_month(g) == "June" then e.burnout = e.burnout + 5 end
    return e
  end,
  text = function(g)
    local who = successor_name(g)
    local t
    local span = back_month(g) == "June" and "Until June" or "For ten weeks"
    if g.successor == "external" then
      t = [[
        Curtis Mercer starts in February, hired from a bank in Waukesha: careful, friendly, and
        new to the AS/400 and everything on it.
      ]]
      t = paras(t, span .. " you do two jobs.")
    else
      t = span .. " you do two jobs. Mornings, " .. who .. " sits beside you in the "
       .. "one-on-ones and the budget reviews, taking notes in a fresh notebook."
    end
    if back_month(g) == "June" then
      t = paras(t, "It is a long handover, and every week of it is the job you asked to leave.")
    end
    t = paras(t, [[
      Afternoons, you and Anjali sketch the Bridge rewrite on the whiteboard in the small
      conference room. It is the best work you have done in a year, and you have to stop every
      day at three to go back to being the boss.
    ]])
    if g.kept_bridge and not g.taught_bridge then
      t = paras(t, [[
        Evenings go to the Bridge itself. Everything you never wrote down in the spring, every
        job stream quirk and 3 a.m. trick, now has to come out of your head and into a runbook
        before you can let go of it.
      ]])
    end
    return paras(t, "At the staff meeting on Tuesday, everyone still looks at you first.")
  end,
  lesson = "A handover works when the successor leads while you are still there to catch them.",
  discuss = "When you hand over work, how do you stop people from coming back to you out of habit?",
  choice { "Keep running things yourself until they are ready: it is faster", id = "keep_running",
           advice = "against", effects = { burnout = 10, reputation = 3 }, go = "first_week_back",
           lesson = "Running things until your successor was ready meant they never were. "
                 .. "Nobody learns to lead by watching." },
  choice { "Start the rewrite at night, so you hit the ground running", id = "rewrite_nights",
           advice = "against", effects = { burnout = 12, technical = 5, satisfaction = 5 }, go = "first_week_back",
           lesson = "Reaching for the work before the handover was done felt like getting your "
                 .. "life back. It took the last of your evenings and left the team half-handed." },
  choice { id = "let_them_lead", advice = "follows",
           text = function(g)
             return "Write the runbooks, and let " .. successor_name(g)
                 .. " run the staff meeting from this week on, however rough it is"
           end,
           effects = { burnout = 3, relationships = 3 }, set = { successor_ready = true },
           go = "first_week_back",
           lesson = "Letting your successor lead badly while you were still there to help was "
                 .. "uncomfortable for everyone, and it was the only real training." },
}

scene "first_week_back" {
  chapter = "Back at the Bench",
  advice = "Let go for real, and tell the story of the move yourself.",
  effects = { satisfaction = 15, technical = 3 },
  text = function(g)
    local who = successor_name(g)
    local day = back_month(g) == "April" and "April 1" or "June 3"
    return paras(day .. [[, your first Monday without anyone reporting to you. Your
      name is off the green box on the org chart and back on a desk between Anjali and the
      window.

      In the elevator, a sales director you barely know says, "Heard they bumped you back down.
      Tough break." He means it kindly, which is worse.
    ]], "At 10:15 Keisha comes to your desk, not " .. who .. "'s, with a question about her "
        .. "four-day week. Out of habit. She is already half smiling, waiting for your answer.")
  end,
  lesson = "Going back means letting go for real, and telling your own story before others "
        .. "tell it for you.",
  discuss = "How would you answer a colleague who called your move a demotion?",
  choice { "Answer Keisha yourself: you know what the answer should be", id = "answer_keisha",
           advice = "against", effects = { relationships = -5, satisfaction = 3 }, go = "asterisk",
           lesson = "Answering Keisha was quicker and quietly took the job back from the person "
                 .. "you had trained to do it." },
  choice { id = "send_to_successor", advice = "follows",
           text = function(g)
             return "Send Keisha to " .. successor_name(g) .. ", and give the sales director the "
                 .. "real story: promoted for being good, back by choice"
           end,
           effects = { reputation = -3 }, set = { told_story = true },
           reply = "Keisha's smile goes a little crooked, and she goes. The sales director "
                .. "repeats your story at lunch, word for word, and by Friday the whole fourth "
                .. "floor knows you asked to step down.",
           go = function(g)
             if g.successor_ready and g.relationships >= 50 then return "back_at_bench" end
             return "asterisk"
           end,
           lesson = "You pointed Keisha to her new boss and told your own story out loud. The "
                 .. "stigma of stepping back shrinks when you are not ashamed of it." },
  choice { "Let the remark go, put your head down and get on with the rewrite", id = "shut_door",
           effects = { satisfaction = 5 },
           go = function(g)
             if g.successor_ready and g.reputation >= 65 then return "back_at_bench" end
             return "asterisk"
           end,
           lesson = "Saying nothing let other people tell your story. Sometimes your reputation "
                 .. "is strong enough to carry it; often it is not." },
}

---------------------------------------------------------------- the way out: Corvane

scene "interview" {
  chapter = "January: The Interview",
  advice = "Tell a future employer the truth: promoted for being good, and now sure of what you "
        .. "want.",
  text = function(g)
    local skills
    if g.technical >= 62 then
      skills = [[
        The technical hour goes well. You sketch a freight tracking design on the whiteboard,
        queues and all, and the youngest engineer on the panel copies it into his notebook.
      ]]
    else
      skills = [[
        The technical hour goes worse than you hoped. You reach for things you used to know
        without thinking and find them slightly out of reach. Eleven months of meetings have
        cost you more than you knew.
      ]]
    end
    local t = paras([[
      January 9. Corvane's office is a converted tannery in the Third Ward: brick walls, a
      whiteboard the length of the room, three engineers, Sam, and the engineering director,
      Imani Clarke.
    ]], skills, [[
      Then Imani puts down her pen. "You run the best team at Brandt & Voss. Why would you step
      back to an engineering job? What happened?"
    ]])
    if g.heard_truth then
      t = paras(t, "Sam catches your eye. You remember what he said at lunch about how this "
                .. "reads from their side of the table.")
    end
    return t
  end,
  lesson = "Tell a future employer the truth: they promoted you because you were good, and now "
        .. "you know exactly what you want.",
  discuss = "How would you explain a move from managing back to hands-on work in an interview?",
  choice { "Tell the truth: they promoted you because you were good, and the job taught you exactly what you want to do",
           id = "truth", advice = "follows", effects = { reputation = 3 }, set = { told_truth = true },
           go = function(g)
             local bar = (g.named_it or g.heard_truth or g.learned_all) and 55 or 62
             if g.technical >= bar then return "offer" end
             if g.technical >= bar - 10 then return g:chance(0.5) and "offer" or "no_offer" end
             return "no_offer"
           end,
           lesson = "The truth was also the strongest story you had: someone good enough to be "
                 .. "promoted, who now knows exactly what they want." },
  choice { "Say a reorganisation is about to eliminate your position", id = "spin",
           advice = "against", set = { lied = true }, go = "no_offer",
           lesson = "A story about a reorganisation is one reference call away from being found "
                 .. "out as a lie." },
  choice { "Say management at Brandt & Voss is a mess and you want out", id = "badmouth",
           advice = "against", effects = { reputation = -5 }, set = { badmouthed = true }, go = "no_offer",
           lesson = "Running down the employer who promoted you made the panel wonder what you "
                 .. "would one day say about them." },
}

scene "offer" {
  advice = "Leave with a transition, not a slammed door; a counteroffer buys more of the job you "
        .. "are leaving.",
  text = function(g)
    local t = [[
      Imani calls on Tuesday. Senior integration engineer, four percent above your supervisor
      salary, start date open. "The panel liked your answer," she says. "Most people who come
      back from management apologise for it. You didn't."
    ]]
    if g.technical < 62 then
      t = paras(t, "\"Your whiteboard work was rusty,\" she adds. \"Your answer is what tipped "
                .. "it. Don't make me regret it.\"")
    end
    if g.told_dana then
      t = paras(t, "Dana already knows you interviewed. When you tell her about the offer, she "
                .. "asks for a day before she says anything.")
    elseif g.ultimatum then
      t = paras(t, "Dana knows where you went: you told her, in December, as a threat. She has "
                .. "been polite to you ever since, and nothing more.")
    else
      t = paras(t, "Dana does not know yet. Whatever you decide, she will hear it from you "
                .. "this week.")
    end
    return t
  end,
  lesson = "How you leave is remembered longer than how you arrived.",
  discuss = "What do you owe the team and the manager you are leaving? How long a transition "
         .. "is fair?",
  choice { "Accept and give two weeks' notice: the sooner the better", id = "accept_fast",
           advice = "against", effects = { burnout = -10, relationships = -10 }, go = "rough_exit",
           lesson = "Two weeks got you out fast, and left the team to find out who would run "
                 .. "the Bridge next." },
  choice { "Accept, with a start date six weeks out: time to help Dana hire and train your successor",
           id = "accept_transition", advice = "follows", effects = { relationships = 5, burnout = 5 },
           go = "new_bench",
           lesson = "Six weeks of handover cost you a slower start at Corvane. It left Dana with "
                 .. "a team, and you with a reference for life." },
  choice { "Negotiate first: six weeks for the handover, and six percent more", id = "negotiate",
           advice = "follows", when = function(g) return g.acumen >= 45 or g.knows_worth end,
           show_locked = "You never worked out what you are worth: Business acumen 45, or pricing yourself in November",
           effects = { acumen = 5, relationships = 3, burnout = 5 }, set = { negotiated = true },
           go = "new_bench",
           lesson = "Knowing your market value let you ask for both the money and the time to "
                 .. "leave well." },
  choice { "Take the offer to Dana and see what she will do to keep you", id = "counter_dana",
           advice = "against", effects = { relationships = -3 }, go = "counter",
           lesson = "Shopping the offer put Dana on the spot. A counteroffer usually gives you "
                 .. "more of whatever you were trying to escape." },
}

scene "counter" {
  advice = "When the offer to keep you is more of the wrong job, say no to it.",
  text = function(g)
    local t = [[
      Dana reads the offer letter twice. "I can beat it," she says. "Twelve percent, and the
      Service Desk as well as Integration by the summer: fourteen more people, and a manager
      title. You'd be on the director track."
    ]]
    if g.ultimatum then
      t = paras(t, "\"So the threat was real,\" she adds, and the words sit on the desk "
                .. "between you.")
    elseif not g.told_dana then
      t = paras(t, "\"You could have told me in December,\" she adds, and the words sit on the "
                .. "desk between you.")
    end
    if g.relationships >= 55 and g:visited("successor") == 0 then
      t = paras(t, [[
        Then she hesitates. "Or, if it's really the work you want: the Bridge rewrite needs a
        senior engineer in April. It's yours, if you stay and get a successor ready first."
      ]])
    end
    return t
  end,
  lesson = "When you are good at a job you dislike, the offer to keep you is usually more of "
        .. "that job.",
  discuss = "Would a raise have kept you in a job you did not want? For how long?",
  choice { "Take the raise and the bigger job", id = "take_raise", advice = "against",
           effects = { reputation = 10, satisfaction = -10, burnout = 10 },
           set = { took_more = true }, go = stay_end,
           lesson = "The raise answered a question you had not asked. Up was the only direction "
                 .. "on offer, and you took it." },
  choice { "Take the April engineering job and stay", id = "take_april", advice = "follows",
           when = function(g)
             return g.relationships >= 55 and g:visited("successor") == 0
           end,
           show_locked = "Dana offers a way back only to someone she trusts more: Relationships 55",
           effects = { relationships = -3 }, set = { path = "internal", talked = true },
           go = "successor",
           reply = "Sam takes the news on the phone without a word of complaint. He vouched for "
                .. "you, and he does not suggest coffee again.",
           lesson = "Because Dana trusted you, a way back inside opened up at the last moment." },
  choice { "Thank her, and take Corvane with a six-week handover", id = "go_corvane",
           advice = "follows", effects = { relationships = 3, burnout = 5 }, go = "new_bench",
           lesson = "Turning down more of the wrong job, kindly, is still turning it down." },
}

scene "no_offer" {
  advice = "If the outside road closes, turn to the inside one; do not run from a mistake.",
  effects = function(g)
    if g.lied then return { relationships = -10, reputation = -10 } end
    return {}
  end,
  text = function(g)
    if g.lied then
      return [[
        Imani asks for two references and you give her Ruth and Sam. Ruth, who cannot tell a
        lie to save her life or yours, says she has never heard of any reorganisation.

        Sam calls you himself that evening. "The offer's off. I'm sorry, and I'm embarrassed.
        I vouched for you." By Thursday Ruth has told Dana, because Ruth tells Dana everything,
        and Dana asks you to come to her office at nine.
      ]]
    end
    if g.badmouthed then
      return [[
        Imani's e-mail is polite and short. Sam tells you later that the panel was split on your
        skills and unanimous on the rest: nobody wanted to hire someone who talked that way
        about the people who had promoted them.

        At your desk the next morning, Dana stops by to ask about next year's budget. She has
        no idea, and you would like to keep it that way.
      ]]
    end
    return [[
      Imani's e-mail is kind. A strong candidate, she writes, but they need someone who has been
      hands-on recently; would you think of applying again in a year?

      Eleven months of meetings. You sit with that for a while. It is not a verdict on who you
      are. It is a bill for the time you have spent away from the work.
    ]]
  end,
  lesson = "A hands-on job elsewhere is only a way out if your skills and your reputation "
        .. "come with you.",
  discuss = "If you have been away from hands-on work for a year, what would you do to get "
         .. "ready for a technical interview?",
  choice { "Stay put for now, and spend the spring rebuilding your skills", id = "rebuild",
           effects = { technical = 8, burnout = 8 }, set = { path = "endure" },
           go = "endure_winter",
           lesson = "Rebuilding your skills on top of a full-time job was the honest fix, and "
                 .. "an expensive one." },
  choice { "Have the honest conversation with Dana, now", id = "talk_now", advice = "follows",
           when = function(g) return g:visited("the_talk") == 0 end, effects = { relationships = -3 },
           set = { late_talk = true }, go = "the_talk",
           lesson = "Turning to Dana after the outside door closed was late, and still better "
                 .. "than never." },
  choice { "Resign before Dana can bring it up", id = "resign_shame", advice = "against",
           when = function(g) return g.lied end,
           effects = { reputation = -10 }, set = { quit = true }, go = "burned_bridges",
           lesson = "Running from the consequences of a lie cost you the one employer still "
                 .. "willing to give you a reference." },
}

---------------------------------------------------------------- the side door

scene "rotation" {
  chapter = "January to June: Sideways",
  advice = "A sideways move is not a retreat when it takes you towards the work you do best.",
  effects = function(g)
    if g.rotation_kind == "internship" then
      return { burnout = 15, technical = 10, satisfaction = 5 }
    end
    return { burnout = -15, technical = 8, satisfaction = 15 }
  end,
  text = function(g)
    if g.rotation_kind == "internship" then
      local t = [[
        Two evenings a week at MATC, eight hours a week with the data warehouse team, and the
        whole supervisor job squeezed into what is left. By March you sleep five hours a night,
        and Noor has started leaving notes on the coffee maker.

        The data work is wonderful. Gwen Nakamura, who leads the team, hands you a nightly
        load that has been failing for a month, and you fix it in a Thursday afternoon you stole
        from a budget meeting.
      ]]
      if not g.talked then
        t = paras(t, [[
          In April Dana finds out from Gwen's status report. "Four months," she says, "and you
          never thought to mention it?"
        ]])
      end
      return paras(t, "In June, Gwen asks whether you would like to make it permanent.")
    end
    local acting = (g.cross_trained or g.coached_marco or g.taught_bridge) and "Marco" or "Ruth"
    local t = "January 8. " .. acting .. " moves into your office as acting supervisor, and you "
           .. "move to a desk on the data warehouse team with a UNIX workstation and no standing "
           .. "meetings."
    t = paras(t, [[
      Gwen Nakamura, who leads the team, hands you a nightly load that has been failing for a
      month. You fix it by Thursday. By March you have built the feed that carries every shipment
      from Menomonee Falls into the warehouse database, and you have slept through the night more
      often than not.
    ]])
    if acting == "Ruth" then
      t = paras(t, "Ruth calls you in April to ask how you ever stood the budget meetings. "
                .. "She is counting the weeks.")
    else
      t = paras(t, "Marco calls you in April with a question about a budget line, then another "
                .. (g.pete == "hr" and "about hiring Pete's replacement" or "about Pete")
                .. ". He is good at this, and getting better.")
    end
    return paras(t, "In June the six months are up. Gwen asks whether you would like to stay.")
  end,
  lesson = "A rotation lets you test a different fit before you bet your career on it.",
  discuss = "What would you want to learn in six months somewhere else in your company?",
  choice { "Ask for a permanent place on the data warehouse team", id = "stay_platform",
           advice = "follows", effects = { reputation = -3 }, set = { asked_transfer = true },
           go = function(g)
             if g.rotation_kind == "internship" and not g.talked and g.relationships < 45 then
               return "steady_hands"
             end
             return "sideways"
           end,
           lesson = "Asking to stay turned a six-month experiment into a decision: a sideways "
                 .. "move towards the work you do best, if the people who sign it agree." },
  choice { id = "return_team",
           text = function(g)
             if g.rotation_kind == "internship" then
               return "Give up the hours on the data warehouse team and keep the one job you have"
             end
             return "Go back to your team: the break was what you needed"
           end,
           advice = "against", effects = { satisfaction = -10 }, go = stay_end,
           lesson = "Going back to nothing but supervising, after months of the work you love, "
                 .. "was loyal, and it put you back where the trouble started." },
}

---------------------------------------------------------------- the long winter

scene "endure_winter" {
  chapter = "Winter: More of the Same",
  advice = "When the reward for a job you dislike is more of it, say what you want instead.",
  effects = function(g)
    -- once you have said out loud what you want, enduring the job costs more; and a job you
    -- have stopped caring about wears you down faster
    local burn = 10
    if g.satisfaction <= 25 then burn = 15 end
    if g.pete == "plan" then burn = burn - 5 end   -- Pete carries the pricing jobs again
    if g.pete == "hr" then burn = burn + 5 end     -- his seat is still empty
    return { burnout = burn, satisfaction = g.named_it and -10 or -5, technical = -5 }
  end,
  text = function(g)
    local t = [[
      January is budgets; February is reviews. You write five performance reviews, approve 212
      timesheets, and sit through the ERP vendor's renewal pitch twice. The team's numbers stay
      perfect. Your evenings shrink.
    ]]
    if g.satisfaction <= 25 then
      t = paras(t, "You no longer pretend to care about the work itself. You do it well, and "
                .. "it takes everything you have to start each morning.")
    end
    if g.named_it then
      t = paras(t, "In October you told Noor what you wanted. She has stopped asking what you "
                .. "are going to do about it, which is worse than asking.")
    end
    if g.pete == "plan" then
      t = paras(t, "Pete finishes his plan in January, on time and mostly on his own, and "
                .. "takes the pricing jobs back off your desk. You are prouder of that than of "
                .. "anything in the quarterly report.")
    elseif g.pete == "hr" then
      t = paras(t, "At Pete's leaving lunch in December he thanked everyone except you. His "
                .. "seat is still empty in February.")
    elseif g.pete == "covered" then
      t = paras(t, "Pete has stopped asking you for help. He asks Ruth now.")
    end
    if g.hedged then
      t = paras(t, "The leadership course meets on Thursdays. The instructor says *let go of "
                .. "the work* four times in the first session, and you write it down each time.")
    end
    return paras(t, [[
      Then, on February 20, Dana stops at your door. The Service Desk manager has resigned.
      "You're the best I've got," she says. "Take the Service Desk too: fourteen more people,
      a manager's title, and a proper raise."
    ]])
  end,
  lesson = "When you are good at a job you dislike, the reward is usually more of it.",
  discuss = "Have you ever been rewarded for good work with more of the work you least wanted? "
         .. "What did you say?",
  choice { "Take it: it is a compliment, and a raise", id = "take_service_desk",
           advice = "against", effects = { reputation = 10, acumen = 5, burnout = 10, satisfaction = -10 },
           set = { took_more = true }, go = "march_review",
           lesson = "Taking the bigger job proved you could do it. It did not make you want it." },
  choice { "Decline: one team is all you can carry", id = "decline_desk",
           effects = { reputation = -3, burnout = -3 }, go = "march_review",
           lesson = "Saying no to more was a boundary. It was not yet an answer to the question "
                 .. "you had put in the drawer." },
  choice { "Tell her the truth instead: you do not want more of this, you want less",
           id = "truth_at_last", advice = "follows", effects = { relationships = -3 },
           when = function(g) return g:visited("the_talk") == 0 end,
           set = { late_talk = true }, go = "the_talk",
           lesson = "Telling the truth in February instead of November cost you three months. "
                 .. "It was still the conversation that mattered." },
}

scene "march_review" {
  advice = "Do not let the company's idea of a career decide for you: ask for the way back.",
  effects = function(g)
    if g.took_more then return { burnout = 8 } end
    return {}
  end,
  text = function(g)
    local t = [[
      March 14, your annual review. Dana has ticked *exceeds expectations* in every box.
    ]]
    if g.took_more then
      t = paras(t, "\"Twenty people by summer,\" she says. \"Director in two years, if you "
                .. "want it. I think you do.\"")
    else
      t = paras(t, "\"A manager-of-managers role is yours in a year or two,\" she says, \"if "
                .. "you want it. I think you do.\"")
    end
    t = paras(t, [[
      On the second page, under *strengths*, she has listed planning, calm in a crisis and
      developing people. For the first time in six years, the Bridge is not on the list.
    ]])
    if g.cares_title then
      t = paras(t, "Part of you glows at the word *director*. You told Ruth the title "
                .. "mattered, and it does.")
    end
    return t
  end,
  lesson = "The career does not stall when you stay in the wrong job. It keeps climbing, in "
        .. "the wrong direction.",
  discuss = "If your manager offered you the next rung tomorrow, would you want it? How would "
         .. "you know?",
  choice { id = "accept_path", advice = "against",
           text = function(g)
             -- in Dana's own words from the review above
             if g.took_more then return "Accept the path: director in two years" end
             return "Accept the path: a manager-of-managers role in a year or two"
           end,
           effects = { reputation = 5, satisfaction = -5 }, go = stay_end,
           lesson = "You let the company's idea of a career decide for you. It is a fine idea "
                 .. "of a career, for somebody else." },
  choice { "Say it now: thank her, and ask for a way back to the work", id = "say_it_now",
           advice = "follows", effects = { relationships = -3 },
           when = function(g) return g:visited("the_talk") == 0 end,
           set = { late_talk = true }, go = "the_talk",
           lesson = "Saying it at the review was late. It was also the first time you had said "
                 .. "it to the one person who could change it." },
  choice { "Promise yourself a real decision next March, and get back to work", id = "next_march",
           advice = "against", effects = { burnout = 5 }, go = stay_end,
           lesson = "Putting the decision off a year felt like patience. It was another year of "
                 .. "the cost." },
}

---------------------------------------------------------------- after the letter

scene "after_quit" {
  chapter = "Winter: Out",
  advice = "Lean on the network you built; do not hold out with no income.",
  effects = { burnout = -10 },
  text = function(g)
    local t = [[
      Dana accepts your resignation with a stiffness you will remember for years. Ruth takes the
      team over for the holidays, under protest.
    ]]
    if g.kept_bridge then
      t = paras(t, [[
        On December 22 the Bridge stops acknowledging orders at peak, and nobody left in the
        building knows its job streams. Dana calls you twice. You answer once.
      ]])
    end
    t = paras(t, [[
      January: nine applications, three interviews. Every interviewer asks the same question,
      in kinder or harder words: why would a successful supervisor walk out with nothing lined
      up? Your savings drop by a month's mortgage every four weeks.
    ]])
    t = paras(t, "Your mother calls from Mobile every Sunday now, and asks every time whether "
              .. "you are eating.")
    if g.sam_contact then
      t = paras(t, "Sam answers your message within the hour. Corvane has a six-month contract: "
                .. "no benefits, hands-on, starting Monday.")
    elseif g.relationships >= 45 then
      t = paras(t, "Ruth passes your name to Sam Whitaker at Corvane without telling you. He "
                .. "calls with a six-month contract: no benefits, hands-on, starting Monday.")
    end
    return t
  end,
  lesson = "Your network is what carries you when you leave without a plan, and it has to be "
        .. "built before you need it.",
  discuss = "If you left your job tomorrow, who would you call first? Who would call you?",
  choice { "Take the Corvane contract", id = "take_contract", advice = "follows",
           when = function(g) return g.sam_contact or g.relationships >= 45 end,
           show_locked = "Nobody you kept in touch with has called",
           effects = { satisfaction = 10, technical = 5 }, go = "rough_exit",
           lesson = "The contract existed because you had kept in touch. A network built before "
                 .. "you need it is the only kind that works." },
  choice { "Hold out for a permanent senior engineering job", id = "hold_out",
           advice = "against", effects = { burnout = 10 }, go = "burned_bridges",
           lesson = "Holding out for the perfect job with no income turned a hard winter into a "
                 .. "long one." },
  choice { "Call Dana and ask whether the door is still open", id = "call_dana_back",
           set = { called_dana = true }, go = function(g)
             if g.relationships >= 45 then return "asterisk" end
             return "burned_bridges"
           end,
           lesson = "Asking to come back after quitting takes humility. Whether the door is open "
                 .. "depends on how you closed it." },
}
