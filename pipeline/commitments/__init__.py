"""Commitments: one record per predicate of commitment or action, with its clause's parties,
counterparts, amounts, dates, sectors, object and how firmly it is meant (``modality``)."""
