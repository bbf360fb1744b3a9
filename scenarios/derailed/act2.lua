-- Derailed, act 2: budget season. Derailers 2 (no non-IT skills: planning, budgeting) and
-- 3 (neglecting relationships inside and outside the company).

scene "budget" {
  advice = "Learn planning and budgeting from the business, not as IT's shopping list.",
  chapter = "Budget season",
  text = function(g)
    local before
    if g.sent_anil then
      before = [[
        Anil spent two nights in Dayton and found the cause on the first: the access points hang
        on the wrong side of the freezer wall. New ones went in on May 20. Wes thanked Anil
        warmly and you politely.
      ]]
    elseif g.visited_floor and not g.wes_number then
      before = [[
        The freezer access points in Dayton went live on May 20, and Anil did not close the
        ticket until Wes said so. Wes sent the two of you a Polaroid of Danielle holding up a
        scanner with a full signal bar. No note, just the Polaroid.
      ]]
    elseif g.visited_floor then
      before = [[
        The freezer access points in Dayton went live on May 20, a day inside your promise. Wes
        sent you a Polaroid of Danielle holding up a scanner with a full signal bar. No note, just the
        Polaroid.
      ]]
    elseif g.process_wall then
      before = [[
        Yvonne's new warehouse category has logged 47 tickets in eight weeks, every one closed
        inside its service level. In May, Wes stopped filing them.
      ]]
    end
    return paras(before, [[
      June. Martin puts a folder on your desk: last year's IT budget of $4.1 million, and a
      template for a three-year capital plan. "The board sees it on September 14. I need your
      draft in three weeks."

      You have never built a budget. At your last job the numbers came down from above and you
      spent them. Martin's template asks questions you cannot answer yet: how much revenue each
      project protects, when it pays for itself, what happens to gross margin if it slips a
      year.
    ]], tired(g))
  end,
  lesson = "Planning, budgeting and working across departments are not extras to the technical "
        .. "job. Above a certain rung, they are the job.",
  discuss = "Which non-technical skill does the role above yours need that you have not "
         .. "practised yet? Who could teach it to you?",
  choice { "Take last year's numbers, add 8 percent, and attach IT's project list",
           id = "wishlist", advice = "against",
           effects = { burnout = -3 },
           reply = "It takes one afternoon. The three weeks Martin gave you are yours again.",
           set = { budget = "wishlist" },
           go = "board_prep",
           lesson = "A budget listing what IT wants instead of what the business gets is the "
                 .. "Peter Principle on paper: promoted for one set of skills into a job that "
                 .. "needs another." },
  choice { "Teach yourself: a night class at Columbus State and three weekends of spreadsheets",
           id = "teach_yourself",
           effects = { acumen = 8, burnout = 8 },
           set = { budget = "solo" },
           go = "board_prep",
           lesson = "You learned the skill. Learning it alone, at night, cost more than it "
                 .. "needed to, and Martin never saw you learn it." },
  choice { "Ask Martin to teach you how the board reads a budget, and rebuild yours with him",
           id = "learn_from_martin", advice = "follows",
           effects = { acumen = 12, relationships = 4, burnout = 4, reputation = -2 },
           reply = "Martin is kind about it. By Thursday the whole finance floor knows the new "
                .. "director cannot read a budget.",
           set = { budget = "business" },
           go = "board_prep",
           lesson = "Asking the CFO for a lesson was not weakness. Budgeting is a skill, and "
                 .. "the best teacher in the building was your own boss." },
}

scene "board_prep" {
  advice = "Cut where the business will not bleed; know what the business can do without.",
  effects = function(g)
    if g.budget == "business" then return { reputation = 5 } end
    if g.budget == "wishlist" then return { reputation = -6 } end
    return {}
  end,
  text = function(g)
    local first
    if g.budget == "business" then
      first = [[
        You spent four afternoons in Martin's office. He taught you to read a budget the way the
        board will, each line a bet on revenue, margin or risk. "New access points" became
        "$11,000 to win back forty minutes a night in Dayton". The warehouse-system upgrade
        became "fewer wrong picks: about $300,000 a year in credits we stop giving restaurants".
        He hands back your draft with four comments, none of them in red.
      ]]
    elseif g.budget == "wishlist" then
      first = [[
        Martin's pen is red. Beside the $900,000 warehouse-system upgrade he has written
        *margin?* Beside the 8 percent increase: *revenue grew 2*. "It reads like IT's shopping
        list," he says. "The board will ask what they get for it. I don't know what to tell
        them. Do you?"
      ]]
    else
      first = [[
        Your draft is good, better than Martin expected. It was written between midnight and
        two, three weekends running, and in places it shows: a column that does not add up,
        which he circles without a word.
      ]]
    end
    return paras(first, [[
      Two days later the board sends the same message to every department: cut next year's
      spending by 9 percent. For IT that is $369,000, and Martin wants your cuts by Friday.

      Your draft holds one new position, the first hire that would be yours.
    ]])
  end,
  lesson = "A cut is a test of whether you know what the business can do without. IT that only "
        .. "knows its own costs cuts in the wrong places, or fights.",
  discuss = "If you had to cut 10 percent of your spending tomorrow, what would go? Who outside "
         .. "IT would notice?",
  choice { "Give up the new position and the team's training money",
           id = "cut_hire",
           effects = { burnout = 3 },
           set = { kept_headcount = false },
           go = "roundtable",
           lesson = "Cutting the hire and the training met the number and spent the future: "
                 .. "the work that person would have taken stayed with you." },
  choice { "Cut what the business won't feel: the printer contract, two idle leased lines, a "
           .. "later PC refresh",
           id = "smart_cut", advice = "follows",
           requires = { acumen = 40 },
           effects = { reputation = 8, acumen = 3, relationships = -4 },
           reply = "Rosa's reps, promised new PCs in the spring, will wait another year on the "
                .. "old ones, and Rosa makes sure you know whose idea that was.",
           set = { kept_headcount = true },
           go = "roundtable",
           lesson = "You knew the business well enough to cut where it would not bleed, and "
                 .. "kept the hire. That is what knowing the numbers buys, grumbling on the "
                 .. "sales floor included." },
  choice { "Fight the cut: the systems are old and the risk is real",
           id = "fight_cut", advice = "against",
           effects = { relationships = -6, reputation = -4 },
           set = { kept_headcount = true },
           go = "roundtable",
           lesson = "You kept the money and spent some of Martin's confidence. Risk explained "
                 .. "only in IT's terms sounds like a request for more." },
}

scene "roundtable" {
  advice = "Build relationships outside the company before you need them.",
  text = function(g)
    local rosa
    if not g.rosa_ally then
      rosa = [[
        Rosa, meanwhile, has asked twice whether you would join her monthly lunch with the
        regional sales managers. It falls on the same Thursdays.
      ]]
    end
    return paras([[
      July. An email from Gloria Hsu, the CIO of Scioto Valley Health, whom you met for two
      minutes at a vendor lunch:

      | Central Ohio CIO Forum: first Thursdays, 5:30, at the Athletic Club.
      | About twenty of us. Hospitals, two banks, some manufacturers, the zoo.
      | Nobody sells anything. Nobody talks servers for more than five minutes.
      | Come in August. Gloria

      The first Thursday in August is also the night the AS/400's quarterly patches go in. You
      have run every patch night since you arrived. Anil could run this one.
    ]], rosa)
  end,
  lesson = "Relationships with business leaders, inside the company and out, tell you what is "
        .. "changing before it reaches your desk.",
  discuss = "When did you last talk to someone outside your company who does a different job "
         .. "from yours? What did you learn from them?",
  choice { "Give Anil the patch night and go to the Forum, and keep going every month",
           id = "join_forum", advice = "follows",
           effects = { relationships = 8, acumen = 5, burnout = 2, reputation = -2 },
           reply = "Anil's patch night runs two hours long and Monday's pick lists print late. "
                .. "Martin hears about it before you do.",
           set = function(g) return { networked = true, delegated = g.delegated + 1 } end,
           go = "outage",
           lesson = "A network built before you need it is the only kind that works when you "
                 .. "do." },
  choice { "Skip the Forum and take Rosa's lunches: the relationships inside come first",
           id = "rosa_lunches",
           when = function(g) return not g.rosa_ally end,
           effects = { relationships = 6, acumen = 4 },
           set = { rosa_ally = true },
           go = "outage",
           lesson = "Rosa became an ally and taught you the sales floor. Outside the building "
                 .. "you were still nobody's contact." },
  choice { "Skip it: run the patch night yourself, as always",
           id = "patch_night", advice = "against",
           effects = { technical = 3, burnout = 5 },
           set = one_more_hero,
           go = "outage",
           lesson = "Another night at the console, another invitation declined. People who "
                 .. "network only when they need a job find the search long and cold." },
}
