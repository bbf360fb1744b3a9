story { id = "syntax", title = "Syntax", summary = "A missing brace.", start = "a" }
scene "a" {
  text = "Hello",
  choice { "Go", go = "a"
}
