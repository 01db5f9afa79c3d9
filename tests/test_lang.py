"""draftroom.lang: numbers written and read back from one table, markers past "z" and past ten
annexes, citations that export writes and parse reads, script widths; the `Label` value."""

import pytest
from corpus_support import CORPUS_EN, DATA, SEEDS

from draftroom.errors import DraftroomError
from draftroom.export import words
from draftroom.export.instructions import reference, sentence
from draftroom.lang import LANGUAGES, numbers
from draftroom.lang.markers import ABJAD, from_alphabet, letter, letter_index, next_letter, printed_letter
from draftroom.lang.scripts import is_cjk, width
from draftroom.model import Instruction, Label, iter_located, normalize_label
from draftroom.parse import parse_file, parse_text
from draftroom.parse.instructions import read_instructions

CASES = {"ru": ("nom", "gen", "prep", "ins"), "ar": ("nom", "gen")}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_ordinal_to_199_reads_back_as_its_number(lang):
    for case in CASES.get(lang, ("nom",)):
        wrong = [n for n in range(1, 200) if numbers.ordinal_value(numbers.ordinal(n, lang, case), lang) != n]
        assert wrong == [], (lang, case)


@pytest.mark.parametrize(
    ("lang", "spellings", "n"),
    [
        ("es", ["vigésima tercera", "vigésimo tercero", "vigesimo tercer", "VIGÉSIMO TERCER"], 23),
        ("es", ["decimoprimero", "décimo primera", "undécima"], 11),
        ("fr", ["soixante et onzième", "soixante-et-onzième", "Soixante et onzième"], 71),
        ("fr", ["cent unième", "cent premier"], 101),
        ("ru", ["двадцать второго", "двадцать второму", "двадцать второй"], 22),
        ("ar", ["الحادية والعشرون", "الأولى و العشرين", "الحادية والعشرين"], 21),
        ("ar", ["الأولى بعد المائة", "الحادية بعد المئة"], 101),
        ("zh", ["一百零一", "一百〇一", "第一百零一"], 101),
    ],
)
def test_the_spellings_documents_use_read_as_one_number(lang, spellings, n):
    assert {s: numbers.ordinal_value(s, lang) for s in spellings} == dict.fromkeys(spellings, n)


def test_chinese_numerals_for_operative_paragraphs_and_annexes_go_past_199():
    assert [numbers.chinese_number(numbers.chinese_numeral(n)) for n in (11, 199, 200, 345, 999)] == [
        11,
        199,
        200,
        345,
        999,
    ]
    assert numbers.chinese_number("两百") == 200
    assert numbers.chinese_number("十四段") is None


def test_letters_after_z_are_one_sequence_for_parse_and_export():
    assert [next_letter(m) for m in (None, "a", "y", "z", "aa", "zz")] == ["a", "b", "z", "aa", "bb", "aaa"]
    assert all(next_letter(letter(i)) == letter(i + 1) for i in range(120))
    assert all(letter_index(letter(i)) == i for i in range(120))
    # Arabic prints the abjad, then doubled letters, and parse reads each back to its Latin marker
    assert all(
        from_alphabet(printed_letter(letter(i), "ar"), ABJAD) == letter(i) for i in range(2 * len(ABJAD))
    )


def test_a_list_of_more_than_26_items_is_labelled_aa_bb_after_z():
    items = "\n".join(f"({letter(i)}) item {i + 1};" for i in range(28))
    doc = parse_text(
        f"The General Assembly,\n\nRecalling x,\n\n1. Decides:\n{items}\n\n2. Requests y.\n", lang="en"
    )
    markers = [p.marker for p in doc.operative[0].items]
    assert markers == [letter(i) for i in range(28)]
    assert markers[25:] == ["z", "aa", "bb"]
    assert "OP1(bb)" in [loc.label for loc in iter_located(doc)]


def test_more_than_ten_annexes_are_numbered_in_every_language():
    assert [words.annex_title(i, 12, "en") for i in (0, 9, 10, 11)] == [
        "Annex I",
        "Annex X",
        "Annex XI",
        "Annex XII",
    ]
    assert reference("AN11.3", "en") == "paragraph 3 of annex XI"
    assert reference("AN11.3", "zh") == "附件十一第3段"
    assert reference("AN12.1(b)", "fr") == "alinéa b) du paragraphe 1 de l’annexe XII"
    assert reference("AN11.3", "ru", "prep") == "пункте 3 приложения XI"


def _citable(path):
    """The labels amendments cite by words: preambular paragraphs, operative ones and their items."""
    return [
        loc.label for loc in iter_located(parse_file(path)) if loc.part == "operative" or "(" not in loc.label
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_paragraph_of_a_real_resolution_cited_in_each_language_reads_back(lang):
    """Export writes a citation of each paragraph and sub-item of A/RES/80/190 (and the 72
    preambular paragraphs of A/C.3/80/L.3); parse reads the same label back from the words."""
    labels = list(
        dict.fromkeys(_citable(CORPUS_EN / "A_RES_80_190.txt") + _citable(CORPUS_EN / "A_C.3_80_L.3.txt"))
    )
    assert len(labels) > 140
    instructions = [Instruction("delete", target=label) for label in labels]
    paragraphs = [sentence(ins, lang)[0] for ins in instructions]
    reading = read_instructions(paragraphs, lang)
    assert ([i.target for i in reading.instructions], reading.skipped) == (labels, [])


def test_a_label_is_parsed_printed_and_taken_apart():
    label = Label.parse("op 10 (a)(II)")
    assert label == Label("operative", 10, None, ("a", "ii"))
    assert str(label) == "OP10(a)(ii)"
    assert (label.part, label.number, label.annex, label.markers) == ("operative", 10, None, ("a", "ii"))
    assert str(Label.parse("an 2.12").item("c")) == "AN2.12(c)"
    assert str(Label.parse("PP3（b）")) == "PP3(b)"
    with pytest.raises(DraftroomError, match="not a paragraph label"):
        Label.parse("paragraph 3")


@pytest.mark.parametrize(
    "path",
    [
        CORPUS_EN / "A_RES_80_190.txt",
        CORPUS_EN / "A_RES_80_9.txt",
        SEEDS / "000_6842e5c2552c18cd.txt",
        DATA / "es_resolucion.txt",
    ],
)
def test_the_labels_of_real_documents_parse_back_to_where_they_stand(path):
    doc = parse_file(path)
    located = list(iter_located(doc))
    assert located
    for loc in located:
        label = Label.parse(loc.label)
        assert str(label) == normalize_label(loc.label.lower()) == loc.label
        assert label.part == loc.part
        several = len(doc.annexes) > 1
        assert label.annex == (loc.annex + 1 if several and loc.annex is not None else None)
        assert label.markers == (
            ()
            if loc.parent is None
            else (*Label.parse(_label_of(located, loc.parent)).markers, loc.paragraph.marker)
        )


def _label_of(located, paragraph):
    return next(loc.label for loc in located if loc.paragraph is paragraph)


def test_widths_and_scripts():
    assert (width("联合国"), width("UN 大会"), width("Résolution"), width("الخامِسة")) == (6, 7, 10, 7)
    assert (is_cjk("大"), is_cjk("，"), is_cjk("a"), is_cjk("")) == (True, True, False, False)
