"""The one exception a user ever sees: a one-line message saying what is wrong and how to fix it."""


class DraftroomError(Exception):
    """A problem with the user's input or request, reported as one line, never as a traceback."""

    exit_code = 2

    def __init__(self, message: str, fix: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.fix = (
            fix  # the input that fixes it, by concept ("text", "place"): a front end names its own control
        )

    def __str__(self) -> str:
        return self.message
