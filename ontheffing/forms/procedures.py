"""Forms of the procedures around the beslistermijn: a suspension under Awb
4:15, second paragraph, and the confirmation of a late decision not to process
the request (Awb 4:5, fourth paragraph). They parse input; the services in
``services.procedures`` decide what is allowed."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from ontheffing import termijnen
from ontheffing.forms.fields import datumveld
from ontheffing.forms.mandaten import VaststellenForm
from ontheffing.forms.provincie import MotiveringForm
from ontheffing.models import Bijlage


class OpschortenForm(forms.Form):
    grond = forms.ChoiceField(
        label="Grond van de opschorting",
        choices=[(g.value, f"{g.label} ({g.grondslag})") for g in termijnen.TWEEDE_LID],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies de grond: instemming van de aanvrager of overmacht.",
            "invalid_choice": "Kies de grond: instemming van de aanvrager of overmacht.",
        },
    )
    van = datumveld("Opgeschort vanaf")
    tot = datumveld(
        "Opgeschort tot",
        help_text="Het aantal dagen opschorting is 'tot' min 'vanaf'. Bij "
        "instemming: de periode waarmee de aanvrager instemde; bij overmacht: "
        "wanneer u weer kunt beslissen.",
    )
    motivering = forms.CharField(
        label="Reden (bij overmacht verplicht: wat verhindert te beslissen)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="De aanvrager krijgt deze reden te lezen.",
    )
    instemming_bijlage = forms.ChoiceField(
        label="Instemming: document bij dit verzoek",
        required=False,
        error_messages={"invalid_choice": "Kies een document van dit verzoek."},
    )
    instemming_tekst = forms.CharField(
        label="Instemming: tekst van de brief of e-mail van de aanvrager",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Alleen schriftelijke instemming telt (artikel 4:15, tweede lid, "
        "onder a, Awb); een telefoongesprek niet.",
    )
    instemming_ontvangen_op = datumveld("Instemming ontvangen op", required=False)

    def __init__(self, *args, verzoek=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The case's documents as the page already read them (one query).
        self._bijlagen = (
            {str(b.pk): b for b in verzoek.bijlagen.all()} if verzoek else {}
        )
        self.fields["instemming_bijlage"].choices = [("", "Geen document")] + [
            (pk, b.bestandsnaam) for pk, b in self._bijlagen.items()
        ]
        self.fields["van"].initial = timezone.localdate()

    def clean_instemming_bijlage(self) -> Bijlage | None:
        return self._bijlagen.get(self.cleaned_data["instemming_bijlage"])


class BuitenBehandelingForm(MotiveringForm):
    """The proposal to leave the request unprocessed; after the four weeks of
    Awb 4:5, fourth paragraph, with the confirmation and its motivation."""

    def __init__(self, *args, te_laat=True, **kwargs):
        super().__init__(*args, **kwargs)
        if te_laat:
            self.fields.update(_te_laat_velden())


def _te_laat_velden():
    return {
        "te_laat_bevestigd": forms.BooleanField(
            label="Ik bevestig dat het verzoek na de termijn van vier weken toch "
            "buiten behandeling wordt gelaten",
            required=False,
        ),
        "te_laat_motivering": forms.CharField(
            label="Waarom gebeurt dit na de vier weken?",
            required=False,
            widget=forms.Textarea(attrs={"rows": 3}),
        ),
    }


class BesluitVaststellenForm(VaststellenForm):
    """Fixing the decision; leaving the request unprocessed after the four weeks
    of Awb 4:5, fourth paragraph, with the beslisser's own confirmation."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.update(_te_laat_velden())
