from django.contrib import admin

from wmoketen.accounts.beheer import BeheerModelAdmin

from .models import Product


@admin.register(Product)
class ProductAdmin(BeheerModelAdmin):
    referentiedata = True
    list_display = [
        "productcode",
        "naam",
        "wet",
        "productcategorie",
        "eenheid",
        "frequentie",
        "cak_code",
        "geldig_van",
        "geldig_tot",
    ]
    list_filter = ["wet", "productcategorie"]
    search_fields = ["productcode", "naam"]
