"""Turns to push to a hosted negotiation's remote, served in order, so that a clone that lost the race
to push is never starved by clones that keep winning it.

A sync that has actions to send first asks the remote for the turn: it pushes git's empty tree to
`refs/draftroom/turn` with the push option `draftroom-turn=TOKEN` (a random name for this sync). The
pre-receive hook answers in shell, without starting Python: it files a ticket under `draftroom-turns/`
in the bare repository, named by the time it was first asked for, and waits (up to the seconds the
client allows, `draftroom-turn-wait=N`) until its ticket is the oldest; then it answers
`draftroom: turn`, else `draftroom: queued N` and the client asks again, keeping its place. Either way
the push is refused, so no ref is ever made. The holder fetches, replays and pushes `main` with the
same option; the post-receive hook drops its ticket, and the next one holds the turn. A push to `main`
while another clone's ticket holds the turn is answered "wait for the turn" and its sync queues.

A ticket nobody renewed for LEASE_SECONDS (a clone that crashed or lost the network while it held the
turn or waited) is dropped by the next hook that looks, so the queue never stalls for longer; a
waiting hook renews its own ticket every second, and a push to `main` by the holder renews it while
its guard judges. A sync that ends without pushing gives its turn, or its place, back
(`draftroom-turn-done`).

Any transport that passes push options to the hooks serves turns: git's daemon, ssh, smart HTTP
(`receive.advertisePushOptions`, which `host` sets). A remote hosted before turns, or a server that
does not pass push options, answers otherwise: the sync then races as before (see
draftroom.workflow.hosting.backoff).
"""

from draftroom.record import record

REF = "refs/draftroom/turn"
OPTION, WAIT_OPTION, DONE_OPTION = "draftroom-turn", "draftroom-turn-wait", "draftroom-turn-done"
FOLDER = "draftroom-turns"  # in the bare repository
LEASE_SECONDS = 10
EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
WAIT_FOR_TURN = "wait for the turn"  # the answer to a push while another clone holds the turn


@record
class Turn:
    """One sync's place on the remote: its token, whether it holds the turn, whether the remote keeps
    a ticket for it (holding or queued), whether the remote deals turns at all (None: not asked yet)."""

    token: str
    held: bool = False
    ticket: bool = False
    served: bool | None = None


def answer(text: str) -> int | None:
    """The hook's answer to a request, in a push's output: 0 the turn, N the place in the queue, None
    when the remote gave none (it deals no turns)."""
    for line in text.splitlines():
        said = line.removeprefix("remote:").strip()
        if said == "draftroom: turn":
            return 0
        if said.startswith("draftroom: queued ") and said.split()[-1].isdigit():
            return max(1, int(said.split()[-1]))
    return None


_OPTIONS = f"""LC_ALL=C; export LC_ALL
turns={FOLDER} token= wait=1 done=false n=0
while [ "$n" -lt "${{GIT_PUSH_OPTION_COUNT:-0}}" ]; do
  eval "option=\\${{GIT_PUSH_OPTION_$n}}"
  case "$option" in
    {OPTION}=*) token=${{option#{OPTION}=}} ;;
    {WAIT_OPTION}=*) wait=${{option#{WAIT_OPTION}=}} ;;
    {DONE_OPTION}) done=true ;;
  esac
  n=$((n + 1))
done
case "$token" in *[!0-9a-f]*) token= ;; esac
case "$wait" in ''|*[!0-9]*) wait=1 ;; esac
[ "$wait" -le 30 ] || wait=30
"""


def pre_receive() -> str:
    """The shell the pre-receive hook runs first, with the pushed lines in $updates: a request for the
    turn is answered here; a push to main by a clone that does not hold the turn is told to wait."""
    lease = f"-mmin +{LEASE_SECONDS / 60:.4f}"
    return (
        _OPTIONS
        + f"""nl='
'
case "$updates" in *"$nl"*) one=false ;; *) one=true ;; esac
if $one && [ "${{updates##* }}" = {REF} ]; then
  if [ -z "$token" ]; then echo "draftroom: refused {REF}: name the turn with -o {OPTION}=TOKEN" >&2; exit 1; fi
  mkdir -p "$turns"
  if $done; then rm -f "$turns"/*-"$token"; echo "draftroom: turn given back" >&2; exit 1; fi
  set -- "$turns"/*-"$token"
  mine=${{1##*/}}
  [ -e "$1" ] || mine=$(date +%s%N)-$token
  n=0
  while :; do
    if [ $((n % 10)) -eq 0 ]; then
      touch "$turns/$mine"
      find "$turns" -type f ! -name "$mine" {lease} -delete 2>/dev/null
    fi
    set -- "$turns"/*
    if [ "${{1##*/}}" = "$mine" ]; then echo "draftroom: turn" >&2; exit 1; fi
    if [ "$n" -ge $((wait * 10)) ]; then
      k=1
      for t; do [ "${{t##*/}}" = "$mine" ] && break; k=$((k + 1)); done
      echo "draftroom: queued $k" >&2
      exit 1
    fi
    sleep 0.1
    n=$((n + 1))
  done
fi
if [ -d "$turns" ]; then
  find "$turns" -type f {lease} -delete 2>/dev/null
  set -- "$turns"/*
  if [ -e "$1" ]; then
    if [ "${{1##*-}}" != "$token" ]; then echo "draftroom: another clone holds the turn to push: {WAIT_FOR_TURN}" >&2; exit 1; fi
    touch "$1"
  fi
fi
"""
    )


def post_receive() -> str:
    """The shell the post-receive hook runs first: the holder's push landed, the next ticket's turn."""
    return _OPTIONS + '[ -z "$token" ] || rm -f "$turns"/*-"$token"\n'
