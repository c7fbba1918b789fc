"""Stated periods in the other member states' languages (QA19 F8, QA20 N9), for
``app.services.intake.stated_limit``: Danish, Swedish, Finnish, Czech, Slovak, Slovene,
Croatian, Greek, Romanian, Hungarian, Lithuanian, Latvian and Estonian authorities' letters
("inden 10 arbejdsdage", "inom 10 arbetsdagar", "10 työpäivän kuluessa", "do 10 pracovních
dnů", "v 8 delovnih dneh", "u roku od 10 radnih dana", "εντός 10 εργάσιμων ημερών", "în termen
de 10 zile lucrătoare", "10 munkanapon belül", "per 10 darbo dienų", "10 darba dienu laikā",
"10 tööpäeva jooksul"). The counting is ``app.services.regulator_deadline``'s (Reg. 1182/71 on
the authority's member state's calendar).

Each pattern has the groups ``n`` (digits or a number word of ``MORE_WORD_NUMBERS``) and
``unit``; ``stated_limit`` reads the unit with ``MORE_WORKING_WORDS`` (Monday to Friday without
the member state's holidays), ``MORE_WEEK_WORDS`` (7 days each) and ``MORE_MONTH_WORDS``, and a
plain day word ("dage", "dagar", "päivää", "dnů"/"dní", "dni", "dana", "ημέρες", "zile",
"nap", "dienų", "dienu", "päeva") as calendar days. A unit counts only after its own language's
word of time limit ("inden", "do", "v roku", "u roku od", "εντός", "în termen de", "per") or
before its postposition ("kuluessa", "belül", "laikā", "jooksul"), so that "for 14 dage siden"
(14 days ago) is no limit.
"""

import re

__all__ = [
    "MORE_MONTH_WORDS",
    "MORE_PATTERNS",
    "MORE_WEEK_WORDS",
    "MORE_WORD_NUMBERS",
    "MORE_WORKING_WORDS",
]

# The numbers such letters state, in the forms a period takes ("inden for fjorten dage", "do
# patnácti dnů", "kahden viikon kuluessa", "εντός δέκα ημερών", "în termen de zece zile").
_OTHER_WORDS = {
    # Danish, Swedish
    "en": 1, "et": 1, "ett": 1, "to": 2, "två": 2, "tre": 3, "fire": 4, "fyra": 4, "fem": 5,
    "seks": 6, "sex": 6, "syv": 7, "sju": 7, "otte": 8, "åtta": 8, "ti": 10, "tio": 10,
    "tolv": 12, "fjorten": 14, "fjorton": 14, "femten": 15, "femton": 15, "tyve": 20,
    "tjugo": 20, "tredive": 30, "trettio": 30,
    # Czech, Slovak, Slovene (nominative and genitive/locative: "do deseti dnů", "v osmih dneh")
    "jeden": 1, "dva": 2, "dvou": 2, "dve": 2, "tři": 3, "tří": 3, "tri": 3, "pět": 5,
    "pěti": 5, "pet": 5, "petih": 5, "sedm": 7, "sedmi": 7, "sedem": 7, "sedmih": 7, "osm": 8,
    "osmi": 8, "osem": 8, "osmih": 8, "deset": 10, "deseti": 10, "desetih": 10, "desať": 10,
    "patnáct": 15, "patnácti": 15, "petnajst": 15, "petnajstih": 15, "třicet": 30,
    "třiceti": 30, "trideset": 30, "tridesetih": 30,
    # Greek
    "μία": 1, "μια": 1, "ενός": 1, "δύο": 2, "τρεις": 3, "τριών": 3, "πέντε": 5, "επτά": 7,
    "οκτώ": 8, "δέκα": 10, "δεκαπέντε": 15, "είκοσι": 20, "τριάντα": 30,
    # Romanian (cedilla and comma-below spellings)
    "o": 1, "una": 1, "două": 2, "doi": 2, "trei": 3, "cinci": 5, "șapte": 7, "şapte": 7,
    "opt": 8, "zece": 10, "cincisprezece": 15, "douăzeci": 20, "treizeci": 30,
    # Lithuanian, after "per" (accusative and genitive: "per dešimt dienų", "per penkias darbo
    # dienas", "per vieną mėnesį")
    "vieną": 1, "dvi": 2, "dvejų": 2, "tris": 3, "trijų": 3, "penkias": 5, "penkių": 5,
    "septynias": 7, "septynių": 7, "dešimt": 10, "dešimties": 10, "keturiolika": 14,
    "penkiolika": 15, "trisdešimt": 30, "trisdešimties": 30,
}  # fmt: skip
# The Finnish and Hungarian numbers stand before the unit with no word of time limit before
# them: their patterns try only their own words (every word at every position was slow).
_FINNISH_WORDS = {
    # nominative and genitive: "14 päivää", "kahden viikon kuluessa"
    "yksi": 1, "yhden": 1, "kaksi": 2, "kahden": 2, "kolme": 3, "kolmen": 3, "neljä": 4,
    "neljän": 4, "viisi": 5, "viiden": 5, "seitsemän": 7, "kahdeksan": 8, "kymmenen": 10,
    "neljätoista": 14, "neljäntoista": 14, "viisitoista": 15, "viidentoista": 15,
    "kolmekymmentä": 30, "kolmenkymmenen": 30,
}  # fmt: skip
_HUNGARIAN_WORDS = {
    # "hét" is 7 as a number, a week as a unit
    "egy": 1, "két": 2, "kettő": 2, "három": 3, "öt": 5, "hét": 7, "nyolc": 8, "tíz": 10,
    "tizenöt": 15, "harminc": 30,
}  # fmt: skip
# Latvian and Estonian numbers stand before the unit and its postposition ("desmit darba dienu
# laikā", "kümne tööpäeva jooksul"), in the genitive.
_LATVIAN_WORDS = {
    "viena": 1, "divu": 2, "trīs": 3, "piecu": 5, "septiņu": 7, "desmit": 10,
    "četrpadsmit": 14, "piecpadsmit": 15, "trīsdesmit": 30,
}  # fmt: skip
_ESTONIAN_WORDS = {
    "ühe": 1, "kahe": 2, "kolme": 3, "viie": 5, "seitsme": 7, "kümne": 10,
    "neljateistkümne": 14, "viieteistkümne": 15, "kolmekümne": 30,
}  # fmt: skip
MORE_WORD_NUMBERS = (
    _OTHER_WORDS | _FINNISH_WORDS | _HUNGARIAN_WORDS | _LATVIAN_WORDS | _ESTONIAN_WORDS
)


MORE_WORKING_WORDS = (
    "arbejdsdag", "arbetsdag", "työpäiv", "pracovn", "delovn", "εργάσιμ", "lucrătoare",
    "lucratoare", "munkanap", "radnih", "darbo", "darba", "tööpäev",
)  # fmt: skip
MORE_WEEK_WORDS = (
    "uge",
    "veck",
    "viiko",
    "týd",
    "týž",
    "tedn",
    "teden",
    "εβδομ",
    "săptăm",
    "hét",
    "hete",
    "tjed",
    "savait",
    "nedēļ",
    "nädal",
)
MORE_MONTH_WORDS = (
    "måned",
    "månad",
    "kuukau",
    "měsí",
    "mesiac",
    "mesec",
    "μήν",
    "μην",
    "lun",
    "hónap",
    "mjesec",
    "mėnes",
    "mēneš",
    "mēnes",
    "kuu",
)


def _numbers(words: dict[str, int]) -> str:
    """Digits or one of ``words``, longest first."""
    return r"\d{1,3}|" + "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


_NUMBER = _numbers(_OTHER_WORDS)
_FINNISH_NUMBER = _numbers(_FINNISH_WORDS)
_HUNGARIAN_NUMBER = _numbers(_HUNGARIAN_WORDS)
_LATVIAN_NUMBER = _numbers(_LATVIAN_WORDS)
_ESTONIAN_NUMBER = _numbers(_ESTONIAN_WORDS)
# A number written out again in brackets ("δέκα (10) ημερών", "10 (deset) dnů").
_AGAIN = r"(?:\(\s*(?:\d{1,3}|[^\W\d_][^()\d]{0,40})\s*\)\s*)?"
# Each language's "within" words, then its units: a unit only after its own language's words
# (Polish "do 7 dni roboczych" must not be read as Slovene "7 dni", calendar days).
_LANGUAGES = (
    (  # Danish, Swedish: inden (for) 10 arbejdsdage / senest inden 14 dage / inom två veckor
        r"\binden(?:\s+for)?|\binom",
        r"arbejdsdag(?:e|en)?|dage|dag|uger?|måned(?:er)?|"
        r"arbetsdag(?:ar|en)?|dagar|veck(?:a|or)|månad(?:er)?",
    ),
    (  # Czech, Slovak: do 10 pracovních dnů / ve lhůtě 15 dnů / v lehote 8 pracovných dní
        r"\b(?:ve|v)\s+lh[ůu]t[ěe](?:\s+do)?|\bv\s+lehote(?:\s+do)?|\bdo",
        r"pracovních\s+dn(?:ů|í)|pracovných\s+dní|dnů|dní|týdnů|týdn[ey]|týždňov|"
        r"měsíc(?:ů|e)?|mesiac(?:ov|e)?",
    ),
    (  # Slovene: v roku 8 dni / v 10 delovnih dneh / v roku osmih delovnih dni
        r"\bv\s+roku(?:\s+do)?|\bv",
        r"delovnih\s+(?:dni|dneh)|dni|dneh|dan|tednov|tednih|teden|mesecev|mesecih",
    ),
    (  # Croatian: u roku od 8 dana / u roku od 10 radnih dana
        r"\bu\s+roku\s+od",
        r"radnih\s+dana|dana|tjedana|tjedna|mjeseci|mjesec",
    ),
    (  # Greek: εντός 10 εργάσιμων ημερών / εντός προθεσμίας δέκα (10) ημερών
        r"εντός(?:\s+(?:της\s+)?προθεσμίας)?|\bμέσα\s+σε",
        r"εργάσιμ\w*\s+ημ[εέ]ρ\w*|ημ[εέ]ρ\w*|εβδομάδ\w*|μ[ηή]ν\w*",
    ),
    (  # Romanian: în termen de 10 zile lucrătoare / în termen de 30 de zile / în 15 zile
        r"\b[îi]n\s+termen\s+de(?:\s+maximum|\s+cel\s+mult)?|\b[îi]n",
        r"zile(?:\s+lucr[ăa]toare)?|zi|săptămân[iă]|luni|lună",
    ),
    (  # Lithuanian: per 10 darbo dienų / ne vėliau kaip per 14 dienų / per vieną mėnesį
        r"\bper",
        r"darbo\s+dien(?:ų|as|ą)|kalendorinių\s+dien(?:ų|as)|dien(?:ų|as|ą)|savaičių|"
        r"savaites|savaitę|mėnesių|mėnesius|mėnesį",
    ),
)
MORE_PATTERNS = (
    *(
        re.compile(
            rf"(?:{within})\s+(?P<n>{_NUMBER})\s*{_AGAIN}(?:de\s+)?(?P<unit>{unit})(?!\w)", re.I
        )
        for within, unit in _LANGUAGES
    ),
    # Finnish: 10 työpäivän kuluessa / 14 päivän sisällä / kahden viikon kuluessa
    re.compile(
        rf"(?<!\w)(?P<n>{_FINNISH_NUMBER})\s*{_AGAIN}"
        r"(?P<unit>työpäivän|päivän|viikon|kuukauden)\s+(?:kuluessa|sisällä|aikana)\b",
        re.I,
    ),
    # Finnish: määräaika on 10 työpäivää / määräajaksi 14 päivää
    re.compile(
        rf"\bmääräa(?:ika|jaksi|jan)(?:\s+on)?\s+(?P<n>{_FINNISH_NUMBER})\s*{_AGAIN}"
        r"(?P<unit>työpäivää|päivää|viikkoa|kuukautta)(?!\w)",
        re.I,
    ),
    # Lithuanian: per mėnesį / per savaitę (a month, a week; no number)
    re.compile(r"\bper\s+(?P<n>)(?P<unit>mėnesį|savaitę)(?!\w)", re.I),
    # Latvian: 10 darba dienu laikā / desmit dienu laikā / divu nedēļu laikā / mēneša laikā
    re.compile(
        rf"(?<!\w)(?P<n>{_LATVIAN_NUMBER})\s*{_AGAIN}"
        r"(?P<unit>darba\s+dienu|kalendāra\s+dienu|dienu|nedēļu|nedēļas|mēnešu|mēneša)\s+laikā(?!\w)",
        re.I,
    ),
    # Latvian: 10 darba dienās / 30 kalendāra dienās (a bare "10 dienās" may be "in the last 10
    # days": not read)
    re.compile(
        rf"(?<!\w)(?P<n>{_LATVIAN_NUMBER})\s*{_AGAIN}(?P<unit>darba\s+dienās|kalendāra\s+dienās)(?!\w)",
        re.I,
    ),
    # Estonian: 10 tööpäeva jooksul / 14 kalendripäeva jooksul / kahe nädala jooksul
    re.compile(
        rf"(?<!\w)(?P<n>{_ESTONIAN_NUMBER})\s*{_AGAIN}"
        r"(?P<unit>tööpäeva|kalendripäeva|päeva|nädala|kuu)\s+(?:jooksul|sees)(?!\w)",
        re.I,
    ),
    # Hungarian: 10 munkanapon belül / 15 napon belül / két héten belül / 8 munkanap alatt
    re.compile(
        rf"(?<!\w)(?P<n>{_HUNGARIAN_NUMBER})\s*{_AGAIN}"
        r"(?P<unit>munkanap(?:on)?|nap(?:on)?|héten|hónapon)\s+(?:belül|alatt)\b",
        re.I,
    ),
)
