"""Functioneel beheer (the admin) shows records read-only; opening one is a read of client
data, logged for that client like the portal's pages."""

from operator import attrgetter

from . import services as audit


class LeesLog:
    """ModelAdmin mixin: a GET of a record's page writes ``<model>.gelezen`` for its client.

    ``audit_client``: the attribute path from the record to its client's id."""

    audit_client = "client_id"

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id) if request.method == "GET" else None
        if obj is not None:
            self.log_gelezen(request, obj)
        return super().change_view(request, object_id, form_url, extra_context)

    def log_gelezen(self, request, obj) -> None:
        audit.log(
            request.user,
            f"{obj._meta.model_name}.gelezen",
            obj,
            client_id=attrgetter(self.audit_client)(obj),
            omschrijving="via functioneel beheer",
        )
