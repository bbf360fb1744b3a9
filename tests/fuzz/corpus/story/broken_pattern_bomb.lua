story { id = "pattern_bomb", title = "Pattern", summary = "Backtracking without end.", start = "a" }
local s = string.rep("a", 200000)
local ok = pcall(string.find, s, ".-.-.-b")
local found = s:find(".-.-.-b")
