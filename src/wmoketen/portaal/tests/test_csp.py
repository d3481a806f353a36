"""Content-Security-Policy: every page says where scripts, styles and images may come from
(our own origin, never inline); only the API documentation pages relax it, each as little as
its viewer needs. The browser proves the pages keep working: tests/test_browser_csp.py."""

import pytest
from lxml import html

STRIKT = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}


def beleid(antwoord) -> dict[str, list[str]]:
    """The Content-Security-Policy header as {directive: sources}."""
    regels = (r.split() for r in antwoord["Content-Security-Policy"].split(";") if r.strip())
    return {naam: bronnen for naam, *bronnen in regels}


def test_inlogpagina_heeft_het_strikte_beleid(client, gemeente):
    antwoord = client.get("/account/inloggen/")

    assert antwoord.status_code == 200
    assert beleid(antwoord) == STRIKT


@pytest.mark.parametrize("pad", ["/", "/clienten/?q=bakker", "/beheer/"])
def test_pagina_van_ingelogde_gebruiker_heeft_het_strikte_beleid(client, beheerder, pad):
    client.force_login(beheerder)

    antwoord = client.get(pad)

    assert antwoord.status_code == 200
    assert beleid(antwoord) == STRIKT
    assert "'unsafe-inline'" not in antwoord["Content-Security-Policy"]
    assert "'unsafe-eval'" not in antwoord["Content-Security-Policy"]


def test_htmx_antwoord_en_foutpagina_hebben_het_beleid(client, consulent):
    client.force_login(consulent)

    fragment = client.get("/clienten/?q=bakker", headers={"HX-Request": "true"})
    onbekend = client.get("/bestaat-niet/")

    assert beleid(fragment) == STRIKT
    assert onbekend.status_code == 404
    assert beleid(onbekend) == STRIKT


def test_basispagina_zonder_inline_script_of_stijl(client, consulent):
    """htmx would add its indicator <style> to <head>: the htmx-config meta tag turns that off
    (the indicator rules are in wmoketen.css) and forbids eval."""
    client.force_login(consulent)

    pagina = html.fromstring(client.get("/").content)

    assert [s for s in pagina.xpath("//script") if not s.get("src")] == []
    assert pagina.xpath("//style | //*[@style]") == []
    [meta] = pagina.xpath("//meta[@name='htmx-config']")
    assert meta.get("content") == '{"includeIndicatorStyles": false, "allowEval": false}'


def test_swagger_laadt_zijn_script_apart_en_mag_alleen_data_beelden(client, db):
    """Swagger UI shows data: images; its start script comes from the page's own URL with
    ?script (drf-spectacular's split view), so scripts and styles stay 'self' only."""
    pagina = client.get("/api/schema/swagger/")
    script = client.get("/api/schema/swagger/?script=")

    assert beleid(pagina) == {**STRIKT, "img-src": ["'self'", "data:"]}
    boom = html.fromstring(pagina.content)
    assert [s for s in boom.xpath("//script") if not s.get("src")] == []
    assert boom.xpath("//style") == []
    assert "/api/schema/swagger/?script=" in boom.xpath("//script/@src")
    assert script["Content-Type"] == "application/javascript"
    assert b"SwaggerUIBundle(" in script.content


def test_redoc_mag_inline_stijl_en_een_worker_maar_geen_inline_script(client, db):
    """Redoc writes its styles at run time (styled-components) and starts its search index in
    a blob: worker; its scripts stay 'self' only."""
    pagina = client.get("/api/schema/redoc/")

    assert beleid(pagina) == {
        **STRIKT,
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "worker-src": ["'self'", "blob:"],
    }
    boom = html.fromstring(pagina.content)
    assert [s for s in boom.xpath("//script") if not s.get("src")] == []
    # No fonts from Google: the page loads nothing from another origin.
    assert boom.xpath("//link[contains(@href, '//')]") == []
