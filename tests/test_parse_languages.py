"""French, Spanish, Russian and Arabic texts, written from the UN conventions as a PDF extractor gives
them (page furniture, ruled note blocks, numbers and sub-item letters alone on their lines)."""

from pathlib import Path

import pytest
from corpus_support import CORPUS_EN, SEEDS

from draftroom.lang import LANGUAGES
from draftroom.model import Heading, iter_located, labels
from draftroom.model.states import resolve
from draftroom.parse import parse_file, parse_text
from draftroom.parse.detect import contradicted, detect_language

DATA = Path(__file__).parent / "data"


def test_french_draft():
    doc = parse_file(DATA / "fr_projet.txt")
    assert (doc.language, doc.kind, doc.symbol) == ("fr", "draft", "A/C.3/79/L.21")
    assert (doc.session, doc.committee, doc.agenda_item) == (
        "Soixante-dix-neuvième session",
        "Troisième Commission",
        "28",
    )
    assert doc.agenda_title == "Promotion des femmes"
    assert doc.date == "28 octobre 2024"
    assert doc.title == "Traite des femmes et des filles"
    assert doc.body == "L’Assemblée générale"
    assert doc.sponsors[0] == "Allemagne" and "Bosnie-Herzégovine" in doc.sponsors
    assert doc.sponsors[-2:] == ["Royaume-Uni de Grande-Bretagne et d’Irlande du Nord", "Suède"]
    assert [p.text.split()[0] for p in doc.preamble] == ["Rappelant", "Réaffirmant", "Profondément", "Notant"]
    # French sets the marker before the punctuation; a year with the note number glued on
    assert doc.preamble[0].text.endswith("des femmes et des enfants[^2],")
    assert "l’horizon 2030[^3], dans lequel" in doc.preamble[1].text
    assert [p.number for p in doc.operative] == [1, 2, 3]
    assert "Protocole s’y rapportant[^1], ou d’y adhérer" in doc.operative[0].text
    assert [i.marker for i in doc.operative[1].items] == ["a", "b"]
    assert doc.operative[1].items[1].text.endswith("de réinsertion[^4] ;")
    assert [f.number for f in doc.footnotes] == [1, 2, 3, 4]


def test_spanish_adopted_resolution_with_two_annexes():
    doc = parse_file(DATA / "es_resolucion.txt")
    assert (doc.language, doc.kind, doc.resolution_number) == ("es", "resolution", "79/170")
    assert doc.adopted_on == "17 de diciembre de 2024"
    assert doc.report_line == "[sobre la base del informe de la Tercera Comisión (A/79/458, párr. 24)]"
    assert doc.title == "Trata de mujeres y niñas"
    assert doc.body == "La Asamblea General"
    assert len(doc.preamble) == 3 and len(doc.operative) == 3
    names = labels(doc)
    b = doc.operative[1].items[1]
    assert names[b.id] == "OP2(b)" and [names[i.id] for i in b.items] == ["OP2(b)(i)", "OP2(b)(ii)"]
    assert (doc.closing.meeting, doc.closing.date) == ("52ª sesión plenaria", "17 de diciembre de 2024")
    assert [a.title for a in doc.annexes] == ["Plan de acción", "Directrices"]
    first = doc.annexes[0]
    assert [b.text for b in first.blocks if isinstance(b, Heading)] == ["I. Prevención", "II. Protección"]
    assert [loc.label for loc in iter_located(doc) if loc.part == "annex"] == [
        "AN1.1",
        "AN1.2",
        "AN1.3",
        "AN2.1",
        "AN2.2",
    ]
    assert first.paragraphs[2].text.endswith("el Protocolo[^2].")


def test_russian_draft_paragraphs_start_with_small_letters():
    doc = parse_file(DATA / "ru_proekt.txt")
    assert (doc.language, doc.kind) == ("ru", "draft")
    assert (doc.session, doc.committee, doc.agenda_item) == (
        "Семьдесят девятая сессия",
        "Третий комитет",
        "28",
    )
    assert doc.body == "Генеральная Ассамблея"
    assert doc.sponsors == ["Беларусь", "Казахстан", "Кыргызстан", "Российская Федерация"]
    assert [p.text.split()[0] for p in doc.preamble] == ["ссылаясь", "вновь", "будучи"]
    assert doc.preamble[0].text.endswith("организованной преступности[^1],")
    assert [p.number for p in doc.operative] == [1, 2, 3]
    assert [i.marker for i in doc.operative[1].items] == ["a", "b"]


def test_arabic_draft():
    doc = parse_file(DATA / "arabic_draft.txt")
    assert (doc.language, doc.agenda_item, doc.body) == ("ar", "28", "إن الجمعية العامة")
    assert len(doc.preamble) == 2 and doc.preamble[0].text.endswith("،[^1]")
    assert [p.number for p in doc.operative] == [1, 2]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("大会，\n\n回顾其决议，\n\n1. 决定继续审议这个问题。", "zh"),
        (
            "The General Assembly,\n\nRecalling its resolutions,\n\n1. Decides to remain seized of the matter.",
            "en",
        ),
        (
            "L’Assemblée générale,\n\nRappelant ses résolutions et les décisions du Conseil,\n\n1. Décide de rester saisie de la question.",
            "fr",
        ),
        (
            "La Asamblea General,\n\nRecordando sus resoluciones y las decisiones del Consejo,\n\n1. Decide seguir ocupándose de la cuestión.",
            "es",
        ),
        (
            "Генеральная Ассамблея,\n\nссылаясь на свои резолюции,\n\n1. постановляет продолжать заниматься этим вопросом.",
            "ru",
        ),
        ("إن الجمعية العامة،\n\nإذ تشير إلى قراراتها،\n\n1 - تقرر أن تبقي المسألة قيد نظرها.", "ar"),
    ],
)
def test_language_detection_and_minimal_texts(text, lang):
    assert detect_language(text) == lang
    doc = parse_text(text)
    assert doc.language == lang
    assert len(doc.preamble) == 1 and len(doc.operative) == 1
    assert doc.operative[0].number == 1


_LONG = {
    "zh": SEEDS / "001_334a0e47d0d674b7.txt",
    "en": CORPUS_EN / "A_RES_80_9.txt",
    "fr": DATA / "fr_projet.txt",
    "es": DATA / "es_resolucion.txt",
    "ru": DATA / "ru_proekt.txt",
    "ar": DATA / "arabic_draft.txt",
}


@pytest.mark.parametrize("written", LANGUAGES)
def test_a_language_contradicting_a_long_text_is_named(written):
    text = _LONG[written].read_text(encoding="utf-8")
    assert [contradicted(text, lang) for lang in LANGUAGES] == [
        None if lang == written else written for lang in LANGUAGES
    ]


def test_a_short_or_mixed_text_contradicts_nothing():
    short = "大会，\n\n1. 决定继续审议该问题。"
    assert contradicted(short, "en") is None and contradicted(short * 30, "en") == "zh"
    mixed = "La Asamblea General, de la Organización " * 30  # Spanish, but "de la" is French too
    assert contradicted(mixed, "fr") is None


@pytest.mark.parametrize(
    ("line", "lang", "sponsors"),
    [
        ("77 国集团和中国：决议草案", "zh", ["77国集团和中国"]),  # one group, named as the table has it
        ("Group of 77 and China: draft resolution", "en", ["Group of 77 and China"]),
        (
            "Trinidad and Tobago and United States of America: revised draft resolution",
            "en",
            ["Trinidad and Tobago", "United States of America"],
        ),
    ],
)
def test_group_and_compound_sponsors(line, lang, sponsors):
    body = (
        "大会，\n\n回顾其决议，\n\n1. 决定继续审议。"
        if lang == "zh"
        else "The General Assembly,\n\nRecalling its resolutions,\n\n1. Decides."
    )
    doc = parse_text(f"{line}\n\nTitle of the text\n\n{body}\n")
    assert doc.sponsors == sponsors


def _labelled(doc) -> dict[str, str]:
    return {loc.label: loc.paragraph.text for loc in iter_located(doc)}


# Whole drafts in the UN style of each language: masthead, sponsors, title, preamble, operative part
# with two levels of sub-items ("a)", "i)"; Russian also Cyrillic "а)", "б)"), notes across a page.
_DRAFT_LABELS = [
    "PP1", "PP2", "PP3", "OP1", "OP2", "OP2(a)", "OP2(b)", "OP2(b)(i)", "OP2(b)(ii)", "OP2(c)", "OP3",
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "lang", "head", "sponsors", "texts", "notes"),
    [
        (
            "fr_projet_complet.txt",
            "fr",
            (
                "A/C.3/80/L.25",
                "Quatre-vingtième session",
                "Troisième Commission",
                "27",
                "Promotion de la femme",
            ),
            [
                "Germany",
                "Belgium",
                "Côte d'Ivoire",
                "France",
                "Italy",
                "Luxembourg",
                "United Kingdom of Great Britain and Northern Ireland",
                "Senegal",
            ],
            {
                "PP2": "Rappelant le Programme de développement durable à l’horizon 2030[^2], dans lequel "
                "les États se sont engagés à éliminer la traite des personnes,",
                "OP1": "Exhorte les États Membres qui ne l’ont pas encore fait à ratifier la Convention des "
                "Nations Unies contre la criminalité transnationale organisée[^3] ou à y adhérer ;",
                "OP2(b)(ii)": "En leur fournissant une aide juridique[^1] ;",
                "OP2(c)": "De coopérer aux niveaux régional et international ;",
            },
            [
                "Résolution 64/293, annexe.",
                "Résolution 70/1.",
                "Nations Unies, Recueil des Traités, vol. 2225, no 39574.",
            ],
        ),
        (
            "es_proyecto.txt",
            "es",
            (
                "A/C.3/80/L.26",
                "Octogésimo período de sesiones",
                "Tercera Comisión",
                "27",
                "Adelanto de la mujer",
            ),
            ["Germany", "Argentina", "Brazil", "Chile", "Spain", "Italy", "Mexico", "Uruguay"],
            {
                "PP1": "Reafirmando su resolución 64/293, de 30 de julio de 2010, por la que aprobó el Plan de "
                "Acción Mundial de las Naciones Unidas para Combatir la Trata de Personas[^1],",
                "OP1": "Insta a los Estados Miembros que aún no lo hayan hecho a que ratifiquen la Convención de "
                "las Naciones Unidas contra la Delincuencia Organizada Transnacional[^3] o se adhieran a ella;",
                "OP2(b)(ii)": "Prestándoles asistencia jurídica[^2];",
                "OP2(c)": "Cooperen en los planos regional e internacional;",
            },
            [
                "Resolución 64/293, anexo.",
                "Resolución 70/1.",
                "Naciones Unidas, Treaty Series, vol. 2225, núm. 39574.",
            ],
        ),
        (
            "ru_proekt_polnyi.txt",
            "ru",
            ("A/C.3/80/L.27", "Восьмидесятая сессия", "Третий комитет", "27", "Улучшение положения женщин"),
            ["Belarus", "Kazakhstan", "China", "Russian Federation"],
            {
                "PP2": "ссылаясь на Повестку дня в области устойчивого развития на период до 2030 года[^2],",
                "OP2(a)": "укреплять меры по предупреждению торговли людьми;",  # printed "а)"
                "OP2(b)(ii)": "оказывать им юридическую помощь[^2];",
                "OP2(c)": "сотрудничать на региональном и международном уровнях;",  # printed "в)"
            },
            [
                "Резолюция 64/293, приложение.",
                "Резолюция 70/1.",
                "United Nations, Treaty Series, vol. 2225, No. 39574.",
            ],
        ),
    ],
)
def test_whole_drafts(name, lang, head, sponsors, texts, notes):
    doc = parse_file(DATA / name)
    assert (doc.language, doc.kind) == (lang, "draft")
    assert (doc.symbol, doc.session, doc.committee, doc.agenda_item, doc.agenda_title) == head
    assert [resolve(s).en for s in doc.sponsors] == sponsors
    labelled = _labelled(doc)
    assert list(labelled) == _DRAFT_LABELS
    assert {label: labelled[label] for label in texts} == texts
    assert [f.text for f in doc.footnotes] == notes
    everything = " ".join(labelled.values()) + doc.title
    for furniture in ("Distr", "Original", "25-1", "2/2", head[0], head[1], head[4]):
        assert furniture not in everything


@pytest.mark.parametrize(
    ("name", "adopted", "report", "title", "closing"),
    [
        (
            "fr_resolution.txt",
            "18 décembre 2019",
            "[sur la base du rapport de la Troisième Commission (A/74/400)]",
            "Amélioration de la coordination de l’action contre la traite des personnes",
            ("50e séance plénière", "18 décembre 2019"),
        ),
        (
            "ru_rezolyutsiya.txt",
            "18 декабря 2019 года",
            "[по докладу Третьего комитета (A/74/400)]",
            "Совершенствование координации усилий по борьбе с торговлей людьми",
            ("50-е пленарное заседание", "18 декабря 2019 года"),
        ),
    ],
)
def test_adopted_resolutions(name, adopted, report, title, closing):
    doc = parse_file(DATA / name)
    assert (doc.kind, doc.symbol, doc.resolution_number) == ("resolution", "A/RES/74/176", "74/176")
    assert (doc.adopted_on, doc.report_line, doc.title) == (adopted, report, title)
    assert (doc.closing.meeting, doc.closing.date) == closing
    assert list(_labelled(doc)) == ["PP1", "PP2", "OP1", "OP2", "OP2(a)", "OP2(b)", "OP3"]
    assert doc.operative[0].text.endswith("[^1] ;" if doc.language == "fr" else "[^1];")
    assert len(doc.footnotes) == 1


def test_cyrillic_letters_that_look_latin_keep_their_place():
    """A Latin list typed with a Cyrillic "с" for "c", and a Cyrillic list that reaches "е" (f)."""
    latin = "Генеральная Ассамблея,\n\n1. призывает:\n\na) первое;\n\nb) второе;\n\nс) третье.\n"
    assert [i.marker for i in parse_text(latin).operative[0].items] == ["a", "b", "c"]
    cyrillic = "".join(f"\n\n{c}) пункт;" for c in "абвгде")
    doc = parse_text(f"Генеральная Ассамблея,\n\n1. призывает:{cyrillic}\n")
    assert [i.marker for i in doc.operative[0].items] == ["a", "b", "c", "d", "e", "f"]
