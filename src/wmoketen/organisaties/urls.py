from django.urls import path

from . import views

app_name = "organisaties"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("<int:pk>/", views.detail, name="detail"),
    path("contracten/", views.contracten, name="contracten"),
    path("contracten/<int:pk>/", views.contract, name="contract"),
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
