"""Gazetteer data: ids, coverage, ambiguity defaults, Kiwi user words."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from pipeline.actors.gazetteer import AliasTrie, load_gazetteer
from pipeline.lexicon import kiwi_user_words, load_yaml
from pipeline.tokens import tokenize
from schemas.models import ActorType

REQUIRED = [
    "KOR",
    "USA",
    "JPN",
    "CHN",
    "AFG",
    "PRK",
    "IND",
    "AUS",
    "RUS",
    "GBR",
    "FRA",
    "DEU",
    "ITA",
    "CAN",
    "BRA",
    "ARG",
    "MEX",
    "SAU",
    "ZAF",
    "TUR",
    "IDN",
    "BRN",
    "KHM",
    "LAO",
    "MYS",
    "MMR",
    "PHL",
    "SGP",
    "THA",
    "VNM",
    "NZL",
    "USA.HHS",
    "KOR.MOHW",
    "USA.DHS",
    "KOR.MOLIT",
    "USA.TREASURY",
    "USA.STATE",
    "USA.NOAA",
    "USA.USAID",
    "KOR.KOICA",
    "KOR.MOFA",
    "KOR.MOTIE",
    "USA.DOC",
    "USA.DOE",
    "KOR.PRESIDENT_OFFICE",
    "USA.WHITE_HOUSE",
    "USA.EMBASSY_SEOUL",
    "KOR.EMBASSY_WASHINGTON",
    "WHO",
    "OECD",
    "IAEA",
    "NATO",
    "ASEAN",
    "UNEP",
    "CEPI",
    "COVAX",
    "GAVI",
    "WTO",
    "IMF",
    "UN",
    "EU",
    "G7",
    "G20",
    "APEC",
    "WB",
    # all US executive departments
    "USA.DOD",
    "USA.DOJ",
    "USA.DOI",
    "USA.USDA",
    "USA.DOL",
    "USA.HUD",
    "USA.DOT",
    "USA.ED",
    "USA.VA",
    # Korean ministries
    "KOR.MOEF",
    "KOR.MOE",
    "KOR.MSIT",
    "KOR.MOU",
    "KOR.MOJ",
    "KOR.MND",
    "KOR.MOIS",
    "KOR.MPVA",
    "KOR.MCST",
    "KOR.MAFRA",
    "KOR.ME",
    "KOR.MOEL",
    "KOR.MOGEF",
    "KOR.MOF",
    "KOR.MSS",
]


def test_required_ids_present() -> None:
    actors = load_gazetteer().actors
    assert [i for i in REQUIRED if i not in actors] == []


def test_id_formats() -> None:
    for actor in load_gazetteer().actors.values():
        if actor.type is ActorType.COUNTRY:
            assert re.fullmatch(r"[A-Z]{3}", actor.id), actor.id
        if actor.country is not None:
            assert actor.id.startswith(actor.country + "."), actor.id
            assert actor.country in load_gazetteer().actors


def test_ambiguous_names_have_defaults() -> None:
    """A bare name shared by several bodies needs a default (else the first listed would win)."""
    data = load_yaml("gazetteer.yaml")
    owners: dict[str, set[str]] = defaultdict(set)
    for raw in data["actors"]:
        for name in [raw["name_ko"], raw["name_en"], *(raw.get("ko") or []), *(raw.get("en") or [])]:
            owners[AliasTrie.normalize(str(name))].add(raw["id"])
    defaults = {AliasTrie.normalize(k): v for k, v in data["defaults"].items()}
    missing = sorted(k for k, ids in owners.items() if len(ids) > 1 and defaults.get(k) not in ids)
    assert missing == []


def test_user_words_are_registered_whole() -> None:
    words = dict(kiwi_user_words())
    assert words["보건후생부"] == "NNP" and "인도" not in words
    assert all(" " not in w for w in words)


@pytest.mark.parametrize("name", ["보건후생부", "주한미국대사관", "미국국제개발처", "해양대기청", "감염병혁신연합"])
def test_names_tokenize_whole(name: str) -> None:
    assert tokenize(name + "와 협력")[0].form == name


def test_spaces_inside_names_are_optional() -> None:
    trie = load_gazetteer().trie
    assert trie.walk("보건 복지부는", 0)[-1].entry.ids == ("KOR.MOHW", "USA.HHS")
    assert all(m.end <= 1 for m in trie.walk("한 전문가", 0))
