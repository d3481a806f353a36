import pytest
from django.db import IntegrityError

from istandaarden.samples import lees
from wmoketen.audit.models import AuditRegel
from wmoketen.berichten import services
from wmoketen.berichten.constants import Status, Transport
from wmoketen.berichten.models import Bericht
from wmoketen.factories import GebruikerFactory
from wmoketen.organisaties.models import Gemeente


def verwerkte(handlers, nummer=301):
    gezien = []
    handlers[("iwmo", nummer)] = lambda ontvangen: gezien.append(ontvangen)
    return gezien


def test_interne_rondgang_heenbericht_handler_retour(
    partijen, wmo301, handlers, django_capture_on_commit_callbacks
):
    gemeente, aanbieder = partijen
    gezien = verwerkte(handlers)
    retouren = verwerkte(handlers, 302)

    with django_capture_on_commit_callbacks(execute=True):
        heen = services.verstuur(wmo301, afzender=gemeente, ontvanger=aanbieder)

    heen.refresh_from_db()
    assert heen.status == Status.RETOUR_VERZONDEN
    assert (heen.naam, heen.identificatie, heen.transport) == ("WMO301", "123456789012", "intern")
    assert heen.retourcodes == []
    assert gezien[0].inhoud.header.bericht_identificatie.identificatie == "123456789012"
    retour = heen.retour
    assert (retour.naam, retour.afzender_id, retour.ontvanger_id) == (
        "WMO302",
        aanbieder.pk,
        gemeente.pk,
    )
    assert retour.status == Status.VERWERKT  # the gemeente's pipeline processed the retour
    assert retouren and retouren[0].bericht.pk == retour.pk
    assert b"<IdentificatieRetour>R" in retour.bytes or b":IdentificatieRetour>R" in retour.bytes


def test_ruwe_bytes_blijven_onveranderd_bewaard(partijen, wmo301):
    gemeente, aanbieder = partijen
    bericht = services.ontvang(
        wmo301, afzender=gemeente, ontvanger=aanbieder, transport=Transport.BESTAND
    )
    assert bericht.bytes == wmo301
    assert bericht.grootte == len(wmo301)


def test_identiek_dubbel_bericht_wordt_niet_opnieuw_verwerkt(partijen, wmo301, handlers):
    gemeente, aanbieder = partijen
    gezien = verwerkte(handlers)
    eerste = services.ontvang(wmo301, afzender=gemeente, ontvanger=aanbieder, transport="api")

    tweede = services.ontvang(wmo301, afzender=gemeente, ontvanger=aanbieder, transport="api")

    assert len(gezien) == 1
    assert tweede.status == Status.DUBBEL and tweede.origineel == eerste
    assert Bericht.objects.filter(nummer=302).count() == 1  # the earlier retour stands


def test_andere_inhoud_met_zelfde_identificatie_krijgt_9056(partijen, wmo301, handlers):
    gemeente, aanbieder = partijen
    gezien = verwerkte(handlers)
    services.ontvang(wmo301, afzender=gemeente, ontvanger=aanbieder, transport="api")
    anders = wmo301.replace(b"<wmo301:Commentaar>", b"<wmo301:Commentaar>Gewijzigd ", 1)
    assert anders != wmo301

    tweede = services.ontvang(anders, afzender=gemeente, ontvanger=aanbieder, transport="api")

    assert len(gezien) == 1
    assert tweede.status == Status.AFGEKEURD and tweede.retourcodes == ["9056"]
    assert services.retour_codes(tweede.retour.bytes) == ["9056"]


def test_crash_in_handler_laat_bericht_gemarkeerd_en_niets_half(partijen, wmo301, handlers):
    gemeente, aanbieder = partijen

    def kapot(ontvangen):
        Gemeente.objects.create(naam="Half", gemeentecode="0001")
        raise RuntimeError("stroomstoring")

    handlers[("iwmo", 301)] = kapot
    bericht = services.ontvang(wmo301, afzender=gemeente, ontvanger=aanbieder, transport="api")

    assert bericht.status == Status.FOUT_BIJ_VERWERKING
    assert bericht.foutmelding == "RuntimeError: stroomstoring"
    assert not Gemeente.objects.filter(gemeentecode="0001").exists()
    assert not Bericht.objects.filter(heenbericht=bericht).exists()

    gezien = verwerkte(handlers)
    beheerder = GebruikerFactory(organisatie=aanbieder, rol="functioneel beheerder")
    opnieuw = services.herverwerk(bericht, acting_user=beheerder)

    assert opnieuw.status == Status.RETOUR_VERZONDEN and len(gezien) == 1
    assert AuditRegel.objects.filter(actie="bericht.herverwerkt").count() == 1


def test_xsd_ongeldig_krijgt_foutrapport_en_geen_retour(partijen):
    gemeente, aanbieder = partijen
    ongeldig = lees("WMO301").replace(b"<wmo301:Geslacht>", b"<wmo301:Geslacht>9", 1)

    bericht = services.ontvang(ongeldig, afzender=gemeente, ontvanger=aanbieder, transport="api")

    assert bericht.status == Status.AFGEKEURD
    assert bericht.fouten and bericht.fouten[0]["code"] == "XSD"
    assert not Bericht.objects.filter(heenbericht=bericht).exists()


def test_regelfout_geeft_retour_met_0001(partijen):
    from wmoketen.factories import AanbiederFactory

    gemeente = partijen[0]
    wmo317 = lees("WMO317")  # breaks TR380
    aanbieder317 = AanbiederFactory(agb_code="65656055")

    bericht = services.ontvang(wmo317, afzender=aanbieder317, ontvanger=gemeente, transport="api")

    assert bericht.status == Status.AFGEKEURD
    assert [f["code"] for f in bericht.fouten] == ["TR380"]
    assert services.retour_codes(bericht.retour.bytes) == ["0001"]


@pytest.mark.parametrize(
    "inhoud",
    [
        b"",
        b"geen xml",
        b"<?xml version='1.0'?><a/>",
        b'<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>',
    ],
)
def test_onleesbare_invoer_blijft_als_bewijs_bewaard(partijen, inhoud):
    gemeente, aanbieder = partijen

    bericht = services.ontvang(inhoud, afzender=gemeente, ontvanger=aanbieder, transport="api")

    assert bericht.status == Status.AFGEKEURD and bericht.naam == "ONBEKEND"
    assert bericht.fouten[0]["code"] == "PARSE" and bericht.bytes == inhoud
    assert Bericht.objects.count() == 1


def test_bericht_voor_een_andere_ontvanger_wordt_afgekeurd(partijen, wmo301):
    gemeente, _ = partijen
    from wmoketen.factories import AanbiederFactory

    verkeerde = AanbiederFactory(agb_code="11110000")
    bericht = services.ontvang(wmo301, afzender=gemeente, ontvanger=verkeerde, transport="api")

    assert bericht.status == Status.AFGEKEURD
    assert bericht.fouten[0]["code"] == "ADRES"
    assert "42420001" in bericht.fouten[0]["message"]


def test_ongeldig_uitgaand_bericht_wordt_niet_verstuurd(partijen):
    gemeente, aanbieder = partijen
    with pytest.raises(services.OngeldigBericht):
        services.verstuur(lees("WMO317"), afzender=aanbieder, ontvanger=gemeente)
    assert not Bericht.objects.exists()


def test_sleutel_is_uniek(partijen, wmo301):
    gemeente, aanbieder = partijen
    services.ontvang(wmo301, afzender=gemeente, ontvanger=aanbieder, transport="api")
    eerste = Bericht.objects.get(nummer=301)
    with pytest.raises(IntegrityError):
        Bericht.objects.create(
            inhoud=b"x",
            sha256="0" * 64,
            grootte=1,
            afzender=gemeente,
            ontvanger=aanbieder,
            transport="api",
            status="ontvangen",
            sleutel=eerste.sleutel,
        )


def test_xsd_ongeldig_met_gebruikte_identificatie_krijgt_alleen_foutrapport(partijen, wmo301):
    gemeente, aanbieder = partijen
    eerste = services.ontvang(wmo301, afzender=gemeente, ontvanger=aanbieder, transport="api")
    ongeldig = wmo301.replace(b"<wmo301:Geslacht>", b"<wmo301:Geslacht>9", 1)

    tweede = services.ontvang(ongeldig, afzender=gemeente, ontvanger=aanbieder, transport="api")

    assert tweede.status == Status.AFGEKEURD and tweede.origineel == eerste
    assert {f["code"] for f in tweede.fouten} == {"XSD"}
    assert not Bericht.objects.filter(heenbericht=tweede).exists()


def test_identificatie_blijft_gebruikt_na_afkeuring(partijen):
    from wmoketen.factories import AanbiederFactory

    gemeente = partijen[0]
    aanbieder = AanbiederFactory(agb_code="65656055")
    fout = lees("WMO317")  # TR380: rejected with 0001
    services.ontvang(fout, afzender=aanbieder, ontvanger=gemeente, transport="api")
    verbeterd = fout.replace(
        b"<wmo317:GewensteIngangsdatum>2023-04-02", b"<wmo317:GewensteIngangsdatum>2023-04-03"
    )
    assert verbeterd != fout

    tweede = services.ontvang(verbeterd, afzender=aanbieder, ontvanger=gemeente, transport="api")

    assert tweede.retourcodes == ["9056"]  # a corrected resend needs a new Identificatie


def test_bericht_zonder_header_wordt_afgekeurd_en_niet_gecrasht(partijen, wmo301):
    gemeente, aanbieder = partijen
    begin, eind = wmo301.index(b"<wmo301:Header>"), wmo301.index(b"</wmo301:Header>")
    zonder = wmo301[:begin] + wmo301[eind + len(b"</wmo301:Header>") :]

    bericht = services.ontvang(zonder, afzender=gemeente, ontvanger=aanbieder, transport="api")

    assert bericht.status == Status.AFGEKEURD
    assert {f["code"] for f in bericht.fouten} == {"ADRES"}  # Header missing: not for us


def test_lange_identificatie_past_in_de_sleutel(partijen, wmo301):
    gemeente, aanbieder = partijen
    lang = wmo301.replace(b"123456789012", b"9" * 200)

    bericht = services.ontvang(lang, afzender=gemeente, ontvanger=aanbieder, transport="api")

    assert bericht.status == Status.AFGEKEURD
    assert bericht.sleutel.startswith("sha256:") and {f["code"] for f in bericht.fouten} == {"XSD"}


def test_tweede_verwerking_van_hetzelfde_bericht_doet_niets(partijen, wmo301, handlers):
    gemeente, aanbieder = partijen
    gezien = verwerkte(handlers)
    bericht = services.ontvang(wmo301, afzender=gemeente, ontvanger=aanbieder, transport="api")

    services.verwerk(bericht)  # e.g. a Celery task delivered twice (acks_late)

    assert len(gezien) == 1
    assert Bericht.objects.filter(nummer=302).count() == 1


def test_onverwachte_fout_in_de_pijplijn_markeert_het_bericht(partijen, wmo301, monkeypatch):
    gemeente, aanbieder = partijen

    def stuk(*args, **kwargs):
        raise RuntimeError("defect")

    monkeypatch.setattr(services, "_claim", stuk)
    bericht = services.ontvang(wmo301, afzender=gemeente, ontvanger=aanbieder, transport="api")

    assert bericht.status == Status.FOUT_BIJ_VERWERKING
    assert bericht.foutmelding == "RuntimeError: defect"
    monkeypatch.undo()
    beheerder = GebruikerFactory(organisatie=aanbieder, rol="functioneel beheerder")
    assert services.herverwerk(bericht, acting_user=beheerder).status == Status.RETOUR_VERZONDEN


def test_handler_krijgt_de_hele_boom_en_de_binding(partijen, wmo301, handlers):
    gemeente, aanbieder = partijen
    gezien = verwerkte(handlers)

    services.ontvang(wmo301, afzender=gemeente, ontvanger=aanbieder, transport="api")

    root = gezien[0].root
    assert len(root.findall("{*}Client/{*}ToegewezenProducten/{*}ToegewezenProduct")) == 1
    assert gezien[0].inhoud.client.bsn == "999900006"
