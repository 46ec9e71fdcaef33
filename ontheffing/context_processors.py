from ontheffing import permissions
from ontheffing.states import Rol


def navigatie(request):
    """The role of the logged-in user, for the navigation in base.html."""
    user = getattr(request, "user", None)
    rol = getattr(user, "rol", None) if user and user.is_authenticated else None
    return {
        "rol": rol,
        "is_aanvrager": rol == Rol.AANVRAGER,
        "is_staf": permissions.is_staf(user),
        "is_behandelaar": rol == Rol.BEHANDELAAR,
        "is_beslisser": bool(rol) and bool(permissions.mag(user, "beslissen")),
        "is_beheerder": rol == Rol.BEHEERDER,
    }
