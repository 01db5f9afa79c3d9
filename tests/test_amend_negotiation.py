"""A whole negotiation on a real Chinese draft (seed 002), through the command line.

Three delegations propose every kind of amendment, one withdraws, another co-signs; the
facilitator (Mexico) accepts, rejects, writes a compromise and cuts Rev.1. Two amendments
proposed on rev-0 are carried to Rev.1, one of them in conflict.
"""

import json

import pytest
from conftest import CORPUS_EN, SEEDS

SEED = SEEDS / "002_e512e5138112a4f1.txt"
RUS = "Russian Federation"


@pytest.mark.slow
def test_a_whole_negotiation_on_a_real_draft(run_cli):
    def ok(*args: str) -> str:
        r = run_cli(*args)
        assert r.returncode == 0, r.stderr
        return r.stdout.strip()

    def data(*args: str):
        return json.loads(ok(*args, "--json"))

    ok("new", "s", "--from", str(SEED), "--facilitator", "Mexico", "--as", "Mexico")
    rev0 = data("show", "s")
    op = {i + 1: p for i, p in enumerate(rev0["operative"])}

    a1 = ok(
        "amend",
        "s",
        "--as",
        "中国",
        "edit",
        "OP4",
        "--find",
        "加强工作协调",
        "--replace",
        "进一步加强工作协调",
        "--with",
        "Pakistan",
    )
    a2 = ok(
        "amend",
        "s",
        "--as",
        "Pakistan",
        "replace",
        "OP13",
        "--text",
        "请大会主席拟定一份高级别会议纪要，并分发给会员国；",
    )
    new_pp = "关切地注意到贩运人口与其他形式的跨国有组织犯罪之间的联系，[^: 见 A/67/100。]"
    a3 = ok("amend", "s", "--as", RUS, "insert", "--after", "PP14", "--text", new_pp, "--because", "联系")
    a4 = ok("amend", "s", "--as", "China", "delete", "OP13")
    a5 = ok("amend", "s", "--as", RUS, "move", "OP2", "--after", "OP3")
    a6 = ok("amend", "s", "--as", "Pakistan", "edit", "OP10", "--find", "捐款", "--replace", "自愿捐款")
    a7 = ok("amend", "s", "--as", RUS, "edit", "OP5", "--find", "交流伙伴机构", "--replace", "交流")
    ok("support", "s", a7, "--as", "China")
    a8 = ok("amend", "s", "--as", "China", "edit", "OP5", "--find", "良好做法", "--replace", "最佳做法")
    a9 = ok(
        "amend",
        "s",
        "--as",
        "Pakistan",
        "edit",
        "OP12",
        "--find",
        "以确定会议模式",
        "--replace",
        "以确定会议模式，并审议第 14 段所述报告",
    )
    carried = ok(
        "amend",
        "s",
        "--as",
        "Pakistan",
        "edit",
        "OP4",
        "--find",
        "私营部门",
        "--replace",
        "私营部门和民间社会",
    )
    clash = ok("amend", "s", "--as", RUS, "edit", "OP4", "--find", "加强工作协调", "--replace", "协调工作")
    assert ok("withdraw", "s", a6, "--as", "Pakistan") == f"{a6}: withdrawn"

    # roles: a delegation neither decides nor withdraws another's amendment
    r = run_cli("accept", "s", a1, "--as", "China")
    assert r.returncode == 2 and "only a facilitator can accept" in r.stderr
    r = run_cli("withdraw", "s", a1, "--as", RUS)
    assert r.returncode == 2 and "not a proposer" in r.stderr

    ok("accept", "s", a1, a3, a4, a5, a9, "--as", "Mexico")
    ok("reject", "s", a2, "--as", "Mexico")
    compromise_text = op[5]["text"].replace("交流伙伴机构", "交流").replace("良好做法", "最佳做法")
    c = ok("compromise", "s", a7, a8, "--text", compromise_text, "--as", "Mexico")
    r = run_cli("revise", "s", "--as", "Mexico")
    assert r.returncode == 0, r.stderr
    assert 'OP12: "第 14 段" points to paragraph 14 which is now paragraph 13' in r.stderr

    # Rev.1, exactly: paragraphs, numbers, footnotes
    rev1 = data("show", "s", "--rev", "Rev.1")
    old_pp = rev0["preamble"]
    new_id = "p-" + a3.lower()
    assert [p["id"] for p in rev1["preamble"]] == [p["id"] for p in old_pp[:14]] + [new_id] + [
        p["id"] for p in old_pp[14:]
    ]
    assert rev1["preamble"][14]["text"] == "关切地注意到贩运人口与其他形式的跨国有组织犯罪之间的联系，[^8]"
    order = [1, 3, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14]
    assert [p["id"] for p in rev1["operative"]] == [op[n]["id"] for n in order]
    assert [p["number"] for p in rev1["operative"]] == list(range(1, 14))
    assert [p["label"] for p in rev1["operative"]] == [f"OP{n}" for n in range(1, 14)]

    def renumbered(text: str) -> str:  # notes 8-12 of rev-0 follow the new note 8
        for n in range(12, 7, -1):
            text = text.replace(f"[^{n}]", f"[^{n + 1}]")
        return text

    expected = {n: renumbered(op[n]["text"]) for n in order}
    expected[4] = op[4]["text"].replace("加强工作协调", "进一步加强工作协调")
    expected[5] = compromise_text
    expected[12] = op[12]["text"].replace("以确定会议模式", "以确定会议模式，并审议第 14 段所述报告")
    assert [p["text"] for p in rev1["operative"]] == [expected[n] for n in order]
    assert [p["text"] for p in rev1["preamble"][15:]] == [renumbered(p["text"]) for p in old_pp[14:]]
    notes = [f["text"] for f in rev0["footnotes"]]
    assert [f["number"] for f in rev1["footnotes"]] == list(range(1, 14))
    assert [f["text"] for f in rev1["footnotes"]] == [*notes[:7], "见 A/67/100。", *notes[7:]]

    # the amendments after Rev.1
    listed = {a["id"]: a for a in data("amendments", "s")}
    assert {k: (v["status"], v["applied_in"]) for k, v in listed.items() if v["status"] == "accepted"} == {
        i: ("accepted", "rev-1") for i in (a1, a3, a4, a5, a9, c)
    }
    assert (listed[a2]["status"], listed[a6]["status"], listed[a7]["status"], listed[a8]["status"]) == (
        "rejected",
        "withdrawn",
        "merged",
        "merged",
    )
    assert listed[a7]["proposers"] == [RUS, "China"] and (listed[a1]["proposers"], listed[a1]["invited"]) == (
        ["China"],
        ["Pakistan"],  # --with invites; Pakistan joins by supporting it
    )
    assert listed[c]["proposers"] == ["Mexico"] and listed[c]["merges"] == [a7, a8]
    assert (listed[carried]["status"], listed[carried]["base"], listed[carried]["target"]) == (
        "proposed",
        "rev-1",
        "OP4",
    )
    assert listed[carried]["text"] == expected[4].replace("私营部门", "私营部门和民间社会")
    assert (listed[clash]["status"], listed[clash]["base"]) == ("conflicting", "rev-0")
    conflict = listed[clash]["conflict"]
    assert conflict["base_text"] == op[4]["text"] and conflict["current_text"] == expected[4]
    assert conflict["proposed_text"] == op[4]["text"].replace("加强工作协调", "协调工作")
    assert [a["id"] for a in data("amendments", "s", "--status", "conflicting")] == [clash]
    assert ok("accept", "s", carried, "--as", "Mexico") == f"{carried}: accepted"
    r = run_cli("accept", "s", clash, "--as", "Mexico")
    assert r.returncode == 2 and "no longer applies" in r.stderr

    # every action in the log, with the right author
    log = data("log", "s")[::-1]
    assert [(e["actor"], e["action"], e["amendment"]) for e in log] == [
        ("Mexico", "new", None),
        ("China", "propose", a1),
        ("Pakistan", "propose", a2),
        (RUS, "propose", a3),
        ("China", "propose", a4),
        (RUS, "propose", a5),
        ("Pakistan", "propose", a6),
        (RUS, "propose", a7),
        ("China", "support", a7),
        ("China", "propose", a8),
        ("Pakistan", "propose", a9),
        ("Pakistan", "propose", carried),
        (RUS, "propose", clash),
        ("Pakistan", "withdraw", a6),
        ("Mexico", "accept", a1),
        ("Mexico", "reject", a2),
        ("Mexico", "compromise", c),
        ("Mexico", "revise", None),
        ("Mexico", "accept", carried),
    ]
    assert log[14]["trailers"]["Amendment"] == [a1, a3, a4, a5, a9]
    assert log[17]["revision"] == "rev-1"

    # the same answers from the index rebuilt from git
    before = [data("amendments", "s"), data("amendments", "s", "--on", "OP4"), data("log", "s")]
    ok("reindex", "s")
    assert [data("amendments", "s"), data("amendments", "s", "--on", "OP4"), data("log", "s")] == before


def test_a_formal_amendments_document_is_recorded_for_its_sponsors(run_cli):
    """A/80/L.19 amends A/80/L.18 (both real); A/C.3/80/L.64 amends another draft."""
    r = run_cli("new", "l18", "--from", str(CORPUS_EN / "A_80_L.18.txt"), "--facilitator", "Mexico")
    assert r.returncode == 0, r.stderr
    r = run_cli("amend", "l18", "--from-document", str(CORPUS_EN / "A_80_L.19.txt"))
    assert r.returncode == 0, r.stderr
    (aid,) = r.stdout.split()
    (found,) = json.loads(run_cli("amendments", "l18", "--json").stdout)
    assert (found["id"], found["kind"], found["target"], found["proposers"]) == (aid, "delete", "PP38", [RUS])
    log = json.loads(run_cli("log", "l18", "--json").stdout)
    assert (log[0]["actor"], log[0]["action"], log[0]["amendment"]) == (RUS, "propose-document", aid)

    other = str(CORPUS_EN / "A_C.3_80_L.64.txt")
    r = run_cli("amend", "l18", "--from-document", other)
    assert r.returncode == 2 and "amends A/C.3/80/L.20/Rev.1, not A/80/L.18" in r.stderr
    r = run_cli("amend", "l18", "--from-document", other, "--force")  # its words are not in L.18
    assert r.returncode == 2 and r.stderr.startswith("draftroom: error: instruction 1:")
    assert len(json.loads(run_cli("log", "l18", "--json").stdout)) == len(log)
