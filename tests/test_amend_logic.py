"""Amendments in memory: proposing, deciding, applying, carrying forward, cross-references."""

import re

import pytest
from amend_support import amend, chinese, english
from hypothesis import given, settings
from hypothesis import strategies as st

from draftroom.errors import DraftroomError
from draftroom.model import Instruction, find_by_id, labels, locate
from draftroom.model.amendment import from_dict, make_id, to_dict
from draftroom.model.revision import Revision
from draftroom.workflow import rules as wf
from draftroom.workflow.apply import apply
from draftroom.workflow.carry import carry
from draftroom.workflow.crossrefs import broken
from draftroom.workflow.formal import from_instructions, to_instructions


def texts(doc):
    return {label: locate(doc, label).paragraph.text for label in labels(doc).values()}


def test_ids_are_unique_and_carry_the_proposer():
    ids = {make_id("CHN", 1_700_000_000_000) for _ in range(2000)}
    assert len(ids) == 2000
    assert all(i.startswith("CHN-") for i in ids)


def test_edit_stores_a_patch_against_the_base_and_round_trips_as_json():
    doc = english()
    a = amend(doc, "China", "edit", target="op1", find="Strongly condemns", replace="Condemns")
    assert a.target == "op-a" and a.base_text == doc.operative[0].text
    assert a.text == "Condemns trafficking in persons, especially women and children;"
    assert a.patch and a.patch.startswith("@@")
    assert from_dict(to_dict(a)) == a


@pytest.mark.parametrize(
    ("kind", "kw", "message"),
    [
        ("replace", {"target": "OP99", "text": "x"}, "no paragraph OP99"),
        ("replace", {"target": "OP1", "text": "  "}, "empty"),
        ("edit", {"target": "OP1", "find": "in", "replace": "x"}, "occurs 2 times"),
        ("edit", {"target": "OP1", "find": "absent words", "replace": "x"}, "does not occur"),
        ("insert", {"anchor": "PP1", "text": "x"}, "the paragraph it goes after or before"),
        ("insert", {"anchor": "PP1", "position": "after", "text": "Noting[^9] x,"}, "footnote [^9]"),
        ("move", {"target": "OP2", "anchor": "OP2(a)", "position": "after"}, "itself"),
        ("move", {"target": "OP2", "anchor": "OP1", "position": "after"}, "already follows"),
        (
            "move",
            {"target": "OP2", "anchor": "PP3", "position": "after"},
            "OP2 is in the operative part, PP3 in",
        ),
        ("move", {"target": "PP1", "anchor": "OP1", "position": "before"}, "stays within its part"),
        ("move", {"target": "AN1", "anchor": "OP5", "position": "after"}, "AN1 is in annex 1, OP5 in the"),
        ("move", {"target": "OP2(b)", "anchor": "OP3", "position": "after"}, "a sub-item stays under a"),
        ("move", {"target": "OP3", "anchor": "OP2(a)", "position": "after"}, "cannot become a sub-item"),
    ],
)
def test_bad_proposals_are_one_line_errors(kind, kw, message):
    with pytest.raises(DraftroomError, match=re.escape(message)) as err:
        amend(english(), "China", kind, **kw)
    assert "\n" not in str(err.value)


@pytest.mark.parametrize(
    ("target", "anchor"), [("PP1", "PP3"), ("OP2(a)", "OP2(b)"), ("OP1", "OP5"), ("AN1", "AN2")]
)
def test_a_move_within_its_part_and_level_is_accepted(target, anchor):
    doc = english()
    pid, after = locate(doc, target).paragraph.id, locate(doc, anchor).paragraph.id
    moved = apply(doc, [amend(doc, "China", "move", target=target, anchor=anchor, position="after")])
    ids = [p.id for p in find_by_id(moved, pid).siblings]
    assert ids.index(pid) == ids.index(after) + 1


def test_find_forgives_whitespace_of_pdf_text():
    doc = chinese()
    a = amend(
        doc, "China", "edit", target="PP2", find="第64/178号决议", replace="第 64/178 号和第 64/293 号决议"
    )
    assert a.text == "回顾其第 64/178 号和第 64/293 号决议，[^1]"


def test_apply_every_kind_renumbers_paragraphs_items_and_footnotes():
    doc = english()
    moves = amend(doc, "Pakistan", "move", target="OP1", anchor="OP3", position="after")
    accepted = [
        amend(doc, "China", "edit", target="OP3", find="strengthen", replace="deepen"),
        amend(doc, "Egypt", "delete", target="PP1"),
        amend(
            doc, "China", "insert", anchor="OP2(a)", position="after", text="to train officials;[^: A/80/1.]"
        ),
        amend(doc, "Egypt", "insert", anchor="AN1", position="before", text="States shall cooperate.[^3]"),
        moves,
    ]
    new = apply(doc, accepted)
    assert [p.id for p in new.operative] == ["op-b", "op-c", "op-a", "op-d", "op-e"]
    assert [p.number for p in new.operative] == [1, 2, 3, 4, 5]
    assert [(i.marker, i.text) for i in new.operative[0].items] == [
        ("a", "to ratify the Protocol;[^2]"),
        ("b", "to train officials;[^3]"),
        ("c", "to protect victims;"),
    ]
    assert new.operative[1].text == "Urges Governments to deepen cooperation with civil society;"
    assert [p.id for p in new.preamble] == ["pp-b", "pp-c"]
    assert [(p.number, p.text) for p in new.annexes[0].paragraphs][:2] == [
        (1, "States shall cooperate.[^2]"),
        (2, "States shall prevent trafficking.[^1]"),
    ]
    assert [(f.number, f.text) for f in new.footnotes] == [
        (1, "Resolution 64/293."),
        (2, "United Nations, Treaty Series, vol. 2237, No. 39574."),
        (3, "A/80/1."),
    ]
    assert new.operative[0].items[1].id == accepted[2].new_paragraph_id
    assert doc.operative[0].id == "op-a" and len(doc.preamble) == 3  # the old text is untouched


def test_two_insertions_after_one_paragraph_keep_their_order():
    doc = english()
    first = amend(doc, "China", "insert", anchor="PP3", position="after", text="Noting A,")
    second = amend(doc, "Egypt", "insert", anchor="PP3", position="after", text="Noting B,")
    new = apply(doc, [second, first])
    assert [p.text for p in new.preamble[3:]] == ["Noting A,", "Noting B,"]


def test_accepted_amendments_on_the_same_words_are_refused():
    doc = english()
    a = amend(doc, "China", "edit", target="OP1", find="Strongly condemns", replace="Condemns")
    b = amend(doc, "Egypt", "edit", target="OP1", find="Strongly", replace="Firmly")
    with pytest.raises(DraftroomError, match="same words"):
        apply(doc, [a, b])
    c = amend(doc, "Egypt", "edit", target="OP1", find="women and children", replace="women and girls")
    assert (
        apply(doc, [a, c]).operative[0].text == "Condemns trafficking in persons, especially women and girls;"
    )


def test_withdraw_support_accept_reject_rules():
    doc = english()
    a = amend(doc, "China", "delete", target="OP4")
    wf.support(a, "Pakistan")
    assert a.proposers == ["China", "Pakistan"]
    with pytest.raises(DraftroomError, match="not a proposer"):
        wf.withdraw(a, "Egypt")
    assert wf.withdraw(a, "Pakistan") == "left" and a.status == "proposed"
    assert wf.withdraw(a, "China") == "withdrawn"
    with pytest.raises(DraftroomError, match="withdrawn"):
        wf.accept(a)
    b = amend(doc, "Egypt", "delete", target="OP3")
    wf.accept(b)
    wf.reject(b)  # the facilitator changes their mind before the revision
    assert b.status == "rejected"


def test_compromise_merges_proposals_on_one_paragraph():
    doc = english()
    a = amend(doc, "China", "edit", target="OP1", find="Strongly condemns", replace="Condemns")
    b = amend(doc, "Egypt", "replace", target="OP1", text="Deplores trafficking in persons;")
    c = wf.compromise(doc, "rev-0", "Mexico", [a, b], "Condemns all trafficking in persons;", "MEX")
    assert (a.status, b.status, c.status, c.merges, c.proposers) == (
        "merged",
        "merged",
        "accepted",
        [a.id, b.id],
        ["Mexico"],
    )
    assert apply(doc, [c]).operative[0].text == "Condemns all trafficking in persons;"
    d = amend(doc, "China", "delete", target="OP2")
    with pytest.raises(DraftroomError, match="different paragraphs"):
        wf.compromise(doc, "rev-0", "Mexico", [d, amend(doc, "China", "delete", target="OP3")], "x", "MEX")


def test_carry_rebases_applies_fuzzily_and_marks_conflicts_with_both_texts():
    doc = english()
    accepted = [
        amend(doc, "China", "edit", target="OP1", find="Strongly condemns", replace="Condemns"),
        amend(doc, "Egypt", "delete", target="OP3"),
        amend(doc, "Egypt", "delete", target="PP1"),
    ]
    pending = [
        amend(doc, "Pakistan", "edit", target="OP1", find="women and children", replace="women and girls"),
        amend(doc, "India", "edit", target="OP1", find="Strongly", replace="Firmly"),
        amend(doc, "India", "edit", target="OP3", find="civil society", replace="NGOs"),
        amend(doc, "India", "delete", target="OP3"),
        amend(doc, "Brazil", "edit", target="PP2", find="Global Plan", replace="United Nations Global Plan"),
    ]
    new = apply(doc, accepted)
    fine, clash, gone, moot, noted = carry(pending, doc, new, "Rev.1")
    assert (fine.status, fine.base, fine.base_text) == ("proposed", "Rev.1", new.operative[0].text)
    assert (
        apply(new, [fine]).operative[0].text == "Condemns trafficking in persons, especially women and girls;"
    )
    assert clash.status == "conflicting" and clash.base == "rev-0"
    assert clash.conflict.base_text == doc.operative[0].text
    assert clash.conflict.current_text == new.operative[0].text
    assert clash.conflict.proposed_text.startswith("Firmly condemns")
    assert gone.status == "conflicting" and "deleted in Rev.1" in gone.conflict.reason
    assert moot.status == "superseded"
    # the footnote the paragraph cites was renumbered from 2 to 1 when PP1 left
    assert noted.base_text.endswith("Action,[^1]") and noted.text.endswith("Action,[^1]")
    with pytest.raises(DraftroomError, match="no longer applies"):
        wf.accept(gone)
    assert pending[1].status == "proposed"  # carry works on copies


def test_carry_marks_pending_amendments_on_the_same_words():
    doc = english()
    a = amend(doc, "China", "edit", target="OP3", find="civil society", replace="NGOs")
    b = amend(doc, "Egypt", "edit", target="OP3", find="with civil society", replace="")
    c = amend(doc, "India", "edit", target="OP3", find="Urges", replace="Calls upon")
    ca, cb, cc = carry([a, b, c], doc, doc, "Rev.1")
    assert (ca.status, cb.status, cc.status) == ("conflicting", "conflicting", "proposed")
    assert ca.conflict.others == [b.id] and cb.conflict.others == [a.id]
    wf.accept(ca)  # still applies to the current text: the facilitator may choose it


def test_crossrefs_warn_when_renumbering_breaks_them():
    doc = english()
    new = apply(
        doc,
        [
            amend(doc, "China", "insert", anchor="OP1", position="before", text="Welcomes the report;"),
            amend(doc, "China", "insert", anchor="AN1", position="before", text="States shall act."),
        ],
    )
    warnings = broken(doc, new)
    assert (
        'OP5: "paragraph 3" points to paragraph 3 which is now paragraph 4: update the reference' in warnings
    )
    assert any(w.startswith('OP6: "paragraph 2" points to paragraph 2 of the annex') for w in warnings)
    assert any(w.startswith("AN3:") and "now paragraph 2" in w for w in warnings)
    assert len(warnings) == 3


def test_crossrefs_in_chinese_and_deleted_targets():
    doc = chinese()
    new = apply(doc, [amend(doc, "China", "delete", target="OP1")])
    assert broken(doc, new) == ['OP1: "第 1 段" points to paragraph 1 which this revision deleted']


def test_formal_instructions_become_amendments_and_back():
    doc = english()
    instructions = [
        Instruction("insert", after="PP3", text="Noting the report,"),
        Instruction("delete", target="OP4"),
        Instruction("replace", target="OP5", text="Decides to continue."),
        Instruction("delete-words", target="OP1", words="Strongly"),
        Instruction("replace-words", target="OP3", words="civil society", text="NGOs"),
        Instruction("insert-words", target="OP2(a)", words="Protocol", text="and the Convention"),
    ]
    found = from_instructions(doc, instructions, "rev-0", ["Lithuania", "Latvia"], "LTU")
    assert [a.kind for a in found] == ["insert", "delete", "replace", "edit", "edit", "edit"]
    assert found[5].text == "to ratify the Protocol and the Convention;[^3]"
    assert all(a.proposers == ["Lithuania", "Latvia"] for a in found)
    assert to_instructions(doc, found) == instructions
    with pytest.raises(DraftroomError, match=r"^instruction 2: no paragraph OP40"):
        from_instructions(doc, [instructions[0], Instruction("delete", target="OP40")], "rev-0", ["X"], "X")


def test_compilation_shows_every_pending_proposal_in_place_and_attributed():
    from draftroom.workflow.compile import compile_lines, render_html, render_text

    doc = english()
    doc.operative[2].status = "agreed-ad-ref"
    edit = amend(doc, "China", "edit", target="OP1", find="Strongly condemns", replace="Condemns")
    wf.support(edit, "Pakistan")
    shown = [
        edit,
        amend(doc, "Egypt", "edit", target="OP1", find="women and children", replace="women and girls"),
        amend(doc, "India", "replace", target="OP1", text="Deplores trafficking;"),
        amend(doc, "Egypt", "delete", target="OP4"),
        amend(doc, "India", "insert", anchor="OP4", position="after", text="Welcomes the report;"),
        amend(doc, "Brazil", "move", target="OP5", anchor="OP1", position="before"),
    ]
    withdrawn = amend(doc, "Brazil", "delete", target="OP3")
    wf.withdraw(withdrawn, "Brazil")
    code = {"China": "CHN", "Pakistan": "PAK", "Egypt": "EGY", "India": "IND", "Brazil": "BRA"}.get
    lines = compile_lines(doc, [*shown, withdrawn], code)
    text = render_text(doc, lines, Revision(0))
    assert (
        "OP1        [CHN, PAK: [-Strongly condemns-]{+Condemns+}] trafficking in persons, "
        "especially women and [EGY: [-children-]{+girls+}];"
    ) in text
    assert (
        "OP1 alt    [IND: [-Strongly condemns trafficking in persons, especially women and children-]"
        "{+Deplores trafficking+};]"
    ) in text
    assert "OP3        (agreed ad ref) Urges" in text
    assert "OP4 alt    [EGY: [-delete OP4-]]" in text
    assert "OP4 bis    [IND: {+Welcomes the report;+}]" in text
    assert "OP5 alt    [BRA: move OP5 before OP1]" in text
    assert "BRA: delete OP3" not in text and "[-delete OP3-]" not in text
    page = render_html(doc, lines, Revision(0))
    assert "<del>Strongly condemns</del><ins>Condemns</ins>" in page
    assert "[CHN, PAK: </b>" in page and '<span class="s agreed-ad-ref">agreed ad ref</span>' in page


def test_the_compilation_names_the_draft_as_its_readers_know_it_never_its_git_tag():
    """Its symbol when it has one; else "Base text" (revision 0) or "Rev.N"; in the Word export's
    heading in the export's language."""
    from draftroom.export.blocks import Options
    from draftroom.export.compilation_layout import compilation_layout
    from draftroom.workflow.compile import compile_lines, render_html, render_text

    doc = english()
    lines = compile_lines(doc, [], str)
    heading = render_text(doc, lines, Revision(0)).splitlines()[0]
    assert heading == f"Compilation text: A/C.3/80/L.99 {doc.title}"
    doc.symbol = None
    for revision, name in ((Revision(0), "Base text"), (Revision(2), "Rev.2")):
        heading = render_text(doc, lines, revision).splitlines()[0]
        assert heading == f"Compilation text: {doc.title} ({name})"
        assert f"<h1>Compilation text: {doc.title} ({name})</h1>" in render_html(doc, lines, revision)
    words = [b.text for b in compilation_layout(doc, Options("compilation", "zh"), [], Revision(0)).blocks]
    assert "汇编案文（基础案文）" in words and not any("rev-0" in w for w in words)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="ab c,中文;", max_size=30), st.text(alphabet="ab c,中文;", max_size=30))
def test_word_hunks_rebuild_the_new_text(old, new):
    from draftroom.workflow.patching import hunks

    out, pos = "", 0
    for start, end, added in hunks(old, new):
        assert pos <= start <= end
        out, pos = out + old[pos:start] + added, end
    assert out + old[pos:] == new
