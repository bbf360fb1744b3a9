story { id = "error_tostring_explodes", title = "Error", summary = "Error values that explode when shown.", start = "a" }
-- a __tostring that builds a gigabyte, one that raises such an error itself, one that returns a table
local bomb = { __tostring = function() return string.rep("boom", 1 << 28) end }
local nested = { __tostring = function() error(setmetatable({}, bomb)) end }
local notstring = { __tostring = function() return {} end }
local caught = { pcall(error, setmetatable({}, bomb)) }   -- caught: harmless
scene "a" {
  text = function(g) error(setmetatable({}, nested)) end,
  choice { "Go", id = "go", go = "a", when = function(g) error(setmetatable({}, notstring)) end },
}
