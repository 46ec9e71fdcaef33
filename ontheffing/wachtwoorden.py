"""A password validator for the Dutch patterns that pass Django's own list:
a common word with digits or a sign around it ("Welkom2026", "Provincie1",
"wachtwoord1!"), also written with 0 for o or @ for a.

Django's ``CommonPasswordValidator`` compares whole passwords with its list;
this one compares the word left after the decoration with a Dutch list
(``wachtwoorden_nl.txt``) and with Django's list.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from django.contrib.auth.password_validation import CommonPasswordValidator
from django.core.exceptions import ValidationError

LIJST = Path(__file__).with_name("wachtwoorden_nl.txt")
VERSIERING = re.compile(r"^[\d\W_]+|[\d\W_]+$")
LEET = str.maketrans(
    {
        "0": "o",
        "1": "i",
        "3": "e",
        "4": "a",
        "5": "s",
        "7": "t",
        "@": "a",
        "$": "s",
        "!": "i",
        "€": "e",
    }
)


@cache
def _woorden() -> frozenset[str]:
    nederlands = {
        regel.strip().lower()
        for regel in LIJST.read_text(encoding="utf-8").splitlines()
        if regel.strip() and not regel.startswith("#")
    }
    return frozenset(nederlands | CommonPasswordValidator().passwords)


def kern(wachtwoord: str) -> str:
    """The word inside the decoration: 'W3lkom2026!' -> 'welkom'."""
    tekst = wachtwoord.strip().lower()
    zonder = VERSIERING.sub("", tekst)
    return (zonder or tekst).translate(LEET)


class NederlandsWachtwoordValidator:
    def validate(self, password, user=None):
        tekst = password.strip().lower()
        kandidaten = {tekst, kern(password), VERSIERING.sub("", tekst)}
        if any(k in _woorden() for k in kandidaten if k):
            raise ValidationError(
                "Dit wachtwoord wordt te vaak gebruikt. Kies een ander.",
                code="password_too_common",
            )

    def get_help_text(self):
        return "Uw wachtwoord mag geen veelgebruikt woord met wat cijfers zijn."
