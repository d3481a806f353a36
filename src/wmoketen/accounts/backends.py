from django.contrib.auth.backends import ModelBackend


class OrganisatieBackend(ModelBackend):
    """Username + password, and the account must belong to the organisation chosen at login."""

    def authenticate(self, request, username=None, password=None, organisatie=None, **kwargs):
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None or organisatie is None:
            return user
        return user if user.organisatie_id == organisatie.pk else None
