-- walk.lua STORY.lua RUNS: the floor for the explore benchmark. Loads a generated story with
-- story/scene/choice/ending defined as plain table builders, then plays RUNS random
-- playthroughs with bare tables and closures: clamped effects, conditions, the forced ending.
-- Prints "runs decisions seconds".
local path, runs = arg[1], tonumber(arg[2] or "10000")
local scenes, meta = {}, nil
function story(t) meta = t end
function choice(t) return t end
function scene(id) return function(t) t.id = id; scenes[id] = t end end
function ending(id) return function(t) t.id = id; t.ending = true; scenes[id] = t end end
dofile(path)
local ids = {}
for _, s in ipairs(meta.stats) do ids[#ids + 1] = s.id end
local limit = meta.when_stat.stress.at_least
local t0 = os.clock()
local decisions = 0
for r = 1, runs do
  math.randomseed(r)
  local g = {}
  for _, s in ipairs(meta.stats) do g[s.id] = s.start end
  local sc = scenes[meta.start]
  while not sc.ending do
    local avail, n = {}, 0
    for _, c in ipairs(sc) do
      if not c.when or c.when(g) then n = n + 1; avail[n] = c end
    end
    local c = avail[math.random(n)]
    local before = g.stress
    for k, d in pairs(c.effects) do
      local v = g[k] + d
      g[k] = v < 0 and 0 or v > 100 and 100 or v
    end
    decisions = decisions + 1
    if g.stress >= limit and before < limit then sc = scenes[meta.when_stat.stress.go]
    else sc = scenes[c.go] end
  end
end
print(runs, decisions, os.clock() - t0)
