"""Shared fixtures: the real gazetteer index, built once per machine if missing."""

from __future__ import annotations

import pytest

from .browser import browser  # noqa: F401  (the headless Chromium fixture, for every test module)


@pytest.fixture(scope="session")
def gazetteer():
    from geo.gazetteer import Gazetteer

    return Gazetteer.load(progress=False)


@pytest.fixture(scope="session")
def geocoder(gazetteer):
    from geo.geocoder import OfflineGeocoder

    return OfflineGeocoder(gazetteer)
