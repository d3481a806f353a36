"""``nieuwe_identificatie``: one generator for the Identificatie of every message we send."""

import itertools

from wmoketen.berichten.constants import Status, Transport
from wmoketen.berichten.models import Bericht
from wmoketen.berichten.nummering import nieuwe_identificatie


def test_voorvoegsel_en_elf_cijfers_per_afzender_en_bericht(partijen):
    gemeente, aanbieder = partijen
    tellers = {}

    def teller(organisatie, naam):
        tellers[organisatie.pk, naam] = tellers.get((organisatie.pk, naam), 0) + 1
        return tellers[organisatie.pk, naam]

    assert nieuwe_identificatie(gemeente, "iwmo", 301, voorvoegsel="T", teller=teller) == (
        "T00000000001"
    )
    assert nieuwe_identificatie(aanbieder, "ijw", 305, voorvoegsel="A", teller=teller) == (
        "A00000000001"
    )
    assert set(tellers) == {(gemeente.pk, "iwmo301"), (aanbieder.pk, "ijw305")}


def test_een_al_gebruikt_nummer_wordt_overgeslagen(partijen):
    gemeente, aanbieder = partijen
    Bericht.objects.create(
        inhoud=b"<Bericht/>",
        sha256="0" * 64,
        grootte=10,
        transport=Transport.INTERN,
        status=Status.VERZONDEN,
        afzender=gemeente,
        ontvanger=aanbieder,
        standaard="iwmo",
        nummer=301,
        identificatie="T00000000001",
    )
    nummers = itertools.count(1)

    def teller(organisatie, naam):
        return next(nummers)

    assert nieuwe_identificatie(gemeente, "iwmo", 301, voorvoegsel="T", teller=teller) == (
        "T00000000002"
    )
    # Another message type or sender does not collide with it.
    nummers = itertools.count(1)
    assert nieuwe_identificatie(gemeente, "iwmo", 319, voorvoegsel="T", teller=teller) == (
        "T00000000001"
    )
