"""What every applicant page shares: only applicants, and only their cases."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from ontheffing.models import Verzoek


def aanvrager_vereist(view):
    """Logged in, and not staff (who use their own pages): 403 otherwise."""

    @login_required
    @wraps(view)
    def controle(request, *args, **kwargs):
        if request.user.is_medewerker:
            raise PermissionDenied("Deze pagina's zijn voor aanvragers.")
        return view(request, *args, **kwargs)

    return controle


def eigen_verzoek(request, pk) -> Verzoek:
    """The case, if this applicant may see it (404 otherwise)."""
    return get_object_or_404(Verzoek.objects.zichtbaar_voor(request.user), pk=pk)
