"""The single mechanism that limits organisation-owned data to one organisation.

Every model that holds data of an organisation uses :class:`OrganisatieQuerySet` as its
manager and says, in ``zichtbaar_voor``, which rows an organisation may see. Views and queries
never filter by hand: they call ``Model.objects.voor_organisatie(organisatie)`` (or use
``OrganisatieScopedMixin``), so a new view cannot forget the scope.
"""

from django.db import models
from django.db.models import Q


class OrganisatieQuerySet(models.QuerySet):
    def voor_organisatie(self, organisatie) -> "OrganisatieQuerySet":
        if organisatie is None:
            return self.none()
        return self.filter(self.model.zichtbaar_voor(organisatie))


class OrganisatieScoped(models.Model):
    """Abstract base: rows owned by exactly one organisation (``organisatie``)."""

    objects = OrganisatieQuerySet.as_manager()

    class Meta:
        abstract = True

    @classmethod
    def zichtbaar_voor(cls, organisatie) -> Q:
        return Q(organisatie=organisatie)
