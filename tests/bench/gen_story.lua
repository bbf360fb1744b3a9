-- gen_story.lua N SEED: print a synthetic Ladder story of N scenes for the explore benchmark.
-- 5 stats; 2-4 choices a scene, some behind conditions on stats; effects on 1-3 stats; every
-- choice goes forward, so each playthrough ends within N decisions; 10 endings; and a forced
-- ending when stress reaches 100. The first choice of a scene never has a condition.
local n = tonumber(arg[1] or "200")
local seed = tonumber(arg[2] or "1")
local state = seed
local function rnd(a, b) -- a small LCG, so the story is the same on every machine
  state = (state * 1103515245 + 12345) % 2147483648
  return a + state % (b - a + 1)
end
local stats = { "stress", "trust", "money", "skill", "standing" }
local out = {}
local function emit(s) out[#out + 1] = s end
emit('story { id = "synthetic", title = "Synthetic", summary = "A generated benchmark story.",')
emit('  start = "s1", stats = {')
for _, s in ipairs(stats) do emit(string.format('    { id = "%s", start = 50 },', s)) end
emit('  }, when_stat = { stress = { at_least = 100, go = "e1" } } }')
for i = 1, n do
  emit(string.format('scene "s%d" { text = "Scene %d, stress {stress}.",', i, i))
  local k = rnd(2, 4)
  for c = 1, k do
    local target
    if i >= n - 3 or rnd(1, 10) == 1 then target = "e" .. rnd(1, 10)
    else target = "s" .. math.min(n, i + rnd(1, 6)) end
    local effects = {}
    for _ = 1, rnd(1, 3) do
      effects[#effects + 1] = string.format("%s = %d", stats[rnd(1, 5)], rnd(-12, 15))
    end
    local when = ""
    if c > 1 and rnd(1, 2) == 1 then
      when = string.format(" when = function(g) return g.%s %s %d end,", stats[rnd(1, 5)],
                           rnd(1, 2) == 1 and ">=" or "<", rnd(30, 70))
    end
    emit(string.format('  choice { "Choice %d", id = "c%d",%s effects = { %s }, go = "%s" },',
                       c, c, when, table.concat(effects, ", "), target))
  end
  emit('}')
end
for e = 1, 10 do
  emit(string.format('ending "e%d" { title = "Ending %d", verdict = "%s", text = "The end." }',
                     e, e, ({ "good", "mixed", "bad" })[e % 3 + 1]))
end
print(table.concat(out, "\n"))
