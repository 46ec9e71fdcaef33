"""Fields and widgets the forms share: one date widget, amounts and yes/no as
people in the Netherlands type and answer them."""

import re
from decimal import Decimal, InvalidOperation

from django import forms

DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%d %m %Y"]
JA_NEE = [("ja", "Ja"), ("nee", "Nee")]


class DateInput(forms.DateInput):
    """The browser's date picker; the value travels as ISO 8601."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


# The invalid-date message with an example, as the staff forms give it.
ONGELDIG_MET_VOORBEELD = "Vul een geldige datum in, bijvoorbeeld 16-03-2026."


def verplichte_datum(
    label,
    *,
    verplicht="Vul de datum in.",
    ongeldig="Vul een geldige datum in.",
    **kwargs,
) -> forms.DateField:
    """A date picked in the browser; the messages say what is missing or wrong."""
    return forms.DateField(
        label=label,
        widget=DateInput(),
        error_messages={"required": verplicht, "invalid": ongeldig},
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
