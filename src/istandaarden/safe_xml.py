"""Safe parsing of incoming iWmo/iJw XML: refuse what could attack us or is not a 3.2 message.

Refused, each with its own Dutch message: an empty file, a file over the size limit, a byte
order mark or declared encoding other than UTF-8, invalid UTF-8, any DOCTYPE (so XXE, entity
expansion "billion laughs" and external DTDs never reach the parser), non-XML, truncated or
otherwise malformed XML, and a root that is not ``Bericht`` in one of the 28 iWmo/iJw 3.2
message namespaces. The parser itself is locked down as a second line of defence: no entity
resolution, no DTD loading, no network, no huge trees; XInclude is never processed.
"""

from __future__ import annotations

import re
import threading

from lxml import etree

from istandaarden.fout import ParseFout
from istandaarden.regels.scope import bericht_info

__all__ = ["DEFAULT_MAX_BYTES", "parse_bytes", "bericht_van"]

DEFAULT_MAX_BYTES = 25 * 1024 * 1024  # the exchange's own upload limit

_BOMS = (
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\xfe\xff", "UTF-16"),
    (b"\xff\xfe", "UTF-16"),
)
_DECLARATIE = re.compile(rb"^(?:\xef\xbb\xbf)?<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']*)[\"']")
_UTF8 = {"utf-8", "utf8"}
# Whitespace, processing instructions and comments before the root (as many as there are).
_PROLOG_OVERSLAAN = re.compile(rb"(?:\s+|<\?.*?\?>|<!--.*?-->)*", re.DOTALL)
_local = threading.local()  # lxml parsers must not be shared between threads


def _parser(compact: bool = False) -> etree.XMLParser:
    naam = "compact" if compact else "parser"
    parser = getattr(_local, naam, None)
    if parser is None:
        parser = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            dtd_validation=False,
            huge_tree=False,
            # Processing instructions and comments are kept: they are inert here (nothing
            # applies a stylesheet) and keeping them keeps line numbers and content faithful.
            remove_pis=False,
            # Whitespace-only text between elements (indentation) carries nothing in iWmo/iJw
            # (element-only content); dropping it halves the nodes XSD and rules walk over.
            # Line numbers and values are unchanged; whitespace inside a value is kept.
            remove_blank_text=compact,
        )
        setattr(_local, naam, parser)
    return parser


def parse_bytes(
    data: bytes, *, max_bytes: int | None = None, compact: bool = False
) -> etree._ElementTree:
    """Parse ``data`` safely into a tree whose root is a known iWmo/iJw 3.2 ``Bericht``.

    ``compact=True`` drops the indentation between elements (what ``validate`` uses: faster
    and leaner); the default keeps the document as it was written.
    """
    _controleer_vooraf(data, DEFAULT_MAX_BYTES if max_bytes is None else max_bytes)
    try:
        root = etree.fromstring(data, _parser(compact))
    except etree.XMLSyntaxError as exc:
        raise _syntaxfout(data, exc) from None
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:  # defence in depth
        raise ParseFout("Een DOCTYPE-declaratie is niet toegestaan.")
    bericht_van(root)
    return tree


def bericht_van(root: etree._Element) -> tuple[str, str]:
    """(standaard, bericht) for a root element; ParseFout when it is not a known message."""
    qname = etree.QName(root)
    info = bericht_info().get(qname.namespace or "")
    if info is None:
        raise ParseFout(
            f"Onbekende namespace '{qname.namespace or ''}': dit is geen iWmo- of iJw-3.2-bericht.",
            line=root.sourceline,
        )
    if qname.localname != "Bericht":
        raise ParseFout(
            f"Het hoofdelement is '{qname.localname}'; een iWmo/iJw-bericht begint met 'Bericht'.",
            line=root.sourceline,
        )
    return info


def _controleer_vooraf(data: bytes, max_bytes: int) -> None:
    if not data or data.isspace():
        raise ParseFout("Het bestand is leeg.")
    if len(data) > max_bytes:
        raise ParseFout(
            f"Het bestand is te groot: {len(data)} bytes, de grens is {max_bytes} bytes."
        )
    _controleer_codering(data)
    _controleer_doctype(data)


def _controleer_codering(data: bytes) -> None:
    for bom, naam in _BOMS if data[0] in b"\x00\xfe\xff" else ():
        if data.startswith(bom):
            raise ParseFout(
                f"Het bestand is in {naam} gecodeerd (byte order mark); alleen UTF-8 is toegestaan."
            )
    if b"\x00" in data[:4]:
        raise ParseFout(
            "Het bestand is niet in UTF-8 gecodeerd (UTF-16 of UTF-32 zonder byte order mark)."
        )
    if match := _DECLARATIE.match(data):
        codering = match.group(1).decode("ascii", "replace")
        if codering.lower() not in _UTF8:
            raise ParseFout(
                f"De XML-declaratie noemt codering '{codering}'; alleen UTF-8 is toegestaan.",
                line=1,
            )


def _controleer_doctype(data: bytes) -> None:
    """Reject a DOCTYPE in the prolog before the parser ever sees it."""
    positie = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    positie = _PROLOG_OVERSLAAN.match(data, positie).end()  # (the pattern matches "" too)
    if data.startswith(b"<!DOCTYPE", positie):
        doctype = data[positie : positie + 4096]
        raise ParseFout(_doctype_melding(doctype), line=data.count(b"\n", 0, positie) + 1)


def _doctype_melding(doctype: bytes) -> str:
    subset = doctype.partition(b"[")[2]
    kop = doctype.partition(b"[")[0]
    if re.search(rb"<!ENTITY[^>]*\s(SYSTEM|PUBLIC)\s", subset):
        reden = "het declareert een externe entiteit (XXE)"
    elif b"<!ENTITY" in subset:
        reden = "het declareert entiteiten (entiteitexpansie, 'billion laughs')"
    elif re.search(rb"\s(SYSTEM|PUBLIC)\s", kop):
        reden = "het verwijst naar een externe DTD"
    else:
        reden = "DTD's worden niet gebruikt in iWmo/iJw"
    return f"Een DOCTYPE-declaratie is niet toegestaan: {reden}."


def _syntaxfout(data: bytes, exc: etree.XMLSyntaxError) -> ParseFout:
    regel, code = exc.lineno, exc.code
    inhoud = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if (
        code == etree.ErrorTypes.ERR_INVALID_ENCODING
        or code == etree.ErrorTypes.ERR_INVALID_CHAR
        and _geen_utf8(data)
    ):
        return ParseFout(
            f"Het bestand bevat bytes die geen geldige UTF-8 zijn (regel {regel}).", line=regel
        )
    if not inhoud.startswith(b"<"):
        return ParseFout(
            "Het bestand is geen XML: het begint niet met een XML-element.", line=regel
        )
    if _afgebroken(exc, data):
        return ParseFout(
            f"Het XML-document is onvolledig (afgebroken na regel {regel}): {_kort(exc)}.",
            line=regel,
        )
    return ParseFout(
        f"Het bestand is geen welgevormde XML (regel {regel}): {_kort(exc)}.", line=regel
    )


def _geen_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


_AFGEBROKEN = {
    etree.ErrorTypes.ERR_TAG_NOT_FINISHED,
    etree.ErrorTypes.ERR_GT_REQUIRED,
    etree.ErrorTypes.ERR_LTSLASH_REQUIRED,
}


def _afgebroken(exc: etree.XMLSyntaxError, data: bytes) -> bool:
    """Truncation: libxml2 ran out of input while the document was still open."""
    if exc.code == etree.ErrorTypes.ERR_DOCUMENT_END:  # extra content after the root
        return False
    if exc.code in _AFGEBROKEN or "Premature end of data" in (exc.msg or ""):
        return True
    if not re.search(rb"<[A-Za-z_]", data):  # cut off before the root element started
        return True
    inhoud = data.rstrip()
    laatste_regel = inhoud.count(b"\n") + 1
    kolommen = len(inhoud) - (inhoud.rfind(b"\n") + 1)
    regel, kolom = exc.position
    # The error sits at the very end of the input.
    return regel > laatste_regel or (regel == laatste_regel and kolom >= kolommen)


def _kort(exc: etree.XMLSyntaxError) -> str:
    """libxml2's own description without the repeated position."""
    return re.sub(r", line \d+, column \d+$", "", (exc.msg or "").strip())
