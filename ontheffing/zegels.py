"""Keyed seals (HMAC-SHA256) with ``AUDIT_SLEUTEL``, a key kept outside the
database: whoever can write the database but lacks the key cannot make a seal
that ``audit_controleren`` accepts (README, "Audit en manipulatie")."""

import hashlib
import hmac
import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder


def zegel(bericht: str) -> str:
    sleutel = settings.AUDIT_SLEUTEL.encode()
    return hmac.new(sleutel, bericht.encode(), hashlib.sha256).hexdigest()


def klopt(bericht: str, gegeven: str) -> bool:
    return hmac.compare_digest(zegel(bericht), gegeven or "")


def ketenbericht(soort: str, sleutel: int, aantal: int, kop: str) -> str:
    """What a chain's seal covers: which chain, how many records, the last hash."""
    return f"keten:{soort}:{sleutel}:{aantal}:{kop}"


def briefbericht(
    *, besluit_id, verzoek_id, soort, uitkomst, datum, kenmerk, pdf: bytes, html: str
) -> str:
    """What a letter's seal covers: its bytes, its HTML and its outcome."""
    return "brief:" + json.dumps(
        {
            "besluit": besluit_id,
            "verzoek": verzoek_id,
            "soort": soort,
            "uitkomst": uitkomst,
            "datum": datum,
            "kenmerk": kenmerk,
            "pdf": hashlib.sha256(bytes(pdf)).hexdigest(),
            "html": hashlib.sha256(html.encode()).hexdigest(),
        },
        sort_keys=True,
        cls=DjangoJSONEncoder,
    )
