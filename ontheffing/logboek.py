"""Structured logging with the standard library: one JSON object per line in
production (``LOG_FORMAT=json``), readable text in development.

What is logged names the case by its kenmerk (an account by its number) and
nothing personal beyond it (no names, e-mail addresses, BSNs or texts): refused
and failed use cases, mail that could not be sent, refused access, a DigiD
linked to an account, findings of ``audit_controleren``.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime

log = logging.getLogger("ontheffing")

# Fields a call may add with ``extra=``; anything else on a record is ignored.
VELDEN = (
    "kenmerk",
    "actie",
    "reden",
    "soort",
    "status",
    "pad",
    "sjabloon",
    "account",
)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        regel = {
            "tijd": datetime.fromtimestamp(record.created, UTC).isoformat(
                timespec="milliseconds"
            ),
            "niveau": record.levelname,
            "logger": record.name,
            "bericht": record.getMessage(),
        }
        for veld in VELDEN:
            if hasattr(record, veld):
                regel[veld] = getattr(record, veld)
        if record.exc_info:
            regel["fout"] = self.formatException(record.exc_info)
        return json.dumps(regel, ensure_ascii=False, default=str)


def kenmerk(verzoek) -> str:
    """The case's kenmerk, or its number before it has one (a concept)."""
    return verzoek.kenmerk or f"concept {verzoek.pk}"


def geweigerd(verzoek, actie: str, fout: Exception) -> None:
    """A use case refused (no permission, not now, changed meanwhile)."""
    log.warning(
        "actie geweigerd",
        extra={
            "kenmerk": kenmerk(verzoek),
            "actie": actie,
            "soort": type(fout).__name__,
            "reden": str(fout),
        },
    )


def mislukt(verzoek, actie: str, fout: Exception) -> None:
    """A use case that failed on an error; the exception's type only, as its
    text may quote input."""
    log.error(
        "actie mislukt",
        extra={
            "kenmerk": kenmerk(verzoek),
            "actie": actie,
            "soort": type(fout).__name__,
        },
    )


def mail_mislukt(sjabloon: str, verzoek, fout: Exception) -> None:
    log.error(
        "e-mail niet verzonden",
        extra={
            "kenmerk": kenmerk(verzoek) if verzoek is not None else None,
            "sjabloon": sjabloon,
            "soort": type(fout).__name__,
        },
    )


def toegang_geweigerd(request, status: int) -> None:
    log.warning("toegang geweigerd", extra={"status": status, "pad": request.path})


def controlebevinding(reden: str, kenmerk_: str | None = None) -> None:
    log.error(
        "auditcontrole: breuk gevonden", extra={"kenmerk": kenmerk_, "reden": reden}
    )
