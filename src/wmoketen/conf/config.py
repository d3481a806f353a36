"""The one place where settings are read from the environment.

Every setting that may differ per machine goes through :func:`config`, so the full list of
environment variables is ``grep config( src/wmoketen/conf``. Values come from the process
environment, then from an optional ``.env`` file at the repository root, then the default.
"""

import os
from pathlib import Path

import environ

REPO_ROOT = Path(__file__).resolve().parents[3]

_env = environ.Env()
_dotenv = REPO_ROOT / ".env"
if _dotenv.is_file():
    environ.Env.read_env(_dotenv)

_CASTS = {bool: _env.bool, int: _env.int, list: _env.list, str: _env.str, float: _env.float}


def config(name: str, default=environ.Env.NOTSET, *, cast: type = str):
    """Read ``name`` from the environment, cast to ``cast`` (str, bool, int, float or list).

    Without a default the variable is required: a missing one stops the start-up. A string is
    taken verbatim: django-environ would read a leading "$" as the name of another variable,
    and a generated SECRET_KEY may start with one.
    """
    if cast is str and name in os.environ:
        return os.environ[name]
    return _CASTS[cast](name, default=default)


def database(default_url: str) -> dict:
    """The default database from ``DATABASE_URL`` (SQLite or PostgreSQL)."""
    return _env.db_url("DATABASE_URL", default=default_url)


def sqlite_mappen(databases: dict) -> list[Path]:
    """The directories of the SQLite database files in ``databases``; none for PostgreSQL."""
    return [
        Path(db["NAME"]).parent
        for db in databases.values()
        if db["ENGINE"] == "django.db.backends.sqlite3" and db["NAME"] != ":memory:"
    ]


def maak_mappen(*mappen: Path) -> None:
    """Create each directory, with its parents, unless it exists."""
    for map_ in mappen:
        Path(map_).mkdir(parents=True, exist_ok=True)
