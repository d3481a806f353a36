from django.core.exceptions import ValidationError


def _negen_cijfers(bsn) -> bool:
    return isinstance(bsn, str) and len(bsn) == 9 and bsn.isascii() and bsn.isdigit()


def is_geldig_bsn(bsn: str) -> bool:
    """Nine digits passing the elfproef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11."""
    if not _negen_cijfers(bsn) or bsn == "000000000":
        return False
    totaal = sum(int(c) * w for c, w in zip(bsn, range(9, 1, -1), strict=False))
    return (totaal - int(bsn[8])) % 11 == 0


def valideer_bsn(bsn: str) -> None:
    if not _negen_cijfers(bsn):
        raise ValidationError("Een BSN bestaat uit precies 9 cijfers.", code="bsn_formaat")
    if not is_geldig_bsn(bsn):
        raise ValidationError(
            "Dit BSN is ongeldig: het voldoet niet aan de elfproef. Controleer het nummer.",
            code="bsn_elfproef",
        )
