from django.shortcuts import render

from .constants import Wet
from .models import Product


def catalogus(request):
    wet = request.GET.get("wet")
    producten = Product.objects.all()
    if wet in Wet.values:
        producten = producten.filter(wet=wet)
    return render(
        request, "producten/catalogus.html", {"producten": producten, "wetten": Wet, "wet": wet}
    )
