import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from draftroom.diff.inline import diff_texts, is_cjk, similarity, units


def sides(segments):
    old = "".join(t for op, t in segments if op != "insert")
    new = "".join(t for op, t in segments if op != "delete")
    return old, new


def test_words_in_spaced_scripts_are_whole_units():
    segs = diff_texts(
        "States should ratify the Convention", "States should consider ratifying the Convention"
    )
    changed = [t for op, t in segs if op != "equal"]
    assert "ratify" in changed and any("ratifying" in t for t in changed)
    assert all(not t.startswith("ify") and t != "ing" for t in changed)  # never half a word


def test_chinese_is_diffed_by_characters_and_numbers_stay_whole():
    segs = diff_texts(
        "请秘书长向大会第六十八届会议提交报告，第 64/178 号决议",
        "请秘书长向大会第七十六届会议提交报告，第 67/190 号决议",
    )
    assert ("delete", "六十八") in segs and ("insert", "七十六") in segs
    assert ("delete", "64/178") in segs and ("insert", "67/190") in segs
    assert is_cjk("请秘书长向大会") and not is_cjk("Requests the Secretary-General")


def test_footnote_reference_is_one_unit_and_renumbering_alone_is_no_change():
    assert "[^12]" in units("Convention,[^12] and")
    segs = diff_texts("the Convention[^2] and the Protocol", "the Convention[^3] and the Protocol", {2: 3})
    assert segs == [("equal", "the Convention[^3] and the Protocol")]
    segs = diff_texts("the Convention[^2]", "the Convention[^3]", {2: 4})
    assert ("delete", "[^2]") in segs and ("insert", "[^3]") in segs


def test_semantic_cleanup_reads_like_a_human_redline():
    segs = diff_texts(
        "Encourages all relevant stakeholders to strengthen coordination through existing mechanisms",
        "Invites regional organizations to join the group and exchange expertise with Member States",
    )
    # unrelated sentences: one deletion and one insertion, not confetti of shared "to" and spaces
    assert [op for op, _ in segs] == ["delete", "insert"]


def test_arabic_and_russian_are_diffed_by_words():
    segs = diff_texts("يطلب إلى الأمين العام أن يقدم تقريرا", "يطلب إلى الأمين العام أن يقدم تقريرا شاملا")
    assert segs[-1] == ("insert", " شاملا")
    segs = diff_texts(
        "просит Генерального секретаря представить доклад",
        "просит Генерального секретаря представить краткий доклад",
    )
    assert ("insert", "краткий ") in segs


def test_similarity_runs_from_zero_to_one():
    assert similarity(diff_texts("same text", "same text")) == 1.0
    assert similarity(diff_texts("abc", "")) == 0.0
    assert 0 < similarity(diff_texts("one two three", "one two four")) < 1


_pieces = st.sampled_from(
    ["贩运", "人口", "回顾", "the", " ", "Convention", "，", "[^1]", "64/178", "of", "决议"]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_pieces, max_size=30), st.lists(_pieces, max_size=30))
def test_segments_rebuild_both_texts(a, b):
    old, new = "".join(a), "".join(b)
    segs = diff_texts(old, new)
    assert sides(segs) == (old, new)
    assert all(text for _, text in segs)
    assert all(x[0] != y[0] for x, y in itertools.pairwise(segs) if "equal" in (x[0], y[0]))
