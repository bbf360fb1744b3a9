-- The Outage, part two: the night, Saturday's cutoff, Monday and the three endings.
-- Runs after story.lua in the same sandbox, so clock() from story.lua is available here.

scene "deep_night" {
  chapter = "After midnight",
  -- Arrival effects as a function: the first arrival lands after midnight however early you
  -- started (g:visited counts this arrival); each later one costs three more hours. Dolores,
  -- waiting for the answer she was told to expect, loses some faith (hidden) the first time.
  effects = function(g)
    local first = g:visited("deep_night") == 1
    local left = g.hours_left - 3
    if first then left = math.min(left, 4) end
    return { burnout = 10, hours_left = left - g.hours_left,
             faith = (first and g.told_dolores) and -10 or 0 }
  end,
  text = function(g)
    local t
    if g:visited("deep_night") > 1 then
      t = "Step 3 of 5 again. The same deadlock on the same table, and three more hours gone."
    elseif g.plan == "patch" then
      t = "Marcus's patch ran for twenty minutes, then deadlocked from the other side. Two hours "
       .. "of rescuing it went nowhere, and he is asleep at the desk by the printer."
    elseif g.plan == "keyboard" then
      t = "Priya stayed until 23:15 in case you asked for her. You didn't. She said goodnight to "
       .. "Marcus, not to you."
    elseif g.plan == "vendor" then
      t = "Norrland never called back. At 00:30 an email arrives:\n"
       .. "| NS-88213 has been assigned. Next update: Monday 09:00 CT."
    else
      t = "The trace runs in circles. Every time you kill the import, the calculation finds "
       .. "another half-loaded row."
    end
    t = t .. "\n\nIt is " .. clock(g) .. ". Hours left before the bank cutoff: {hours_left}."
    if g.burnout >= 80 then
      t = t .. " You read the same line of the trace four times and still cannot say what it does."
    end
    if g.told_dolores and g:visited("deep_night") == 1 then
      t = t .. "\n\n| Dolores, 02:00: still up. where are we?"
    end
    return t
  end,
  lesson = "After midnight, effort stops turning into progress. Stopping, or handing over, takes "
        .. "more nerve than another attempt.",
  advice = "When tired effort stops turning into progress, stop and hand the incident over.",
  discuss = "What is your rule for when to stop and hand an incident to someone rested?",
  choice { "One more run at the fix", id = "one_more",
           effects = { burnout = 5 },
           go = function(g)
             -- a six-sided die, one better with the half-working patch to build on
             local roll = g:roll(1, 6)
             if g.plan == "patch" then roll = roll + 1 end
             return roll >= 4 and "cutoff" or g.scene  -- g.scene: stay here
           end,
           advice = "against",
           lesson = "One more try is how a night alone becomes a weekend in bed." },
  choice { "Call Priya, even at this hour", id = "wake_priya",
           -- her safe fix needs the time: shown locked, with this reason, below three hours
           requires = { hours_left = 3 },
           show_locked = "Her safe fix needs three hours; {hours_left} left",
           advice = "follows",
           effects = function(g)
             return { trust = g.plan == "keyboard" and -5 or 5, burnout = -5, hours_left = -2 }
           end,
           set = { delegated = true, plan = "priya" }, go = "cutoff",
           lesson = "Calling for help in the small hours is late, but it is not too late." },
  choice { "Admit it is lost: go home, and tell Dolores in the morning", id = "walk_away",
           when = function(g) return g.hours_left < 3 and not g.told_dolores end,
           effects = { hours_left = "=0" }, -- an absolute set: the clock runs out
           go = "off_the_rails" },
  choice { "Send last period's file, as Dolores said, and stop", id = "fallback_now",
           when = function(g) return g.told_dolores end,
           effects = { burnout = -5, hours_left = -1 },
           set = { plan = "fallback" }, go = "cutoff",
           lesson = "Because you had talked to the business, you had a way out that no amount "
                 .. "of technical skill would have found." },
  -- once = true: offered until taken once in this playthrough (the loop above can come back
  -- here, without it)
  choice { "Have Marcus rerun his import by hand while you watch the lock", id = "marcus_rerun",
           once = true,
           when = function(g) return g.plan == "patch" or g.plan == "keyboard" end,
           effects = { trust = 5 },
           reply = function(g)
             return "Marcus types slowly, reading each command aloud. Trust {trust}."
           end,
           go = function(g) return g:roll(1, 6) >= 3 and "cutoff" or g.scene end },
}

scene "cutoff" {
  chapter = "Saturday, before dawn",
  -- However the fix was made, the file is ready at about 04:00 (or later, on a long night).
  effects = function(g) return { hours_left = math.min(0, 2 - g.hours_left) } end,
  -- Arrival set as a function: who gets the credit in the job log. A patch or a vendor call
  -- that ended in a long night became your own fix.
  set = function(g)
    local rescued = g:visited("deep_night") > 0
    if g.plan == "fallback" then
      return { fixer = "Dolores Greer's fallback" }
    elseif g.delegated then
      return { fixer = "Priya Nair" }
    elseif g.plan == "patch" and not rescued then
      return { fixer = "Marcus Bell" }
    elseif g.plan == "vendor" and not rescued then
      return { fixer = "Hank Ostrowski, Norrland" }
    end
    return { fixer = g.player, plan = "solo" }
  end,
  text = function(g)
    local t
    if g.plan == "fallback" then
      t = "Last period's file is rebuilt and balanced: 412 records. It is the right money for "
       .. "368 people and last period's hours for the other 44."
    else
      if g.delegated and g:visited("deep_night") > 0 then
        t = "Priya came back in at half past two and ran the slow, safe fix"
         .. (g.trust < 40 and ", barely speaking to you." or ", with two coffees and no questions.")
      elseif g.delegated then
        t = "Priya loaded the 44 hourly rows by hand, reading each against the dock timesheets "
         .. "while Marcus checked them back."
      elseif g.plan == "patch" then
        t = "Marcus's patch went through on the second run. He has not stopped grinning."
      elseif g.plan == "vendor" then
        t = "Hank Ostrowski from Norrland called back at 23:10 from his kitchen in Minneapolis "
         .. "and knew the fault at once: \"Third customer this month with that import.\""
      else
        t = "On the last attempt you load the hourly rows by hand and the calculation runs to "
         .. "the end."
      end
      t = t .. "\n\n| PAYCALC job 4472 COMPLETED: 412 records, 0 errors\n"
            .. "| change note: fix applied by {fixer}"
      if g.plan == "patch" then
        t = t .. "\n\nThe patch skipped 17 locked rows. \"Duplicates, I think,\" says Marcus. He "
              .. "does not sound sure."
      end
    end
    return t .. "\n\nIt is " .. clock(g) .. ". First Gulf takes files until 06:00, and the "
              .. "direct-deposit file is waiting in the outbound folder."
  end,
  lesson = "Checking a file before it moves money is part of the fix, not a delay to it; who "
        .. "checks matters as much as whether anyone does.",
  discuss = "Who should sign off a fix that moves people's pay: the engineer, the manager, or "
         .. "the business?",
  choice { "Send the file now and go home", id = "send_now",
           -- Set as a function: a tired hand or an untested patch can slip an error through.
           set = function(g)
             local risk = 0
             if g.plan == "patch" then risk = risk + 0.5 end
             if g.burnout >= 70 then risk = risk + 0.3 end
             return { pay_errors = g:chance(risk) }
           end,
           go = "monday" },
  choice { "Wake Dolores to spot-check twenty pay slips first", id = "spot_check",
           when = function(g) return g.told_dolores end,
           effects = { standing = 5, hours_left = -1, faith = 10 },
           set = { checked = true }, go = "monday",
           lesson = "Dolores said to call whatever the hour. The person who owns the outcome "
                 .. "checked in minutes what would have taken you hours." },
  choice { "Check all 412 records yourself before it goes", id = "check_all",
           effects = function(g)
             return { burnout = g.plan == "patch" and 20 or 15, hours_left = -1 }
           end,
           set = { checked = true }, go = "monday" },
}

scene "monday" {
  chapter = "Monday morning",
  -- a weekend of sleep; and Dolores judges the night by what reached her (hidden)
  effects = function(g)
    return { burnout = -15,
             faith = (g.pay_errors and -20 or 0) + (g.told_dolores and 0 or -10) }
  end,
  text = function(g)
    local t = "Ray Okafor, the CFO, has booked the glass room on the fourth floor for 09:10. "
           .. "Dolores's Monday-morning email is printed out in front of him."
    -- a hidden stat read by a text: the player sees its effect, never its number
    if g.faith >= 65 then
      t = t .. " Its last line: \"IT called payroll first. I'd like that to be the rule.\""
    elseif g.faith < 45 then
      t = t .. " Its last line asks him who in IT she should call next time."
    end
    t = t .. "\n\n"
    if g.plan == "fallback" then
      t = t .. "Everyone was paid. The 44 hourly dock workers got last period's hours, so last "
            .. "week's overtime is missing, about $140 each, until Dolores's checks clear on "
            .. "Wednesday."
      if g:visited("huddle") == 0 then
        t = t .. " Nobody has looked at why PAYCALC failed, and the import that broke it runs "
              .. "again on Friday."
      end
    elseif g.pay_errors then
      t = t .. "Seventeen dock workers were paid short. Dolores's phone has rung since 06:45, "
            .. "and Darnell from the night dock has been to her office twice."
    else
      t = t .. "All 412 people were paid, to the cent."
      if g.checked then
        t = t .. " The file was checked before it went, and Dolores's email says so."
      end
    end
    if g.delegated then
      t = t .. "\n\nPriya's incident write-up was in your inbox at 08:00. It names the import, "
            .. "the fix, and Marcus as the one who will make the import safe."
    end
    return t .. "\n\nRay puts the printout down. \"Tell me what happened, and why it will not "
              .. "happen again on the fifteenth.\""
  end,
  lesson = "After an incident, the business wants to know what it means for them and what will "
        .. "change. The technical story is the least of it.",
  discuss = "What would you say to Ray in two minutes? What would you leave out?",
  advice = "Report to the business in its own terms: what it cost them, and what will change.",
  choice { "Walk him through the deadlock, the import job and the lock timeout", id = "tech_report",
           effects = { standing = -5 }, go = "paid_at_price", advice = "against",
           lesson = "Every word of it was accurate, and none of it answered his question. A "
                 .. "technician at the table has nothing to say to it." },
  choice { id = "business_plan",
           text = function(g)
             if g.delegated then
               return "Give him the plan: a fallback payroll owns and tests, and Priya's fix, "
                   .. "with her name on it"
             end
             return "Give him the plan: a fallback payroll owns and tests, and a fix before "
                 .. "the fifteenth"
           end,
           when = function(g) return g.told_dolores or g.delegated end,
           effects = { standing = 10 }, advice = "follows",
           go = function(g)
             if not g.pay_errors and g.trust >= 55 and g.burnout < 50 then
               return "seat_at_table"
             end
             return "paid_at_price"
           end },
  choice { "Ask for a week in Dolores's office before quarter-end, to learn how payroll runs",
           id = "week_in_payroll",
           -- Ray has to agree, and Dolores has to want you there (a hidden stat in a condition)
           when = function(g) return g.standing >= 60 and g.faith >= 60 end,
           effects = { standing = 5 },
           go = function(g)
             return (not g.pay_errors and g.burnout < 50) and "seat_at_table" or "paid_at_price"
           end,
           lesson = "A week inside the business, learning its work as a new hire would, teaches "
                 .. "what no incident report can." },
  choice { "Forward him the incident ticket and get back to your queue", id = "forward_ticket",
           effects = { standing = -10, faith = -10 }, set = { sent_ticket = true },
           advice = "against",
           go = function(g) return g.pay_errors and "off_the_rails" or "paid_at_price" end,
           lesson = "A ticket number is not an answer. Hiding behind process, on the morning "
                 .. "people were paid short, is how a short tenure begins." },
}

ending "seat_at_table" {
  title = "A Seat at the Table",
  verdict = "good",
  text = function(g)
    local t = "Ray asks you to bring Dolores and Priya to the finance planning meeting on "
           .. "Thursday. Payroll's fallback becomes a one-page procedure with Dolores's name "
           .. "on it, and Marcus's import gets a test run every Thursday."
    if g:visited("solo") == 0 and g:visited("deep_night") == 0 then
      t = t .. "\n\nYou saw the last ten minutes of Maya's recital on Friday. She noticed."
    end
    return t .. "\n\nIn March, when Gulfline looks for someone to lead its systems project "
              .. "with the bank, Ray gives them your name."
  end,
  lesson = "You delegated the fix, talked to the people it hurt, and came to the table with a "
        .. "business answer. That is the job the title describes.",
}

ending "paid_at_price" {
  title = "Paid, at a Price",
  verdict = "mixed",
  text = function(g)
    local t = "Ray nods and thanks you, and the meeting ends four minutes early."
    if g.sent_ticket then
      t = "Ray reads the ticket number, says \"I see,\" and closes his laptop."
    end
    if g.pay_errors then
      t = t .. " The short payments are corrected on Wednesday, and the dock crews remember "
            .. "who to blame."
    end
    if g.plan == "fallback" and g:visited("huddle") == 0 then
      t = t .. " On Friday the import runs again. Priya finds it this time, and asks why she "
            .. "is hearing about it a week late."
    end
    if g.faith < 45 then
      t = t .. " From then on, when PayTrack so much as hiccups, Dolores calls Ray first."
    end
    if g.burnout >= 50 then
      t = t .. "\n\nYou spend Sunday asleep and Monday evening asleep too. Jo has stopped asking "
            .. "about weekends."
    end
    return t .. "\n\nNobody calls it a failure. In the next reorganization, nobody calls your "
              .. "name either: you are the person who keeps payroll running, and nothing more."
  end,
  lesson = "Payday was saved, but not by a way of working anyone could build on. Keeping the "
        .. "lights on earns thanks, not a seat at the table.",
}

ending "off_the_rails" {
  title = "Off the Rails",
  verdict = "bad",
  text = function(g)
    local t
    if g.burnout >= 100 then
      t = "At " .. clock(g) .. " Luis, the night guard, finds you on the floor by the coffee "
       .. "machine. The paramedics call it exhaustion. "
      if g.hours_left > 0 then
        if g:visited("cutoff") > 0 then
          t = t .. "Priya finds the finished file on your screen and sends it to the bank at "
                .. "05:41."
        elseif g.hours_left >= 3 then
          t = t .. "Priya drives in, runs the fix from your desk, and the file reaches the bank "
                .. "at 05:41."
        else
          t = t .. "There is no time left for a fix. Priya wakes Dolores, and at 05:52 they send "
                .. "last period's file: the hourly crews will be short, but everyone is paid."
        end
        return t .. "\n\nYou are off for three weeks. Gulfline manages without you, and it "
                 .. "manages well."
      end
    end
    if g.hours_left <= 0 then
      return (t and t .. "\n\n" or "") .. [[
        06:00 passes with the file still in the outbound folder. On Monday 412 people are not
        paid. Gulfline wires money by hand for two days and pays the bank's fees for the
        privilege. By Wednesday the HR director has booked a meeting about "the IT function".
      ]]
    end
    return [[
      Ray reads the ticket number aloud, slowly. By Wednesday the seventeen short payments are
      an HR matter, and Dolores has told three department heads that IT "sent a number instead
      of a person". In April an interim head of IT starts, reporting to Ray. You report to them.
    ]]
  end,
  lesson = "No off switch, no one trusted with the work, a ticket number where a person should "
        .. "be: each can derail a career alone, and one long night can hold all three.",
}
