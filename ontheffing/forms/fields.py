"""Fields and widgets the forms share: one date widget, amounts and yes/no as
people in the Netherlands type and answer them."""

import re
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils import timezone
from django.utils.functional import lazy

DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%d %m %Y"]
JA_NEE = [("ja", "Ja"), ("nee", "Nee")]


class DateInput(forms.DateInput):
    """The browser's date picker; the value travels as ISO 8601."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def voorbeelddatum(vandaag: date | None = None) -> str:
    """A date to show as an example: a month from today, never in the past."""
    vandaag = vandaag or timezone.localdate()
    return (vandaag + timedelta(days=30)).strftime("%d-%m-%Y")


def _ongeldig() -> str:
    return f"Vul een geldige datum in, bijvoorbeeld {voorbeelddatum()}."


# Computed each time the message is shown, so the example never goes stale.
ONGELDIGE_DATUM = lazy(_ongeldig, str)()


def datumveld(label, *, verplicht="Vul de datum in.", **kwargs) -> forms.DateField:
    """The one date field of every form: the browser's date picker (the value
    travels as ISO 8601), or typed as people in the Netherlands type a date
    (16-03-2026, 16/03/2026, 16.03.2026). A missing date says ``verplicht``
    (pass ``required=False`` for an optional one); a wrong one gives an example
    a month from today."""
    return forms.DateField(
        label=label,
        widget=DateInput(),
        input_formats=DATE_FORMATS,
        error_messages={"required": verplicht, "invalid": ONGELDIGE_DATUM},
        **kwargs,
    )


class AmountField(forms.CharField):
    """An amount in euros as people type it: '12.500', '12500,50', '€ 1.250,-'."""

    def to_python(self, value):
        tekst = (super().to_python(value) or "").replace("€", "").replace(" ", "")
        tekst = tekst.removesuffix(",-").removesuffix(",--")
        if not tekst:
            return None
        if "," in tekst:
            tekst = tekst.replace(".", "").replace(",", ".")
        elif re.fullmatch(r"\d{1,3}(\.\d{3})+", tekst):
            tekst = tekst.replace(".", "")
        try:
            bedrag = Decimal(tekst)
        except InvalidOperation:
            raise forms.ValidationError(
                "Vul een bedrag in euro's in, bijvoorbeeld 12.500 of 12500,50."
            ) from None
        if not bedrag.is_finite() or bedrag < 0 or bedrag >= Decimal("10000000000"):
            raise forms.ValidationError(
                "Vul een bedrag in tussen 0 en 10 miljard euro."
            )
        return bedrag.quantize(Decimal("0.01"))


class YesNoField(forms.TypedChoiceField):
    """Ja / nee as radio buttons; no answer is None (not yet known)."""

    def __init__(self, label, keuzes=JA_NEE, geen=None, **kwargs):
        self.geen = geen
        super().__init__(
            label=label,
            choices=keuzes,
            coerce=lambda v: {"ja": True, "nee": False}.get(v),
            empty_value=None,
            required=False,
            widget=forms.RadioSelect,
            **kwargs,
        )

    def prepare_value(self, value):
        if value is None:
            return self.geen
        return {True: "ja", False: "nee"}.get(value, value)
