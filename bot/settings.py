"""Every setting postbot reads from the environment, read in one place."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path


class SettingsError(ValueError):
    """An environment variable holds a value postbot cannot use."""


def _default_db_path() -> Path:
    from platformdirs import user_state_path

    return user_state_path("postbot") / "postbot.sqlite3"


@dataclass(frozen=True)
class Settings:
    """postbot's configuration; `from_env` is the only reader of the environment."""

    telegram_token: str | None = None
    api_base_url: str | None = None
    corpus_path: Path | None = None  # None: the corpus shipped with the package
    webhook_url: str | None = None
    webhook_secret: str | None = None
    port: int = 8443
    log_level: str = "INFO"
    db_path: Path | None = None  # None: a file in the user's state folder
    admins: frozenset[int] = field(default_factory=frozenset)
    rate_per_min: int = 20
    engine: str = "auto"
    cache_dir: Path | None = None  # None: next to the corpus, else the user's cache folder
    allow_private_urls: bool = False  # `add` may fetch from private and loopback hosts (tests)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read the settings from `env` (default: the process environment)."""
        env = os.environ if env is None else env

        def text(name: str) -> str | None:
            value = env.get(name, "").strip()
            return value or None

        def integer(name: str, default: int, lowest: int = 0, highest: int | None = None) -> int:
            value = text(name)
            if value is None:
                return default
            try:
                number = int(value)
            except ValueError:
                raise SettingsError(f"{name} must be a whole number, not {value!r}") from None
            if number < lowest or (highest is not None and number > highest):
                allowed = f"{lowest} or more" if highest is None else f"from {lowest} to {highest}"
                raise SettingsError(f"{name} must be {allowed}, not {number}")
            return number

        admins: set[int] = set()
        for part in (text("POSTBOT_ADMINS") or "").split(","):
            if part.strip():
                try:
                    admins.add(int(part))
                except ValueError:
                    raise SettingsError(
                        f"POSTBOT_ADMINS must be comma-separated Telegram user ids, not {part!r}"
                    ) from None
        engine = text("POSTBOT_ENGINE") or "auto"
        if engine != "auto":
            # Imported only when an engine is named: retrieval.engines imports numpy, which
            # commands such as `agreements` and `stats` otherwise never do.
            from retrieval.engines import ENGINES

            if engine not in ENGINES:
                raise SettingsError(
                    f"POSTBOT_ENGINE must be one of {', '.join(ENGINES)}, not {engine!r}"
                )
        corpus = text("POSTBOT_CORPUS")
        db = text("POSTBOT_DB")
        cache = text("POSTBOT_CACHE_DIR")
        return cls(
            telegram_token=text("TELEGRAM_BOT_TOKEN"),
            api_base_url=text("TELEGRAM_API_BASE_URL"),
            corpus_path=Path(corpus) if corpus else None,
            webhook_url=text("POSTBOT_WEBHOOK_URL"),
            webhook_secret=text("POSTBOT_WEBHOOK_SECRET"),
            port=integer("PORT", 8443, lowest=1, highest=65535),
            log_level=(text("LOG_LEVEL") or "INFO").upper(),
            db_path=Path(db) if db else None,
            admins=frozenset(admins),
            rate_per_min=integer("POSTBOT_RATE_PER_MIN", 20),
            engine=engine,
            cache_dir=Path(cache) if cache else None,
            allow_private_urls=text("POSTBOT_ALLOW_PRIVATE_URLS") in ("1", "true", "yes"),
        )

    @property
    def corpus_file(self) -> Path:
        """The corpus file in use: the configured one, else the one shipped with the package."""
        from corpus.store import DEFAULT_CORPUS

        return self.corpus_path or DEFAULT_CORPUS

    @property
    def database(self) -> Path:
        """Where the query log lives."""
        return self.db_path or _default_db_path()
