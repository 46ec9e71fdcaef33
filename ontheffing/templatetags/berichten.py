"""The "Berichten" panel of a case page: what went out, what waits, what failed."""

from django import template

register = template.Library()


@register.inclusion_tag("provincie/includes/berichten.html", takes_context=True)
def berichtenpaneel(context, verzoek):
    """The case is already visible to the user (the view fetched it so)."""
    berichten = verzoek.berichten.prefetch_related("pogingen").order_by(
        "-aangemaakt_op", "-pk"
    )
    return {
        "berichten": berichten,
        "verzoek": verzoek,
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
    }
