"""Regulators' letters whose period is counted on a calendar the event does not name, or on
none: the shared set-up of the case header's and the case file's tests of how a regulator's
period is worded (tests/ui/test_stated_deadline_calendar_words, tests/reports/
test_case_file_member_state). Imported with ``regulator_letters_eu.import_letter``; each due
date is worked out by hand beside it."""

# Brazil (a rule set without regions: its own calendar, holidays:BR): received Thu 12 Nov 2026
# 10:00 in Brasília; 10 dias úteis: Fri 13 (1), Mon 16-Thu 19 (2-5), Fri 20 Nov Dia Nacional
# de Zumbi e da Consciência Negra (off: Lei 14.759/2023), Mon 23-Fri 27 (6-10): Fri 27 Nov 2026.
ANPD = {
    "name": "anpd",
    "sender": "ouvidoria@anpd.gov.br",
    "subject": "Ofício - requisição de informações",
    "date": "Thu, 12 Nov 2026 13:00:00 +0000",
    "body": "Prezados,\nA Autoridade Nacional de Proteção de Dados recebeu petição de um"
    " titular. Solicitamos manifestação no prazo de 10 dias úteis.\nAtenciosamente,\nANPD",
}
# France, 20 CALENDAR days: received Thu 22 Oct 2026; 22 Oct + 20 days = Wed 11 Nov, Armistice
# (a French public holiday), so the end rolls to Thu 12 Nov 2026 (Reg. 1182/71 art. 3(4)). The
# count itself is of calendar days: no holiday calendar counted them.
CNIL_20_DAYS = {
    "name": "cnil20",
    "sender": "CNIL <plaintes@cnil.fr>",
    "subject": "Plainte",
    "date": "Thu, 22 Oct 2026 10:00:00 +0000",
    "body": "La CNIL a été saisie d'une plainte. Nous vous prions de nous faire parvenir vos"
    " observations dans un délai de 20 jours.",
}
# Bavaria, 10 Werktage (Monday to Saturday less Bavaria's public holidays: BayLDA counts on its
# Land's calendar): received Mon 28 Dec 2026 (10:00 Munich); Tue 29 (1), Wed 30 (2), Thu 31 (3),
# [Fri 1 Jan Neujahr], Sat 2 (4), [Sun 3], Mon 4 (5), Tue 5 (6), [Wed 6 Epiphany, a Bavarian
# holiday], Thu 7 (7), Fri 8 (8), Sat 9 (9), [Sun 10], Mon 11 Jan 2027 (10).
BAYLDA_WERKTAGE = {
    "name": "baylda10",
    "sender": "BayLDA <poststelle@lda.bayern.de>",
    "subject": "Beschwerde",
    "date": "Mon, 28 Dec 2026 09:00:00 +0000",
    "body": "Wir bitten Sie, innerhalb von 10 Werktagen Stellung zu nehmen.",
}
