"""One page of a list, cut in SQL: the lists' pagination (``portaal/_paginering.html``).

``pagineer(request, queryset)`` runs two queries whatever the list's size (the count and the
page, LIMIT/OFFSET); the page's links keep the request's other parameters (filters, the page
of another list on the same page), so two lists on one page each take a parameter of their own.
A list that only grows (the audit trail) is not counted (``tellen=False``): one query for the
page and one row more, which tells whether a next page exists.
"""

from collections.abc import Sequence

from django.core.paginator import Page, Paginator
from django.utils.functional import cached_property

from istandaarden.fout import getal

PER_PAGINA = 25
GRENS = 10_000  # the rows a bounded list counts and pages to


class OngeteldePagina(Sequence):
    """A page of a list whose length is not counted: number, rows and whether more follow
    (the interface of Django's ``Page`` that the page links use, without ``paginator``)."""

    def __init__(self, rijen, nummer: int, per_pagina: int):
        begin = (nummer - 1) * per_pagina
        gelezen = list(rijen[begin : begin + per_pagina + 1])
        self.number = nummer
        self.object_list = gelezen[:per_pagina]
        self._meer = len(gelezen) > per_pagina

    def __getitem__(self, index):
        return self.object_list[index]

    def __len__(self) -> int:
        return len(self.object_list)

    def has_next(self) -> bool:
        return self._meer

    def has_previous(self) -> bool:
        return self.number > 1

    def has_other_pages(self) -> bool:
        return self.has_next() or self.has_previous()

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1


class BegrensdePaginator(Paginator):
    """Counts at most ``grens`` + 1 rows, with the filter alone (no join, no order): a count of
    every matching row costs as much as reading them all. Beyond ``grens`` the page says
    "meer dan 10.000" and pages no further, so the OFFSET is bounded too."""

    def __init__(self, object_list, per_page, *, grens: int | None = None, **kwargs) -> None:
        super().__init__(object_list, per_page, **kwargs)
        self.grens = GRENS if grens is None else grens

    @cached_property
    def geteld(self) -> int:
        """The number of rows, or ``grens`` + 1 when there are more."""
        return self.object_list.order_by().values("pk")[: self.grens + 1].count()

    @cached_property
    def count(self) -> int:
        """The rows that can be paged to: at most ``grens``."""
        return min(self.geteld, self.grens)

    @property
    def begrensd(self) -> bool:
        """There are more rows than ``grens``: only the first ``grens`` can be paged to."""
        return self.geteld > self.grens

    @property
    def grens_tekst(self) -> str:
        """The bound the Dutch way ("10.000")."""
        return getal(self.grens)


def pagineer(
    request,
    rijen,
    *,
    per_pagina: int = PER_PAGINA,
    parameter: str = "p",
    tellen: bool = True,
    paginator: type[Paginator] = Paginator,
) -> Page | OngeteldePagina:
    """The page of ``rijen`` that ``request`` asks for in ``parameter``, with
    ``vorige_url``/``volgende_url``. Counted: the last page for a number too high, the first
    for anything else. Not counted: the first page for anything but a positive number."""
    gevraagd = request.GET.get(parameter)
    if tellen:
        pagina = paginator(rijen, per_pagina).get_page(gevraagd)
    else:
        nummer = int(gevraagd) if gevraagd and gevraagd.isdigit() and int(gevraagd) > 0 else 1
        pagina = OngeteldePagina(rijen, nummer, per_pagina)
    return met_links(request, pagina, parameter)


def met_links(request, pagina, parameter: str = "p"):
    """Sets ``vorige_url``/``volgende_url`` on a page cut elsewhere (a service's Paginator)."""
    pagina.vorige_url = _url(request, parameter, pagina.previous_page_number, pagina.has_previous())
    pagina.volgende_url = _url(request, parameter, pagina.next_page_number, pagina.has_next())
    return pagina


def _url(request, parameter: str, nummer, bestaat: bool) -> str:
    if not bestaat:
        return ""
    query = request.GET.copy()
    query[parameter] = nummer()
    return f"{request.path}?{query.urlencode()}"
