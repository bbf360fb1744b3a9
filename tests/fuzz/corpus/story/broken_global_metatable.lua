-- A metatable on the global table: every missing name loops, every new global loops, and the
-- metatable itself is hidden. The engine must not trip over it, and the callbacks that do are
-- stopped by the budget.
setmetatable(_G, {
  __index = function(t, k) while true do end end,
  __newindex = function(t, k, v) while true do end end,
  __metatable = "locked",
})
story { id = "global_metatable", title = "Globals", summary = "A trap on _G.", start = "a" }
scene "a" {
  text = function(g) return "Hello " .. tostring(not_declared) end,
  choice { "Go", id = "go", go = "a" },
}
