from django.conf import settings
from django.db import models
from django.db.models.functions import Upper


class AlleenToevoegen(Exception):
    """The audit log is append-only."""


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AlleenToevoegen("De audittrail kan niet worden gewijzigd.")

    def delete(self):
        raise AlleenToevoegen("De audittrail kan niet worden verwijderd.")

    def voor_organisatie(self, organisatie) -> "AuditQuerySet":
        return self.filter(organisatie=organisatie) if organisatie else self.none()


class AuditRegel(models.Model):
    """One read of a client record or one change of domain data. Never updated or deleted."""

    tijdstip = models.DateTimeField("tijdstip", auto_now_add=True, db_index=True)
    # Who and for which organisation as values: the ids stay as they were when the user or
    # organisation is deleted (no constraint, no SET_NULL: that would be an UPDATE, which the
    # trail refuses), the names as they were at the time. The relation only serves queries.
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.DO_NOTHING,
        null=True,
        db_constraint=False,
        related_name="+",
    )
    gebruikersnaam = models.CharField("gebruiker", max_length=150)
    organisatie = models.ForeignKey(
        "organisaties.Organisatie",
        models.DO_NOTHING,
        null=True,
        db_constraint=False,
        related_name="+",
    )
    organisatienaam = models.CharField("organisatie", max_length=200, blank=True)
    actie = models.CharField("actie", max_length=60, db_index=True)
    object_type = models.CharField("soort object", max_length=60)
    object_id = models.CharField("object-id", max_length=40)
    # No foreign key: the trail outlives the client record it is about.
    client_id = models.BigIntegerField("cliënt-id", null=True, db_index=True)
    omschrijving = models.CharField("omschrijving", max_length=300)
    wijzigingen = models.JSONField("gewijzigde velden", default=dict, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-tijdstip", "-pk"]
        verbose_name = "auditregel"
        verbose_name_plural = "audittrail"
        # The trail's page: the organisation's rows, or one user's (``gebruikersnaam__iexact``),
        # the latest first.
        indexes = [
            models.Index(
                fields=["organisatie", "tijdstip", "id"], name="audit_organisatie_tijdstip"
            ),
            models.Index(
                "organisatie",
                Upper("gebruikersnaam"),
                "tijdstip",
                "id",
                name="audit_organisatie_gebruiker",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.tijdstip:%Y-%m-%d %H:%M} {self.gebruikersnaam} {self.actie}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AlleenToevoegen("Een auditregel kan niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AlleenToevoegen("Een auditregel kan niet worden verwijderd.")
