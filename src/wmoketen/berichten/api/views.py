"""The HTTP API: post a message, fetch the postbus, a message and its retour.

Every view answers to a token only (``Authorization: Token <key>``), never to a session, so
the project's LoginRequiredMiddleware is switched off for them (``login_not_required``).
The token's organisation is the sending party of a posted message and the only party whose
messages it can read. Requests refused before the pipeline (token, receiver, size, media
type) store nothing; what reaches ``services.ontvang`` is stored as evidence.
"""

import logging

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, generics, status
from rest_framework.negotiation import BaseContentNegotiation, DefaultContentNegotiation
from rest_framework.pagination import PageNumberPagination
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from wmoketen.organisaties.models import Organisatie
from wmoketen.organisaties.queries import met_code

from .. import queries, services
from ..brievenbus import bestandsnaam
from ..constants import Soort, Transport
from ..models import Bericht
from .parsers import RuweTekstXmlParser, RuweXmlParser, controleer_lengte
from .serializers import BerichtSerializer, OntvangstSerializer, bericht_url, retour_van

logger = logging.getLogger(__name__)

XML_TYPES = ("application/xml", "text/xml")
FOUT = OpenApiResponse(description="Fout, met een Nederlandse omschrijving in `detail`.")


class Ongeldig(exceptions.ValidationError):
    """400 with DRF's usual shape, {field: [message]}."""

    def __init__(self, fouten: dict[str, str]):
        super().__init__({veld: [melding] for veld, melding in fouten.items()})


class Pagina(PageNumberPagination):
    page_size = 50
    page_size_query_param = "aantal"
    max_page_size = 500
    invalid_page_message = "Pagina {page_number} bestaat niet."


class ApiBasis:
    """Token only, no session; Dutch messages for the errors DRF raises itself."""

    renderer_classes = [JSONRenderer]

    @classmethod
    def as_view(cls, **initkwargs):
        # LoginRequiredMiddleware: the token is the login, a session plays no part.
        return login_not_required(super().as_view(**initkwargs))

    def permission_denied(self, request, message=None, code=None):
        if request.authenticators and not request.successful_authenticator:
            raise exceptions.NotAuthenticated(
                "Geen token meegestuurd: gebruik de header 'Authorization: Token <sleutel>'."
            )
        super().permission_denied(request, message, code)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.controleer_kanaal()

    def controleer_kanaal(self) -> None:
        """Only an organisation whose channel is the API uses it (else retours go astray and
        a fetch would take messages out of its file mailbox)."""
        kanaal = services.kanaal_van(self.organisatie)
        if kanaal != Transport.API:
            raise exceptions.PermissionDenied(
                f"{self.organisatie} wisselt geen berichten uit via de HTTP-API (berichtkanaal: "
                f"{Transport(kanaal).label.lower()}); retouren zouden u zo niet bereiken. Laat de "
                "functioneel beheerder het berichtkanaal op HTTP-API zetten."
            )

    @property
    def organisatie(self) -> Organisatie:
        return self.request.auth.organisatie

    def zichtbaar(self):
        """Messages the token's organisation sent or received; nobody else's."""
        return Bericht.objects.voor_organisatie(self.organisatie)

    def bericht_of_404(self, pk: int, *, met_inhoud: bool = False) -> Bericht:
        berichten = self.zichtbaar().select_related("afzender", "ontvanger")
        if met_inhoud:
            berichten = berichten.met_inhoud()
        bericht = berichten.filter(pk=pk).first()
        if bericht is None:
            raise exceptions.NotFound(f"Bericht {pk} bestaat niet voor uw organisatie.")
        return bericht

    def xml(self, bericht: Bericht) -> HttpResponse:
        """The message verbatim (a read of client data: audit-logged); fetching by the
        receiver marks it opgehaald."""
        queries.log_lezen(
            bericht,
            "bericht.opgehaald",
            organisatie=self.organisatie,
            gebruikersnaam=f"api:{self.request.auth.naam}",
        )
        if (
            bericht.ontvanger_id == self.organisatie.pk
            and bericht.transport == Transport.API
            and bericht.opgehaald_op is None
        ):
            bericht.opgehaald_op = timezone.now()
            Bericht.objects.filter(pk=bericht.pk, opgehaald_op__isnull=True).update(
                opgehaald_op=bericht.opgehaald_op
            )
            logger.info("bericht %s opgehaald via de API door %s", bericht.pk, self.organisatie)
        return xml_antwoord(bericht)


class AltijdJson(BaseContentNegotiation):
    """Errors are JSON whatever the client accepts; a message itself is returned as stored."""

    def select_parser(self, request, parsers):
        return DefaultContentNegotiation().select_parser(request, parsers)

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


def xml_antwoord(bericht: Bericht) -> HttpResponse:
    """The message verbatim, never re-serialised."""
    antwoord = HttpResponse(
        bericht.bytes,
        content_type="application/xml" if bericht.nummer else "application/octet-stream",
    )
    antwoord["Content-Disposition"] = f'attachment; filename="{bestandsnaam(bericht)}"'
    antwoord["X-Bericht-Id"] = str(bericht.pk)
    return antwoord


def ontvanger_met_code(code: str, afzender: Organisatie) -> Organisatie:
    """The receiving organisation of a posted message, with a precise error when it is none."""
    if not code:
        raise Ongeldig(
            {"ontvanger": "Geef de ontvanger op: ?ontvanger=<gemeentecode of AGB-code>."}
        )
    if not (code.isascii() and code.isdigit() and len(code) in (4, 8)):
        raise Ongeldig(
            {
                "ontvanger": f"'{code[:20]}' is geen gemeentecode (4 cijfers) of AGB-code "
                "(8 cijfers)."
            }
        )
    ontvanger = met_code(code)
    if ontvanger is None:
        raise exceptions.NotFound(f"Er is geen organisatie met code {code} in deze installatie.")
    if ontvanger.pk == afzender.pk:
        raise Ongeldig(
            {
                "ontvanger": "De ontvanger is uw eigen organisatie: een bericht gaat naar een "
                "andere partij."
            }
        )
    kanaal = services.kanaal_van(ontvanger)
    if kanaal != Transport.INTERN:
        raise Ongeldig(
            {
                "ontvanger": f"{ontvanger} ({code}) ontvangt berichten niet in deze installatie "
                f"maar via {Transport(kanaal).label.lower()}: stuur het bericht daar."
            }
        )
    return ontvanger


ONTVANGER = OpenApiParameter(
    "ontvanger",
    str,
    required=True,
    description="Gemeentecode (4 cijfers) of AGB-code (8 cijfers) van de ontvanger; "
    "die moet in deze installatie berichten ontvangen.",
)


def _op_opgehaald(qs, opgehaald: str):
    if opgehaald not in ("nee", "ja", "alle"):
        raise Ongeldig({"opgehaald": "Kies nee, ja of alle."})
    if opgehaald == "alle":
        return qs
    return qs.filter(opgehaald_op__isnull=opgehaald == "nee")


def _op_bericht(qs, naam: str):
    naam = naam.strip().upper()
    if not naam:
        return qs
    for prefix, standaard in (("WMO", "iwmo"), ("JW", "ijw")):
        nummer = naam.removeprefix(prefix)
        if naam.startswith(prefix) and nummer.isdigit():
            return qs.filter(standaard=standaard, nummer=int(nummer))
    raise Ongeldig({"bericht": f"'{naam[:20]}' is geen berichtnaam zoals WMO302 of JW301."})


def _op_standaard(qs, standaard: str):
    if standaard not in ("iwmo", "ijw"):
        raise Ongeldig({"standaard": "Kies iwmo of ijw."})
    return qs.filter(standaard=standaard)


def _op_soort(qs, soort: str):
    if soort not in (Soort.HEENBERICHT, Soort.RETOUR):
        raise Ongeldig({"soort": "Kies heen of retour."})
    return qs.filter(soort=soort)


def _op_sinds(qs, sinds: str):
    moment = parse_datetime(sinds)
    if moment is None:
        raise Ongeldig({"sinds": "Geef een tijdstip als 2026-01-31T09:00:00+01:00."})
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return qs.filter(ontvangen_op__gte=moment)


# The list's query parameters, each refused in Dutch when it cannot be read.
_FILTERS = {
    "bericht": _op_bericht,
    "standaard": _op_standaard,
    "soort": _op_soort,
    "sinds": _op_sinds,
}


class BerichtenView(ApiBasis, generics.ListAPIView):
    """POST: send a message. GET: the postbus."""

    parser_classes = [RuweXmlParser, RuweTekstXmlParser]
    serializer_class = BerichtSerializer
    pagination_class = Pagina

    @extend_schema(
        operation_id="bericht_versturen",
        summary="Een bericht versturen",
        description=(
            "Het bericht (iWmo/iJw 3.2-XML, ongewijzigd) gaat als body mee. Het wordt eerst "
            "onveranderd opgeslagen en daarna gecontroleerd en verwerkt. Het antwoord (201) "
            "zegt wat ermee gebeurde: `status`, `fouten` (de eerste 100; `fouten_totaal` telt "
            "ze alle) en het `retour` als er een is. Een "
            "afgekeurd bericht (status `afgekeurd`) geldt als niet verzonden (OP286). Een "
            "identiek dubbel bericht (status `dubbel`) wordt niet opnieuw verwerkt; `retour` "
            "is dan het eerdere retourbericht."
        ),
        parameters=[ONTVANGER],
        request={"application/xml": OpenApiTypes.BINARY},
        responses={
            201: OntvangstSerializer,
            400: FOUT,
            401: FOUT,
            403: FOUT,
            404: FOUT,
            413: FOUT,
            415: FOUT,
        },
        examples=[
            OpenApiExample(
                "Verwerkt",
                response_only=True,
                status_codes=["201"],
                value={
                    "id": 17,
                    "bericht": "WMO301",
                    "identificatie": "123456789012",
                    "status": "retour_verzonden",
                    "retourcodes": [],
                    "fouten": [],
                    "fouten_totaal": 0,
                    "origineel": None,
                    "retour": {
                        "id": 18,
                        "bericht": "WMO302",
                        "url": "https://example.org/api/v1/berichten/18/",
                    },
                    "url": "https://example.org/api/v1/berichten/17/",
                },
            )
        ],
    )
    def post(self, request):
        afzender = self.organisatie
        ontvanger = ontvanger_met_code(request.query_params.get("ontvanger", "").strip(), afzender)
        if request.content_type.split(";")[0].strip().lower() not in XML_TYPES:
            raise exceptions.UnsupportedMediaType(
                request.content_type,
                detail="Stuur het bericht als XML: Content-Type application/xml.",
            )
        controleer_lengte(request)
        data = request.data
        if not isinstance(data, bytes) or not data:
            raise Ongeldig({"bericht": "De body is leeg: stuur het bericht."})
        bericht = services.ontvang(
            data, afzender=afzender, ontvanger=ontvanger, transport=Transport.API
        )
        bericht = Bericht.objects.select_related("origineel").get(pk=bericht.pk)
        antwoord = OntvangstSerializer(bericht, context={"request": request}).data
        return Response(
            antwoord,
            status=status.HTTP_201_CREATED,
            headers={"Location": bericht_url(request, bericht.pk)},
        )

    @extend_schema(
        operation_id="postbus",
        summary="De postbus: berichten voor uw organisatie die u nog niet ophaalde",
        description=(
            "Berichten (heenberichten en retouren) die deze installatie via de API aan uw "
            "organisatie aanbiedt, oudste eerst. Een bericht verdwijnt uit de postbus zodra u "
            "het ophaalt (`GET /api/v1/berichten/{id}/`); met `opgehaald=alle` ziet u ook de "
            "opgehaalde."
        ),
        parameters=[
            OpenApiParameter("bericht", str, description="Berichtnaam, bijv. WMO302 of JW301."),
            OpenApiParameter("standaard", str, enum=["iwmo", "ijw"]),
            OpenApiParameter("soort", str, enum=[Soort.HEENBERICHT, Soort.RETOUR]),
            OpenApiParameter(
                "sinds",
                OpenApiTypes.DATETIME,
                description="Alleen berichten vanaf dit tijdstip (ISO 8601).",
            ),
            OpenApiParameter(
                "opgehaald",
                str,
                enum=["nee", "ja", "alle"],
                description="Standaard: nee (nog niet opgehaald).",
            ),
            OpenApiParameter("aantal", int, description="Berichten per pagina (max. 500)."),
        ],
        responses={200: BerichtSerializer(many=True), 400: FOUT, 401: FOUT},
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        params = self.request.query_params
        qs = (
            Bericht.objects.filter(ontvanger_id=self.organisatie.pk, transport=Transport.API)
            .select_related(
                "afzender__gemeente",
                "afzender__aanbieder",
                "ontvanger__gemeente",
                "ontvanger__aanbieder",
            )
            .order_by("ontvangen_op", "pk")
        )
        qs = _op_opgehaald(qs, params.get("opgehaald", "nee"))
        for param, filter_op in _FILTERS.items():
            if waarde := params.get(param):
                qs = filter_op(qs, waarde)
        return qs


class BerichtView(ApiBasis, APIView):
    content_negotiation_class = AltijdJson

    @extend_schema(
        operation_id="bericht_ophalen",
        summary="Een bericht ophalen (de XML, onveranderd)",
        description=(
            "Alleen berichten die uw organisatie verstuurde of ontving; andere geven 404. "
            "Haalt de ontvanger het op, dan verdwijnt het uit de postbus."
        ),
        responses={(200, "application/xml"): OpenApiTypes.BINARY, 401: FOUT, 404: FOUT},
    )
    def get(self, request, pk: int):
        return self.xml(self.bericht_of_404(pk, met_inhoud=True))


class RetourView(ApiBasis, APIView):
    content_negotiation_class = AltijdJson

    @extend_schema(
        operation_id="retour_ophalen",
        summary="Het retourbericht op een bericht (de XML, onveranderd)",
        description=(
            "Het retour op een heenbericht van of voor uw organisatie; bij een identiek dubbel "
            "bericht het eerdere retour. 404 zolang er geen is (en nooit bij een XSD-ongeldig "
            "bericht: dat krijgt een foutrapport, geen retour)."
        ),
        responses={(200, "application/xml"): OpenApiTypes.BINARY, 401: FOUT, 404: FOUT},
    )
    def get(self, request, pk: int):
        bericht = self.bericht_of_404(pk)
        retour = retour_van(bericht)
        if retour is None or not self.zichtbaar().filter(pk=retour.pk).exists():
            raise exceptions.NotFound(f"Bericht {pk} heeft geen retourbericht.")
        return self.xml(retour)
