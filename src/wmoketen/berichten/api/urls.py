"""/api/: the message API (v1) and its OpenAPI schema, reachable with a token, not a session."""

from django.contrib.auth.decorators import login_not_required
from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from . import documentatie
from .views import BerichtenView, BerichtView, RetourView

app_name = "api"


class SchemaView(SpectacularAPIView):
    schema = None  # the schema describes the message API, not itself


urlpatterns = [
    path("v1/berichten/", BerichtenView.as_view(), name="berichten"),
    path("v1/berichten/<int:pk>/", BerichtView.as_view(), name="bericht"),
    path("v1/berichten/<int:pk>/retour/", RetourView.as_view(), name="retour"),
    # The schema and its pages are public: they describe the API, they hold no data.
    path("schema/", login_not_required(SchemaView.as_view()), name="schema"),
    path("schema/swagger/", documentatie.swagger("api:schema"), name="swagger"),
    path("schema/redoc/", documentatie.redoc("api:schema"), name="redoc"),
]
