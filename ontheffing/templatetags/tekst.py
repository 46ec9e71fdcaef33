"""The homoglyph warning for staff, from ``ontheffing.tekst``."""

from django import template

from ontheffing.tekst import homoglyfwaarschuwing

register = template.Library()
register.filter("homoglyfwaarschuwing", homoglyfwaarschuwing)
