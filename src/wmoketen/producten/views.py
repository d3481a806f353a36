from django.shortcuts import render

from wmoketen.gedeeld.paginering import pagineer

from .constants import Wet
from .models import Product


def catalogus(request):
    wet = request.GET.get("wet")
    producten = Product.objects.all()
    if wet in Wet.values:
        producten = producten.filter(wet=wet)
    producten = pagineer(
        request, producten.order_by("wet", "productcategorie", "productcode", "pk"), per_pagina=50
    )
    return render(
        request, "producten/catalogus.html", {"producten": producten, "wetten": Wet, "wet": wet}
    )
