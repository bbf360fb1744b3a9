-- Replaces the methods of every string: the engine's own handling of texts must not call them,
-- and the script that does is stopped by the budget.
local mt = getmetatable("")
mt.__index = function(s, k) while true do end end
mt.__concat = function(a, b) while true do end end
story { id = "string_metatable", title = "Strings", summary = "A trap on strings.", start = "a" }
scene "a" {
  text = "Hello {player}.",
  choice { "Shout", id = "shout", go = "a", effects = function(g) return { [("x"):upper()] = 1 } end },
}
