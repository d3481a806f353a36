from django.core.management.base import BaseCommand

from wmoketen.verzoeken import herstel


class Command(BaseCommand):
    help = (
        "Verstuur de automatische afwijzingen (319) van verzoeken waarvan het verwerken "
        "halverwege stopte (zonder broker: draai dit vanuit cron)."
    )

    def handle(self, *args, **options):
        aantal = herstel.herstel_afwijzingen()
        self.stdout.write(f"{aantal} automatische afwijzing(en) alsnog verstuurd.")
