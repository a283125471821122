"""Shared fixtures: the real gazetteer index, built once per machine if missing."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def gazetteer():
    from geo.gazetteer import Gazetteer

    return Gazetteer.load(progress=False)


@pytest.fixture(scope="session")
def geocoder(gazetteer):
    from geo.geocoder import OfflineGeocoder

    return OfflineGeocoder(gazetteer)
