"""Errors the command line turns into exit codes."""


class UsageError(Exception):
    """The person gave the command something it cannot use; exit code 2."""
