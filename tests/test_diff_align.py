"""Alignment of paragraphs on documents written in code: counterparts pair, boilerplate never does."""

from diff_support import make_doc, pairs_of

from draftroom.diff.align import align_by_content, reading_order, similarities
from draftroom.diff.result import compare

OLD_PP = [
    "Recalling its resolution 64/178 of 18 December 2009 on improving the coordination of efforts against trafficking in persons,",
    "Reaffirming the United Nations Global Plan of Action to Combat Trafficking in Persons, adopted in resolution 64/293,",
    "Concerned that the current global economic crisis is likely to further aggravate the problem of trafficking in persons,",
    "Recognizing the need to raise public awareness with a view to eliminating the demand for trafficked persons,",
]
OLD_OP = [
    "Urges Member States that have not yet done so to consider ratifying or acceding to the United Nations Convention against Transnational Organized Crime and the Protocol to Prevent, Suppress and Punish Trafficking in Persons;",
    "Requests the Secretary-General to provide adequate resources for the United Nations crime prevention and criminal justice programme;",
    "Invites States to contribute to the United Nations Voluntary Trust Fund for Victims of Trafficking in Persons;",
    "Requests the Secretary-General to submit to the General Assembly at its sixty-eighth session a report on the implementation of the present resolution.",
]
NEW_PP = [
    "Strongly condemning trafficking in persons, especially women and children, which constitutes a crime and a serious threat to human dignity,",
    "Recalling its resolutions 64/178 of 18 December 2009 and 72/195 of 19 December 2017 on improving the coordination of efforts against trafficking in persons,",
    "Recalling also the adoption of the United Nations Global Plan of Action to Combat Trafficking in Persons in resolution 64/293, and stressing its full implementation,",
    "Recognizing the importance of bilateral, subregional and regional cooperation mechanisms to address trafficking in persons,",
]
NEW_OP = [
    "Requests the Secretary-General to submit to the General Assembly at its seventy-sixth session a report on the implementation of the present resolution, including recommendations.",
    "Urges Member States that have not yet done so to consider ratifying or acceding to, as a matter of priority, the United Nations Convention against Transnational Organized Crime and the Protocol to Prevent, Suppress and Punish Trafficking in Persons;",
    "Requests the Secretary-General and the President of the General Assembly to take all appropriate measures to organize the high-level meeting;",
]


def test_reworded_renumbered_and_moved_paragraphs_find_their_counterparts():
    r = compare(make_doc(OLD_PP, OLD_OP), make_doc(NEW_PP, NEW_OP))
    pairs = pairs_of(r)
    assert pairs["PP1"] == "PP2"
    assert pairs["PP2"] == "PP3"
    assert pairs["OP1"] == "OP2"
    assert pairs["OP4"] == "OP1"  # the report request, now first: a move
    status = {c.old: c.status for c in r.pairs if c.old}
    assert "moved" in {status["OP1"], status["OP4"]}
    assert status["PP1"] == "changed"


def test_paragraphs_sharing_only_boilerplate_are_not_paired():
    r = compare(make_doc(OLD_PP, OLD_OP), make_doc(NEW_PP, NEW_OP))
    pairs = pairs_of(r)
    # "Requests the Secretary-General to provide resources" is not "Requests the Secretary-General and
    # the President ... to organize the meeting"; "Recognizing the need to raise awareness" is not
    # "Recognizing the importance of cooperation mechanisms"
    assert pairs["OP2"] is None
    assert pairs["PP4"] is None
    assert pairs["PP3"] is None and pairs["OP3"] is None
    inserted = {c.new for c in r.pairs if c.status == "inserted"}
    assert {"PP1", "PP4", "OP3"} <= inserted
    assert r.summary()["inserted"] == len(inserted)


def test_chinese_boilerplate_openings_are_not_enough_to_pair():
    old = make_doc(
        [
            "重申其 2010 年 7 月 30 日关于联合国打击贩运人口的全球行动计划的第 64/293 号决议，",
            "确认当前全球经济危机很可能会进一步加剧人口贩运问题，",
        ],
        [
            "请秘书长为联合国预防犯罪和刑事司法方案提供足够的资源；",
            "请秘书长向大会第六十八届会议提交一份本决议执行情况报告。",
        ],
        language="zh",
    )
    new = make_doc(
        [
            "重申向贩运行为受害人提供人道主义、法律和财政援助的重要性，",
            "回顾大会在 2010 年 7 月 30 日第 64/293 号决议中通过了联合国打击贩运人口行为全球行动计划，",
        ],
        [
            "请秘书长和大会主席与会员国密切合作及协调，采取一切适当措施安排高级别会议；",
            "请秘书长向大会第七十六届会议提交关于本决议执行情况的报告。",
        ],
        language="zh",
    )
    pairs = pairs_of(compare(old, new))
    assert pairs == {"PP1": "PP2", "PP2": None, "OP1": None, "OP2": "OP2"}


def test_identical_texts_are_all_unchanged():
    doc = make_doc(OLD_PP, OLD_OP)
    r = compare(doc, make_doc(OLD_PP, OLD_OP))
    assert r.summary() == {"unchanged": 8, "changed": 0, "moved": 0, "inserted": 0, "deleted": 0}
    assert r.marked == 0


def test_revisions_of_one_negotiation_pair_by_id_even_when_rewritten():
    old = make_doc(["Alpha text,", "Beta text,"], ["Gamma decides;"], ids=["a", "b", "c"])
    new = make_doc(["Completely new wording,", "Alpha text,"], ["Gamma decides;"], ids=["b", "a", "c"])
    r = compare(old, new, by_id=True)
    by_old = {c.old: c for c in r.pairs}
    assert by_old["PP2"].new == "PP1" and by_old["PP2"].status in ("changed", "moved")
    assert by_old["PP1"].new == "PP2"
    assert {by_old["PP1"].status, by_old["PP2"].status} & {"moved"}
    assert by_old["OP1"].status == "unchanged"


def test_deletions_stand_where_they_stood():
    old = ["A one two three four,", "B gone entirely five six,", "C seven eight nine ten,"]
    new = ["A one two three four,", "C seven eight nine ten,", "D new words here,"]
    order = reading_order(align_by_content(old, new), 3, 3)
    assert order == [(0, 0), (1, None), (2, 1), (None, 2)]


def test_similarity_scores_are_symmetric_enough_and_bounded():
    scores = similarities(OLD_PP + OLD_OP, NEW_PP + NEW_OP, 0.0)
    assert all(0 <= s <= 1 for s in scores.values())
    back = similarities(NEW_PP + NEW_OP, OLD_PP + OLD_OP, 0.0)
    for (i, j), s in scores.items():
        assert abs(back[j, i] - s) < 1e-9


def test_texts_in_two_languages_pair_by_number_and_warn():
    en = make_doc(OLD_PP[:2], OLD_OP[:2])
    zh = make_doc(["回顾其第 64/178 号决议，", "重申全球行动计划，"], ["敦促会员国批准公约；"], language="zh")
    r = compare(en, zh)
    assert r.warnings and "'en'" in r.warnings[0] and "'zh'" in r.warnings[0]
    assert pairs_of(r) == {"PP1": "PP1", "PP2": "PP2", "OP1": "OP1", "OP2": None}


def test_a_paragraph_moved_unchanged_is_a_move_not_a_deletion_and_an_insertion():
    old = ["Alpha one two three,", "Beta four five six,", "Gamma seven eight,", "Delta nine ten,"]
    new = ["Delta nine ten,", "Alpha one two three,", "Beta four five six,", "Gamma seven eight,"]
    r = compare(make_doc(old, []), make_doc(new, []))
    assert [(c.old, c.new, c.status) for c in r.pairs] == [
        ("PP4", "PP1", "moved"),
        ("PP1", "PP2", "unchanged"),
        ("PP2", "PP3", "unchanged"),
        ("PP3", "PP4", "unchanged"),
    ]
