"""Template filters for Dutch formatting; a builtin, so no {% load %} is needed."""

from django import template
from django.utils import timezone

from ontheffing import formatting

register = template.Library()


@register.filter
def datum_nl(value):
    if hasattr(value, "tzinfo") and value.tzinfo is not None:
        value = timezone.localtime(value)
    return formatting.datum(value)


@register.filter
def datum_lang(value):
    return formatting.datum(value, weekdag=True)


@register.filter
def bedrag_nl(value):
    return formatting.bedrag(value)


@register.filter
def tijdstip_nl(value):
    if not value:
        return ""
    value = timezone.localtime(value)
    return f"{formatting.datum(value)} om {value:%H:%M}"
