"""Template tags for long lists (a builtin, so no {% load %} is needed).

A page of 20 cases renders each of these 20 to 40 times; ``make bench`` showed
``{% url %}`` and ``{% include %}`` there cost more than the rest of a line.
"""

from functools import cache
from html import escape

from django import template
from django.urls import get_script_prefix, reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import normalize_newlines

register = template.Library()

_PLAATSHOUDER = 918273645


@cache
def _sjabloon(naam: str, prefix: str) -> tuple[str, str]:
    url = reverse(naam, args=[_PLAATSHOUDER])
    voor, _, na = url.partition(str(_PLAATSHOUDER))
    return voor, na


@register.simple_tag
def pk_url(naam: str, pk) -> str:
    """``{% url naam pk %}`` for a URL whose only argument is an integer pk:
    reversed once per URL name and script prefix, then the pk filled in."""
    voor, na = _sjabloon(naam, get_script_prefix())
    return f"{voor}{int(pk)}{na}"


@register.simple_tag
def termijnsignaal(signaal):
    """The deadline signal in words, with a class for its colour (never colour
    alone); nothing when there is nothing to say."""
    if not signaal or not signaal.tekst:
        return ""
    klasse = f"signaal signaal--{signaal.soort}" if signaal.soort else "signaal"
    return format_html('<span class="{}">{}</span>', klasse, signaal.tekst)


@register.simple_tag
def opties(keuzes, gekozen=""):
    """The ``<option>`` elements of a ``<select>`` for (value, label) pairs,
    the one equal to ``gekozen`` (compared as text) selected.

    Built with the standard library's ``html.escape`` (what Django's escaping
    uses inside) because ``format_html`` per option cost more than the rest of
    the worklist's filter form."""
    gekozen = str(gekozen)
    return mark_safe(  # noqa: S308 - every value and label is escaped here
        "".join(
            f'<option value="{escape(str(waarde))}"'
            f"{' selected' if str(waarde) == gekozen else ''}>"
            f"{escape(str(label))}</option>"
            for waarde, label in keuzes
        )
    )


def _regel(g: dict) -> str:
    delen = [
        f'<li><time datetime="{escape(g["iso"])}">{escape(g["tekst"])}</time> '
        f"<strong>{escape(g['actie_tekst'])}</strong>"
    ]
    if g["intern"]:
        delen.append(' <span class="label-status">Intern</span>')
    if g["actor_naam"]:
        delen.append(f" – {escape(g['actor_naam'])}")
    if g.get("naar_tekst"):
        delen.append(
            f'<br><span class="hulptekst">Van {escape(g["van_tekst"] or "–")} '
            f"naar {escape(g['naar_tekst'])}</span>"
        )
    if g["reden"]:
        reden = escape(normalize_newlines(g["reden"])).replace("\n", "<br>")
        delen.append(f"<br>{reden}")
    delen.append("</li>")
    return "".join(delen)


@register.simple_tag
def historieregels(regels):
    """The ``<li>`` of each event of a case's history (``views.zaak.historie``):
    when, what, internal or not, by whom, the step it moved, and the reason
    with its line breaks. The page's longest list, so written here rather than
    as a template loop (which cost a tenth of the staff case page)."""
    return mark_safe("".join(_regel(g) for g in regels))  # noqa: S308 - escaped in _regel
