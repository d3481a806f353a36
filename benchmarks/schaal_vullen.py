"""The scale benchmark's data: one gemeente (Leudal of the demo) at the size of a large city.

Runs after ``django.setup()`` on the benchmark's own PostgreSQL database, into which the demo
was loaded first (``manage.py demo``): organisations, users, contracts, products and a few
rows of every table in their real shape. Every bulk row here is a copy of such a demo row
(the *template*, ``t`` in the SQL), made inside PostgreSQL with ``INSERT … SELECT`` over
``generate_series``; only the columns that make a row its own (ids, client, dates, status …)
are given, all others come from the template. Table and column names come from the models'
``_meta``, so a new nullable column or an index that another change adds does not break the
fill (it is copied from the template, or maintained by PostgreSQL).

At ``schaal`` 1: 100,000 clients of the gemeente (plus the aanbieders' own client records),
130,000 toewijzingen with their aanbieder-side copies and deliveries, 1,000,000 message pairs
(2,000,000 ``Bericht`` rows with their ``Bezorging``), about 650,000 deadlines, 90,000
meldingen with onderzoek, plan and (mostly) beschikking, verzoeken and audit rows, spread over
five years.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

JAREN = 5
BSN_VANAF = 40_000_000  # the clients' BSNs: valid (elfproef) numbers from here up
NAMEN = (
    "Jansen de_Vries van_den_Berg van_Dijk Bakker Janssen Visser Smit Meijer de_Boer Mulder "
    "de_Groot Bos Vos Peters Hendriks van_Leeuwen Dekker Brouwer de_Wit Dijkstra Smits "
    "de_Graaf van_der_Meer van_der_Linden Kok Jacobs de_Haan Vermeulen van_den_Heuvel "
    "van_der_Veen van_den_Broek de_Bruijn de_Jong Schouten van_Beek Willems van_Vliet Hoekstra "
    "Maas Verhoeven Koster van_Dam van_der_Wal Prins Blom Huisman Peeters Kuipers Wouters"
).split()
VOORNAMEN = (
    "Anna Maria Johanna Cornelia Elisabeth Wilhelmina Hendrika Petronella Geertruida "
    "Jan Johannes Hendrik Cornelis Willem Gerrit Pieter Jacobus Theodorus Petrus Daan Sem Lucas "
    "Emma Julia Sophie Tess Noah Finn Levi Mila Sara Fenna Bram Ruben Thijs Lars"
).split()
STRATEN = (
    "Molenweg Kerkstraat Dorpsstraat Schoolstraat Stationsstraat Markt Julianastraat "
    "Beatrixstraat Nieuwstraat Hoofdstraat Kloosterstraat Pastoor_Vullinghsplein Roermondseweg "
    "Kasteellaan Heerstraat Brugstraat Vogelsang Eindstraat Broekstraat Bergstraat"
).split()
PLAATSEN = "Heythuysen Haelen Horn Baexem Grathem Roggel Neer Buggenum Hunsel Ittervoort".split()
NIEUWE_AANBIEDERS = (
    ("Thuiszorg Roerdal", "73730404"),
    ("Wmo Diensten Horn", "73730505"),
    ("Zorg Dichtbij Heythuysen", "73730606"),
    ("Hulp Thuis Baexem", "73730707"),
)
EXTRA_CONSULENTEN = 39


@dataclass
class Maten:
    """How many rows of each kind, at ``schaal`` (1 = 100,000 clients, 2,000,000 messages)."""

    schaal: float
    clienten: int = 0
    toewijzingen: int = 0
    paren: int = 0  # message pairs (heenbericht and its retour)
    meldingen: int = 0

    def __post_init__(self) -> None:
        self.clienten = max(100, round(100_000 * self.schaal))
        self.toewijzingen = max(130, round(130_000 * self.schaal))
        self.paren = max(1_000, round(1_000_000 * self.schaal))
        self.meldingen = max(90, round(90_000 * self.schaal))


@dataclass
class Basis:
    """The demo rows the fill builds on, and the first free id of every table it fills."""

    gemeente: int
    gemeentecode: str
    aanbieders: list[int]  # the big one first
    agb: dict[int, str]
    consulenten: list[int]
    producten: list[int]
    vandaag: date
    begin: datetime
    ids: dict[str, int] = field(default_factory=dict)


def vul(schaal: float, cursor, log=print) -> dict[str, float]:
    """Fill the database; returns seconds per step."""
    maten = Maten(schaal)
    basis = _basis(cursor)
    stappen = {}
    for naam, stap in (
        ("aanbieders en consulenten", _organisaties),
        ("cliënten en adressen", _clienten),
        ("toewijzingsplan", _plan),
        ("berichten en bezorgingen", _berichten),
        ("termijnen", _termijnen),
        ("toewijzingen (gemeente en aanbieder)", _toewijzingen),
        ("leveringen", _leveringen),
        ("meldingen, onderzoeken, plannen, beschikkingen", _toegang),
        ("verzoeken", _verzoeken),
        ("auditregels", _audit),
    ):
        begin = time.monotonic()
        _volgnummers(cursor)  # rows without an explicit id follow those with one
        stap(cursor, basis, maten, log)
        cursor.connection.commit()
        stappen[naam] = time.monotonic() - begin
        log(f"  {naam}: {stappen[naam]:.0f} s", flush=True)
    begin = time.monotonic()
    _volgnummers(cursor)
    cursor.connection.commit()
    stappen["volgnummers"] = time.monotonic() - begin
    return stappen


# --- SQL helpers -------------------------------------------------------------------------


def tabel(model) -> str:
    return f'"{model._meta.db_table}"'


def kolom(model, veld: str) -> str:
    return model._meta.get_field(veld).column


def kloon(cursor, model, bron: str, anders: dict[str, str], params=None) -> int:
    """``INSERT INTO model SELECT …  FROM bron``: every column of the model's own table from
    the template row ``t`` in ``bron``, except those in ``anders`` (field name → SQL)."""
    kolommen = {f.column: f for f in model._meta.local_concrete_fields}
    waarden = {kolom(model, naam): sql for naam, sql in anders.items()}
    pk = model._meta.pk.column
    namen = [k for k in kolommen if k != pk or k in waarden]
    select = ", ".join(waarden.get(k, f't."{k}"') for k in namen)
    lijst = ", ".join(f'"{k}"' for k in namen)
    _sql(cursor, f"INSERT INTO {tabel(model)} ({lijst}) SELECT {select} FROM {bron}", params)
    return cursor.rowcount


def _sql(cursor, sql: str, params=None) -> None:
    """Execute with the parameters written into the SQL as literals (in textual order for a
    list, by name for a dict), so that ``%`` stays the modulo operator."""
    if isinstance(params, dict):
        for naam, waarde in params.items():
            sql = sql.replace(f"%({naam})s", _literal(waarde))
    else:
        for waarde in params or ():
            sql = sql.replace("%s", _literal(waarde), 1)
    cursor.execute(sql)


def _literal(waarde) -> str:
    if isinstance(waarde, (int, float)):
        return repr(waarde)
    return "'" + str(waarde).replace("'", "''") + "'"


def _volgende_id(cursor, model) -> int:
    _sql(cursor, f'SELECT coalesce(max("{model._meta.pk.column}"), 0) FROM {tabel(model)}')
    return cursor.fetchone()[0]


def _volgnummers(cursor) -> None:
    """Explicit ids were inserted: move every identity sequence past its table's maximum."""
    from django.apps import apps

    for model in apps.get_models(include_auto_created=True):
        pk = model._meta.pk
        if pk.get_internal_type() not in ("AutoField", "BigAutoField", "SmallAutoField"):
            continue
        _sql(
            cursor,
            f"SELECT setval(pg_get_serial_sequence(%s, %s), "
            f'greatest((SELECT max("{pk.column}") FROM {tabel(model)}), 1))',
            [model._meta.db_table, pk.column],
        )


def _lijst(woorden) -> str:
    return "ARRAY[" + ", ".join("'" + w.replace("_", " ") + "'" for w in woorden) + "]"


def _kies(woorden, expr: str) -> str:
    """SQL: one of ``woorden``, chosen by the integer expression ``expr``."""
    return f"({_lijst(woorden)})[1 + (({expr}) % {len(woorden)})]"


# --- the demo's rows ---------------------------------------------------------------------


def _basis(cursor) -> Basis:
    from wmoketen.accounts.models import Gebruiker
    from wmoketen.organisaties.models import Aanbieder, Contract, Gemeente

    gemeente = Gemeente.objects.get(naam="Leudal")
    groot = Aanbieder.objects.get(agb_code="73730101")
    aanbieders = [groot, *Aanbieder.objects.exclude(pk=groot.pk).order_by("agb_code")]
    contract = Contract.objects.filter(aanbieder=groot).first()
    producten = sorted(contract.regels.values_list("product_id", flat=True))
    consulent = Gebruiker.objects.get(username="leudal.consulent")
    vandaag = date.today()
    return Basis(
        gemeente=gemeente.pk,
        gemeentecode=gemeente.gemeentecode,
        aanbieders=[a.pk for a in aanbieders if a.pk != 7],  # not Almere's jeugd aanbieder
        agb={a.pk: a.agb_code for a in aanbieders},
        consulenten=[consulent.pk],
        producten=producten,
        vandaag=vandaag,
        begin=datetime.combine(vandaag - timedelta(days=365 * JAREN), datetime.min.time()),
    )


def _organisaties(cursor, basis: Basis, maten: Maten, log) -> None:
    """Four more aanbieders with the regional contract of the second one; 39 more
    consulenten in the gemeente (the caseload is spread over 40)."""
    from django.contrib.auth.models import Group

    from wmoketen.accounts.models import Gebruiker
    from wmoketen.organisaties.models import Aanbieder, Contract, Organisatie

    sjabloon = Aanbieder.objects.get(agb_code="73730202")
    contract = Contract.objects.filter(aanbieder=sjabloon).first()
    for naam, agb in NIEUWE_AANBIEDERS:
        if Aanbieder.objects.filter(agb_code=agb).exists():
            continue
        org = Organisatie.objects.get(pk=sjabloon.pk)
        org.pk = org.id = None
        org.naam = naam
        org.save()
        kloon(
            cursor,
            Aanbieder,
            f"{tabel(Aanbieder)} t WHERE t.organisatie_ptr_id = %s",
            {"organisatie_ptr": str(org.pk), "agb_code": f"'{agb}'"},
            [sjabloon.pk],
        )
        _kloon_contract(cursor, contract, org.pk, agb)
    basis.aanbieders = list(
        Aanbieder.objects.filter(pk__in=basis.aanbieders)
        .order_by("agb_code")
        .values_list("pk", flat=True)
    ) + list(
        Aanbieder.objects.filter(agb_code__in=[a for _, a in NIEUWE_AANBIEDERS]).values_list(
            "pk", flat=True
        )
    )
    basis.agb = dict(Aanbieder.objects.values_list("pk", "agb_code"))
    consulent = Gebruiker.objects.get(pk=basis.consulenten[0])
    groep = Group.objects.get(name="toegangsmedewerker")
    for n in range(1, EXTRA_CONSULENTEN + 1):
        naam = f"leudal.consulent{n:02d}"
        gebruiker = Gebruiker.objects.filter(username=naam).first()
        if gebruiker is None:
            gebruiker = Gebruiker.objects.get(pk=consulent.pk)
            gebruiker.pk = gebruiker.id = None
            gebruiker.username, gebruiker.email = naam, f"{naam}@example.org"
            gebruiker.last_name = f"Leudal {n:02d}"
            gebruiker.save()
            gebruiker.groups.add(groep)
        basis.consulenten.append(gebruiker.pk)


def _kloon_contract(cursor, contract, aanbieder: int, agb: str) -> None:
    from wmoketen.organisaties.models import Contract, Contractregel, Tarief

    nieuw = _volgende_id(cursor, Contract) + 1
    kloon(
        cursor,
        Contract,
        f"{tabel(Contract)} t WHERE t.id = %s",
        {"id": str(nieuw), "aanbieder": str(aanbieder), "kenmerk": f"t.kenmerk || '-{agb}'"},
        [contract.pk],
    )
    regel = _volgende_id(cursor, Contractregel)
    _sql(
        cursor,
        f"CREATE TEMP TABLE schaal_regel ON COMMIT DROP AS SELECT id AS oud, "
        f"%s + row_number() OVER (ORDER BY id) AS nieuw FROM {tabel(Contractregel)} "
        f"WHERE contract_id = %s",
        [regel, contract.pk],
    )
    kloon(
        cursor,
        Contractregel,
        f"{tabel(Contractregel)} t JOIN schaal_regel r ON r.oud = t.id",
        {"id": "r.nieuw", "contract": str(nieuw)},
    )
    kloon(
        cursor,
        Tarief,
        f"{tabel(Tarief)} t JOIN schaal_regel r ON r.oud = t.contractregel_id",
        {"contractregel": "r.nieuw"},
    )
    _sql(cursor, "DROP TABLE schaal_regel")


# --- clients -----------------------------------------------------------------------------


def _clienten(cursor, basis: Basis, maten: Maten, log) -> None:
    """The gemeente's clients (ids kb+1 … kb+C), each with a home address; valid BSNs."""
    from wmoketen.clienten.models import Client, Contact

    kb = basis.ids["client"] = _volgende_id(cursor, Client)
    _sql(
        cursor,
        f"SELECT id FROM {tabel(Client)} WHERE organisatie_id = %s ORDER BY id LIMIT 1",
        [basis.gemeente],
    )
    sjabloon = cursor.fetchone()[0]
    # Valid BSNs (elfproef: sum of digits 1–8 weighted 9…2 ≡ digit 9 mod 11, not 10).
    _sql(
        cursor,
        """
        CREATE TEMP TABLE schaal_bsn AS
        SELECT (row_number() OVER (ORDER BY n))::int AS c,
               lpad((n * 10 + s % 11)::text, 9, '0') AS bsn
        FROM (SELECT n, (SELECT sum(substr(lpad(n::text, 8, '0'), k, 1)::int * (10 - k))
                         FROM generate_series(1, 8) k) AS s
              FROM generate_series(%s, %s) n) x
        WHERE s % 11 < 10
        """,
        [BSN_VANAF, BSN_VANAF + round(maten.clienten * 1.2)],
    )
    _sql(cursor, "CREATE UNIQUE INDEX ON schaal_bsn (c)")
    c = "b.c"
    kloon(
        cursor,
        Client,
        f"{tabel(Client)} t JOIN schaal_bsn b ON b.c <= %s WHERE t.id = %s",
        {
            "id": f"{kb} + {c}",
            "bsn": "b.bsn",
            "geslachtsnaam": _kies(NAMEN, f"{c} * 7"),
            "voorvoegsel": "''",
            "voornamen": _kies(VOORNAMEN, f"{c} * 13"),
            "voorletters": f"left({_kies(VOORNAMEN, f'{c} * 13')}, 1)",
            "geslacht": f"(1 + {c} % 2)::text",
            "geboortedatum": f"date '1925-01-01' + ({c} * 7919) % 30000",
            "aangemaakt": f"'{basis.begin}'::timestamptz + ({c} % 1800) * interval '1 day'",
            "gewijzigd": f"'{basis.begin}'::timestamptz + ({c} % 1800) * interval '1 day'",
        },
        [maten.clienten, sjabloon],
    )
    basis.ids["contact_sjabloon"] = _contact_sjabloon(cursor, Contact, basis.gemeente)
    _adressen(cursor, f"SELECT id, id - {kb} AS c FROM {tabel(Client)} WHERE id > {kb}", basis)


def _contact_sjabloon(cursor, Contact, organisatie: int) -> int:
    _sql(
        cursor,
        f"SELECT t.id FROM {tabel(Contact)} t JOIN clienten_client c ON c.id = t.client_id "
        f"WHERE c.organisatie_id = %s AND t.postcode <> '' ORDER BY t.id LIMIT 1",
        [organisatie],
    )
    return cursor.fetchone()[0]


def _adressen(cursor, clienten_sql: str, basis: Basis) -> None:
    """One home address (Contact) per client of ``clienten_sql`` (id, c)."""
    from wmoketen.clienten.models import Contact

    c = "k.c::int"
    kloon(
        cursor,
        Contact,
        f"{tabel(Contact)} t JOIN ({clienten_sql}) k ON true WHERE t.id = %s",
        {
            "client": "k.id",
            "relatie": "NULL",
            "straatnaam": _kies(STRATEN, f"{c} / 50"),
            "huisnummer": f"1 + {c} % 180",
            "postcode": f"(6080 + ({c} / 500) % 20)::text || chr(65 + {c} % 26) "
            f"|| chr(65 + {c} % 23)",
            "plaatsnaam": _kies(PLAATSEN, f"{c} / 1000"),
        },
        [basis.ids["contact_sjabloon"]],
    )


# --- the allocation plan -----------------------------------------------------------------


def _plan(cursor, basis: Basis, maten: Maten, log) -> None:
    """``schaal_tw``: per toewijzing i its client, aanbieder, dates, state and the message
    pairs that belong to it. Pairs are numbered 1 … P in time order; toewijzing i owns pairs
    fp(i)+1 … fp(i+1) (7 or 8 at every schaal): its 301, its 305 (or a 315), its 307 (or a
    317), then changes and requests. Toewijzingen come in time order over five years."""
    t, p = maten.toewijzingen, maten.paren
    aanbieders = "ARRAY[" + ", ".join(map(str, basis.aanbieders)) + "]"
    producten = "ARRAY[" + ", ".join(map(str, basis.producten)) + "]"
    andere = len(basis.aanbieders) - 1
    _sql(
        cursor,
        f"""
        CREATE TEMP TABLE schaal_tw AS
        SELECT i, fp, fp_volgend, c, aanbieder, product, t301, ingang, eind,
               CASE WHEN eind < %(vandaag)s THEN 'gestopt'
                    WHEN i % 12 = 0 THEN 'niet_gestart' ELSE 'gestart' END AS toestand
        FROM (
          SELECT i, fp, fp_volgend, c, aanbieder, product, t301,
                 t301::date + i % 15 AS ingang,
                 CASE WHEN i % 2 = 0 THEN NULL
                      ELSE t301::date + i % 15 + 365 * (1 + i % 3) - 1 END AS eind
          FROM (
            SELECT i, ((i - 1) * {p}::bigint + {t} - 1) / {t} AS fp,
                   (i * {p}::bigint + {t} - 1) / {t} AS fp_volgend,
                   1 + (i - 1) % %(met_toewijzing)s AS c,
                   CASE WHEN (i * 7919) % 100 < 40 THEN ({aanbieders})[1]
                        ELSE ({aanbieders})[2 + (((i * 7919) % 100 - 40) * {andere}) / 60] END
                     AS aanbieder,
                   ({producten})[1 + (i * 31) % {len(basis.producten)}] AS product,
                   %(begin)s::timestamptz
                     + ((i - 1) * {p}::bigint + {t} - 1) / {t} * %(stap)s * interval '1 second'
                     AS t301
            FROM generate_series(1, {t}) i
          ) a
        ) b
        """,
        {
            "vandaag": basis.vandaag,
            "met_toewijzing": round(maten.clienten * 0.8),
            "begin": basis.begin,
            "stap": JAREN * 365 * 86400 / p,
        },
    )
    _sql(cursor, "CREATE UNIQUE INDEX ON schaal_tw (i)")
    _sql(cursor, "CREATE INDEX ON schaal_tw (c, i)")
    _sql(cursor, "ANALYZE schaal_tw")


# --- messages ----------------------------------------------------------------------------

# Per slot of a toewijzing's pairs: the heenbericht's number. Slot 1 and 2 depend on the state.
LATER = (301, 319, 315, 317)
NAAR_AANBIEDER = (301, 319)  # the gemeente sends these; the aanbieder the others
PLAATSHOUDERS = {
    "Afzender": "@AFZ@",
    "Ontvanger": "@ONT@",
    "Identificatie": "@ID@",
    "Dagtekening": "@DAG@",
    "Bsn": "@BSN@",
    "Achternaam": "@NAAM@",
    "ToewijzingNummer": "@NR@",
}


def _sjablonen(cursor) -> None:
    """``schaal_sjabloon``: per message number (301 … 320) a demo message of the iWmo, its
    XML with placeholders for what differs per message (codes, identification, BSN, name,
    toewijzingnummer)."""
    from wmoketen.berichten.models import Bericht

    _sql(cursor, "CREATE TEMP TABLE schaal_sjabloon (nummer int PRIMARY KEY, id bigint, xml text)")
    rijen = []
    for nummer in (301, 305, 307, 315, 317, 319):
        heen = Bericht.objects.filter(standaard="iwmo", nummer=nummer, retour__isnull=False)
        heen = heen.order_by("pk").first()
        for bericht in (heen, heen.retour):
            rijen.append((bericht.nummer, bericht.pk, _met_plaatshouders(bericht.bytes.decode())))
    cursor.executemany("INSERT INTO schaal_sjabloon VALUES (%s, %s, %s)", rijen)


def _met_plaatshouders(xml: str) -> str:
    for element, plaatshouder in PLAATSHOUDERS.items():
        xml = re.sub(rf"(<[A-Za-z0-9]+:{element}>)[^<]*<", rf"\g<1>{plaatshouder}<", xml)
    return xml


def _berichten(cursor, basis: Basis, maten: Maten, log) -> None:
    """All message pairs in batches: heenbericht id bb+2p-1, its retour bb+2p."""
    from wmoketen.berichten.models import Bericht, Bezorging

    _sjablonen(cursor)
    bb = basis.ids["bericht"] = _volgende_id(cursor, Bericht)
    p, t = maten.paren, maten.toewijzingen
    blok = 50_000
    for lo in range(1, p + 1, blok):
        hi = min(p, lo + blok - 1)
        kloon(
            cursor,
            Bericht,
            _bericht_bron(basis, maten, lo, hi),
            _bericht_waarden(bb),
            {"begin": basis.begin, "stap": JAREN * 365 * 86400 / p, "gemeente": basis.gemeente},
        )
        kloon(
            cursor,
            Bezorging,
            f"{tabel(Bezorging)} t JOIN {tabel(Bericht)} b "
            f"ON b.id BETWEEN {bb + 2 * lo - 1} AND {bb + 2 * hi} WHERE t.id = %s",
            {
                "bericht": "b.id",
                "aangemaakt_op": "b.ontvangen_op",
                "laatste_poging_op": "b.ontvangen_op",
                "afgerond_op": "b.verwerkt_op",
            },
            [_eerste(cursor, Bezorging)],
        )
        cursor.connection.commit()
        if hi % 200_000 == 0 or hi == p:
            log(f"    {2 * hi:,} berichten", flush=True)
    del t


def _eerste(cursor, model) -> int:
    _sql(cursor, f"SELECT min(id) FROM {tabel(model)}")
    return cursor.fetchone()[0]


def _bericht_bron(basis: Basis, maten: Maten, lo: int, hi: int) -> str:
    """Per pair p and side r (0 heen, 1 retour): the toewijzing w, the message number k and
    the template t; the body ``x`` built from the template's XML."""
    t, p = maten.toewijzingen, maten.paren
    later = "ARRAY[" + ", ".join(map(str, LATER)) + "]"
    agb = (
        "CASE w.aanbieder "
        + " ".join(f"WHEN {pk} THEN '{code}'" for pk, code in basis.agb.items())
        + " END"
    )
    return f"""
        generate_series({lo}, {hi}) p
        CROSS JOIN (VALUES (0), (1)) r(r)
        JOIN schaal_tw w ON w.i = ((p - 1) * {t}::bigint) / {p} + 1
        JOIN schaal_bsn cb ON cb.c = w.c
        CROSS JOIN LATERAL (SELECT (p - 1) - w.fp AS slot) s
        CROSS JOIN LATERAL (SELECT CASE
            WHEN s.slot = 0 THEN 301
            WHEN s.slot = 1 THEN CASE WHEN w.toestand = 'niet_gestart' THEN 315 ELSE 305 END
            WHEN s.slot = 2 THEN CASE WHEN w.toestand = 'gestopt' THEN 307 ELSE 317 END
            ELSE ({later})[1 + (s.slot - 3) % {len(LATER)}] END AS k) k
        CROSS JOIN LATERAL (SELECT
            k.k IN {NAAR_AANBIEDER} AS van_gemeente,
            %(begin)s::timestamptz + (p - 1) * %(stap)s * interval '1 second'
              + r.r * interval '2 seconds' AS op,
            {agb} AS agb) m
        JOIN schaal_sjabloon sj ON sj.nummer = k.k + r.r
        JOIN berichten_bericht t ON t.id = sj.id
        CROSS JOIN LATERAL (SELECT convert_to(
            replace(replace(replace(replace(replace(replace(replace(sj.xml,
              '@AFZ@', CASE WHEN m.van_gemeente THEN '{basis.gemeentecode}' ELSE m.agb END),
              '@ONT@', CASE WHEN m.van_gemeente THEN m.agb ELSE '{basis.gemeentecode}' END),
              '@ID@', CASE WHEN r.r = 0 THEN 'S' ELSE 'R' END || lpad(p::text, 11, '0')),
              '@DAG@', to_char(m.op, 'YYYY-MM-DD')),
              '@BSN@', cb.bsn),
              '@NAAM@', {_kies(NAMEN, "w.c * 7")}),
              '@NR@', (%(nr_vanaf)s + w.i)::text), 'UTF8') AS inhoud) x
    """.replace("%(nr_vanaf)s", "1000")


def _bericht_waarden(bb: int) -> dict[str, str]:
    gemeente_kant = "(m.van_gemeente = (r.r = 0))"  # the gemeente sends this row
    afgekeurd = "(r.r = 0 AND p % 47 = 0)"
    ident = "CASE WHEN r.r = 0 THEN 'S' ELSE 'R' END || lpad(p::text, 11, '0')"
    return {
        "id": f"{bb} + 2 * p - 1 + r.r",
        "inhoud": "x.inhoud",
        "sha256": "encode(sha256(x.inhoud), 'hex')",
        "grootte": "length(x.inhoud)",
        "afzender": f"CASE WHEN {gemeente_kant} THEN %(gemeente)s ELSE w.aanbieder END",
        "ontvanger": f"CASE WHEN {gemeente_kant} THEN w.aanbieder ELSE %(gemeente)s END",
        "identificatie": ident,
        "dagtekening": "m.op::date",
        "sleutel": f"(CASE WHEN {gemeente_kant} THEN %(gemeente)s ELSE w.aanbieder END)::text"
        f" || ':iwmo:' || t.nummer || ':' || {ident}",
        "status": f"CASE WHEN {afgekeurd} THEN 'afgekeurd' WHEN r.r = 1 THEN 'verwerkt' "
        "WHEN p % 20011 = 0 THEN 'fout_bij_verwerking' ELSE t.status END",
        "retourcodes": "CASE WHEN r.r = 1 AND p % 47 = 0 THEN '[\"8848\"]'::jsonb "
        "ELSE t.retourcodes END",
        "fouten_totaal": f"CASE WHEN {afgekeurd} THEN 1 ELSE 0 END",
        "foutmelding": f"CASE WHEN {afgekeurd} THEN 'TR135: de dagtekening ligt na de "
        "systeemdatum.' ELSE '' END",
        "heenbericht": f"CASE WHEN r.r = 1 THEN {bb} + 2 * p - 1 END",
        "origineel": "NULL",
        "ontvangen_op": "m.op",
        "verwerkt_op": "m.op + interval '1 second'",
    }


# --- deadlines, allocations, deliveries --------------------------------------------------


def _termijn_sjabloon(cursor, code: str, gemeente: int | None = None) -> int:
    from wmoketen.termijnen.models import Termijn, Termijnregel

    sql = (
        f"SELECT t.id FROM {tabel(Termijn)} t JOIN {tabel(Termijnregel)} r ON r.id = t.regel_id "
        "WHERE r.code = %s" + (" AND t.gemeente_id = %s" if gemeente else "") + " ORDER BY t.id"
    )
    _sql(cursor, sql, [code, gemeente] if gemeente else [code])
    return cursor.fetchone()[0]


def _termijnen(cursor, basis: Basis, maten: Maten, log) -> None:
    """Per toewijzing: start_ondersteuning (gemeente) and start_zorg (aanbieder), closed when
    delivery started; stop_zorg for stopped ones (closed). The melding's come with it there."""
    from django.contrib.contenttypes.models import ContentType

    from wmoketen.termijnen.models import Termijn
    from wmoketen.toewijzingen.models import AanbiederToewijzing, Toewijzing

    tb = basis.ids["termijn"] = _volgende_id(cursor, Termijn)
    basis.ids["toewijzing"] = _volgende_id(cursor, Toewijzing)
    basis.ids["aanbiedertoewijzing"] = _volgende_id(cursor, AanbiederToewijzing)
    t = maten.toewijzingen
    soorten = (
        ("start_ondersteuning", Toewijzing, "toewijzing", 0, "true"),
        ("start_zorg", AanbiederToewijzing, "aanbiedertoewijzing", t, "true"),
        ("stop_zorg", AanbiederToewijzing, "aanbiedertoewijzing", 2 * t, "w.toestand = 'gestopt'"),
    )
    for code, model, sleutel, vanaf, waar in soorten:
        sjabloon = _termijn_sjabloon(cursor, code)
        ct = ContentType.objects.get_for_model(model).pk
        gehaald = "w.toestand <> 'niet_gestart'"
        begin = "w.ingang + w.i % 10" if code != "stop_zorg" else "w.eind"
        kloon(
            cursor,
            Termijn,
            f"{tabel(Termijn)} t JOIN schaal_tw w ON {waar} WHERE t.id = %s",
            {
                "id": f"{tb + vanaf} + w.i",
                "gemeente": str(basis.gemeente),
                "content_type": str(ct),
                "object_id": f"{basis.ids[sleutel]} + w.i",
                "startdatum": "w.t301::date",
                "vervaldatum": "w.t301::date + 14" if code != "stop_zorg" else "w.eind + 7",
                "status": f"CASE WHEN {gehaald} THEN 'gehaald' ELSE 'open' END",
                "gesloten_op": f"CASE WHEN {gehaald} THEN {begin} END",
                "geopend_op": "w.t301",
                "geopend_door": "NULL",
            },
            [sjabloon],
        )
        _termijn_organisaties(
            cursor,
            f"SELECT {tb + vanaf} + w.i AS id, w.aanbieder AS org FROM schaal_tw w WHERE {waar}",
        )


def _termijn_organisaties(cursor, sql: str) -> None:
    from wmoketen.termijnen.models import Termijn

    door = Termijn.organisaties.through
    _sql(
        cursor,
        f"INSERT INTO {tabel(door)} ({kolom(door, 'termijn')}, {kolom(door, 'organisatie')}) "
        f"SELECT id, org FROM ({sql}) x",
    )


def _toewijzingen(cursor, basis: Basis, maten: Maten, log) -> None:
    from wmoketen.clienten.models import Client
    from wmoketen.toewijzingen.models import AanbiederToewijzing, Toewijzing

    kb, bb, tb = basis.ids["client"], basis.ids["bericht"], basis.ids["termijn"]
    _sql(
        cursor,
        f"SELECT coalesce(max(toewijzingnummer), 0) FROM {tabel(Toewijzing)} "
        "WHERE gemeente_id = %s",
        [basis.gemeente],
    )
    nr = cursor.fetchone()[0]
    _sql(
        cursor,
        f"SELECT min(id) FROM {tabel(Toewijzing)} WHERE gemeente_id = %s AND status = 'toegewezen'",
        [basis.gemeente],
    )
    sjabloon = cursor.fetchone()[0]
    gemeen = {
        "toewijzingnummer": f"{nr} + w.i",
        "ingangsdatum": "w.ingang",
        "einddatum": "w.eind",
        "toewijzingsdatum": "w.t301::date",
        "toewijzingstijd": "w.t301::time",
        "bericht": f"{bb} + 2 * (w.fp + 1) - 1",
        "aangemaakt": "w.t301",
        "gewijzigd": "w.t301",
        "aanbieder": "w.aanbieder",
        "gemeente": str(basis.gemeente),
    }
    kloon(
        cursor,
        Toewijzing,
        f"{tabel(Toewijzing)} t JOIN schaal_tw w ON true WHERE t.id = %s",
        gemeen
        | {
            "id": f"{basis.ids['toewijzing']} + w.i",
            "client": f"{kb} + w.c",
            "product": "w.product",
            "status": "CASE WHEN w.toestand = 'gestopt' THEN 'beeindigd' ELSE 'toegewezen' END",
            "beschikkingnummer": f"CASE WHEN w.c <= {maten.meldingen} THEN "
            "'S' || lpad(w.c::text, 9, '0') ELSE '' END",
            "start_termijn": f"{tb} + w.i",
        },
        [sjabloon],
    )
    # The aanbieders' own client records: one per aanbieder and client, with an address.
    ab = _volgende_id(cursor, Client)
    kloon(
        cursor,
        Client,
        f"(SELECT DISTINCT aanbieder, c FROM schaal_tw) a "
        f"JOIN {tabel(Client)} t ON t.id = {kb} + a.c",
        {"organisatie": "a.aanbieder"},
    )
    _sql(
        cursor,
        f"CREATE TEMP TABLE schaal_ac AS SELECT k.organisatie_id AS aanbieder, "
        f"b.c, k.id FROM {tabel(Client)} k JOIN schaal_bsn b ON b.bsn = k.bsn "
        f"WHERE k.id > {ab}",
    )
    _sql(cursor, "CREATE UNIQUE INDEX ON schaal_ac (aanbieder, c)")
    _adressen(cursor, "SELECT id, c FROM schaal_ac", basis)
    _sql(
        cursor,
        f"SELECT min(id) FROM {tabel(AanbiederToewijzing)} WHERE gemeente_id = %s",
        [basis.gemeente],
    )
    kloon(
        cursor,
        AanbiederToewijzing,
        f"{tabel(AanbiederToewijzing)} t JOIN schaal_tw w ON true "
        "JOIN schaal_ac ac ON ac.aanbieder = w.aanbieder AND ac.c = w.c "
        "JOIN producten_product pr ON pr.id = w.product WHERE t.id = %s",
        gemeen
        | {
            "id": f"{basis.ids['aanbiedertoewijzing']} + w.i",
            "client": "ac.id",
            "product": "w.product",
            "productcategorie": "pr.productcategorie",
            "productcode": "pr.productcode",
            "ontvangen_op": "w.t301::date",
            "status": "'actueel'",
        },
        [cursor.fetchone()[0]],
    )


def _leveringen(cursor, basis: Basis, maten: Maten, log) -> None:
    """Started toewijzingen deliver (gestart); ended ones were stopped (gestopt, with the
    307); the others wait for their start. One row on each side."""
    from wmoketen.toewijzingen.models import Levering

    bb = basis.ids["bericht"]
    _sql(
        cursor,
        f"SELECT min(id) FILTER (WHERE status = 'gestart'), "
        f"min(id) FILTER (WHERE status = 'gestopt') FROM {tabel(Levering)}",
    )
    gestart, gestopt = cursor.fetchone()
    for kant, sleutel in (
        ("toewijzing", "toewijzing"),
        ("aanbieder_toewijzing", "aanbiedertoewijzing"),
    ):
        ander = "aanbieder_toewijzing" if kant == "toewijzing" else "toewijzing"
        kloon(
            cursor,
            Levering,
            f"schaal_tw w JOIN {tabel(Levering)} t ON t.id = CASE "
            f"WHEN w.toestand = 'gestopt' THEN {gestopt} ELSE {gestart} END "
            "WHERE w.toestand <> 'niet_gestart'",
            {
                kant: f"{basis.ids[sleutel]} + w.i",
                ander: "NULL",
                "begindatum": "least(w.ingang + w.i % 10, coalesce(w.eind, w.ingang + w.i % 10))",
                "einddatum": "CASE WHEN w.toestand = 'gestopt' THEN w.eind END",
                "startbericht": f"{bb} + 2 * (w.fp + 2) - 1",
                "stopbericht": f"CASE WHEN w.toestand = 'gestopt' THEN {bb} + 2 * (w.fp + 3) - 1"
                " END",
                "aangemaakt": "w.t301",
                "gewijzigd": "w.t301",
            },
        )


# --- toegang: meldingen and what follows -------------------------------------------------


def _toegang(cursor, basis: Basis, maten: Maten, log) -> None:
    """Melding m for client m: 19 of 20 closed with a beschikking (the demo's melding that
    ended in one), every 20th open in one of the demo's open states; with their deadlines."""
    from wmoketen.toegang.models import Beschikking, Melding, Ondersteuningsplan, Onderzoek

    _sql(
        cursor,
        f"SELECT m.id, m.status FROM {tabel(Melding)} m WHERE gemeente_id = %s ORDER BY m.id",
        [basis.gemeente],
    )
    sjablonen = dict((s, i) for i, s in cursor.fetchall())
    open_ = [sjablonen[s] for s in ("huisbezoek_gepland", "plan_deel_1", "deel_2_gereed")]
    consulenten = "ARRAY[" + ", ".join(map(str, basis.consulenten)) + "]"
    stap = JAREN * 365 / maten.meldingen
    _sql(
        cursor,
        f"""CREATE TEMP TABLE schaal_melding AS
        SELECT m, CASE WHEN m % 20 = 0 THEN (ARRAY{open_})[1 + (m / 20) % 3]
                       ELSE {sjablonen["beschikt"]} END AS sjabloon,
               ({consulenten})[1 + m % {len(basis.consulenten)}] AS consulent,
               (%s::date + (m * {stap})::int) AS op
        FROM generate_series(1, {maten.meldingen}) m""",
        [basis.begin.date()],
    )
    ids = {
        m: _volgende_id(cursor, m) for m in (Melding, Onderzoek, Ondersteuningsplan, Beschikking)
    }
    kb = basis.ids["client"]
    kloon(
        cursor,
        Melding,
        f"schaal_melding s JOIN {tabel(Melding)} t ON t.id = s.sjabloon",
        {
            "id": f"{ids[Melding]} + s.m",
            "client": f"{kb} + s.m",
            "consulent": "s.consulent",
            "ontvangen_op": "s.op",
            "aangemaakt": "s.op",
            "traject": "NULL",
            "vorige_beschikking": "NULL",
            "huisbezoek_op": "s.op + 5",
            "huisbezoek_gepland_op": "s.op + 3",
            "afgesloten_op": "CASE WHEN t.afgesloten_op IS NOT NULL THEN s.op + 40 END",
        },
    )
    kloon(
        cursor,
        Onderzoek,
        f"schaal_melding s JOIN {tabel(Onderzoek)} t ON t.melding_id = s.sjabloon",
        {"id": f"{ids[Onderzoek]} + s.m", "melding": f"{ids[Melding]} + s.m"},
    )
    _plannen(cursor, basis, ids, maten)
    _melding_termijnen(cursor, basis, ids)


def _plannen(cursor, basis: Basis, ids: dict, maten: Maten) -> None:
    from wmoketen.toegang.models import (
        Beschikking,
        BeschiktProduct,
        Melding,
        Ondersteuningsplan,
    )

    plan, besch = ids[Ondersteuningsplan], ids[Beschikking]
    aanbieder = "(SELECT aanbieder FROM schaal_tw w WHERE w.c = s.m ORDER BY w.i LIMIT 1)"
    kloon(
        cursor,
        Ondersteuningsplan,
        f"schaal_melding s JOIN {tabel(Ondersteuningsplan)} t ON t.melding_id = s.sjabloon",
        {
            "id": f"{plan} + s.m",
            "melding": f"{ids[Melding]} + s.m",
            "taak": "NULL",
            "aanbieder": f"CASE WHEN t.aanbieder_id IS NOT NULL THEN coalesce({aanbieder}, "
            "t.aanbieder_id) END",
            "akkoord_door": "CASE WHEN t.akkoord_door_id IS NOT NULL THEN s.consulent END",
        },
    )
    kloon(
        cursor,
        Beschikking,
        f"schaal_melding s JOIN {tabel(Beschikking)} t "
        f"ON t.plan_id = (SELECT id FROM {tabel(Ondersteuningsplan)} WHERE melding_id = "
        "s.sjabloon)",
        {
            "id": f"{besch} + s.m",
            "plan": f"{plan} + s.m",
            "client": f"{basis.ids['client']} + s.m",
            "gemeente": str(basis.gemeente),
            "aanbieder": f"coalesce({aanbieder}, t.aanbieder_id)",
            "genomen_door": "s.consulent",
            "nummer": "'S' || lpad(s.m::text, 9, '0')",
            "dagtekening": "s.op + 35",
            "ingangsdatum": "s.op + 40",
            "einddatum": "s.op + 40 + 365 * 3",
            "aangemaakt": "s.op + 35",
            "herindicatie_gesignaleerd_op": "NULL",
        },
    )
    kloon(
        cursor,
        BeschiktProduct,
        f"{tabel(Beschikking)} b JOIN {tabel(BeschiktProduct)} t "
        f"ON t.beschikking_id = (SELECT min(beschikking_id) FROM {tabel(BeschiktProduct)}) "
        f"WHERE b.id > {besch}",
        {"beschikking": "b.id"},
    )
    del maten


def _melding_termijnen(cursor, basis: Basis, ids: dict) -> None:
    """The deadlines of each melding and of its plan, copied from those of its template
    melding (so closed where the demo's are, open where they are open)."""
    from django.contrib.contenttypes.models import ContentType

    from wmoketen.termijnen.models import Termijn
    from wmoketen.toegang.models import Melding, Ondersteuningsplan

    ct_melding = ContentType.objects.get_for_model(Melding).pk
    ct_plan = ContentType.objects.get_for_model(Ondersteuningsplan).pk
    _sql(
        cursor,
        f"""CREATE TEMP TABLE schaal_mt AS
        SELECT s.sjabloon, tt.id AS termijn, tt.content_type_id = {ct_melding} AS van_melding
        FROM (SELECT DISTINCT sjabloon FROM schaal_melding) s
        LEFT JOIN {tabel(Ondersteuningsplan)} p ON p.melding_id = s.sjabloon
        JOIN {tabel(Termijn)} tt
          ON (tt.content_type_id = {ct_melding} AND tt.object_id = s.sjabloon)
          OR (tt.content_type_id = {ct_plan} AND tt.object_id = p.id)""",
    )
    kloon(
        cursor,
        Termijn,
        f"schaal_melding s JOIN schaal_mt mt ON mt.sjabloon = s.sjabloon "
        f"JOIN {tabel(Termijn)} t ON t.id = mt.termijn",
        {
            "object_id": f"CASE WHEN mt.van_melding THEN {ids[Melding]} "
            f"ELSE {ids[Ondersteuningsplan]} END + s.m",
            "startdatum": "s.op",
            "vervaldatum": "s.op + (t.vervaldatum - t.startdatum)",
            "gesloten_op": "CASE WHEN t.gesloten_op IS NOT NULL THEN s.op + 5 END",
            "geopend_op": "s.op",
            "geopend_door": "NULL",
        },
    )


def _verzoeken(cursor, basis: Basis, maten: Maten, log) -> None:
    """A verzoek on both sides for every not yet started toewijzing (its 315) and for every
    fourth started one (a 317), with the template's products; the last three weeks' open."""
    from wmoketen.verzoeken.models import Verzoek, VerzoekProduct

    bb = basis.ids["bericht"]
    _sql(cursor, f"SELECT soort, kant, min(id) FROM {tabel(Verzoek)} GROUP BY 1, 2")
    sjablonen = {(soort, kant): i for soort, kant, i in cursor.fetchall()}
    vb = _volgende_id(cursor, Verzoek)
    kb = basis.ids["client"]
    for n, (kant, soort) in enumerate(
        (k, s) for k in ("gemeente", "aanbieder") for s in (315, 317)
    ):
        slot, waar = (
            (1, "w.toestand = 'niet_gestart'")
            if soort == 315
            else (2, "w.toestand = 'gestart' AND w.i % 4 = 1")
        )
        client = f"{kb} + w.c" if kant == "gemeente" else "ac.id"
        kloon(
            cursor,
            Verzoek,
            f"schaal_tw w JOIN schaal_ac ac ON ac.aanbieder = w.aanbieder "
            f"AND ac.c = w.c JOIN {tabel(Verzoek)} t ON t.id = %s WHERE {waar}",
            {
                "id": f"{vb + n * maten.toewijzingen} + w.i",
                "organisatie": str(basis.gemeente) if kant == "gemeente" else "w.aanbieder",
                "gemeente": str(basis.gemeente),
                "aanbieder": "w.aanbieder",
                "client": client,
                "bericht": f"{bb} + 2 * (w.fp + {slot + 1}) - 1",
                "referentie_aanbieder": "'REF' || w.i",
                "dagtekening": "w.t301::date",
                "aangemaakt": "w.t301",
                "gewijzigd": "w.t301",
                "besloten_op": "CASE WHEN t.besloten_op IS NOT NULL THEN w.t301 END",
                "status": f"CASE WHEN w.t301 > '{basis.vandaag}'::date - 21 THEN 'open' "
                "ELSE t.status END",
            },
            [sjablonen[(soort, kant)]],
        )
    kloon(
        cursor,
        VerzoekProduct,
        f"{tabel(Verzoek)} v JOIN (SELECT soort, kant, min(id) AS id FROM {tabel(Verzoek)} "
        f"WHERE id <= {vb} GROUP BY soort, kant) s ON s.soort = v.soort AND s.kant = v.kant "
        f"JOIN {tabel(VerzoekProduct)} t ON t.verzoek_id = s.id WHERE v.id > {vb}",
        {
            "verzoek": "v.id",
            "toewijzing": "NULL",
            "aanbieder_toewijzing": "NULL",
            "referentie_aanbieder": "v.referentie_aanbieder",
        },
    )


def _audit(cursor, basis: Basis, maten: Maten, log) -> None:
    """Audit rows as the real work leaves them: per toewijzing its creation and sending,
    per melding its registration and its deadlines opened."""
    from wmoketen.audit.models import AuditRegel

    _sql(
        cursor,
        f"SELECT actie, min(id) FROM {tabel(AuditRegel)} WHERE organisatie_id = %s GROUP BY actie",
        [basis.gemeente],
    )
    sjablonen = dict(cursor.fetchall())
    kb, tw = basis.ids["client"], basis.ids["toewijzing"]
    for actie, bron, tijd, object_id, client in (
        ("toewijzing.aangemaakt", "schaal_tw w", "w.t301", f"{tw} + w.i", f"{kb} + w.c"),
        (
            "toewijzing.verzonden",
            "schaal_tw w",
            "w.t301",
            f"{basis.ids['bericht']} + 2 * w.fp + 1",
            f"{kb} + w.c",
        ),
        ("melding.geregistreerd", "schaal_melding w", "w.op", "w.m", f"{kb} + w.m"),
        ("termijn.geopend", "schaal_melding w", "w.op", "w.m", f"{kb} + w.m"),
        ("termijn.gesloten", "schaal_melding w", "w.op + 5", "w.m", f"{kb} + w.m"),
    ):
        kloon(
            cursor,
            AuditRegel,
            f"{bron} JOIN {tabel(AuditRegel)} t ON t.id = %s",
            {
                "tijdstip": f"({tijd})::timestamptz + interval '9 hours'",
                "object_id": f"({object_id})::text",
                "client_id": client,
            },
            [sjablonen[actie]],
        )
