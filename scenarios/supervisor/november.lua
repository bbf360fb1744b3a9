-- The Reluctant Supervisor, November: Pete, the four questions, the side door, the letter.

scene "pete" {
  chapter = "November: The Questions",
  text = [[
    Monday, November 6. Pete Sorensen has been on the team eleven years and slipping for two.
    On Friday he loaded last year's price file into the order system, and for nine hours every
    EDI customer was billed for drill bits and safety gloves at last year's prices. Finance puts
    the damage at $38,000.

    Dana wants a performance plan on her desk by Friday. "Glen never wrote one in four years,"
    she says. "That's half the reason Pete is where he is."

    Pete's wife had surgery in September. He has told you and nobody else. He sits at his desk
    reading the same error report he has been reading since Monday morning.
  ]],
  lesson = "The hardest part of supervising is the part no technical skill prepares you for.",
  discuss = "Which managing task would you most want to avoid? What would doing it badly cost "
         .. "the person on the other side of the desk?",
  choice { "Write the plan honestly, and sit down with Pete to build it together", id = "honest_plan",
           effects = { burnout = 6, relationships = 3, acumen = 3, satisfaction = -5 },
           set = { pete = "plan" }, go = "crossroads",
           lesson = "A fair performance plan is slow, heavy work, the part of the job you dreaded "
                 .. "most. It was also the only version in which Pete got his footing back." },
  choice { "Quietly fix Pete's mistakes yourself and tell Dana it is handled", id = "cover_pete",
           effects = { burnout = 12, technical = 3, relationships = 5 },
           set = { pete = "covered" }, go = "crossroads",
           lesson = "Covering for Pete felt kind and used the skills you enjoy. It hid a problem "
                 .. "that was yours to manage, and hidden problems come back." },
  choice { "Hand it to Linda in HR and let the process run", id = "hr_pete",
           effects = { relationships = -8, burnout = -3, reputation = 2 },
           set = { pete = "hr" }, go = "crossroads",
           lesson = "Handing Pete to a process spared you a hard conversation. He noticed who "
                 .. "was not in the room." },
}

-- The first of the article's questions, asked of the job itself: do you care about it? Read from
-- job satisfaction.
function care_line(g)
  if g.satisfaction <= 25 then
    return "Do you care about this job? Some mornings you sit in the parking structure for ten "
        .. "minutes before you can make yourself go up."
  elseif g.satisfaction >= 50 then
    return "Do you care about this job? Some weeks it is bearable, mostly the weeks you sneak "
        .. "into the code. That is not the same as caring."
  end
  return "Do you care about this job? You care about the team. The job, you are less sure."
end

-- How many of the four questions you have looked into.
local function answers(g)
  return g:visited("q_ruth") + g:visited("q_code") + g:visited("q_intranet")
       + g:visited("q_worth")
end

-- What you write in the agenda's margin on coming back from the scene named by last_q.
local function margin_note(g)
  local q = g.last_q
  if q == "ruth" then
    if g.ruth_on_marco then return "Ruth would work for Marco, if someone taught him to listen." end
    if g.cares_title then return "The title matters to you; you have admitted it." end
    return "A stalled climb is a price you can pay."
  elseif q == "code" then
    if g.learned_all then return "The old job has nothing left to teach you." end
    if g.wants_rewrite then
      return "There is still something at home worth coming back for: the rewrite."
    end
    return "MATC, Tuesdays and Thursdays, from January."
  elseif q == "intranet" then
    return g.knows_rotation and "The company has a side door, and Linda holds the key."
           or "You have put the binder back on the shelf, side doors and all."
  elseif q == "worth" then
    if g.knows_worth then return "You know your price, as supervisor and as engineer." end
    if g.sam_contact then return "Sam Whitaker is expecting to hear from you." end
    return "You have decided not to count what you are worth."
  elseif q == "rotation" then
    return "Linda's rotation, Linda's internship: not yet."
  end
  return "The letter stays in drafts."
end

scene "crossroads" {
  advice = "Ask the four questions, then look outside and talk to your manager at the same time; "
        .. "do not endure or quit in the dark.",
  text = function(g)
    if g:visited("crossroads") == 1 then
      return [[
        That Friday you stay late and write your options on the back of a printed
        agenda. There are four, and none of them is clean.

        | Stay, and endure it.
        | Ask for the old job back. (Anjali sits in it now.)
        | Leave for a hands-on job somewhere else.
        | Find a side door here, if Brandt & Voss has one.

        Under them you write the questions you cannot yet answer. Will going back stall your
        career here, and do you care? Have you learned all the old job can teach you? Is there
        anything else for you in this building? And how much are you actually worth to them?

        Some of those you can only answer by going out and asking.
      ]] .. "\n\n" .. care_line(g)
    end
    -- Back from a question (or from Linda, or from the letter): only its new margin note.
    local note = margin_note(g)
    local head
    if g:visited("crossroads") == 2 then
      head = "Back to the agenda, now soft at the folds. In the margin, in your handwriting:"
    else
      head = "You add a line to the margin:"
    end
    local t = head .. "\n\n| " .. note
    if answers(g) == 4 and (g.last_q == "ruth" or g.last_q == "code" or g.last_q == "intranet"
                            or g.last_q == "worth") then
      t = t .. "\n\nEvery question has its answer now. The list has not chosen for you; it has "
          .. "only made the choosing more honest."
    end
    return t
  end,
  lesson = "The decision is easier to get right after the questions are answered, and easy to "
        .. "make without them.",
  discuss = "Which of the four questions would be hardest for you to answer honestly: will your "
         .. "career stall and do you care, have you learned all you can, are there other roles, "
         .. "how much leverage do you have?",
  choice { "Put the list in a drawer and keep your head down until the March review",
           id = "endure", advice = "against", set = { path = "endure" }, go = "peak",
           lesson = "Enduring is a real choice, and the cheapest one this month. You paid for it "
                 .. "in every month after." },
  choice { "Walk into Dana's office on Monday and ask for your old job back", id = "ask_back_now",
           when = function(g) return answers(g) >= 1 end,
           set = { straight = true }, go = "the_talk",
           lesson = "Going straight to your boss was brave. With nothing else in view, you had "
                 .. "to take whatever she could offer." },
  choice { "Do both at once: look outside quietly, and find out whether Dana would hear you",
           id = "two_phase", effects = { burnout = 3 }, advice = "follows",
           when = function(g) return answers(g) >= 2 end,
           show_locked = "First answer at least two of the questions", go = "sam_lunch",
           lesson = "Looking outside while finding out what was possible inside meant that "
                 .. "neither answer could trap you." },
  choice { "Go and see Linda about that rotation program", id = "see_linda", advice = "follows",
           when = function(g) return g.knows_rotation and g:visited("rotation_pitch") == 0 end,
           go = "rotation_pitch",
           lesson = "Following up on the side door turned a page in a binder into a real option." },
  choice { "Have lunch with Ruth, who turned this job down twice", id = "ask_ruth", effects = { burnout = 2 },
           advice = "follows", when = function(g) return g:visited("q_ruth") == 0 end, go = "q_ruth",
           lesson = "Will going back stall your career, and do you care? Ask someone who chose "
                 .. "the work over the ladder." },
  choice { "Spend Saturday inside the Bridge code, and see what still surprises you",
           id = "saturday_code", effects = { burnout = 3 }, advice = "follows",
           when = function(g) return g:visited("q_code") == 0 end, go = "q_code",
           lesson = "Have you learned all the old job can teach? The code itself will tell you." },
  choice { "Read the HR policy binder that nobody reads", id = "read_intranet",
           advice = "follows", when = function(g) return g:visited("q_intranet") == 0 end, go = "q_intranet",
           lesson = "Are there other roles here? Companies keep more side doors than they "
                 .. "advertise." },
  choice { "Work out what you are worth, to Brandt & Voss and to anyone else", id = "count_worth", effects = { burnout = 2 },
           advice = "follows", when = function(g) return g:visited("q_worth") == 0 end, go = "q_worth",
           lesson = "How much leverage do you have? You cannot bargain with a value you have "
                 .. "never counted." },
  choice { "Write your resignation tonight", id = "resign_draft",
           advice = "against",
           when = function(g) return g.burnout >= 60 and g:visited("quit_now") == 0 end,
           go = "quit_now",
           lesson = "Drafting the letter at midnight was the exhaustion talking, and it very "
                 .. "nearly got the last word." },
}

scene "q_ruth" {
  set = { last_q = "ruth" }, -- for the margin note back at the crossroads
  text = [[
    Ruth Lindqvist has ordered the same sandwich at the diner on Fifth Street for nine years.
    She has been a senior engineer at Brandt & Voss for twenty-two, and she turned the supervisor
    job down twice: once under the supervisor before Glen, and once this February.

    "Why?" she says. "Because I like my evenings, and I like being right about things I can
    check." She points her fork at you. "You want to know if going back kills your career here.
    A little, yes. People will say you couldn't hack it. Doug in Finance stepped down to analyst
    four years ago and they still introduce him as *the one who stepped down*."

    She shrugs. "Doug also leaves at five and looks happier than anyone on the fourth floor. So
    the real question is whether you care."
  ]],
  lesson = "A move back down carries a stigma. Whether it matters depends on what you want the "
        .. "rest of your career to be.",
  discuss = "Would you care if colleagues called your move a step down? Whose opinion would "
         .. "sting most?",
  choice { "Decide you care more about the work than about the next rung", id = "work_over_rung",
           effects = { satisfaction = 5 }, set = { cares_title = false }, go = "crossroads",
           lesson = "Deciding you could live with a stalled climb took most of the stigma's "
                 .. "power away." },
  choice { "Admit the title matters: to your pride, and to the mortgage", id = "title_matters",
           effects = { acumen = 3 }, set = { cares_title = true }, go = "crossroads",
           lesson = "Admitting the title matters is honest. It means every way back has to be "
                 .. "weighed in money and standing, not only in happiness." },
  choice { "Ask Ruth whether she would ever work for Marco", id = "ask_about_marco",
           effects = { relationships = 3 }, set = { ruth_on_marco = true }, go = "crossroads",
           lesson = "Asking about your successor before you had decided to leave was planning "
                 .. "ahead. Ruth will remember that you asked." },
}

scene "q_code" {
  set = { last_q = "code" }, -- for the margin note back at the crossroads
  text = [[
    Saturday. Noor is at her sister's in Waukesha and the house is quiet. For the first time in
    weeks you open the Bridge with no ticket in front of you.

    At first it is like coming home. Then it is like visiting a house you have outgrown: the
    same nightly batch windows, the same hand-rolled retry loop, the same queue you designed in
    your first year. You know every corner of it, and none of it can teach you anything.

    Except Anjali's change, which moves the warehouse acknowledgements onto a message queue and
    is cleverer than anything you wrote. And Corvane Logistics, across the river in the Third
    Ward, is hiring engineers to rebuild freight tracking on client-server systems and message
    queues you have only read about in *Computerworld*.
  ]],
  lesson = "Going back is only an answer if the old job still has something to teach you.",
  discuss = "Have you learned everything your previous role can teach? How would you know?",
  choice { "Admit it: the old job has nothing left to teach you; the next thing is elsewhere",
           id = "learned_all", effects = { satisfaction = -3 }, set = { learned_all = true },
           go = "crossroads",
           lesson = "Admitting you had outgrown the old job took away the easy way back, and "
                 .. "told you what to study for the next one." },
  choice { "Sign up for the winter course on client-server design at MATC, two evenings a week",
           id = "take_course", effects = { technical = 8, burnout = 6 },
           set = { took_course = true }, go = "crossroads",
           lesson = "Learning on your own time sharpened the skills the supervisor job let rust. "
                 .. "It came out of the evenings you needed for rest." },
  choice { "See the Bridge rewrite planned for next year as the thing you would come back for",
           id = "rewrite_hope", effects = { satisfaction = 5 },
           set = { wants_rewrite = true }, go = "crossroads",
           lesson = "There was still something worth learning at home: the rewrite. It could "
                 .. "only be yours if someone else ran the team." },
}

scene "q_intranet" {
  set = { last_q = "intranet" }, -- for the margin note back at the crossroads
  advice = "Find out what sideways moves the company offers before deciding it offers none.",
  text = [[
    The HR policy binder lives on the shelf by the copier, and its spine has never been
    cracked. Under *Careers at B&V*, behind the holiday calendar, you find it:

    | Cross-Step: six-month rotations into another department,
    | with your own role guaranteed on return.
    | Internal internships: tuition paid, eight hours a week
    | in a new field alongside your current job.

    Linda Kowalczyk, the HR partner for IT, answers your e-mail in eleven minutes. "Nobody from
    IT has ever applied. The data warehouse team wants an engineer on rotation from January.
    Supervisors can apply, but Dana would have to sign off and find someone to act in your
    place."
  ]],
  lesson = "Many companies have more side doors than their people ever try.",
  discuss = "What sideways moves does your organisation offer? Who has used one, and how was "
         .. "it seen afterwards?",
  choice { "Ask Linda what supervisors who want to step down usually do here", id = "ask_linda",
           advice = "follows", effects = { acumen = 3, satisfaction = -3 },
           set = { knows_rotation = true }, go = "crossroads",
           lesson = "Linda's answer was short: *usually they leave*. Knowing the pattern is the "
                 .. "first step to not being part of it." },
  choice { "Put the binder back: a rotation would look like running away", id = "close_tab",
           advice = "against", effects = { satisfaction = -3 }, go = "crossroads",
           lesson = "Dismissing the side door left only two ways to go: up, or out." },
  choice { "Ask Linda to keep your name in mind, quietly", id = "rotation_quiet",
           advice = "follows", effects = { relationships = 3, burnout = 3 },
           set = { knows_rotation = true }, go = "crossroads",
           reply = "Linda sends the four-page Cross-Step form, \"so it's on file\". You fill it in "
                .. "at the kitchen table that night.",
           lesson = "Asking about a side door cost one e-mail and kept a third road open." },
}

scene "q_worth" {
  set = { last_q = "worth" }, -- for the margin note back at the crossroads
  advice = "Know your leverage: what you are worth here and elsewhere, and who outside would "
        .. "hire you.",
  text = function(g)
    local bridge
    if g.kept_bridge then
      bridge = "Nobody but you can deploy the Bridge. That is leverage. It is also the best "
            .. "reason anyone has to keep you exactly where you are."
    elseif g.cross_trained then
      bridge = "Ruth and Marco can run the Bridge without you now. Nobody is trapped by that, "
            .. "least of all you."
    else
      bridge = "Marco has watched you fix the Bridge often enough to keep it limping along "
            .. "without you. That is a little leverage, and not much of a trap."
    end
    return paras([[
      On a legal pad you list what you have to bargain with.

      The team's numbers are the best in the department's history, and everyone knows whose
      team it is.
    ]], bridge, [[
      AS/400 people who can also talk to a UNIX box are hard to find in Milwaukee this year: it
      took Dana four months to fill your old seat. And in your e-mail, unanswered for three
      weeks, sits a message from Sam Whitaker, who sat beside you for five years before he left
      for Corvane:

      | We're building something you'd love. Coffee sometime?
    ]])
  end,
  lesson = "Leverage is what you are worth to the company in terms it recognises. Knowing it "
        .. "turns a request into a negotiation.",
  discuss = "How valuable are you to your employer, in terms they would recognise? How do you "
         .. "know?",
  choice { "Answer Sam and set up the coffee", id = "answer_sam", advice = "follows",
           effects = { relationships = 5, burnout = 3 }, set = { sam_contact = true },
           go = "crossroads",
           reply = "Three weeks late, a two-line answer will not do. It takes you an evening to "
                .. "write one that is not an apology.",
           lesson = "Staying in touch with an old colleague cost one coffee. It is how a second "
                 .. "door opens." },
  choice { "Decide that leverage is a cold way to think about people you like", id = "no_leverage",
           advice = "against", effects = { relationships = 3 }, go = "crossroads",
           lesson = "Refusing to count your leverage did not make it go away. It only meant you "
                 .. "would not use it." },
  choice { "Pull the salary survey and price yourself, as supervisor and as engineer",
           id = "price_yourself", advice = "follows", effects = { acumen = 8, satisfaction = -3 },
           set = { knows_worth = true },
           reply = "The survey is blunt. Back at an engineer's desk at Brandt & Voss you would "
                .. "earn what you earned last January: the raise would go with the title.",
           go = "crossroads",
           lesson = "Knowing your price in both jobs turned a feeling into numbers you could "
                 .. "put on a table." },
}

scene "rotation_pitch" {
  set = { last_q = "rotation" }, -- for the margin note back at the crossroads
  chapter = "December: The Side Door",
  advice = "A rotation is a way to change fit without leaving, if you ask for it openly.",
  text = [[
    Linda Kowalczyk's office has a bowl of clementines and a framed chart of every rotation anyone
    at Brandt & Voss has ever taken. There are four entries, all in Finance.

    "Two ways in," she says. "The January rotation: six months on the data warehouse team, full
    time, your job held for you. Dana signs, and someone acts in your place. Or the internal
    internship: we pay for the database certificate at MATC, and you spend eight hours a week
    on the warehouse team while you keep your own job."

    She peels a clementine. "The rotation means telling Dana you want out of supervising, at
    least for six months. The internship means you don't have to tell her anything yet."
  ]],
  lesson = "Rotations and internal internships exist so people can change fit without leaving. "
        .. "They only work if you use them openly.",
  discuss = "If your company offered a six-month rotation tomorrow, would you take it? What "
         .. "would you be afraid people would say?",
  choice { "Take the internship, and say nothing to Dana yet", id = "take_internship",
           effects = { technical = 3, burnout = 5 },
           set = { path = "internship", rotation_kind = "internship" }, go = "peak",
           lesson = "The internship let you learn without asking anyone's permission. It also "
                 .. "stacked a second job on top of the one you already could not stand." },
  choice { "Ask Dana to sign you up for the rotation", id = "ask_rotation", advice = "follows",
           go = "the_talk",
           lesson = "Asking for the rotation meant having the conversation with Dana. The side "
                 .. "door still went through her office." },
  choice { "Thank Linda and go back to your list", id = "back_to_list",
           effects = { relationships = -2 }, go = "crossroads",
           lesson = "Linda had cleared an hour for you. She did not clear another." },
}

scene "quit_now" {
  set = { last_q = "letter" }, -- for the margin note back at the crossroads
  advice = "Do not leave before the next thing is lined up.",
  text = [[
    11:50 p.m., at the computer in the spare room. The letter takes four minutes: two
    sentences and a date. You have no offer, no
    plan, and about three months of savings above the mortgage. You also have the cleanest
    feeling you have had since February.

    Noor reads it over your shoulder. "If you send that," she says, "what are you going to tell
    the next place about why you left?"
  ]],
  lesson = "Leaving before the next thing is lined up trades a bad job for a weak position.",
  discuss = "Have you ever wanted to quit on the spot? What stopped you, or what happened when "
         .. "nothing did?",
  choice { "Send it to Dana tonight, effective in two weeks", id = "send_it", advice = "against",
           effects = { burnout = -15, reputation = -10, relationships = -5 },
           set = { quit = true }, go = "after_quit",
           lesson = "Quitting ended the misery in one e-mail, and left you explaining a sudden "
                 .. "exit with nothing to show for it." },
  choice { "Save it as a draft and go back to the list in the morning", id = "sleep_on_it",
           advice = "follows", effects = { burnout = -3, satisfaction = -3 }, go = "crossroads",
           lesson = "Sleeping on it cost one night and kept every road open." },
}
