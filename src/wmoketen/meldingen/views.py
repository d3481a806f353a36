from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from . import services
from .models import Melding


def lijst(request):
    meldingen = Melding.objects.filter(ontvanger=request.user)[:100]
    return render(request, "meldingen/lijst.html", {"meldingen": meldingen})


def bel(request):
    """The bell with the unread count; the header polls it with htmx."""
    return render(request, "meldingen/_bel.html")


@require_POST
def open_melding(request, pk: int):
    melding = get_object_or_404(Melding, pk=pk, ontvanger=request.user)
    services.markeer_gelezen(request.user, melding_id=melding.pk)
    return redirect(melding.url or "meldingen:lijst")


@require_POST
def alles_gelezen(request):
    services.markeer_gelezen(request.user)
    return redirect("meldingen:lijst")
