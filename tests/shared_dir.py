"""Where ../shared (the fixture pages and the question sets) is: beside the checkout, or, from a
git worktree in ../wt/<name>, one level further up."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve()

SHARED = next(
    (
        folder / "shared"
        for folder in _HERE.parents[2:]
        if (folder / "shared" / "fixtures").is_dir()
    ),
    _HERE.parents[2] / "shared",
)
