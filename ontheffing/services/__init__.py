"""Use cases: each checks who may act (``require``, the answer of
``permissions.mag``), validates, then transitions, saves, audits and queues
its messages (sent by the worker after commit), in one transaction.

Views and the admin call these functions; they never touch the state field or
save a case themselves. A refusal raises a ``Weigering`` with a Dutch message:
``GeenToegang`` (the user may never do this: 403) or ``NietNu`` (not in this
state or not yet: the page shows the message).
"""

from ontheffing.services.aanvrager import (
    bijlage_toevoegen,
    concept_aanmaken,
    concept_bijwerken,
    verzoek_aanvullen,
    verzoek_indienen,
    verzoek_intrekken,
    zienswijze_geven,
)
from ontheffing.services.accounts import (
    LinkOngeldig,
    LinkVerlopen,
    account_registreren,
    bevestiging_opnieuw_sturen,
    email_bevestigen,
)
from ontheffing.services.acties import (
    ingebrekestelling_registreren,
    notitie_toevoegen,
    termijn_verdagen,
)
from ontheffing.services.base import (
    GELIJKTIJDIG,
    GeenToegang,
    GelijktijdigGewijzigd,
    NietNu,
    Weigering,
    require,
    run_transition,
    termijnsleutel_bijwerken,
)
from ontheffing.services.behandeling import (
    aanvulling_vragen,
    behandelaar_toewijzen,
    besluit_voorstellen,
    buiten_behandeling_voorstellen,
    criteria_beoordelen,
    feiten_gegevens,
    kwalificatie_gegevens,
    verzoek_doorzenden,
    verzoek_in_behandeling_nemen,
    verzoek_kwalificeren,
    zienswijze_verwerken,
    zienswijze_vragen,
)
from ontheffing.services.beheer import (
    afschriften_instellen,
    doorzendadressen_instellen,
    lichaam_toevoegen,
    medewerker_uitnodigen,
    medewerker_wijzigen,
    provinciegegevens_wijzigen,
)
from ontheffing.services.beleidsregels import (
    beleidsregel_aanmaken,
    beleidsregel_wijzigen,
)
from ontheffing.services.besluit import besluit_vaststellen, voorstel_terugsturen
from ontheffing.services.derden import (
    zienswijze_derde_vastleggen,
    zienswijze_derde_vragen,
)
from ontheffing.services.dwangsom import (
    dwangsom_betaling_vastleggen,
    dwangsom_vaststellen,
)
from ontheffing.services.papier import (
    aanvulling_registreren,
    feiten_corrigeren,
    geen_ontheffing_voorstellen,
    papieren_verzoek_registreren,
    post_verzonden,
    terug_naar_kwalificatie,
)

__all__ = [
    "afschriften_instellen",
    "doorzendadressen_instellen",
    "LinkOngeldig",
    "LinkVerlopen",
    "account_registreren",
    "bevestiging_opnieuw_sturen",
    "email_bevestigen",
    "GELIJKTIJDIG",
    "GeenToegang",
    "GelijktijdigGewijzigd",
    "NietNu",
    "Weigering",
    "aanvulling_vragen",
    "behandelaar_toewijzen",
    "beleidsregel_aanmaken",
    "beleidsregel_wijzigen",
    "besluit_vaststellen",
    "besluit_voorstellen",
    "bijlage_toevoegen",
    "buiten_behandeling_voorstellen",
    "concept_aanmaken",
    "concept_bijwerken",
    "criteria_beoordelen",
    "dwangsom_betaling_vastleggen",
    "dwangsom_vaststellen",
    "feiten_gegevens",
    "ingebrekestelling_registreren",
    "kwalificatie_gegevens",
    "lichaam_toevoegen",
    "require",
    "run_transition",
    "medewerker_uitnodigen",
    "medewerker_wijzigen",
    "notitie_toevoegen",
    "provinciegegevens_wijzigen",
    "termijn_verdagen",
    "termijnsleutel_bijwerken",
    "verzoek_aanvullen",
    "verzoek_doorzenden",
    "verzoek_in_behandeling_nemen",
    "verzoek_indienen",
    "verzoek_intrekken",
    "verzoek_kwalificeren",
    "voorstel_terugsturen",
    "zienswijze_derde_vastleggen",
    "zienswijze_derde_vragen",
    "zienswijze_geven",
    "zienswijze_verwerken",
    "zienswijze_vragen",
    "aanvulling_registreren",
    "feiten_corrigeren",
    "geen_ontheffing_voorstellen",
    "papieren_verzoek_registreren",
    "post_verzonden",
    "terug_naar_kwalificatie",
]
