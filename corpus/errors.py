"""Errors raised while building or loading the corpus."""


class CorpusError(Exception):
    """The corpus could not be built or loaded; the message says why, in one line."""


class PageError(CorpusError):
    """A raw page could not be parsed into an article."""

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class UnreadablePages(CorpusError):
    """Some raw pages could not be read; `errors` names each one, one line apiece."""

    def __init__(self, errors: tuple[PageError, ...]) -> None:
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors


class FetchError(CorpusError):
    """A page could not be fetched from its URL; the message says why, in one line."""
