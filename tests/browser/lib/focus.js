// Helpers run inside the page for the keyboard walk: what each element looks like unfocused, and
// whether focusing it changes something a sighted keyboard user can see.

/** Installed in the page before the walk: records every focusable element's unfocused look. */
export function recordUnfocused() {
  const look = (el) => {
    const s = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return {
      outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
      outlineStyle: s.outlineStyle,
      outlineWidth: parseFloat(s.outlineWidth),
      outlineColor: s.outlineColor,
      boxShadow: s.boxShadow,
      backgroundColor: s.backgroundColor,
      onCanvas: box.width > 1 && box.height > 1 && box.right + scrollX > 0 && box.bottom + scrollY > 0,
    };
  };
  window.__wmLook = look;
  window.__wmUnfocused = new Map();
  for (const el of document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')) {
    window.__wmUnfocused.set(el, look(el));
  }
}

/** Run after each Tab: describes the focused element and judges its focus indicator. */
export function describeFocused() {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const before = window.__wmUnfocused.get(el);
  const after = window.__wmLook(el);
  const transparent = (colour) => /rgba\(.*,\s*0\)$/.test(colour) || colour === 'transparent';
  const shadowColours = (shadow) => shadow.match(/rgba?\([^)]*\)/g) ?? [];
  const indicators = [];
  if (before) {
    if (after.outlineStyle !== 'none' && after.outlineWidth >= 1 && !transparent(after.outlineColor)
      && after.outline !== before.outline) indicators.push('outline');
    if (after.boxShadow !== before.boxShadow && after.boxShadow !== 'none'
      && shadowColours(after.boxShadow).some((c) => !transparent(c))) indicators.push('box-shadow');
    if (after.backgroundColor !== before.backgroundColor) indicators.push('background');
    if (!before.onCanvas && after.onCanvas) indicators.push('appears');
  }
  // WCAG 2.4.11: the focused element must not be entirely hidden by other content (a sticky bar).
  const rects = [...el.getClientRects(), el.getBoundingClientRect()];
  const seen = rects.some((r) => {
    const x = Math.min(Math.max(r.left + r.width / 2, 0), window.innerWidth - 1);
    const y = Math.min(Math.max(r.top + r.height / 2, 0), window.innerHeight - 1);
    if (r.bottom <= 0 || r.top >= window.innerHeight || r.width === 0) return false;
    const top = document.elementFromPoint(x, y);
    return top && (top === el || el.contains(top) || top.contains(el));
  });
  const text = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('name') || '').trim().replace(/\s+/g, ' ');
  return {
    known: Boolean(before),
    index: [...window.__wmUnfocused.keys()].indexOf(el),
    name: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${text.slice(0, 40)}"`,
    indicators,
    seen,
  };
}

/** Every link a user can see, every main navigation link, the search box and the exit button. */
export function mustReach() {
  const index = (el) => [...window.__wmUnfocused.keys()].indexOf(el);
  const describe = (el) => ({ index: index(el), name: `${el.tagName.toLowerCase()} "${el.textContent.trim().replace(/\s+/g, ' ').slice(0, 40)}" (${el.getAttribute('href') ?? el.id})` });
  const links = [...document.querySelectorAll('a[href]')].filter((a) => a.checkVisibility());
  return {
    links: links.map(describe),
    nav: [...document.querySelectorAll('nav[aria-label="Main"] a[href]')].map(describe),
    search: [...document.querySelectorAll('[role="search"] input, input[type="search"]')].map(describe),
    exit: [...document.querySelectorAll('a, button')].filter((el) => /exit this page/i.test(el.textContent)).map(describe),
  };
}
