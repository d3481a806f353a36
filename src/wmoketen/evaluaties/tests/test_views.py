"""The pages: the list, the form for the triangle, the block on the traject page, and the
reads and refusals."""

from datetime import date

from wmoketen.audit.models import AuditRegel
from wmoketen.evaluaties.constants import Status

GEHEIM = "Geheime gezondheidstekst"


def formulier(evaluatie, **kwargs):
    gebied = evaluatie.beschikking.plan.resultaatgebieden.get()
    return {
        "gehouden_op": "2026-10-29",
        "aanwezig": ["client", "aanbieder"],
        f"uitkomst_{gebied.pk}": "behaald",
        f"toelichting_{gebied.pk}": GEHEIM,
        "vervolgstap": "voortzetten",
        **kwargs,
    }


def test_aanbieder_vult_het_formulier_in(client, evaluatie, medewerker, op):
    op(date(2026, 10, 30))
    client.force_login(medewerker)
    pagina = client.get(f"/evaluaties/{evaluatie.pk}/").content.decode()
    assert "Evaluatie vastleggen" in pagina and "Tijdsbesteding" in pagina
    assert "Beschikking" not in pagina  # the beschikking is the gemeente's (002)
    antwoord = client.post(f"/evaluaties/{evaluatie.pk}/", formulier(evaluatie))
    assert antwoord.status_code == 302
    evaluatie.refresh_from_db()
    assert evaluatie.status == Status.UITGEVOERD
    pagina = client.get(f"/evaluaties/{evaluatie.pk}/").content.decode()
    assert "Behaald" in pagina and GEHEIM in pagina
    assert AuditRegel.objects.filter(actie="evaluatie.gelezen", gebruiker=medewerker).count() == 3


def test_fout_in_het_formulier_in_het_nederlands(client, evaluatie, medewerker, op):
    op(date(2026, 10, 30))
    client.force_login(medewerker)
    pagina = client.post(
        f"/evaluaties/{evaluatie.pk}/", formulier(evaluatie, aanwezig=["aanbieder", "consulent"])
    ).content.decode()
    assert "Een evaluatie is een gesprek in de driehoek" in pagina
    pagina = client.post(
        f"/evaluaties/{evaluatie.pk}/", formulier(evaluatie, vervolgstap="")
    ).content.decode()
    assert "Kies de vervolgstap." in pagina
    evaluatie.refresh_from_db()
    assert evaluatie.status == Status.GEPLAND


def test_driemaandscheck_toont_de_twee_vragen(client, check, consulent):
    client.force_login(consulent)
    pagina = client.get(f"/evaluaties/{check.pk}/").content.decode()
    assert "Is de ondersteuning gestart?" in pagina
    assert "Resultaten per resultaatgebied" not in pagina


def test_buitenstaander_krijgt_404(client, evaluatie, buitenstaander):
    client.force_login(buitenstaander)
    assert client.get(f"/evaluaties/{evaluatie.pk}/").status_code == 404
    assert client.post(f"/evaluaties/{evaluatie.pk}/", formulier(evaluatie)).status_code == 404
    assert evaluatie.traject.client.geslachtsnaam not in client.get("/evaluaties/").content.decode()


def test_backoffice_ziet_maar_legt_niet_vast(client, evaluatie, backoffice):
    client.force_login(backoffice)
    pagina = client.get(f"/evaluaties/{evaluatie.pk}/").content.decode()
    assert "Evaluatie vastleggen" not in pagina
    assert client.post(f"/evaluaties/{evaluatie.pk}/", formulier(evaluatie)).status_code == 403
    assert client.get("/evaluaties/").status_code == 403


def test_lijst_en_traject(client, beschikking, consulent):
    client.force_login(consulent)
    pagina = client.get("/evaluaties/").content.decode()
    assert "Eindevaluatie" in pagina and "05-03-2027" in pagina
    traject = beschikking.plan.melding.traject
    pagina = client.get(f"/trajecten/{traject.pk}/").content.decode()
    assert 'id="evaluaties"' in pagina and "31-07-2026" in pagina
    assert 'href="/evaluaties/"' in client.get("/").content.decode()
