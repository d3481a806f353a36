"""A bank account (IBAN, BIC) as the payments need it: checked with schwifty, never by hand.

``normaliseer_iban`` and ``normaliseer_bic`` give the compact form we store (upper case, no
spaces) or raise a Dutch ``ValidationError`` (an IBAN also when its bank code belongs to no
bank of a country whose banks schwifty's registry lists, such as the Netherlands); ``bic_bij``
derives the BIC from a Dutch (or other) IBAN where schwifty's bank registry knows the bank;
``maskeer`` shows an IBAN in the audit trail and in lists without the whole number.
"""

from django.core.exceptions import ValidationError
from schwifty import BIC, IBAN, registry
from schwifty.exceptions import SchwiftyException


def _compact(waarde: str) -> str:
    return "".join((waarde or "").split()).upper()


def _bank_onbekend(iban: IBAN) -> bool:
    """The IBAN's country has a bank registry in schwifty (the Netherlands among them) and
    its bank code is not in it: no bank would accept the account."""
    return iban.country_code in registry.get_countries() and iban.bank is None


def normaliseer_iban(waarde: str) -> str:
    """The IBAN in its compact form; a Dutch refusal when schwifty finds it invalid or, for a
    country whose banks schwifty knows, its bank code belongs to no bank."""
    compact = _compact(waarde)
    if not compact:
        return ""
    try:
        iban = IBAN(compact)
    except SchwiftyException:
        raise ValidationError(
            f"{compact} is geen geldig IBAN: controleer het rekeningnummer.", code="iban"
        ) from None
    if _bank_onbekend(iban):
        raise ValidationError(
            f"{compact} is geen geldig IBAN: de bankcode {iban.bank_code} hoort bij geen "
            "bekende bank. Controleer het rekeningnummer.",
            code="iban_bank",
        )
    return iban.compact


def normaliseer_bic(waarde: str) -> str:
    compact = _compact(waarde)
    if not compact:
        return ""
    try:
        return str(BIC(compact))
    except SchwiftyException:
        raise ValidationError(
            f"{compact} is geen geldige BIC: 8 of 11 tekens, zoals ABNANL2A.", code="bic"
        ) from None


def bic_bij(iban: str) -> str:
    """The BIC of the IBAN's bank when schwifty's registry knows it, else ""."""
    if not iban:
        return ""
    try:
        bic = IBAN(iban).bic
    except SchwiftyException:
        return ""
    return str(bic) if bic else ""


def valideer_iban(waarde: str) -> None:
    """Model field validator: the stored value is a valid IBAN (or empty)."""
    normaliseer_iban(waarde)


def valideer_bic(waarde: str) -> None:
    normaliseer_bic(waarde)


def maskeer(iban: str) -> str:
    """An IBAN shown without its account number: country, check digits and the last four
    ("NL91…4300")."""
    compact = _compact(iban)
    if len(compact) <= 8:
        return compact
    return f"{compact[:4]}…{compact[-4:]}"


def opgemaakt(iban: str) -> str:
    """The IBAN in groups of four, as people read it."""
    compact = _compact(iban)
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))
