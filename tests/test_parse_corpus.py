"""The parser on every real document: counts read off the documents by hand, and the exact text of
paragraphs that footnote blocks and page breaks cut in two."""

import re
from dataclasses import dataclass

import pytest
from corpus_support import CORPUS_EN, SEEDS

from draftroom.model import Heading, Paragraph, iter_located
from draftroom.parse import parse_file


@dataclass(frozen=True)
class Expected:
    kind: str
    preamble: int
    operative: int
    items: int  # sub-items at any depth, main part and annexes
    annex_headings: int
    annex_paragraphs: int
    footnotes: int
    meeting: str | None = None
    date: str | None = None


EXPECTED = {
    "000_6842e5c2552c18cd.txt": Expected(
        "resolution", 16, 7, 9, 4, 62, 18, "第 109 次全体会议", "2010 年 7 月 30 日"
    ),
    "001_334a0e47d0d674b7.txt": Expected("revised-draft", 40, 26, 6, 0, 0, 23),
    "002_e512e5138112a4f1.txt": Expected("draft", 22, 14, 0, 0, 0, 12),
    "A_80_L.18.txt": Expected("draft", 46, 52, 0, 0, 0, 21),
    "A_80_L.8.txt": Expected("draft", 0, 1, 13, 0, 31, 15),
    "A_C.3_80_L.20.txt": Expected("draft", 51, 57, 7, 0, 0, 40),
    "A_C.3_80_L.3.txt": Expected("draft", 72, 73, 0, 0, 0, 51),
    "A_RES_80_112.txt": Expected(
        "resolution", 46, 52, 0, 0, 0, 21, "60th plenary meeting", "10 December 2025"
    ),
    "A_RES_80_190.txt": Expected(
        "resolution", 52, 58, 7, 0, 0, 40, "62nd plenary meeting", "15 December 2025"
    ),
    "A_RES_80_229.txt": Expected(
        "resolution", 78, 79, 0, 0, 0, 61, "69th plenary meeting", "18 December 2025"
    ),
    "A_RES_80_9.txt": Expected("resolution", 0, 1, 13, 0, 31, 15, "48th plenary meeting", "24 November 2025"),
}
AMENDMENTS = {  # amended symbol, number of instructions, notes
    "A_80_L.19.txt": ("A/80/L.18", 1, 1),
    "A_80_L.20.txt": ("A/80/L.18", 1, 0),
    "A_C.3_80_L.57.txt": ("A/C.3/80/L.3/Rev.1", 2, 0),
    "A_C.3_80_L.62.txt": ("A/C.3/80/L.20/Rev.1", 1, 0),
    "A_C.3_80_L.63.txt": ("A/C.3/80/L.20/Rev.1", 1, 0),
    "A_C.3_80_L.64.txt": ("A/C.3/80/L.20/Rev.1", 4, 0),  # "paragraphs 27 and 43": two
}
_ROMAN_HEADING = re.compile(r"^[一二三四五六七八九十]+ \S")


def _path(name: str):
    return (SEEDS if name[0].isdigit() else CORPUS_EN) / name


def test_every_document_is_covered():
    names = {p.name for p in SEEDS.glob("*.txt")} | {p.name for p in CORPUS_EN.glob("*.txt")}
    assert names == set(EXPECTED) | set(AMENDMENTS)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_counts(name):
    want = EXPECTED[name]
    doc = parse_file(_path(name))
    located = list(iter_located(doc))
    headings = [b for a in doc.annexes for b in a.blocks if isinstance(b, Heading)]
    numbered_headings = (
        [h for h in headings if _ROMAN_HEADING.match(h.text)] if doc.language == "zh" else headings
    )
    assert doc.kind == want.kind
    assert len(doc.preamble) == want.preamble
    assert len(doc.operative) == want.operative
    assert sum(1 for loc in located if loc.parent is not None) == want.items
    assert len(numbered_headings) == want.annex_headings
    assert sum(len(a.paragraphs) for a in doc.annexes) == want.annex_paragraphs
    assert [f.number for f in doc.footnotes] == list(range(1, want.footnotes + 1))
    assert (doc.closing.meeting, doc.closing.date) == (want.meeting, want.date)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_note_is_referred_to_in_order(name):
    doc = parse_file(_path(name))
    first: list[int] = []
    for loc in iter_located(doc):
        for n in re.findall(r"\[\^(\d+)\]", loc.paragraph.text):
            if int(n) not in first:
                first.append(int(n))
    assert first == [f.number for f in doc.footnotes]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_operative_numbers_run_in_order(name):
    doc = parse_file(_path(name))
    numbers = [p.number for p in doc.operative]
    assert numbers == (list(range(1, len(numbers) + 1)) if len(numbers) > 1 else [None])
    for annex in doc.annexes:
        printed = [p.number for p in annex.paragraphs if p.number is not None]
        assert printed == list(range(1, len(printed) + 1))


@pytest.mark.parametrize("name", sorted(AMENDMENTS))
def test_amendments(name):
    amends, count, notes = AMENDMENTS[name]
    doc = parse_file(_path(name))
    assert doc.kind == "amendments"
    assert doc.amends == amends
    assert len(doc.instructions) == count
    assert len(doc.footnotes) == notes


CUT = [
    # a paragraph cut by a footnote block with no rule (superscript notes), Chinese
    (
        "000_6842e5c2552c18cd.txt",
        "PP6",
        "重申大会通过《联合国打击跨国有组织犯罪公约》[^3]及《联合国打击跨国有组织犯罪公约关于预防、禁止和惩治贩运人口"
        "特别是妇女和儿童行为的补充议定书》[^4]的2000年11月15日第55/25号决议，并回顾其他有关公约和文书，如国际劳工组织"
        " 1930 年《强迫劳动公约》(第 29 号)和 1999 年《最恶劣形式的童工劳动公约》(第 182 号)、《废止奴隶制、奴隶贩运及类似"
        "奴隶制的制度与习俗补充公约》、[^5]《儿童权利公约》[^6]及其《关于买卖儿童、儿童卖淫和儿童色情制品问题的任择议定书》"
        "[^7]和《关于儿童卷入武装冲突问题的任择议定书》[^8]以及《消除对妇女一切形式歧视公约》，[^9]",
    ),
    # cut at a semicolon inside a preambular paragraph
    (
        "000_6842e5c2552c18cd.txt",
        "PP15",
        None,
    ),
    (
        "000_6842e5c2552c18cd.txt",
        "AN5",  # the annex's paragraph 4: AN1 is the sentence leading into the numbered paragraphs
        None,
    ),
    (
        "002_e512e5138112a4f1.txt",
        "PP12",
        "确认机构间打击贩运人口协调小组可发挥重要作用，促进联合国毒品和犯罪问题办公室、联合国人权事务高级专员办事处、"
        "联合国难民事务高级专员办事处、联合国儿童基金会、联合国促进性别平等和增强妇女权能署(妇女署)、国际劳工组织、"
        "国际移民组织和其他政府间组织等根据各自现有任务授权参与全球打击人口贩运行为的行为体相互协调与合作，",
    ),
    (
        "002_e512e5138112a4f1.txt",
        "OP8",
        "表示支持联合国毒品和犯罪问题办公室打击人口贩运行为的的活动，并期待联合国毒品和犯罪问题办公室按照大会 2010 年"
        " 7 月 30 日第 64/293 号决议的要求，在现有资源内，于 2012 年 12 月在联合国总部推出题为《人口贩运：全球形势》的报告；",
    ),
    # wrapped every line, blank lines everywhere, a ruled note block and a URL list in the middle
    (
        "001_334a0e47d0d674b7.txt",
        "PP4",
        "回顾大会通过《2030 年可持续发展议程》，[^1]并回顾可持续发展目标的下列具体目标：消除公共和私营部门针对妇女和"
        "女童一切形式的暴力行为，包括贩卖、性剥削及其他形式的剥削；[^2]立即采取有效措施，根除强制劳动、现代奴隶制和"
        "贩卖人口，禁止和消除最恶劣形式的使用童工，包括招募和利用童兵，到 2025 年终止一切形式的使用童工；[^3]制止对"
        "儿童进行虐待、剥削、贩卖以及一切形式的暴力和酷刑，[^4]",
    ),
    (
        "001_334a0e47d0d674b7.txt",
        "OP1",
        "敦促尚未批准或加入《联合国打击跨国有组织犯罪公约》[^2]和《联合国打击跨国有组织犯罪公约关于预防、禁止和惩治贩运"
        "人口特别是妇女和儿童行为的补充议定书》[^3]的会员国考虑优先批准或加入这些文书，同时顾及这些文书在打击贩运人口方面"
        "的核心作用，并敦促这些文书的缔约国充分且有效地执行这些文书；",
    ),
    # English: notes under a rule, then a page header, in the middle of a sentence
    (
        "A_80_L.8.txt",
        "AN4",
        "We reaffirm the crucial importance of universal ratification of the United Nations Convention against "
        "Transnational Organized Crime[^5] and the Protocol to Prevent, Suppress and Punish Trafficking in Persons, "
        "Especially Women and Children, supplementing the United Nations Convention against Transnational Organized "
        "Crime,[^6] taking into consideration the central role of those instruments in the fight against trafficking "
        "in persons, and urge Member States that have not yet done so to consider ratifying or acceding to the "
        "Convention and the Protocol as a matter of priority. We urge States Parties to those instruments to implement "
        "them effectively, including through the Mechanism for the Review of the Implementation of the United Nations "
        "Convention against Transnational Organized Crime and the Protocols thereto.",
    ),
    (
        "A_RES_80_9.txt",
        "AN2",
        "We recall and reaffirm our commitments to the 2030 Agenda for Sustainable Development,[^4] recognizing its "
        "integrated and indivisible nature and acknowledging that the 2030 Agenda includes commitments that relate to "
        "combating all forms of trafficking in persons, recognize the importance of partnerships and international "
        "cooperation in this regard, and emphasize that the 2030 Agenda and the Global Plan of Action are mutually "
        "reinforcing.",
    ),
    # a page break with a two-line running title, inside an operative paragraph
    ("A_RES_80_112.txt", "OP19", None),
]
CUT_JOINS = {  # where the cut was, as it must read
    (
        "000_6842e5c2552c18cd.txt",
        "PP15",
    ): "《移徙问题区域会议行动计划》；南亚区域合作联盟《防止和打击贩运妇女和儿童卖淫的公约》；",
    (
        "000_6842e5c2552c18cd.txt",
        "AN5",
    ): "以及《消除对妇女一切形式歧视公约》，[^9]防止人口贩运，保护人口贩运受害者",
    (
        "A_RES_80_112.txt",
        "OP19",
    ): "as well as hospitals and other medical facilities, and strongly urges States to conduct full, prompt",
}


@pytest.mark.parametrize(("name", "label", "text"), CUT)
def test_paragraphs_cut_by_notes_are_joined(name, label, text):
    doc = parse_file(_path(name))
    para = next(loc.paragraph for loc in iter_located(doc) if loc.label == label)
    if text is not None:
        assert para.text == text
    else:
        assert CUT_JOINS[(name, label)] in para.text


def test_head_of_a_draft():
    doc = parse_file(CORPUS_EN / "A_80_L.18.txt")
    assert doc.symbol == "A/80/L.18"
    assert doc.session == "Eightieth session"
    assert doc.committee is None
    assert doc.agenda_item == "72 (a)"
    assert doc.agenda_title.startswith(
        "Strengthening of the coordination of humanitarian and disaster relief"
    )
    assert doc.date == "26 November 2025"
    assert (
        doc.title
        == "Safety and security of humanitarian personnel and protection of United Nations personnel"
    )
    assert doc.body == "The General Assembly"
    assert len(doc.sponsors) == 49
    assert doc.sponsors[:2] == ["Armenia", "Austria"]
    assert "Bosnia and Herzegovina" in doc.sponsors
    assert "Netherlands (Kingdom of the)" in doc.sponsors
    assert "United Kingdom of Great Britain and Northern Ireland" in doc.sponsors
    assert doc.sponsors[-1] == "Viet Nam"


def test_head_of_an_adopted_resolution():
    doc = parse_file(CORPUS_EN / "A_RES_80_190.txt")
    assert (doc.kind, doc.symbol, doc.resolution_number) == ("resolution", "A/RES/80/190", "80/190")
    assert doc.adopted_on == "15 December 2025"
    assert doc.report_line == "[on the report of the Third Committee (A/80/545, para. 5)]"
    assert doc.title == "Rights of the child"
    assert doc.sponsors == []


def test_head_of_a_chinese_draft_with_a_wrapped_sponsor_line():
    doc = parse_file(SEEDS / "001_334a0e47d0d674b7.txt")
    assert (doc.session, doc.committee, doc.agenda_item) == ("第七十四届会议", "第三委员会", "106")
    assert doc.agenda_title == "预防犯罪和刑事司法"
    assert doc.title == "改进打击贩运人口工作的协调"
    assert doc.body == "大会"
    assert len(doc.sponsors) == 15
    assert doc.sponsors[0] == "阿塞拜疆"
    assert "厄瓜多尔" in doc.sponsors
    assert doc.sponsors[-2:] == ["赞比亚", "津巴布韦"]


def test_chinese_adopted_resolution_head_and_annex():
    doc = parse_file(SEEDS / "000_6842e5c2552c18cd.txt")
    assert doc.resolution_number == "64/293"
    assert doc.adopted_on == "2010年7月30日"
    assert doc.report_line == "[未经发交主要委员会而通过(A/64/L.64)]"
    assert doc.title == "联合国打击贩运人口的全球行动计划"
    annex = doc.annexes[0]
    assert annex.title == "联合国打击贩运人口的全球行动计划"
    headings = [b.text for b in annex.blocks if isinstance(b, Heading)]
    assert headings == [
        "一 防止贩运人口",
        "二 保护和协助贩运人口行为受害者",
        "三 起诉贩运人口罪行",
        "四 加强防止贩运人口方面的伙伴关系",
    ]
    # the sentence leading into the numbered paragraphs is a paragraph, unnumbered, not a heading
    lead_in = annex.blocks[0]
    assert isinstance(lead_in, Paragraph) and lead_in.number is None
    assert lead_in.text.startswith("我联合国会员国重申承诺") and lead_in.text.endswith("该行动计划：")
    assert annex.paragraphs[1].number == 1
    assert annex.paragraphs[43].number == 43 and [i.marker for i in annex.paragraphs[43].items] == [
        "a",
        "b",
        "c",
    ]
    assert "**" not in doc.operative[0].text and doc.operative[0].text.startswith("通过本决议及其附件")


def test_single_unnumbered_operative_paragraph_and_annex():
    doc = parse_file(CORPUS_EN / "A_80_L.8.txt")
    assert doc.body == "The General Assembly"
    assert doc.preamble == []
    assert doc.operative[0].number is None
    assert doc.operative[0].text.startswith("Adopts the 2025 Political Declaration")
    assert doc.sponsors == ["President of the General Assembly"]
    assert doc.annexes[0].title.startswith("2025 Political Declaration on the Implementation")
    items = doc.annexes[0].paragraphs[17].items
    assert [i.marker for i in items] == ["a", "b", "c", "d", "e", "f"]
    assert items[0].text.startswith(
        "We reaffirm our strong support for the United Nations voluntary trust fund"
    )
