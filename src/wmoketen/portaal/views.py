from django.shortcuts import render

from wmoketen.accounts.constants import Rol

# The start page's worklists per role; filled by the issues that bring the work.
WERKLIJSTEN = {
    Rol.TOEGANGSMEDEWERKER: [
        "Nieuwe meldingen",
        "Onderzoeken in behandeling",
        "Plannen ter akkoord",
    ],
    Rol.BACKOFFICE: ["Te beschikken aanvragen", "Te versturen toewijzingen", "Ontvangen berichten"],
    Rol.AANBIEDER: ["Nieuwe toewijzingen", "Plannen deel 2 in te vullen", "Te melden starten"],
    Rol.CONTRACTMANAGER: ["Contracten die aflopen", "Verzoeken tot onderaanneming"],
    Rol.FUNCTIONEEL_BEHEERDER: ["Gebruikers", "Audittrail", "Producten en codelijsten"],
}


def start(request):
    werklijsten = [(rol.label, WERKLIJSTEN[rol]) for rol in Rol if request.user.heeft_rol(rol)]
    return render(request, "portaal/start.html", {"werklijsten": werklijsten})
