from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "wmoketen.accounts"
    verbose_name = "Gebruikers en rollen"

    def ready(self):
        from . import vergrendeling  # noqa: F401  registers the VERTROUWDE_PROXIES check
