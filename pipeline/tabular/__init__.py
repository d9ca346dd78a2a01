"""Tables as data: every table of a document as typed cells (``tables`` / ``table_cells``).

``text_tables`` finds tab-separated tables in plain text; the other readers hand over their
tables in ``ReadResult.tables``. ``grid`` resolves merged cells and header paths, ``units`` and
``periods`` read captions and headers, ``values`` types each cell, ``build`` puts it together.
"""
