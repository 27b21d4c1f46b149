"""Errors a user can act on. Their message is one line that names the input and the reason."""


class SaidwhatError(Exception):
    """Base of the errors the CLI prints as one line (never a traceback)."""


class InputError(SaidwhatError):
    """An input that cannot be read or holds no article: ``origin: reason``."""

    def __init__(self, origin: str, reason: str):
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class ModelError(SaidwhatError):
    """The spaCy pipeline cannot be loaded."""


def one_line(exc: BaseException, limit: int = 160) -> str:
    """The first line of an upstream library's message (its type name when it has none), for a
    one-line reason."""
    return str(exc).splitlines()[0][:limit] if str(exc).strip() else type(exc).__name__
