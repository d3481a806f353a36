from django.core.management.base import BaseCommand

from wmoketen.eigenbijdrage.tasks import werk_registers_bij


class Command(BaseCommand):
    help = (
        "Werk het register eigen bijdrage (CAK) van elke gemeente bij uit de start- en "
        "stopberichten (zonder broker vanuit cron; met een broker doet beat dit dagelijks)."
    )

    def handle(self, *args, **options):
        nieuw = werk_registers_bij()
        self.stdout.write(f"{nieuw} nieuwe melding(en) te melden aan het CAK.")
