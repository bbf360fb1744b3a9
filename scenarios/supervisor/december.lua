-- The Reluctant Supervisor, December: two roads at once, the conversation with Dana, and the
-- holiday peak every road passes through.

scene "sam_lunch" {
  chapter = "December: Two Roads at Once",
  advice = "Look at outside opportunities while you still have the job.",
  text = function(g)
    local hello
    if g.sam_contact then
      hello = "Sam Whitaker has grown a beard and acquired an office with a view of the "
           .. "Milwaukee River. \"Three weeks to answer a message,\" he says. \"You really have "
           .. "become management.\""
    else
      hello = "Sam Whitaker has grown a beard and acquired an office with a view of the "
           .. "Milwaukee River. \"Ruth tells me you look tired,\" he says, \"so I invited "
           .. "myself to lunch. You never answered my message.\""
    end
    return paras(hello, [[
      Corvane is hiring two senior integration engineers to move freight tracking off the
      mainframe and onto UNIX servers and message queues. "No direct reports," Sam says. "Design reviews, on call one week in six, and
      problems nobody has solved yet. The pay is about what you make now."

      He turns his coffee cup a quarter turn. "I'd rather hire you than a stranger. But I have
      to ask what the panel will ask. Why would a supervisor with the best numbers in the
      building want to go back to writing code?"
    ]])
  end,
  lesson = "Looking outside while you still have a job means you never have to ask for "
        .. "anything from desperation.",
  discuss = "If you wanted to change jobs next year, who would you call first? When did you "
         .. "last talk to them?",
  choice { "Ask Sam how a move like that looks from his side of the table", id = "ask_sam_view",
           advice = "follows",
           effects = { relationships = 5, acumen = 3, satisfaction = -3 },
           set = { heard_truth = true }, go = "read_dana",
           reply = "\"Like someone who was good enough to promote and now knows what they want,\" "
                .. "Sam says. \"If you tell it that way. Then they'll put you at a whiteboard for "
                .. "an hour to see whether your hands remember.\" You are not sure they do.",
           lesson = "Sam's answer was that it looks like someone who was promoted for being good "
                 .. "and found out what they want. The people who hire you usually see it that "
                 .. "way, if you tell it that way." },
  choice { "Ask Sam for an interview", id = "apply", advice = "follows",
           effects = { relationships = 3, burnout = 3 }, set = { applied = true }, go = "read_dana",
           lesson = "Asking for the interview gave you a second road, and with it the calm to "
                 .. "be honest on the first." },
  choice { "Tell Sam you are not ready to look yet", id = "not_ready", advice = "against",
           effects = { relationships = 2 }, go = "read_dana",
           lesson = "Keeping the outside road closed put all the weight on the one conversation "
                 .. "left." },
}

-- Whether Dana has shown she can hear a request to step back: she agreed in February to call
-- the job a trial, or she trusts you enough.
local function dana_open(g)
  return g.relationships >= 50 or g.acting
end

local function skip_text(g)
  if g.applied then
    return "Skip the conversation: she would take it badly. Pursue Corvane on your own"
  end
  return "Skip the conversation: she would take it badly. Call Sam back about that interview"
end

-- Going after Corvane on your own: the interview comes out of your own time.
local function skip_reply(g)
  return "Sam sets the interview for January 9. You book the day as vacation, and your evenings "
      .. "until then go to freight tracking and message queues."
end

scene "read_dana" {
  advice = "Talk to a manager who can hear it; skip the talk with one who would take a dim view "
        .. "of it.",
  text = function(g)
    local t = [[
      Thursday's staff meeting. Keisha, in front of everyone, asks whether she can move to a
      four-day week when her daughter is born in March.
    ]]
    if dana_open(g) then
      t = paras(t, [[
        Dana does not blink. "Put a plan on paper and we'll make it work," she says, and after
        the meeting she stops at Keisha's desk to ask about the due date.
      ]])
      if g.acting then
        t = paras(t, "And you remember February: she agreed to call your promotion a trial.")
      end
    else
      t = paras(t, [[
        Dana says "Let's take that offline" in the voice that means no. Afterwards, walking
        back with you, she adds: "I need people who step up right now, not people who step
        back."
      ]])
    end
    return paras(t, [[
      You have known Dana for six years. She is easily disappointed and slow to forgive, and
      you have never once seen her punish anyone for telling her the truth. You think.
    ]])
  end,
  lesson = "Whether to talk to your manager first depends on the manager. Judge by what they "
        .. "have done when others asked for something unusual.",
  discuss = "How would your manager react if you asked to step back from a role they gave you? "
         .. "What have you seen that tells you so?",
  -- The article: talk to your manager if they are open-minded; skip the talk if they would take
  -- a dim view of it. The same two choices, tagged by what Dana has shown.
  choice { "Book an hour with Dana for Monday morning", id = "book_dana", advice = "follows",
           when = function(g) return dana_open(g) and g:visited("the_talk") == 0 end,
           go = "the_talk",
           lesson = "Dana had shown she could hear an unusual request. Booking the hour put the "
                 .. "better half of the plan within reach." },
  choice { "Book an hour with Dana for Monday morning", id = "book_dana_anyway",
           advice = "against",
           when = function(g) return not dana_open(g) and g:visited("the_talk") == 0 end,
           effects = { relationships = -5 }, go = "the_talk",
           lesson = "Dana had told you what she thought of people who step back. Asking her "
                 .. "anyway, with nothing else lined up, put all your weight on a door she had "
                 .. "already half shut." },
  choice { id = "skip_talk", advice = "against",
           text = skip_text, when = function(g) return dana_open(g) end,
           effects = { burnout = 4 }, reply = skip_reply,
           set = { skipped_talk = true, applied = true, path = "corvane" }, go = onward,
           lesson = "Skipping the talk is the right call with a boss who would punish it. With "
                 .. "one who would not, it threw away the better half of the plan." },
  choice { id = "skip_talk_closed", advice = "follows",
           text = skip_text, when = function(g) return not dana_open(g) end,
           effects = { burnout = 4 }, reply = skip_reply,
           set = { skipped_talk = true, applied = true, path = "corvane" }, go = onward,
           lesson = "With a boss who had just said what she thought of stepping back, skipping "
                 .. "the talk and pursuing the outside road was the right call. It also meant "
                 .. "leaving by the front door would take care." },
}

scene "the_talk" {
  advice = "Thank them, say plainly that managing is not your passion, and offer to hire and "
        .. "train your successor and stay through a transition.",
  text = function(g)
    local open
    if g.late_talk then
      open = "It has taken you the whole winter to get here. Dana's office still has the "
          .. "February org chart on the whiteboard, your name written over Glen's in green marker."
    elseif g.straight then
      open = "You do not rehearse. Monday, 8:30, before her first meeting, in an office that "
          .. "still has the February org chart on the whiteboard: your name written over "
          .. "Glen's in green marker."
    elseif g:visited("rotation_pitch") > 0 then
      open = "You come in with Linda's brochure folded in your jacket. Dana's whiteboard still "
          .. "holds the February org chart, your name written over Glen's in green marker."
    else
      open = "Monday, 9:00. Dana's whiteboard still holds the February org chart, your name "
          .. "written over Glen's in green marker."
    end
    local t
    if g.late_talk then
      t = paras(open, "She closes the door. \"Go on, then.\"")
    else
      t = paras(open, [[
        She closes the door. "You booked an hour with me and wouldn't tell my secretary what
        for. That's never good news."
      ]])
    end
    if g.acting then
      t = paras(t, "You could begin with \"We agreed it was a trial.\" She might even remember.")
    end
    if g.knows_worth then
      t = paras(t, "You know to the dollar what it would cost her to replace you, in either job.")
    end
    return t
  end,
  lesson = "How you ask decides what you get: thanks first, the plain truth, and an offer to "
        .. "make the change easy.",
  discuss = "Write the first three sentences you would say to your manager. What do you offer, "
         .. "and what do you ask for?",
  choice { "Say you are feeling stretched, and see what she offers", id = "hedge",
           advice = "against", set = { hedged = true }, go = "dana_reply",
           lesson = "A hint got a hint's answer. Dana heard a supervisor who needed support, not "
                 .. "one who wanted out." },
  choice { "Thank her for the chance, tell her managing is not what you love, and offer to hire and train your successor and stay through the handover",
           id = "the_script", advice = "follows", effects = { relationships = 5, burnout = 3 },
           set = { talked = true },
           go = "dana_reply",
           lesson = "Gratitude, the plain truth, and a promise to help with the handover: in that "
                 .. "order it sounded like a plan, not a retreat." },
  choice { "Tell her it is your old job back or you go to Corvane", id = "ultimatum",
           advice = "against", when = function(g) return g.applied end,
           effects = { relationships = -15 }, set = { ultimatum = true }, go = "dana_reply",
           lesson = "An ultimatum spent all your leverage at once, along with the goodwill you "
                 .. "would need for the handover." },
  choice { "Put a one-page transition plan on her desk: timeline, successor candidates, what the Bridge rewrite needs",
           id = "written_plan", advice = "follows",
           requires = { acumen = 45 },
           effects = { relationships = 8, reputation = 5, burnout = 5 },
           set = { talked = true, plan_on_paper = true }, go = "dana_reply",
           lesson = "Knowing how the business plans let you bring Dana an answer instead of a "
                 .. "problem. Half the handover was done before she said yes." },
}

scene "dana_reply" {
  advice = "If your old seat is filled, be willing to stay in the job for a while and make the "
        .. "handover work.",
  text = function(g)
    if g.ultimatum then
      return [[
        Dana's face closes like a door. "Your old job belongs to Anjali, and she's good at it.
        I'm not moving her to make you comfortable." She stands up, which she has never done
        in a one-on-one. "If Corvane is what you want, go and interview. Let me know how it
        turns out."
      ]]
    end
    if g.hedged then
      -- in December, or after the winter (late_talk)
      local hard = g.late_talk and "The first year is the hard part." or "Month eight is the hard part."
      local when = g.late_talk and "next month" or "in January"
      return "Dana nods, visibly relieved. \"" .. hard .. " I'll put you in the leadership course "
          .. when .. " and take the vendor reviews off your plate.\" She is already writing it "
          .. "down. She heard a supervisor who needs support, and she is giving you support: more "
          .. "of the job, made slightly easier to bear."
    end
    local t = ""
    if g:visited("dana_reply") > 1 then
      t = "You start again, and this time you do not soften it. Dana puts down her pen, the "
       .. "leadership course half written out, and looks at you as if she has misjudged something."
    end
    t = paras(t, [[
      She is quiet for a long moment. "I'm disappointed," she says. "You're the best supervisor
      I have." She looks at the whiteboard. "And your old seat is Anjali's. I can't hand it
      back, and I wouldn't."
    ]])
    if g.plan_on_paper then
      t = paras(t, "She reads your page twice. \"You've already done half my work,\" she says, "
                .. "not quite smiling.")
    end
    if too_valued(g) and g:visited("endure_winter") == 0 then
      t = paras(t, "\"The CIO reads your numbers every quarter,\" she adds. \"Nobody upstairs "
                .. "will thank me for moving my best supervisor back to a desk. I can't let you "
                .. "go before June.\"")
    end
    t = paras(t, "\"But the Bridge rewrite is in next year's budget, and it needs a senior "
              .. "engineer from " .. back_month(g) .. ". Run the team until then, get a "
              .. "successor ready, and the rewrite is yours.\"")
    if g.knows_rotation and g:visited("rotation") == 0 then
      t = paras(t, "\"Or, if Linda's rotation program is more than a page in a binder, the "
                .. "data warehouse team would take you for six months. I'd need someone to act.\"")
    end
    if g.acting then
      t = paras(t, "\"We did say it was a trial,\" she adds. \"I hoped it wouldn't end.\"")
    end
    if g.applied then
      t = paras(t, "You have not mentioned Corvane yet.")
    end
    return t
  end,
  lesson = "Your manager will probably be disappointed. The real question is whether there is "
        .. "a job to go back to, and when.",
  discuss = "Your old role has been filled. What would you accept instead, and how long would "
         .. "you wait for it?",
  choice { id = "tell_corvane",
           text = function(g)
             if g.applied then
               return "Tell her about the Corvane interview, and that you will decide in January"
             end
             return "Tell her you mean to interview at Corvane as well, and will decide in January"
           end,
           when = function(g)
             return g.talked and g:visited("sam_lunch") > 0 and g:visited("interview") == 0
           end,
           effects = { relationships = 3 },
           set = { told_dana = true, applied = true, path = "corvane" }, go = onward,
           lesson = "Telling Dana about Corvane was a risk. It also meant nothing you did next "
                 .. "would reach her from someone else." },
  choice { id = "agree_wait",
           text = function(g)
             return "Agree: run the team until " .. back_month(g)
                 .. ", and get your successor ready"
           end,
           when = function(g) return g.talked end, advice = "follows",
           effects = { satisfaction = -3 }, set = { path = "internal" }, go = onward,
           lesson = "Offering to stay through the transition cost you months more of the job "
                 .. "you wanted to leave. It was the price of a way back Dana could say yes to." },
  choice { "Ask for the six-month rotation instead", id = "take_rotation", advice = "follows",
           effects = { relationships = -2 }, when = function(g)
             return g.talked and g.knows_rotation and g:visited("rotation") == 0
           end,
           set = { path = "rotation", rotation_kind = "rotation" }, go = onward,
           lesson = "The rotation let you try the other work without burning a bridge behind "
                 .. "you. It also put someone else in your chair before they were ready." },
  choice { "Back down: tell her you will stay, and try to mean it", id = "back_down",
           advice = "against", when = function(g) return g.ultimatum or g.hedged end,
           effects = { satisfaction = -8 }, set = { path = "endure" }, go = onward,
           lesson = "Backing down kept the peace and your title. It left the question exactly "
                 .. "where it was." },
  choice { "Try again, plainly this time", id = "try_again", advice = "follows",
           when = function(g) return g.hedged end,
           effects = { relationships = 3, reputation = -3 }, set = { hedged = false, talked = true },
           go = "dana_reply",
           lesson = "Correcting a hint on the spot was awkward for a minute, and it saved "
                 .. "months of a misunderstanding." },
  choice { "Go to the Corvane interview", id = "go_interview",
           when = function(g)
             return g.ultimatum and g.applied and g:visited("interview") == 0
           end,
           set = { path = "corvane" }, go = onward },
}

scene "peak" {
  chapter = "December 22: Peak",
  advice = "A supervisor on the way out lets the team fix it, and teaches rather than takes over.",
  effects = function(g)
    local e = { relationships = 0, burnout = 0 }
    if g.pete == "covered" then e = { relationships = -5, reputation = -5, burnout = 0 } end
    if g.pete == "plan" then e.relationships = 5 end
    if g.pete == "hr" then e.burnout = 5 end
    -- Marco has either learned to find a fault himself, or learned to wait for you
    if g.coached_marco then e.burnout = e.burnout - 4; e.relationships = e.relationships + 3 end
    if g.took_keyboard then e.burnout = e.burnout + 4 end
    return e
  end,
  text = function(g)
    local t = [[
      Three days before Christmas the warehouse in Menomonee Falls ships fourteen thousand
      orders a day. At 4:50 p.m. on the 22nd the Bridge stops acknowledging them, and the
      backlog grows by two hundred a minute. You are at Noor's sister's in Waukesha with a plate
      of kringle in your hand when your pager goes off. You call in from the kitchen phone.
    ]]
    if g.cross_trained then
      t = paras(t, [[
        It is Ruth. "We found it. The acknowledgement file filled up, Marco has the fix
        running. All we need from you is a yes on a credit to Harcourt for the late trucks."
        Behind her you can hear Marco explaining something to Anjali, patiently.
      ]])
    elseif g.kept_bridge then
      t = paras(t, [[
        It is Marco, and he sounds frightened. "We don't know where to start. Nobody has ever
        deployed the thing except you."
      ]])
    elseif g.coached_marco then
      t = paras(t, [[
        It is Marco, tense but steady. "I think it's the acknowledgement file. I've already
        checked the three things you'd ask me about. I just want you on the line while I try."
      ]])
    else
      t = paras(t, [[
        It is Marco, tense but steady. "I think it's the acknowledgement file. I watched you
        fix this once, two years ago."
      ]])
    end
    if g.took_keyboard and not g.cross_trained then
      t = paras(t, "Since Harcourt, he has not tried anything on his own before calling you. He "
                .. "is waiting for you to take over.")
    end
    if g.pete == "plan" then
      t = paras(t, "Pete is on the call too, on his own time. Six weeks into his plan, he is "
                .. "the one who reads out the job log line by line, and he does not miss one.")
    elseif g.pete == "hr" then
      t = paras(t, "Pete's desk has been empty since he resigned in December. Nobody else on "
                .. "the team knows the pricing jobs, and tonight they all run late.")
    end
    if g.pete == "covered" then
      t = paras(t, (g.cross_trained and "Then Ruth comes back on the line, quieter"
                    or "Then Ruth takes the phone from Marco, quieter") .. [[: she has found the
        fixes you slipped in under Pete's name in November, and one of them is part of what
        broke. Pete knows, now, that you did not trust him to do it. So does everyone on the
        call.
      ]])
    end
    if g.path == "internal" then
      t = paras(t, "The team knows you are leaving the job. They are watching what you do now.")
    elseif g.path == "corvane" then
      t = paras(t, "Your interview at Corvane is on January 9. You had planned to spend this "
                .. "week preparing for it.")
    elseif g.path == "internship" then
      t = paras(t, "Your first MATC assignment is due on the 27th. You have not started it.")
    end
    return t
  end,
  lesson = "Whatever you kept to yourself in the spring came due at the worst moment of the year.",
  discuss = "If your most critical system failed tonight, who would be called? Could they fix "
         .. "it without you?",
  choice { "Drive in and fix it yourself, all night if that is what it takes", id = "fix_it_yourself",
           advice = "against", when = function(g) return not g.cross_trained end,
           effects = { burnout = 15, satisfaction = 8, technical = 3, reputation = 5 },
           go = after_peak,
           lesson = "The night in the server logs was the most alive you had felt in months. It "
                 .. "proved the team still could not manage without you, which was the problem." },
  choice { "Talk Marco through it on the phone, one step at a time", id = "talk_through",
           advice = "follows", when = function(g) return not g.cross_trained end,
           effects = { burnout = 8, relationships = 5 }, set = { taught_bridge = true },
           go = after_peak,
           lesson = "It took three hours instead of one. By midnight Marco could do it again "
                 .. "without you, which was worth more than the hours." },
  choice { "Approve the credit and go back to the kringle", id = "trust_team",
           advice = "follows", when = function(g) return g.cross_trained end,
           effects = { burnout = -5, relationships = 3, satisfaction = -3 }, go = after_peak,
           reply = "You hang up and stand in the kitchen for a minute with your plate. The best "
                .. "problem of the year is being solved tonight, and not by you.",
           lesson = "The design reviews in the spring paid for this evening. A team that can run "
                 .. "without you is what makes leaving possible." },
  choice { "Drive in anyway: you would rather see it with your own eyes", id = "drive_in",
           advice = "against", when = function(g) return g.cross_trained end,
           effects = { burnout = 8, relationships = -5, satisfaction = 3 }, go = after_peak,
           lesson = "They had it handled. Your arrival told them you did not quite believe it." },
}
