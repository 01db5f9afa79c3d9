"""Fixed words, ordinals and amendment sentences in the six languages."""

import pytest

from draftroom.errors import DraftroomError
from draftroom.export import words
from draftroom.export.instructions import reference, sentence
from draftroom.lang import LANGUAGES
from draftroom.lang import numbers as ordinals
from draftroom.lang.numbers import ordinal_value
from draftroom.model import Instruction
from draftroom.parse.instructions import read_instructions


def test_sponsor_lines():
    assert words.sponsor_line(["Azerbaijan", "Bangladesh", "Zimbabwe"], "en", False) == (
        "Azerbaijan, Bangladesh and Zimbabwe: draft resolution"
    )
    assert (
        words.sponsor_line(["阿塞拜疆", "孟加拉国", "津巴布韦"], "zh", True)
        == "阿塞拜疆、孟加拉国和津巴布韦：订正决议草案"
    )
    assert words.sponsor_line(["Bélarus"], "fr", True) == "Bélarus : projet de résolution révisé"
    assert words.join_names(["España", "Italia"], "es") == "España e Italia"
    assert words.join_names(["Chile", "Hungría"], "es") == "Chile y Hungría"


def test_amendments_line_counts_and_revision():
    assert words.amendments_line(["Lithuania"], "A/C.3/68/L.75", 2, "en") == (
        "Lithuania: amendments to draft resolution A/C.3/68/L.75"
    )
    assert words.amendments_line(["Belarus", "Russian Federation"], "A/C.3/80/L.20/Rev.1", 1, "en") == (
        "Belarus and Russian Federation: amendment to revised draft resolution A/C.3/80/L.20/Rev.1"
    )
    assert (
        words.amendments_line(["立陶宛"], "A/C.3/68/L.75", 3, "zh") == "立陶宛：对决议草案A/C.3/68/L.75的修正"
    )


def test_dates_meetings_and_adoption():
    assert words.format_date("2019-12-18", "en") == "18 December 2019"
    assert words.format_date("2019-12-18", "zh") == "2019年12月18日"
    assert words.format_date("2019-12-18", "zh", latin=True) == "18 December 2019"
    assert words.format_date("2010-07-01", "fr") == "1er juillet 2010"
    assert words.format_date("30 July 2010", "en") == "30 July 2010"
    with pytest.raises(DraftroomError):
        words.format_date("2019-02-30", "en")
    assert words.meeting_line("109", "en") == "109th plenary meeting"
    assert words.meeting_line("112", "en") == "112th plenary meeting"
    assert words.meeting_line("101", "zh") == "第101次全体会议"
    assert words.adoption_line("2010-07-30", "zh") == "大会2010年7月30日通过的决议"
    assert words.report_line(None, "A/64/L.64", "zh") == "[未经发交主要委员会而通过(A/64/L.64)]"
    assert (
        words.report_line("Third Committee", "A/74/400", "en")
        == "[on the report of the Third Committee (A/74/400)]"
    )


@pytest.mark.parametrize(
    ("n", "en", "fr", "es", "zh"),
    [
        (1, "first", "premier", "primer", "第一"),
        (5, "fifth", "cinquième", "quinto", "第五"),
        (12, "twelfth", "douzième", "duodécimo", "第十二"),
        (21, "twenty-first", "vingt et unième", "vigésimo primer", "第二十一"),
        (38, "thirty-eighth", "trente-huitième", "trigésimo octavo", "第三十八"),
        (80, "eightieth", "quatre-vingtième", "octogésimo", "第八十"),
        (103, "one hundred and third", "cent troisième", "centésimo tercer", "第一百零三"),
    ],
)
def test_ordinals(n, en, fr, es, zh):
    assert (ordinals.english(n), ordinals.french(n), ordinals.spanish(n), ordinals.chinese(n)) == (
        en,
        fr,
        es,
        zh,
    )


def test_russian_and_arabic_ordinals_agree():
    assert ordinals.russian(5, "gen") == "пятого"
    assert ordinals.russian(3, "prep") == "третьем"
    assert ordinals.russian(22, "nom") == "двадцать второй"
    assert ordinals.arabic(5) == "الخامسة"
    assert ordinals.arabic(14) == "الرابعة عشرة"
    assert (ordinals.arabic(38), ordinals.arabic(38, "gen")) == ("الثامنة والثلاثون", "الثامنة والثلاثين")
    assert ordinals.arabic(21, "gen") == "الحادية والعشرين"
    assert ordinals.arabic(101) == "الأولى بعد المائة"


def test_references():
    assert reference("pp14", "en") == "the fourteenth preambular paragraph"
    assert reference("OP1(a)", "en") == "operative paragraph 1 (a)"
    assert reference("AN2.12", "en") == "paragraph 12 of annex II"
    assert reference("PP5", "zh") == "序言部分第五段"
    assert reference("OP3", "ru", "prep") == "пункте 3 постановляющей части"
    assert reference("PP20", "ar") == "الفقرة العشرون من الديباجة"
    assert reference("PP20", "ar", "gen") == "الفقرة العشرين من الديباجة"
    assert reference("OP2(b)(ii)", "ar") == "الفقرة الفرعية (ب)’2‘ من الفقرة 2 من المنطوق"


CASES = [
    (
        Instruction("insert", after="PP5", text="Recalling X,"),
        {
            "en": "After the fifth preambular paragraph, insert a new preambular paragraph reading:",
            "zh": "在序言部分第五段之后插入一个新的序言部分段落，内容如下：",
            "fr": "Après le cinquième alinéa du préambule, insérer un nouvel alinéa ainsi libellé :",
            "es": "Después del quinto párrafo del preámbulo, insértese un nuevo párrafo del preámbulo que diga:",
            "ru": "После пятого пункта преамбулы включить новый пункт преамбулы следующего содержания:",
            "ar": "تُدرج فقرة جديدة في الديباجة بعد الفقرة الخامسة من الديباجة، نصها:",
        },
    ),
    (
        Instruction("delete-words", target="OP3", words="and all"),
        {
            "en": "In operative paragraph 3, delete “and all”.",
            "zh": "在执行部分第3段中，删除“and all”一语。",
            "fr": "Au paragraphe 3 du dispositif, supprimer les mots « and all ».",
            "es": "En el párrafo 3 de la parte dispositiva, suprímanse las palabras “and all”.",
            "ru": "В пункте 3 постановляющей части исключить слова «and all».",
            "ar": "في الفقرة 3 من المنطوق، تُحذف عبارة ”and all“.",
        },
    ),
    (  # the Arabic ordinal takes the case: subject of the verb, or after a preposition
        Instruction("delete", target="PP21"),
        {
            "en": "Delete the twenty-first preambular paragraph.",
            "ar": "تُحذف الفقرة الحادية والعشرون من الديباجة.",
        },
    ),
    (
        Instruction("replace", target="PP21", text="x"),
        {
            "en": "Replace the twenty-first preambular paragraph with the following:",
            "ar": "يُستعاض عن الفقرة الحادية والعشرين من الديباجة بالنص التالي:",
        },
    ),
]


@pytest.mark.parametrize(("ins", "expected"), CASES)
def test_instruction_sentences(ins, expected):
    for lang, text in expected.items():
        assert sentence(ins, lang)[0] == text


KINDS = [
    Instruction("insert", after="PP21", text="Recalling X,"),
    Instruction("insert", before="OP2", text="Decides Y;"),
    Instruction("delete", target="PP38"),
    Instruction("delete", target="OP4(b)"),
    Instruction("replace", target="PP20", text="Noting Z,"),
    Instruction("delete-words", target="OP3", words="and all"),
    Instruction("replace-words", target="PP5", words="welcomes", text="notes"),
    Instruction("insert-words", target="OP6", words="States", text="Members"),
    Instruction("insert-words", target="OP7", text="in all regions"),  # at the end of the paragraph
]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_kind_of_instruction_written_in_each_language_reads_back(lang):
    """The parser, an independent reader, takes each written sentence (and the text after it) back."""
    paragraphs = [part for ins in KINDS for part in sentence(ins, lang) if part]
    reading = read_instructions(paragraphs, lang)
    assert (reading.instructions, reading.skipped) == (KINDS, [])


def test_instruction_text_follows_and_bad_instructions():
    assert sentence(Instruction("replace", target="OP7", text="Decides;"), "en") == (
        "Replace operative paragraph 7 with the following:",
        "Decides;",
    )
    assert sentence(Instruction("delete", target="PP3"), "en") == (
        "Delete the third preambular paragraph.",
        None,
    )
    assert sentence(Instruction("insert-words", target="OP1(a)", words="a", text="b"), "fr")[0].startswith(
        "À l’alinéa a) du paragraphe 1 du dispositif"
    )
    with pytest.raises(DraftroomError):
        sentence(Instruction("move", target="OP3"), "en")
    with pytest.raises(DraftroomError):
        sentence(Instruction("insert", text="x"), "en")
    with pytest.raises(DraftroomError):
        sentence(Instruction("delete", target="OP99x"), "en")


@pytest.mark.parametrize(
    ("lang", "words", "last"),
    [
        ("en", ordinals.english, 100),
        ("fr", ordinals.french, 150),
        ("es", ordinals.spanish, 150),
        ("ru", lambda n: ordinals.russian(n, "gen"), 150),
        ("zh", lambda n: ordinals.chinese(n).removeprefix("第"), 150),
        ("ar", ordinals.arabic, 150),
        ("ar", lambda n: ordinals.arabic(n, "gen"), 150),
    ],
)
def test_the_parser_reads_our_ordinals_back(lang, words, last):
    """An independent reader: the parser's ordinal vocabulary turns our words back into numbers."""
    assert [n for n in range(1, last + 1) if ordinal_value(words(n), lang) != n] == []


def test_the_plenarys_report_line_is_known_in_each_language():
    for lang in ("en", "zh", "fr", "es", "ru", "ar"):
        assert words.adopted_in_plenary(words.report_line(None, "A/79/L.12", lang))
        assert not words.adopted_in_plenary(words.report_line("Third Committee", "A/79/400", lang))
