"""Template filters for Dutch formatting; a builtin, so no {% load %} is needed."""

from datetime import date, datetime

from django import template
from django.utils import timezone

from ontheffing import formatting

register = template.Library()


def _als_datum(value):
    """A date (aware datetimes in local time), or None for anything else."""
    if isinstance(value, datetime):
        return timezone.localtime(value) if value.tzinfo is not None else value
    return value if isinstance(value, date) else None


@register.filter
def datum_nl(value):
    return formatting.datum(_als_datum(value))


@register.filter
def datum_lang(value):
    return formatting.datum(_als_datum(value), weekdag=True)


@register.filter
def bedrag_nl(value):
    return formatting.bedrag(value)


@register.filter
def grootte_nl(value):
    return formatting.grootte(value)


@register.filter
def tijdstip_nl(value):
    if not value:
        return ""
    value = timezone.localtime(value)
    return f"{formatting.datum(value)} om {value:%H:%M}"
