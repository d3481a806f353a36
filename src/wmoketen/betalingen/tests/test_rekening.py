"""The IBAN check (``organisaties/rekening.py``): schwifty's checks and, for a country whose
banks schwifty's registry lists (the Netherlands among them), a bank code of a real bank."""

import pytest
from django.core.exceptions import ValidationError

from wmoketen.audit.models import AuditRegel
from wmoketen.organisaties.betaalgegevens import wijzig_betaalgegevens
from wmoketen.organisaties.rekening import normaliseer_iban

from .hulp import aanbieder


@pytest.mark.parametrize(
    "iban, fout",
    [
        ("NL51ZZZZ0123456789", "de bankcode ZZZZ hoort bij geen bekende bank"),
        ("BE68539007547034", "de bankcode 539 hoort bij geen bekende bank"),
        ("NL44RABO0123456780", "geen geldig IBAN: controleer het rekeningnummer"),
    ],
)
def test_iban_van_een_onbekende_bank_geweigerd(iban, fout):
    with pytest.raises(ValidationError) as e:
        normaliseer_iban(iban)
    assert e.value.messages[0].startswith(f"{iban} is geen geldig IBAN")
    assert fout in e.value.messages[0]


@pytest.mark.parametrize(
    "iban, compact",
    [
        ("nl44 rabo 0123 4567 89", "NL44RABO0123456789"),
        ("DE89 3704 0044 0532 0130 00", "DE89370400440532013000"),
        ("FO62 6460 0001 6316 34", "FO6264600001631634"),  # no bank registry: format only
    ],
)
def test_iban_van_een_bekende_bank_of_een_land_zonder_register(iban, compact):
    assert normaliseer_iban(iban) == compact


def test_betaalgegevens_met_onbekende_bank_geweigerd_en_niets_veranderd(db):
    maasland = aanbieder()
    audit = AuditRegel.objects.count()

    with pytest.raises(ValidationError) as e:
        wijzig_betaalgegevens(
            maasland, iban="NL51ZZZZ0123456789", rekeninghouder="Maasland", acting_user=None
        )

    assert "de bankcode ZZZZ hoort bij geen bekende bank" in e.value.message_dict["iban"][0]
    maasland.refresh_from_db()
    assert maasland.iban == "NL44RABO0123456789" and AuditRegel.objects.count() == audit
