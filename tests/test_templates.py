"""Templates hold no rules: no template compares a value of the state, outcome,
authority or role choices. The view (through ``permissions.mag`` or a named
flag) decides; the template shows."""

import re
from pathlib import Path

from ontheffing import kwalificatie as kw
from ontheffing.states import Bestuursorgaan, Rol, Status, Uitkomst

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
KEUZES = (Status, Uitkomst, Bestuursorgaan, Rol, kw.Uitkomst, kw.BevoegdGezag)
# "geen" (no competent authority) is also the worklist filter's "no
# behandelaar yet", a parameter value, not a choice.
WAARDEN = {str(keuze.value) for soort in KEUZES for keuze in soort} - {"geen"}

TAG = re.compile(r"{%.*?%}", re.DOTALL)
LETTERLIJK = re.compile(r"""["']([^"'{}%]*)["']""")
VERGELIJKING = re.compile(r"==|!=|\bin\b")


def letterlijke_vergelijkingen(tekst: str) -> list[str]:
    """The tags that compare with a quoted choice value."""
    gevonden = []
    for tag in TAG.findall(tekst):
        if not VERGELIJKING.search(tag):
            continue
        if any(w in WAARDEN for w in LETTERLIJK.findall(tag)):
            gevonden.append(tag)
    return gevonden


def test_the_scan_finds_a_literal():
    assert letterlijke_vergelijkingen("{% if verzoek.status == 'concept' %}")
    assert letterlijke_vergelijkingen('{% elif x.bestuursorgaan != "cdk" %}')
    assert letterlijke_vergelijkingen('{% if "minister_bzk" == gezag %}')
    assert not letterlijke_vergelijkingen("{% if mag_bewerken %}")
    assert not letterlijke_vergelijkingen('{% url "aanvrager:verzoek" v.pk %}')


def test_no_template_compares_a_choice_value():
    overtredingen = {
        str(pad.relative_to(TEMPLATES)): letterlijke_vergelijkingen(
            pad.read_text("utf-8")
        )
        for pad in TEMPLATES.rglob("*")
        if pad.is_file() and pad.suffix in (".html", ".txt")
    }
    assert {pad: tags for pad, tags in overtredingen.items() if tags} == {}
