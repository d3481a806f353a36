"""Token authentication for the API: one organisation per token, only the hash is stored."""

import hashlib
import secrets

from django.db import transaction
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions, permissions

from wmoketen.audit import services as audit

from ..models import ApiToken


def hash_van(sleutel: str) -> str:
    return hashlib.sha256(sleutel.encode()).hexdigest()


@transaction.atomic
def nieuwe_token(*, organisatie, naam: str, acting_user=None) -> tuple[ApiToken, str]:
    """A new token; the plain key is returned once and never stored."""
    sleutel = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        organisatie=organisatie,
        naam=naam,
        sleutel_hash=hash_van(sleutel),
        aangemaakt_door=acting_user,
    )
    audit.log(
        acting_user,
        "api_token.aangemaakt",
        token,
        omschrijving=f"API-token '{naam}' voor {organisatie}",
    )
    return token, sleutel


class TokenAuthenticatie(authentication.BaseAuthentication):
    """``Authorization: Token <key>``; request.auth is the ApiToken, request.user None."""

    keyword = "Token"

    def authenticate(self, request):
        kop = authentication.get_authorization_header(request).split()
        if not kop or kop[0].lower() != self.keyword.lower().encode():
            return None
        if len(kop) != 2:
            raise exceptions.AuthenticationFailed("Ongeldige Authorization-header.")
        token = (
            ApiToken.objects.select_related("organisatie")
            .filter(sleutel_hash=hash_van(kop[1].decode(errors="replace")), actief=True)
            .first()
        )
        if token is None:
            raise exceptions.AuthenticationFailed("Onbekende of ingetrokken token.")
        return (None, token)

    def authenticate_header(self, request):
        return self.keyword


class HeeftOrganisatieToken(permissions.BasePermission):
    message = "Een geldige token van uw organisatie is nodig."

    def has_permission(self, request, view) -> bool:
        return isinstance(request.auth, ApiToken)


class TokenAuthenticatieSchema(OpenApiAuthenticationExtension):
    """How the OpenAPI schema describes the token (drf-spectacular finds it by target class)."""

    target_class = TokenAuthenticatie
    name = "token"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "`Token <sleutel>`; een sleutel per organisatie, aangemaakt met "
            "`manage.py api_token`.",
        }
