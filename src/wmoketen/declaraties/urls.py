from django.urls import path

from . import views

app_name = "declaraties"

urlpatterns = [
    # The aanbieder.
    path("", views.lijst, name="lijst"),
    path("nieuw/", views.nieuw, name="nieuw"),
    path("<int:pk>/", views.declaratie, name="declaratie"),
    path("<int:pk>/indienen/", views.indienen_view, name="indienen"),
    path("prestatie/<int:pk>/volume/", views.volume, name="volume"),
    path("prestatie/<int:pk>/verwijderen/", views.verwijderen, name="verwijderen"),
    path("afgewezen/", views.afgewezen, name="afgewezen"),
    path("prestatie/<int:pk>/corrigeren/", views.corrigeren, name="corrigeren"),
    path("correcties/", views.correcties_lijst, name="correcties"),
    path("correctie/<int:pk>/intrekken/", views.correctie_intrekken, name="correctie_intrekken"),
    # The gemeente's backoffice.
    path("ontvangen/", views.ontvangen_lijst, name="ontvangen_lijst"),
    path("ontvangen/<int:pk>/", views.ontvangen, name="ontvangen"),
    path("ontvangen/<int:pk>/aanhouden/", views.aanhouden, name="aanhouden"),
    path("ontvangen/<int:pk>/vrijgeven/", views.vrijgeven, name="vrijgeven"),
    path("ontvangen/<int:pk>/beantwoorden/", views.beantwoord, name="beantwoorden"),
    path("ontvangen/prestatie/<int:pk>/afwijzen/", views.afwijzen, name="afwijzen"),
    path(
        "ontvangen/prestatie/<int:pk>/intrekken/",
        views.afwijzing_intrekken,
        name="afwijzing_intrekken",
    ),
    path("ontvangen/afgewezen/", views.ontvangen_afgewezen, name="ontvangen_afgewezen"),
]
