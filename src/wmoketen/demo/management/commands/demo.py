from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.test.utils import override_settings

from wmoketen.demo.laden import WACHTWOORD, laad_demo


class Command(BaseCommand):
    help = "Migreert de database en laadt de demogegevens (nogmaals draaien verandert niets)."

    def handle(self, *args, **options):
        call_command("migrate", verbosity=0)
        # The demo's notification e-mails would only clutter the console.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            logins = laad_demo()
        self.stdout.write(self.style.SUCCESS("Demogegevens staan klaar.\n"))
        self.stdout.write(f"Alle demo-accounts hebben het wachtwoord: {WACHTWOORD}\n")
        breedte = max(len(login.gebruikersnaam) for login in logins)
        for login in logins:
            self.stdout.write(
                f"  {login.gebruikersnaam:<{breedte}}  {login.organisatie} – {login.rol}"
            )
