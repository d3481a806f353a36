from django.conf import settings
from django.db import models


class NotificatieQuerySet(models.QuerySet):
    def ongelezen(self) -> "NotificatieQuerySet":
        return self.filter(gelezen_op__isnull=True)


class Notificatie(models.Model):
    """A notification for one user in the application (the bell).

    Not the Wmo report of need (``toegang.Melding``); the app keeps its name ``meldingen``."""

    ontvanger = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="notificaties"
    )
    titel = models.CharField("titel", max_length=200)
    url = models.CharField("link", max_length=300, blank=True)
    aangemaakt = models.DateTimeField("aangemaakt", auto_now_add=True)
    gelezen_op = models.DateTimeField("gelezen op", null=True, blank=True)

    objects = NotificatieQuerySet.as_manager()

    class Meta:
        ordering = ["-aangemaakt", "-pk"]
        verbose_name = "melding"
        verbose_name_plural = "meldingen"
        indexes = [
            models.Index(fields=["ontvanger", "gelezen_op"]),
            # The list: the user's notifications, the latest first.
            models.Index(
                fields=["ontvanger", "aangemaakt", "id"], name="notificatie_ontvanger_tijd"
            ),
        ]

    def __str__(self) -> str:
        return self.titel
