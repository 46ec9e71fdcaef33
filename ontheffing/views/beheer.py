"""Beheer of a province: staff, letterhead, bodies, beleidsregel versions."""

from django.http import HttpResponse


def overzicht(request):
    return HttpResponse("")


uitnodigen = medewerker = provincie_gegevens = lichamen = overzicht
beleidsregels = beleidsregel_nieuw = beleidsregel = overzicht
