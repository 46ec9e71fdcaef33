from django.urls import path

from ontheffing.identiteit import digid_views, machtigen, oidc, views

urlpatterns = [
    path("digid/inloggen/", digid_views.digid_inloggen, name="digid_inloggen"),
    path("digid/acs/", digid_views.digid_acs, name="digid_acs"),
    path("digid/account/", digid_views.digid_account, name="digid_account"),
    path(
        "digid/bevestigen/<str:token>/",
        digid_views.digid_bevestigen,
        name="digid_bevestigen",
    ),
    path("digid/metadata/", digid_views.digid_metadata, name="digid_metadata"),
    path("sso/inloggen/", oidc.SSOInloggen.as_view(), name="sso_inloggen"),
    path("sso/terug/", oidc.SSOTerug.as_view(), name="sso_terug"),
    path("sso/geweigerd/", views.sso_geweigerd, name="sso_geweigerd"),
    path("tweede-factor/", views.tweede_factor, name="tweede_factor"),
    path(
        "tweede-factor/instellen/",
        views.tweede_factor_instellen,
        name="tweede_factor_instellen",
    ),
    path(
        "tweede-factor/herstelcodes/",
        views.herstelcodes_vernieuwen,
        name="herstelcodes_vernieuwen",
    ),
]

urlpatterns += [
    path(
        "digid-machtigen/inloggen/",
        machtigen.MachtigenInloggen.as_view(),
        name="machtigen_inloggen",
    ),
    path("digid-machtigen/terug/", machtigen.machtigen_terug, name="machtigen_terug"),
]
