-- Undercover, act IV: the week of July 8, 2013, on the road in North Alabama with Bobby Rae
-- Cagle, as a trainee. How fully you leave IT behind (flag disconnect) shapes the week.

-- Sherry's answer at Cardinal Realty, told in whichever scene comes next.
function realtor_answer(g)
  if not g.realtor_talk then return nil end
  return [[Sherry's answer, while the printer warmed up: "Whoever answers on a Saturday with a
    letter in an hour. There's a kid at Crestview with an app on his phone. I don't like him. I
    send him buyers anyway."]]
end

-- The dates of the week: July 8 to 12 before the budget hearing, August 12 to 16 after it.
function week_date(g, early, late)
  return g.late and late or early
end

scene "walt_yes" {
  chapter = "IV. Undercover",
  text = function(g)
    if g.late then
      return paras([[
        Walt gives Halvorsen his ninety days. In the hall afterwards he stops you by the
        elevator.
      ]], g:visited("marla_lunch") > 0 and [["Marla says her offer's still open. Go ride with
        Bobby Rae while they count your servers. I'd rather you came back from Huntsville knowing
        something than sat here watching them."]] or [["Marla has a loan officer in Huntsville
        who trains her new people. Go ride with him for a week while they count your servers. I'd
        rather you came back knowing something than sat here watching them."]], [[
        You would be a new loan officer from the Birmingham training class, placed with Bobby
        Rae Cagle from Monday, August 12, to Friday, August 16. Bobby Rae is fifty-eight, has
        sold mortgages for twenty-two years, and has never been to the fourth floor.
      ]], [[
        Pinnacle's people start on Wednesday. Somebody has to answer their questions while you
        are gone, and Ingrid has never covered for you with the department's future on the
        table.
      ]])
    end
    local walt
    if g.reputation >= 35 then
      walt = [["Good," he says. "Go. I've wanted somebody from your floor to do that for three
        years."]]
    else
      walt = [["Halvorsen thinks it's a vacation," he says. "Go anyway. But the fifteenth doesn't
        move, and you walk into that room with something."]]
    end
    return paras("Walt hears you out in four minutes.", walt, [[
      The plan is Marla's. You are a new loan officer from the Birmingham training class, placed
      with Bobby Rae Cagle in Huntsville from Monday, July 8, to Friday, July 12. Bobby Rae is
      fifty-eight, has sold mortgages for twenty-two years, and has never been to the fourth
      floor. He has been told he is getting a trainee, and nothing else.
    ]], [[
      That night Kayla texts from Atlanta: *Undercover? Like the TV show? Do you get a wig?*
    ]], [[
      One question is left: who runs IT while you are gone? Ingrid has covered your vacations.
      She has never covered for you in the middle of a budget fight.
    ]])
  end,
  lesson = "Going undercover works only if you actually leave: somebody else has to hold the job.",
  discuss = "Who would run your team if you were unreachable for a week? What have you done to "
         .. "make that possible?",
  advice = "Really leave: hand the job to your deputy and leave the pager at home.",
  choice { "Check in with Ingrid every night at nine", id = "check_nightly",
           effects = { burnout = 5 }, set = { disconnect = "nightly" }, go = "waffle_house",
           lesson = "Nightly check-ins kept you half in both jobs." },
  choice { "Give Ingrid full authority, set an out-of-office, and leave your laptop at home",
           id = "hand_yvette", advice = "follows",
           effects = { burnout = -5, relationships = 5, reputation = -5 },
           set = { disconnect = "full", yvette_led = true }, go = "waffle_house",
           lesson = "Handing Ingrid the whole job for a week risked the department and tested the "
                 .. "team you had built. It also freed you to see." },
  choice { "Keep your pager. You can learn sales and run IT at the same time", id = "keep_pager",
           advice = "against",
           effects = { burnout = 10 }, set = { disconnect = "pager" }, go = "waffle_house",
           lesson = "Keeping the pager meant you never left. A week undercover is worth exactly "
                 .. "as much as you actually leave." },
  choice { "Stay in Birmingham: you will not leave Pinnacle alone with your servers",
           id = "guard_servers", advice = "against",
           when = function(g) return g.late end,
           effects = { burnout = 5, satisfaction = 5, relationships = -5 },
           set = { stayed = true }, go = "outsourcing_study",
           lesson = "Guarding the servers from Pinnacle's counters felt like loyalty to the team. "
                 .. "It kept you in the one building where nothing new could be learned." },
}

scene "waffle_house" {
  effects = pager_strain,
  text = function(g)
    local bobby
    if g.lockout == "held" then
      bobby = [["And if this thing locks me out again," he says, "I'm done with it. Lost a couple
        at an open house in May. Nice kids. Went with Crestview."]]
    elseif g.lockout == "exempt" then
      bobby = [["At least they quit locking me out," he says. "Took 'em long enough."]]
    elseif g.lockout == "weekend" then
      bobby = [["Help desk answers Saturdays now," he says. "Somebody up there woke up."]]
    end
    return paras([[
      Monday, ]] .. week_date(g, "July 8", "August 12") .. [[, 6:40 in the morning. A Waffle
      House off Interstate 565 in Madison. Bobby Rae Cagle is already in a booth with a
      coffee, a legal pad and a phone whose case is held together with tape.
    ]], [[
      "You the trainee? Sit. First rule: the realtors are the customer. The borrowers are the
      realtors' customer. Forget that and you'll starve."
    ]], [[
      At 7:55 he opens his company laptop to look at his pipeline. At 8:00 it starts installing
      updates. You know why: you set the patch window to 8:00 last fall, because nobody at
      headquarters logs in before 8:30. Bobby Rae watches the progress wheel turn for eleven
      minutes and eats your hash browns.
    ]], bobby, [[
      At 9:40 the day's rate sheet arrives as a PDF. He photographs the screen with his phone so
      he can read it in the car.
    ]])
  end,
  lesson = "Decisions made for headquarters' convenience land in somebody else's working day.",
  discuss = "Which of your off-peak decisions fall in the middle of someone else's working hours?",
  advice = "Watch as a trainee would; the fixes can wait until Friday, the view cannot.",
  choice { "Fix his update settings. Four minutes, though a trainee shouldn't know how",
           id = "fix_laptop", advice = "against",
           when = function(g) return g.technical >= 55 end,
           show_locked = "Your hands-on skills are too rusty",
           effects = { technical = 5, relationships = 5 }, set = { fixed_laptop = true },
           go = "cardinal_realty",
           lesson = "Fixing it on the spot helped one man and told him you were not what you "
                 .. "said. The helpful reflex can cost you the view." },
  choice { "Step outside and call Ingrid: move the patch window to 2 a.m., today",
           id = "move_patch", advice = "against",
           effects = function(g)
             if g.disconnect == "full" then
               return { burnout = 5, reputation = 5, relationships = -5 }
             end
             return { burnout = 5, reputation = 5 }
           end,
           set = { moved_patch = true }, go = "cardinal_realty",
           lesson = "It was the right change, made from a parking lot, and it broke your promise "
                 .. "to leave. The fixes would have kept until Friday; the week would not." },
  choice { "Say nothing. Write it all down", id = "just_watch", advice = "follows",
           effects = { acumen = 5, satisfaction = -5 }, go = "cardinal_realty",
           lesson = "Watching your own policy waste a salesman's morning, and saying nothing, was "
                 .. "what a trainee would do. It is how you learned what the policy cost." },
}

scene "cardinal_realty" {
  effects = pager_strain,
  text = function(g)
    local laptop
    if g.fixed_laptop then
      laptop = [[Bobby Rae has been giving you sideways looks since the Waffle House. "Trainee,"
        he said at lunch, to nobody in particular.]]
    end
    return paras(laptop, [[
      Tuesday, 3:10 in the afternoon. Cardinal Realty, a converted bungalow on Hughes Road in
      Madison. Sherry Hollins has sold houses here for sixteen years and sends Bobby Rae about a
      third of his business.
    ]], [[
      Travis and Amber Selby, a nurse and a middle-school band director, want a three-bedroom on
      Wall Triana Highway listed at $214,900. There are two other offers. The listing agent
      wants every offer by five, each with a lender's pre-approval letter attached.
    ]], [[
      Bobby Rae has pulled their credit and seen their pay stubs. The letter should take ten
      minutes. But Cardinal's guest Wi-Fi blocks the VPN, and LoanBase will not print a letter
      until sixty-one fields are filled, six of them about an appraisal that does not exist yet.
    ]], [[
      "Watch this," Bobby Rae says. He opens a Word file on his desktop called LETTER FINAL 3,
      types the Selbys' names over somebody else's, and sends it to Sherry's printer.
    ]], "It is 3:40.")
  end,
  lesson = "When the official system cannot do the job in time, the job gets done without it.",
  discuss = "What does your system demand before it lets people do what they are paid for? Who "
         .. "decided that?",
  advice = "See how the work really gets done, and ask the customer, before you reach for a "
         .. "fix of your own.",
  choice { "Turn your phone into a hotspot and get him into LoanBase properly", id = "hotspot",
           advice = "against",
           when = function(g) return g.technical >= 50 end,
           show_locked = "Your hands-on skills are too rusty",
           effects = { technical = 5, burnout = 5 }, set = { selby = "hotspot" },
           go = function(g) return g.disconnect == "full" and "kitchen_table" or "home_incident" end,
           lesson = "Your skills got one proper letter out on time, and proved the system only "
                 .. "worked with someone from IT standing beside it." },
  choice { "Let it play out: you came to see how it really works", id = "let_it_play",
           advice = "follows",
           effects = { acumen = 10, satisfaction = -5 }, set = { selby = "template" },
           go = function(g) return g.disconnect == "full" and "kitchen_table" or "home_incident" end,
           lesson = "Letting the workaround happen showed you how far the official system was "
                 .. "from the job." },
  choice { "While he works, ask Sherry how she decides which lender gets her buyers",
           id = "ask_realtor", advice = "follows",
           effects = { relationships = 5, acumen = 5 },
           set = { realtor_talk = true, selby = "template" },
           go = function(g) return g.disconnect == "full" and "kitchen_table" or "home_incident" end,
           lesson = "The realtor was the customer nobody in IT had ever interviewed. Ten minutes "
                 .. "with her redrew your map of the business, while the Selbys' letter went out "
                 .. "on LETTER FINAL 3." },
}

-- Reached only when you kept a line open to Birmingham.
scene "home_incident" {
  text = function(g)
    local realtor = realtor_answer(g)
    local alarm
    if g.disconnect == "pager" then
      alarm = [[Your pager goes off. The link between LoanBase and the pricing engine is down,
        and every loan officer in five states who tries to lock a rate in the morning will get an
        error. You know the cause before you open the laptop: a security certificate, renewed
        every two years, by hand. It was on your list for June.]]
    else
      alarm = [[At nine Ingrid said all was quiet. At 10:20 she texts again.

        | Pricing link down. Cert expired. I've got it. Going to be a late one.

        You know that certificate. It was on your list for June.]]
    end
    return paras(realtor, [[
      Tuesday, 10:20 at night, a Hampton Inn off University Drive in Huntsville. Bobby Rae
      dropped you off at 9:05 and said "Six-forty. Don't be late."
    ]], alarm)
  end,
  lesson = "What your team does when something breaks and you are not there is the real measure "
        .. "of the team you built.",
  discuss = "When something breaks and you are away, what happens? When did you last find out?",
  advice = "Let the team you built handle the trouble while you are away.",
  choice { "Open the laptop and fix it yourself", id = "take_over", advice = "against",
           effects = { burnout = 10, technical = 5, relationships = -5 }, go = "kitchen_table",
           lesson = "You had it fixed by two and spent Wednesday half asleep, and Ingrid learned "
                 .. "what your trust was worth when something broke." },
  choice { id = "let_yvette", advice = "follows",
           text = function(g)
             if g.disconnect == "pager" then
               return "Forward the page to Ingrid and go to sleep"
             end
             return "Let Ingrid handle it and go to sleep"
           end,
           effects = { burnout = -5, relationships = 5, reputation = -5 },
           set = { yvette_led = true }, go = "kitchen_table",
           reply = "You sleep. Wednesday morning Halvorsen asks Walt where the CTO was while the "
                .. "pricing link was down.",
           lesson = "Letting Ingrid handle it meant trusting the team you had built at the moment "
                 .. "trusting was hardest, and letting Halvorsen hear that the CTO slept through "
                 .. "an outage." },
  choice { "Drive back to Birmingham tonight and run it from the data center", id = "drive_back",
           advice = "against",
           when = function(g) return g.disconnect == "pager" end,
           effects = { burnout = 15 }, set = { left_week = true }, go = "friday_pipeline",
           lesson = "Driving back fixed a certificate and ended the week two days early. The "
                 .. "thing you went to learn stayed in Huntsville." },
}

scene "kitchen_table" {
  effects = function(g)
    return { burnout = g.disconnect == "pager" and 10 or 0 }
  end,
  text = function(g)
    local quiet
    if g.disconnect == "full" then
      quiet = [[Wednesday you hear nothing from Birmingham, which means either that nothing
        happened or that Ingrid is handling it. You manage not to find out which.]]
    end
    local selby
    if g.selby == "hotspot" then
      selby = [[The Selbys' letter went in at 4:52, on LoanBase letterhead with the compliance
        footer. Their offer was accepted Wednesday at noon. Bobby Rae shook your hand twice.]]
    else
      selby = [[The Selbys' letter from LETTER FINAL 3 went in at 4:05. The sellers took another
        offer, from a buyer pre-approved by Crestview Mortgage at 1:30. Amber Selby cried in
        Sherry's kitchen.]]
    end
    local realtor
    if g:visited("home_incident") == 0 then realtor = realtor_answer(g) end
    return paras(realtor, quiet, selby, [[
      After Cardinal, Bobby Rae called the lock desk to lock the Hendricks loan. It was 5:04; the
      desk in Birmingham closes at 5:00. This morning's rate sheet was a quarter of a point
      higher. On the Hendricks' $160,000 loan that is about $24 a month for thirty years, and
      they have stopped returning his calls.
    ]], [[
      Wednesday, 7:15 in the evening, a kitchen table in Hazel Green. Renata Gaines, a
      respiratory therapist at Huntsville Hospital, is buying her first house and needs to send
      her 2012 tax return. Magnolia's secure upload portal tells her phone's browser that it is
      not supported. Bobby Rae has been working since 6:40 this morning.
    ]], [[
      "Just take pictures and text 'em to me," he says. "All the pages."
    ]], "Renata looks at you, the trainee, as if you might know better.")
  end,
  lesson = "When the approved way fails, people find another way, and the risk moves somewhere "
        .. "nobody is watching.",
  discuss = "When your approved process fails, what do people do instead? Do you know?",
  advice = "Stay the trainee and feel what the official process does to the people who use it.",
  choice { "Say nothing. You're the trainee", id = "stay_trainee", advice = "follows",
           effects = { acumen = 5, satisfaction = -5 }, go = "sales_call",
           lesson = "Keeping your cover let you see the worst of it: a borrower's tax return on a "
                 .. "salesman's phone because the safe way did not work on hers." },
  choice { "Stop him: those pictures will live on his phone for years", id = "stop_texting",
           effects = { relationships = -5, reputation = 5 }, set = { cover_blown = true },
           go = "sales_call",
           lesson = "You were right about the risk, and stopping it told Bobby Rae who the "
                 .. "trainee was. From then on he showed you the company version." },
  choice { "Offer to drive the paper copies to the branch scanner yourself, tonight",
           id = "drive_papers",
           effects = { burnout = 5, relationships = 5, acumen = 5 }, go = "sales_call",
           lesson = "Doing the legwork kept the borrower's data safe and showed you what the "
                 .. "company's secure process really cost, in miles." },
}

scene "sales_call" {
  effects = pager_strain,
  text = function(g)
    local jasmine
    if g.app_call == "blocked" then
      jasmine = [[Jasmine Park, from Atlanta: "They switched off the only thing that worked and
        sent us a memo about it."]]
    elseif g.app_call == "approved" then
      jasmine = [[Jasmine Park, from Atlanta: "Credit where it's due, they let us keep
        ListingLoop. First time Birmingham ever said yes to anything."]]
    elseif g.app_call == "jasmine" then
      jasmine = [[Jasmine Park, from Atlanta: "The CTO called me, for what it's worth. Asked
        questions. We'll see."]]
    end
    local cover
    if g.cover_blown then
      cover = "Bobby Rae glances at you. He knows, since last night. He lets the line run."
    else
      cover = "Bobby Rae glances at you. \"Welcome to the company,\" he says."
    end
    return paras([[
      Thursday, 8:00 in the morning. Marla's weekly sales call, on speaker in Bobby Rae's Buick
      on the way to Decatur. Thirty-one loan officers on the line, rain on the windshield.
    ]], [[
      After purchase volume and the Fed, Marla says: "IT. Go."
    ]], [[
      It goes on for nineteen minutes. The eight o'clock updates. The lock desk. The portal that
      does not work on phones. Birmingham, said like a swear word.
    ]], jasmine, [[
      Somebody from Mobile: "Has anybody ever actually met the new CTO? I heard they live in the
      server room." Laughter down the line.
    ]], cover, "Your phone is on the dashboard. The mute button is right there.")
  end,
  lesson = "Pride is tested hardest when the criticism is unfair in its details and right in its "
        .. "substance.",
  discuss = "What would the people who use your department's work say about it if they thought "
         .. "you could not hear?",
  advice = "Put your pride aside and hear the criticism out.",
  choice { "Unmute: say who you are, and set the record straight on the help desk numbers",
           id = "unmute_defend", advice = "against",
           effects = { reputation = -10, relationships = -10, satisfaction = 5 },
           set = { cover_blown = true, defended_call = true }, go = "friday_pipeline",
           lesson = "Correcting the record won the argument and lost the room: thirty-one "
                 .. "salespeople heard IT answer criticism with statistics, again." },
  choice { "Unmute: say who you are, and ask for their three worst problems",
           id = "unmute_listen",
           effects = { relationships = 10, reputation = 5, satisfaction = -5 },
           set = { cover_blown = true, owned_call = true }, go = "friday_pipeline",
           lesson = "Coming out of hiding to ask instead of defend turned critics into informants, "
                 .. "and ended the disguise a day early." },
  choice { "Stay muted. Take every word of it", id = "stay_muted", advice = "follows",
           effects = { acumen = 10, satisfaction = -10 }, go = "friday_pipeline",
           lesson = "Staying quiet through nineteen minutes of it was the ego's hardest test, and "
                 .. "the most honest feedback IT had ever received." },
}

-- After the week: the budget hearing, unless it was already held before you went.
local function after_week(g)
  return g.late and "outsourcing_study" or "budget_hearing"
end

scene "friday_pipeline" {
  -- The ah-ha moment gives back some of what the week took, unless you left it early.
  effects = function(g)
    local e = { satisfaction = g.left_week and 0 or 10 }
    if g.disconnect == "pager" then e.burnout = 5 end
    -- a week truly away from your own job rests you, hard as the days were
    if g.disconnect == "full" then e.burnout = -10 end
    -- and a deputy trusted with the keys is a team Walt hears about
    if g.yvette_led then e.reputation = 5 end
    return e
  end,
  text = function(g)
    if g.left_week then
      return paras([[
        Friday, ]] .. week_date(g, "July 12", "August 16") .. [[, from your office in
        Birmingham. The certificate was fixed by 1:10 Wednesday morning; Ingrid would have had
        it by midnight. You did not go back.
      ]], [[
        Bobby Rae calls at five, briefly. Marla told him the truth on Wednesday. "Figured you'd
        quit," he says. "Trainees usually do, by Wednesday." He does not sound angry. He sounds
        as if he expected it.
      ]], [[
        Your notebook has two days in it: the eleven minutes of updates, LETTER FINAL 3, the
        Selbys. ]] .. week_date(g, "On Monday you stand in front of Halvorsen.",
          "On Monday Pinnacle's people will still be counting your servers."))
    end
    local lost = g.selby == "hotspot"
      and "| Lost: 1 (Hendricks, rate lock missed)"
      or "| Lost: 2 (Selby, to Crestview; Hendricks, rate lock missed)"
    local reveal
    if g.cover_blown then
      reveal = [["So," Bobby Rae says when Carol Ann has gone. "The CTO. I'd have shown you the
        same things, probably. Less swearing."]]
    else
      reveal = [[When Carol Ann has gone, you tell him who you are. He looks at you for a long
        time. "Well," he says. "Now you know."]]
    end
    local inbox
    if g.owned_call then
      inbox = "Your phone holds 47 emails from the sales call, each a problem, most with a fix."
    end
    local deputy
    if g.disconnect == "full" then
      deputy = [[Ingrid's one email of the week is waiting: the pricing-link certificate expired
        Tuesday night, she renewed it by 11:40, and it now renews itself. She did not call you.
        She did not need to. Walt heard about it from Marla before you did.]]
    elseif g.yvette_led then
      deputy = [[Ingrid's write-up of Tuesday night is in your inbox: certificate renewed by 11:40,
        and a script so that it renews itself from now on.]]
    end
    return paras([[
      Friday, 4:30, the Huntsville branch: two rooms above a dentist. Bobby Rae's weekly pipeline
      review with his branch manager, Carol Ann Pickett. You sit in the corner with a notebook
      that is almost full.
    ]], "| Week of " .. week_date(g, "July 8", "August 12") .. ": B. Cagle\n"
        .. "| New applications: 5 (all purchase)\n" .. lost
        .. "\n| Hours worked: 61", [[
      Bobby Rae is paid 85 basis points on what he closes; the Selby loan would have paid him
      about $1,800, and Magnolia about $5,000 when it sold the loan.
    ]], reveal, inbox, deputy, [[
      On the drive home, past the Cullman exit, it comes together. Magnolia does not really sell
      mortgages to borrowers. It sells speed and certainty to realtors, and the realtors bring
      the borrowers. The updates, the VPN, the sixty-one fields, the lock desk and the portal
      all made Bobby Rae slower than a kid from Crestview with a phone. Your department was
      excellent at things the business did not need, and missing where it did.
    ]], week_date(g, "What you carry into Halvorsen's room on Monday is up to you.",
      "The hearing was a month ago. What you do with this, with Pinnacle in the building, is "
      .. "up to you."))
  end,
  lesson = "Seeing the business from inside is the moment a technology leader's priorities turn "
        .. "from keeping things running to making the company grow.",
  discuss = "If you spent a week in another department, what would you expect to bring back: "
         .. "fixes, controls, or a product?",
  advice = "Bring back technology that helps the business grow, not only fixes or more rules.",
  choice { "A pre-approval a loan officer can send from a phone in ten minutes, inside the rules",
           id = "idea_app", advice = "follows",
           when = function(g) return not g.left_week or g.realtor_talk end,
           effects = { acumen = 5, relationships = -5 }, set = { idea = "app" }, go = after_week,
           reply = "Saturday goes to the kitchen table, getting it onto one page. Noor eats "
                .. "dinner without you.",
           lesson = "The week showed you technology as part of what Magnolia sells: speed to a "
                 .. "realtor. A product, not a service ticket, and a Saturday away from Noor "
                 .. "to make it one page." },
  choice { "A list of fixes: the patch window, the lockouts, the lock desk, the portal",
           id = "idea_fixes", advice = "against",
           effects = { relationships = 5 }, set = { idea = "fixes" }, go = after_week,
           lesson = "Fixing the frustrations made IT better at supporting the business. It did "
                 .. "not yet help the business grow." },
  choice { "Tighter controls: template letters and texted tax returns are audit findings waiting",
           id = "idea_controls", advice = "against",
           effects = { technical = 5, satisfaction = 5 }, set = { idea = "controls" },
           go = after_week,
           lesson = "Everything you found was a real risk. Bringing back only the risks told the "
                 .. "room that IT had gone into the field and come back with more rules." },
}
