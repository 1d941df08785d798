"""Errors every layer raises; the CLI prints them as `error: <what>: <why>`."""


class TalknotesError(Exception):
    """A failure the user can act on: `what` names the file or object, `why` the problem."""

    def __init__(self, what: str, why: str) -> None:
        super().__init__(f"{what}: {why}")
        self.what = what
        self.why = why


class NotFoundError(TalknotesError):
    pass
