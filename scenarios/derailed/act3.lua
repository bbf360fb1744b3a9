-- Derailed, act 3: a seat at the table. Derailer 4 (pigeon-holed as the technical specialist:
-- never delegating, never training a successor, nothing to say at the table).

scene "outage" {
  advice = "In a crisis, hand the fix to someone you are training instead of proving you are the fastest.",
  chapter = "A seat at the table",
  text = function(g)
    local call
    if g.wes_number then
      call = [[
        Sunday, August 16, 3:40 a.m. The phone on the nightstand. It is Wes, from Dayton, because
        you gave him the number. "The Courier is down. No pick lists for Monday. I've got 180 trucks to load
        by five."
      ]]
    else
      call = [[
        Sunday, August 16, 3:40 a.m. The phone on the nightstand. It is Yvonne, on call. "The Courier stopped at
        2:10. No pick lists for Monday's routes. Wes has called the desk every ten minutes
        since."
      ]]
    end
    return paras(call, [[
      The log shows the Courier choking on a date. A new supplier's frozen shrimp was keyed in
      on Friday with a best-before of 01/03/00; the Courier reads the year as 1900, decides the
      shrimp expired a century ago, and stops the whole run rather than pick it. You can see
      the fix already, one line. Dialled in from the kitchen table it would take you twenty
      minutes.

      Anil could do it too, in a couple of hours, if someone talked him through it. He has asked
      twice to learn the Courier properly. Nobody has had time to teach him.
    ]], tired(g))
  end,
  lesson = "The crisis is when the temptation is strongest: you are the fastest pair of hands "
        .. "in the building, and every time you prove it, you make sure it stays true.",
  discuss = "What in your area can only you fix? What would it take for someone else to be "
         .. "able to?",
  choice { "Log in and fix it yourself: twenty minutes, and Monday is saved",
           id = "fix_it_yourself", advice = "against",
           when = function(g) return g.technical >= 55 end,
           effects = { technical = 3, burnout = 8, reputation = 4 },
           set = function(g) return { outage = "self", hero = g.hero + 1 } end,
           go = "outage_after",
           lesson = "Twenty minutes, and every truck left on time. Every fix like it also made "
                 .. "sure you would be the one they called next time." },
  choice { "Call Anil, and talk him through it with your hands off the keyboard",
           id = "coach_anil", advice = "follows",
           effects = { burnout = 4, reputation = -3, relationships = 3, technical = -2 },
           set = function(g)
             return { outage = "anil", anil_trained = true, delegated = g.delegated + 1 }
           end,
           go = "outage_after",
           lesson = "Two hours instead of twenty minutes, and a few late trucks, bought the one "
                 .. "thing you could not buy later: a second person who knows the Courier." },
  choice { "Call the warehouse-system vendor's emergency line",
           id = "call_vendor",
           effects = { reputation = -5, relationships = -3 },
           set = function(g) return { outage = "vendor", hero = g.hero + 1 } end,
           go = "outage_after",
           lesson = "The vendor's contract covers their software, not Vern's Courier. Handing the "
                 .. "problem to a queue handed the morning to chance." },
}

scene "outage_after" {
  advice = "Train the person who asks to take over the technical work, and let it go.",
  text = function(g)
    local what
    if g.outage == "self" then
      what = string.format([[
        By 4:05 the pick lists are printing in Dayton and every truck leaves on time. On Monday
        Ellen stops at your door: "I hear you saved the morning." It is a good feeling. It is also
        the %s time since spring that someone has called you, and only you, about the Courier.
      ]], g.hero >= 3 and "fourth" or (g.hero == 2 and "third" or "second"))
    elseif g.outage == "anil" then
      what = [[
        It takes Anil until 5:50. You keep your hands in your lap, which is harder than the fix
        would have been. Eleven trucks leave up to forty minutes late and Wes is short with you
        on the phone. On Monday Anil writes the fix up as page one of the runbook Vern never
        wrote.
      ]]
    else
      what = [[
        The vendor's engineer calls back at 7:30, reads the log, and tells you the fault is in
        "the custom layer", which is not covered. You fix it yourself at 8:10. Sixty trucks
        leave more than two hours late, and three elementary schools serve sandwiches instead
        of a hot lunch.
      ]]
    end
    local ask
    if g.outage == "anil" then
      ask = [[
        On Tuesday Anil knocks on your door. "Sunday was the first time I understood it," he
        says. "I want to own the Courier. Teach me the rest, and give me the pager for it."
      ]]
    else
      ask = [[
        On Tuesday Anil knocks on your door. "I want to own the Courier," he says. "Properly.
        Teach me, and give me the pager for it. You shouldn't be the one getting these calls."
      ]]
    end
    return paras(what, ask)
  end,
  lesson = "A technical specialist who never lets go of the work never gets to lead. The "
        .. "hand-over has to be taught, and it has to be started before you are ready.",
  discuss = "What part of your technical work would you be sorry to give up? Who should have "
         .. "it, and what would they need from you?",
  choice { "Yes: two afternoons a week until he knows it, then the pager is his",
           id = "teach_anil", advice = "follows",
           effects = { technical = -4, burnout = 3, relationships = 4, reputation = -2 },
           reply = "Two afternoons a week with Anil push the warehouse-system upgrade back a "
                .. "month. Martin asks why, twice.",
           set = function(g) return { anil_trained = true, delegated = g.delegated + 1 } end,
           go = "hire",
           lesson = "Training someone to take the work you love is how you make room for the "
                 .. "work only you can do." },
  choice { "Not yet: things are too busy to slow down and teach",
           id = "too_busy", advice = "against",
           effects = { burnout = 5, relationships = -2, reputation = 2 },
           reply = "The warehouse-system upgrade stays on schedule, and Martin notices.",
           set = one_more_hero,
           go = "hire",
           lesson = "'Too busy to teach' is how a leader stays the only one who can do the job, "
                 .. "and so the one who can never leave it." },
  choice { "Tell him to write the documentation first, and you'll see after that",
           id = "docs_first", advice = "against",
           effects = { relationships = -4 },
           go = "hire",
           lesson = "A half-yes kept the Courier yours for another season, and taught Anil that "
                 .. "asking to grow gets him homework." },
}

scene "hire" {
  advice = "Hire or train people to take over the technical work you still hold.",
  effects = function(g)
    if g.budget == "business" then return { reputation = 4 } end
    return {}
  end,
  text = function(g)
    local board
    if g.budget == "business" then
      board = [[
        Monday, September 14. Martin lets you present IT's section of the budget to the board yourself.
        You talk for nine minutes and mention a server once. Afterwards a board member asks
        Martin who you are.
      ]]
    elseif g.budget == "wishlist" then
      board = [[
        Monday, September 14. Martin presents IT's section of the budget to the board himself, and does
        not ask you to attend.
      ]]
    else
      board = [[
        Monday, September 14. Martin presents IT's section of the budget himself and tells the board you
        wrote it. The column that did not add up has been fixed, by him.
      ]]
    end
    local slot
    if g.kept_headcount then
      slot = [[
        The new position survived. Thirty-one people have applied, and the choice of who to
        hire is yours: what kind of person, and to take what off whose desk.
      ]]
    else
      slot = [[
        There is no new position. Whatever the next year brings, the fourteen people you have
        will carry it, and you will have to decide what comes off whose desk.
      ]]
    end
    return paras(board, slot)
  end,
  lesson = "Who you hire decides what you will still be doing yourself a year from now. The "
        .. "way out of the specialist's box is to train or hire the people who take over.",
  discuss = "With one new position tomorrow, would you hire to extend what you do, or to "
         .. "replace it?",
  choice { "Hire a business analyst to sit with sales and the warehouses",
           id = "hire_analyst",
           when = function(g) return g.kept_headcount end,
           effects = { acumen = 5, relationships = 3 },
           set = { hire = "analyst" },
           go = "exec_table",
           lesson = "An analyst in the business's own rooms widened what IT could see. The "
                 .. "Courier, though, was still yours." },
  choice { "Hire an integration engineer, and hand the Courier to Anil and the newcomer",
           id = "hire_handover", advice = "follows",
           when = function(g) return g.kept_headcount end,
           effects = { technical = -6, burnout = -3 },
           set = function(g)
             return { hire = "handover", anil_trained = true, delegated = g.delegated + 1 }
           end,
           go = "exec_table",
           lesson = "Hiring to replace yourself felt like giving something away. It was the "
                 .. "first thing you did that only a director could do." },
  choice { "Hire another strong developer, so you can build more, faster",
           id = "hire_developer", advice = "against",
           when = function(g) return g.kept_headcount end,
           effects = { technical = 3, burnout = 3 },
           set = function(g) return { hire = "developer", hero = g.hero + 1 } end,
           go = "exec_table",
           lesson = "More builders with you at the centre meant more building by you, and the "
                 .. "box you were in got bigger, not more open." },
  choice { "Carry on as you are: you'll cover the gaps yourself",
           id = "cover_gaps", advice = "against",
           when = function(g) return not g.kept_headcount end,
           effects = { burnout = 8 },
           set = function(g) return { hire = "none", hero = g.hero + 1 } end,
           go = "exec_table",
           lesson = "Covering the gaps yourself is how the gaps become your job." },
  choice { "Shelve a project, and use the time to hand the Courier to Anil",
           id = "shelve_for_handover", advice = "follows",
           when = function(g) return not g.kept_headcount end,
           effects = { technical = -4, acumen = 2, reputation = -3 },
           set = function(g)
             return { hire = "none", anil_trained = true, delegated = g.delegated + 1 }
           end,
           go = "exec_table",
           lesson = "Dropping a project to train a successor cost you a visible win and bought "
                 .. "an invisible one: the Courier no longer needed you." },
}

scene "exec_table" {
  advice = "At the table, speak of customers and the market, not the machinery.",
  text = function(g)
    local ops = "The head of operations talks about late trucks."
    if g.visited_floor or g.sent_anil then
      ops = "The head of operations talks about late trucks, and mentions, to your surprise, "
         .. "that Dayton's nights have been better since May."
    end
    return paras([[
      October. For the first time Ellen asks you to the Tuesday executive meeting: eight people
      around a walnut table in the old boardroom, under a photograph of her grandfather beside
      his first truck.

      Rosa opens with the number: thirty-four accounts lost to Northstar now, $6.8 million a
      year.
    ]] .. " " .. ops .. " " .. [[
      Martin talks about margin, which at two cents on the dollar leaves no room for anything.

      Then Ellen turns to you. "Can we answer Northstar? What would it take?"
    ]], g.labelled_tech and [[
      She asked you something like this in March. You remember your answer. By the look of her,
      so does she.
    ]] or nil)
  end,
  lesson = "Nobody at the executive table wants a tour of the machine room. A seat there is "
        .. "kept by naming the customers being lost and what would win them back.",
  discuss = "If your CEO asked how to answer your biggest competitor, what would you say in two "
         .. "minutes without mentioning technology?",
  choice { "Explain what it would take: a gateway on the AS/400, web servers, security",
           id = "explain_stack", advice = "against",
           effects = { reputation = -6, technical = 2 },
           set = { labelled_tech = true },
           go = "new_coo",
           lesson = "Every word was accurate and none of it was what Ellen asked. Heard as "
                 .. "'only technical', you get handed operations and nothing else." },
  choice { "Pitch a pilot: web ordering for twenty of Rosa's restaurants, a 1 a.m. cutoff, a "
           .. "call before every substitution",
           id = "pitch_pilot", advice = "follows",
           when = function(g) return g.knows_industry end,
           show_locked = "You would need to know what the restaurants want, and you never went to see",
           effects = { reputation = 10, acumen = 3, burnout = 4 },
           set = { spoke_business = true, pitched = "you" },
           go = "new_coo",
           lesson = "You talked about chefs, cutoffs and lost accounts. That is what having "
                 .. "something to say at the table means." },
  choice { "Let Rosa make the case, and back her with what the order logs show",
           id = "back_rosa", advice = "follows",
           when = function(g) return g.rosa_ally end,
           effects = { relationships = 6, reputation = 3, acumen = 2, burnout = 3 },
           reply = "Pulling six months of order logs off the AS/400 costs you two late nights, "
                .. "and at the table Ellen thanks Rosa.",
           set = { spoke_business = true, pitched = "rosa" },
           go = "new_coo",
           lesson = "Backing an ally's case with your own evidence made it a joint plan, and "
                 .. "made you part of the answer." },
  choice { "Say IT will build whatever the business decides it needs",
           id = "order_taker", advice = "against",
           effects = { reputation = -4 },
           go = "new_coo",
           lesson = "Waiting for the business to specify makes IT an order-taker. Nobody "
                 .. "promotes the person who takes the orders." },
}
