-- Act V: using the slow years (certification, the local business community), the storm that
-- tests the disaster plan, and the offers that come when the economy turns.

scene "using_time" {
  advice = "Use the slow years: take the certification, and network in the local business "
        .. "community.",
  chapter = "V. When the Economy Turns",
  effects = { burnout = -10 },   -- a year of regular hours
  text = function(g)
    local bham
    if g.interviewed then
      bham = "The Birmingham job went to a candidate with a current Microsoft certification. "
          .. "Elaine told you kindly."
    end
    return paras([[
      September 2003. For the first time in fifteen years your evenings are your own. Nobody
      calls after six. The business pages say the economy is turning, slowly, the way a barge
      turns in the river.
    ]], bham, [[
      Two things you never had time for as a CIO are within reach now. The MCSE is seven exams,
      and the old NT certification you half finished in 1998 expired long ago. The Mobile Area
      Chamber of Commerce's technology council meets at half past seven on the first Thursday
      of every month, and it is full of the people who will be hiring when the market comes
      back.
    ]])
  end,
  lesson = "A downturn spent learning and meeting people is how you are ready when the economy "
        .. "turns.",
  discuss = "If you had your evenings back, what would you invest them in: skills, people, or "
         .. "rest? Which would you regret skipping?",
  choice { "Neither. Your evenings belong to Noor and Kayla now", id = "neither",
           advice = "against",
           effects = { burnout = -15, satisfaction = 5 }, go = "ivan",
           lesson = "The evenings at home were good ones. When the economy turned, you were "
                 .. "exactly as ready as you had been in 2002." },
  choice { "Study for the MCSE: two nights a week and Saturday mornings", id = "study",
           advice = "follows",
           effects = { burnout = 10, technical = 5 }, set = { studying = true },
           go = "exam_room",
           lesson = "Certification turned what you had relearned by hand into something a "
                 .. "stranger could read on a résumé." },
  choice { "Join the Chamber's technology council, and go every month", id = "join_chamber",
           advice = "follows",
           effects = { relationships = 10, burnout = 5 }, set = { chamber = true },
           go = "chamber_breakfast",
           lesson = "Networking in the local business community, with nothing to ask for, was "
                 .. "the investment you had never made as a CIO." },
  choice { "Both. You have wasted enough time", id = "both", advice = "follows",
           when = function(g) return g.burnout < 60 end,
           show_locked = "Not on this much sleep: two nights a week and the Chamber would take "
                      .. "what rest you have left.",
           effects = { burnout = 15, technical = 5, relationships = 5 },
           set = { studying = true, chamber = true }, go = "exam_room",
           lesson = "Doing both made you ready on two fronts, and left nothing in reserve for "
                 .. "a bad week." },
}

scene "exam_room" {
  text = function(g)
    local t = [[
      April 2004. Six exams down. The seventh, 70-217, is Active Directory, and you built one
      from scratch in your first week at Dauphin, on a break-room whiteboard. The testing centre
      is in a strip mall on Airport Boulevard, between a nail salon and a Blockbuster.
    ]]
    local tired
    if g.burnout >= 70 then
      tired = "You slept four hours last night. The practice test on Tuesday went badly."
    end
    return paras(t, tired)
  end,
  lesson = "Use the slow years for the training you never had time for as a manager.",
  discuss = "Does a certification still matter once you have done the work? Whom does it "
         .. "convince?",
  choice { "Sit it today", id = "sit_exam",
           set = function(g)
             local p = 0.2 + g.technical / 100
             if g.burnout >= 70 then p = p - 0.2 end
             return { mcse = g:chance(math.min(p, 0.95)) }
           end,
           go = function(g) return g.chamber and "chamber_breakfast" or "ivan" end },
  choice { "Book a week's boot camp in Atlanta first, on your own money", id = "boot_camp",
           when = function(g) return g.savings >= 3 end,
           show_locked = "A week in Atlanta costs a month of savings you cannot spare.",
           effects = { savings = -1, technical = 5, burnout = 5 }, set = { mcse = true },
           go = function(g) return g.chamber and "chamber_breakfast" or "ivan" end,
           lesson = "The boot camp cost a month of savings, and it worked." },
}

-- What happened at the exam, told at the start of the next scene.
function exam_result(g)
  if g:visited("exam_room") == 0 then return nil end
  if g.mcse then
    return "You passed 70-217 with a score you will mention to nobody and remember for good. "
        .. "The certificate comes in a cardboard tube; Bonnie frames it and hangs it outside "
        .. "the server closet."
  end
  return "You failed 70-217 by twenty-two points, on the questions about multiple forests. "
      .. "You book the retake for the autumn, and then Hal needs that Saturday."
end

scene "chamber_breakfast" {
  text = function(g)
    return paras(exam_result(g), [[
      The Chamber's technology council meets in a conference room on Water Street that smells
      of coffee and new carpet. By your third meeting you know the bankers, the hospital
      people, the two software firms and the shipyard's IT manager, and they know you.

      In May, Frank Dees sits down next to you. He is the CFO of Mobile Bay Regional Medical
      Center, three hundred beds, and his IT director has just left for Tampa. "I've got a
      vendor telling me one thing about the HIPAA security rule and a consultant telling me
      another," he says, "and I don't understand either one of them."
    ]])
  end,
  lesson = "Networking in your own town is not selling. It is being useful before anyone needs "
        .. "anything.",
  discuss = "Who are the Frank Deeses in your town, and which of their problems could you help "
         .. "with?",
  choice { "Offer to spend a Saturday looking at it with him, no invoice", id = "help_frank",
           effects = { burnout = 5, relationships = 10 }, set = { met_frank = true },
           go = "ivan",
           lesson = "Helping without sending a bill is how a network is really built. Frank "
                 .. "remembered who had understood his problem." },
  choice { "Tell him about your Meridian years: HIPAA, thirty-one practices, the billing system",
           id = "tell_frank", effects = { reputation = 5 }, set = { met_frank = true },
           go = "ivan",
           lesson = "Telling the right person about the CIO years put them back on your record, "
                 .. "where they belonged." },
  choice { "Give him Lonnie's card: Lonnie sells exactly what he needs", id = "lonnie_card",
           effects = { relationships = 5 }, go = "ivan",
           lesson = "Sending Frank to Lonnie repaid an old debt. It also handed the "
                 .. "conversation to somebody else." },
}

scene "ivan" {
  text = function(g)
    local before
    if g:visited("chamber_breakfast") == 0 then before = exam_result(g) end
    local plan
    if g.dr_plan == "real" then
      plan = "Your plan says: the last tape set leaves for Montgomery on Wednesday morning, the "
          .. "servers shut down clean, the phone tree starts at noon. It was tested in June. "
          .. "It works."
    elseif g.dr_plan == "paper" then
      plan = "Your plan is a template with Dauphin's name typed at the top. It says the tapes "
          .. "go \"to a secure offsite location\". Dauphin has no such place."
    else
      plan = "There is no plan. There is a tape drive, and a shoebox of tapes in your desk "
          .. "drawer."
    end
    return paras(before, [[
      Tuesday, September 14, 2004. Hurricane Ivan is a Category 4 in the Gulf, and the
      forecast cone runs straight up Mobile Bay. Marjorie closes the office at noon on
      Wednesday. Your mother says she has ridden out every storm since Frederic in that house
      and will ride out this one. Kayla is seventeen, and packing the car without being asked.
    ]], plan)
  end,
  lesson = "A disaster-recovery plan written in May is tested in September, whether or not "
        .. "anyone tested it first.",
  discuss = "When the storm comes, what do your systems need from you, and what does your "
         .. "family need? Does your plan let you choose?",
  choice { "Drive the tapes to Montgomery yourself on Wednesday, and come back for your mother",
           id = "drive_tapes", effects = { burnout = 10, reputation = 10 },
           set = { ivan = "drove" }, go = "the_offers",
           lesson = "Carrying the tapes north yourself saved Dauphin's data, and put you on I-65 "
                 .. "southbound, alone, as everyone else drove north." },
  choice { id = "follow_plan",
           text = function(g)
             if g.dr_plan == "real" then
               return "Shut everything down clean, follow the plan, and get your family and "
                   .. "your mother out"
             elseif g.dr_plan == "paper" then
               return "Shut everything down, trust the template, and get your family and your "
                   .. "mother out"
             end
             return "Shut everything down, lock the tapes in your desk, and get your family and "
                 .. "your mother out"
           end,
           effects = function(g)
             if g.dr_plan == "real" then return { reputation = 10, burnout = -5 } end
             if g.dr_plan == "paper" then return { reputation = -5 } end
             return { reputation = -10 }
           end,
           set = { ivan = "plan" }, go = "the_offers",
           lesson = "When the plan is real, following it lets you put your family first. When "
                 .. "it is not, the bill arrives after the storm." },
  choice { "Ride it out at the office on the generator, to keep the servers up",
           id = "ride_it_out", effects = { burnout = 20, reputation = 5 },
           set = { ivan = "stayed" }, go = "the_offers",
           lesson = "Staying with the servers through a hurricane was brave and unnecessary, "
                 .. "and your family spent the night not knowing where you were." },
}

-- The offers of January 2005. Frank's board checks the last CIO job: a player who left
-- Meridian early for an offer that fell through needs both the certificate and the people who
-- vouch (a stayer needs one of them); Marjorie wants more before she promotes someone who once
-- quit a job for a promise. Leaving early is paid for again here, however carefully the years
-- between went.
function frank_offer(g)
  if not g.met_frank then return false end
  if g.left_early then return g.mcse and g.relationships >= 70 end
  return g.mcse or g.relationships >= 75
end

function vp_bar(g) return g.left_early and 75 or 65 end

-- The three-year plan of 2002 (wrote_strategy) counts for five points of reputation here: Hal
-- gave it to Marjorie after the storm.
function vp_offer(g)
  return g.reputation + (g.wrote_strategy and 5 or 0) >= vp_bar(g)
end

scene "the_offers" {
  advice = "Take the offer that is signed and has a start date; never leave a job for one that "
        .. "has not begun.",
  text = function(g)
    local after
    if g.ivan == "stayed" then
      after = "You kept the servers running for thirty hours on a generator while Noor drove "
           .. "your mother to Hattiesburg without you. Marjorie thanked you in front "
           .. "of the whole office. Noor hasn't, yet."
    elseif g.ivan == "drove" or g.dr_plan == "real" then
      after = "After Ivan, Dauphin was quoting again from the Montgomery office by Monday, the "
           .. "only insurer in Mobile that was. Marjorie mentioned it at the Christmas party, "
           .. "by name."
    else
      after = "Dauphin was down for nine days after Ivan. Claims went out by hand, on paper. "
           .. "Marjorie has not mentioned it since, which is how Marjorie mentions things."
    end
    local offers = {}
    if frank_offer(g) then
      offers[#offers + 1] = "Frank Dees calls: Mobile Bay Regional wants a chief information "
        .. "officer. \"You're the only person who ever explained HIPAA to me in English.\" His "
        .. "offer letter names a start date, March 1, and a salary back where Meridian's was."
    elseif g.met_frank then
      local why = "wanted a current certification, or more people in town who would vouch for "
               .. "you"
      if g.left_early then
        why = "asked Meridian about you, and heard that you walked out in April 2002 for a job "
           .. "that never started. Only a current certification and a roomful of people "
           .. "vouching for you would have answered that"
      end
      offers[#offers + 1] = "Frank Dees calls too, to say Mobile Bay Regional has hired a CIO "
        .. "from Jackson. \"You were my first choice,\" he says. His board " .. why .. "."
    end
    if vp_offer(g) then
      local o = "Marjorie Tillman takes you to lunch at the Athelstan Club and offers you a new "
             .. "title: vice president, information technology, with two people to hire."
      if g.wrote_strategy then
        o = o .. " Your three-year plan from your first week is on the table between you. Hal "
              .. "gave it to her after the storm."
      end
      offers[#offers + 1] = o
    elseif g.left_early and g.reputation >= 65 then
      offers[#offers + 1] = "Marjorie Tillman takes you to lunch at the Athelstan Club and talks "
        .. "about the company's next ten years, and offers you nothing. Hal tells you later "
        .. "that she asked him whether you were the kind who leaves a job for a promise. "
        .. "Somebody had told her how you left Meridian."
    end
    if g.satisfaction >= 60 then
      offers[#offers + 1] = "Hal asks, while the two of you are fixing the copier, whether you "
        .. "would stay on as senior systems engineer, with a raise and a junior to train."
    end
    if g.greg_answered then
      offers[#offers + 1] = "Greg Alcott does not call back. By the end of January the Atlanta "
        .. "Business Chronicle says ClaimPath's funding round is taking longer than expected."
    else
      offers[#offers + 1] = "And Greg Alcott calls from Atlanta. He left Meridian last year to "
        .. "start ClaimPath, which processes physician practices' insurance claims over the "
        .. "web, and he wants you as its CIO: $150,000 and stock. \"The Series A closes in "
        .. "March. I need you to give notice now, so I can put your name in the pitch.\""
    end
    if g.elaine_later then
      offers[#offers + 1] = "Elaine Marsh calls, as promised, to ask what you have to show "
        .. "her. It is a better conversation than the ones in 2002."
    end
    return paras("January 2005.", after, [[
      The economy has turned. The Sunday Press-Register runs two pages of IT jobs again, and
      your phone has started to ring.
    ]], table.concat(offers, "\n\n"))
  end,
  lesson = "When the economy turns, the offers go to people who kept their skills current and "
        .. "their network warm, and who still will not leave before the new job starts.",
  discuss = "Which of these would you take? Which would you never take again, and why?",
  choice { "Stay where you are, and see what next year brings", id = "stay_put",
           go = "plateau",
           lesson = "Staying put was safe, and it left the choice to next year." },
  choice { "Sign with Mobile Bay Regional, and give Hal notice the day after you have signed",
           id = "sign_frank", advice = "follows",
           when = frank_offer,
           set = { new_role = "cio" }, go = "ready_when_it_turned",
           lesson = "Signed first, notice second. The lesson of 2002, applied." },
  choice { "Accept Marjorie's offer, and hire the junior you wished you'd had",
           id = "accept_vp", advice = "follows", when = vp_offer,
           show_locked = "Marjorie offers no new title: your name at Dauphin is not big enough "
                      .. "yet.",
           set = { new_role = "vp" }, go = "ready_when_it_turned",
           lesson = "The disaster plan, the underwriting week and the policies were management "
                 .. "work done from the bottom rung. Marjorie had noticed all of it." },
  choice { "Tell Hal yes: senior systems engineer, and a junior to train",
           id = "stay_hands_on", advice = "follows",
           when = function(g) return g.satisfaction >= 60 end,
           go = "hands_on",
           lesson = "You chose the work you had found you loved over the ladder you had always "
                 .. "climbed." },
  choice { "Tell Greg to call you when the money is in the bank", id = "greg_wait",
           advice = "follows",
           when = function(g) return not g.greg_answered end,
           set = { greg_answered = true },
           reply = "Greg says he understands, in the voice of a man already dialling the next "
                .. "name. $150,000 and stock go to whoever says yes first.",
           go = "the_offers",
           lesson = "\"Call me when the money's in the bank\" is the whole lesson of 2002 in "
                 .. "nine words." },
  choice { "Give Dauphin your notice now, so you are free the day Greg's money closes",
           id = "quit_for_greg", advice = "against",
           when = function(g) return not g.greg_answered end,
           go = "twice_bitten",
           lesson = "You left a job for one that had not started. A startup's funding is a "
                 .. "promise resting on another promise." },
}
