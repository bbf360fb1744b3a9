-- Derailed, act 5: the merger. Every derailer comes due: the network you did or did not build
-- (3), the plan (1, 2, 5), the references (4, 6, 7). Larchmont picks one head of technology.

scene "merger_news" {
  advice = "Turn to the network you built when you needed nothing, not to a cold list of names.",
  chapter = "The merger",
  effects = function(g)
    if g.always_on then return { burnout = 6 } end
    if g.rules then return { burnout = -4 } end
    return {}
  end,
  text = function(g)
    return paras([[
      Monday, June 7, 1999. Ellen calls an all-hands in the Groveport warehouse, between the loading
      docks. Kessler is merging with Ridgeline Foods of Indianapolis, a distributor a little
      larger than Kessler, with money from Larchmont Capital. The combined company will have
      1,400 people, 390 trucks and one head of technology.

      That afternoon Martin shuts his door. "It's you or Neil Salter. Ridgeline's IT director,
      eleven years there, ex-consultant, very smooth. Larchmont's operating partner, Lena
      Voigt, decides by the end of July. I've put your name forward. I can't do more than that."
    ]], g.rules and [[
      You walk home at six, as you have every day since May, and think it through with Noor on
      the porch instead of at the keyboard.
    ]] or nil, g.always_on and (g.night_drafts and [[
      You are at your desk at eleven that night, filling the drafts folder for the morning. The
      building is dark except for your office.
    ]] or [[
      You are at your desk at eleven that night, and so, judging by the replies, is your team.
    ]]) or nil, tired(g))
  end,
  lesson = "Mergers and reorganisations arrive without warning. The relationships you need "
        .. "inside one have to exist before it.",
  discuss = "If your company merged next month, who outside it would you call first? When did "
         .. "you last talk to them?",
  choice { "Out-work Neil: nights and weekends on a flawless integration plan",
           id = "outwork_neil", advice = "against",
           effects = { burnout = 12, technical = 2 },
           go = "integration_plan",
           lesson = "Working harder was the answer you knew. It was not the question being "
                 .. "asked." },
  choice { "Call Gloria Hsu: the Forum has been through a dozen of these",
           id = "call_gloria", advice = "follows",
           when = function(g) return g.networked end,
           show_locked = "Someone outside Kessler would have to know you, and you never went to the Forum",
           effects = { relationships = 2, reputation = -3 },
           reply = "Gloria can only do Wednesday at seven. Lena's first call with the two IT "
                .. "directors is at half past, and Neil has her to himself for twenty minutes.",
           go = "gloria" },
  choice { "Start calling around: the résumé, old colleagues, the Rolodex",
           id = "start_calling",
           when = function(g) return not g.networked end,
           effects = { burnout = 4 },
           go = "cold_calls" },
  choice { "Ask Rosa, Wes and Martin what the merger looks like from where they sit",
           id = "ask_inside", advice = "follows",
           when = function(g) return g.relationships >= 45 end,
           effects = { acumen = 5, relationships = 4, reputation = -3 },
           reply = "Asking means admitting you are worried. By Friday half of Groveport knows the "
                .. "director is asking around.",
           go = "integration_plan",
           lesson = "The people you had built ties with inside Kessler told you what "
                 .. "Larchmont would care about before Larchmont said it." },
}

scene "cold_calls" {
  text = [[
    You send thirty-two letters and emails over one weekend: to people you worked with eight years ago, to
    a recruiter who placed you once, to a university friend who is now a CIO in Cleveland and
    whom you have not spoken to since his wedding.

    Four reply. Two are kind. The recruiter asks whether you would consider a six-month contract
    in Tampa. Your friend in Cleveland answers after nine days: "Great to hear from you! Crazy
    here right now. Let's catch up sometime."

    It dawns on you slowly, the way cold does, that a network is not a list of names.
  ]],
  lesson = "Networking only when you need a job makes the search longer and harder. The people "
        .. "who answer quickly are the ones you called when you needed nothing.",
  discuss = "Who would return your call within a day? How many of them have you talked to "
         .. "when you did not need anything?",
  choice { "Stop fishing, and put everything into the plan for Lena",
           id = "stop_fishing",
           effects = { burnout = 5 },
           go = "integration_plan" },
  choice { "Go to the CIO Forum after all, late as it is",
           id = "forum_late",
           effects = { relationships = 4, acumen = 2 },
           set = { late_networker = true },
           go = "integration_plan",
           lesson = "Late is better than never, but it is still late: a network takes years, "
                 .. "and this decision will take weeks." },
}

scene "gloria" {
  text = [[
    Gloria meets you at a diner on High Street at seven in the morning. She has been through
    three mergers and tells you so before the coffee arrives.

    "Larchmont has done six of these. Lena Voigt doesn't care who has the better data centre.
    She keeps the one who can tell her where the margin is." She lowers her voice. "And,
    separately. Buckeye Health Supply is looking for a CIO. The CEO's a friend of mine. Smaller
    than the company you'll be, but it's the top job, and it's real. Want me to call her?"
  ]],
  lesson = "Relationships outside the company sharpen your judgment and open doors before you "
        .. "need them.",
  discuss = "Who outside your company would tell you the truth about your prospects? Have you "
         .. "asked them?",
  choice { "Yes: take the Buckeye interview, and keep fighting for Kessler too",
           id = "take_buckeye",
           effects = { burnout = 4 },
           set = { outside_offer = true },
           go = "integration_plan",
           lesson = "Because you had kept up with the Forum, a merger you could not control "
                 .. "came with a door you did not have to beg to have opened." },
  choice { "No: ask her to help you prepare for Lena instead",
           id = "gloria_coaching",
           effects = { acumen = 8, relationships = 2 },
           go = "integration_plan",
           lesson = "A mentor who holds you to your new way of working is worth more than "
                 .. "another course." },
}

scene "integration_plan" {
  advice = "Write the plan from the customers and the margin, with your team, not from the machinery.",
  text = function(g)
    local help
    if g.anil_trained then
      help = [[
        Anil takes the Courier and the AS/400 off your plate for the ten days and does not call
        you once.
      ]]
    elseif g.hero >= 3 then
      help = [[
        The Courier breaks twice in those ten days. Both times the call comes to you, because
        you are still the only one who knows it, and both times you lose a night.
      ]]
    end
    return paras([[
      July. Lena Voigt asks each candidate for a ninety-day technology plan for the combined
      company, in writing, in ten days. Ridgeline runs a different ERP, a different warehouse
      system, no ordering website at all, and its own Y2K
      project five months from the deadline. Neil's plan, you hear, runs to sixty pages.
    ]], help)
  end,
  effects = function(g)
    if not g.anil_trained and g.hero >= 3 then return { burnout = 8 } end
    return {}
  end,
  lesson = "A plan shows which kind of leader wrote it: one who starts from the machinery, or "
        .. "one who starts from the customer and the margin.",
  discuss = "If you had to write your area's plan for the next ninety days in one page, what "
         .. "would come first?",
  choice { "Take a rough draft to Martin, and ask him what a buyer reads first",
           id = "plan_ask_martin",
           effects = { acumen = 4, relationships = 2 },
           set = { plan = "asked" },
           go = "interview",
           lesson = "Asking the person who reads plans for a living what they look for was "
                 .. "humbling, late, and exactly right." },
  choice { "Start from the customers: one ordering website for both companies' restaurants by "
           .. "spring, the systems merged behind it after the year 2000",
           id = "plan_customer", advice = "follows",
           when = function(g) return g.knows_industry or g.acumen >= 50 end,
           effects = { reputation = 8, acumen = 3, relationships = -4 },
           reply = "Tom reads the draft and finds his ERP in a footnote, after the year 2000. He "
                .. "says nothing, and for a week he says nothing to you at all.",
           set = { plan = "customer" },
           go = "interview",
           lesson = "A plan that starts with the customers and the margin is a business plan "
                 .. "that happens to need technology." },
  choice { "Start from the systems: one ERP, one warehouse system, eighteen months of careful "
           .. "phases",
           id = "plan_systems", advice = "against",
           effects = function(g)
             if g.change == "blocked" or g.change == "theatre" then
               return { technical = 2, reputation = -4 }
             end
             return { technical = 2 }
           end,
           set = { plan = "systems" },
           go = "interview",
           lesson = "A careful migration plan was exactly what you knew how to write. It "
                 .. "answered a question Lena had not asked." },
  choice { "Write it with Anil, Tom and Rosa's people in two days of workshops, and put their "
           .. "names on it",
           id = "plan_team", advice = "follows",
           when = function(g) return g.delegated >= 2 end,
           show_locked = "Your people would need to be used to carrying your work, and they are not",
           effects = { relationships = 5, reputation = 4, burnout = 3 },
           reply = "The workshops take two of your ten days, and you write the pages that join "
                .. "their parts over a weekend.",
           set = { plan = "team" },
           go = "interview",
           lesson = "A plan your people wrote with you showed Lena a team that could run "
                 .. "without you in every room." },
}

-- What Lena has found out about the Y2K letter, and whether you can still judge the machinery.
function y2k_question(g)
  local t
  if g.y2k == "trusted" then
    t = "Neil's people have already run Kessler's systems with the clock set to February 29, "
     .. "2000. The Courier stopped. The letter you signed for the school districts is on the "
     .. "table beside your plan."
  elseif g.y2k == "tested" then
    t = "Neil's people ran Kessler's systems with the clock set to February 29, 2000, and "
     .. "found nothing. Anil had found that one in the test lab in March, with you beside him."
  elseif g.y2k == "self" then
    t = "She asks about the Y2K letter, and you answer every question from memory. She notices "
     .. "that you know it from memory."
  end
  if out_of_touch(g) then
    t = paras(t, "Then she asks how the Courier would carry Ridgeline's orders, and you find you "
             .. "can no longer say. You have handed on so much that you cannot judge what you "
             .. "handed on.")
  end
  return t
end

scene "interview" {
  advice = "Answer a business question with the business: customers, margins, what you would do.",
  text = function(g)
    local said = {}
    if g.wes_ally then
      said[#said + 1] = "Wes told her you are the only IT person who ever came to Dayton at night."
    end
    if g.teo == "visited" then
      said[#said + 1] = "Rosa told her about Teo's kitchen."
    elseif g.teo == "ticket" then
      said[#said + 1] = "Rosa told her about Teo, though not the way you would have liked."
    end
    if g.budget == "business" then
      said[#said + 1] = "Martin showed her the budget you built with him."
    elseif g.budget == "wishlist" then
      said[#said + 1] = "Martin showed her your first budget, red ink and all."
    end
    if g.change == "embraced" then
      said[#said + 1] = "Ben called the pilot the best thing Kessler did all year."
    elseif g.change == "blocked" then
      said[#said + 1] = "Ben told her about Forkful and the eight-week security review."
    elseif g.change == "late" then
      said[#said + 1] = "Ben told her IT came late to the pilot, then made it work."
    elseif g.change == "theatre" then
      said[#said + 1] = "Ben told her the pilot was late and half-built."
    end
    if g.anil_trained and not pigeonholed(g) then
      said[#said + 1] = "Anil told her he runs the Courier now, and that you taught him."
    elseif g.anil_trained then
      said[#said + 1] = "Anil told her he runs the Courier now. Two other people told her that "
                     .. "when anything else breaks, you are still the one they call."
    elseif pigeonholed(g) then
      said[#said + 1] = "Three different people told her that when the Courier breaks, you are "
                     .. "the one to call. She seems to have written that down."
    end
    local refs = "She has already spoken to a dozen people at Kessler."
    if #said > 0 then refs = refs .. " " .. table.concat(said, " ") end
    return paras([[
      Monday, July 26. A meeting room at a hotel near the airport. Lena Voigt is in her fifties,
      reads your plan while you sit across from her, and turns the pages back once.
    ]], refs, g.labelled_tech and [[
      "Ellen tells me you're very technical," she says. It does not sound like a compliment.
    ]] or nil, y2k_question(g), g.burnout >= CIO_BURNOUT and [[
      You notice your hand is not quite steady on the coffee cup, and that she notices too.
    ]] or nil, [[
      She closes the folder. "Ridgeline and Kessler both lose about one restaurant in twelve
      every year. Tell me why, and what you'd do about it."
    ]])
  end,
  lesson = "When the decision comes, it is made on eighteen months of other people's memories "
        .. "and on whether you can talk about the business in the business's terms.",
  discuss = "Who would a new owner call to ask about you? What would they say?",
  choice { "Cutoffs, substitutions, late trucks: what each costs in margin, and what the pilot "
           .. "taught you",
           id = "answer_business", advice = "follows",
           when = function(g) return g.knows_industry or g.acumen >= 50 end,
           show_locked = "You would need to know the restaurants, or the numbers, better than you do",
           effects = { reputation = 5 },
           set = { answer = "business" },
           go = merger_outcome,
           lesson = "You answered a business question with the business: chefs, trucks and "
                 .. "two cents on the dollar." },
  choice { "The systems: what you stabilised, the Courier, the integration you would build",
           id = "answer_tech", advice = "against",
           effects = { technical = 1 },
           set = { answer = "tech", labelled_tech = true },
           go = merger_outcome,
           lesson = "You told her what you were proudest of. It was not what she asked, and "
                 .. "it confirmed what she had been told." },
  choice { "Tell her IT will support whatever structure Larchmont decides on",
           id = "answer_defer", advice = "against",
           set = { answer = "defer" },
           go = merger_outcome,
           lesson = "Deference sounds safe in an interview. To a buyer choosing a leader, it "
                 .. "sounds like someone who waits to be told." },
}

scene "offer_call" {
  text = function(g) return paras([[
    Sunday, August 1. Lena calls at eight in the morning. The job is going to Neil. She would
    like you to stay as director of IT operations under him. "You'd be good at it," she says,
    "and he'll need you."
  ]], held_back_line(g), [[

    On Tuesday the CEO of Buckeye Health Supply calls too. They want you as their chief
    information officer: a $310 million company in Westerville, 900 people, an IT team of
    twenty-two that has never had a seat at the executive table. It is a smaller stage than the
    one you just lost. The salary is less than Neil's will be, and more than yours is.

    Noor says it is your decision, and means it.
  ]]) end,
  lesson = "A network built over years turns a lost contest into a choice between two jobs "
        .. "instead of a search for one.",
  discuss = "Would you take the top job at a smaller company, or the second job at a bigger "
         .. "one? What would decide it for you?",
  choice { "Take Buckeye: the top job at the smaller company",
           id = "take_cio_offer",
           go = "cio_elsewhere",
           lesson = "You took the seat at the table where it was offered, not where you had "
                 .. "hoped it would be." },
  choice { "Stay at Kessler under Neil: the bigger company, the people you know",
           id = "stay_under_neil",
           go = "plateau",
           lesson = "Staying was safe and familiar. It also meant working for the person who "
                 .. "got the job you wanted, for as long as he kept it." },
}
