"""The preview's live side (`bibnum serve` only): the page reloads itself after a rebuild, and the
editor's mistakes are shown in the page.

The preview server (generator/serve.py) serves, under PREFIX (a path no site uses), a script, its
stylesheet and a stream of server-sent events, and adds the script and stylesheet to each HTML
page it sends (`inject`). Nothing here is ever written to a build's output: a published site never
holds the script. The pages' Content-Security-Policy allows the site's own origin for scripts,
styles and connections ('self'), which is the preview server's origin in the preview.
"""

from .inject import PREFIX, inject
from .state import LiveState, Snapshot

__all__ = ["PREFIX", "LiveState", "Snapshot", "inject"]
