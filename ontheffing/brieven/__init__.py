"""Letters, in two layers (Awb 3:46-3:47 and 6:23; README, "Opbouw"):

- `inhoud`: from a case to the content of its letter (``opmaak.Brief``), and
  issuing it as an immutable ``Besluit``;
- `opmaak`: rendering that content: template -> HTML -> accessible PDF;
- `voorbeelden`: made-up letters of every type (``manage.py voorbeeldbrieven``
  and the tests).
"""
