"""The names, in Chinese and English, of the places whose ``holidays:XX`` calendars the shipped
rule sets use ("PL": 波兰, Poland), and how such a calendar reads ("Poland — official
holidays", 波兰 — 法定节假日).

One table for the window (``app.ui.calendar_names`` shows the UI language's name) and the case
file (``app.reports.case_file_labels``), so both name a member state alike. Plain Python: the
reports layer does not use Qt. A region not listed has no name here; callers show its code.
"""

# code: (Chinese, English); the Chinese names are those the UI's catalogue gave them.
REGION_NAMES: dict[str, tuple[str, str]] = {
    "AU": ("澳大利亚", "Australia"),
    "BR": ("巴西", "Brazil"),
    "CA": ("加拿大", "Canada"),
    "CH": ("瑞士", "Switzerland"),
    "CH-BE": ("瑞士伯尔尼州", "Bern, Switzerland"),
    "CH-BS": ("瑞士巴塞尔城市州", "Basel-Stadt, Switzerland"),
    "CH-GE": ("瑞士日内瓦州", "Geneva, Switzerland"),
    "CH-TI": ("瑞士提契诺州", "Ticino, Switzerland"),
    "CH-VD": ("瑞士沃州", "Vaud, Switzerland"),
    "CH-ZH": ("瑞士苏黎世州", "Zurich, Switzerland"),
    "CN": ("中国大陆", "Mainland China"),
    "GB-ENG": ("英格兰", "England"),
    "HK": ("香港", "Hong Kong"),
    "IE": ("爱尔兰", "Ireland"),
    "IN": ("印度", "India"),
    "JP": ("日本", "Japan"),
    "KR": ("韩国", "South Korea"),
    "SG": ("新加坡", "Singapore"),
    "TH": ("泰国", "Thailand"),
    "TW": ("中国台湾", "Taiwan, China"),
    "US-CA": ("美国加利福尼亚州", "California, United States"),
    # EU and EEA member states: the EU rule set's regions (resources/rules/eu.toml), the
    # calendars a regulator's stated period is counted on (app.services.regulator_deadline).
    "AT": ("奥地利", "Austria"),
    "BE": ("比利时", "Belgium"),
    "BG": ("保加利亚", "Bulgaria"),
    "CY": ("塞浦路斯", "Cyprus"),
    "CZ": ("捷克", "Czechia"),
    "DE": ("德国", "Germany"),
    "DK": ("丹麦", "Denmark"),
    "EE": ("爱沙尼亚", "Estonia"),
    "ES": ("西班牙", "Spain"),
    "FI": ("芬兰", "Finland"),
    "FR": ("法国", "France"),
    "GR": ("希腊", "Greece"),
    "HR": ("克罗地亚", "Croatia"),
    "HU": ("匈牙利", "Hungary"),
    "IS": ("冰岛", "Iceland"),
    "IT": ("意大利", "Italy"),
    "LI": ("列支敦士登", "Liechtenstein"),
    "LT": ("立陶宛", "Lithuania"),
    "LU": ("卢森堡", "Luxembourg"),
    "LV": ("拉脱维亚", "Latvia"),
    "MT": ("马耳他", "Malta"),
    "NL": ("荷兰", "Netherlands"),
    "NO": ("挪威", "Norway"),
    "PL": ("波兰", "Poland"),
    "PT": ("葡萄牙", "Portugal"),
    "RO": ("罗马尼亚", "Romania"),
    "SE": ("瑞典", "Sweden"),
    "SI": ("斯洛文尼亚", "Slovenia"),
    "SK": ("斯洛伐克", "Slovakia"),
    # German Länder whose authorities are listed (resources/triage/regulators.toml
    # ``subdivision``): their letters count on the Land's holidays (qa19 F3).
    "DE-BW": ("德国巴登-符腾堡州", "Baden-Württemberg, Germany"),
    "DE-BY": ("德国巴伐利亚州", "Bavaria, Germany"),
    "DE-BE": ("德国柏林州", "Berlin, Germany"),
    "DE-HE": ("德国黑森州", "Hesse, Germany"),
    "DE-HH": ("德国汉堡州", "Hamburg, Germany"),
    "DE-NI": ("德国下萨克森州", "Lower Saxony, Germany"),
    "DE-NW": ("德国北莱茵-威斯特法伦州", "North Rhine-Westphalia, Germany"),
    "DE-SH": ("德国石勒苏益格-荷尔斯泰因州", "Schleswig-Holstein, Germany"),
    "DE-SN": ("德国萨克森州", "Saxony, Germany"),
    "DE-BB": ("德国勃兰登堡州", "Brandenburg, Germany"),
    "DE-RP": ("德国莱茵兰-普法尔茨州", "Rhineland-Palatinate, Germany"),
    "DE-SL": ("德国萨尔州", "Saarland, Germany"),
    "DE-TH": ("德国图林根州", "Thuringia, Germany"),
    "DE-ST": ("德国萨克森-安哈尔特州", "Saxony-Anhalt, Germany"),
    "DE-MV": ("德国梅克伦堡-前波美拉尼亚州", "Mecklenburg-Western Pomerania, Germany"),
    "DE-HB": ("德国不来梅州", "Bremen, Germany"),
}

_HOLIDAYS = {"zh": "{place} — 法定节假日", "en": "{place} — official holidays"}


def region_name(code: str, language: str) -> str | None:
    """Return the name of the calendar region ``code`` ("PL") in ``language`` (``zh``, else
    English): "波兰" or "Poland"; ``None`` for a code not listed."""
    names = REGION_NAMES.get(code)
    if names is None:
        return None
    return names[0] if language == "zh" else names[1]


def calendar_name(spec: str, language: str) -> str | None:
    """Return how the calendar ``spec`` (``holidays:XX``) reads in ``language`` (``zh``, else
    English): "波兰 — 法定节假日" or "Poland — official holidays"; ``None`` for another spec
    or a region not listed."""
    prefix, _colon, region = spec.partition(":")
    place = region_name(region, language) if prefix == "holidays" else None
    if place is None:
        return None
    return _HOLIDAYS["zh" if language == "zh" else "en"].format(place=place)
