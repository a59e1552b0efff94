// End to end in headless Chromium: builds a store from the sample pages with `newsloom ingest`,
// starts `newsloom serve` on a free port, and checks what a person sees on the front page, a story
// page, an article and the search page, at desktop and at phone width. Screenshots go to
// build/screenshots/. Exits non-zero on the first failed check.
//
//   node story_desk.test.mjs [--bin build/newsloom] [--pages ../shared/corpus/seeds]
import {spawn, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');

function flag(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const bin = path.resolve(flag('--bin', process.env.NEWSLOOM_BIN || path.join(root, 'build', 'apps', 'newsloom', 'newsloom')));
const pages = path.resolve(flag('--pages', path.join(root, '..', 'shared', 'corpus', 'seeds')));
const chromePath = process.env.CHROMIUM || '/usr/bin/chromium';
const shots = path.join(root, 'build', 'screenshots');
const TIMEOUT = 15000;

let passed = 0;
function check(condition, message) {
  if (!condition) throw new Error('check failed: ' + message);
  passed++;
}

for (const [what, p] of [['newsloom binary', bin], ['sample pages', pages], ['chromium', chromePath]]) {
  if (!fs.existsSync(p)) {
    console.error(`browser test: no ${what} at ${p}`);
    process.exit(1);
  }
}
fs.mkdirSync(shots, {recursive: true});
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsloom-browser-'));
const db = path.join(work, 'store.db');

// ---- the store and the server --------------------------------------------------------------

const ingest = spawnSync(bin, ['ingest', pages, '--db', db], {encoding: 'utf8', timeout: 120000});
if (ingest.status !== 0 && ingest.status !== 3) {
  // 3: some inputs skipped (gold.json is not a page), which is expected here.
  console.error(`browser test: newsloom ingest failed (${ingest.status}):\n${ingest.stderr}`);
  process.exit(1);
}

const server = spawn(bin, ['serve', '--db', db, '--port', '0', '--bind', '127.0.0.1'],
                     {stdio: ['ignore', 'pipe', 'pipe']});
let serverLog = '';
server.stderr.on('data', (d) => { serverLog += d; });
const base = await new Promise((resolve, reject) => {
  let out = '';
  const timer = setTimeout(() => reject(new Error('server did not start: ' + out + serverLog)), TIMEOUT);
  server.stdout.on('data', (d) => {
    out += d;
    const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
    if (m) {
      clearTimeout(timer);
      resolve(`http://127.0.0.1:${m[1]}`);
    }
  });
  server.on('exit', (code) => reject(new Error(`server exited (${code}): ${serverLog}`)));
});

// ---- checks on a rendered page -----------------------------------------------------------------

// No piece of raw JSON anywhere in the visible text.
async function expectNoRawJson(page, where) {
  const text = await page.evaluate(() => document.body.innerText);
  check(!/[{[]\s*"[a-z_]+"\s*:/.test(text) && !text.includes('":') && !/\[object Object\]|undefined|NaN/.test(text),
        `${where}: raw JSON or a script value in the page text`);
}

// The page is no wider than the window.
async function expectNoHorizontalOverflow(page, where) {
  const {scroll, width} = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth, width: window.innerWidth}));
  check(scroll <= width + 1, `${where}: page is ${scroll}px wide in a ${width}px window`);
}

// Boxes of `selector` do not overlap each other (beyond a pixel of rounding).
async function expectNoOverlap(page, selector, where) {
  const boxes = await page.$$eval(selector, (nodes) => nodes.map((n) => {
    const r = n.getBoundingClientRect();
    return {x: r.x, y: r.y, w: r.width, h: r.height, text: n.textContent.slice(0, 40)};
  }).filter((b) => b.w > 0 && b.h > 0));
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      const overlapX = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const overlapY = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      check(!(overlapX > 1 && overlapY > 1),
            `${where}: "${a.text}" and "${b.text}" (${selector}) overlap`);
    }
  }
  return boxes.length;
}

// Text of `selector` stays inside its box (no clipped or spilling headline).
async function expectTextFits(page, selector, where) {
  const bad = await page.$$eval(selector, (nodes) => nodes.filter((n) => n.scrollWidth > n.clientWidth + 1)
    .map((n) => n.textContent.slice(0, 40)));
  check(bad.length === 0, `${where}: text wider than its box: ${bad.join(' | ')}`);
}

async function layoutChecks(page, where) {
  await expectNoRawJson(page, where);
  await expectNoHorizontalOverflow(page, where);
}

// ---- the walk ----------------------------------------------------------------------------------

const api = async (p) => (await fetch(base + p)).json();
const stories = await api('/api/stories?limit=100');
check(Array.isArray(stories) && stories.length > 0, 'the sample pages make at least one story');
// The story with the most articles shows the most: the walk opens that one.
const richest = stories.slice().sort((a, b) => b.articles.length - a.articles.length)[0];
const richestFull = await api('/api/stories/' + encodeURIComponent(richest.id));

const browser = await chromium.launch({executablePath: chromePath, headless: true,
                                       args: ['--no-sandbox', '--disable-gpu']});
const consoleErrors = [];
try {
  for (const [label, viewport] of [['1280', {width: 1280, height: 800}], ['390', {width: 390, height: 844}]]) {
    const context = await browser.newContext({viewport, deviceScaleFactor: 1});
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(`${label}: ${m.text()}`); });
    page.on('pageerror', (e) => consoleErrors.push(`${label}: ${e.message}`));

    // Front page.
    await page.goto(base + '/');
    await page.waitForSelector('.story-item');
    const titles = await page.$$eval('.story-title', (n) => n.map((x) => x.textContent.trim()));
    check(titles.length === Math.min(stories.length, 20), `front ${label}: one headline per story`);
    check(titles.every((t) => t.length > 0), `front ${label}: every story has a headline`);
    const metas = await page.$$eval('.story-item .meta-sources', (n) => n.map((x) => x.textContent));
    check(metas.every((m) => /\d+ independent sources?/.test(m)), `front ${label}: source counts shown`);
    const dated = stories.slice(0, 20).filter((s) => s.articles.some((a) => a.published)).length;
    check(await page.locator('.story-item svg.sparkline').count() === dated,
          `front ${label}: a coverage sparkline per story with dated articles`);
    await layoutChecks(page, `front ${label}`);
    await expectNoOverlap(page, '.story-item', `front ${label}`);
    await expectNoOverlap(page, '.story-title, .story-meta, .story-spark', `front ${label}`);
    await page.screenshot({path: path.join(shots, `front-${label}.png`), fullPage: false});

    // Into the richest story.
    await page.click(`.story-title a[href="#/story/${encodeURIComponent(richest.id)}"]`);
    await page.waitForSelector('.story-headline');
    check((await page.textContent('.story-headline')).trim() === richest.title,
          `story ${label}: headline is the story title`);
    const rows = await page.locator('table.sources tbody tr').count();
    check(rows === richest.articles.length, `story ${label}: a source row per article`);
    check(await page.locator('table.sources .badge.first').count() === 1, `story ${label}: first publisher marked`);
    const copies = richest.articles.filter((a) => a.role !== 'original').length;
    check(await page.locator('table.sources .badge.copy').count() === copies, `story ${label}: copies marked`);
    if ((richestFull.timeline || []).length) {
      check(await page.locator('svg.timeline-chart circle.dot').count() > 0, `story ${label}: timeline chart drawn`);
      check(await page.locator('.timeline-list li').count() === richestFull.timeline.length,
            `story ${label}: every timeline entry listed`);
    }
    if ((richestFull.entities || []).length) {
      check(await page.locator('.entity-list li').count() > 0, `story ${label}: entities listed`);
    }
    await layoutChecks(page, `story ${label}`);
    await expectNoOverlap(page, '.story-headline, .story-head .story-meta, .section > h2', `story ${label}`);
    await expectNoOverlap(page, '.entity-list li', `story ${label}`);
    await expectTextFits(page, '.story-headline, .section > h2', `story ${label}`);
    await page.screenshot({path: path.join(shots, `story-${label}.png`), fullPage: false});
    if (label === '1280') await page.screenshot({path: path.join(shots, `story-${label}-full.png`), fullPage: true});

    // A citation opens the article at the cited sentence.
    const cites = page.locator('.cite');
    if (await cites.count()) {
      await cites.first().click();
      await page.waitForSelector('.article-body [data-cited]');
      const cited = page.locator('.article-body [data-cited]').first();
      check(await cited.isVisible(), `article ${label}: cited sentence visible`);
      const box = await cited.boundingBox();
      check(box && box.y >= 0 && box.y < viewport.height, `article ${label}: scrolled to the cited sentence`);
      check(await page.locator('.article-body .hl-entity').count() > 0, `article ${label}: entities highlighted`);
      await layoutChecks(page, `article ${label}`);
      await page.screenshot({path: path.join(shots, `article-${label}.png`), fullPage: false});
    }

    // Search for a word of the story's headline.
    const word = richest.title.split(/\s+/).map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''))
      .filter((w) => w.length > 4).sort((a, b) => b.length - a.length)[0] || richest.title.split(/\s+/)[0];
    await page.goto(base + '/#/search');
    await page.waitForSelector('#search-form');
    await page.fill('#search-form input[name=q]', word);
    await page.click('#search-form button[type=submit]');
    await page.waitForSelector('.hit');
    check(await page.locator('.hit').count() > 0, `search ${label}: "${word}" finds articles`);
    check(await page.locator('.hit mark').count() > 0, `search ${label}: matches marked in snippets`);
    await layoutChecks(page, `search ${label}`);
    await expectNoOverlap(page, '.hit', `search ${label}`);
    await expectNoOverlap(page, '.search-form .field, .search-form button', `search ${label}`);
    await page.screenshot({path: path.join(shots, `search-${label}.png`), fullPage: false});
    // The outlet filter narrows the hits to that outlet.
    const outlet = richest.articles.find((a) => a.outlet)?.outlet;
    if (outlet) {
      await page.fill('#search-form input[name=outlet]', outlet);
      await page.click('#search-form button[type=submit]');
      await page.waitForFunction((o) => location.hash.includes('outlet='), outlet);
      await page.waitForSelector('.result-count');
      const shown = await page.$$eval('.hit .story-meta span:first-child', (n) => n.map((x) => x.textContent));
      check(shown.every((o) => o === outlet), `search ${label}: outlet filter keeps one outlet`);
    }

    // Open an article from the hits.
    await page.click('.hit-title a');
    await page.waitForSelector('.article-body');
    check((await page.textContent('.article-title')).trim().length > 0, `article ${label}: has a title`);
    await layoutChecks(page, `article from search ${label}`);

    // An unknown story is a readable "not found", not a broken page.
    await page.goto(base + '/#/story/no-such-story');
    await page.waitForSelector('.error-page');
    check((await page.textContent('.error-page h1')).includes('Not found'), `unknown story ${label}: not found page`);
    await context.close();
  }
  check(consoleErrors.filter((e) => !e.includes('404')).length === 0,
        'no script errors: ' + consoleErrors.join('; '));
} catch (error) {
  console.error(error.message);
  console.error(`browser test: FAILED after ${passed} checks; screenshots in ${shots}`);
  process.exitCode = 1;
} finally {
  await browser.close();
  server.kill('SIGTERM');
  fs.rmSync(work, {recursive: true, force: true});
}
if (!process.exitCode) {
  console.log(`browser test: ${passed} checks passed; screenshots in ${shots}:`);
  for (const f of fs.readdirSync(shots).sort()) console.log('  ' + path.join(shots, f));
}
