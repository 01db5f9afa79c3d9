"""The Member State table, name resolution, sponsor-line splitting and UN order, on real sponsor lines."""

import re
from pathlib import Path

import pytest
from corpus_support import CORPUS_EN, SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st

from draftroom.errors import DraftroomError
from draftroom.model import states
from draftroom.model.states import (
    KINDS,
    LANGUAGES,
    all_states,
    lookup,
    resolve,
    sort_key,
    split_sponsors,
    sponsor_line,
)

SEED_001 = SEEDS / "001_334a0e47d0d674b7.txt"
SPONSOR_TAIL = re.compile(r"[:：]\*?\s*(?:draft resolution|revised draft|amendment|订正决议草案|决议草案)")


def sponsor_block(text: str, lang: str) -> str:
    """The sponsor line of a document, its wrapped lines joined the way the parser joins them."""
    lines = text.splitlines()
    end = next(i for i, line in enumerate(lines) if SPONSOR_TAIL.search(line))
    start = end
    while start > 0:
        previous = max((i for i in range(start) if lines[i].strip()), default=None)
        # PDF text of Chinese documents puts a blank line between wrapped lines of the list
        if previous is None or (previous < start - 1 and not re.search("[、，]", lines[previous])):
            break
        start = previous
    parts = [line.strip() for line in lines[start : end + 1] if line.strip()]
    return ("" if lang == "zh" else " ").join(parts)


def corpus_sponsor_lines() -> list[Path]:
    return [p for p in sorted(CORPUS_EN.glob("*.txt")) if SPONSOR_TAIL.search(p.read_text(encoding="utf-8"))]


# --- the table ---------------------------------------------------------------------------------


def test_table_holds_the_193_members_the_observers_and_the_groups():
    kinds = [s.kind for s in all_states()]
    assert kinds.count("member") == 193
    assert {s.code for s in all_states() if s.kind == "observer"} == {"VAT", "PSE"}
    assert set(kinds) == set(KINDS)
    assert resolve("European Union").kind == "organization"
    assert resolve("Group of 77 and China").kind == "group"


def test_every_row_has_a_code_and_all_six_names():
    for state in all_states():
        assert re.fullmatch(r"[A-Z0-9]{3,4}", state.code), state
        assert state.en_sort, state.code
        for lang in LANGUAGES:
            name = state.name(lang)
            assert name and name == name.strip() and "  " not in name, (state.code, lang)
        if state.is_state:
            assert re.fullmatch(r"[A-Z]{3}", state.code) and re.fullmatch(r"[A-Z]{2}", state.iso2)


def test_aliases_add_names_the_row_does_not_already_have():
    for state in all_states():
        others = state.names()[: -len(state.aliases) or None]
        assert len(set(state.aliases)) == len(state.aliases), state.code
        assert not set(state.aliases) & set(others), state.code


def test_codes_and_names_are_unique_per_language():
    states = all_states()
    assert len({s.code for s in states}) == len(states)
    assert len({s.iso2 for s in states if s.iso2}) == len([s for s in states if s.iso2])
    for lang in LANGUAGES:
        names = [s.name(lang) for s in states]
        assert len(set(names)) == len(names), lang


def test_names_are_written_in_their_own_script():
    scripts = {"ru": r"[\u0400-\u04ff]", "ar": r"[\u0600-\u06ff]", "zh": r"[\u4e00-\u9fff]"}
    for state in all_states():
        for lang, script in scripts.items():
            assert re.search(script, state.name(lang)), (state.code, lang)
        for lang in ("en", "fr", "es"):
            assert not re.search("|".join(scripts.values()), state.name(lang)), (state.code, lang)


@pytest.mark.parametrize(
    ("code", "lang", "name"),
    [
        ("BOL", "zh", "多民族玻利维亚国"),
        ("BOL", "en", "Bolivia (Plurinational State of)"),
        ("RUS", "zh", "俄罗斯联邦"),
        ("GBR", "zh", "大不列颠及北爱尔兰联合王国"),
        ("GBR", "en", "United Kingdom of Great Britain and Northern Ireland"),
        ("USA", "zh", "美利坚合众国"),
        ("BGD", "zh", "孟加拉国"),
        ("NLD", "en", "Netherlands (Kingdom of the)"),
        ("TUR", "en", "Türkiye"),
        ("CIV", "en", "Côte d'Ivoire"),
        ("CIV", "zh", "科特迪瓦"),
        ("VEN", "en", "Venezuela (Bolivarian Republic of)"),
        ("VEN", "zh", "委内瑞拉玻利瓦尔共和国"),
        ("G77", "zh", "77国集团和中国"),
        ("RUS", "fr", "Fédération de Russie"),
        ("RUS", "es", "Federación de Rusia"),
        ("RUS", "ru", "Российская Федерация"),
        ("RUS", "ar", "الاتحاد الروسي"),
    ],
)
def test_known_un_forms(code, lang, name):
    assert resolve(code).name(lang) == name


def test_sort_key_and_running_form_of_the_sudan_style_entries():
    assert resolve("BHS").en_sort == "Bahamas"
    for code, running in [
        ("SDN", "the Sudan"),
        ("NER", "the Niger"),
        ("GMB", "The Gambia"),
        ("BHS", "The Bahamas"),
        ("COG", "the Congo"),
    ]:
        assert resolve(code).en_running == running


# --- resolve -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("names", "code"),
    [
        (["China", "中国", "CHN", "cn", " china ", "Chine", "Китай", "الصين"], "CHN"),
        (
            [
                "Russia",
                "Russian Federation",
                "RUS",
                "俄罗斯",
                "俄罗斯联邦",
                "Россия",
                "the Russian Federation",
            ],
            "RUS",
        ),
        (
            ["UK", "United Kingdom", "英国", "GB", "united  kingdom of great britain and northern ireland"],
            "GBR",
        ),
        (["USA", "United States", "美国", "U.S.", "Estados Unidos de América"], "USA"),
        (["Turkey", "Türkiye", "Turkiye", "TUR"], "TUR"),
        (["Bahamas (The)", "Bahamas", "The Bahamas", "Bahamas（The）"], "BHS"),
        (["the Sudan", "Sudan", "Soudan", "苏丹"], "SDN"),
        (["Ivory Coast", "Cote d'Ivoire", "Côte d’Ivoire", "科特迪瓦"], "CIV"),
        (["Czech Republic", "Czechia", "Tchéquie"], "CZE"),
        (["Swaziland", "Eswatini"], "SWZ"),
        (["DPRK", "North Korea", "朝鲜民主主义人民共和国"], "PRK"),
        (["Vatican", "Holy See", "教廷"], "VAT"),
        (["Palestine", "State of Palestine", "巴勒斯坦国"], "PSE"),
        (["G77", "Group of 77 and China", "77 国集团和中国", "Groupe des 77 et la Chine"], "G77"),
        (["Bolivia", "Bolivia（Plurinational State of）", "多民族玻利维亚国", "BO"], "BOL"),
        (["Guinea Bissau", "Guinée-Bissau", "غينيا-بيساو"], "GNB"),
        (["la Argentina", "الارجنتين"], "ARG"),
        (["El Salvador"], "SLV"),
    ],
)
def test_resolve_any_language_code_alias_case_and_spacing(names, code):
    assert {resolve(name).code for name in names} == {code}


def test_every_name_and_code_of_every_row_resolves_to_that_row():
    for state in all_states():
        for name in state.names():
            assert resolve(name) is state, (state.code, name)
            assert resolve(f"  {name.upper()}* ") is state, (state.code, name)


def test_resolve_returns_the_same_entity_for_china_in_every_form():
    assert resolve("China") is resolve("中国") is resolve("CHN")
    assert resolve("Russia") is resolve("Russian Federation")


@pytest.mark.parametrize(
    ("typo", "expected"),
    [
        ("Frence", "France"),
        ("Untied States", "United States"),
        ("俄罗斯联帮", "俄罗斯联邦"),
        ("Korea", None),
        ("Narnia", None),
    ],
)
def test_unknown_name_is_a_one_line_error_with_three_suggestions(typo, expected):
    with pytest.raises(DraftroomError) as err:
        resolve(typo)
    message = str(err.value)
    assert "\n" not in message and repr(typo) in message
    suggestions = message.split("did you mean ", 1)[1].split("?")[0].split(", ")
    assert len(suggestions) == 3
    assert all(lookup(s) is not None for s in suggestions)
    if expected:
        assert suggestions[0] == expected
    assert lookup(typo) is None


def test_a_partial_name_suggests_the_names_that_contain_it():
    with pytest.raises(DraftroomError) as err:
        resolve("Korea")
    suggested = {resolve(s).code for s in str(err.value).split("did you mean ")[1].split("?")[0].split(", ")}
    assert {"KOR", "PRK"} <= suggested


# --- split_sponsors ----------------------------------------------------------------------------


def test_split_the_chinese_seed_sponsor_line_of_15():
    text = SEED_001.read_text(encoding="utf-8")
    sponsors = split_sponsors(sponsor_block(text, "zh"), "zh")
    assert len(sponsors) == 15
    assert sponsors[0] == "阿塞拜疆" and sponsors[5] == "多米尼加共和国" and sponsors[6] == "厄瓜多尔"
    assert sponsors[-2:] == ["赞比亚", "津巴布韦"]
    assert "委内瑞拉玻利瓦尔共和国" in sponsors
    assert all(lookup(s) is not None for s in sponsors)


@pytest.mark.parametrize("path", corpus_sponsor_lines(), ids=lambda p: p.stem)
def test_split_every_english_corpus_sponsor_line(path):
    block = sponsor_block(path.read_text(encoding="utf-8"), "en")
    names = block.split(":")[0].replace("*", "").strip()
    sponsors = split_sponsors(block, "en")
    if "," in names:  # "A, B, ... and Z": one more sponsor than commas, plus the last one
        assert len(sponsors) == names.count(",") + 2
    assert " and ".join(sponsors) == names or ", ".join(sponsors[:-1]) + " and " + sponsors[-1] == names
    assert all(lookup(s) is not None for s in sponsors), sponsors
    assert all("*" not in s and ":" not in s for s in sponsors)


def test_split_the_66_sponsors_of_a_c3_80_l20():
    block = sponsor_block((CORPUS_EN / "A_C.3_80_L.20.txt").read_text(encoding="utf-8"), "en")
    sponsors = split_sponsors(block, "en")
    assert len(sponsors) == 66
    for name in [
        "Antigua and Barbuda",
        "Bahamas (The)",
        "Bosnia and Herzegovina",
        "Netherlands (Kingdom of the)",
        "Saint Kitts and Nevis",
        "Saint Vincent and the Grenadines",
        "Trinidad and Tobago",
        "Venezuela (Bolivarian Republic of)",
    ]:
        assert name in sponsors
    assert sponsors[0] == "Andorra" and sponsors[-1] == "Venezuela (Bolivarian Republic of)"


def test_split_the_49_sponsors_of_a_80_l18_with_the_united_kingdom_wrapped():
    block = sponsor_block((CORPUS_EN / "A_80_L.18.txt").read_text(encoding="utf-8"), "en")
    sponsors = split_sponsors(block, "en")
    assert len(sponsors) == 49
    assert "United Kingdom of Great Britain and Northern Ireland" in sponsors
    assert sponsors[-3:] == ["United Kingdom of Great Britain and Northern Ireland", "Uruguay", "Viet Nam"]


@pytest.mark.parametrize(
    ("line", "lang", "expected"),
    [
        (
            "Allemagne, Bosnie-Herzégovine, Pays-Bas (Royaume des), Royaume-Uni de Grande-Bretagne et "
            "d'Irlande du Nord et Trinité-et-Tobago : projet de résolution",
            "fr",
            [
                "Allemagne",
                "Bosnie-Herzégovine",
                "Pays-Bas (Royaume des)",
                "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord",
                "Trinité-et-Tobago",
            ],
        ),
        (
            "Groupe des 77 et la Chine* : projet de résolution",
            "fr",
            ["Groupe des 77 et la Chine"],
        ),
        (
            "Alemania, Bosnia y Herzegovina, Reino Unido de Gran Bretaña e Irlanda del Norte, "
            "Venezuela (República Bolivariana de), España e Italia: proyecto de resolución",
            "es",
            [
                "Alemania",
                "Bosnia y Herzegovina",
                "Reino Unido de Gran Bretaña e Irlanda del Norte",
                "Venezuela (República Bolivariana de)",
                "España",
                "Italia",
            ],
        ),
        (
            "la Argentina, el Brasil y San Vicente y las Granadinas: proyecto de resolución",
            "es",
            ["la Argentina", "el Brasil", "San Vicente y las Granadinas"],
        ),
        (
            "Беларусь, Босния и Герцеговина, Соединенное Королевство Великобритании и Северной\n"
            "Ирландии и Российская Федерация*: проект резолюции",
            "ru",
            [
                "Беларусь",
                "Босния и Герцеговина",
                "Соединенное Королевство Великобритании и Северной Ирландии",
                "Российская Федерация",
            ],
        ),
        (
            "Развивающиеся страны, не имеющие выхода к морю, и Монголия: проект резолюции",
            "ru",
            ["Развивающиеся страны, не имеющие выхода к морю", "Монголия"],
        ),
        (
            "الأرجنتين، البوسنة والهرسك، ترينيداد وتوباغو والاتحاد الروسي: مشروع قرار",
            "ar",
            ["الأرجنتين", "البوسنة والهرسك", "ترينيداد وتوباغو", "الاتحاد الروسي"],
        ),
        ("مجموعة الـ 77 والصين: مشروع قرار", "ar", ["مجموعة الـ 77 والصين"]),
        ("بيلاروس \ufeedالاتحاد الروسي: تعديل", "ar", ["بيلاروس", "الاتحاد الروسي"]),
        ("77 国集团和中国：决议草案", "zh", ["77国集团和中国"]),
        (
            "波斯尼亚和黑塞哥维那、中非共和国和特立尼达和多巴哥：决议草案",
            "zh",
            ["波斯尼亚和黑塞哥维那", "中非共和国", "特立尼达和多巴哥"],
        ),
        ("Group of 77 and China:* draft resolution", "en", ["Group of 77 and China"]),
        ("Uganda* (on behalf of the Group of 77 and China): draft resolution", "en", ["Uganda"]),
        ("Belarus and Russian Federation: amendment", "en", ["Belarus", "Russian Federation"]),
        (
            "Guinea-\nBissau, Papua New\nGuinea and Niger",
            "en",
            ["Guinea-Bissau", "Papua New Guinea", "Niger"],
        ),
        ("Austria, Belgium, and Chile", "en", ["Austria", "Belgium", "Chile"]),
    ],
)
def test_split_sponsor_lines_in_every_language(line, lang, expected):
    assert split_sponsors(line, lang) == expected
    assert all(lookup(name) is not None for name in expected)


def test_names_not_in_the_table_still_come_out_as_entries():
    assert split_sponsors("Ruritania, Freedonia and Trinidad and Tobago: draft", "en") == [
        "Ruritania",
        "Freedonia",
        "Trinidad and Tobago",
    ]
    assert split_sponsors("Ruritania and Freedonia", "en") == ["Ruritania", "Freedonia"]
    assert split_sponsors("乌有国、中国和某某国", "zh") == ["乌有国", "中国", "某某国"]


# --- UN order and the printed line ---------------------------------------------------------------


def test_sponsor_line_of_seed_001_in_chinese_and_english_reproduces_its_order():
    text = SEED_001.read_text(encoding="utf-8")
    block = sponsor_block(text, "zh")
    printed = split_sponsors(block, "zh")
    states = [resolve(name) for name in reversed(printed)]  # the order we get them in must not matter
    line = sponsor_line(states, "zh")
    assert line == "、".join(printed[:-1]) + "和" + printed[-1]
    assert block.startswith(line)
    english = sponsor_line(states, "en")
    assert english == (
        "Azerbaijan, Bangladesh, Belarus, China, Côte d'Ivoire, Dominican Republic, Ecuador, Kazakhstan, "
        "Kyrgyzstan, Pakistan, Russian Federation, Tajikistan, Venezuela (Bolivarian Republic of), "
        "Zambia and Zimbabwe"
    )


@pytest.mark.parametrize("path", corpus_sponsor_lines(), ids=lambda p: p.stem)
def test_sponsor_line_reproduces_the_english_corpus_order(path):
    block = sponsor_block(path.read_text(encoding="utf-8"), "en")
    printed = split_sponsors(block, "en")
    line = sponsor_line([resolve(name) for name in sorted(printed)], "en")
    assert block.startswith(line)


def test_sponsor_line_joins_in_each_language():
    states = [resolve(n) for n in ("Italy", "Spain", "Germany")]
    assert sponsor_line(states, "fr") == "Allemagne, Espagne et Italie"
    assert sponsor_line(states, "es") == "Alemania, España e Italia"
    assert sponsor_line(states, "ru") == "Германия, Испания и Италия"
    assert sponsor_line(states, "zh") == "德国、意大利和西班牙"
    assert sponsor_line(states, "ar") == "إسبانيا، ألمانيا وإيطاليا"  # س before ل
    assert sponsor_line(states[:1], "en") == "Italy"
    assert sponsor_line([], "en") == ""
    assert sponsor_line([resolve("Chile"), resolve("Peru")], "es") == "Chile y el Perú"


def test_spanish_lists_print_articles_and_sort_without_them():
    states = [resolve(n) for n in ("Canada", "Brazil", "Germany", "Argentina", "India")]
    assert sponsor_line(states, "es") == "Alemania, la Argentina, el Brasil, el Canadá y la India"
    assert sponsor_line([resolve("Chile"), resolve("Brazil")], "es") == "El Brasil y Chile"
    assert sponsor_line([resolve("United States"), resolve("Estonia")], "es") == (
        "Los Estados Unidos de América y Estonia"  # "estados" < "estonia", as UN Spanish lists have it
    )
    assert resolve("los Estados Unidos de América").code == "USA"
    assert resolve("Brazil").listed("es") == "el Brasil" and resolve("Brazil").name("es") == "Brasil"
    assert resolve("Brazil").listed("fr") == "Brésil"


def test_own_language_order_ignores_accents_and_the_arabic_article():
    # French: Égypte sorts as Egypte, between Danemark and Espagne
    states = [resolve(n) for n in ("Spain", "Egypt", "Denmark")]
    assert sponsor_line(states, "fr") == "Danemark, Égypte et Espagne"
    # Arabic: the article ال is ignored and hamza forms count as alif, as in UN Arabic lists:
    # الاتحاد الروسي (اتحاد) before إثيوبيا (اثيوبيا); الأرجنتين (ارجنتين) before أرمينيا
    arabic = [
        resolve(n).ar
        for n in sorted(
            ["Armenia", "Argentina", "Russian Federation", "Ethiopia"],
            key=lambda n: sort_key(resolve(n), "ar"),
        )
    ]
    assert arabic == ["الاتحاد الروسي", "إثيوبيا", "الأرجنتين", "أرمينيا"]
    # Chinese keeps the English order, whatever the Chinese names
    assert sort_key(resolve("Bahamas (The)"), "zh") < sort_key(resolve("Bahrain"), "zh")


def test_the_parts_fit_together_round_trip_for_every_state_in_every_language():
    members = [s for s in all_states() if s.kind == "member"]
    for lang in LANGUAGES:
        line = sponsor_line(members, lang)
        names = split_sponsors(line, lang)
        assert [resolve(n).code for n in names] == [
            s.code for s in sorted(members, key=lambda s: (sort_key(s, lang), sort_key(s, "en")))
        ], lang


@settings(max_examples=60, deadline=None)
@given(
    picked=st.lists(st.sampled_from(all_states()), min_size=1, max_size=12, unique=True),
    lang=st.sampled_from(LANGUAGES),
    width=st.integers(min_value=12, max_value=80),
)
def test_any_sponsor_line_wrapped_anywhere_splits_back_to_its_sponsors(picked, lang, width):
    line = sponsor_line(picked, lang) + ("：决议草案" if lang == "zh" else ": draft resolution")
    if lang == "zh":  # Chinese wraps anywhere; scripts with spaces wrap at a space
        wrapped = "\n".join(line[i : i + width] for i in range(0, len(line), width))
    else:
        wrapped = "\n".join(_wrap_at_spaces(line, width))
    names = split_sponsors(wrapped, lang)
    assert [resolve(n) for n in names] == sorted(picked, key=lambda s: (sort_key(s, lang), sort_key(s, "en")))


def _wrap_at_spaces(text: str, width: int) -> list[str]:
    lines, current = [], ""
    for word in text.split(" "):
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    return [*lines, current]


@pytest.mark.parametrize(
    "line",
    [
        "Афганистан и Развивающиеся страны, не имеющие выхода к морю",
        "Афганистан, Развивающиеся страны, не имеющие выхода к морю и Ангола",
    ],
)
def test_group_name_with_a_comma_next_to_a_conjunction_stays_whole(line):
    assert "Развивающиеся страны, не имеющие выхода к морю" in split_sponsors(line, "ru")


def test_a_name_as_the_table_writes_it_is_found_from_its_rows_alone(monkeypatch):
    """Before the table is built whole (most commands never build it), a name, code or alias is
    looked up in the rows whose line holds it: the same State the whole table gives, for every name."""
    exact = states._states()[1]
    monkeypatch.setattr(states, "_built", set())  # as in a command that has not built the table
    for name, state in exact.items():
        found = states._written(name)
        assert found == state or (found is None and name == state.listed("es")), name
    assert states._written("Narnia") is None and states._written("") is None
    assert not states._built
