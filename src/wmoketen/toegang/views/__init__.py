"""Pages of the toegang route, one module per part: ``melding`` (the consulent's caseload, a
new melding and the case page, whose steps are the table in ``stappen`` and whose route is
shown by ``tijdlijn``), ``opdracht`` (the aanbieder's order for plan deel 2), ``beschikking``
(the backoffice's aanvragen, the beschikking and its letter) and ``afhandeling`` (refusing or
returning an aanvraag, ending a melding).

Views only collect input and call ``services`` (every rule) and ``queries`` (every read,
scoped to the user's organisation); a refusal is shown by ``gedeeld.weigering.Poging``. The
aanbieder never reaches a melding, onderzoek or beschikking: those pages are for gemeente
roles and their queries return only the gemeente's own records (404 otherwise).
"""
