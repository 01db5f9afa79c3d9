"""The real test: the 2012 draft against its 2019 successor (Chinese, as extracted from PDF)."""

import difflib
import re

import pytest
from diff_support import SEEDS

from draftroom.diff.result import compare, units_of
from draftroom.parse import parse_file

OLD_FILE, NEW_FILE = "002_e512e5138112a4f1.txt", "001_334a0e47d0d674b7.txt"

# Read from both texts: (2012 paragraph, 2019 counterpart), each named by a phrase only it holds.
EXPECTED_PAIRS = [
    ("重申对下述问题的关切", "再次关切尽管在国际"),  # concern that trafficking remains a serious challenge
    ("回顾其关于改进工作协调", "回顾大会关于改进打击贩运人口工作的协调"),  # the earlier resolutions
    ("重申其 2010 年 7 月 30 日", "回顾大会在 2010 年 7 月 30 日第 64/293 号决议中"),  # the Global Plan
    ("回顾经济及社会理事会 2008 年", "还回顾经济及社会理事会 2017 年"),
    ("又赞赏地注意到人权理事会 2012 年", "回顾人权理事会题为"),
    ("回顾《联合国打击跨国有组织犯罪公约》", "又回顾《联合国打击跨国有组织犯罪公约》"),  # the instruments
    ("确认各国政府及政府间组织和非政府组织", "又认识到各国政府和政府间及非政府组织"),
    ("又确认会员国和相关政府间组织", "认识到会员国与相关政府间及非政府组织"),
    (
        "敦促尚未批准或加入《联合国打击跨国有组织犯罪公约》",
        "敦促尚未批准或加入《联合国打击跨国有组织犯罪公约》",
    ),
    ("吁请各国政府继续努力", "促请会员国继续致力于将一切形式"),  # criminalize all forms
    ("请各国和所有其他相关利益攸关方继续向", "继续鼓励各国和所有其他相关利益攸关方向该信托基金捐款"),
    ("请秘书长与会员国密切合作", "请秘书长和大会主席与会员国密切合作"),  # organizing the high-level meeting
    (
        "请秘书长向大会第六十八届会议提交",
        "请秘书长向大会第七十六届会议提交",
    ),  # the report to a future session
]
GONE = [
    "确认当前全球经济危机",
    "又敦促尚未批准或加入《儿童权利公约",
    "欣见大会2012年4月3日",
    "请大会主席拟定一份高级别会议纪要",
]
NEW_ONLY = [
    "再次强烈谴责贩运人口",
    "世界打击贩运人口行为日",
    "表示声援和同情",
    "邀请区域组织在其任务规定范围内",
]


@pytest.fixture(scope="module")
def docs():
    return parse_file(SEEDS / OLD_FILE), parse_file(SEEDS / NEW_FILE)


@pytest.fixture(scope="module")
def redline(docs):
    return compare(*docs, old_name="A/C.3/67/L.x", new_name="A/C.3/74/L.x/Rev.1")


def label_of(doc, phrase: str) -> str:
    found = [u.label for u in units_of(doc) if phrase in u.text]
    assert len(found) == 1, f"{phrase!r} names {found} in the parsed text"
    return found[0]


def test_paragraphs_that_carry_over_are_paired(docs, redline):
    old, new = docs
    pairs = {c.old: c.new for c in redline.pairs if c.old and c.new}
    for old_phrase, new_phrase in EXPECTED_PAIRS:
        assert pairs.get(label_of(old, old_phrase)) == label_of(new, new_phrase), old_phrase


def test_support_for_unodc_pairs_with_one_of_its_two_sources(docs, redline):
    old, new = docs
    sources = {
        label_of(old, "再次请秘书长为联合国预防犯罪"),
        label_of(old, "表示支持联合国毒品和犯罪问题办公室打击"),
    }
    target = label_of(new, "表示支持联合国毒品和犯罪问题办公室的活动")
    assert next(c.old for c in redline.pairs if c.new == target) in sources


def test_the_rest_is_inserted_or_deleted(docs, redline):
    old, new = docs
    status_old = {c.old: c.status for c in redline.pairs if c.old}
    status_new = {c.new: c.status for c in redline.pairs if c.new}
    assert all(status_old[label_of(old, p)] == "deleted" for p in GONE)
    assert all(status_new[label_of(new, p)] == "inserted" for p in NEW_ONLY)
    counts = redline.summary()
    assert counts["inserted"] > 30 and counts["deleted"] > 10  # a seven-year rewrite, mostly new text
    assert counts["changed"] + counts["moved"] >= len(EXPECTED_PAIRS)
    assert len([c for c in redline.pairs if c.old]) == len(units_of(old)) + 1  # each old paragraph once
    assert len([c for c in redline.pairs if c.new]) == len(units_of(new)) + 1  # (+1: the title)


def _plain(text: str) -> str:
    return re.sub(r"\[\^\d+\]|\s", "", text)


def test_no_pair_merely_shares_boilerplate(docs, redline):
    """Every pair shares a passage of 6+ characters found in at most 4 paragraphs of the two texts:
    openings (回顾, 请秘书长), organ and treaty names recurring everywhere do not count."""
    old, new = docs
    everything = [_plain(u.text) for u in (*units_of(old), *units_of(new))]
    texts_old = {u.label: _plain(u.text) for u in units_of(old)}
    texts_new = {u.label: _plain(u.text) for u in units_of(new)}
    for c in redline.pairs:
        if not (c.old and c.new) or c.old == "title":
            continue
        a, b = texts_old[c.old], texts_new[c.new]
        blocks = difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
        rarest = min(
            (
                sum(a[m.a : m.a + m.size][k : k + 6] in t for t in everything)
                for m in blocks
                if m.size >= 6
                for k in range(m.size - 5)
            ),
            default=99,
        )
        assert rarest <= 4, f"{c.old} → {c.new} share only common phrases"


def test_footnotes_are_compared_too(redline):
    by_status = {}
    for c in redline.footnotes:
        by_status.setdefault(c.status, []).append(c)
    # the treaty series references (第 2225 卷 ...) survive with new numbers
    treaty = [c for c in redline.footnotes if "第 2225 卷" in c.new_text]
    assert treaty and treaty[0].old is not None and treaty[0].old != treaty[0].new
    assert by_status.get("inserted") and by_status.get("deleted")
    assert redline.renumbered  # old note numbers mapped to new ones for unchanged references


def test_chinese_pairs_are_diffed_by_characters(docs, redline):
    new = docs[1]
    report = next(c for c in redline.pairs if c.new == label_of(new, "请秘书长向大会第七十六届会议提交"))
    assert ("delete", "六十八") in report.segments and ("insert", "七十六") in report.segments
