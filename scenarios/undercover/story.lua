-- Undercover: a CTO with a well-run department and no seat at the table leaves the job for a
-- week to ride with a loan officer. Seed: 003 ("A Recommendation for CTOs: Leave Your Job").
--
-- Files, loaded in this order: story.lua (the story, helpers, acts I and II), endings.lua,
-- production.lua (act V), week.lua (act IV, the week on the road), winds.lua (act III).
--
-- Delayed consequences run through flags; the main ones:
--   admitted / proud        the four questions (act I): opens the early ask, colours the week
--   lockout                 the Saturday lockout: Bobby Rae's mood in act IV, the breach risk in act V
--   knows_pl, vendor        finance learned in act II: the budget hearing in act V
--   app_call                ListingLoop (act III): the sales call, the build, the breach risk
--   marla_invite            Marla's offer: the late ride-along, the move into sales
--   disconnect, yvette_led  how fully you left IT behind during the week
--   idea, funding, build    what you brought back and how it was built
--   leaders_out, onboarding whether the habit outlives you: the good ending needs one of them
--   acumen_start            business acumen when the chapter began: what counts is what you
--                           learn this summer (gain), since a campaign may bring in any value
--   late                    the week on the road came after the budget hearing, too late to
--                           shape it

story {
  id = "undercover",
  title = "Undercover",
  summary = "A CTO with a well-run department and no seat at the table spends a week on the road "
         .. "with a loan officer.",
  author = "The Ladder project",
  content_note = "Office politics, outsourcing and the threat of losing a job, a data breach, "
              .. "and overwork; one ending is a collapse from exhaustion.",
  order = 4,
  stats = {
    { id = "burnout", label = "Burnout", start = 35, good = "low",
      description = "How worn down you are. At 100 the story ends for you; lower is better." },
    { id = "relationships", label = "Relationships", start = 40,
      description = "How the loan officers, your own department and the executives stand with "
        .. "you. Higher is better: it gets an idea from the road heard." },
    { id = "acumen", label = "Business acumen", start = 25,
      description = "How well you understand the business of making loans. Higher is better; "
        .. "what counts is how much you learn this summer, not what you arrived with." },
    { id = "technical", label = "Technical skill", start = 65,
      description = "How well you still know your own systems. Higher is better: it lets you fix "
        .. "things on the road and judge what gets built." },
    { id = "reputation", label = "Reputation", start = 35,
      description = "What the executives think of you and of IT. Higher is better; at 0 you are "
        .. "managed out." },
    { id = "satisfaction", label = "Job satisfaction", start = 50,
      description = "Whether the job still means something to you. Higher is better; too low, "
        .. "and even a success ends flat." },
  },
  flags = {
    previous_verdict = "",   -- set by a campaign: the verdict of the chapter before
    previous_ending = "",    -- set by a campaign: the id of the ending of the chapter before
    acumen_start = 0,        -- business acumen on arrival (set by the first scene)
    late = false,            -- went on the road after the budget hearing
    asked_walt = false,      -- asked Walt for time after the quarterly review
    pitched_refresh = false, -- pitched the data-center refresh at the wrong moment
    admitted = false,        -- answered the fourth question honestly
    proud = false,
    asked_undercover = false,
    defended = false,
    lockout = "none",        -- "held", "reset", "weekend" or "exempt"
    knows_pl = false,        -- sat with Pilar over the P&L
    took_course = false,
    vendor = "none",         -- "per_loan", "signed" or "rfp"
    promised_halvorsen = false,
    halvorsen_met = false,
    marla_invite = false,
    app_call = "none",       -- "blocked", "approved" or "jasmine"
    went_undercover = false,
    surveyed = false,
    disconnect = "none",     -- "full", "nightly" or "pager"
    yvette_led = false,
    fixed_laptop = false,
    moved_patch = false,
    selby = "none",          -- "hotspot" or "template"
    realtor_talk = false,
    left_week = false,
    cover_blown = false,
    owned_call = false,
    defended_call = false,
    idea = "none",           -- "app", "fixes" or "controls"
    funding = "none",        -- "full" or "pilot"
    traded_refresh = false,
    quick_wins = false,
    build = "none",          -- "together", "self" or "buy"
    leaders_out = false,
    onboarding = false,
    review = "none",         -- "skipped", "held" or "narrow"
    app_result = "none",     -- "strong" or "weak"
    blamed = false,
    went_over = false,       -- wrote to the board's audit chair over Halvorsen's head
    marla_saved = false,     -- Marla pulled you back from the benchmark deck at the hearing
    yvette_went = false,     -- Ingrid went on the road on her own, after you said "not now"
    stayed = false,          -- stayed in Birmingham to guard the servers instead of the week
  },
  start = "quarterly",
  when_stat = {
    burnout = { at_least = 100, go = "running_on_empty" },
    reputation = { at_most = 0, go = "managed_out" },
  },
}

-- Joins the non-empty pieces into paragraphs. Shared by every file of the story.
function paras(...)
  local out = {}
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    if v and v ~= "" then out[#out + 1] = v end
  end
  return table.concat(out, "\n\n")
end

-- Business acumen learned since the chapter began: a campaign brings acumen in from earlier
-- chapters (20 to 100), and what this story tests is what you learn here.
function gain(g)
  return g.acumen - g.acumen_start
end

-- How much of the money you learned this summer, from the flags of act II and III: the P&L or the
-- course, and the contract priced by the loan.
function money_sense(g)
  local n = 0
  if g.knows_pl then n = n + 2 elseif g.took_course then n = n + 1 end
  if g.vendor == "per_loan" then n = n + 1 end
  return n
end

-- The extra strain of keeping the pager on during the week on the road.
function pager_strain(g)
  if g.disconnect == "pager" then return { burnout = 5 } end
  return nil
end

-------------------------------------------------------------------------------------------------
-- Act I: Service Levels
-------------------------------------------------------------------------------------------------

-- How the last chapter's ending led here (the campaign sets previous_ending; played alone, the
-- default). Every road: the CIO job in Decatur cut in 2002, the hands-on years on the Gulf Coast,
-- back in charge of a department by 2005, and Magnolia from March 2012.
local comeback = {
  ready_when_it_turned = [[The market turned in 2005 and you were ready for it. Seven more
    years running IT on the Gulf Coast, then Walt Haskins's call, and the chief technology
    officer's job in Birmingham, four hours up Interstate 65 from your mother.]],
  hands_on = [[You went back to the machines after 2002 and stayed there by choice. In 2005 the
    department you worked in needed someone to run it and asked you, and you said yes because
    you could still do the work yourself. Magnolia hired the chief who still knows the duplex
    setting on a switch port.]],
  plateau = [[The holding pattern on the Gulf Coast lasted longer than you like to admit. You
    were running a department again by 2005, a small one, and Magnolia's offer in 2012 was the
    first in years that felt like a step up.]],
  title_elsewhere = [[The title you held out for kept you far from Mobile for years. When
    Magnolia offered you a chief's job in Birmingham in 2012, four hours from your mother, you
    took it partly for the drive.]],
  twice_bitten = [[Twice in three years a job you had been promised vanished before your
    first day, and you stopped taking any job on trust. You were running a department again
    by the end of 2005, on a contract you had read twice; Magnolia's, in 2012, you read three
    times.]],
  broke = [[The months with no runway taught you what a paycheck is worth. You came back through
    contract work and were running a department again by 2005; you have kept six months of
    savings in the bank ever since.]],
  burned_out = [[After the collapse you learned to leave the office at six, mostly. You were
    trusted with a department again by 2005, and Magnolia took a chance on you in 2012. You know
    what a second chance is worth.]],
}
-- Until a campaign passes the ending's id, its verdict picks a likely road.
local by_verdict = { good = "ready_when_it_turned", mixed = "plateau", bad = "twice_bitten" }
local comeback_default = [[In 2002 a downsizing took your CIO title in Decatur. You won it back
  the long way, through server rooms on the Gulf Coast, were running a department again by
  2005, and came to Magnolia in March 2012.]]

scene "quarterly" {
  chapter = "I. Service Levels",
  -- what the player knows of the business on arrival, to measure what this summer adds
  set = function(g) return { acumen_start = g.acumen } end,
  text = function(g)
    local back = comeback[g.previous_ending] or comeback[by_verdict[g.previous_verdict]]
    return paras(back or comeback_default, [[
      Monday, May 6, 2013. The fourth-floor boardroom of Magnolia Home Lending in Hoover,
      Alabama, smells of coffee and dry-erase markers. You are fourteen months into the job of
      chief technology officer, and your part of the quarterly review went as well as it could:
      99.94 percent uptime, help desk tickets closed in four and a half hours instead of
      nineteen, no security incident since you arrived. Twenty-two people in IT made those
      numbers, and you are proud of every one of them.
    ]], [[
      Walt Haskins, who founded Magnolia in 2004 after twenty years as a loan officer, says
      "Good, thanks," and turns the page.
    ]], [[
      Then Marla Whitlock, who runs the 160 loan officers spread across five states, talks for
      forty minutes: purchase applications, realtor referrals, the lock pipeline, a loan
      officer in Pensacola who closed eleven loans in April. Walt interrupts her nine times
      with questions. You count. Nobody asked you one.
    ]])
  end,
  lesson = "Excellent service numbers are necessary and not enough: the people who run a company "
        .. "lean forward for the people who bring in its revenue.",
  discuss = "When your department reports, what does your CEO ask about? If nothing, what does "
         .. "that tell you?",
  advice = "Seek out the people who run the business and learn what they care about; do not "
         .. "retreat into your own department.",
  choice { "Use the lunch break to pitch Walt the $310,000 data-center refresh",
           id = "pitch_refresh", advice = "against",
           effects = { reputation = -5, satisfaction = 5 }, set = { pitched_refresh = true },
           go = "four_questions",
           lesson = "A best-practice project, pitched to a founder who is thinking about loan "
                 .. "volume, sounds like a cost however sound the engineering." },
  choice { "Catch Walt at the elevator and ask for half an hour this week", id = "ask_walt_time",
           advice = "follows",
           effects = { reputation = 5, relationships = -5 }, set = { asked_walt = true },
           go = "four_questions",
           lesson = "Waiting at the elevator for the man who had just turned the page on you, "
                 .. "while your team celebrated without you, is a move most service leaders never "
                 .. "make. Walt remembered it." },
  choice { "Skip lunch and go back to your team; they know what those numbers took",
           id = "back_to_team", advice = "against",
           effects = { satisfaction = 5, relationships = -5 }, go = "four_questions",
           lesson = "Retreating to the people who already value you feels like loyalty. It also "
                 .. "keeps you out of the room where the business is discussed." },
}

scene "four_questions" {
  text = [[
    That evening there is an email from Gus Tolliver. Gus ran IT at a bank in Mobile when you
    were downsized in 2002, and bought you lunch whenever you were home, until you found your feet.
    Retired now, he sends the people he mentored one article a month without comment. This one
    opens with a quiz.

    | 1. Is it your job to set where technology goes in your company?
    | 2. Do you steer the technology products or services that help it grow?
    | 3. Do you answer for the technology it runs on?
    | 4. Among your peers from the rest of the business, do you feel you have little to offer, or get less respect than you have earned?

    Below the questions, Gus has added a line of his own:

    | If that's a yes anywhere, leave your job. For a week. Then call me.

    The first three are easy. You look at the fourth for a long time.
  ]],
  lesson = "Technology leaders tend to share two weak spots: little grounding in business and "
        .. "finance, and the pride that keeps them from hearing it.",
  discuss = "Answer the four questions for yourself. Which was the hardest to answer honestly?",
  advice = "Name your weak spots honestly: little business knowledge and the pride that will "
         .. "not hear it.",
  choice { "Yes to three. The fourth is about their manners, not your contribution",
           id = "no_to_four", advice = "against",
           effects = { satisfaction = 5 }, set = { proud = true }, go = "walt_review",
           lesson = "Pride kept your picture of yourself intact, and kept out what the business "
                 .. "was trying to tell you." },
  choice { "Yes to all four, and write back to Gus", id = "yes_to_four", advice = "follows",
           effects = { satisfaction = -5 }, set = { admitted = true }, go = "walt_review",
           lesson = "Saying yes to the fourth question stung. A weakness you will not name is one "
                 .. "nobody can help you with." },
}

scene "walt_review" {
  text = function(g)
    local open = "Thursday, May 9. Walt does your annual review in his office with the door shut "
              .. "and a legal pad he never writes on."
    if g.asked_walt then
      open = open .. " You asked for this half hour, and missed your team's celebration lunch "
                .. "to get it. You did not expect to spend it like this."
    end
    local refresh = g.pitched_refresh and [[
      Then, as an afterthought: "And I'm not spending three hundred thousand dollars on servers
      nobody outside your floor will ever see."
    ]] or nil
    local mentor = g.admitted and "Gus's article is still open on the phone in your pocket."
               or nil
    return paras(open, [[
      "Your team is the best-run group in the building," he says. "Nobody waits on the help desk
      anymore. I want you to hear that first."
    ]], [[
      He puts the pad down. "Here's the rest. You don't understand this business yet. Not what
      we sell, not how we make money on it, not where we're going. You run IT by the book, and
      the book wasn't written for a mortgage company with 160 people selling out of their cars.
      You're all operations. I need production. Until that changes you're the person who keeps
      the lights on, and I don't put that person in the room where we decide things."
    ]], refresh, mentor)
  end,
  lesson = "\"You don't understand the business\" is often the most useful sentence in a "
        .. "technology leader's review, and the hardest to hear.",
  discuss = "What would production, rather than operations, mean for the technology team where "
         .. "you work?",
  advice = "When told you do not understand the business, ask what it needs instead of "
         .. "defending your record.",
  choice { "Ask him what production would look like, coming from IT", id = "ask_production",
           advice = "follows",
           effects = { acumen = 5, reputation = 5, burnout = 5 }, go = "saturday_lockout",
           lesson = "Asking what production meant, instead of arguing, bought you a chair at "
                 .. "Marla's pipeline meeting, Mondays at seven, and was the first time you let "
                 .. "the business define your job." },
  choice { "Put the numbers back on the table: 99.94 percent did not happen by accident",
           id = "defend_numbers", advice = "against",
           effects = { reputation = -5, satisfaction = 5 }, set = { defended = true },
           go = "saturday_lockout",
           lesson = "Defending the service record answered a question Walt had not asked. The "
                 .. "numbers were real; they were not the point." },
  choice { "Tell him Gus's idea: a week on the road with a loan officer, as a trainee",
           id = "ask_week", advice = "follows",
           when = function(g) return g.admitted end,
           effects = { reputation = 5, relationships = 5, satisfaction = -5 },
           set = { asked_undercover = true },
           go = "saturday_lockout",
           lesson = "Naming the weakness to your CEO and offering a way to fix it turned his "
                 .. "criticism into a plan." },
}

-------------------------------------------------------------------------------------------------
-- Act II: Operations
-------------------------------------------------------------------------------------------------

scene "saturday_lockout" {
  chapter = "II. Operations",
  text = function(g)
    local before
    if g.asked_undercover then
      before = [[Walt liked the idea of the week on the road and did not say yes. "After budget
        season," he said.]]
    elseif g.defended then
      before = [[Walt heard your numbers out. "I know," he said, and looked at his watch.]]
    else
      before = [[Walt's answer was one line: "Loans. More of them, faster, from the same
        people." You wrote it on a sticky note and put it on your monitor. Then he put you in
        Marla's pipeline meeting, Mondays at seven, an hour before your own staff meeting.]]
    end
    return paras(before, [[
      Saturday, May 18, 9:12 in the morning. You are in the yard with a bag of mulch when Marla
      Whitlock calls.
    ]], [[
      "Bobby Rae Cagle is standing in an open house in Madison with a couple who want a
      pre-approval letter, and your system has locked him out. He typed his password wrong three
      times because it changed on Thursday. Your help desk opens Monday at seven. Tell me what I
      say to him."
    ]], [[
      You wrote that policy. Passwords change every forty-five days; three wrong tries lock the
      account; only the help desk can unlock it, after checking who is asking. It closed an
      audit finding last year, and Ingrid Boyd, your security manager, will defend it to the
      last comma. Through the phone you can hear Marla's dog and, somewhere, a ball game.
    ]])
  end,
  lesson = "A rule written for people at desks gets tested by the people who are not at desks.",
  discuss = "Which of your department's rules were written for headquarters, and who pays for "
         .. "them outside it?",
  advice = "Fit the rules written at headquarters to the hours and places where the business "
         .. "works.",
  choice { "Unlock him, and put the help desk on Saturday hours from next week",
           id = "weekend_desk", advice = "follows",
           effects = { relationships = 5, acumen = 5, satisfaction = -5 },
           set = { lockout = "weekend" }, go = "lorraine",
           lesson = "Moving the service to the hours the business works cost Desmond's people "
                 .. "their Saturdays. It was still the answer that scaled." },
  choice { "Hold the line: the policy stands, and the help desk opens Monday", id = "hold_line",
           advice = "against",
           effects = { relationships = -5, reputation = -5 }, set = { lockout = "held" },
           go = "lorraine",
           lesson = "The rule was sound on paper. Holding it on a Saturday cost a loan officer "
                 .. "his buyers and cost you Marla." },
  choice { "Unlock him yourself from the kitchen table, and say nothing", id = "reset_yourself",
           effects = { burnout = 5, relationships = 5 }, set = { lockout = "reset" },
           go = "lorraine",
           lesson = "The quiet favour fixed one Saturday and none of the next ones, and made you "
                 .. "the only help desk open on weekends." },
  choice { "Exempt the loan officers from the lockout rule altogether", id = "exempt_sales",
           effects = { relationships = 10 }, set = { lockout = "exempt" }, go = "lorraine",
           lesson = "Dropping a control to please Sales swapped a visible problem for an "
                 .. "invisible one. The risk did not leave; it stopped being watched." },
}

scene "lorraine" {
  text = [[
    Wednesday, May 22. Pilar Castellanos, the chief financial officer, wants every
    executive's budget for next year by the end of June. She stops at your door with a printed
    P&L folded lengthwise, the way she carries everything.

    "One question before you send me a spreadsheet," she says. "What does IT cost Magnolia per
    funded loan?"

    You know the budget to the dollar: $4.6 million, two thirds of it salaries. You know what a
    laptop costs, and a license, and a terabyte. You do not know the answer.

    "Six hundred seventy-six dollars last year," Pilar says. "We funded 6,800 loans. If we
    fund 4,900 next year, and we might, it's nine hundred thirty-nine. Your budget doesn't
    change. Everything around it does."

    That afternoon the chairman of the Federal Reserve tells Congress the Fed may soon slow
    its bond buying. Nobody on your floor notices.
  ]],
  lesson = "Balance sheets, cash flow, P&L and budgets are learnable. A peer in finance will "
        .. "usually teach them to anyone who asks.",
  discuss = "Could you explain your company's P&L to a new hire? What would you need to learn "
         .. "first?",
  advice = "Learn the money: a P&L, a budget and a cost per loan can be learned in a class or "
         .. "from a peer in finance.",
  choice { "Ask her to walk you through the whole P&L tonight, line by line", id = "learn_pl",
           advice = "follows",
           effects = { acumen = 10, burnout = 5, relationships = 5 }, set = { knows_pl = true },
           go = "vendor_renewal",
           lesson = "Two hours with Pilar taught you how Magnolia makes money: gain on sale, "
                 .. "cost per loan, the warehouse line. You only had to ask." },
  choice { "Enroll in Samford's evening finance course for managers", id = "take_course",
           advice = "follows",
           effects = { acumen = 5, burnout = 5 }, set = { took_course = true },
           go = "vendor_renewal",
           lesson = "A course teaches the vocabulary properly, on the course's calendar rather "
                 .. "than the company's." },
  choice { "Send Kevin over with the spreadsheet; she wants numbers and he has them",
           id = "send_kevin", advice = "against",
           effects = { burnout = -5 }, go = "vendor_renewal",
           lesson = "Delegating the budget saved you an evening and left finance a foreign "
                 .. "language." },
}

scene "vendor_renewal" {
  text = function(g)
    local hint
    if g.knows_pl then
      hint = [[You hear Pilar's numbers in your head: fewer loans next year, and a price per
        seat that stays where it is whatever happens to volume.]]
    elseif g.took_course then
      hint = [[Tuesday's class was on fixed and variable costs. You are fairly sure this is one
        of the fixed ones.]]
    end
    return paras([[
      Thursday, June 6. Trevor Lang of LoanBase, the loan origination system every Magnolia loan
      passes through, flies in from Dallas for the renewal. He brings a proposal and a box of
      pastries.
    ]], [[
      | LoanBase Enterprise, three-year term
      | 160 seats at $423 per seat per month
      | Annual: $812,160 (up 11%)
      | Price protection through 2016
    ]], [[
      "Everybody's renewing at this number," Trevor says. "The compliance features for the
      January rules are built in."
    ]], [[
      Kevin Oduya, your applications lead, slides a note across the table: *migration = 14
      months, minimum.* Trevor has seen that look before.
    ]], hint)
  end,
  lesson = "A contract priced against your company's volume moves with the business; one priced "
        .. "by the seat moves against it when times turn.",
  discuss = "How are your largest technology contracts priced, and does that pricing follow your "
         .. "business or fight it?",
  advice = "Negotiate in the business's terms: tie what IT spends to what the company earns.",
  choice { "Sign it. Fourteen months of migration cost more than 11 percent", id = "sign_it",
           advice = "against",
           effects = { reputation = -5, burnout = -5 }, set = { vendor = "signed" },
           go = "rate_shock",
           lesson = "Signing was technically sound and locked a bigger fixed cost into a year "
                 .. "when revenue was about to fall." },
  choice { "Tell him you will run a full request for proposals, and have Kevin run it",
           id = "run_rfp",
           effects = { burnout = 5, acumen = 5, relationships = -5 }, set = { vendor = "rfp" },
           go = "rate_shock",
           lesson = "The threat worked, up to a point: a discount, bought with two months of "
                 .. "Kevin's evenings, on a contract still priced against you." },
  choice { "Offer him a longer term if he prices it per funded loan instead of per seat",
           id = "per_loan", advice = "follows",
           when = function(g) return g.knows_pl or g.took_course end,
           show_locked = "You would need to know how Magnolia's costs move with its loan volume",
           effects = { acumen = 5, reputation = 10, satisfaction = -5 },
           set = { vendor = "per_loan" },
           go = "rate_shock",
           lesson = "Tying the license to funded loans moved the risk off Magnolia's books. You "
                 .. "could only ask for it because you knew how the company earns and spends." },
}
