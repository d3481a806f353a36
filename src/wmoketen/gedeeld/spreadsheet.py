"""Text written into a CSV that people open in a spreadsheet (CSV injection, OWASP).

A cell starting with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return, which some
spreadsheets skip before such a sign) is read as a formula; a leading apostrophe makes it text.
Client names, organisation names and free text come from records anyone may have typed.
"""

FORMULETEKENS = ("=", "+", "-", "@", "\t", "\r")


def veilige_cel(tekst) -> str:
    """``tekst`` as a cell a spreadsheet shows and never evaluates."""
    tekst = "" if tekst is None else str(tekst)
    return f"'{tekst}" if tekst.startswith(FORMULETEKENS) else tekst
