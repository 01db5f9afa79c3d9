"""Programs started without the subprocess module (store.spawn): real processes, their input and
output in full however large, exit codes, the signals and descriptors a child starts with."""

import os

import pytest

from draftroom.store import spawn

ENV = dict(os.environ)


def test_input_and_output_larger_than_a_pipe_pass_whole():
    data = bytes(range(256)) * 4096  # 1 MiB each way: a pipe holds 64 KiB
    code, out, err = spawn.run(["sh", "-c", "cat; cat >&2 </dev/null; printf x >&2"], ENV, input=data)
    assert (code, out, err) == (0, data, b"x")


def test_output_and_error_written_together_do_not_wait_on_each_other():
    # the child fills its error pipe before writing its output: both must be read as they come
    script = "head -c 300000 /dev/zero >&2; head -c 300000 /dev/zero"
    code, out, err = spawn.run(["sh", "-c", script], ENV)
    assert (code, len(out), len(err)) == (0, 300000, 300000)


def test_exit_codes_and_a_child_that_stops_reading():
    assert spawn.run(["sh", "-c", "exit 3"], ENV)[0] == 3
    assert spawn.run(["sh", "-c", "kill -TERM $$"], ENV)[0] == -15
    # it exits without reading its input: the rest is dropped, no BrokenPipeError
    assert spawn.run(["sh", "-c", "exit 0"], ENV, input=b"y" * 1_000_000)[0] == 0


def test_sigpipe_and_sigxfsz_are_back_at_their_defaults_in_the_child():
    # Python ignores them (and an ignored signal stays ignored through exec): a child writing into a
    # closed pipe must die of SIGPIPE, as it would started from a shell
    ignored = int(spawn.run(["grep", "SigIgn", "/proc/self/status"], ENV)[1].split()[1], 16)
    assert ignored & (1 << (13 - 1) | 1 << (25 - 1)) == 0  # SIGPIPE is 13, SIGXFSZ 25


def test_only_the_descriptors_passed_reach_the_child(tmp_path):
    passed = os.open(tmp_path / "lock", os.O_RDWR | os.O_CREAT)
    kept = os.open(tmp_path / "other", os.O_RDWR | os.O_CREAT)
    try:
        listing = ["sh", "-c", "ls /proc/self/fd"]
        seen = {int(n) for n in spawn.run(listing, ENV, pass_fds=(passed,))[1].split()}
        assert passed in seen and kept not in seen
        assert not os.get_inheritable(passed)  # as it was, for the next child
        assert passed not in {int(n) for n in spawn.run(listing, ENV)[1].split()}
    finally:
        os.close(passed)
        os.close(kept)


def test_a_program_not_found_is_an_error_and_leaks_no_descriptor():
    before = set(os.listdir("/proc/self/fd"))
    with pytest.raises(FileNotFoundError):
        spawn.run(["draftroom-no-such-program"], ENV, input=b"x")
    assert set(os.listdir("/proc/self/fd")) == before


def test_a_long_lived_child_answers_on_its_pipes():
    child = spawn.start(["cat"], ENV, stdin=True, stderr=False)
    assert child.stdin is not None and child.stdout is not None
    os.write(child.stdin, b"ping\n")
    assert os.read(child.stdout, 5) == b"ping\n"
    assert child.wait(block=False) is None  # still running
    os.close(child.stdin)
    assert child.wait() == 0
    os.close(child.stdout)
