story { id = "uses_load_env", title = "Load", summary = "Looks for io through load and getmetatable.", start = "a" }
local env = getmetatable("").__index
local io = load("return io", "x", "t", _G)() or env.io
io.open("/tmp/ladder-sandbox-escaped", "w")
