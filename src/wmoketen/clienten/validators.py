import re

from django.core.exceptions import ValidationError

from istandaarden.regels.cs import LANDCODE_NEDERLAND, NEDERLANDSE_POSTCODE


def _negen_cijfers(bsn) -> bool:
    return isinstance(bsn, str) and len(bsn) == 9 and bsn.isascii() and bsn.isdigit()


def is_geldig_bsn(bsn: str) -> bool:
    """Nine digits passing the elfproef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11."""
    if not _negen_cijfers(bsn) or bsn == "000000000":
        return False
    totaal = sum(int(c) * w for c, w in zip(bsn, range(9, 1, -1), strict=False))
    return (totaal - int(bsn[8])) % 11 == 0


def valideer_bsn_formaat(bsn: str) -> None:
    """Nine digits, no more (a search by BSN needs no elfproef)."""
    if not _negen_cijfers(bsn):
        raise ValidationError("Een BSN bestaat uit precies 9 cijfers.", code="bsn_formaat")


def valideer_bsn(bsn: str) -> None:
    valideer_bsn_formaat(bsn)
    if not is_geldig_bsn(bsn):
        raise ValidationError(
            "Dit BSN is ongeldig: het voldoet niet aan de elfproef. Controleer het nummer.",
            code="bsn_elfproef",
        )


# Addresses and names as the 301 needs them: the constants come from the rule catalogue
# (istandaarden.regels), so the record and the message check the same thing.


def normaliseer_postcode(postcode: str, landcode: str = LANDCODE_NEDERLAND) -> str:
    """A Dutch postcode in the form the 301 carries (CS089: 1234AB, capitals, no space);
    ``"1234 ab"`` becomes ``"1234AB"``. A foreign postcode is only trimmed. Raises a Dutch
    ValidationError for a Dutch postcode that is none."""
    postcode = " ".join((postcode or "").split())
    if not postcode or landcode != LANDCODE_NEDERLAND:
        return postcode
    delen = re.fullmatch(r"([0-9]{4}) ?([a-zA-Z]{2})", postcode)
    compact = "".join(delen.groups()).upper() if delen else ""
    if not NEDERLANDSE_POSTCODE.fullmatch(compact):
        raise ValidationError(
            "Een Nederlandse postcode bestaat uit 4 cijfers en 2 letters, zoals 1234 AB.",
            code="postcode",
        )
    return compact


def normaliseer_telefoon(nummer: str) -> str:
    """Digits only, as LDT_Telefoonnummer wants them: spaces, dashes, dots and brackets go."""
    return re.sub(r"[\s\-.()/]", "", nummer or "")


def normaliseer_voorletters(voorletters: str) -> str:
    """Initials as LDT_Voorletters wants them, letters only: ``"S. J."`` becomes ``"SJ"``.
    Dots and spaces go; anything else stays, for the field's own check to refuse."""
    return re.sub(r"[\s.]", "", voorletters or "")
