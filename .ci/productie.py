"""The production set-up on this machine, started as docs/productie.md describes it, then used.

nginx (deploy/nginx/wmoketen.conf, with TLS: ports, paths and a throw-away certificate
replaced) in front of gunicorn (deploy/gunicorn.conf.py) with wmoketen.conf.production, a
Celery worker and beat, PostgreSQL and RabbitMQ (a vhost of its own). Then, through nginx:
log in with password and TOTP code, send the official WMO301 over the API and fetch its
retour, send one internally through the worker, check /gezondheid/ and the JSON logs; then a
backup with deploy/backup.sh, restored with deploy/restore.sh into a new database, with the
same counts. Everything is stopped and removed at the end, also on failure.

Run by .ci/run against a fresh PostgreSQL database:
    .venv/bin/python .ci/productie.py --database-url postgres://postgres@127.0.0.1:5432/db
"""

import argparse
import http.cookiejar
import json
import os
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
BIN = PROJECT / ".venv" / "bin"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from rooktest_make_run import Inlogformulier, Mislukt  # noqa: E402

GEBRUIKER = "productie.consulent"
TABELLEN = ["berichten_bericht", "berichten_bezorging", "audit_auditregel", "accounts_gebruiker"]


def main() -> int:
    args = _argumenten()
    begin = time.monotonic()
    tmp = Path(tempfile.mkdtemp(prefix="wmoketen-productie-"))
    tmp.chmod(0o755)  # nginx's workers (nobody) read the static files below it
    vhost = f"wmoketen_pr_{os.getpid()}"
    herstel_db = urllib.parse.urlsplit(args.database_url).path.lstrip("/") + "_herstel"
    processen: list[subprocess.Popen] = []
    try:
        _rabbitmqctl("add_vhost", vhost)
        _rabbitmqctl("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*")
        proef = Proef(tmp, args.database_url, vhost, processen)
        proef.draai(herstel_db)
    except Exception as fout:  # any failure: say what, and show the processes' logs
        print(f"FOUT: {fout}" if isinstance(fout, Mislukt) else traceback.format_exc())
        for log in sorted(tmp.glob("*.log")):
            print(f"-- laatste regels van {log.name}:")
            print("\n".join(log.read_text(errors="replace").splitlines()[-15:]))
        return 1
    finally:  # each step on its own: one failing must not leave the others undone
        for proces in reversed(processen):
            _stop(proces)
        subprocess.run(
            ["psql", "-X", "-q", args.database_url, "-c", f"DROP DATABASE IF EXISTS {herstel_db}"],
            check=False,
        )
        subprocess.run(["rabbitmqctl", "-q", "delete_vhost", vhost], check=False)
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"productietest geslaagd in {time.monotonic() - begin:.0f} s")
    return 0


class Proef:
    def __init__(self, tmp: Path, database_url: str, vhost: str, processen: list):
        self.tmp = tmp
        self.database_url = database_url
        self.processen = processen
        self.poort = {naam: _vrije_poort() for naam in ("gunicorn", "https", "http")}
        self.basis = f"https://127.0.0.1:{self.poort['https']}"
        var = tmp / "var"
        self.env = os.environ | {
            "DJANGO_SETTINGS_MODULE": "wmoketen.conf.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "DATABASE_URL": database_url,
            "CELERY_BROKER_URL": f"amqp://guest:guest@127.0.0.1:5672/{vhost}",
            "ALLOWED_HOSTS": "127.0.0.1",
            "VERTROUWDE_PROXIES": "127.0.0.1",
            "WMOKETEN_VAR_DIR": str(var),
            "BERICHTEN_BRIEVENBUS": str(var / "brievenbus"),
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "GUNICORN_BIND": f"127.0.0.1:{self.poort['gunicorn']}",
            "GUNICORN_WORKERS": "2",
        }

    def draai(self, herstel_db: str) -> None:
        stap("migrate, collectstatic, gegevens")
        self.manage("migrate", "-v0")
        self.manage("collectstatic", "--noinput", "-v0")
        os.environ.update(self.env)
        import django

        sys.path.insert(0, str(PROJECT / "src"))
        django.setup()
        self.gegevens = _maak_gegevens()

        stap("start: celery worker en beat, gunicorn, nginx")
        self.start("worker", BIN / "celery", "-A", "wmoketen", "worker", "--loglevel", "INFO",
                   "-c", "2", "--hostname", "productie@%h", "--without-gossip",
                   "--without-mingle", klaar="ready.")  # fmt: skip
        schema = self.tmp / "celerybeat-schedule"
        self.start("beat", BIN / "celery", "-A", "wmoketen", "beat", "--loglevel", "INFO",
                   "--schedule", schema, klaar="beat: Starting")  # fmt: skip
        self.start("gunicorn", BIN / "gunicorn", "-c", "deploy/gunicorn.conf.py",
                   "wmoketen.wsgi", klaar="Booting worker")  # fmt: skip
        self.start_nginx()
        self.https = self._opener()

        self.inloggen()
        self.api_bericht()
        self.intern_bericht()
        self.gezondheid()
        self.logs()
        self.backup_en_herstel(herstel_db)

    # -- processes -------------------------------------------------------------------------
    def manage(self, *args: str) -> None:
        subprocess.run([BIN / "python", "manage.py", *args], cwd=PROJECT, env=self.env, check=True)

    def start(self, naam: str, *cmd, klaar: str, env=None) -> None:
        log = self.tmp / f"{naam}.log"
        with open(log, "w") as uit:
            proces = subprocess.Popen(
                [str(c) for c in cmd], cwd=PROJECT, env=env or self.env, stdout=uit,
                stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip
        self.processen.append(proces)
        _wacht(lambda: klaar in log.read_text(errors="replace"), 60, f"{naam} start", proces)
        print(f"  {naam} draait (pid {proces.pid})", flush=True)

    def start_nginx(self) -> None:
        certificaat, sleutel = self.tmp / "cert.pem", self.tmp / "key.pem"
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
             "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
             "-keyout", sleutel, "-out", certificaat],
            check=True, capture_output=True,
        )  # fmt: skip
        site = (PROJECT / "deploy/nginx/wmoketen.conf").read_text()
        https = self.poort["https"]
        for oud, nieuw in {
            "server 127.0.0.1:8000;": f"server 127.0.0.1:{self.poort['gunicorn']};",
            "    listen 80;\n": f"    listen 127.0.0.1:{self.poort['http']};\n",
            "    listen [::]:80;\n": "",
            "    listen 443 ssl http2;\n": f"    listen 127.0.0.1:{https} ssl http2;\n",
            "    listen [::]:443 ssl http2;\n": "",
            "/etc/ssl/wmoketen/fullchain.pem": str(certificaat),
            "/etc/ssl/wmoketen/privkey.pem": str(sleutel),
            "/var/log/nginx/wmoketen.access.json": str(self.tmp / "nginx-access.json"),
            "/srv/wmoketen/var/static/": f"{self.env['WMOKETEN_VAR_DIR']}/static/",
        }.items():
            if site.count(oud) != 1:
                raise Mislukt(f"deploy/nginx/wmoketen.conf: '{oud.strip()}' niet precies één keer")
            site = site.replace(oud, nieuw)
        (self.tmp / "wmoketen.conf").write_text(site)
        t = self.tmp
        (t / "nginx.conf").write_text(
            f"worker_processes 1;\npid {t}/nginx.pid;\nerror_log {t}/nginx-error.log;\n"
            "events {}\nhttp {\n  include /etc/nginx/mime.types;\n"
            + "".join(f"  {s}_temp_path {t}/{s};\n" for s in
                      ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
            + f"  access_log {t}/nginx-rest.log;\n  include {t}/wmoketen.conf;\n}}\n"
        )  # fmt: skip
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        subprocess.run([nginx, "-t", "-q", "-c", t / "nginx.conf"], check=True)
        self.start("nginx", nginx, "-c", t / "nginx.conf", "-g", "daemon off;", klaar="")
        _wacht(lambda: _open_poort(self.poort["https"]), 20, "nginx luistert")

    def _opener(self):
        context = ssl.create_default_context(cafile=str(self.tmp / "cert.pem"))
        return urllib.request.build_opener(
            urllib.request.HTTPSHandler(context=context),
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
        )

    def vraag(self, pad: str, data=None, kop=None, verwacht=200):
        """A request through nginx; (status, final path, headers, body)."""
        verzoek = urllib.request.Request(self.basis + pad, data=data, headers=kop or {})
        try:
            with self.https.open(verzoek, timeout=30) as antwoord:
                status, url, headers, body = (
                    antwoord.status, antwoord.url, antwoord.headers, antwoord.read(),
                )  # fmt: skip
        except urllib.error.HTTPError as fout:
            status, url, headers, body = fout.code, fout.url, fout.headers, fout.read()
        if status != verwacht:
            raise Mislukt(f"{pad}: HTTP {status} in plaats van {verwacht}: {body[:300]!r}")
        return status, urllib.parse.urlsplit(url).path, headers, body

    # -- the checks ------------------------------------------------------------------------
    def inloggen(self) -> None:
        stap("inloggen via nginx met wachtwoord en TOTP-code")
        from django_otp.oath import totp

        from wmoketen.factories import WACHTWOORD

        _, _, _, body = self.vraag("/account/inloggen/")
        formulier = Inlogformulier()
        formulier.feed(body.decode())
        gegevens = {
            "csrfmiddlewaretoken": formulier.csrf,
            "organisatie": formulier.organisaties[self.gegevens.gemeente.naam],
            "username": GEBRUIKER,
            "password": WACHTWOORD,  # the factories' password
        }
        _, pad, _, body = self.post("/account/inloggen/", gegevens)
        if pad != "/account/tweestapsverificatie/":
            raise Mislukt(f"na het wachtwoord {pad} in plaats van de tweestapsverificatie")
        formulier = Inlogformulier()
        formulier.feed(body.decode())
        code = f"{totp(self.gegevens.totp_sleutel):06d}"
        _, pad, _, body = self.post(
            "/account/tweestapsverificatie/?next=/",
            {"csrfmiddlewaretoken": formulier.csrf, "token": code, "next": "/"},
        )
        if pad != "/" or f"U werkt voor <strong>{self.gegevens.gemeente.naam}" not in body.decode():
            raise Mislukt(f"na de TOTP-code {pad} in plaats van de startpagina")
        _, _, headers, css = self.vraag("/static/portaal/wmoketen.css")
        if "X-Request-ID" in headers or not css:  # nginx serves it, Django never sees it
            raise Mislukt("/static/ komt niet van nginx")
        self.vraag("/", verwacht=200)
        http_poort = f"http://127.0.0.1:{self.poort['http']}/"
        try:
            urllib.request.build_opener(_GeenRedirect).open(http_poort, timeout=10)
            raise Mislukt("http:// stuurt niet door naar https://")
        except urllib.error.HTTPError as fout:
            if fout.code != 301:
                raise Mislukt(f"http:// gaf {fout.code} in plaats van 301") from None
        print(f"  {GEBRUIKER} ziet de startpagina; statische bestanden van nginx; http → https")

    def post(self, pad: str, velden: dict):
        kop = {"Referer": self.basis + pad}  # CSRF over HTTPS checks the Referer
        return self.vraag(pad, urllib.parse.urlencode(velden).encode(), kop)

    def api_bericht(self) -> None:
        stap("WMO301 via de API, retour WMO302 ophalen")
        from istandaarden.samples import lees

        token = {"Authorization": f"Token {self.gegevens.api_sleutel}"}
        _, _, headers, body = self.vraag(
            f"/api/v1/berichten/?ontvanger={self.gegevens.aanbieder.agb_code}",
            lees("WMO301"),
            token | {"Content-Type": "application/xml"},
            verwacht=201,
        )
        ontvangst = json.loads(body)
        self.api_request_id = headers["X-Request-ID"]
        if ontvangst["status"] != "retour_verzonden" or ontvangst["retour"] is None:
            raise Mislukt(f"de WMO301 is niet verwerkt: {ontvangst}")

        def retour_in_postbus():
            _, _, _, body = self.vraag("/api/v1/berichten/?bericht=WMO302", kop=token)
            return [b for b in json.loads(body)["results"] if b["id"] == ontvangst["retour"]["id"]]

        _wacht(retour_in_postbus, 20, "de WMO302 in de postbus")
        retour = ontvangst["retour"]["id"]
        _, _, headers, _ = self.vraag(f"/api/v1/berichten/{retour}/", kop=token)
        if headers["X-Bericht-Id"] != str(retour) or "WMO302" not in headers["Content-Disposition"]:
            raise Mislukt(f"de opgehaalde retour is geen WMO302: {dict(headers)}")
        print(f"  WMO301 {ontvangst['id']}: {ontvangst['status']}; WMO302 opgehaald")

    def intern_bericht(self) -> None:
        stap("WMO301 intern, via RabbitMQ en de Celery-worker")
        from istandaarden.samples import lees
        from wmoketen.berichten import services
        from wmoketen.berichten.models import Bericht, Bezorging

        data = (
            lees("WMO301")
            .replace(b">123456789012<", b">700000000001<")
            .replace(b"ToewijzingNummer>101<", b"ToewijzingNummer>1001<")
        )
        g = self.gegevens
        bericht = services.verstuur(data, afzender=g.gemeente, ontvanger=g.aanbieder)

        def verwerkt():
            return Bericht.objects.get(pk=bericht.pk).status == "retour_verzonden"

        _wacht(verwerkt, 30, f"verwerking van bericht {bericht.pk} door de worker")
        if Bezorging.objects.get(bericht=bericht).afgerond_op is None:
            raise Mislukt("de bezorging staat nog open")
        print(f"  WMO301 {bericht.pk}: retour_verzonden door de worker")

    def gezondheid(self) -> None:
        stap("/gezondheid/ (zonder inloggen)")
        anoniem = urllib.request.build_opener(
            urllib.request.HTTPSHandler(
                context=ssl.create_default_context(cafile=str(self.tmp / "cert.pem"))
            )
        )
        with anoniem.open(self.basis + "/gezondheid/?format=json", timeout=30) as antwoord:
            status, uitslag = antwoord.status, json.loads(antwoord.read())
        namen = sorted(k.split("(")[0] for k in uitslag)
        if status != 200 or set(uitslag.values()) != {"OK"}:
            raise Mislukt(f"/gezondheid/ gaf {status}: {uitslag}")
        if namen != ["BerichtenWachten", "Database", "Ping"]:
            raise Mislukt(f"/gezondheid/ controleert {namen}")
        print(f"  200: {', '.join(namen)} OK")

    def logs(self) -> None:
        stap("logs: JSON, met het request-id van nginx")
        regels = {naam: _json_regels(self.tmp / f"{naam}.log") for naam in ("gunicorn", "worker")}
        van_api = [r for r in regels["gunicorn"] if r.get("request_id") == self.api_request_id]
        if not any("ontvangen via api" in r["message"] for r in van_api):
            raise Mislukt(f"geen JSON-logregel met request_id {self.api_request_id}")
        if not any(r["logger"].startswith("celery") for r in regels["worker"]):
            raise Mislukt("de worker logt geen JSON")
        toegang = _json_regels(self.tmp / "nginx-access.json")
        if not any(r["request_id"] == self.api_request_id for r in toegang):
            raise Mislukt("het request-id staat niet in nginx' toegangslog")
        print(f"  {sum(map(len, regels.values()))} JSON-regels; request-id in nginx en Django")

    def backup_en_herstel(self, herstel_db: str) -> None:
        stap("backup (deploy/backup.sh) en herstel (deploy/restore.sh) in een nieuwe database")
        brievenbus = Path(self.env["BERICHTEN_BRIEVENBUS"])
        wachtend = brievenbus / "42420001" / "in" / "0384" / "WMO301.xml"
        wachtend.parent.mkdir(parents=True)
        wachtend.write_bytes(b"<wacht-op-import/>")
        uit = subprocess.run(
            [PROJECT / "deploy/backup.sh", self.tmp / "backup"],
            env=self.env, check=True, capture_output=True, text=True,
        ).stdout.split()  # fmt: skip
        voor = _tellingen(self.database_url)
        _psql(self.database_url, f"CREATE DATABASE {herstel_db}")
        herstel_url = self.database_url.rsplit("/", 1)[0] + "/" + herstel_db
        doel = self.tmp / "hersteld" / "brievenbus"
        env = self.env | {"DATABASE_URL": herstel_url, "BERICHTEN_BRIEVENBUS": str(doel)}
        subprocess.run([PROJECT / "deploy/restore.sh", *uit], env=env, check=True)
        na = _tellingen(herstel_url)
        teruggezet = doel / wachtend.relative_to(brievenbus)
        if voor != na or teruggezet.read_bytes() != wachtend.read_bytes():
            raise Mislukt(f"na herstel {na}, ervoor {voor}")
        weigering = subprocess.run([PROJECT / "deploy/restore.sh", *uit], env=env,
                                   capture_output=True, text=True)  # fmt: skip
        if weigering.returncode == 0 or "Weigering" not in weigering.stderr:
            raise Mislukt("restore.sh herstelde over een gevulde database heen")
        print(f"  {', '.join(f'{k} {v}' for k, v in na.items())}: gelijk; brievenbus terug")


@dataclass
class Gegevens:
    gemeente: object
    aanbieder: object
    api_sleutel: str  # the gemeente's API token
    totp_sleutel: bytes  # the user's authenticator key


def _maak_gegevens() -> Gegevens:
    """The official examples' parties: gemeente 0384 on the API, aanbieder 42420001 inside
    this installation; a user of the gemeente with a confirmed authenticator."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from wmoketen.accounts.constants import Rol
    from wmoketen.berichten.api.authenticatie import nieuwe_token
    from wmoketen.berichten.constants import Transport
    from wmoketen.berichten.models import Berichtkanaal
    from wmoketen.factories import AanbiederFactory, GebruikerFactory, GemeenteFactory

    gemeente = GemeenteFactory(naam="Productiegemeente", gemeentecode="0384")
    aanbieder = AanbiederFactory(naam="Productiezorg", agb_code="42420001")
    Berichtkanaal.objects.create(organisatie=gemeente, transport=Transport.API)
    gebruiker = GebruikerFactory(
        username=GEBRUIKER, organisatie=gemeente, rol=Rol.TOEGANGSMEDEWERKER
    )
    apparaat = TOTPDevice.objects.create(user=gebruiker, name="productietest", confirmed=True)
    _, sleutel = nieuwe_token(organisatie=gemeente, naam="productietest")
    return Gegevens(gemeente, aanbieder, sleutel, apparaat.bin_key)


class _GeenRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def stap(tekst: str) -> None:
    print(f"- {tekst}", flush=True)


def _json_regels(pad: Path) -> list[dict]:
    regels = pad.read_text(errors="replace").splitlines()
    return [json.loads(r) for r in regels if r.startswith("{")]


def _tellingen(database_url: str) -> dict[str, int]:
    return {t: int(_psql(database_url, f"SELECT count(*) FROM {t}")) for t in TABELLEN}


def _psql(database_url: str, sql: str) -> str:
    return subprocess.run(
        ["psql", "-X", "-qAt", database_url, "-c", sql], check=True, capture_output=True, text=True
    ).stdout.strip()


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _open_poort(poort: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", poort)) == 0


def _wacht(voorwaarde, seconden: float, wat: str, proces=None) -> None:
    einde = time.monotonic() + seconden
    while not voorwaarde():
        if proces is not None and proces.poll() is not None:
            raise Mislukt(f"{wat}: het proces stopte met code {proces.returncode}")
        if time.monotonic() > einde:
            raise Mislukt(f"wachten op {wat} duurde langer dan {seconden} s")
        time.sleep(0.2)


def _stop(proces: subprocess.Popen) -> None:
    """SIGTERM to its process group (a warm shutdown), SIGKILL after 20 s."""
    if proces.poll() is not None:
        return
    os.killpg(proces.pid, signal.SIGTERM)
    try:
        proces.wait(20)
    except subprocess.TimeoutExpired:
        os.killpg(proces.pid, signal.SIGKILL)
        proces.wait()


def _rabbitmqctl(*args: str) -> None:
    subprocess.run(["rabbitmqctl", "-q", *args], check=True, stdout=subprocess.DEVNULL)


def _argumenten():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    return parser.parse_args()


if __name__ == "__main__":
    sys.exit(main())
