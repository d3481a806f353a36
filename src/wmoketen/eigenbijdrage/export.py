"""The CSV of the meldingen to the CAK: what an iEb WMO405 (start) or WMO406 (stop) would carry,
one line per melding, until the CAK's schema is in the repository (docs/eigenbijdrage.md).

For Excel and a finance or CAK-upload tool alike: Dutch headers, ``;`` separated, dates as
dd-mm-jjjj, UTF-8 with a BOM; text from the records is guarded against formulas
(``gedeeld.spreadsheet``).
"""

import csv
import io
from collections.abc import Iterable

from wmoketen.gedeeld.spreadsheet import veilige_cel

KOLOMMEN = [
    "Gemeentecode",
    "BSN",
    "Naam",
    "Geboortedatum",
    "Soort",
    "Betreft",
    "Datum",
    "Eerder gemelde datum",
    "Registratie vanaf",
]


# A cell starting with one of these is a formula to Excel or LibreOffice (CSV injection): such a
# value gets a leading apostrophe, which the spreadsheet shows as text and does not run.
def _datum(d) -> str:
    return f"{d:%d-%m-%Y}" if d else ""


def als_csv(meldingen: Iterable) -> str:
    """The meldingen (with ``registratie__client`` and ``gemeente`` read) as CSV text."""
    uit = io.StringIO()
    uit.write("\ufeff")
    schrijver = csv.writer(uit, delimiter=";", lineterminator="\r\n")
    schrijver.writerow(KOLOMMEN)
    for melding in meldingen:
        client = melding.registratie.client
        schrijver.writerow(
            [
                veilige_cel(melding.gemeente.gemeentecode),
                veilige_cel(client.bsn),
                veilige_cel(client.volledige_naam),
                _datum(client.geboortedatum),
                melding.get_soort_display(),
                melding.get_betreft_display(),
                _datum(melding.datum),
                _datum(melding.vorige_datum),
                _datum(melding.registratie.begindatum),
            ]
        )
    return uit.getvalue()
