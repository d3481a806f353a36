def rol(request):
    """The logged-in user's organisation, for the page header."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"organisatie": user.organisatie}
