"""The first day's look: touch-sized navigation, readable contrast in the light and the dark theme,
upright prompts, the log as cards on a phone, and the home page's three ways to start."""
import base64
import pathlib

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import ARTIFACTS
from pages import submit, wait_for

PHONE = (390, 844)
DESKTOP = (1280, 800)
CONTRAST_PAGES = ["/", "/log", "/rubrics/coding", "/questions", "/sessions/new", "/insights"]

# WCAG 2 contrast of every visible element that draws text of its own (a non-blank direct text node,
# or a form control), against its effective background: the first opaque background-color up the
# ancestors, with translucent layers on the way composited over it. SVG charts draw their own
# colours on their own white background and are left out. Returns the checked count and failures.
CONTRAST_JS = r"""
const minimum = arguments[0];
function parse(c) {
  let m = /^rgba?\(([^)]*)\)$/.exec(c);
  if (m) {
    const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(parseFloat);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  }
  m = /^color\(srgb ([^)]*)\)$/.exec(c);
  if (m) {
    const p = m[1].split(/[\s\/]+/).filter(Boolean).map(parseFloat);
    return [p[0] * 255, p[1] * 255, p[2] * 255, p.length > 3 ? p[3] : 1];
  }
  return null;
}
function over(top, bottom) {  // top composited over an opaque bottom
  const a = top[3];
  return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat([1]);
}
function luminance(c) {
  const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
}
function ratio(a, b) {
  const la = luminance(a), lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
function background(el) {
  const layers = [];
  for (let e = el; e; e = e.parentElement) {
    const c = parse(getComputedStyle(e).backgroundColor);
    if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
  }
  let bg = [255, 255, 255, 1];  // the canvas, when nothing up the tree is opaque
  for (let i = layers.length - 1; i >= 0; i--) bg = layers[i][3] >= 1 ? layers[i] : over(layers[i], bg);
  return bg;
}
function describe(el) {
  let s = el.tagName.toLowerCase();
  if (el.id) s += '#' + el.id;
  if (el.classList.length) s += '.' + Array.from(el.classList).join('.');
  const p = el.parentElement;
  if (p && p !== document.body) s = p.tagName.toLowerCase() + (p.classList.length ? '.' + Array.from(p.classList).join('.') : '') + ' > ' + s;
  return s;
}
const skip = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'OPTION', 'OPTGROUP', 'DATALIST', 'TITLE']);
const controls = 'select, textarea, input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=file]):not([type=range]):not([type=color])';
let checked = 0;
const failures = [];
for (const el of document.body.querySelectorAll('*')) {
  if (skip.has(el.tagName) || el.closest('svg')) continue;
  const ownText = Array.from(el.childNodes).some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim() !== '');
  if (!ownText && !el.matches(controls)) continue;
  if (el.checkVisibility && !el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) continue;
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) continue;
  const style = getComputedStyle(el);
  let fg = parse(style.color);
  const bg = background(el);
  if (!fg) { failures.push({el: describe(el), text: el.textContent.trim().slice(0, 40), ratio: 0, color: style.color, background: 'unparsed'}); continue; }
  if (fg[3] === 0) continue;  // deliberately invisible text (the code editor's overlay)
  if (fg[3] < 1) fg = over(fg, bg);
  checked++;
  const value = ratio(fg, bg);
  if (value < minimum) {
    failures.push({el: describe(el), text: (el.value || el.textContent).trim().slice(0, 40), ratio: Math.round(value * 100) / 100,
                   color: style.color, background: 'rgb(' + bg.slice(0, 3).map(Math.round).join(', ') + ')'});
  }
}
return {checked: checked, failures: failures};
"""

# Luminance of the body's background: the theme actually in use.
BODY_LUMINANCE_JS = r"""
const p = getComputedStyle(document.body).backgroundColor.match(/[\d.]+/g).map(Number);
const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
return 0.2126 * f(p[0]) + 0.7152 * f(p[1]) + 0.0722 * f(p[2]);
"""

NO_SIDEWAYS_SCROLL_JS = "return document.documentElement.scrollWidth - window.innerWidth"


def color_scheme(driver, value):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": value}]})


def new_session(server, driver):
    """Plans a session through the web form, as a user does; returns its path."""
    driver.get(server.url + "/sessions/new")
    submit(driver, "form[action='/sessions']")
    return driver.current_url.replace(server.url, "")


def score_session(server, driver, path):
    """Starts the clock on a planned session and scores its dimensions 1, 2, 3, 1, …"""
    driver.get(server.url + path)
    submit(driver, "form[action$='/start']")
    selects = driver.find_elements(By.CSS_SELECTOR, "form[action$='/scores'] select[id^='score_']")
    assert selects, "the session page has no score selects"
    for i, select in enumerate(selects):
        Select(select).select_by_value(str(i % 3 + 1))
    submit(driver, "form[action$='/scores']")


def test_nav_links_are_touch_sized(server, browser):
    d = browser
    for size in (PHONE, DESKTOP):
        d.set_window_size(*size)
        d.get(server.url + "/")
        wait_for(d, ".top nav a")
        links = d.execute_script(
            "return Array.from(document.querySelectorAll('.top nav a')).map(a => {"
            " const r = a.getBoundingClientRect(); return {text: a.textContent.trim(), w: r.width, h: r.height}; })")
        assert len(links) >= 5, f"expected the main navigation, found {links}"
        small = [link for link in links if link["h"] < 44 or link["w"] < 44]
        assert small == [], f"nav links smaller than 44x44 at {size}: {small}"
        overflow = d.execute_script(NO_SIDEWAYS_SCROLL_JS)
        assert overflow <= 0, f"/ scrolls sideways by {overflow}px at {size}"


def test_score_badges_and_text_have_contrast_in_both_themes(server, browser):
    d = browser
    scored = new_session(server, d)
    score_session(server, d, scored)
    new_session(server, d)  # and one still planned
    problems = []
    try:
        for theme in ("light", "dark"):
            color_scheme(d, theme)
            for path in CONTRAST_PAGES:
                d.get(server.url + path)
                heading = wait_for(d, "main h1").text
                if heading == "Internal Server Error":
                    problems.append(f"{theme} {path}: the page failed to render")
                luminance = d.execute_script(BODY_LUMINANCE_JS)
                if theme == "dark":
                    assert luminance < 0.2, f"{path}: the body is not dark ({luminance:.3f}) with a dark system setting"
                else:
                    assert luminance > 0.5, f"{path}: the body is not light ({luminance:.3f}) with a light system setting"
                result = d.execute_script(CONTRAST_JS, 4.5)
                assert result["checked"] >= 10, f"{path} ({theme}): only {result['checked']} text elements checked"
                for f in result["failures"]:
                    problems.append(f"{theme} {path}: {f['el']} “{f['text']}” {f['ratio']}:1 ({f['color']} on {f['background']})")
            # Scores are one badge everywhere, the digit written in it.
            for path, css in (("/log", "table.log .score"), ("/rubrics/coding", ".anchors dt")):
                d.get(server.url + path)
                wait_for(d, "main h1")
                badges = d.execute_script(
                    "return Array.from(document.querySelectorAll(arguments[0])).map(b => ({"
                    " cls: b.className, text: b.textContent.trim(), display: getComputedStyle(b).display }))", css)
                digits = [b for b in badges if b["text"] in ("1", "2", "3")]
                if len({b["text"] for b in digits}) < 3:
                    problems.append(f"{theme} {path}: expected score badges 1, 2 and 3 ({css}), found {badges}")
                for b in digits:
                    classes = b["cls"].split()
                    if "score" not in classes or f"s{b['text']}" not in classes:
                        problems.append(f"{theme} {path}: badge “{b['text']}” has classes {classes}, expected score s{b['text']}")
    finally:
        color_scheme(d, "light")
    assert problems == [], "\n".join(dict.fromkeys(problems))


def test_prompt_is_not_italic(server, browser):
    d = browser
    d.get(server.url + "/questions")
    first = WebDriverWait(d, 15).until(EC.element_to_be_clickable((By.CSS_SELECTOR, "main table tbody a[href^='/questions/']")))
    first.click()
    wait_for(d, ".prompt")
    slanted = d.execute_script(
        "const out = [];"
        "for (const p of document.querySelectorAll('.prompt')) {"
        "  for (const el of [p, ...p.querySelectorAll('*')]) {"
        "    if (el.closest('em, i') && p.contains(el.closest('em, i'))) continue;"
        "    const s = getComputedStyle(el).fontStyle;"
        "    if (s !== 'normal') out.push(el.tagName.toLowerCase() + ': ' + s + ': ' + el.textContent.trim().slice(0, 40));"
        "  }"
        "}"
        "return {prompts: document.querySelectorAll('.prompt').length, slanted: out};")
    assert slanted["prompts"] >= 1, "the question page has no .prompt"
    assert slanted["slanted"] == [], f"italic text in the prompt: {slanted['slanted']}"


def test_log_is_cards_on_a_phone(server, browser):
    d = browser
    scored = new_session(server, d)
    score_session(server, d, scored)
    new_session(server, d)
    d.set_window_size(*PHONE)
    d.get(server.url + "/log")
    wait_for(d, "table.log tbody tr")
    overflow = d.execute_script(NO_SIDEWAYS_SCROLL_JS)
    assert overflow <= 0, f"/log scrolls sideways by {overflow}px on a phone"
    layout = d.execute_script(r"""
      const head = document.querySelector('table.log thead');
      const hs = getComputedStyle(head), hr = head.getBoundingClientRect();
      const rows = Array.from(document.querySelectorAll('table.log tbody tr')).map(tr => {
        const scores = tr.querySelector('td[data-label="Scores"]');
        const date = tr.querySelector('td[data-label="Date"]');
        const link = date && (date.querySelector('a') || date);
        const lineHeight = link ? parseFloat(getComputedStyle(link).lineHeight) : 0;
        return {
          text: tr.textContent.trim().slice(0, 60),
          display: getComputedStyle(tr).display,
          scoresRight: scores ? scores.getBoundingClientRect().right : null,
          badgesRight: scores ? Math.max(0, ...Array.from(scores.querySelectorAll('*'), b => b.getBoundingClientRect().right)) : null,
          dateLines: link ? link.getClientRects().length : null,
          dateHeight: link ? link.getBoundingClientRect().height : null,
          lineHeight: lineHeight,
        };
      });
      return {
        headHidden: hs.display === 'none' || hr.height <= 1 || hs.clipPath === 'inset(50%)',
        innerWidth: window.innerWidth,
        rows: rows,
      };
    """)
    assert layout["headHidden"], "the log's column headers still show on a phone (the cards label each cell)"
    rows = layout["rows"]
    assert len(rows) >= 2, f"expected the two sessions in the log, found {rows}"
    width = layout["innerWidth"]
    for row in rows:
        assert row["display"] in ("block", "grid", "flex"), f"log row is not a card ({row['display']}): {row['text']}"
        assert row["scoresRight"] is not None, f"log row has no td[data-label=Scores]: {row['text']}"
        assert row["scoresRight"] <= width and row["badgesRight"] <= width, f"scores run off the phone screen: {row}"
        assert row["dateLines"] == 1 and row["dateHeight"] < 1.6 * row["lineHeight"], f"the date wraps: {row}"


def full_page_screenshot(driver, path):
    """Saves the whole page, not just the viewport (Chrome DevTools). Captured beyond the viewport, the
    page has no vertical scrollbar, so it is laid out over the window's full inner width."""
    height = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]["height"]
    width = driver.execute_script("return window.innerWidth")
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
    path.write_bytes(base64.b64decode(shot["data"]))


def test_home_page_screenshots(server, browser):
    d = browser
    out = pathlib.Path(ARTIFACTS)
    out.mkdir(parents=True, exist_ok=True)
    for size, name in ((DESKTOP, "home-desktop.png"), (PHONE, "home-phone.png")):
        d.set_window_size(*size)
        d.get(server.url + "/")
        wait_for(d, "main h1")
        starts = d.find_elements(By.CSS_SELECTOR, ".starts")
        assert len(starts) == 1, f"expected one .starts block at {size}, found {len(starts)}"
        cards = starts[0].find_elements(By.CSS_SELECTOR, ".start")
        assert len(cards) == 3, f"expected three start cards at {size}, found {len(cards)}"
        for card in cards:
            assert card.find_elements(By.CSS_SELECTOR, "a.button"), f"start card without a button: {card.text}"
        first = d.execute_script("return new URL(arguments[0].querySelector('a.button').href).pathname", cards[0])
        assert first.startswith("/practice"), f"the first start leads to {first}, not to a practice mock"
        overflow = d.execute_script(NO_SIDEWAYS_SCROLL_JS)
        assert overflow <= 0, f"/ scrolls sideways by {overflow}px at {size}"
        target = out / name
        full_page_screenshot(d, target)
        assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", f"{target} is not a PNG"
