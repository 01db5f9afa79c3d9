"""A bounded sample of the fuzzing harness (tests/fuzz_support.py) on every reader: no input reaches
an internal error. The long run is bench/fuzz.py."""

import pytest
from fuzz_support import READERS, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SAMPLE = {"text": 40, "pdf": 40, "docx": 60, "akn": 30, "amendments": 40, "amendment": 150}


@pytest.mark.parametrize("reader", sorted(READERS))
def test_no_input_is_an_internal_error(reader):
    @settings(
        max_examples=SAMPLE[reader],
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.data())
    def one(data):
        assert run(reader, data.draw(READERS[reader][0], label=reader)) in ("read", "refused")

    one()
