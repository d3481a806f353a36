from django.contrib.admin import apps as admin_apps


class BeheerAdminConfig(admin_apps.AdminConfig):
    """The Django admin as the functioneel beheerder's site (see beheer.py)."""

    default_site = "wmoketen.accounts.beheer.BeheerSite"
