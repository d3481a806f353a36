import pytest
from django.conf import settings
from django.core import mail
from django.test import override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from wmoketen.accounts.constants import Rol
from wmoketen.factories import WACHTWOORD, GebruikerFactory


def inloggen(client, gebruiker, organisatie, wachtwoord=WACHTWOORD):
    return client.post(
        "/account/inloggen/",
        {"organisatie": organisatie.pk, "username": gebruiker.username, "password": wachtwoord},
    )


def test_inloggen_bij_eigen_organisatie(client, consulent, gemeente):
    antwoord = inloggen(client, consulent, gemeente)

    assert antwoord.status_code == 302 and antwoord.url == "/"
    assert client.get("/").context["user"] == consulent


def test_inloggen_bij_andere_organisatie_wordt_geweigerd(client, consulent, andere_gemeente):
    antwoord = inloggen(client, consulent, andere_gemeente)

    assert antwoord.status_code == 200
    assert "Controleer of u de juiste organisatie hebt gekozen" in antwoord.content.decode()
    assert "_auth_user_id" not in client.session


def test_niet_ingelogd_gaat_naar_inlogpagina(client, db):
    antwoord = client.get("/clienten/")

    assert antwoord.status_code == 302
    assert antwoord.url.startswith("/account/inloggen/?next=/clienten/")


def test_account_wordt_geblokkeerd_na_herhaald_mislukt_inloggen(client, consulent, gemeente):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        inloggen(client, consulent, gemeente, wachtwoord="fout")

    antwoord = inloggen(client, consulent, gemeente)  # now with the right password

    assert antwoord.status_code == 429
    assert "tijdelijk geblokkeerd" in antwoord.content.decode()
    assert "_auth_user_id" not in client.session


def test_sessie_verloopt_na_15_minuten_zonder_activiteit(client, consulent, gemeente):
    inloggen(client, consulent, gemeente)
    client.get("/")

    assert settings.SESSION_SAVE_EVERY_REQUEST is True
    assert client.session.get_expiry_age() == 15 * 60


def test_uitloggen(client, consulent, gemeente):
    inloggen(client, consulent, gemeente)

    client.post("/account/uitloggen/")

    assert client.get("/").status_code == 302


def test_wachtwoord_vergeten_stuurt_link_die_werkt(client, consulent):
    client.post("/account/wachtwoord-vergeten/", {"email": consulent.email})

    assert len(mail.outbox) == 1
    link = next(r for r in mail.outbox[0].body.split() if "/wachtwoord-nieuw/" in r)
    pad = link.split("testserver", 1)[1]
    formulier = client.get(pad, follow=True)
    nieuw = "Een-heel-nieuw-wachtwoord-9"
    client.post(formulier.redirect_chain[-1][0], {"new_password1": nieuw, "new_password2": nieuw})
    consulent.refresh_from_db()
    assert consulent.check_password(nieuw)


@pytest.fixture
def verplicht():
    with override_settings(TWEEFACTOR_VERPLICHT=True):
        yield


def _code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits):06d}"


def test_tweestapsverificatie_verplicht_stuurt_eerst_naar_instellen(
    client, consulent, gemeente, verplicht
):
    inloggen(client, consulent, gemeente)

    antwoord = client.get("/clienten/")

    assert antwoord.status_code == 302
    assert antwoord.url == "/account/tweestapsverificatie/?next=/clienten/"
    pagina = client.get(antwoord.url)
    assert "Scan deze QR-code" in pagina.content.decode()


def test_tweestapsverificatie_instellen_en_daarna_toegang(client, consulent, gemeente, verplicht):
    inloggen(client, consulent, gemeente)
    client.get("/account/tweestapsverificatie/")
    device = TOTPDevice.objects.get(user=consulent)

    fout_code = "000000" if _code(device) != "000000" else "111111"
    fout = client.post("/account/tweestapsverificatie/", {"token": fout_code})
    assert "Deze code is onjuist" in fout.content.decode()
    device.refresh_from_db()
    device.throttle_reset()  # django-otp slows down guessing after a wrong code

    client.post("/account/tweestapsverificatie/?next=/clienten/", {"token": _code(device)})

    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/clienten/").status_code == 200


def test_wie_een_authenticator_heeft_moet_die_ook_in_dev_gebruiken(client, gemeente):
    gebruiker = GebruikerFactory(organisatie=gemeente, rol=Rol.BACKOFFICE)
    TOTPDevice.objects.create(user=gebruiker, name="app", confirmed=True)
    inloggen(client, gebruiker, gemeente)

    assert client.get("/").status_code == 302


def test_productie_eist_tweestapsverificatie_en_een_geheime_sleutel(monkeypatch):
    import importlib

    from django.core.exceptions import ImproperlyConfigured

    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(ImproperlyConfigured):
        importlib.import_module("wmoketen.conf.production")
    monkeypatch.setenv("SECRET_KEY", "x" * 50 + "-Sterk-Genoeg")
    production = importlib.import_module("wmoketen.conf.production")
    assert production.TWEEFACTOR_VERPLICHT is True
