story { id = "unknown_target", title = "Unknown target", summary = "Goes nowhere.", start = "a" }
scene "a" {
  text = "Hello",
  choice { "Stay", go = "a" },
  choice { "Leave", go = "nowhere" },
}
