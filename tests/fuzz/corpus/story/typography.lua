-- Typography fixture for the window's rendering tests: long words, long paragraphs, UTF-8.
story {
  id = "typography", title = "Typography", summary = "Text that is hard to lay out.",
  stats = { { id = "burnout", start = 35, label = "Burnout", good = "low" },
            { id = "relationships", start = 50, label = "Relationships" },
            { id = "acumen", start = 40, label = "Business acumen" } },
  start = "page",
}

scene "page" {
  chapter = "Chapter one: “Curly quotes” — and dashes",
  text = [[
    Renée’s café on Dauphin Street serves crème brûlée at 7 a.m. “You’re early,” she says — and
    pours a café au lait without asking. The reconciliation spreadsheet is called
    Q3_FINAL_final_v7_reconciliation_accounts_payable_receivable_intercompany_eliminations.xlsx,
    and nobody knows who owns it. Ångström, naïve, façade, Zoë, São Paulo, Kraków, Øresund.

    A second paragraph that goes on for a while so that it has to wrap over many lines at every
    window size: the migration plan names forty-one servers, nine of them in a closet in Daphne
    that nobody has opened since the last hurricane season, three owned by a vendor that no
    longer exists, and one that prints the payroll cheques every other Thursday at 4:15 in the
    morning. Every one of them needs a name, an owner, a backup and a date. *Emphasis* and
    **strong words** sit in the middle of the sentence without breaking its rhythm.

    https://intranet.example.com/projects/migration/2004/phase-two/servers/inventory?sort=owner&filter=unknown
  ]],
  choice { id = "long", "Ask the whole room — Renée, the auditors from Kraków and the night shift — what they need first, then write it down in the plan before anyone leaves", effects = { relationships = 10 }, go = "end" },
  choice { id = "word", "Supercalifragilisticexpialidociousantidisestablishmentarianismfloccinaucinihilipilification", effects = { burnout = 5 }, go = "end" },
  choice { id = "short", "Leave", effects = { acumen = -5 }, go = "end" },
}

ending "end" { title = "Set in type", verdict = "good", text = "Every line stayed inside the page." }
