"""The eigen-bijdrage register's two steps: ``werk_bij`` (derive the periods of support from
the deliveries and record the differences as meldingen) and ``meld_aan_cak`` (the CSV of the
meldingen to report, which marks them reported and keeps the file). One transaction each,
an audit row per change; see docs/eigenbijdrage.md.
"""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.audit import services as audit
from wmoketen.organisaties import perioden as dagen
from wmoketen.organisaties.models import Gemeente

from . import export, queries
from .constants import Betreft, MeldingStatus, Soort
from .models import Aanlevering, Melding, Registratie
from .perioden import Periode, achttien_op, perioden

GEEN_MELDINGEN = "Er zijn geen meldingen te melden aan het CAK."
GEEN_TOEGANG = "Alleen de backoffice van de gemeente meldt aan het CAK."


@dataclass
class Uitkomst:
    """What one run of ``werk_bij`` changed."""

    registraties: int = 0  # registrations created, changed or lapsed
    nieuwe_meldingen: int = 0
    vervallen_meldingen: int = 0  # not yet reported, and no longer needed
    zonder_geboortedatum: list[int] = field(default_factory=list)  # client ids skipped

    @property
    def gewijzigd(self) -> bool:
        return bool(self.registraties or self.nieuwe_meldingen or self.vervallen_meldingen)


def _controleer(gemeente, acting_user) -> None:
    if acting_user is None:  # the periodic task
        return
    if acting_user.organisatie_id != gemeente.pk or not acting_user.heeft_rol(Rol.BACKOFFICE):
        raise PermissionDenied(GEEN_TOEGANG)


@transaction.atomic
def werk_bij(gemeente, *, acting_user, op: date | None = None) -> Uitkomst:
    """Recompute the gemeente's periods of Wmo support per adult client and record every
    difference with the register as a melding to report. A second run changes nothing; a
    date that changes after it was reported becomes a correctie."""
    _controleer(gemeente, acting_user)
    Gemeente.objects.select_for_update().get(pk=gemeente.pk)  # one run per gemeente at a time
    op = op or timezone.localdate()
    leveringen = queries.leveringen_per_client(gemeente.pk)
    registraties = queries.registraties_per_client(gemeente.pk)
    uitkomst = Uitkomst()
    for client_id in sorted(leveringen.keys() | registraties.keys()):
        client = leveringen.get(client_id)
        berekend = []
        if client is not None:
            meerderjarig = achttien_op(client.geboortedatum, client.datumgebruik)
            if meerderjarig is None:
                uitkomst.zonder_geboortedatum.append(client_id)
                continue
            berekend = perioden(client.leveringen, meerderjarig_op=meerderjarig, op=op)
        _werk_client_bij(
            gemeente, client_id, berekend, registraties.get(client_id, []), uitkomst, acting_user
        )
    return uitkomst


def _overlapt(registratie: Registratie, berekend: Periode) -> bool:
    return (
        dagen.doorsnede(
            dagen.periode(registratie.begindatum, registratie.einddatum),
            dagen.periode(berekend.begindatum, berekend.einddatum),
        )
        is not None
    )


def _werk_client_bij(gemeente, client_id, berekend, registraties, uitkomst, acting_user):
    """Match each computed period to the first registration it overlaps; a period without
    one is a new registration, a registration without one lapses."""
    vrij = list(registraties)
    for periode in berekend:
        registratie = next((r for r in vrij if _overlapt(r, periode)), None)
        if registratie is None:
            registratie = Registratie(gemeente=gemeente, client_id=client_id)
            registratie.te_melden = []
        else:
            vrij.remove(registratie)
        _bij(registratie, periode, uitkomst, acting_user)
    for registratie in vrij:
        _bij(registratie, None, uitkomst, acting_user)


def _bij(registratie: Registratie, periode: Periode | None, uitkomst, acting_user) -> None:
    """Bring one registration to ``periode`` (None: it lapses) and its meldingen in line."""
    oud = {"begindatum": registratie.begindatum, "einddatum": registratie.einddatum}
    oud["vervallen"] = registratie.vervallen if registratie.pk else None
    if periode is None:
        registratie.vervallen = True
    else:
        registratie.begindatum, registratie.einddatum = periode.begindatum, periode.einddatum
    nieuw = {k: getattr(registratie, k) for k in oud}
    gewijzigd = oud != nieuw
    if gewijzigd:
        registratie.save()
    nieuwe, vervallen = _meldingen_bij(registratie)
    if not (gewijzigd or nieuwe or vervallen):
        return
    uitkomst.registraties += gewijzigd
    uitkomst.nieuwe_meldingen += len(nieuwe)
    uitkomst.vervallen_meldingen += vervallen
    actie = "aangemaakt" if oud["vervallen"] is None else "bijgewerkt"
    audit.log(
        acting_user,
        f"eigenbijdrage.registratie_{actie}",
        registratie,
        client_id=registratie.client_id,
        omschrijving="; ".join(
            [str(registratie)]
            + [f"te melden: {m}" for m in nieuwe]
            + ([f"{vervallen} niet gemelde melding(en) vervallen"] if vervallen else [])
        ),
        wijzigingen=audit.wijzigingen(oud, nieuw) if oud["vervallen"] is not None else {},
        organisatie=registratie.gemeente,
    )


def gewenste_meldingen(registratie: Registratie) -> list[tuple]:
    """What the CAK still has to hear of the registration, from what it was told: the keys
    (soort, betreft, datum, vorige_datum) of the meldingen that would bring it in line."""
    begin, einde = registratie.gemelde_begindatum, registratie.gemelde_einddatum
    if registratie.vervallen:
        return [] if begin is None else [(Soort.CORRECTIE, Betreft.START, None, begin)]
    gewenst = []
    if begin is None:
        gewenst.append((Soort.START, Betreft.START, registratie.begindatum, None))
    elif begin != registratie.begindatum:
        gewenst.append((Soort.CORRECTIE, Betreft.START, registratie.begindatum, begin))
    if einde is None and registratie.einddatum is not None:
        gewenst.append((Soort.STOP, Betreft.STOP, registratie.einddatum, None))
    elif einde is not None and einde != registratie.einddatum:
        gewenst.append((Soort.CORRECTIE, Betreft.STOP, registratie.einddatum, einde))
    return gewenst


def _meldingen_bij(registratie: Registratie) -> tuple[list[Melding], int]:
    """Lapse the unreported meldingen that no longer apply, add the missing ones."""
    gewenst = gewenste_meldingen(registratie)
    vervallen = 0
    for melding in registratie.te_melden:
        if melding.sleutel not in gewenst:
            melding.status = MeldingStatus.VERVALLEN
            melding.save(update_fields=["status", "gewijzigd"])
            vervallen += 1
    bestaand = {m.sleutel for m in registratie.te_melden}
    nieuwe = [
        Melding.objects.create(
            gemeente_id=registratie.gemeente_id,
            registratie=registratie,
            soort=soort,
            betreft=betreft,
            datum=datum,
            vorige_datum=vorige,
        )
        for soort, betreft, datum, vorige in gewenst
        if (soort, betreft, datum, vorige) not in bestaand
    ]
    return nieuwe, vervallen


# Reporting ------------------------------------------------------------------------------------


@transaction.atomic
def meld_aan_cak(gemeente, *, acting_user) -> Aanlevering:
    """The CSV of every melding still to report (BSN, name, birth date, dates, gemeentecode),
    kept as an ``Aanlevering``; the meldingen are marked reported in the same transaction, and
    the registrations remember the reported dates. Reading the BSNs is audited per client."""
    _controleer(gemeente, acting_user)
    if acting_user is None:
        raise PermissionDenied(GEEN_TOEGANG)
    # The lock werk_bij takes, taken first here too: both then lock the gemeente before any
    # melding or registration, so they run one after the other instead of into a deadlock.
    Gemeente.objects.select_for_update().get(pk=gemeente.pk)
    meldingen = list(queries.te_melden(gemeente.pk).select_for_update(of=("self",)))
    if not meldingen:
        raise ValidationError(GEEN_MELDINGEN)
    tekst = export.als_csv(meldingen)
    nu = timezone.now()
    aanlevering = Aanlevering.objects.create(
        gemeente=gemeente,
        bestandsnaam=(
            f"cak-meldingen-{gemeente.gemeentecode}-{timezone.localtime(nu):%Y-%m-%d-%H%M}.csv"
        ),
        inhoud=tekst.encode("utf-8"),
        aantal=len(meldingen),
        gemaakt_op=nu,
        gemaakt_door=acting_user,
    )
    Melding.objects.filter(pk__in=[m.pk for m in meldingen]).update(
        status=MeldingStatus.GEMELD,
        gemeld_op=nu,
        gemeld_door=acting_user,
        aanlevering=aanlevering,
        gewijzigd=nu,
    )
    registraties = {m.registratie_id: m.registratie for m in meldingen}  # one instance each
    for melding in meldingen:
        _gemeld(registraties[melding.registratie_id], melding)
    for registratie in registraties.values():
        registratie.save(update_fields=["gemelde_begindatum", "gemelde_einddatum", "gewijzigd"])
    audit.log_clienten(
        acting_user,
        "eigenbijdrage.gemeld",
        aanlevering,
        [m.registratie.client_id for m in meldingen],
        omschrijving=f"CSV aan het CAK: {len(meldingen)} melding(en)",
        organisatie=gemeente,
    )
    return aanlevering


def _gemeld(registratie: Registratie, melding: Melding) -> None:
    """The registration now holds what the CAK was told."""
    if melding.betreft == Betreft.START:
        registratie.gemelde_begindatum = melding.datum
        if melding.datum is None:  # the start withdrawn: the whole registration is
            registratie.gemelde_einddatum = None
    else:
        registratie.gemelde_einddatum = melding.datum
