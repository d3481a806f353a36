from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q

from . import codelijsten
from .codelijsten import InCodelijst
from .constants import CATEGORIE_LIJST, Wet

productcode_validator = RegexValidator(
    r"^\S{1,5}$", "Een productcode bestaat uit 1 tot 5 tekens zonder spaties."
)


class ProductQuerySet(models.QuerySet):
    def get_by_natural_key(self, wet, productcategorie, productcode, geldig_van):
        return self.get(
            wet=wet,
            productcategorie=productcategorie,
            productcode=productcode,
            geldig_van=geldig_van,
        )

    def geldig_op(self, datum) -> "ProductQuerySet":
        return self.filter(geldig_van__lte=datum).filter(
            Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=datum)
        )


class Product(models.Model):
    """A product of the (regional) catalogue: national category plus regional productcode.

    Reference data shared by every organisation; contracts and allocations point at it.
    """

    wet = models.CharField("wet", max_length=10, choices=Wet.choices)
    productcategorie = models.CharField("productcategorie", max_length=2)
    productcode = models.CharField("productcode", max_length=5, validators=[productcode_validator])
    naam = models.CharField("naam", max_length=200)
    eenheid = models.CharField("eenheid (WJ756)", max_length=2, validators=[InCodelijst("WJ756")])
    frequentie = models.CharField(
        "frequentie (WMO757)", max_length=1, validators=[InCodelijst("WMO757")]
    )
    cak_code = models.CharField("CAK-code", max_length=5, blank=True)
    geldig_van = models.DateField("geldig van")
    geldig_tot = models.DateField("geldig tot en met", null=True, blank=True)

    objects = ProductQuerySet.as_manager()

    class Meta:
        ordering = ["wet", "productcategorie", "productcode"]
        verbose_name = "product"
        verbose_name_plural = "producten"
        constraints = [
            models.UniqueConstraint(
                fields=["wet", "productcategorie", "productcode", "geldig_van"],
                name="product_uniek",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.productcode} {self.naam}"

    def natural_key(self) -> tuple:
        """Loading the catalogue fixture again updates rows instead of duplicating them."""
        return (self.wet, self.productcategorie, self.productcode, str(self.geldig_van))

    def clean(self) -> None:
        lijst = CATEGORIE_LIJST.get(self.wet)
        if lijst and self.productcategorie not in codelijsten.codes(lijst):
            raise ValidationError(
                {
                    "productcategorie": f"{self.productcategorie} is geen productcategorie "
                    f"uit codelijst {lijst} ({self.get_wet_display()})."
                }
            )
        if self.geldig_tot and self.geldig_tot < self.geldig_van:
            raise ValidationError({"geldig_tot": "De einddatum ligt vóór de begindatum."})

    @property
    def categorie_omschrijving(self) -> str:
        return codelijsten.omschrijving(CATEGORIE_LIJST[self.wet], self.productcategorie)

    @property
    def eenheid_omschrijving(self) -> str:
        return codelijsten.omschrijving("WJ756", self.eenheid)

    @property
    def frequentie_omschrijving(self) -> str:
        return codelijsten.omschrijving("WMO757", self.frequentie)
