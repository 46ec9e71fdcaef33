"""The staff case page reads each fact once: its query count does not grow
with the documents and events, the missing documents read from the
prefetched list are the ones a query gives, and the mandate register is read
once per page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ontheffing import permissions
from ontheffing.models import Bijlage, Gebeurtenis, Verzoek
from ontheffing.services import mandaten as register
from ontheffing.states import Actie
from ontheffing.templatetags.lijsten import historieregels
from tests.factories import (
    inloggen,
    maak_ingediend,
    maak_mandaat,
    naar_besluitvorming,
)

pytestmark = pytest.mark.django_db


def _queries(client, verzoek):
    url = reverse("provincie:verzoek", args=[verzoek.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    documenten = [
        q["sql"]
        for q in ctx.captured_queries
        if 'FROM "ontheffing_bijlage"' in q["sql"]
    ]
    # The list, the missing documents (page and aanvulling form): one read.
    assert len(documenten) == 1, documenten
    return len(ctx.captured_queries)


def test_staff_page_queries_do_not_grow_with_documents_and_events(
    client, gemeente, behandelaar
):
    verzoek = maak_ingediend(gemeente=gemeente)
    inloggen(client, behandelaar)
    voor = _queries(client, verzoek)
    for i in range(10):
        Bijlage.objects.create(
            verzoek=verzoek, soort="anders", bestand=f"bijlagen/x{i}",
            bestandsnaam=f"stuk-{i}.pdf", content_type="application/pdf",
            grootte=1000, sha256="0" * 64, geupload_door=verzoek.ingediend_door,
        )  # fmt: skip
        Gebeurtenis.objects.create(
            verzoek=verzoek, actor=behandelaar, actie=Actie.NOTITIE_TOEVOEGEN,
            reden=f"Notitie {i}",
        )  # fmt: skip
    assert _queries(client, verzoek) == voor


def test_missing_documents_from_the_prefetch_are_those_of_the_query(gemeente):
    verzoek = maak_ingediend(gemeente=gemeente)
    Bijlage.objects.filter(verzoek=verzoek).delete()
    los = Verzoek.objects.get(pk=verzoek.pk).ontbrekende_bijlagen()
    assert los  # the required agreement is missing
    gelezen = Verzoek.objects.prefetch_related("bijlagen").get(pk=verzoek.pk)
    with CaptureQueriesContext(connection) as ctx:
        assert gelezen.ontbrekende_bijlagen() == los
    assert ctx.captured_queries == []


def test_history_and_documents_show_what_they_showed(client, gemeente, behandelaar):
    """The history and the document list are read as values: each still shows
    time, action, actor, step change and text; name, link, size, kind,
    uploader and time."""
    from django.utils import timezone

    from ontheffing import formatting
    from ontheffing.states import Status

    verzoek = maak_ingediend(gemeente=gemeente)
    stuk = Bijlage.objects.create(
        verzoek=verzoek, soort="overeenkomst", bestand="bijlagen/o", bestandsnaam="offerte.pdf",
        content_type="application/pdf", grootte=2048, sha256="0" * 64,
        geupload_door=verzoek.ingediend_door,
    )  # fmt: skip
    stap = Gebeurtenis.objects.create(
        verzoek=verzoek, actor=behandelaar, actie=Actie.IN_BEHANDELING_NEMEN,
        van_status=Status.INGEDIEND, naar_status=Status.KWALIFICATIE,
        reden="Eerste regel\nTweede regel",
    )  # fmt: skip
    inloggen(client, behandelaar)
    html = client.get(reverse("provincie:verzoek", args=[verzoek.pk])).content.decode()

    lokaal = timezone.localtime(stap.tijdstip)
    assert f'<time datetime="{lokaal.isoformat()}">' in html
    assert f"{formatting.datum(lokaal)} om {lokaal:%H:%M}" in html
    assert f"<strong>{Actie.IN_BEHANDELING_NEMEN.label}</strong>" in html
    assert f"– {behandelaar.naam}" in html
    assert (
        f"Van {Status.INGEDIEND.label.lower()} naar {Status.KWALIFICATIE.label.lower()}"
    ) in html
    assert "Eerste regel<br>Tweede regel" in html
    url = reverse("bijlage", args=[verzoek.pk, stuk.pk])
    assert f'<a href="{url}">offerte.pdf</a>' in html
    assert "(2,0 kB)" in html  # one Dutch number format (formatting.grootte)
    assert f'<td data-label="Soort">{stuk.get_soort_display()}</td>' in html
    assert f'<td data-label="Geüpload door">{verzoek.ingediend_door.naam}</td>' in html


def _mandaatqueries(ctx):
    return [q for q in ctx.captured_queries if 'FROM "ontheffing_mandaat"' in q["sql"]]


def test_the_case_page_reads_the_mandate_register_once(
    client, gemeente, behandelaar, tweede_behandelaar
):
    """Decide, return, fix a dwangsom and the navigation each ask whether the
    user holds a mandate; the page reads the register once for all of them."""
    maak_mandaat(tweede_behandelaar)
    verzoek = naar_besluitvorming(maak_ingediend(gemeente=gemeente), behandelaar)
    inloggen(client, tweede_behandelaar)
    url = reverse("provincie:verzoek", args=[verzoek.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert len(_mandaatqueries(ctx)) == 1
    # And the answers are those of the register: the mandate holder may decide.
    assert response.context["acties"]["vaststellen"]


def test_one_reading_holds_only_for_the_page(gemeente, behandelaar, tweede_behandelaar):
    """Outside a page's answers every question reads the register again, so a
    mandate confirmed a moment ago counts at once; inside, the answers are
    those of asking one by one."""
    verzoek = naar_besluitvorming(maak_ingediend(gemeente=gemeente), behandelaar)
    acties = ("vaststellen", "terugsturen", "dwangsom_vaststellen", "notitie")
    voor = permissions.toestemmingen(tweede_behandelaar, verzoek, acties)
    assert not voor["vaststellen"]
    maak_mandaat(tweede_behandelaar)
    na = permissions.toestemmingen(tweede_behandelaar, verzoek, acties)
    assert na["vaststellen"]
    los = {a: permissions.mag(tweede_behandelaar, a, verzoek) for a in acties}
    assert na == los
    with CaptureQueriesContext(connection) as ctx:
        with register.eenmaal_gelezen():
            permissions.mag(tweede_behandelaar, "vaststellen", verzoek)
            permissions.mag(tweede_behandelaar, "terugsturen", verzoek)
            assert register.mandaten_van(behandelaar) == []
            assert register.mandaten_van(behandelaar) == []
    assert len(_mandaatqueries(ctx)) == 2  # one per user


def test_history_lines_are_escaped_and_keep_their_line_breaks():
    regel = {
        "iso": "2026-03-16T10:15:00+01:00",
        "tekst": "16 maart 2026 om 10:15",
        "actie_tekst": "Notitie toegevoegd",
        "intern": True,
        "actor_naam": "Bea <Behandelaar>",
        "van_tekst": "–",
        "naar_tekst": "in behandeling",
        "reden": "Eerste regel\r\n<script>alert(1)</script>",
    }
    html = historieregels([regel])
    assert html == (
        '<li><time datetime="2026-03-16T10:15:00+01:00">16 maart 2026 om 10:15'
        "</time> <strong>Notitie toegevoegd</strong>"
        ' <span class="label-status">Intern</span> – Bea &lt;Behandelaar&gt;'
        '<br><span class="hulptekst">Van – naar in behandeling</span>'
        "<br>Eerste regel<br>&lt;script&gt;alert(1)&lt;/script&gt;</li>"
    )
    kaal = dict(regel, intern=False, actor_naam=None, reden="")
    del kaal["naar_tekst"]
    assert historieregels([kaal]) == (
        '<li><time datetime="2026-03-16T10:15:00+01:00">16 maart 2026 om 10:15'
        "</time> <strong>Notitie toegevoegd</strong></li>"
    )
