story { id = "error_tostring_loop", title = "Error", summary = "An error whose __tostring never returns.", start = "a" }
scene "a" {
  text = "Hello",
  choice { "Go", id = "go", go = "a", when = function(g)
    error(setmetatable({}, { __tostring = function() while true do end end }))
  end },
}
