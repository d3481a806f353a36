from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail


@shared_task
def verstuur_meldingsmail(gebruiker_ids: list[int]) -> int:
    """One generic e-mail per user (see services.MAIL_TEKST); returns the number sent."""
    from .services import MAIL_ONDERWERP, MAIL_TEKST

    adressen = (
        get_user_model()
        .objects.filter(pk__in=gebruiker_ids, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    berichten = [(MAIL_ONDERWERP, MAIL_TEKST, settings.DEFAULT_FROM_EMAIL, [a]) for a in adressen]
    return send_mass_mail(berichten, fail_silently=False)
