-- Derailed, act 1: the first ninety days. Derailers 1 (not looking beyond IT) and
-- 7 (hiding behind the ticket queue).

scene "first_day" {
  chapter = "The first ninety days",
  advice = "Learn the business before the machinery: its customers, its margins, its competitors.",
  -- In a campaign the time between chapters is the campaign's rule (scenarios/README.md).
  text = function(g)
    return paras(opening(g), [[
      Kessler Foodservice has fed central Ohio since 1961: 2,300 restaurants, schools and care
      homes, 180 refrigerated trucks, a warehouse in Groveport and another in Dayton, $460
      million in sales a year. Of every dollar, it keeps about two cents.
    ]], [[
      On Monday, March 2, 1998, Martin Oyelaran, the chief financial officer and now your boss,
      walks you to your office along a corridor papered with a 311-line project plan. "Tom's
      ERP replacement," he says. "Fourteen months. Leave it alone for now."
    ]], [[
      What you inherit: fourteen people, a budget of $4.1 million, 212 open tickets, an AS/400
      that has run the company since 1988, and *the Courier*, a Perl program your predecessor
      Vern Gaskill wrote to carry every order from the AS/400 to the warehouse system. Vern
      retired to Sarasota in January and does not answer email. Every date in the Courier has
      two digits for the year, and the year 2000 is twenty-two months away.

      Of the fourteen, Anil Mehta is the one who restarts the Courier when it stops, and Lucy
      Tran, the youngest, has put the staff phone list on a web page nobody asked her for.
    ]], [[
      Martin shuts the door. "Ellen Kessler, our chief executive, gave me one sentence for you.
      Rosa in sales says we're losing restaurants because of IT. Find out whether that's true."

      Nobody expects a plan from you for a month. How you spend it is up to you.
    ]])
  end,
  lesson = "An IT leader who never learns the industry, its customers, its margins and its "
        .. "competitors has nothing to offer but the machinery. The business is the first "
        .. "system to learn.",
  discuss = "In your first month in a new role, how much time would you spend outside your "
         .. "own department? What would you give up to do it?",
  choice { "Spend the month in the systems: the AS/400, the Courier, the network, cold",
           id = "learn_systems", advice = "against",
           effects = { technical = 6, reputation = 3 }, set = { first_month = "systems" },
           go = "systems_month",
           lesson = "Knowing the systems is the price of entry. It felt responsible, and it "
                 .. "meant a month in which the business never once saw you." },
  choice { "Spend it outside IT: a truck at dawn, a warehouse at night, a week with sales",
           id = "learn_business", advice = "follows",
           effects = { acumen = 8, relationships = 6, reputation = -4, technical = -3 },
           set = { first_month = "business", knows_industry = true },
           reply = "The ticket count climbs to 260 while you are out on the docks, and your own "
                .. "team starts calling you the visiting director.",
           go = "ride_along",
           lesson = "You learned how Kessler earns its two cents before you learned its "
                 .. "servers. It cost you a month of looking absent to your own team, and "
                 .. "everything later rested on it." },
  choice { "Do both: the business by day, the systems by night",
           id = "learn_both", advice = "against",
           effects = { acumen = 5, technical = 4, burnout = 12 },
           set = { first_month = "both", knows_industry = true },
           go = "ride_along",
           lesson = "Working double shifts to impress in the first month sets a pace nobody "
                 .. "can hold, least of all the person setting it." },
}

scene "ride_along" {
  advice = "Go where the product meets the customer, and learn what the customer loses.",
  text = function(g)
    return paras([[
      At 4:10 a.m. Earl Whitcomb's truck is loaded and his coffee has gone cold. He has driven
      route 14 for twenty-six years: nineteen stops between German Village and Worthington, most
      of them kitchen doors propped open with a milk crate.
    ]], [[
      At the third stop his handheld scanner freezes. Earl signs the invoice on paper, which he
      says he has done every few days since October. "IT told me it's the battery. It isn't the
      battery."
    ]], [[
      At the sixth, the chef of a bistro in the Short North opens a case of romaine and finds
      iceberg. The swap was made in the warehouse at midnight and nobody told her. "Northstar
      calls me before they substitute anything," she tells Earl, loudly enough for you to hear.
    ]], [[
      That afternoon Rosa Delgado, the vice president of sales, dials in from the PC in her
      office and shows you Northstar's ordering website, one slow page at a time. Orders until
      2 a.m. from the restaurant's back-office computer. A phone call before any substitute.
      Tomorrow's delivery window by noon. Kessler's forty reps take orders by phone and fax
      until 9 p.m. and key them in by hand. "Thirty-one accounts gone since last spring," Rosa
      says. "About six million a year. Not one of them left over price."
    ]], g.first_month == "both" and [[
      You get home at seven and dial into the AS/400 until one. Noor finds you asleep on the
      couch with the modem still whistling.
    ]] or nil)
  end,
  lesson = "The industry's pain points are found where the product meets the customer: on the "
        .. "truck, at the kitchen door, in the accounts that left.",
  discuss = "When did you last watch a customer use what your team built? What did you learn "
         .. "that no report had told you?",
  choice { "Fix Earl's handhelds first: something the drivers will see by Friday",
           id = "fix_handhelds",
           effects = { technical = 2, relationships = 4, burnout = 3 },
           set = { fixed_handhelds = true },
           go = "queue",
           lesson = "A quick fix the drivers could see bought goodwill on the docks. It did not "
                 .. "answer Ellen's question." },
  choice { "Take Rosa to lunch and go through every account she lost, one by one",
           id = "lunch_rosa", advice = "follows",
           effects = { acumen = 6, relationships = 6, reputation = -3 }, set = { rosa_ally = true },
           reply = "Lunch runs until four. Earl's scanner freezes twice more that week, and the "
                .. "drivers decide the new director belongs to sales.",
           go = "queue",
           lesson = "An afternoon with the head of sales taught you more about the competition "
                 .. "than a month of reading, and made you an ally. The drivers' scanners "
                 .. "waited." },
  choice { "Write Northstar's website up as a technical spec, with an estimate of the build",
           id = "spec_app", advice = "against",
           effects = { technical = 3, acumen = 2 },
           go = "queue",
           lesson = "You turned a business problem into a technical one, the kind you knew how "
                 .. "to answer. The chefs were not in the spec." },
}

scene "systems_month" {
  advice = "Own the gap in what you know of the market, and learn it from the people who live it.",
  text = [[
    By the end of March you know Kessler's machinery better than anyone alive except Vern.
    Forty-one servers. An AS/400 with 2,800 programs, six hundred of them still run every night.
    A backup job that had been failing without a word since November, which you repaired on a
    Saturday. And the Courier: 9,000 lines of Perl, no tests, and a single comment in the whole of
    it: *do not deploy in December*.

    The team is impressed and says so. Anil, who has kept the Courier alive on his own for three
    years, stays late twice to watch you trace it.

    At the month-end staff meeting Ellen Kessler turns to you. "You'll have seen
    Northstar's website by now. What do you make of it?"

    You haven't. You have heard the name once, by the coffee machine.
  ]],
  lesson = "A month spent only on the systems leaves a leader with nothing to say when the "
        .. "question is about the market.",
  discuss = "What question about your company's customers or competitors could you not answer "
         .. "today? Who could you ask this week?",
  choice { "Answer with what you know: how you would architect a site like it",
           id = "architecture_answer", advice = "against",
           effects = { reputation = -6, technical = 1 }, set = { labelled_tech = true },
           go = "queue",
           lesson = "An answer about architecture to a question about customers is how the "
                 .. "label 'only technical' starts." },
  choice { "Promise a view by Friday, then take the site apart every evening that week",
           id = "reverse_engineer",
           effects = { technical = 3, acumen = 2, burnout = 8 },
           go = "queue",
           lesson = "You learned how the site worked. What it meant to a chef at midnight was "
                 .. "not in the code." },
  choice { "Admit it, and ask Rosa in sales to show you the site this week",
           id = "admit_gap", advice = "follows",
           effects = { acumen = 4, relationships = 4, reputation = -2 },
           set = { knows_industry = true, rosa_ally = true },
           go = "queue",
           lesson = "Admitting the gap cost a moment's face in front of the CEO and bought you "
                 .. "the knowledge, and the colleague, you needed." },
}

scene "queue" {
  advice = "Get out from behind the ticket queue and see the work where it is done.",
  text = function(g)
    return paras(g.fixed_handhelds and [[
      Earl's handhelds got new firmware and two new charging cradles in your first week, fitted
      by you on a Saturday. He has stopped signing invoices on paper and started waving at the
      IT office.
    ]] or nil, [[
      April. Yvonne Mabry's dashboard is a wall of green: 94 percent of tickets closed inside
      the service level, first response in 38 minutes on average. Two years ago it was 60
      percent, and she has every right to be proud of it.

      Then an email from Wes Pruitt, who runs the night shift at the Dayton warehouse:

      | Fourth time I've written.
      | The scanners lose signal in the freezer aisles from midnight to 4.
      | My pickers go back to pen and paper. We lose 40 minutes a night.
      | Your people close it as could-not-reproduce. They test at 10 in the morning.
      | Trucks leave late, chefs blame Rosa's reps, Rosa's reps blame me.

      Yvonne has the ticket history on screen before you ask. "All four closed inside the
      service level," she says, and then, more quietly, "technically."
    ]])
  end,
  lesson = "A green dashboard measures the queue, not the people waiting in it. Service means "
        .. "going where the work is done and seeing what gets in its way.",
  discuss = "Which of your service metrics could be green while the people you serve are "
         .. "struggling? How would you find out?",
  choice { "Drive to Dayton for the midnight shift and watch it fail",
           id = "go_dayton", advice = "follows",
           effects = { burnout = 7, acumen = 3 }, set = { visited_floor = true },
           go = "night_shift" },
  choice { "Fix the process: a warehouse category, night-time testing, a tighter SLA",
           id = "fix_process", advice = "against",
           effects = { reputation = 2, relationships = -3 }, set = { process_wall = true },
           go = "budget",
           lesson = "A better process for a problem nobody in IT had seen was still a wall "
                 .. "between you and the people on the other side of it." },
  choice { "Send Anil to Dayton with a radio survey kit and a parka",
           id = "send_anil",
           effects = { relationships = 2 },
           set = function(g) return { sent_anil = true, delegated = g.delegated + 1 } end,
           go = "budget",
           lesson = "Sending your best engineer fixed the signal and stretched Anil. Wes noticed "
                 .. "that you did not come yourself." },
}

scene "night_shift" {
  text = [[
    Dayton, 12:40 a.m. The freezer aisles are held at ten below zero. Wes Pruitt meets you at the
    dock door with a spare parka. "Nobody from IT has been in here at night since the place was
    built," he says, not unkindly.

    At 1:15 you see it. A picker named Danielle turns into aisle 31, the signal bar on her
    scanner drops to nothing, and she takes a pen from behind her ear without breaking stride.
    The access points are mounted on the warm side of the freezer wall, behind sixteen inches of
    insulated panel. Four cold-rated units inside the freezer would fix it, for about $11,000.

    You see more than the freezer. Two trucks idling at the dock. A loader typing paper pick
    lists into a terminal at 3:30. Wes eating his dinner standing up. Every forty minutes lost
    in this building reaches a kitchen door in Columbus as a late truck.
  ]],
  lesson = "Going to see the work is the cheapest thing a leader can do, and the thing most "
        .. "often put off.",
  discuss = "Who in your organisation works the hours when nobody from your team is around? "
         .. "What do they put up with?",
  choice { "Give Wes your home number and promise the access points within two weeks",
           id = "promise_wes",
           effects = { relationships = 7, burnout = 3, acumen = 2, technical = 2 },
           set = { wes_ally = true, wes_number = true },
           go = "budget",
           lesson = "Your home number on Wes's clipboard made you his ally. It also made you the "
                 .. "person he would call at 3 a.m." },
  choice { "Put Anil on it with Wes, and make Wes the judge of when it is fixed",
           id = "anil_and_wes",
           effects = { relationships = 4, acumen = 2, technical = -2 },
           set = function(g) return { wes_ally = true, delegated = g.delegated + 1 } end,
           go = "budget",
           lesson = "You saw the problem yourself, then handed it to someone who could own it, "
                 .. "with the customer as the judge. Both halves mattered." },
}
