"""Driving pages with the keyboard only: Tab through a page, open the search, read the focus."""

from __future__ import annotations

from .waits import bounded

# Every element a reader may operate, as the browser sees it now: visible (not hidden, not
# transparent, not zero-sized, not inert) and not taken out of the tab order. Material's header
# buttons are <label>s of hidden checkboxes (menu, search): they count as controls too.
# Each gets a data-bn-kb index and a note of its unfocused look, to compare once focused.
MARK_CONTROLS = """() => {
  const selector = 'a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, iframe,'
    + ' [tabindex], [contenteditable=""], [contenteditable=true], label.md-header__button[for]';
  const controls = [];
  for (const el of document.querySelectorAll(selector)) {
    if (el.closest('[inert]') || el.disabled || el.getAttribute('tabindex') === '-1') continue;
    if (!el.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
    const box = el.getBoundingClientRect();
    if (box.width < 1 || box.height < 1) continue;
    el.dataset.bnKb = String(controls.length);
    el.dataset.bnKbBackground = getComputedStyle(el).backgroundColor;
    controls.push({index: controls.length, html: el.outerHTML.slice(0, 160)});
  }
  return controls;
}"""

# The focused element: which control it is, whether it is in sight, whether its focus shows
# (an outline, a shadow, or a background other than its unfocused one). "In sight" is what the
# reader sees on screen: when the element is not in the viewport right after the key press, it is
# measured again at each frame the browser paints, for about a second (a smooth scroll into view
# still in progress on a loaded machine took longer than two frames in CI), and the figures go
# into the report.
FOCUSED = """async () => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  if (el.dataset.bnKbSeen === undefined) el.dataset.bnKbSeen = String(window.__bnKbSeen = (window.__bnKbSeen || 0) + 1);
  const inSight = () => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
      && box.top < innerHeight && box.left < innerWidth;
  };
  let in_sight = inSight();
  for (let frame = 0; !in_sight && frame < 60; frame++) {  // about a second at most
    await new Promise(done => { requestAnimationFrame(done); setTimeout(done, 50); });  // a frame, or 50 ms
    in_sight = inSight();
  }
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow !== 'none';
  const background = el.dataset.bnKbBackground !== undefined && style.backgroundColor !== el.dataset.bnKbBackground;
  const where = `box top ${box.top.toFixed(1)} bottom ${box.bottom.toFixed(1)} left ${box.left.toFixed(1)}`
    + ` right ${box.right.toFixed(1)}, viewport ${innerWidth}x${innerHeight}, scrolled to ${scrollX},${scrollY}`;
  return {
    index: el.dataset.bnKb === undefined ? null : Number(el.dataset.bnKb),
    seen: Number(el.dataset.bnKbSeen),  // which element this is, marked control or not
    html: el.outerHTML.slice(0, 160) + (in_sight ? '' : ` (${where})`),
    in_sight,
    indicator: outline || shadow || background,
  };
}"""

SEARCH_BOX = "input[type=search], input[role=combobox], input.md-search__input"


def settle(page) -> None:
    """Wait until the page's scripts have laid it out (two frames) and no transition is running:
    Material mounts its components and fades its search results in after the load event."""
    page.evaluate(bounded("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"))
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")


# Every element Tab may stop on, counted or not as a control (headings' permalinks are not):
# a round of Tab presses needs at least this many, whatever the page's length.
TABBABLE_COUNT = """() => document.querySelectorAll(
  'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])').length"""

def tab_through(page, limit: int) -> tuple[list[dict], int]:
    """Press Tab through the whole page, once round: what got the focus, in order, and how many
    times the focus fell back to the page itself before the end (a control that dropped it)."""
    reached: list[dict] = []
    lost = 0
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None:
            if not reached or reached[-1] is None:
                break  # the focus left the page: the end of the round
            reached.append(None)
            continue
        if reached and focused["seen"] == reached[0]["seen"]:
            break  # back at the start of the round
        if reached and reached[-1] is None:
            lost += 1  # the focus fell back to the page, then went on inside it
        reached.append(focused)
    return [f for f in reached if f is not None], lost


def tab_to(page, selector: str, limit: int = 80) -> bool:
    """Press Tab until the focused element matches `selector`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector):
            return True
    return False


def open_search(page, query: str) -> None:
    """From a freshly loaded page, with the keyboard only: reach the search (through its button on a
    phone), type the query and wait for results to show."""
    opener = f"{SEARCH_BOX}, button[aria-label*=echerch i], [role=button][aria-label*=echerch i]"
    assert tab_to(page, opener), "neither the search box nor a search button was reached with Tab"
    if not page.evaluate("s => document.activeElement.matches(s)", SEARCH_BOX):
        page.keyboard.press("Enter")
        page.wait_for_function("s => document.activeElement && document.activeElement.matches(s)", arg=SEARCH_BOX)
    page.keyboard.type(query)
    page.wait_for_function(
        """() => [...document.querySelectorAll('.md-search-result a[href], [role=option], '
                 + '[data-bn-search-results] a[href]')].some(a => a.checkVisibility())""",
    )
    settle(page)
