"""The stamps an action writes (draftroom.clock) are what `datetime` writes, in any time zone."""

import time
from datetime import UTC, date, datetime, timedelta

import pytest

from draftroom import clock


@pytest.mark.parametrize(
    "zone", ["UTC", "Asia/Kolkata", "America/St_Johns", "Europe/Paris", "Pacific/Chatham"]
)
def test_the_stamps_are_datetimes(monkeypatch, zone):
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        before = datetime.now(UTC)
        utc, local, day = clock.utc_stamp(), clock.local_stamp(), clock.today()
        after = datetime.now(UTC)
        assert before <= datetime.strptime(utc, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC) <= after
        made = datetime.fromisoformat(local)
        assert before - timedelta(seconds=1) <= made <= after and made.microsecond == 0
        assert made.utcoffset() == datetime.now().astimezone().utcoffset()
        assert local == made.isoformat() == made.astimezone().replace(microsecond=0).isoformat()
        assert day in (date.today().isoformat(), (date.today() - timedelta(days=1)).isoformat())
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
