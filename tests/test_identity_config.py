"""Who you are, saved for the next run: the config file is updated in place or left alone."""

import pytest

from draftroom.errors import DraftroomError
from draftroom.workflow.identity import config_path, configured_actor, configured_role, remember


def test_remember_creates_the_file_and_reads_back():
    path = remember("中国", "delegate")
    assert path == config_path() and path.is_file()
    assert configured_actor() == "中国" and configured_role() == "delegate"
    remember("Secretariat", "secretariat")  # who acts is saved, so the next command acts as the header said
    assert configured_actor() == "Secretariat" and configured_role() == "secretariat"
    assert path.read_text(encoding="utf-8").count("role =") == 1
    remember(None, "reviewer")  # a reviewer who named no delegation: no stale delegation left behind
    assert configured_actor() is None and configured_role() == "reviewer"


def test_a_broken_config_is_reported_and_never_overwritten():
    path = config_path()
    path.parent.mkdir(parents=True)
    path.write_text('as = "China\n', encoding="utf-8")
    with pytest.raises(DraftroomError, match="not valid TOML") as e:
        remember("Pakistan", "delegate")
    assert "\n" not in str(e.value)
    assert path.read_text(encoding="utf-8") == 'as = "China\n'


def test_an_unknown_role_in_the_config_is_ignored_and_a_non_string_refused():
    path = config_path()
    path.parent.mkdir(parents=True)
    path.write_text('role = "chair"\n', encoding="utf-8")
    assert configured_role() is None
    path.write_text("as = 3\n", encoding="utf-8")
    with pytest.raises(DraftroomError, match="must be a string"):
        configured_actor()
