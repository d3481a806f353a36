"""Logs: JSON under the production settings, each record with its request id and user id."""

import json
import logging
import os
import secrets
import subprocess
import sys

from django.http import HttpResponse

from wmoketen.operatie.logboek import RequestIdMiddleware, VerzoekFilter

# Runs under wmoketen.conf.production in a process of its own: a request through the whole
# middleware stack as an anonymous and as a logged-in user, each logging one line.
SCRIPT = """
import logging
import django
django.setup()
from django.test import Client
from django.test.utils import setup_test_environment
from django.urls import path
from django.http import HttpResponse
from django.contrib.auth.decorators import login_not_required

def logt(request):
    logging.getLogger("wmoketen.proef").warning("verzoek %s", "bekeken")
    return HttpResponse("ok")

import wmoketen.urls
wmoketen.urls.urlpatterns.append(path("proef-log/", login_not_required(logt)))
setup_test_environment()
Client().get("/proef-log/", headers={"X-Request-ID": "abc-123"}, secure=True)
"""


def test_productie_logt_json_met_het_request_id(tmp_path):
    omgeving = os.environ | {
        "DJANGO_SETTINGS_MODULE": "wmoketen.conf.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'leeg.sqlite3'}",
        "WMOKETEN_VAR_DIR": str(tmp_path),
    }
    proces = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=omgeving, capture_output=True, text=True, timeout=60
    )
    assert proces.returncode == 0, proces.stderr

    regels = [json.loads(r) for r in proces.stderr.splitlines() if r.startswith("{")]
    proef = [r for r in regels if r["logger"] == "wmoketen.proef"]
    assert len(proef) == 1, proces.stderr
    assert proef[0]["message"] == "verzoek bekeken"
    assert proef[0]["level"] == "WARNING"
    assert proef[0]["request_id"] == "abc-123"
    assert proef[0]["gebruiker_id"] is None
    assert proef[0]["time"].endswith("+00:00")


def test_het_request_id_gaat_terug_en_een_ongeldig_wordt_vervangen(client, db):
    eigen = client.get("/account/inloggen/", headers={"X-Request-ID": "nginx-42"})
    vreemd = client.get("/account/inloggen/", headers={"X-Request-ID": "a b\nc"})

    assert eigen["X-Request-ID"] == "nginx-42"
    assert len(vreemd["X-Request-ID"]) == 32 and vreemd["X-Request-ID"].isalnum()


def test_het_filter_noemt_de_ingelogde_gebruiker_bij_id(rf, consulent):
    gezien = []

    def view(request):
        request._cached_user = consulent  # as AuthenticationMiddleware leaves it
        gezien.append(gefilterd())
        return HttpResponse()

    RequestIdMiddleware(view)(rf.get("/", headers={"X-Request-ID": "r1"}))

    assert gezien == [("r1", consulent.pk)]
    assert gefilterd() == (None, None)  # after the request


def gefilterd():
    record = logging.makeLogRecord({"msg": "iets"})
    assert VerzoekFilter().filter(record)
    return record.request_id, record.gebruiker_id
