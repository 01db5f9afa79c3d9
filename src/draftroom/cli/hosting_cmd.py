"""Verbs of a negotiation run across machines: keys, host, clone, sync, verify (and the server's guard)."""

import argparse
import sys

from draftroom.cli.options import NAME_HELP, home_and_acting
from draftroom.cli.printing import print_json
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
        print_json([{"delegation": k.actor, "fingerprint": k.fingerprint, "key": k.key} for k in listed])
        return 0
    if not listed:
        print(f"no keys registered in {words[0]}: the negotiation is not hosted")
    for k in listed:
        print(f"{k.actor:<45} {k.fingerprint}")
    return 0


def _host(args: argparse.Namespace) -> int:
    from draftroom.workflow import hosting

    where = hosting.host(args.name, args.at, args.actor, home=args.home)
    print(f"hosted {args.name}: delegations clone it with `draftroom clone URL --as DELEGATION`, URL being")
    print(args.url or where)
    return 0


def _clone(args: argparse.Namespace) -> int:
    from draftroom.workflow import hosting

    neg = hosting.clone(args.url, args.name, args.actor, home=args.home)
    print(f"cloned {neg.name} into {neg.path}")
    return 0


def _sync(args: argparse.Namespace) -> int:
    from draftroom.workflow import hosting

    done = hosting.sync(args.name, home=args.home)
    for line in done.refused:
        print(f"draftroom: {line}", file=sys.stderr)
    if done.offline:
        print(
            f"draftroom: offline ({done.offline}): your {done.waiting} action(s) wait here; "
            f"run `draftroom sync {args.name}` again once the remote answers",
            file=sys.stderr,
        )
        return 1
    print(
        f"synced {args.name}: {done.fetched} action(s) received, {done.pushed} sent, {len(done.refused)} refused"
    )
    return 1 if done.refused else 0


def _verify(args: argparse.Namespace) -> int:
    from draftroom.workflow import hosting

    problems = hosting.verify(args.name, home=args.home)
    if args.json:
        print_json({"ok": not problems, "problems": problems})
    else:
        for line in problems:
            print(line)
        if not problems:
            print(f"{args.name}: every action is signed by its actor's key and allowed for its role")
    return 1 if problems else 0


def _guard(args: argparse.Namespace) -> int:
    from draftroom.workflow import hosting

    return hosting.guard(args.hook)


def register(sub: argparse._SubParsersAction) -> None:
    home, acting = home_and_acting()

    p = sub.add_parser(
        "keys",
        parents=[home, acting],
        help="signing keys: `keys new --as WHO`, `keys add NAME WHO FILE.pub`, `keys NAME`",
    )
    p.add_argument("words", nargs="+", metavar="new | add NAME WHO FILE.pub | NAME")
    p.add_argument("--json", action="store_true", help="the registered keys as a list of objects")
    p.set_defaults(func=_keys)

    p = sub.add_parser(
        "host", parents=[home, acting], help="host a negotiation: a bare remote with its guard"
    )
    p.add_argument("name", help=NAME_HELP)
    p.add_argument("--at", required=True, metavar="PATH", help="a new folder for the bare repository")
    p.add_argument("--url", help="the URL the server will serve it at, to print (default: the path)")
    p.set_defaults(func=_host)

    p = sub.add_parser("clone", parents=[home, acting], help="clone a hosted negotiation onto this machine")
    p.add_argument("url", help="the path or URL the Secretariat handed out")
    p.add_argument("name", nargs="?", help="the name here (default: the remote's)")
    p.set_defaults(func=_clone)

    p = sub.add_parser("sync", parents=[home, acting], help="receive everyone's actions and send yours")
    p.add_argument("name", help=NAME_HELP)
    p.set_defaults(func=_sync)

    p = sub.add_parser("verify", parents=[home, acting], help="check every action's signature and rights")
    p.add_argument("name", help=NAME_HELP)
    p.add_argument("--json", action="store_true", help="{ok, problems}")
    p.set_defaults(func=_verify)

    p = sub.add_parser("guard", help=argparse.SUPPRESS)  # run by the remote's hooks
    p.add_argument("hook", choices=("pre-receive", "post-receive"))
    p.set_defaults(func=_guard)
