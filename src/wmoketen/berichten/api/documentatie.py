"""The API's documentation pages (Swagger UI and Redoc from drf-spectacular's sidecar), each
with the least relaxation of the Content-Security-Policy its viewer needs (see
docs/architecture.md "Content-Security-Policy"). Both pages load only our own files: no inline
script, no <style> block, no web fonts from another origin."""

from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from django.contrib.auth.decorators import login_not_required
from drf_spectacular.views import SpectacularRedocView, SpectacularSwaggerSplitView

# Both viewers show data: images (icons in their CSS and scripts).
DATA_BEELDEN = {"img-src": ["data:"]}


class SwaggerView(SpectacularSwaggerSplitView):
    """Swagger UI; its start script is served by the same URL with ?script (not inline)."""

    template_name = "berichten/api/swagger_ui.html"


class RedocView(SpectacularRedocView):
    template_name = "berichten/api/redoc.html"


def swagger(url_name: str):
    view = SwaggerView.as_view(url_name=url_name)
    return login_not_required(csp_update(DATA_BEELDEN)(view))


def redoc(url_name: str):
    view = RedocView.as_view(url_name=url_name)
    # Redoc writes its styles into <style> elements at run time (styled-components) and builds
    # its search index in a web worker it starts from a blob: URL.
    beleid = {**DATA_BEELDEN, "style-src": [UNSAFE_INLINE], "worker-src": ["'self'", "blob:"]}
    return login_not_required(csp_update(beleid)(view))
