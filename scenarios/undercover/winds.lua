-- Undercover, act III: the rates turn, a new president arrives, and the choice between
-- defending the department and leaving it for a week. Also the road the article warns against:
-- the budget defense and the outsourcing study.

scene "rate_shock" {
  chapter = "III. The Winds Shift",
  effects = { burnout = 5 },
  text = function(g)
    local vendor
    if g.vendor == "per_loan" then
      vendor = [[Pilar stops you in the hall afterwards. "The LoanBase deal just saved us
        ninety thousand dollars we didn't know we'd need. Halvorsen asked me who did it."]]
    elseif g.vendor == "signed" then
      vendor = [[Pilar mentions, not unkindly, that the LoanBase contract is now the biggest
        fixed cost in the building after rent.]]
    else
      vendor = [[Trevor came back at 4 percent a week into the RFP. Kevin is still answering
        vendor questionnaires at night.]]
    end
    return paras([[
      Monday, June 24. Since the Fed chairman spoke in May, the thirty-year mortgage rate has
      climbed from about 3.4 percent to well over 4. Refinance applications, seven of every ten
      Magnolia loans last year, are down by almost half. The Pensacola loan officer who closed
      eleven loans in April has two in his pipeline.
    ]], [[
      Walt calls everyone into the training room and introduces Brent Halvorsen, the new
      president and chief operating officer, until last month head of retail lending operations
      at a bank in Charlotte. Halvorsen is forty-four, runs marathons, and talks in slides.
    ]], [[
      "We are going to fund fewer loans for a while," he says. "So each one has to cost less:
      six hundred dollars less. Every department defends its budget to me on July 15, and every
      dollar has to show me where it touches a loan."
    ]], [[
      On the way out, Ingrid tells you what a friend in Charlotte told her: Halvorsen's bank handed
      its whole IT department to an outsourcing firm in 2011.
    ]], vendor)
  end,
  lesson = "When the political winds shift, a leader whose value is only operational has few "
        .. "allies and no story to tell.",
  discuss = "If a new executive asked where your budget touches the product, what would you "
         .. "answer?",
  advice = "When the winds shift, find allies in the business before you need them.",
  choice { "Book an hour with Halvorsen this week, before he makes up his mind about IT",
           id = "meet_halvorsen", set = { halvorsen_met = true }, go = "halvorsen_one_on_one" },
  choice { "Take Marla to lunch; she has outlasted three presidents", id = "lunch_with_marla",
           advice = "follows",
           effects = { relationships = 5, reputation = -5 }, go = "marla_lunch",
           lesson = "Going to the head of Sales for advice, before you needed a favour, cost you "
                 .. "a place in the new president's first week. It was networking done at the "
                 .. "right time." },
  choice { "Keep your head down. The uptime will speak for itself", id = "head_down",
           advice = "against",
           effects = { reputation = -5, burnout = -5 }, go = "shadow_app",
           lesson = "In a cost-cutting year the department nobody hears from is the easiest line "
                 .. "to cut. Uptime does not speak." },
}

scene "halvorsen_one_on_one" {
  text = function(g)
    local extra
    if g.vendor == "per_loan" then
      extra = "He already knows your name from the LoanBase deal, and says so."
    elseif g.knows_pl then
      extra = "Pilar's numbers are in your head: $676 a loan last year, $939 next year if "
           .. "nothing changes."
    end
    return paras([[
      Halvorsen's temporary office still has the last occupant's golf photos on the wall. He gives
      you exactly the hour, and asks his question in the first minute.
    ]], [[
      "If I moved your whole budget to Marla's side of the house tomorrow, what would I lose?"
    ]], "Not what would break. What he would lose.", extra)
  end,
  lesson = "A new executive's first question is a test of whether you can describe your work in "
        .. "the company's terms.",
  discuss = "In one sentence, what would your organization lose without your department?",
  advice = "Say what your department is worth in the company's terms, not what would break "
         .. "without it.",
  choice { "Tell him what would break: email, LoanBase, the network, the audit",
           id = "what_breaks", advice = "against",
           effects = { reputation = -5, satisfaction = 5 }, go = "shadow_app",
           lesson = "What would break is a utility's answer, and utilities get outsourced." },
  choice { "Tell him the truth: you don't know yet, and you'll find out by July 15",
           id = "dont_know",
           effects = { satisfaction = -5, acumen = 5 }, set = { promised_halvorsen = true },
           go = "shadow_app",
           lesson = "Admitting you did not know cost some pride and bought a little time, if you "
                 .. "used it." },
  choice { "Answer in his terms: cost per loan, and what IT could take out of it",
           id = "cost_per_loan", advice = "follows",
           when = function(g) return g.knows_pl or g.vendor == "per_loan" end,
           show_locked = "You do not know what IT costs per loan",
           effects = { reputation = 10, acumen = 5, relationships = -5 }, go = "shadow_app",
           reply = "Halvorsen writes your figure down. By Friday he has asked Desmond Ortiz, who "
                .. "runs your help desk, what a ticket costs per loan, and Desmond has asked you "
                .. "why he had to hear it from the president.",
           lesson = "Answering in cost per loan showed Halvorsen someone who knew what the company "
                 .. "sells, and let your help-desk manager hear his price from the president "
                 .. "first." },
}

scene "marla_lunch" {
  text = function(g)
    local aside
    if g.lockout == "held" then
      aside = [["And Bobby Rae lost that Madison couple, by the way. The Saturday you wouldn't
        unlock him. They went with Crestview."]]
    elseif g.lockout == "weekend" then
      aside = [["The Saturday help desk got noticed," she adds. "First thing out of Birmingham in
        a year my people liked."]]
    elseif g.lockout == "exempt" then
      aside = [["My people love you for the lockout thing," she adds. "Ingrid doesn't, I hear."]]
    end
    return paras([[
      Halvorsen spends his first week with every executive who books an hour. You booked
      this lunch instead, and Pilar tells you he noticed.
    ]], [[
      Niki's West, noon, a plate of fried green tomatoes between you. Marla has run sales at
      Magnolia for nine years and at two banks before that. She eats fast and talks faster.
    ]], [[
      "You know what my people call your help desk? The Department of No." She does not say it
      to hurt. "They're not wrong, and you're not wrong either. You've never sat in a realtor's
      office at five o'clock with a buyer in tears because somebody else's offer got in first.
      You build for the building. My people aren't in the building."
    ]], aside, [[
      She wipes her hands. "Come ride with Bobby Rae for a week. Not a visit. A week. Don't tell
      him who you are. He'll show you everything, because he'll think you're a new hire he has
      to train."
    ]])
  end,
  lesson = "An invitation into another department's world is worth more than any meeting with its "
        .. "representative.",
  discuss = "Who in your company would take you into their world if you asked? Have you asked?",
  advice = "Accept an invitation into another department's world: a week inside beats any meeting.",
  choice { "Tell her yes, if Walt will sign off", id = "accept_ride", advice = "follows",
           effects = { relationships = 5, burnout = 5 }, set = { marla_invite = true },
           go = "shadow_app",
           reply = "You give three evenings to moving a week of meetings out of budget season.",
           lesson = "Saying yes to Marla cost evenings spent clearing a week out of budget season, "
                 .. "and made Sales a partner in your education rather than an audience." },
  choice { "Thank her, and say it will have to wait until after July 15", id = "decline_ride",
           advice = "against",
           effects = { burnout = -5 }, go = "shadow_app",
           lesson = "Waiting until the budget was safe meant defending the budget without knowing "
                 .. "the business it paid for." },
}

scene "shadow_app" {
  text = [[
    Thursday, June 27. Ingrid's weekly scan finds 23 company laptops syncing files to
    ListingLoop, a service nobody in IT has heard of. Kevin opens one of the folders:
    pre-approval letters, pay stubs, two federal tax returns, a driver's license.

    ListingLoop costs $39 a month. Jasmine Park, a loan officer in the Atlanta office, found it
    in March and paid for it on her own card; twenty-two colleagues followed. It builds a
    pre-approval letter on a phone and sends it to a realtor in ten minutes. Magnolia's own
    system takes most of a day.

    By noon Marla has heard about the scan. Her email is one line long.

    | Don't you dare switch it off. Buy it for everybody.

    Ingrid's is two.

    | Borrowers' tax returns on servers we have never assessed. Under GLBA that is ours to answer for, not theirs. Block it today.
  ]],
  lesson = "Tools people buy with their own money are a map of what the business needs and IT "
        .. "has not built.",
  discuss = "Where in your organization are people paying for tools out of their own pockets? "
         .. "What does that say about what you provide?",
  advice = "Read the tools people buy for themselves as a map of what the business needs, and "
         .. "ask whoever built the workaround.",
  choice { "Block it today, and send the loan officers a memo explaining why", id = "block_app",
           advice = "against",
           effects = { relationships = -10, reputation = -5, satisfaction = 5 },
           set = { app_call = "blocked" }, go = "the_ask",
           lesson = "Blocking it protected the borrowers and left untouched the need that created "
                 .. "the tool; the next workaround was already being invented." },
  choice { "Leave it running, and buy licenses for all 160 loan officers", id = "approve_app",
           effects = { relationships = 10, reputation = 5 }, set = { app_call = "approved" },
           go = "the_ask",
           lesson = "Approving it won Sales over and left tax returns on servers nobody had "
                 .. "checked. That kind of risk waits." },
  choice { "Stop new uploads, and call Jasmine before you decide anything else",
           id = "call_jasmine", advice = "follows",
           effects = { acumen = 5, relationships = 5, burnout = 5 }, set = { app_call = "jasmine" },
           go = "the_ask",
           lesson = "The person who built the workaround knew exactly what IT was missing. Asking "
                 .. "her taught you more than the scan did." },
}

scene "the_ask" {
  text = function(g)
    local lines = {}
    if g.app_call == "jasmine" then
      lines[#lines + 1] = [[Jasmine talked for forty minutes. The line you wrote down: "It's not
        the app. A realtor sends the buyer to whoever answers first. ListingLoop lets me answer
        first."]]
    end
    lines[#lines + 1] = [[
      Monday, July 1. Two weeks to Halvorsen's budget hearing. Kevin has a benchmark deck half
      built: IT spending as a share of revenue, against industry figures for lenders. It makes
      IT look lean. There is not a loan officer in it.
    ]]
    if g.admitted then
      lines[#lines + 1] = [[Gus's reply from May is still flagged in your inbox: "As a trainee,
        not a visitor. A week, not a meeting. And don't take your pager."]]
    end
    if g.marla_invite then
      lines[#lines + 1] = [[Marla's offer stands. Bobby Rae's week of July 8, she says, is "as
        ugly as they come. Perfect."]]
    end
    if g.asked_undercover then
      lines[#lines + 1] = [[In May Walt said "after budget season". Budget season has arrived
        on its own terms.]]
    end
    if g.promised_halvorsen then
      lines[#lines + 1] = "You promised Halvorsen an answer by the fifteenth. You still don't have one."
    end
    lines[#lines + 1] = [[
      There are two weeks. You can spend them here, building the strongest possible defense of
      the department you built. Or you can spend one of them somewhere else and lose a week you
      cannot really spare.
    ]]
    return paras(table.unpack(lines))
  end,
  lesson = "A week away from your own desk looks like lost productivity; it is the price of "
        .. "learning what the desk is for.",
  discuss = "What would you lose if you left your job for a week? What might you gain?",
  advice = "Leave your job for a week and ride with the people who sell, as a trainee, even "
         .. "when the week looks unaffordable.",
  choice { "Spend both weeks on the defense: benchmarks, service levels, risk", id = "build_deck",
           advice = "against",
           effects = { burnout = 10, satisfaction = 5 }, go = "budget_defense",
           lesson = "A strong defense of the department as it was answered a question nobody in "
                 .. "the room was asking anymore." },
  choice { "Go on the road with a loan officer for a week, as a new hire", id = "go_undercover",
           advice = "follows",
           effects = { reputation = -5 }, set = { went_undercover = true }, go = "walt_yes",
           lesson = "Leaving your job for a week in the middle of a budget fight looked like the "
                 .. "least productive thing you could do. It was the only way to learn what the "
                 .. "budget was for." },
  choice { "Survey all 160 loan officers instead: more data than one man's week", id = "survey",
           advice = "against",
           effects = { acumen = 5 }, set = { surveyed = true }, go = "survey_results",
           lesson = "A survey told you what people complained about. It could not tell you what "
                 .. "their day was like, or what the business was missing." },
}

scene "survey_results" {
  text = function(g)
    local listing = "Nine comments mention ListingLoop."
    if g.app_call == "blocked" then
      listing = "Nine comments mention ListingLoop, most of them in capitals."
    end
    return paras([[
      Friday, July 5. A hundred and twelve of the 160 loan officers answered. Average
      satisfaction with IT: 2.6 out of 5.
    ]], [[
      | Top complaint: help desk hours (61 mentions)
      | Second: "the VPN" (48)
      | Third: "LoanBase is slow" (44)
      | Most common word in the comments: Birmingham
    ]], listing .. [[ Kevin turns the comments into a word cloud. One answer, from Huntsville,
      is two words long: *Come see.*
    ]], [[
      It is data. You still could not say what a loan officer does between seven in the morning
      and nine at night.
    ]])
  end,
  lesson = "Surveys measure complaints; a week alongside someone shows you the work that "
        .. "produces them.",
  discuss = "What can a survey tell you that a week in the field cannot, and the other way round?",
  advice = "Counting complaints is no substitute for a week inside someone's working day.",
  choice { "Call Marla: is Bobby Rae's week still open?", id = "late_ride", advice = "follows",
           when = function(g) return g.marla_invite or g.relationships >= 40 end,
           show_locked = "You turned Marla down, and nobody in Sales owes you a favour",
           effects = { burnout = 5 }, set = { went_undercover = true }, go = "walt_yes",
           lesson = "Going late was still going. The survey told you where to look; the week "
                 .. "would show you what you were looking at." },
  choice { "Take the survey to the hearing, with a plan for the top three complaints",
           id = "survey_to_hearing", advice = "against",
           effects = { reputation = 5 }, go = "budget_defense",
           lesson = "Fixing the top three complaints was a fair plan for a service department. "
                 .. "It was still a service department's plan." },
}

scene "budget_defense" {
  text = function(g)
    local plan = g.surveyed and " A plan for the survey's top three complaints." or ""
    local walt = g.reputation >= 30 and "He is waiting to be given a reason."
              or "He already looks tired of the subject."
    return paras([[
      Monday, July 15, the fourth-floor boardroom. Halvorsen, Walt, Pilar and Marla. You have
      twenty minutes.
    ]], [[Your deck is good. IT spends 3.1 percent of revenue against an industry figure of 4.2.
      Uptime, ticket times, no breaches.]] .. plan .. " Kevin rehearsed it with you twice.", [[
      Halvorsen lets you finish. "Industry doesn't pay my loan officers," he says. "You've shown me
      IT is cheap and reliable. So is electricity." He slides one page across to Walt. "Pinnacle
      Managed Services would run the infrastructure and the help desk for $640,000 a year less.
      I'd like ninety days to study it, with IT reporting to me in the meantime."
    ]], "Walt looks at you. " .. walt)
  end,
  lesson = "Benchmarks prove a department is efficient. They cannot prove it matters to what the "
        .. "company sells.",
  discuss = "Is your department a cheap, reliable utility or part of the business? Which does "
         .. "your budget defense argue?",
  advice = "Do not defend the department as a cost center that deserves to survive; the room "
         .. "is asking what it is for.",
  choice { "Fight it here: outsourcing fails, and you have the case studies", id = "fight_study",
           advice = "against",
           effects = { reputation = -10, burnout = 5, satisfaction = 5 },
           set = { late = true }, go = "walt_yes",
           lesson = "Fighting for the department you built felt like loyalty. To the room it "
                 .. "sounded like a cost center protecting itself." },
  choice { "Accept the study, and offer to help run it honestly", id = "accept_study",
           advice = "follows",
           effects = { reputation = 5, satisfaction = -10 }, set = { late = true }, go = "walt_yes",
           lesson = "Cooperating kept your credibility and handed someone else the question of "
                 .. "what IT is for." },
}

scene "outsourcing_study" {
  text = function(g)
    local why
    if g:visited("budget_defense") == 0 then
      -- the hearing came after the week: Pinnacle is named here for the first time
      why = [[Halvorsen heard you out on July 15 and slid one page across to Walt: Pinnacle
        Managed Services would run the infrastructure and the help desk for $640,000 a year
        less. He wanted ninety days to study it, with IT reporting to him in the meantime.]]
      if g.idea == "controls" then
        why = why .. [[ His verdict on your week in Huntsville was one sentence: "So it taught
          you to say no louder."]]
      end
    elseif g.stayed then
      why = [[You stayed in Birmingham and answered Pinnacle's questions yourself, server by
        server. They would have counted them without you. Halvorsen never asked what you
        thought IT was for; you had not gone anywhere to find out.]]
    elseif g.late then
      why = [[You came back from Huntsville knowing what the business needed, a month after the
        hearing that had decided what IT was for. Halvorsen read your notes and filed them
        with the study.]]
    elseif g.idea == "controls" then
      why = [[Halvorsen's verdict on your week in Huntsville was one sentence: "So it taught you
        to say no louder." The study started the next day.]]
    elseif g.went_undercover then
      why = [[You went to Huntsville and came back to the hearing with Kevin's benchmarks anyway.
        Halvorsen started the study the next day.]]
    end
    local offer
    if g.marla_invite or g.relationships >= 45 or g.late then
      offer = [[Marla catches you in the parking deck. "Walt's going to sign it. For what it's
        worth, I've got a regional sales manager job open, North Alabama and Tennessee. You'd be
        terrible at it for six months. Then you might be good."]]
      offer = offer .. "\n\n" .. [[That night Noor reads the offer over your shoulder. "You've
        come home angry from that building for a year," she says. "Try the other side of it."]]
    else
      offer = [[Halvorsen offers you "director of technology" under him: the applications team,
        the vendor contract, and the title on your door for now.]]
    end
    return paras(why, [[
      Friday, September 20. Pinnacle's people have been in the building for nine weeks. They
      are polite, wear lanyards and count everything. Their report recommends running the
      infrastructure and the help desk from their center in Nashville and keeping a small
      applications team in Hoover under Halvorsen. Savings: $575,000 a year. Desmond Ortiz's help
      desk goes first.
    ]], offer)
  end,
  lesson = "When the winds turn, the leader who knows only operations has few places to go.",
  discuss = "If the politics turned against your department tomorrow, who would speak for it?",
  choice { "Take Marla's offer and move into sales", id = "to_sales",
           when = function(g) return g.marla_invite or g.relationships >= 45 or g.late end,
           effects = { acumen = 10, satisfaction = 5 }, go = "crossing_over",
           lesson = "Moving into sales taught you the business at last, from the other side of the "
                 .. "desk and too late to fix IT." },
  choice { "Stay, and run what is left of IT under Halvorsen", id = "stay_under",
           effects = { satisfaction = -10 },
           -- a leader who no longer cares shows it, and the new boss sees it first
           go = function(g)
             return (g.reputation >= 20 and g.satisfaction >= 30) and "lights_on" or "managed_out"
           end,
           lesson = "Staying kept a paycheck and the keys to the servers. It did not change what "
                 .. "the company thought IT was for." },
  choice { "Go over Halvorsen's head: send the board's audit chair a memo on Pinnacle's risks",
           id = "go_over",
           effects = { reputation = -10, burnout = 5 }, set = { went_over = true },
           go = function(g) return g:chance(0.3) and "lights_on" or "managed_out" end,
           lesson = "Going around your boss with a risk memo is a last resort. Sent from a "
                 .. "position with no allies, it usually settles the argument against you." },
}
