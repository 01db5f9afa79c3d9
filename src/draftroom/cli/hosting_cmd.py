"""Verbs of a negotiation run across machines: keys, host, clone, sync, verify (and the server's guard)."""

import argparse
import json
import sys

from draftroom.cli.options import add_home
from draftroom.errors import DraftroomError


def _keys(args: argparse.Namespace) -> int:
    from draftroom.workflow import keys

    words = args.words
    if words[0] == "new":
        if len(words) != 1:
            raise DraftroomError("`keys new` takes no more arguments: write `draftroom keys new --as France`")
        key = keys.new_key(args.actor)
        print(f"{'made' if key.created else 'already here'}: {key.path} ({key.actor})")
        print(key.public)
        return 0
    if words[0] == "add":
        if len(words) != 4:
            raise DraftroomError("write `draftroom keys add NAME DELEGATION FILE.pub --as Secretariat`")
        k = keys.add_key(words[1], words[2], words[3], args.actor, home=args.home)
        print(f"registered {k.actor}'s key {k.fingerprint} in {words[1]}")
        return 0
    if len(words) != 1:
        raise DraftroomError(
            "write `draftroom keys NAME`, `keys new --as WHO` or `keys add NAME WHO FILE.pub`"
        )
    listed = keys.registered(words[0], home=args.home)
    if args.json:
        json.dump(
            [{"delegation": k.actor, "fingerprint": k.fingerprint, "key": k.key} for k in listed],
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        sys.stdout.write("\n")
        return 0
    if not listed:
        print(f"no keys registered in {words[0]}: the negotiation is not hosted")
    for k in listed:
        print(f"{k.actor:<45} {k.fingerprint}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    home = argparse.ArgumentParser(add_help=False)
    add_home(home)
    acting = argparse.ArgumentParser(add_help=False)
    acting.add_argument("--as", dest="actor", metavar="WHO", help='who acts: a delegation or "Secretariat"')

    p = sub.add_parser(
        "keys",
        parents=[home, acting],
        help="signing keys: `keys new --as WHO`, `keys add NAME WHO FILE.pub`, `keys NAME`",
    )
    p.add_argument("words", nargs="+", metavar="new | add NAME WHO FILE.pub | NAME")
    p.add_argument("--json", action="store_true", help="the registered keys as a list of objects")
    p.set_defaults(func=_keys)
