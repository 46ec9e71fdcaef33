"""Letters, in two layers (domain §6):

- `inhoud`: from a case to the content of its letter (``opmaak.Brief``), and
  issuing it as an immutable ``Besluit``;
- `opmaak`: rendering that content: template -> HTML -> accessible PDF;
- `voorbeelden`: made-up letters of every type (``manage.py voorbeeldbrieven``
  and the tests).
"""
