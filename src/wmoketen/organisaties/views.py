from django.shortcuts import get_object_or_404, render

from . import queries


def lijst(request):
    return render(request, "organisaties/lijst.html", {"organisaties": queries.organisaties()})


def detail(request, pk: int):
    organisatie = get_object_or_404(queries.organisaties(), pk=pk)
    # Only the contracts the viewer is party to; the directory entry itself is public.
    contracten = queries.contracten_voor(request.user.organisatie).filter(
        pk__in=queries.contracten_voor(organisatie).values("pk")
    )
    return render(
        request,
        "organisaties/detail.html",
        {"object": organisatie, "contracten": contracten},
    )


def contracten(request):
    return render(
        request,
        "organisaties/contracten.html",
        {"contracten": queries.contracten_voor(request.user.organisatie)},
    )


def contract(request, pk: int):
    contract = get_object_or_404(queries.contracten_voor(request.user.organisatie), pk=pk)
    return render(request, "organisaties/contract.html", {"contract": contract})
