"""A request the standard refuses (a 315 or 317 breaking a rule the form cannot see): the form
says what to change, with the rule code as a detail, and nothing is stored or sent."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from wmoketen.berichten.models import Bericht
from wmoketen.testhulp import niets_veranderd
from wmoketen.verzoeken.models import Verzoek

from .hulp import nieuw_formulier, productregel, wijzigingsregel

FREQUENTIE = (
    "Bij de eenheid etmaal, dagdeel, euro's of stuks (inspanning) hoort de frequentie per week, "
    "per maand of totaal binnen de geldigheidsduur: kies bij het product een van die "
    "frequenties, of een andere eenheid."
)
EINDDATUM = "Een omvang per week vraagt om een einddatum: laat de einddatum niet leeg."


def _geweigerd(web, url: str, data: dict) -> list[str]:
    """Posts the request form: its errors, after asserting that nothing was stored or sent."""
    with niets_veranderd(modellen=(Bericht,)):
        antwoord = web.post(url, data)
    assert antwoord.status_code == 200
    assert not Verzoek.objects.exists()
    assert "Bij Eenheid 16 moet Frequentie" not in antwoord.content.decode()
    return antwoord.context["form"].non_field_errors()


def test_315_met_een_frequentie_die_niet_bij_de_eenheid_past(
    client, medewerker, almere, contracten, producten, kind
):
    client.force_login(medewerker)
    regel = productregel(0, producten.jw_ambulant, eenheid="16", frequentie="1", volume="2")
    data = nieuw_formulier(almere, client_pk=kind.pk, regels=[regel])
    assert not Bericht.objects.exists()
    assert _geweigerd(client, reverse("verzoeken:nieuw"), data) == [f"{FREQUENTIE} (regel CS343)"]


def test_317_zonder_einddatum_bij_een_omvang_per_week_en_met_een_nieuw_product(
    client, medewerker, almere, kind_almere, toegewezen, producten
):
    [toewijzing] = toegewezen(almere, kind_almere, [producten.jw_ambulant], wet="jeugdwet")
    assert toewijzing.frequentie == "2"  # per week
    client.force_login(medewerker)
    url = reverse("verzoeken:wijziging", args=[toewijzing.pk])
    data = {"reden_verzoek": "2"} | wijzigingsregel(
        toewijzing, "wijzigen", volume="4", einddatum=""
    )
    assert _geweigerd(client, url, data) == [f"{EINDDATUM} (regel CD076)"]

    vandaag = timezone.localdate()
    nieuw = {
        "nieuw-product": producten.jw_gezin.pk,
        "nieuw-ingangsdatum": str(vandaag + timedelta(days=5)),
        "nieuw-einddatum": str(vandaag + timedelta(days=50)),
        "nieuw-volume": "2",
        "nieuw-eenheid": "16",
        "nieuw-frequentie": "1",
    }
    data = {"reden_verzoek": "2"} | wijzigingsregel(toewijzing) | nieuw
    assert _geweigerd(client, url, data) == [f"{FREQUENTIE} (regel CS338)"]
