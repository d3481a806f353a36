"""A fresh clone has no var/ (it is git-ignored): the settings create the directories they name,
so the first command, e.g. ``migrate`` inside ``make run``, finds them."""

import os
import subprocess
import sys

import pytest

from wmoketen.conf.config import REPO_ROOT, sqlite_mappen


def test_migrate_maakt_var_aan(tmp_path):
    dotenv = REPO_ROOT / ".env"
    if dotenv.is_file() and "DATABASE_URL" in dotenv.read_text():
        pytest.skip(".env kiest de database; deze test hoort de standaard-SQLite te gebruiken")
    var = tmp_path / "nog" / "niet" / "var"
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "BERICHTEN_BRIEVENBUS")}
    env |= {"DJANGO_SETTINGS_MODULE": "wmoketen.conf.dev", "WMOKETEN_VAR_DIR": str(var)}

    resultaat = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )

    assert resultaat.returncode == 0, resultaat.stderr
    assert (var / "wmoketen.sqlite3").is_file()
    assert (var / "static").is_dir()
    assert (var / "brievenbus").is_dir()


def test_geen_mappen_voor_postgresql():
    databases = {
        "default": {"ENGINE": "django.db.backends.postgresql", "NAME": "wmoketen"},
        "geheugen": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"},
    }
    assert sqlite_mappen(databases) == []
