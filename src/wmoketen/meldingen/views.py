from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from wmoketen.gedeeld.paginering import pagineer

from . import services
from .models import Notificatie


def lijst(request):
    notificaties = pagineer(
        request, Notificatie.objects.filter(ontvanger=request.user), per_pagina=100
    )
    return render(request, "meldingen/lijst.html", {"notificaties": notificaties})


def bel(request):
    """The bell with the unread count; the header polls it with htmx."""
    return render(request, "meldingen/_bel.html")


@require_POST
def open_notificatie(request, pk: int):
    notificatie = get_object_or_404(Notificatie, pk=pk, ontvanger=request.user)
    services.markeer_gelezen(request.user, notificatie_id=notificatie.pk)
    return redirect(notificatie.url or "meldingen:lijst")


@require_POST
def alles_gelezen(request):
    services.markeer_gelezen(request.user)
    return redirect("meldingen:lijst")
