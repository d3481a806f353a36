from django.shortcuts import render

from wmoketen.gedeeld.paginering import pagineer
from wmoketen.gedeeld.startblokken import blokken_voor
from wmoketen.gedeeld.werklijst import bronnen_voor, werklijst


def start(request):
    soort = request.GET.get("soort", "")
    items = werklijst(request.user, soort)
    context = {
        "pagina": pagineer(request, items, per_pagina=20),
        "soorten": [b.naam for b in bronnen_voor(request.user)],
        "soort": soort,
        "te_laat": sum(item.te_laat for item in items),
    }
    if request.htmx:
        return render(request, "portaal/_werklijst.html", context)
    context["blokken"] = blokken_voor(request.user)
    return render(request, "portaal/start.html", context)
