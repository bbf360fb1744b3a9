-- Undercover, act V: back at headquarters. The budget hearing, building what the week showed,
-- sending the senior team on the road, and the launch.

-- How convincing the pitch is in the company's own terms: what you learned about the money this
-- summer (gain, not the acumen you arrived with), and who is in the room with you.
local function pitch_score(g)
  local s = 25 + gain(g)
  if g.knows_pl then s = s + 10 end
  if g.vendor == "per_loan" then s = s + 10 end
  if g.relationships >= 55 then s = s + 5 end
  if g.reputation >= 45 then s = s + 5 end
  return s
end

-- Kevin's benchmark deck, before and after Marla pulls you back from it.
local function deck(g)
  if g.marla_saved then return "What is left is what you brought from Huntsville." end
  return "Kevin's benchmark deck is in your bag. You do not open it."
end

-- Where the story goes once the senior team's week is settled.
local function after_team(g)
  if g.funding ~= "none" then return "compliance_gate" end
  return "october_review"
end

scene "budget_hearing" {
  chapter = "V. Production",
  text = function(g)
    local body
    if g.idea == "app" then
      local money
      if g.knows_pl then
        money = [[Under it, in Pilar's language: if each of the 160 loan officers wins one more
          purchase loan a month, that is about 1,900 loans a year at roughly $900 of margin
          each.]]
      else
        money = [[Under it, a number you worked out in the car: one more loan a month for every
          loan officer. You are not sure what a loan is worth to Magnolia after costs.]]
      end
      body = paras([[
        ]] .. deck(g) .. [[ You have one slide: a
        pre-approval that comes from the loan officer's phone, pulls from LoanBase, follows the
        compliance rules and reaches a realtor in ten minutes instead of most of a day. Kevin
        estimates $380,000 and four months.
      ]], money)
    elseif g.idea == "fixes" then
      body = deck(g) .. [[ You have a list of
        eleven things IT does to loan officers every day, and what each would take to stop.]]
    else
      body = [[Kevin's benchmark deck is in your bag. Next to it is your own: fourteen pages of
        exposures you found in the field, from LETTER FINAL 3 to tax returns in a text thread.]]
    end
    local ally
    if g.marla_invite or g.owned_call then
      ally = "Marla came in early to sit next to you."
    end
    local realtor
    if g.realtor_talk and g.idea == "app" then
      realtor = [[Halvorsen reads the slide twice. "Who told you realtors pick the lender?" "A
        realtor," you say.]]
    end
    if g.marla_saved then
      return paras([[
        Halvorsen's eyes leave the screen at the third benchmark. Marla puts her hand flat on the
        table. "That's not what you told me you saw," she says. "Tell them about the
        Selbys." Kevin's deck goes back in the bag, seven minutes of your twenty gone.
      ]], body, realtor)
    end
    return paras([[
      Monday, July 15, the fourth-floor boardroom. Halvorsen, Walt, Pilar, Marla, and you, with
      twenty minutes.
    ]], body, ally, realtor)
  end,
  lesson = "Field knowledge counts in a budget fight once it is told in the company's money.",
  discuss = "How would you turn a week of field observations into the language your CFO uses?",
  advice = "Tell what you saw in the company's money, and pay for it with something you would "
         .. "rather keep.",
  choice { "Offer the fixes: eleven changes IT can make within a month, with no new money",
           id = "pitch_fixes", advice = "against",
           when = function(g) return g.idea == "fixes" or g.idea == "app" end,
           effects = { reputation = 5, relationships = 5 }, set = { quick_wins = true },
           go = "quick_wins",
           lesson = "The fixes were cheap, quick and welcome: a service department at its best." },
  choice { "Present the exposures you found in the field", id = "pitch_controls",
           advice = "against",
           when = function(g) return g.idea == "controls" end,
           effects = { reputation = -10 }, go = "outsourcing_study",
           lesson = "You saw the business and reported its risks to you. The room heard the "
                 .. "Department of No, back from a field trip." },
  choice { "Pitch the ten-minute pre-approval, in the P&L's terms", id = "pitch_app",
           advice = "follows",
           when = function(g) return g.idea == "app" end,
           effects = { reputation = 10, relationships = -5 },
           reply = "Pilar does not look up from her pad. In a year of cuts, new money comes out "
                .. "of somebody else's budget, and she is the one who has to find it.",
           set = function(g)
             return { funding = pitch_score(g) >= 80 and "full" or "pilot" }
           end,
           go = "build_choice",
           lesson = "The week's lessons, told in the company's money, became a budget line instead "
                 .. "of an anecdote, and Pilar had to cut it from somebody else's in a year of "
                 .. "cuts. How much of one depended on how well you knew the money." },
  choice { "Offer your own $310,000 data-center refresh as the cut that pays for it",
           id = "trade_refresh", advice = "follows",
           when = function(g) return g.idea == "app" end,
           effects = { reputation = 15, acumen = 5, satisfaction = -5 },
           set = { funding = "full", traded_refresh = true }, go = "build_choice",
           lesson = "Giving up the project you were proudest of was the negotiation that "
                 .. "mattered: you paid for the future out of your own department's comfort." },
  choice { "Open Kevin's benchmark deck after all: a week of anecdotes won't move Halvorsen",
           id = "open_deck", advice = "against", once = true,
           effects = { reputation = -10, satisfaction = 5 },
           -- an ally in Sales who trusts you can pull you back to what you saw, once
           set = function(g)
             return { marla_saved = (g.marla_invite or g.owned_call) and g.relationships >= 50 }
           end,
           go = function(g) return g.marla_saved and "budget_hearing" or "outsourcing_study" end,
           lesson = "Retreating to benchmarks after the week threw away the one thing nobody else "
                 .. "in the room had: what you had seen." },
}

scene "quick_wins" {
  text = function(g)
    local lockout
    if g.lockout == "exempt" then
      lockout = " The loan officers' lockout exemption goes away, replaced by something that works."
    else
      lockout = ""
    end
    return paras([[
      The eleven fixes go out over three weeks. Laptop updates move to 2 a.m. The lock desk
      stays open until 7:00, staffed by two of Desmond's people who asked for the overtime.
      Passwords can be reset from a phone after a text-message check.]] .. lockout .. [[ The
      portal takes photos from any phone, encrypted.
    ]], [[
      On Marla's Thursday call nobody says "Birmingham" for a whole week. Bobby Rae sends you a
      photo of his laptop's login screen with his thumb up.
    ]], [[
      Nobody mentions outsourcing again. Halvorsen adds nothing to your budget either. "Good,"
      he tells Walt, within your hearing. "IT's finally a good vendor."
    ]])
  end,
  lesson = "Fixing what frustrates the business earns goodwill. Goodwill is only worth what you "
        .. "spend it on.",
  discuss = "Is \"a good vendor\" a compliment for a department inside the company? What would "
         .. "be better?",
  advice = "Spend the goodwill on something that grows the business.",
  choice { "Stop there. IT is liked, and the budget survived", id = "stop_there",
           advice = "against",
           effects = { burnout = -5, satisfaction = 5 }, go = "team_week",
           lesson = "Being liked as a service is a real improvement. It is still a service." },
  choice { "Spend the goodwill: ask Pilar to help you build the case for the phone pre-approval",
           id = "now_build", advice = "follows",
           when = function(g) return gain(g) >= 20 or g.knows_pl end,
           show_locked = "You have not learned enough of Magnolia's money this summer to make "
                      .. "that case",
           effects = { acumen = 5, burnout = 5 }, set = { funding = "pilot", idea = "app" },
           go = "build_choice",
           lesson = "The fixes earned trust; spending it on something that grows the business is "
                 .. "what turns a good vendor into a partner." },
}

scene "build_choice" {
  text = function(g)
    local money
    if g.funding == "full" then
      money = "Walt approves the full $380,000 on Friday, July 19. Halvorsen wants the first loans "
           .. "through it by October 21."
    else
      money = "Halvorsen approves $120,000 and ninety days: a working pilot by October 21, or the "
           .. "money goes to Marla's marketing budget."
    end
    local refresh
    if g.traded_refresh then
      refresh = [[The old servers in the Riverchase closet will have to last two more years.
        Ingrid has put a calendar reminder on every one of them.]]
    end
    local jasmine
    if g.app_call == "jasmine" or g.app_call == "approved" then
      jasmine = "Jasmine Park has already sent four pages of ideas. "
    else
      jasmine = ""
    end
    return paras(money, refresh, [[Kevin has three developers, if you give up the intranet
      rebuild. ]] .. jasmine .. [[Bobby Rae has sent one sentence: *Make it work in a parking
      lot.*]])
  end,
  lesson = "Technology the company sells should be built with the people who sell it.",
  discuss = "Who should be in the room while the technology your company sells is being built?",
  advice = "Build it with the people who sell, not alone at night.",
  choice { "Build it with Kevin's team, with Bobby Rae and Jasmine on a call every Friday",
           id = "build_together", advice = "follows",
           effects = { relationships = 5, burnout = 5, satisfaction = 5 },
           set = { build = "together" },
           go = "team_week",
           lesson = "Building with the people who would use it was slower each week and faster "
                 .. "overall: the loan officers found the problems before the realtors did." },
  choice { "Write the core yourself, at night. You are still the best engineer in the building",
           id = "build_self", advice = "against",
           when = function(g) return g.technical >= 75 end,
           show_locked = "Your own code is too rusty to carry a product",
           effects = { technical = 10, burnout = 20, relationships = -5, satisfaction = 10 },
           set = { build = "self" }, go = "team_week",
           lesson = "Writing it yourself was the most fun you had had in years, and it turned the "
                 .. "CTO back into the company's most expensive developer." },
  choice { "Buy ListingLoop's enterprise version and wrap Magnolia's security around it",
           id = "build_buy",
           when = function(g) return g.app_call ~= "blocked" end,
           show_locked = "You blocked ListingLoop in June",
           effects = { acumen = 5, burnout = -5 }, set = { build = "buy" }, go = "team_week",
           lesson = "Buying what the field already used was quick and cheap, and made a $39-a-month "
                 .. "startup part of how Magnolia sells." },
}

scene "team_week" {
  text = function(g)
    local deputy
    if g.disconnect == "full" then
      deputy = "Ingrid ran IT without you for a week in July. The team noticed she did it well, "
           .. "and so did Walt."
    elseif g.yvette_led then
      deputy = "Ingrid handled July's certificate outage without you, and the team noticed."
    end
    local kevin
    if g.build == "together" then
      kevin = "Kevin is in the middle of the build"
    elseif g.build == "self" then
      kevin = "Kevin is reviewing the code you write at night"
    elseif g.build == "buy" then
      kevin = "Kevin is integrating ListingLoop with LoanBase"
    else
      kevin = "Kevin is rebuilding the intranet"
    end
    return paras([[
      Wednesday, August 14. Your staff meeting: Ingrid, Kevin, Desmond, and the coffee nobody
      likes.
    ]], deputy, [[
      You tell them about Huntsville: the Waffle House, the eleven minutes of updates, LETTER
      FINAL 3, the tax return on Bobby Rae's phone. Desmond laughs in the right places. Kevin takes
      notes. Ingrid asks when you are sending them.
    ]], "It is a fair question. " .. kevin .. [[; Desmond's help desk is two people short; Ingrid
      has the readiness audit for January's federal mortgage rules in November. Each of them is
      needed here, and each has the blind spot you had in May.
    ]])
  end,
  lesson = "One leader who has seen the business is a start; the habit has to reach the people who "
        .. "will lead IT after you.",
  discuss = "Whom on your team would you send out first, and what would it cost you to cover for "
         .. "them?",
  advice = "Send your own senior people out too, and make the week part of how IT hires.",
  choice { "Not now. After the launch, when things calm down", id = "not_now", advice = "against",
           effects = { burnout = -5 }, go = after_team,
           lesson = "Things do not calm down. The week you cannot spare is the week the habit "
                 .. "dies." },
  choice { "Send all three on the road this fall, a week each, and cover for them yourself",
           id = "send_leaders", advice = "follows",
           effects = { burnout = 10, relationships = 10, acumen = 5 }, set = { leaders_out = true },
           go = after_team,
           lesson = "Three weeks of your senior people's time, and your evenings covering for "
                 .. "them, bought a team that would not need you to tell them what the field "
                 .. "needs." },
  choice { "Write it into onboarding: every new IT hire spends the first week with a loan officer",
           id = "onboarding", advice = "follows",
           effects = { reputation = 5, relationships = -5 }, set = { onboarding = true },
           go = after_team,
           reply = "Desmond does the arithmetic out loud: every analyst he hires now spends the "
                .. "first week in a car, on a help desk already two people short.",
           lesson = "Onboarding built the habit into every newcomer, at the price of each new "
                 .. "analyst's first week on a help desk two people short, and left the people "
                 .. "who already run IT where you were in May." },
  choice { "Both: the three of them this fall, and every new hire from now on", id = "both",
           advice = "follows",
           when = function(g) return g.yvette_led or g.relationships >= 60 end,
           show_locked = "Nobody you trust could run IT while you cover for all three",
           effects = { burnout = 10, relationships = 5, reputation = 5 },
           set = { leaders_out = true, onboarding = true }, go = after_team,
           lesson = "Because Ingrid could run things without you, you could afford to send "
                 .. "everyone, and make the week part of how IT hires." },
}

scene "compliance_gate" {
  text = function(g)
    local state
    if g.build == "together" then
      state = [[Bobby Rae sent a test letter from the parking lot of a Publix in Madison in nine
        minutes.]]
    elseif g.build == "self" then
      state = [[You wrote two thirds of it between ten at night and two in the morning, and it
        shows both ways: it is fast, and only you understand the rate-lock module.]]
    else
      state = [[ListingLoop's engineers in Austin built Magnolia's version in five weeks. Ingrid's
        team is still reading their security documents.]]
    end
    local clock
    if g.funding == "pilot" then
      clock = "Your ninety days run out on October 21."
    end
    return paras([[
      Monday, September 23. The app works. Jasmine named it Porch, because that is where she
      says deals get done.
    ]], state, [[
      Marla wants it in every loan officer's hands by October 1, for the fall open houses; she
      has already promised it to forty realtors. Ingrid wants three more weeks for an outside
      penetration test and a compliance review of the letters against the new federal rules.
      "It handles tax returns," she says. "I am not guessing about this one."
    ]], clock, "Halvorsen wants your decision by Wednesday.")
  end,
  lesson = "Being too rigid was the old mistake; throwing out the rules that protect customers is "
        .. "the opposite one. The skill is knowing which rule to keep.",
  discuss = "Which of your best practices would you never trade for speed, and which are habits "
         .. "you could drop?",
  choice { "Launch on October 1 and fix whatever the review finds afterwards", id = "launch_now",
           effects = { reputation = 5, relationships = 5 }, set = { review = "skipped" },
           go = function(g)
             local p = 0.35
             if g.lockout == "exempt" then p = p + 0.1 end
             if g.app_call == "approved" then p = p + 0.1 end
             if g.build ~= "together" then p = p + 0.1 end
             return g:chance(p) and "breach_scene" or "launch"
           end,
           lesson = "Shipping before the review pleased everyone for a month, and bet borrowers' "
                 .. "data that nothing was wrong." },
  choice { "Hold it three weeks for the review", id = "hold_review",
           effects = { reputation = -5, relationships = -5 }, set = { review = "held" },
           go = "launch",
           lesson = "Holding the launch cost Marla her October and kept the one best practice that "
                 .. "mattered most." },
  choice { "Launch to Bobby Rae, Jasmine and eighteen others now; everyone else after the review",
           id = "narrow_launch",
           when = function(g) return gain(g) >= 25 or g.owned_call or g.relationships >= 60 end,
           show_locked = "You lack the field's trust or the business's numbers to run two "
                      .. "launches at once",
           effects = { burnout = 10 }, set = { review = "narrow" }, go = "launch",
           lesson = "A small launch under watch gave Sales its October and Ingrid her review, at "
                 .. "the price of running two launches at once." },
}

scene "breach_scene" {
  text = function(g)
    local fault
    if g.build == "buy" then
      fault = "in ListingLoop's shared storage, where one customer's letters could be read "
           .. "from another customer's links"
    elseif g.build == "self" then
      fault = "in your rate-lock module: a debugging line that wrote whole borrower records "
           .. "into the letter footer, which you meant to take out in September"
    else
      fault = "in the letter template, which mixed two borrowers' records when two loan "
           .. "officers saved in the same second"
    end
    return paras([[
      Thursday, October 17. A realtor in Destin forwards Marla an email she should never have
      received: a pre-approval letter for a borrower she has never met, with his Social
      Security number at the bottom.
    ]], "By noon Ingrid has found the fault, " .. fault .. [[. As many as 214 borrowers' letters
      may have reached the wrong inbox. The penetration test had been booked for October 14.]],
    [[
      There will be letters to every borrower, a report to the regulators, credit monitoring at
      $12 a head, and a story in the *Birmingham Business Journal*. Walt calls you, Halvorsen and
      Marla into his office at two.
    ]])
  end,
  lesson = "When a decision you made goes wrong in public, how you answer for it decides what "
        .. "people remember.",
  discuss = "When speed and safety collide on your project, who should make the call, and who "
         .. "answers for it?",
  choice { "Take it: it was your decision, and your name goes on the letters to borrowers",
           id = "own_breach",
           effects = { reputation = -10, satisfaction = -10, relationships = 5 },
           go = "open_doors",
           lesson = "Owning the breach cost you the project and kept your word worth something." },
  choice { "Point out that Sales set the date and the code was never yours to check",
           id = "blame_others",
           effects = { reputation = -20, relationships = -15 }, set = { blamed = true },
           go = "managed_out",
           lesson = "Spreading the blame was accurate in parts and fatal as a whole: the decision "
                 .. "had been yours, and everyone in the room knew it." },
}

-- How well Porch works, from how it was built and who was involved.
local function launch_quality(g)
  local q = 0
  if g.build == "together" then q = q + 2 else q = q + 1 end
  if g.review ~= "skipped" then q = q + 1 end
  if g.funding == "full" then q = q + 1 end
  if g.leaders_out then q = q + 1 end
  if g.relationships >= 55 then q = q + 1 end
  if g.realtor_talk or g.owned_call then q = q + 1 end
  return q >= 4 and "strong" or "weak"
end

scene "launch" {
  effects = function(g)
    if launch_quality(g) == "strong" then return { satisfaction = 10, reputation = 5 } end
    return { satisfaction = -5 }
  end,
  set = function(g)
    -- trust given in July comes back: Ingrid goes on the road on her own time
    local went = not (g.leaders_out or g.onboarding) and g.yvette_led and g.relationships >= 60
    return { app_result = launch_quality(g), yvette_went = went }
  end,
  text = function(g)
    local when
    if g.review == "narrow" then
      when = [[Monday, October 21. Twenty loan officers have used Porch for three weeks; today the
        other 140 get it, with the four findings of the penetration test fixed.]]
    elseif g.review == "held" then
      when = [[Monday, October 21. Porch goes to all 160 loan officers today, with the four
        findings of the penetration test fixed. Marla has not quite forgiven you for October.]]
    else
      when = [[Monday, October 21. Porch has been in every loan officer's hands for three weeks.
        The penetration test starts next week.]]
    end
    local result
    if g.app_result == "strong" then
      result = paras([[The numbers come from Pilar, not from you, which is why Halvorsen
        believes them:]], [[
        | Pre-approval letters: median 11 minutes (was 26 hours)
        | Purchase applications, October against July: up 18%
        | Realtors using a Porch link: 311
      ]], [[Sherry Hollins sent Bobby Rae two buyers in one weekend and told him to thank "that
        trainee". Halvorsen, passing your office: "I'd have outsourced you in August. Glad I
        didn't."]])
    else
      local why = g.build == "self"
        and "it froze twice on days the rate sheet changed, with nobody but you able to fix it"
        or "finding it still wants LoanBase's sixty-one fields before a letter will print"
      result = paras([[Pilar's numbers are honest and modest:]], [[
        | Pre-approval letters: median 3 hours (was 26 hours)
        | Purchase applications, October against July: up 4%
      ]], "Half the loan officers love it. The other half went back to LETTER FINAL 3 after "
        .. why .. ".")
    end
    local refresh
    if g.traded_refresh then
      refresh = [[On October 9 a disk controller in one of the old Riverchase servers died. Ingrid
        had a spare on the shelf, because of her calendar reminders.]]
    end
    local yvette
    if g.yvette_went then
      yvette = [[You never sent anyone on the road. Ingrid went anyway, on a week of her own
        vacation in September, in Jasmine's car in Atlanta, and came back with four of Porch's
        launch fixes. "You left me the keys in July," she says. "I figured that was a yes."]]
    end
    return paras(when, result, refresh, yvette,
      "Walt asks you to present Porch at the board meeting on November 4.")
  end,
  lesson = "A technology that changes how a company sells belongs to the people who sell with it "
        .. "as much as to the people who built it.",
  discuss = "Who should stand up and present a technology that changed how your company sells?",
  advice = "Give the credit to the people who sell, and ask the other executives to go "
         .. "undercover too.",
  choice { "Present it with Bobby Rae and Jasmine, and ask that every executive spend a week "
           .. "undercover, Walt and Halvorsen included", id = "propose_all", advice = "follows",
           effects = { reputation = 5, relationships = 5, burnout = 5 },
           reply = "You give three evenings to rehearsing Bobby Rae and Jasmine. Halvorsen hears "
                .. "the part about his own week in a Buick with a fixed smile.",
           go = function(g)
             local team = g.leaders_out or g.onboarding or g.yvette_went
             -- and you still care enough to carry it past the applause
             if g.app_result == "strong" and team and g.reputation >= 40
                and g.satisfaction >= 30 then
               return "part_of_production"
             end
             return "one_good_launch"
           end,
           lesson = "Three evenings rehearsing Bobby Rae and Jasmine for the board, and the "
                 .. "harder job of asking your bosses to ride in his Buick, made the week a habit "
                 .. "of the company, not a story about you." },
  choice { "Present it yourself, as IT's turnaround", id = "take_bow", advice = "against",
           effects = { reputation = 10, relationships = -10, satisfaction = 5 },
           go = "one_good_launch",
           lesson = "Taking the bow alone made Porch IT's project again, and the salespeople who "
                 .. "built it with you noticed." },
  choice { "Hand Porch to Marla's team to run, and get back to the infrastructure backlog",
           id = "hand_back", advice = "against",
           effects = { burnout = -10, satisfaction = 5 }, go = "lights_on",
           lesson = "Handing the product to Sales and going back to operations put you where you "
                 .. "started: trusted, thanked, and outside the room." },
}

scene "october_review" {
  text = function(g)
    local team
    if g.leaders_out then
      team = [[Ingrid came back from her week in Pensacola with a fix for the lock desk that nobody
        had asked for. Kevin came back from Tennessee quieter, and full of ideas.]]
    elseif g.onboarding then
      team = "The first new hire to start in a loan officer's car, a help desk analyst named "
          .. "Corey, has already been asked for by name on Marla's call."
    end
    return paras([[
      Monday, October 21, the fourth-floor boardroom, six months after the quarterly review in
      which nobody asked you a question.
    ]], [[
      This time Walt asks three, and Marla answers one of them for you. The loan officers rate IT
      3.9 out of 5, up from 2.6. Nobody calls it the Department of No any more, at least not
      on the Thursday call.
    ]], team, [[
      But the purchase market belongs to whoever answers first, and Crestview's app is in half
      the realtor offices in Madison County. Magnolia's answer is still LETTER FINAL 3.
    ]])
  end,
  lesson = "Supporting the business well is half the job; the other half is building what lets it "
        .. "grow.",
  discuss = "What is your department's equivalent of LETTER FINAL 3: the workaround nobody has "
         .. "replaced?",
  choice { "Ask Walt for the phone pre-approval money in next year's budget", id = "next_year",
           effects = { acumen = 5 }, go = "lights_on",
           lesson = "Next year's budget is a real answer, arriving a year after Crestview's." },
  choice { "Ask Marla for a region of your own on her side of the house", id = "ask_marla_job",
           when = function(g) return g.relationships >= 50 end,
           show_locked = "Marla would need to trust you more",
           effects = { acumen = 10, satisfaction = 5 }, go = "crossing_over",
           lesson = "Crossing into sales taught you the rest of the business, and left IT to "
                 .. "someone who had not learned it." },
}
