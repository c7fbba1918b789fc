"""Number words of continental regulators' letters, for ``app.services.intake.stated_limit``.

German, French, Spanish, Italian and Dutch (qa15 R2), Portuguese and Polish (qa17 F5): the
numbers up to the periods such letters state ("zwei Wochen", "quince días", "quinze dias",
"czternastu dni"), with the compounds from 21 to 99 most of them write as one phrase. Keys are
lower case with one space where the words may have a space or a hyphen.
"""

__all__ = ["EU_WORD_NUMBERS"]

# Number words of the continental regulators' letters (German, French, Spanish, Italian, Dutch)
# up to the periods they state ("zwei Wochen", "deux semaines", "quince días", "quindici
# giorni", "twee weken"); a word shared by two languages means the same number in both.
EU_WORD_NUMBERS = {
    "ein": 1, "eine": 1, "einem": 1, "eines": 1, "einer": 1, "un": 1, "une": 1, "uno": 1,
    "una": 1, "een": 1, "één": 1,
    "zwei": 2, "deux": 2, "dos": 2, "due": 2, "twee": 2,
    "drei": 3, "trois": 3, "tres": 3, "tre": 3, "drie": 3,
    "vier": 4, "quatre": 4, "cuatro": 4, "quattro": 4,
    "fünf": 5, "cinq": 5, "cinco": 5, "cinque": 5, "vijf": 5,
    "sechs": 6, "six": 6, "seis": 6, "sei": 6, "zes": 6,
    "sieben": 7, "sept": 7, "siete": 7, "sette": 7, "zeven": 7,
    "acht": 8, "huit": 8, "ocho": 8, "otto": 8,
    "zehn": 10, "dix": 10, "diez": 10, "dieci": 10, "tien": 10,
    "zwölf": 12, "douze": 12, "doce": 12, "dodici": 12, "twaalf": 12,
    "vierzehn": 14, "quatorze": 14, "catorce": 14, "quattordici": 14, "veertien": 14,
    "fünfzehn": 15, "quinze": 15, "quince": 15, "quindici": 15, "vijftien": 15,
    "zwanzig": 20, "vingt": 20, "veinte": 20, "venti": 20, "twintig": 20,
    "dreißig": 30, "dreissig": 30, "trente": 30, "treinta": 30, "trenta": 30, "dertig": 30,
}  # fmt: skip


def _compound_numbers() -> dict[str, int]:
    """The compound number words from 21 to 99 (qa15 R2): "einundzwanzig", "vingt et un",
    "vingt-deux", "veintiún", "treinta y uno", "ventuno", "ventotto", "eenentwintig",
    "tweeëntwintig". Keys have one space where the word may have a space or a hyphen."""
    units = {
        "de": ("ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"),
        "fr": ("un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"),
        "es": ("uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"),
        "it": ("uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove"),
        "nl": ("een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"),
    }
    numbers: dict[str, int] = {}
    tens_words: tuple[tuple[int, str, str | None, str, str, str], ...] = (
        (20, "zwanzig", "vingt", "veinte", "venti", "twintig"),
        (30, "dreißig", "trente", "treinta", "trenta", "dertig"),
        (40, "vierzig", "quarante", "cuarenta", "quaranta", "veertig"),
        (50, "fünfzig", "cinquante", "cincuenta", "cinquanta", "vijftig"),
        (60, "sechzig", "soixante", "sesenta", "sessanta", "zestig"),
        (90, "neunzig", None, "noventa", "novanta", "negentig"),  # 91: "quatre-vingt-onze"
    )
    for tens, de, fr, es, it, nl in tens_words:
        for value, words in enumerate(zip(*units.values(), strict=True), start=1):
            w_de, w_fr, w_es, w_it, w_nl = words
            n = tens + value
            numbers[f"{w_de}und{de}"] = numbers[f"{w_de}und{de.replace('ß', 'ss')}"] = n
            if fr is not None:
                numbers[f"{fr} et un" if value == 1 else f"{fr} {w_fr}"] = n
            numbers[f"{es} y {w_es}"] = n
            numbers[f"{it[:-1] if w_it[0] in 'uo' else it}{w_it}"] = n  # ventuno, ventotto
            numbers[f"{w_nl}{'ën' if w_nl[-1] == 'e' else 'en'}{nl}"] = n  # tweeëntwintig
        numbers[f"{es} y un"] = numbers[f"{es} y una"] = tens + 1
        numbers[f"{it}tré"] = tens + 3  # ventitré
    for word, value in (("uno", 1), ("ún", 1), ("un", 1), ("una", 1), ("dós", 2), ("dos", 2),
                        ("trés", 3), ("tres", 3), ("cuatro", 4), ("cinco", 5), ("séis", 6),
                        ("seis", 6), ("siete", 7), ("ocho", 8), ("nueve", 9)):  # fmt: skip
        numbers[f"veinti{word}"] = 20 + value
    return numbers


# Portuguese (European and Brazilian): "no prazo de quinze dias", "vinte e um dias".
_PT_UNITS = (
    ("um", "uma"),
    ("dois", "duas"),
    ("três", "tres"),
    ("quatro",),
    ("cinco",),
    ("seis",),
    ("sete",),
    ("oito",),
    ("nove",),
)
_PT_WORDS = {
    "um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3, "quatro": 4, "sete": 7, "oito": 8,
    "dez": 10, "doze": 12, "catorze": 14, "quatorze": 14, "quinze": 15, "vinte": 20,
    "trinta": 30, "sessenta": 60, "noventa": 90,
}  # fmt: skip
_PT_TENS = {"vinte": 20, "trinta": 30, "quarenta": 40, "cinquenta": 50, "sessenta": 60,
            "noventa": 90}  # fmt: skip
# Polish: the nominative ("czternaście dni") and the genitive a period takes after "w terminie"
# and "w ciągu" ("w terminie czternastu dni", "w ciągu dwóch tygodni").
_PL_UNITS = (
    ("jeden", "jednego", "jedna", "jednej"),
    ("dwa", "dwie", "dwóch", "dwu"),
    ("trzy", "trzech"),
    ("cztery", "czterech"),
    ("pięć", "pięciu"),
    ("sześć", "sześciu"),
    ("siedem", "siedmiu"),
    ("osiem", "ośmiu"),
    ("dziewięć", "dziewięciu"),
)
_PL_WORDS = {
    "dziesięć": 10, "dziesięciu": 10, "jedenaście": 11, "jedenastu": 11, "dwanaście": 12,
    "dwunastu": 12, "czternaście": 14, "czternastu": 14, "piętnaście": 15, "piętnastu": 15,
    "dwadzieścia": 20, "dwudziestu": 20, "trzydzieści": 30, "trzydziestu": 30,
    "sześćdziesiąt": 60, "sześćdziesięciu": 60, "dziewięćdziesiąt": 90,
    "dziewięćdziesięciu": 90,
}  # fmt: skip
# The tens a compound starts with, nominative and genitive: "trzydzieści jeden", "trzydziestu
# jeden dni" ("jeden" is not declined in a compound). Any tens form with any units form is read.
_PL_TENS = (
    (20, "dwadzieścia", "dwudziestu"), (30, "trzydzieści", "trzydziestu"),
    (40, "czterdzieści", "czterdziestu"), (50, "pięćdziesiąt", "pięćdziesięciu"),
    (60, "sześćdziesiąt", "sześćdziesięciu"), (90, "dziewięćdziesiąt", "dziewięćdziesięciu"),
)  # fmt: skip


def _portuguese_and_polish_numbers() -> dict[str, int]:
    """Portuguese and Polish number words, with their compounds from 21 to 99 ("vinte e um",
    "trinta e cinco", "dwadzieścia jeden", "trzydziestu jeden")."""
    numbers = _PT_WORDS | _PL_WORDS
    for value, words in enumerate(_PT_UNITS, start=1):
        for word in words:
            numbers[word] = value
            for tens_word, tens in _PT_TENS.items():
                numbers[f"{tens_word} e {word}"] = tens + value
    for value, words in enumerate(_PL_UNITS, start=1):
        for word in words:
            numbers[word] = value
            for tens, *tens_words in _PL_TENS:
                for tens_word in tens_words:
                    numbers[f"{tens_word} {word}"] = tens + value
    return numbers


EU_WORD_NUMBERS |= _compound_numbers() | _portuguese_and_polish_numbers()
