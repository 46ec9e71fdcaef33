"""DigiD's level of assurance: which answer meets which minimum (pure, the
table of every level against every minimum), and the level's name."""

import pytest

from ontheffing.identiteit import digid

BASIS = "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"
MIDDEN = "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract"
SUBSTANTIEEL = "urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard"
HOOG = "urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI"

# (level in the response, configured minimum, admitted)
TABEL = [
    (BASIS, BASIS, True),
    (BASIS, MIDDEN, False),
    (BASIS, SUBSTANTIEEL, False),
    (BASIS, HOOG, False),
    (MIDDEN, BASIS, True),
    (MIDDEN, MIDDEN, True),
    (MIDDEN, SUBSTANTIEEL, False),
    (MIDDEN, HOOG, False),
    (SUBSTANTIEEL, BASIS, True),
    (SUBSTANTIEEL, MIDDEN, True),
    (SUBSTANTIEEL, SUBSTANTIEEL, True),
    (SUBSTANTIEEL, HOOG, False),
    (HOOG, BASIS, True),
    (HOOG, MIDDEN, True),
    (HOOG, SUBSTANTIEEL, True),
    (HOOG, HOOG, True),
]
NAAM = {BASIS: "Basis", MIDDEN: "Midden", SUBSTANTIEEL: "Substantieel", HOOG: "Hoog"}


def _id(rij):
    ontvangen, minimum, _ = rij
    return f"{NAAM[ontvangen]}-tegen-minimum-{NAAM[minimum]}"


@pytest.mark.parametrize(
    ("ontvangen", "minimum", "toegelaten"), TABEL, ids=[_id(r) for r in TABEL]
)
def test_every_level_against_every_minimum(ontvangen, minimum, toegelaten):
    assert digid.niveau([ontvangen], minimum) == (ontvangen if toegelaten else None)


def test_the_table_covers_every_pair_of_the_library_levels():
    assert {(o, m) for o, m, _ in TABEL} == {
        (o, m) for o in digid.NIVEAUS for m in digid.NIVEAUS
    }


def test_the_levels_in_the_order_of_django_digid_eherkenning():
    assert digid.NIVEAUS == (BASIS, MIDDEN, SUBSTANTIEEL, HOOG)


@pytest.mark.parametrize(
    "class_refs",
    [
        [],
        ["urn:oasis:names:tc:SAML:2.0:ac:classes:Password"],
        ["urn:etoegang:core:assurance-class:loa3"],
        [""],
        [MIDDEN.lower()],
        [HOOG, HOOG],
        [MIDDEN, BASIS],
    ],
    ids=[
        "geen",
        "password-geen-digid-niveau",
        "eherkenning-niveau",
        "leeg",
        "andere-schrijfwijze",
        "twee-keer",
        "twee-niveaus",
    ],
)
def test_no_unknown_or_more_than_one_class_ref_is_refused(class_refs):
    assert digid.niveau(class_refs, BASIS) is None


def test_an_unknown_minimum_is_an_error_not_a_pass():
    with pytest.raises(ValueError, match="Onbekend DigiD-niveau"):
        digid.niveau([HOOG], "urn:oasis:names:tc:SAML:2.0:ac:classes:Password")


@pytest.mark.parametrize(("class_ref", "naam"), NAAM.items(), ids=NAAM.values())
def test_the_name_of_each_level(class_ref, naam):
    assert digid.niveaunaam(class_ref) == naam
