def notificaties(request):
    """The unread count for the bell in the header of every page."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"ongelezen_notificaties": user.notificaties.ongelezen().count()}
