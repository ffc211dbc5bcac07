"""Cross-reference checks: every id an editor wrote points at something that exists,
and every access link of every resource on every site can be computed.

They run on whatever validated, even when some files failed: a failed file's ids
count as known (or, when it could not be read at all, every id does), so that its
own errors are reported once and never cascade into "unknown id" errors elsewhere.
A file that failed its schema still has the references it holds checked, as written
(generator/reference_fields.py), so that they are told in the same run.

One module per job: ids and vocabularies (ids.py, driven by generator/reference_fields.py),
addresses and access links (addresses.py), the sites of data/sites.yml (sites.py), towns and
populations (towns.py), Markdown front matter (content.py), the lists of data/groups.yml and
data/sources.yml (lists.py); check.py runs them all.
"""

from .check import References
from .checked import Checked, Known

__all__ = ["Checked", "Known", "References"]
