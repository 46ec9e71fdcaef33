"""The state diagram of the README, generated from the transitions in code.

    python -m ontheffing.diagram   # prints the Mermaid block

``tests/test_transitions.py`` checks that the README holds exactly this block.
"""

from __future__ import annotations


def overgangen() -> list[tuple[str, str, str]]:
    """(source, transition, target) for every declared move, targets of
    RETURN_VALUE transitions expanded, sorted for a stable diagram."""
    import django

    django.setup()
    from ontheffing.models import Verzoek

    veld = Verzoek._meta.get_field("status")
    rijen = set()
    for overgang in veld.get_all_transitions(Verzoek):
        doelen = getattr(overgang.target, "allowed_states", None) or [overgang.target]
        for doel in doelen:
            rijen.add((str(overgang.source), overgang.name, str(doel)))
    return sorted(rijen)


def mermaid() -> str:
    regels = ["```mermaid", "stateDiagram-v2", "    [*] --> concept"]
    regels += [f"    {bron} --> {doel}: {naam}" for bron, naam, doel in overgangen()]
    regels += [
        f"    {eind} --> [*]" for eind in ("afgehandeld", "doorgezonden", "ingetrokken")
    ]
    regels.append("```")
    return "\n".join(regels)


if __name__ == "__main__":
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ontheffing.settings")
    os.environ.setdefault("DEBUG", "1")
    print(mermaid())
