"""Number words shared by the ordinals parse reads ("thirty-eighth preambular paragraph") and the
ordinals export writes, so that both sides of an amendment's wording use one table."""

EN_TENS = {
    20: "twenty",
    30: "thirty",
    40: "forty",
    50: "fifty",
    60: "sixty",
    70: "seventy",
    80: "eighty",
    90: "ninety",
}
FR_TENS = {20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante", 60: "soixante", 80: "quatre-vingt"}
ES_ORDINAL_TENS = {
    10: "décimo",
    20: "vigésimo",
    30: "trigésimo",
    40: "cuadragésimo",
    50: "quincuagésimo",
    60: "sexagésimo",
    70: "septuagésimo",
    80: "octogésimo",
    90: "nonagésimo",
}
RU_CARDINAL_TENS = {
    20: "двадцать",
    30: "тридцать",
    40: "сорок",
    50: "пятьдесят",
    60: "шестьдесят",
    70: "семьдесят",
    80: "восемьдесят",
    90: "девяносто",
}
# Russian ordinals: stem and ending type ("hard" -ый, "stressed" -ой, "soft" третий)
RU_ORDINAL_STEMS = {
    1: ("перв", "hard"),
    2: ("втор", "stressed"),
    3: ("трет", "soft"),
    4: ("четверт", "hard"),
    5: ("пят", "hard"),
    6: ("шест", "stressed"),
    7: ("седьм", "stressed"),
    8: ("восьм", "stressed"),
    9: ("девят", "hard"),
    10: ("десят", "hard"),
    11: ("одиннадцат", "hard"),
    12: ("двенадцат", "hard"),
    13: ("тринадцат", "hard"),
    14: ("четырнадцат", "hard"),
    15: ("пятнадцат", "hard"),
    16: ("шестнадцат", "hard"),
    17: ("семнадцат", "hard"),
    18: ("восемнадцат", "hard"),
    19: ("девятнадцат", "hard"),
    20: ("двадцат", "hard"),
    30: ("тридцат", "hard"),
    40: ("сороков", "stressed"),
    50: ("пятидесят", "hard"),
    60: ("шестидесят", "hard"),
    70: ("семидесят", "hard"),
    80: ("восьмидесят", "hard"),
    90: ("девяност", "hard"),
    100: ("сот", "hard"),
}

# Arabic ordinals agree with "الفقرة" (feminine): الخامسة, الحادية عشرة, الثالثة والعشرون (after a
# preposition والعشرين), الأولى بعد المائة. The tens take the case: (nominative, genitive).
AR_ORDINAL_UNITS = {
    1: "الأولى",
    2: "الثانية",
    3: "الثالثة",
    4: "الرابعة",
    5: "الخامسة",
    6: "السادسة",
    7: "السابعة",
    8: "الثامنة",
    9: "التاسعة",
    10: "العاشرة",
}
AR_ONE_IN_COMPOUNDS = "الحادية"  # 11, 21, 31...: الحادية عشرة, الحادية والعشرون
AR_TEEN = "عشرة"  # الثالثة عشرة
AR_AND = "و"
AR_ORDINAL_TENS = {
    20: ("العشرون", "العشرين"),
    30: ("الثلاثون", "الثلاثين"),
    40: ("الأربعون", "الأربعين"),
    50: ("الخمسون", "الخمسين"),
    60: ("الستون", "الستين"),
    70: ("السبعون", "السبعين"),
    80: ("الثمانون", "الثمانين"),
    90: ("التسعون", "التسعين"),
}
AR_HUNDRED = "المائة"
AR_AFTER = "بعد"  # 101: الأولى بعد المائة
