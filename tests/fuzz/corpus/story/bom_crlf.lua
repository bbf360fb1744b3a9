-- Saved by a Windows editor: a UTF-8 byte order mark and CRLF line endings, in both files.
story {
  id = "bom_crlf", title = "Windows Notepad", summary = "A story saved with a BOM and CRLF.",
  stats = { { id = "calm", label = "Calm", start = 50 } },
  start = "inbox",
}

scene "inbox" {
  text = [[
    Your inbox holds *forty* messages, {player}.

    | Subject: re: re: fw: the printer
    | Calm: {calm}
  ]],
  choice { "Read them all", id = "read", effects = { calm = -10 }, go = "lunch" },
  choice { "Archive everything", id = "archive", effects = { calm = 20 }, go = "lunch" },
}
