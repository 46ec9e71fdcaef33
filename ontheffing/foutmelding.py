"""Optional error reporting through sentry-sdk, only when SENTRY_DSN is set
(README, "Beveiliging"). Personal data is kept out: no user, cookies, headers,
request bodies, query strings, local variables, source lines or breadcrumbs are
sent (sentry-sdk does not send user data unless asked, and ``schoon_event``
removes it anyway), and
e-mail addresses, postcodes, phone numbers and BSN-like numbers in messages
are replaced.
"""

from __future__ import annotations

import re

VERVANGEN = [
    (re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+"), "[e-mailadres]"),
    (re.compile(r"\b\d{4}\s?[A-Za-z]{2}\b"), "[postcode]"),
    (re.compile(r"(\+31|\b0)[\s-]?\d(?:[\s-]?\d){8}\b"), "[telefoon]"),
    (re.compile(r"\b\d{9}\b"), "[nummer]"),
]
BEWAARDE_KOPPEN = {"User-Agent", "Content-Type", "Content-Length"}


def _tekst(waarde):
    if isinstance(waarde, str):
        for patroon, vervanging in VERVANGEN:
            waarde = patroon.sub(vervanging, waarde)
    return waarde


def schoon_event(event: dict, hint=None) -> dict:
    """sentry-sdk's ``before_send``: the event without personal data."""
    event.pop("user", None)
    event.pop("extra", None)
    event.pop("breadcrumbs", None)
    verzoek = event.get("request")
    if verzoek:
        for sleutel in ("data", "cookies", "query_string", "env"):
            verzoek.pop(sleutel, None)
        verzoek["headers"] = {
            k: v
            for k, v in (verzoek.get("headers") or {}).items()
            if k in BEWAARDE_KOPPEN
        }
        if "url" in verzoek:
            verzoek["url"] = _tekst(verzoek["url"])
    if isinstance(event.get("logentry"), dict):
        event["logentry"] = {
            k: _tekst(v) for k, v in event["logentry"].items() if k != "params"
        }
    if "message" in event:
        event["message"] = _tekst(event["message"])
    for uitzondering in (event.get("exception") or {}).get("values", []):
        uitzondering["value"] = _tekst(uitzondering.get("value"))
        for frame in (uitzondering.get("stacktrace") or {}).get("frames", []):
            for sleutel in ("vars", "pre_context", "context_line", "post_context"):
                frame.pop(sleutel, None)
    return event


def start(dsn: str, *, omgeving: str = "productie", transport=None) -> None:
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=omgeving,
        integrations=[DjangoIntegration()],
        include_local_variables=False,
        include_source_context=False,
        max_request_body_size="never",
        max_breadcrumbs=0,
        traces_sample_rate=0,
        before_send=schoon_event,
        transport=transport,
    )
