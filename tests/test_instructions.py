"""Instructions of formal amendments documents: the real English ones (from their PDF and their text
extraction), and French, Spanish, Russian, Chinese and Arabic ones written from UN-CONVENTIONS.md and
the UN's Arabic wording."""

import json
import logging
import re
from pathlib import Path

import pytest
from corpus_support import CORPUS_EN

from draftroom.lang.numbers import ordinal, ordinal_value
from draftroom.model import Instruction
from draftroom.parse.instructions import parse_instructions, read_instructions
from draftroom.parse.pdf import pdf_to_text

L19_TEXT = (
    "Recalling the inclusion of attacks intentionally directed against personnel involved in a humanitarian "
    "assistance or peacekeeping mission in accordance with the Charter, as long as they are entitled to the "
    "protection given to civilians or civilian objects under the international law of armed conflict, as a war "
    "crime in the Rome Statute of the International Criminal Court, and noting the role that the Court can play "
    "in appropriate cases in bringing to justice those responsible for serious violations of international "
    "humanitarian law,"
)
L62_TEXT = (
    "Reaffirming that, in accordance with article 5 of the Convention, States Parties shall respect the "
    "responsibilities, rights and duties of parents or, where applicable, the members of the extended family or "
    "community as provided for by local custom, legal guardians or other persons legally responsible for the "
    "child, to provide, in a manner consistent with the evolving capacities of the child, appropriate direction "
    "and guidance in the exercise by the child of his or her rights, particularly regarding health and education,"
)
# written by hand from reading each document
EXPECTED = {
    "A_C.3_80_L.57": [
        Instruction(
            "insert-words",
            target="OP64",
            words="to strengthen their efforts in preventing",
            text="and combating child pornography",
        ),
        Instruction(
            "insert-words",
            target="OP65",
            words="once in force",
            text=", and emphasizes that the new convention must be implemented in a way that does not undermine "
            "the obligations of States contained in the Optional Protocol to the Convention on the Rights of the "
            "Child on the sale of children, child prostitution and child pornography",
        ),
    ],
    "A_C.3_80_L.62": [Instruction("insert", after="PP14", text=L62_TEXT)],
    "A_C.3_80_L.63": [
        Instruction(
            "replace-words",
            target="PP13",
            words="the fourth Global Conference on the Sustained Eradication of Child Labour, held in Buenos Aires "
            "from 14 to 16 November 2017",
            text="the fifth Global Conference on the Elimination of Child Labour, held in Durban, South Africa, "
            "from 15 to 20 May 2022",
        )
    ],
    "A_C.3_80_L.64": [
        Instruction("delete-words", target="OP13", words="sexual and reproductive health,"),
        Instruction("delete-words", target="OP27", words="sexual and reproductive"),
        Instruction("delete-words", target="OP43", words="sexual and reproductive"),
        Instruction("delete-words", target="OP46", words="including sexual and reproductive health,"),
    ],
    "A_80_L.19": [Instruction("delete", target="PP38", text=L19_TEXT)],
    "A_80_L.20": [Instruction("delete", target="OP9")],
}


def _after_title(paragraphs: list[str]) -> list[str]:
    """What the parser hands over: the paragraphs after the title, without sponsor notes."""
    start = next(i for i, p in enumerate(paragraphs) if re.search(r":\*? amendments? to ", p)) + 2
    return [p for p in paragraphs[start:] if not p.startswith("*")]


def _from_pdf(stem: str) -> list[str]:
    pdf = CORPUS_EN / f"{stem}.pdf"
    text = pdf_to_text(pdf.read_bytes(), str(pdf))
    return _after_title([re.sub(r"\s*\n\s*", " ", p.strip()) for p in text.split("\n\n") if p.strip()])


def _from_txt(stem: str) -> list[str]:
    """The text extraction, cut at blank lines, each block's lines joined."""
    text = (CORPUS_EN / f"{stem}.txt").read_text(encoding="utf-8")
    blocks = [" ".join(x.strip() for x in b.splitlines() if x.strip()) for b in re.split(r"\n\s*\n", text)]
    return _after_title([b for b in blocks if b])


def _compact(items: list[Instruction]) -> list[dict[str, str]]:
    return [{k: v for k, v in vars(i).items() if v is not None} for i in items]


@pytest.mark.parametrize("stem", sorted(EXPECTED))
@pytest.mark.parametrize("source", [_from_pdf, _from_txt], ids=["pdf", "txt"])
def test_real_amendment_documents(stem: str, source):
    reading = read_instructions(source(stem), "en")
    assert _compact(reading.instructions) == _compact(EXPECTED[stem])
    assert reading.skipped == []


def test_every_amendments_document_of_the_corpus_is_covered():
    found = {p.stem for p in Path(CORPUS_EN).glob("*.txt") if "amendment to" in p.read_text(encoding="utf-8")}
    assert found == set(EXPECTED)


def test_numbers_alone_on_a_line_and_items_run_together():
    paras = ["1.", "In operative paragraph 3, delete “fully”.", "2.", "Delete operative paragraph 5."]
    assert _compact(parse_instructions(paras, "en")) == [
        {"op": "delete-words", "target": "OP3", "words": "fully"},
        {"op": "delete", "target": "OP5"},
    ]
    joined = ["1. In operative paragraph 3, delete “fully”. 2. Delete operative paragraph 5."]
    assert _compact(parse_instructions(joined, "en")) == _compact(parse_instructions(paras, "en"))


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (
            ["Delete the third preambular paragraph and operative paragraph 2."],
            [{"op": "delete", "target": "PP3"}, {"op": "delete", "target": "OP2"}],
        ),
        (
            ['Insert a new operative paragraph after operative paragraph 7, reading: "Requests a report;"'],
            [{"op": "insert", "after": "OP7", "text": "Requests a report;"}],
        ),
        (
            [
                "Insert a new preambular paragraph before the first preambular paragraph, reading:",
                "“Noting,”",
            ],
            [{"op": "insert", "before": "PP1", "text": "Noting,"}],
        ),
        (
            [
                "Replace operative paragraph 7 with the following:",
                "“7. Decides to remain seized of the matter.”",
            ],
            [{"op": "replace", "target": "OP7", "text": "7. Decides to remain seized of the matter."}],
        ),
        (
            ["In operative paragraph 1 (a), replace the words “shall” with “should” and “must” with “may”."],
            [
                {"op": "replace-words", "target": "OP1(a)", "words": "shall", "text": "should"},
                {"op": "replace-words", "target": "OP1(a)", "words": "must", "text": "may"},
            ],
        ),
        (
            [
                "In subparagraph (b) of operative paragraph 4, after the words “States”, insert the words “Members”."
            ],
            [{"op": "insert-words", "target": "OP4(b)", "words": "States", "text": "Members"}],
        ),
        (
            ["In operative paragraph 2, before the words “all States”, insert “and urges”."],
            [{"op": "replace-words", "target": "OP2", "words": "all States", "text": "and urges all States"}],
        ),
        (
            ["At the end of operative paragraph 12, add “, as appropriate”."],
            [{"op": "insert-words", "target": "OP12", "text": ", as appropriate"}],
        ),
        (
            ["In the forty-first and forty-second preambular paragraphs, delete the word “fully”."],
            [
                {"op": "delete-words", "target": "PP41", "words": "fully"},
                {"op": "delete-words", "target": "PP42", "words": "fully"},
            ],
        ),
        (
            ["In operative paragraph 3, delete “fully” and replace “shall” with “should”."],
            [
                {"op": "delete-words", "target": "OP3", "words": "fully"},
                {"op": "replace-words", "target": "OP3", "words": "shall", "text": "should"},
            ],
        ),
        (
            [
                "In operative paragraph 3, the words “shall” should be replaced by “should”, and “fully” deleted."
            ],
            [
                {"op": "replace-words", "target": "OP3", "words": "shall", "text": "should"},
                {"op": "delete-words", "target": "OP3", "words": "fully"},
            ],
        ),
        (
            ["Delete operative paragraph 5, which reads: “Decides to act.”"],
            [{"op": "delete", "target": "OP5", "text": "Decides to act."}],
        ),
        (
            [
                "Delete operative paragraph 5, and insert a new paragraph after operative paragraph 6: “Urges.”"
            ],
            [{"op": "delete", "target": "OP5"}, {"op": "insert", "after": "OP6", "text": "Urges."}],
        ),
        (
            ["Delete operative paragraphs 3 to 5."],
            [{"op": "delete", "target": f"OP{n}"} for n in (3, 4, 5)],
        ),
        (
            [
                "Delete the ninety-ninth preambular paragraph reading:",
                "Recalling “the words”, and",
                "Noting,",
            ],
            [{"op": "delete", "target": "PP99", "text": "Recalling “the words”, and Noting,"}],
        ),
    ],
)
def test_english_forms(paragraphs: list[str], expected: list[dict]):
    assert _compact(parse_instructions(paragraphs, "en")) == expected


def test_chinese_clauses_and_full_width_numbers():
    paras = [
        "在执行部分第３段中，删除“充分”，并将“必须”改为“应”。",
        "以“各会员国”取代执行部分第4段中的“各国”。",
    ]
    assert _compact(parse_instructions(paras, "zh")) == [
        {"op": "delete-words", "target": "OP3", "words": "充分"},
        {"op": "replace-words", "target": "OP3", "words": "必须", "text": "应"},
        {"op": "replace-words", "target": "OP4", "words": "各国", "text": "各会员国"},
    ]


def test_quoted_instruction_words_do_not_confuse_the_reading():
    paras = ["In operative paragraph 4, replace “delete the third preambular paragraph” with “insert”."]
    assert _compact(parse_instructions(paras, "en")) == [
        {
            "op": "replace-words",
            "target": "OP4",
            "words": "delete the third preambular paragraph",
            "text": "insert",
        }
    ]


def test_unrecognised_text_is_skipped_and_reported(caplog):
    paras = ["The sponsors wish to thank all delegations.", "Delete operative paragraph 5."]
    reading = read_instructions(paras, "en")
    assert _compact(reading.instructions) == [{"op": "delete", "target": "OP5"}]
    assert reading.skipped == ["The sponsors wish to thank all delegations."]
    with caplog.at_level(logging.WARNING):
        assert len(parse_instructions(paras, "en")) == 1
    assert "The sponsors wish to thank" in caplog.text


FRENCH = [
    "1. Après le quatorzième alinéa du préambule, insérer un nouvel alinéa ainsi libellé :",
    "« Réaffirmant que les États parties respectent la responsabilité, le droit et le devoir des parents, »",
    "2. Au paragraphe 3 du dispositif, remplacer les mots « doivent veiller » par les mots « devraient veiller ».",
    "3. Supprimer le trente-huitième alinéa du préambule et le paragraphe 2 du dispositif.",
    "4. Au paragraphe 5 a) du dispositif, après les mots « les États », insérer les mots « Membres ».",
    "5. Remplacer le paragraphe 7 du dispositif par le texte suivant :",
    "« 7. Décide de rester saisie de la question. »",
    "6. Au vingt et unième alinéa du préambule, supprimer les mots « pleinement ».",
    "7. Insérer un nouveau paragraphe après le paragraphe 7 du dispositif, ainsi libellé : « Prie le Secrétaire"
    " général de lui présenter un rapport; »",
]
SPANISH = [
    "1. Después del decimocuarto párrafo del preámbulo, insértese un nuevo párrafo que diga:",
    "“Reafirmando que los Estados partes respetarán las responsabilidades, los derechos y los deberes de los padres,”",
    "2. En el párrafo 3 de la parte dispositiva, sustitúyanse las palabras “deben velar” por “deberían velar”.",
    "3. Suprímanse el trigésimo octavo párrafo del preámbulo y el párrafo 2 de la parte dispositiva.",
    "4. En el apartado a) del párrafo 5 de la parte dispositiva, después de las palabras “los Estados”, "
    "insértese la palabra “Miembros”.",
    "5. Sustitúyase el párrafo 7 de la parte dispositiva por el texto siguiente:",
    "“7. Decide seguir ocupándose de la cuestión.”",
    "6. En el vigésimo primer párrafo del preámbulo, suprímase la palabra “plenamente”.",
]
RUSSIAN = [
    "1. После четырнадцатого пункта преамбулы вставить новый пункт следующего содержания:",
    "«подтверждая, что государства-участники уважают ответственность, права и обязанности родителей,»",
    "2. В пункте 3 постановляющей части заменить слова «должны обеспечивать» словами «следует обеспечивать».",
    "3. Исключить тридцать восьмой пункт преамбулы и пункт 2 постановляющей части.",
    "4. В подпункте (a) пункта 5 постановляющей части после слов «государства» вставить слово «члены».",
    "5. Заменить пункт 7 постановляющей части следующим текстом:",
    "«7. постановляет продолжать заниматься этим вопросом.»",
    "6. В двадцать первом пункте преамбулы исключить слово «полностью».",
]
CHINESE = [
    "1. 在序言部分第十四段后插入新的序言部分段落，内容如下：",
    "“重申缔约国应尊重父母的责任、权利和义务，”",
    "2. 在执行部分第3段中，将“必须确保”改为“应确保”。",
    "3. 删除序言部分第三十八段和执行部分第2段。",
    "4. 在执行部分第5(a)段中，在“各国”之后插入“会员”。",
    "5. 以下文取代执行部分第7段：",
    "“7. 决定继续处理此案。”",
    "6. 在序言部分第二十一段中，删除“充分”一语。",
]
ARABIC = [
    "1 - تُدرج فقرة جديدة في الديباجة بعد الفقرة الرابعة عشرة من الديباجة، نصها:",
    "”وإذ تؤكد من جديد أن الدول الأطراف تحترم مسؤوليات الوالدين وحقوقهم وواجباتهم،“",
    "2 - في الفقرة 3 من المنطوق، يُستعاض عن عبارة ”يجب أن تكفل“ بعبارة ”ينبغي أن تكفل“.",
    "3 - تُحذف الفقرة الثامنة والثلاثون من الديباجة والفقرة 2 من المنطوق.",
    "4 - في الفقرة الفرعية (أ) من الفقرة 5 من المنطوق، تُدرج كلمة ”الأعضاء“ بعد كلمة ”الدول“.",
    "5 - يُستعاض عن الفقرة 7 من المنطوق بالنص التالي:",
    "”7 - تقرر أن تبقي المسألة قيد نظرها.“",
    "6 - في الفقرة الحادية والعشرين من الديباجة، تُحذف كلمة ”تماما“.",
]
COMMON = [
    ("insert", {"after": "PP14"}),
    ("replace-words", {"target": "OP3"}),
    ("delete", {"target": "PP38"}),
    ("delete", {"target": "OP2"}),
    ("insert-words", {"target": "OP5(a)"}),
    ("replace", {"target": "OP7"}),
    ("delete-words", {"target": "PP21"}),
]


@pytest.mark.parametrize(
    ("lang", "paragraphs"),
    [("fr", FRENCH), ("es", SPANISH), ("ru", RUSSIAN), ("zh", CHINESE), ("ar", ARABIC)],
)
def test_other_languages(lang: str, paragraphs: list[str]):
    reading = read_instructions(paragraphs, lang)
    assert reading.skipped == []
    got = reading.instructions
    assert [
        (i.op, {k: getattr(i, k) for k in want}) for i, (_, want) in zip(got, COMMON, strict=False)
    ] == COMMON
    assert got[0].text == re.sub(r"^[«“”]\s*|\s*[»”“]$", "", paragraphs[1])
    assert got[1].words and got[1].text and got[1].words != got[1].text
    assert got[4].words and got[4].text
    assert got[5].text and re.match(r"7(\.| -) ", got[5].text)  # Arabic numbers paragraphs "7 -"
    assert got[6].words
    if lang == "fr":
        assert _compact(got[7:]) == [
            {
                "op": "insert",
                "after": "OP7",
                "text": "Prie le Secrétaire général de lui présenter un rapport;",
            }
        ]
    else:
        assert len(got) == len(COMMON)


# English ordinals as written, one for each spelling rule (irregular, -e dropped, -y to -ieth, compounds)
_ENGLISH_ORDINALS = {
    1: "first",
    2: "second",
    3: "third",
    4: "fourth",
    5: "fifth",
    8: "eighth",
    9: "ninth",
    11: "eleventh",
    12: "twelfth",
    13: "thirteenth",
    19: "nineteenth",
    20: "twentieth",
    21: "twenty-first",
    30: "thirtieth",
    40: "fortieth",
    42: "forty-second",
    55: "fifty-fifth",
    68: "sixty-eighth",
    73: "seventy-third",
    89: "eighty-ninth",
    90: "ninetieth",
    99: "ninety-ninth",
    100: "one hundredth",
}


@pytest.mark.parametrize(("n", "word"), _ENGLISH_ORDINALS.items())
def test_english_ordinals_written_and_read_back(n: int, word: str):
    assert ordinal(n, "en") == word
    assert ordinal_value(word, "en") == n
    assert ordinal_value(word.upper().replace("-", " "), "en") == n


def test_english_ordinals_read_back_to_a_hundred():
    assert [ordinal_value(ordinal(n, "en"), "en") for n in range(1, 101)] == list(range(1, 101))
    assert ordinal_value("hundredth", "en") == 100


@pytest.mark.parametrize(
    ("lang", "phrase", "n"),
    [
        ("en", "one hundred and first", 101),
        ("fr", "premier", 1),
        ("fr", "quatorzième", 14),
        ("fr", "dix-septième", 17),
        ("fr", "vingt et unième", 21),
        ("fr", "soixante-dix-septième", 77),
        ("fr", "quatre-vingt-dixième", 90),
        ("fr", "quatre-vingt-onzième", 91),
        ("fr", "centième", 100),
        ("es", "primer", 1),
        ("es", "undécimo", 11),
        ("es", "decimocuarto", 14),
        ("es", "décimo cuarto", 14),
        ("es", "vigésimo primero", 21),
        ("es", "trigésima octava", 38),
        ("es", "nonagésimo noveno", 99),
        ("es", "centésimo", 100),
        ("ru", "третьего", 3),
        ("ru", "четырнадцатого", 14),
        ("ru", "тридцать восьмой", 38),
        ("ru", "сорок первом", 41),
        ("ru", "девяносто девятый", 99),
        ("ru", "сотого", 100),
        ("zh", "十四", 14),
        ("zh", "三十八", 38),
        ("zh", "九十九", 99),
        ("zh", "一百零一", 101),
        ("ar", "الخامسة", 5),
        ("ar", "الاولى", 1),  # hamza left out
        ("ar", "الحادية عشرة", 11),
        ("ar", "الثانية عشره", 12),
        ("ar", "العشرون", 20),
        ("ar", "الحادية و العشرين", 21),
        ("ar", "الثامنة والثلاثين", 38),
        ("ar", "التاسعة والتسعون", 99),
        ("ar", "المائة", 100),
        ("ar", "الحادية بعد المئة", 101),
        ("ar", "الخامِسة", 5),  # vowel marks
    ],
)
def test_ordinals_in_other_languages(lang: str, phrase: str, n: int):
    assert ordinal_value(phrase, lang) == n


@pytest.mark.parametrize(
    ("lang", "phrase"),
    [
        ("en", "the"),
        ("en", "twenty"),
        ("fr", "vingt"),
        ("ru", "пункт"),
        ("ar", "الفقرة"),
        ("ar", "عشرة"),
        ("ar", "الحادية"),  # only in a compound
        ("ar", "العاشرة عشرة"),
        ("ar", "الخامسة والسادسة"),  # a list, not a number
    ],
)
def test_words_that_are_not_ordinals(lang: str, phrase: str):
    assert ordinal_value(phrase, lang) is None


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "Delete subparagraphs (a) and (c) of operative paragraph 4."),
        ("fr", "Supprimer les alinéas a) et c) du paragraphe 4 du dispositif."),
        ("es", "Suprímanse los apartados a) y c) del párrafo 4 de la parte dispositiva."),
        ("ru", "Исключить подпункты (a) и (c) пункта 4 постановляющей части."),
        ("en", "Delete operative paragraph 4, subparagraphs (a) and (c)."),
        ("zh", "删除执行部分第4段(a)和(c)分段。"),
        ("ar", "تُحذف الفقرتان الفرعيتان (أ) و(ج) من الفقرة 4 من المنطوق."),
    ],
)
def test_several_sub_items_of_one_paragraph(lang: str, sentence: str):
    """Each cited sub-item is a target; never the whole paragraph."""
    assert _compact(parse_instructions([sentence], lang)) == [
        {"op": "delete", "target": "OP4(a)"},
        {"op": "delete", "target": "OP4(c)"},
    ]


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_cli_reads_the_instructions_of_a_real_pdf(run_cli, stem: str):
    """The whole way: `draftroom parse X.pdf --json` on a real amendments document."""
    result = run_cli("parse", str(CORPUS_EN / f"{stem}.pdf"), "--json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["kind"] == "amendments"
    # the parser turns a note marked ** inside quoted text into a footnote reference
    got = [{k: re.sub(r"\[\^\d+\]", "", v) for k, v in i.items()} for i in doc["instructions"]]
    assert got == _compact(EXPECTED[stem])


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "تُحذف الفقرتان الرابعة والخامسة من الديباجة.",
            [{"op": "delete", "target": "PP4"}, {"op": "delete", "target": "PP5"}],
        ),
        (
            "تُحذف الفقرات الثالثة عشرة، والرابعة عشرة والخامسة والعشرون من الديباجة.",
            [{"op": "delete", "target": f"PP{n}"} for n in (13, 14, 25)],
        ),
        ("تُحذف الفقرات من 3 إلى 5 من المنطوق.", [{"op": "delete", "target": f"OP{n}"} for n in (3, 4, 5)]),
        (
            "في الفقرة 4 من المنطوق، تحل عبارة ”ينبغي“ محل عبارة ”يجب“.",
            [{"op": "replace-words", "target": "OP4", "words": "يجب", "text": "ينبغي"}],
        ),
        (
            "في الفقرة العاشرة من الديباجة، يستعاض بعبارة ”تلاحظ“ عن عبارة ”ترحب“.",
            [{"op": "replace-words", "target": "PP10", "words": "ترحب", "text": "تلاحظ"}],
        ),
        (
            "في الفقرة 6 من المنطوق، تُدرج عبارة ”وفقا للقانون الدولي“ قبل عبارة ”بما في ذلك“.",
            [
                {
                    "op": "replace-words",
                    "target": "OP6",
                    "words": "بما في ذلك",
                    "text": "وفقا للقانون الدولي بما في ذلك",
                }
            ],
        ),
        (
            "في الفقرة الفرعية (ب)’2‘ من الفقرة 2 من المنطوق، تُحذف عبارة ”عند الاقتضاء“ وتُدرج عبارة ”دائما“ "
            "في نهاية الفقرة 3 من المنطوق.",
            [
                {"op": "delete-words", "target": "OP2(b)(ii)", "words": "عند الاقتضاء"},
                {"op": "insert-words", "target": "OP3", "text": "دائما"},
            ],
        ),
        (
            "٤ - تُحذف الفقرة ١٢ من المنطوق.",  # Arabic-Indic digits
            [{"op": "delete", "target": "OP12"}],
        ),
    ],
)
def test_arabic_lists_ranges_and_word_orders(sentence: str, expected: list[dict]):
    assert _compact(parse_instructions([sentence], "ar")) == expected


def test_arabic_text_that_reads_as_no_instruction_is_skipped_never_guessed():
    paras = [
        "تعرب الوفود المقدمة عن شكرها لجميع الوفود.",
        "تُدرج فقرة جديدة، نصها:",  # after which paragraph?
        "في الفقرة 5 (أ) من المنطوق، تُحذف عبارة ”فورا“.",  # a sub-item cited in no known form: not all of OP5
        "يُستعاض عن الفقرة 7 من المنطوق بالنص التالي:",
        "”7 - تقرر أن تبقي المسألة قيد نظرها.“",
    ]
    reading = read_instructions(paras, "ar")
    assert _compact(reading.instructions) == [
        {"op": "replace", "target": "OP7", "text": "7 - تقرر أن تبقي المسألة قيد نظرها."}
    ]
    assert reading.skipped == paras[:3]


def test_a_quoted_text_opening_with_a_bracket_is_no_report_line(tmp_path):
    """An amendments document has no report line ("[on the report of ...]"): its quote "[Strongly]
    urges ..." stays the instruction's text (it was taken for the head's report line, and the
    instruction before it dropped)."""
    from draftroom.parse import parse_file

    path = tmp_path / "am.txt"
    path.write_text(
        "United Nations\nA/C.3/80/L.70\nGeneral Assembly\nDistr.: Limited\n4 November 2025\n"
        "Original: English\n\nEightieth session\nThird Committee\nAgenda item 28\nAdvancement of women\n\n"
        "Japan: amendments to draft resolution A/C.3/80/L.20\n\nTrafficking in women and girls\n\n"
        "1. Replace operative paragraph 7 with the following:\n\n"
        "[Strongly] urges the administering Power to act;\n\n"
        "2. Delete operative paragraph 8.\n",
        encoding="utf-8",
    )
    doc = parse_file(path)
    assert doc.report_line is None
    assert doc.instructions == [
        Instruction("replace", "OP7", text="[Strongly] urges the administering Power to act;"),
        Instruction("delete", "OP8"),
    ]
