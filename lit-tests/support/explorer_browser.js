#!/usr/bin/env node
// explorer_browser.js BUILD PAGE.html SCRIPT.json [--screenshots PREFIX]
//
// Opens the architecture explorer (`strata graph --format html`) in Debian's
// Chromium, headless, with a fresh profile and no network, through
// puppeteer-core (installed by the build with the Mermaid CLI,
// tools/mermaid), and plays SCRIPT: a list of steps, each printing what the
// page then shows, for FileCheck:
//
//   {"open": true}                      load the page; prints the time it took
//                                       and the main thread's busy time
//   {"nodes": "component"}              the shown nodes of a type (or "all")
//   {"click": "component:torch"}        click a node (opens a component or
//                                       module; selects a file)
//   {"edge": "FROM->TO"}                click the edge between two shown nodes
//   {"search": "torch.nn"}              type into the search box and press Enter
//   {"why": "from"} / {"why": "to"}     the why buttons of the selected node
//   {"panel": true}                     the side panel's text, line by line
//   {"screenshot": "NAME"}              a PNG of the page, PREFIX-NAME.png
//
// Fails (exit 1) on a page error, a console error, a request that leaves
// the page (it must need no network), or a step that finds nothing to
// click. Prints "skipped: ..." and exits 0 when Chromium is missing.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");

const CHROMIUM = "/usr/bin/chromium";

async function main() {
  const [build, page_path, script_path, ...rest] = process.argv.slice(2);
  const shotsAt = rest.indexOf("--screenshots");
  const prefix = shotsAt >= 0 ? rest[shotsAt + 1] : null;
  if (!fs.existsSync(CHROMIUM)) {
    console.log(`skipped: no Chromium at ${CHROMIUM} (tools/setup.sh installs it)`);
    return 0;
  }
  const puppeteer = require(path.resolve(build, "tools", "mermaid", "node_modules",
    "puppeteer-core"));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "strata-explorer-"));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    userDataDir: profile,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      `--user-data-dir=${profile}`],
  });
  const problems = [];
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1600, height: 1000 });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console error: ${message.text()}`);
    });
    await page.setRequestInterception(true);
    const url = "file://" + path.resolve(page_path);
    page.on("request", (request) => {
      if (request.url() === url || request.url().startsWith("data:")) return request.continue();
      problems.push(`request outside the page: ${request.url()}`);
      return request.abort();
    });
    const steps = JSON.parse(fs.readFileSync(script_path, "utf8"));
    for (const step of steps) {
      if (step.open) {
        const started = Date.now();
        await page.goto(url, { waitUntil: "load" });
        await page.waitForSelector("body[data-ready]", { timeout: 30000 });
        const wall = Date.now() - started;
        const ready = await page.$eval("body", (body) => Number(body.dataset.ready));
        const phases = await page.$eval("body", (body) => body.dataset.timings);
        console.log(`opened in ${ready} ms (${wall} ms with the browser's own work; ms since ` +
          `the page was asked for: ${phases})`);
        // The main thread's own work, which the load of a shared host does
        // not stretch as it does the clock.
        const metrics = await page.metrics();
        const busy = Math.round(metrics.TaskDuration * 1000);
        console.log(`main thread busy ${busy} ms (script ${Math.round(metrics.ScriptDuration * 1000)} ` +
          `ms, layout ${Math.round(metrics.LayoutDuration * 1000)} ms, style ` +
          `${Math.round(metrics.RecalcStyleDuration * 1000)} ms)`);
      } else if (step.nodes) {
        const shown = await page.$$eval("#nodes [data-node]", (all, type) => all
          .map((e) => e.dataset.node).filter((k) => type === "all" || k.startsWith(type + ":")),
        step.nodes);
        console.log(`${step.nodes} nodes: ${shown.length}`);
        for (const key of shown.slice(0, step.limit || 1000)) console.log(`  ${key}`);
      } else if (step.click) {
        const target = await page.$(`#nodes [data-node="${step.click}"]`);
        if (!target) throw new Error(`no node '${step.click}' to click`);
        await target.evaluate((e) => e.scrollIntoView({ block: "center" }));
        await target.click();
        console.log(`clicked ${step.click}`);
      } else if (step.edge) {
        const key = "edge:" + step.edge;
        const target = await page.$(`[data-edge="${key}"] path.hit`);
        if (!target) throw new Error(`no edge '${step.edge}' to click`);
        await page.$eval(`[data-edge="${key}"] path.hit`, (e) => e.dispatchEvent(
          new MouseEvent("click", { bubbles: true })));
        console.log(`clicked edge ${step.edge}`);
      } else if (step.search) {
        await page.click("#search-input", { clickCount: 3 });
        await page.type("#search-input", step.search);
        await page.keyboard.press("Enter");
        const selected = await page.$eval("#panel", (p) => p.dataset.showing || "");
        console.log(`searched ${step.search}: showing ${selected}`);
      } else if (step.why) {
        await page.click(`#why-${step.why}`);
        console.log(`why ${step.why}`);
      } else if (step.panel) {
        const text = await page.$eval("#panel", (p) => {
          const lines = [];
          for (const e of p.querySelectorAll("h2, h3, p, li, button"))
            lines.push(e.tagName.toLowerCase() + ": " + e.textContent.replace(/\s+/g, " ").trim());
          return lines;
        });
        for (const line of text.slice(0, step.limit || 1000)) console.log(`  ${line}`);
      } else if (step.screenshot) {
        if (prefix) {
          await page.screenshot({ path: `${prefix}-${step.screenshot}.png` });
          console.log(`screenshot ${step.screenshot}`);
        }
      }
    }
  } finally {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  for (const problem of problems) console.log(problem);
  return problems.length ? 1 : 0;
}

main().then((status) => process.exit(status), (error) => {
  console.log(`error: ${error.message}`);
  process.exit(1);
});
