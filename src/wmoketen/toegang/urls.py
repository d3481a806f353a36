from django.urls import path

from .views import afhandeling, beschikking, melding, opdracht

app_name = "toegang"

urlpatterns = [
    path("", melding.caseload, name="caseload"),
    path("nieuw/", melding.nieuw, name="nieuw"),
    path("<int:pk>/", melding.melding, name="melding"),
    path("<int:pk>/afsluiten/", afhandeling.afsluiten, name="afsluiten"),
    path("profiel/", melding.profiel_berekenen, name="profiel_berekenen"),
    path("aanbieders/", melding.aanbieders_kiezen, name="aanbieders_kiezen"),
    path("plannen/<int:pk>/", opdracht.plan, name="plan"),
    path("opdrachten/", opdracht.opdrachten, name="opdrachten"),
    path("aanvragen/", beschikking.aanvragen, name="aanvragen"),
    path("aanvragen/<int:pk>/", beschikking.aanvraag, name="aanvraag"),
    path("aanvragen/<int:pk>/afwijzen/", afhandeling.afwijzen, name="afwijzen"),
    path(
        "aanvragen/<int:pk>/terugsturen/",
        afhandeling.aanvraag_terugsturen,
        name="aanvraag_terugsturen",
    ),
    path("einddatum/", beschikking.einddatum_berekenen, name="einddatum_berekenen"),
    path("beschikkingen/<int:pk>/", beschikking.beschikking, name="beschikking"),
    path("beschikkingen/<int:pk>/brief/", beschikking.brief, name="brief"),
    path(
        "beschikkingen/<int:pk>/herindicatie/",
        beschikking.herindicatie_starten,
        name="herindicatie_starten",
    ),
]
