"""Every message an editor reads from `bibnum check` (and `build`), in French, in one place.

Code names a message by its key and fills its `{placeholders}`; nothing else in the
package writes editor-facing prose. A message says what is wrong, what was expected
(with an example) and how to fix it. Another language would be another catalogue.

The catalogue is written in parts, one per job (loading, engine settings, validation,
references, harvest, link check, commands); `catalogue` assembles them into MESSAGES
and `wording` holds the helpers that fill and word them.
"""

from .catalogue import MESSAGES
from .wording import (ITEM_NOUNS, TERM_LISTS, agreeing, count, cut, item_name, listed, ordinal, quoted, say,
                      system_error, unknown_id)

__all__ = ["ITEM_NOUNS", "MESSAGES", "TERM_LISTS", "agreeing", "count", "cut", "item_name", "listed",
           "ordinal", "quoted", "say", "system_error", "unknown_id"]
