def meldingen(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"ongelezen_meldingen": user.meldingen.ongelezen().count()}
