"""What the API answers about a stored message. Read-only: messages change in services only."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from istandaarden.fout import MAX_FOUTEN

from ..constants import Status
from ..models import Bericht
from ..queries import aantal_fouten


class FoutSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Regelcode (TR056, CD041 …), of XSD, PARSE, ADRES.")
    retourcode = serializers.CharField(allow_null=True, help_text="Retourcode (WJ001) of null.")
    xpath = serializers.CharField(allow_null=True)
    line = serializers.IntegerField(allow_null=True, help_text="Regelnummer in het bericht.")
    message = serializers.CharField(help_text="Nederlandse omschrijving.")


class EersteFoutenSerializer(serializers.ListSerializer):
    """At most MAX_FOUTEN errors (rows stored before the cap can hold more)."""

    def to_representation(self, data):
        return super().to_representation(data[:MAX_FOUTEN])


def bericht_url(request, pk: int) -> str:
    return reverse("api:bericht", kwargs={"pk": pk}, request=request)


class VerwijzingSerializer(serializers.Serializer):
    """A pointer to another stored message (the retour)."""

    id = serializers.IntegerField()
    bericht = serializers.CharField(source="naam", help_text="WMO302, JW302 …")
    url = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, obj: Bericht) -> str:
        return bericht_url(self.context["request"], obj.pk)


class BerichtSerializer(serializers.ModelSerializer):
    """One message in the postbus."""

    bericht = serializers.CharField(source="naam", help_text="WMO301, JW302 … of ONBEKEND.")
    afzender = serializers.CharField(source="afzender.code", help_text="Gemeente- of AGB-code.")
    ontvanger = serializers.CharField(source="ontvanger.code")
    heenbericht = serializers.PrimaryKeyRelatedField(
        read_only=True, help_text="Bij een retour: het id van het heenbericht."
    )
    url = serializers.SerializerMethodField(help_text="De XML van het bericht.")

    class Meta:
        model = Bericht
        fields = [
            "id",
            "bericht",
            "standaard",
            "berichtcode",
            "versie",
            "soort",
            "identificatie",
            "dagtekening",
            "afzender",
            "ontvanger",
            "status",
            "retourcodes",
            "heenbericht",
            "grootte",
            "sha256",
            "ontvangen_op",
            "opgehaald_op",
            "url",
        ]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, obj: Bericht) -> str:
        return bericht_url(self.context["request"], obj.pk)


class OntvangstSerializer(serializers.Serializer):
    """The answer to a posted message: what the pipeline made of it."""

    id = serializers.IntegerField(help_text="Het id van het opgeslagen bericht.")
    bericht = serializers.CharField(source="naam", help_text="WMO301 … of ONBEKEND.")
    identificatie = serializers.CharField()
    status = serializers.CharField(
        help_text="geaccepteerd, verwerkt, retour_verzonden, "
        "afgekeurd, fout_bij_verwerking, geen_verwerking of dubbel."
    )
    retourcodes = serializers.ListField(child=serializers.CharField())
    fouten = EersteFoutenSerializer(
        child=FoutSerializer(), help_text=f"De eerste {MAX_FOUTEN} fouten."
    )
    fouten_totaal = serializers.SerializerMethodField(
        help_text="Het aantal fouten, ook de fouten die niet in `fouten` staan."
    )
    origineel = serializers.IntegerField(
        source="origineel_id",
        allow_null=True,
        help_text="Bij een dubbel bericht: het eerder ontvangen bericht met deze identificatie.",
    )
    retour = serializers.SerializerMethodField(
        help_text="Het retourbericht; bij een identiek dubbel bericht het eerdere retour."
    )
    url = serializers.SerializerMethodField()

    def get_fouten_totaal(self, obj: Bericht) -> int:
        return aantal_fouten(obj)

    @extend_schema_field(VerwijzingSerializer(allow_null=True))
    def get_retour(self, obj: Bericht) -> dict | None:
        retour = retour_van(obj)
        if retour is None:
            return None
        return VerwijzingSerializer(retour, context=self.context).data

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, obj: Bericht) -> str:
        return bericht_url(self.context["request"], obj.pk)


def retour_van(bericht: Bericht) -> Bericht | None:
    """The retour on a heenbericht; for an identical duplicate, the earlier one's retour."""
    for kandidaat in (bericht, bericht.origineel if bericht.status == Status.DUBBEL else None):
        if kandidaat is None:
            continue
        retour = Bericht.objects.filter(heenbericht=kandidaat).first()
        if retour is not None:
            return retour
    return None
