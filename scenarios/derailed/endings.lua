-- Derailed, the endings: two ways up, a plateau, a demotion, a firing and a flame-out.
-- Each ending names again, in the story's terms, what carried the player there.

-- The things that carried you, as short phrases, in the order they happened.
local function strengths(g)
  local t = {}
  if g.first_month ~= "systems" then t[#t + 1] = "you learned how Kessler earns its two cents before you learned its servers" end
  if g.visited_floor then t[#t + 1] = "you stood in a freezer in Dayton at one in the morning" end
  if g.budget == "business" then t[#t + 1] = "you let Martin teach you to build a budget" end
  if g.anil_trained then t[#t + 1] = "you handed the Courier to Anil" end
  if g.networked then t[#t + 1] = "you kept going to the Forum when you needed nothing from it" end
  if g.change == "embraced" then t[#t + 1] = "you backed Ben's new way of working when the old one was yours" end
  if g.tom == "kept" then t[#t + 1] = "you brought Tom through the change instead of round it" end
  if g.y2k == "tested" then t[#t + 1] = "you checked the Y2K work beside Anil instead of doing it or trusting it" end
  if g.rules then t[#t + 1] = "you set an off switch and kept it" end
  if g.teo == "visited" then t[#t + 1] = "you went to Teo's kitchen instead of sending him a ticket" end
  return t
end

-- The things that cost you, as short phrases.
local function costs(g)
  local t = {}
  if g.first_month == "systems" and not g.knows_industry then t[#t + 1] = "you learned the servers and never the customers" end
  if g.budget == "wishlist" then t[#t + 1] = "your budget was IT's shopping list" end
  if pigeonholed(g) then t[#t + 1] = "you stayed the only one who could fix the Courier" end
  if not g.networked then t[#t + 1] = "you met nobody outside the building until you needed them" end
  if g.change == "blocked" or g.change == "theatre" then t[#t + 1] = "you held on to the old plan while the business moved" end
  if g.process_wall then t[#t + 1] = "you answered people with process" end
  if g.always_on then t[#t + 1] = "you never switched off" end
  if g.y2k == "trusted" then t[#t + 1] = "you signed a Y2K letter on someone else's green report" end
  if out_of_touch(g) then t[#t + 1] = "you let go of the machinery until you could no longer judge it" end
  if g.burnout >= CIO_BURNOUT then t[#t + 1] = "you came to the decision with nothing left" end
  if g.tom == "moved" then t[#t + 1] = "you moved Tom aside and everyone watched how" end
  return t
end

-- "a, b and c", at most n items.
local function listed(t, n)
  local k = math.min(#t, n)
  if k == 0 then return nil end
  if k == 1 then return t[1] end
  local head = {}
  for i = 1, k - 1 do head[i] = t[i] end
  return table.concat(head, ", ") .. " and " .. t[k]
end

-- The cabin in the Hocking Hills again, told as the spring break went.
local function cabin(g)
  if g.vacation == "cancelled" then
    return "Noor has booked the Hocking Hills cabin again, and this time you will be in it."
  elseif g.vacation == "checked" then
    return "Noor has booked the Hocking Hills cabin again, and this time the laptop stays in "
        .. "Columbus."
  end
  return "Noor has booked the Hocking Hills cabin again for Labor Day. You will go, as you "
      .. "did in March."
end

-- What your last answer to Lena nearly cost, when it was not the business's answer.
local last_answer = {
  defer = "Martin tells you later that your last answer nearly lost it. Lena wrote *waits to "
       .. "be told* beside your name, and crossed it out only after Martin vouched for you.",
  tech = "Martin tells you later that your last answer nearly lost it. Lena asked Ellen "
      .. "whether you ever talk about anything but systems. Ellen said yes, and Lena took her "
      .. "word for it.",
}

ending "cio" {
  title = "A Seat at the Table",
  verdict = "good",
  text = function(g)
    local why = listed(strengths(g), 4)
    return paras([[
      Lena calls on Sunday, August 1, at eight in the morning. "It's yours," she says. "Chief
      information officer of the combined company. You report to Ellen, you sit on the executive
      committee, and I'd like you to keep Neil. He's good with the Ridgeline side, and he'll
      respect you for asking."
    ]], last_answer[g.answer], g.anil_trained and [[
      On Monday you hand Anil the last thing you still held: the release key for the Courier.
      He has run it since autumn. Now the org chart says so.
    ]] or nil, g.teo == "visited" and [[
      A case of wine arrives at the office with a card in Teo's handwriting: *For the IT
      person.*
    ]] or nil, g.wes_ally and [[
      At 4:50 on Tuesday morning Wes leaves a message on your office voicemail: the Dayton dock,
      empty, every truck gone on time.
    ]] or nil, g.rules and "You leave at six. " .. cabin(g) or [[
      You leave at nine, which is early for you. You mean to change that. You have meant to for
      a while.
    ]], (g.rules or g.anil_trained) and [[
      On New Year's Eve Anil has the pager. You watch the fireworks from the porch with Noor and
      Kayla, and at 12:04 he calls to say that nothing has happened anywhere.
    ]] or [[
      On New Year's Eve you are in the machine room, watching the AS/400's clock turn over.
      Nothing happens. You were there to see it, and Noor and Kayla were not there with you.
    ]], why and ("You got here because " .. why .. ". The title is new; the job, you have "
      .. "been doing for a year.") or nil)
  end,
  lesson = "The job went to someone who could talk about customers and margins, had handed "
        .. "on the machinery without losing the judgement to check it, and still had something "
        .. "left when the chance came. No single virtue did it; the balance did.",
}

ending "cio_elsewhere" {
  title = "The Call You Didn't Have to Make",
  verdict = "good",
  text = function(g)
    return paras([[
      You call Buckeye's CEO back that evening and say yes before she has finished asking.

      In September you walk into a low brick building in Westerville as its first chief
      information officer. Before you open a single console you spend a week on the loading
      docks and two days riding with the delivery vans that carry dressings and catheters to
      forty hospitals. The executive team notices. Nobody from IT has done that before.
    ]], g.anil_trained and [[
      Back at Kessler, Anil runs the Courier and Neil makes him a manager in October. He sends
      you one of his new business cards in the mail.
    ]] or [[
      Back at Kessler, the Courier breaks in your second week at Buckeye. They call you. You
      talk Anil through it from a car park, hands off the keyboard at last.
    ]], [[
      Gloria's Forum meets on the first Thursday. You go. This time someone new is sitting at
      the end of the table, looking nervous, and you make sure to sit beside them.
    ]])
  end,
  lesson = "The merger was out of your hands; the network was not. Because you built it before "
        .. "you needed it, losing one contest meant choosing between two jobs, and you chose "
        .. "the one with a seat at the table.",
}

-- Why a strong case still fell short, in a line, or nil.
function held_back_line(g)
  local why = case_for(g) >= CIO_CASE and what_held_you_back(g)
  if why == "out_of_touch" then
    return "Martin heard afterwards what decided it. Lena liked your plan; she did not trust "
        .. "your judgement of the machinery any more, and Neil could still read a listing."
  elseif why == "worn" then
    return "Lena told Martin afterwards that you looked like someone with nothing left for a "
        .. "bigger job. She was not wrong, and you spend August finding that out."
  elseif why == "alone" then
    return "Lena asked a dozen people at Kessler about you. Most of them had little to say, "
        .. "good or bad, and Neil's people had a great deal."
  end
  return nil
end

ending "plateau" {
  title = "Director, Indefinitely",
  verdict = "mixed",
  text = function(g)
    local cost = listed(costs(g), 3)
    return paras([[
      Neil Salter becomes chief information officer of the combined company. You stay as
      director of IT operations: the AS/400, the Courier, the help desk, the plumbing of the
      merger. Neil is good with the board. Before every meeting he asks you for the numbers,
      and after every meeting he tells you how they went.
    ]], g.outside_offer and [[
      You turned Buckeye down. Some evenings you look up who took the job instead.
    ]] or nil, held_back_line(g), [[
      Nobody calls it a failure. Your first review under Neil says *reliable*. By the new year you
      are a director still, and the recruiters who call you are offering director jobs.
    ]], cost and ("Looking back, " .. cost .. ". None of it looked like much at the "
      .. "time.") or nil)
  end,
  lesson = "A director who is nearly ready stays a director. The climb asks for balance: the "
        .. "business learned, the machinery handed on but still understood, people kept close, "
        .. "and something left in the tank when the chance finally comes.",
}

ending "demoted" {
  title = "Keeper of the Courier",
  verdict = "bad",
  text = function(g)
    return paras([[
      Lena's decision arrives in a calendar invitation titled *Org update*. Neil Salter will be
      chief information officer. You will be principal systems architect, reporting to his
      deputy from Ridgeline, a twenty-nine-year-old who asks, in your first meeting, what the
      Courier is.
    ]], [[
      Your salary is protected for a year. Your team is not yours any more. The machinery is:
      ]] .. (g.anil_trained
        and "the AS/400, the Y2K weekend and every fault that is not the Courier's. Anil keeps "
         .. "the Courier and its pager, and reports to the same deputy as you."
        or "the Courier, the AS/400 and the pager that goes with them.") .. [[ Lena's note to
      the board calls you "critical to operational continuity", which is a way of saying you
      cannot be spared from the machine room.
    ]], g.anil_trained and (g.answer == "tech" and [[
      You handed the Courier on, then answered Lena's question about restaurants with servers.
      A buyer remembers the last answer.
    ]] or [[
      You handed the Courier on, and people still told Lena you were the one to call when
      anything else broke.
    ]]) or [[
      Anil leaves for a job in Cincinnati in October. He asked to learn the Courier three times.
    ]], g.outside_offer and [[
      Buckeye Health Supply gives its CIO's job to someone else. Gloria tells you it was close,
      which is kind of her.
    ]] or nil, [[
      You are very good at the work, and on some nights you even enjoy it. You are also doing
      the job you did before Kessler ever hired you, with a longer title and a shorter future.
    ]])
  end,
  lesson = "What others told Lena about you, and what you told her yourself, added up to a "
        .. "technician. Routine technical work has to be handed on, to people you train or "
        .. "hire, and the talk at the table has to be of the business, before anyone sees you "
        .. "as more.",
}

ending "let_go" {
  title = "Position Eliminated",
  verdict = "bad",
  text = function(g)
    local cost = listed(costs(g), 3)
    return paras([[
      The meeting is on Thursday, August 5, in a room at the Groveport office you have never
      been in. Someone from Larchmont's HR firm, a folder, a box of tissues nobody touches.
      The combined company has one head of technology, Neil Salter, and no place for a second
      director. Sixteen weeks of severance. Your badge works until Friday.
    ]], g.outside_offer and [[
      Buckeye Health Supply had already given its CIO's job to someone else. Gloria told you it
      was close, which was kind of her.
    ]] or nil, cost and ("No single mistake did it. Looking back, " .. cost .. ". Each seemed "
      .. "small at the time.") or nil, (g.networked or g.late_networker) and [[
      On Saturday morning Gloria calls before you have told anyone. "Coffee on Monday," she says.
      "Bring a list of what you want next. Not a résumé, a list."
    ]] or [[
      On Saturday you go through your Rolodex, card by card, and count the ones who would
      return your call within a week. You do not need both hands.
    ]])
  end,
  lesson = "The derailers rarely announce themselves. Each looks harmless at the time it is "
        .. "chosen; together they leave a new owner nothing worth keeping.",
}

ending "flameout" {
  title = "Off the Rails",
  verdict = "bad",
  text = function(g)
    local when, after
    if g:visited("merger_news") > 0 then
      when = "in the middle of the merger"
      after = [[
        Larchmont does not wait. By the time you are allowed to read email again, Neil Salter
        is chief information officer of the combined company, and the role you come back to is
        smaller than the one you left.
      ]]
    elseif g:visited("pilot_launch") > 0 then
      when = "a few weeks after the pilot went live"
      after = [[
        Ben runs the pilot without you and it goes well. When you come back, Martin has moved
        the new projects to Ben's side and left you the machine room.
      ]]
    elseif g:visited("shadow_it") > 0 then
      when = "in your first winter at Kessler"
      after = [[
        While you are away Ben and Forkful launch the pilot without you, and it goes well. When
        you come back, Martin has moved the new projects to Ben's side and left you the machine
        room.
      ]]
    elseif g:visited("new_coo") > 0 then
      when = "in your first winter at Kessler"
      after = [[
        While you are away Ben hands the pilot to an agency in Cincinnati, and it goes well.
        When you come back, Martin has moved the new projects to Ben's side and left you the
        machine room.
      ]]
    elseif g:visited("outage") > 0 then
      when = "in your first autumn at Kessler"
      after = [[
        Martin brings in an interim director for the winter. When you come back, the interim
        director is still there, and the question of who reports to whom is answered gently.
      ]]
    else
      when = "before your first summer at Kessler"
      after = [[
        Martin is kind about it and clear: Kessler needs a director now. When you are well, he
        says, there might be something in infrastructure.
      ]]
    end
    return paras(
      "It happens on an ordinary Wednesday, " .. when .. ". You stand up from your desk and the "
      .. "room tilts. Yvonne finds you sitting on the floor of the corridor under Tom's project "
      .. "plan, unable to say what day it is. The doctor at Riverside calls it exhaustion, and "
      .. "signs you off for eight weeks.",
      after, g.anil_trained and [[
        Anil keeps the Courier running the whole time. Nothing breaks. That is the hardest part
        to hear.
      ]] or [[
        The Courier breaks twice while you are away. Nobody else knows it, so the trucks wait.
      ]])
  end,
  lesson = "Energy spent to impress runs out, and it runs out all at once. Off times set early "
        .. "and honoured, and work that others can carry, are what keep a leader in the job for "
        .. "the long run.",
}
