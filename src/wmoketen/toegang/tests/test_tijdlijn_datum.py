"""The route's last step shows the day the 301's retour arrived in Dutch time, not UTC."""

from datetime import UTC, date, datetime
from types import SimpleNamespace

from wmoketen.toegang.views.tijdlijn import _datums


def test_de_301_na_middernacht_telt_op_de_nederlandse_dag():
    leeg = SimpleNamespace(ontvangen_op=date(2026, 12, 1), huisbezoek_op=None, afgerond_op=None)
    bericht = SimpleNamespace(ontvangen_op=datetime(2026, 12, 7, 23, 30, tzinfo=UTC))
    datums = _datums(leeg, None, None, None, bericht)
    assert datums[-1] == date(2026, 12, 8)  # 00:30 in Amsterdam
