"""Bounded numbers of the network's and the libraries' declared figures (counts, money, years)."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import Field

Count = Annotated[int, Field(ge=0, le=100_000_000)]
"""A number of things or people (0 is a real answer: "none")."""

Money = Annotated[Decimal, Field(ge=0, le=Decimal("10000000000"), decimal_places=2)]
"""An amount in euros, cents at most (0 means free)."""

Year = Annotated[int, Field(ge=1800, le=2100)]
"""A year written with four digits."""
