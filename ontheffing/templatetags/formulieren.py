"""``{% velden form %}``: a form's fields as ``includes/veld.html`` renders them.

An unbound form renders the same HTML every time for the same class, prefix,
initial values and choices. The staff case page shows several closed action
forms on every view, so that HTML is kept per process (bounded); a bound form,
with its values and errors, is always rendered afresh."""

from collections import OrderedDict

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

register = template.Library()

_BEWAARD: OrderedDict = OrderedDict()
MAXIMUM = 256


def _render(form) -> str:
    return "".join(
        render_to_string("includes/veld.html", {"veld": veld}) for veld in form
    )


def _sleutel(form) -> tuple:
    delen = []
    for naam, veld in form.fields.items():
        keuzes = getattr(veld, "choices", None)
        delen.append(
            (
                naam,
                repr(form.get_initial_for_field(veld, naam)),
                tuple((str(w), str(t)) for w, t in keuzes) if keuzes else None,
                repr(sorted(veld.widget.attrs.items())),
            )
        )
    return (type(form), form.prefix, tuple(delen))


@register.simple_tag
def velden(form):
    if not hasattr(form, "is_bound"):  # no form given: nothing, as a loop would
        return ""
    if form.is_bound:
        return mark_safe(_render(form))
    sleutel = _sleutel(form)
    html = _BEWAARD.get(sleutel)
    if html is None:
        html = _BEWAARD[sleutel] = _render(form)
        if len(_BEWAARD) > MAXIMUM:
            _BEWAARD.popitem(last=False)
    return mark_safe(html)
