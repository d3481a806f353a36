from django.urls import path

from . import contractbeheer, views

app_name = "organisaties"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/betaalgegevens/", views.betaalgegevens_wijzigen, name="betaalgegevens_wijzigen"),
    path("contracten/", views.contracten, name="contracten"),
    path("contracten/nieuw/", contractbeheer.contract_nieuw, name="contract_nieuw"),
    path("contracten/<int:pk>/", views.contract, name="contract"),
    path(
        "contracten/<int:pk>/wijzigen/",
        contractbeheer.contract_wijzigen,
        name="contract_wijzigen",
    ),
    path(
        "contracten/<int:pk>/beeindigen/",
        contractbeheer.contract_beeindigen,
        name="contract_beeindigen",
    ),
    path(
        "contracten/<int:pk>/producten/nieuw/",
        contractbeheer.contractregel_nieuw,
        name="contractregel_nieuw",
    ),
    path(
        "contractregels/<int:pk>/wijzigen/",
        contractbeheer.contractregel_wijzigen,
        name="contractregel_wijzigen",
    ),
    path(
        "contractregels/<int:pk>/beeindigen/",
        contractbeheer.contractregel_beeindigen,
        name="contractregel_beeindigen",
    ),
    path(
        "contractregels/<int:pk>/tarief/",
        contractbeheer.tarief_wijzigen,
        name="tarief_wijzigen",
    ),
    path(
        "contracten/<int:pk>/onderaanneming/",
        views.onderaanneming_aanvragen,
        name="onderaanneming_aanvragen",
    ),
    path(
        "onderaannemingen/<int:pk>/beoordelen/",
        views.onderaanneming_beoordelen,
        name="onderaanneming_beoordelen",
    ),
]
