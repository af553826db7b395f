"""Look at the posture report the way a person would: in a real browser.

Renders the sample estate's report with `steward report --html`, opens it in headless
Chromium (Debian's chromium package) through Playwright with every network request
refused, and checks that the page loads without console errors or requests, that the
heat-map and the findings table are visible, and that choosing a filter changes the rows
shown. `--screenshot PATH` also saves a picture of the page (docs/report.png).
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

from playwright.sync_api import sync_playwright

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"


def visible_rows(page):
    return page.eval_on_selector_all("#findings tbody tr", "rows => rows.filter(r => r.offsetParent !== null).length")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--steward", required=True)
    parser.add_argument("--estate", required=True)
    parser.add_argument("--as-of", default="2026-11-25")
    parser.add_argument("--screenshot")
    args = parser.parse_args()
    if not os.path.exists(CHROMIUM):
        sys.exit("chromium is not installed (Debian: apt-get install chromium)")

    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, "report.html")
        subprocess.run([args.steward, "report", args.estate, "--as-of", args.as_of, "--html", report],
                       check=True, stdout=subprocess.DEVNULL)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM,
                                        args=["--no-sandbox", "--disable-gpu", "--headless=new"])
            page = browser.new_page(viewport={"width": 1280, "height": 1600})
            console_errors, requests = [], []
            page.on("console", lambda m: console_errors.append(m.text) if m.type in ("error", "warning") else None)
            page.on("pageerror", lambda e: console_errors.append(str(e)))

            def refuse(route):
                # The report must be self-contained: anything beyond the file itself is a defect.
                if not route.request.url.startswith("file://"):
                    requests.append(route.request.url)
                    route.abort()
                else:
                    route.continue_()

            page.route("**/*", refuse)
            page.goto("file://" + report)
            page.wait_for_load_state("load")

            for selector in ("#score", "#heatmap", "#findings", "#fixes"):
                if not page.is_visible(selector):
                    problems.append(f"{selector} is not visible")
            cells = page.eval_on_selector_all("#heatmap tbody td", "cells => cells.length")
            if cells != 40:
                problems.append(f"the heat-map has {cells} cells, not 10 areas x 4 service models")

            total = visible_rows(page)
            shown = page.inner_text("#shown")
            if total == 0 or shown != f"{total} of {total} findings shown":
                problems.append(f"before filtering: {total} rows visible, counter says {shown!r}")
            page.select_option("select[name=owner]", "shared")
            shared = visible_rows(page)
            owners = page.eval_on_selector_all(
                "#findings tbody tr", "rows => rows.filter(r => r.offsetParent !== null).map(r => r.dataset.owner)")
            if not 0 < shared < total or set(owners) != {"shared"}:
                problems.append(f"filtering by owner=shared shows {shared} of {total} rows, owners {sorted(set(owners))}")
            page.select_option("select[name=severity]", "high")
            both = visible_rows(page)
            if both > shared:
                problems.append(f"adding severity=high shows more rows ({both}) than owner alone ({shared})")
            page.select_option("select[name=owner]", "")
            page.select_option("select[name=severity]", "")
            if visible_rows(page) != total:
                problems.append("clearing the filters does not bring every row back")

            # A link from a finding to its rule's explanation lands on it.
            first_rule = page.get_attribute("#findings tbody tr a", "href")
            if not first_rule or not page.is_visible(first_rule):
                problems.append(f"the rule explanation {first_rule!r} is not on the page")

            if args.screenshot:
                page.screenshot(path=args.screenshot)
            browser.close()

    problems += [f"console: {m}" for m in console_errors]
    problems += [f"network request: {u}" for u in requests]
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    print(f"report checked in Chromium: {total} findings, {shared} owned by shared, no console errors, no requests")


if __name__ == "__main__":
    main()
