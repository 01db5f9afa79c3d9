"""The times an action writes, as `datetime` would write them, from `time` alone (importing
`datetime` cost an action more than writing its three stamps)."""

import time


def utc_stamp() -> str:
    """Now in UTC to the microsecond: "2026-12-04T04:33:12.123456Z" (datetime.now(UTC).strftime(
    "%Y-%m-%dT%H:%M:%S.%fZ"))."""
    seconds, ns = divmod(time.time_ns(), 1_000_000_000)
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds)) + f".{ns // 1000:06d}Z"


def local_stamp() -> str:
    """Now in local time to the second, with its offset: "2026-12-04T05:33:12+01:00"
    (datetime.now().astimezone().replace(microsecond=0).isoformat())."""
    now = time.localtime()
    offset = now.tm_gmtoff or 0
    sign = "-" if offset < 0 else "+"
    hours, rest = divmod(abs(offset), 3600)
    minutes, seconds = divmod(rest, 60)
    zone = f"{sign}{hours:02d}:{minutes:02d}" + (f":{seconds:02d}" if seconds else "")
    return time.strftime("%Y-%m-%dT%H:%M:%S", now) + zone


def today() -> str:
    """The local date: "2026-12-04" (date.today().isoformat())."""
    return time.strftime("%Y-%m-%d")
