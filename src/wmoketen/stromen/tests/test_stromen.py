"""Each flow calls its reactions in the order its module lists; the reactions themselves are
tested in their apps (evaluaties, mutaties, verzoeken) through these flows."""

from unittest import mock

import pytest

from wmoketen.berichten.handlers import handler_voor
from wmoketen.berichten.signals import retour_gekoppeld
from wmoketen.verzoeken.status import antwoord_afgekeurd, verzoek_afgekeurd

from .. import beschikking, retour, toewijzing


@pytest.mark.django_db  # the flow is one transaction
def test_na_een_beschikking_eerst_de_mutatie_dan_de_evaluaties():
    stappen = mock.Mock()
    with (
        mock.patch.object(beschikking.toegang, "neem_beschikking", stappen.neem_beschikking),
        mock.patch.object(beschikking, "profiel_beschikt", stappen.profiel_beschikt),
        mock.patch.object(beschikking, "plan_evaluaties", stappen.plan_evaluaties),
    ):
        genomen = beschikking.neem_beschikking("plan", duur="1j", acting_user="backoffice")
    assert genomen is stappen.neem_beschikking.return_value
    assert stappen.mock_calls == [
        mock.call.neem_beschikking("plan", acting_user="backoffice", duur="1j"),
        mock.call.profiel_beschikt(genomen, acting_user="backoffice"),
        mock.call.plan_evaluaties(genomen, acting_user="backoffice"),
    ]


def test_een_ontvangen_301_eerst_de_toewijzingen_dan_de_verzoeken():
    assert handler_voor("iwmo", 301) is handler_voor("ijw", 301) is toewijzing.toewijzing_ontvangen
    stappen = mock.Mock()
    ontvangen = mock.Mock()
    with (
        mock.patch.object(toewijzing, "verwerk_301", stappen.verwerk_301),
        mock.patch.object(toewijzing, "koppel_toewijzingen", stappen.koppel_toewijzingen),
    ):
        toewijzing.toewijzing_ontvangen(ontvangen)
    assert stappen.mock_calls == [
        mock.call.verwerk_301(ontvangen),
        mock.call.koppel_toewijzingen(ontvangen.bericht, stappen.verwerk_301.return_value),
    ]


def test_een_gekoppelde_retour_heeft_een_ontvanger_met_de_reacties_op_volgorde():
    ontvangers = [ontvanger[1]() for ontvanger in retour_gekoppeld.receivers]  # weak refs
    assert ontvangers == [retour.retour_gekoppeld_ontvangen]
    assert retour.REACTIES == (
        (frozenset({315, 317}), verzoek_afgekeurd),
        (frozenset({319}), antwoord_afgekeurd),
    )
