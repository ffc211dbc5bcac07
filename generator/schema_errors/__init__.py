"""The validation library's errors, told to an editor in French (messages in generator/messages/).

pydantic reports an error as a type (`missing`, `string_too_long`…), a location in the
data (`("groups", 5, "kind")`) and the value written. Each is turned into one Problem:
at the line and column of the offending key or item, naming list items from 1 by what
they are ("6e groupe (id comite-technique)"), with what was expected and an example.
The model is walked along the location, so that an unknown key is compared with the keys
of the block it stands in, a choice lists that field's values and a missing key is
described by its field's own documentation. Pure functions.

Locating the error (spot.py: the model walked along pydantic's location), naming its place
(place.py), explaining it by error type (explain.py, with dates.py, unknown_key.py and
written.py); problems.py puts them together.
"""

from .explain import explain
from .place import label
from .problems import problems_from
from .spot import Spot, resolve

__all__ = ["Spot", "explain", "label", "problems_from", "resolve"]
