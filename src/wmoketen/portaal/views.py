from django.core.paginator import Paginator
from django.shortcuts import render

from .werklijst import bronnen_voor, werklijst


def start(request):
    soort = request.GET.get("soort", "")
    items = werklijst(request.user, soort)
    context = {
        "pagina": Paginator(items, 20).get_page(request.GET.get("p")),
        "soorten": [b.naam for b in bronnen_voor(request.user)],
        "soort": soort,
        "te_laat": sum(item.te_laat for item in items),
    }
    template = "portaal/_werklijst.html" if request.htmx else "portaal/start.html"
    return render(request, template, context)
