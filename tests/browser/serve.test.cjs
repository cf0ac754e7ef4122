// `diar serve` in a real browser: Debian's Chromium, headless, driven by
// playwright-core, against a real server over a real index of the shipped
// corpus plus two Swedish text documents (one of them hostile). Each step
// saves a screenshot under build/browser-screenshots/ for a person to look at.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require(path.join(process.env.DIAR_NODE_MODULES, 'playwright-core'));

const diar = process.env.DIAR_BIN;
const source = process.env.DIAR_SOURCE_DIR;
const shots = path.join(process.env.DIAR_BUILD_DIR, 'browser-screenshots');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'diar-browser-'));
const index = path.join(work, 'index');
let server, base, context, page;
const dialogs = [];

// A tiny RFC 4180 reader: fields, quotes doubled, CRLF, separator given.
function parseCsv(text, sep) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; ++i; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; ++i; }
    else field += c;
  }
  assert.equal(quoted, false, 'CSV ends inside a quoted field');
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

async function shot(name) {
  await page.screenshot({ path: path.join(shots, name + '.png'), fullPage: true });
}

async function total() {
  return Number((await page.locator('#total').textContent()).replace(/\s/g, ''));
}

// Waits until the page shows `n` as its total: the old result stays on the
// page until the new one has come.
async function totalBecomes(n) {
  await page.waitForFunction(
    (want) => Number((document.querySelector('#total')?.textContent || '').replace(/\s/g, '')) === want, n);
}

// `diar serve` on a free port over `indexDir`; its process and address.
async function serve(indexDir) {
  const process = spawn(diar, ['serve', '--index', indexDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const address = await new Promise((resolve, reject) => {
    let out = '';
    process.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/\S+\//);
      if (m) resolve(m[0]);
    });
    process.on('exit', (code) => reject(new Error('diar serve exited with ' + code)));
  });
  return { server: process, base: address };
}

before(async () => {
  fs.mkdirSync(shots, { recursive: true });
  const docs = path.join(work, 'docs');
  fs.mkdirSync(docs);
  for (const f of fs.readdirSync(path.join(source, 'corpus'))) {
    if (f.endsWith('.pdf')) fs.copyFileSync(path.join(source, 'corpus', f), path.join(docs, f));
  }
  fs.writeFileSync(path.join(docs, 'protokoll-kulturnamnden.txt'),
    'Protokoll\nKulturnämnden i Västerås\nDatum 2022-05-10\nDnr KN 2022/45\n\n' +
    'Kulturnämnden beslutade att anta kulturplanen. Regional utveckling och kulturens roll i Västmanlands län ' +
    'diskuterades. Regionstyrelsen får yttra sig före den 1 september 2022.\n');
  fs.writeFileSync(path.join(docs, 'farlig.txt'),
    'Tjänsteskrivelse <script>window.__xss = 1</script> om ödemarker\nDatum 2023-01-10\n\n' +
    'Regional utveckling i Örebro län. "><img src=x onerror="window.__xss = 2"> Regionstyrelsen ' +
    'och Kulturnämnden ska yttra sig om ödemarker. <b>fet</b> text.\n');
  const ingest = spawnSync(diar, ['-q', 'ingest', docs, '--index', index], { encoding: 'utf8' });
  assert.equal(ingest.status, 0, ingest.stderr);

  ({ server, base } = await serve(index));
  context = await chromium.launchPersistentContext(path.join(work, 'chromium-profile'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    acceptDownloads: true,
    locale: 'sv-SE',
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = context.pages()[0] || await context.newPage();
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
});

after(async () => {
  if (context) await context.close();
  if (server) server.kill('SIGTERM');
  fs.rmSync(work, { recursive: true, force: true });
});

test('searching a Swedish word lists matching documents with marked snippets', async () => {
  await page.goto(base);
  await page.getByLabel('Sök i handlingarna').fill('utveckling');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\?q=utveckling/);
  await page.locator('.hit').first().waitFor();
  assert.ok(await total() >= 3, 'utveckling is in at least three documents');
  // The list may render before its snippets' marks: wait for one, then count.
  await page.locator('.hit .snippet mark').first().waitFor({ timeout: 10000 });
  assert.ok(await page.locator('.hit .snippet mark').count() > 0, 'snippets mark the match');
  await shot('01-search-utveckling');
});

test('clicking a facet value filters to exactly its count, and removing the filter restores the result', async () => {
  await page.goto(base + '?q=utveckling');
  await page.locator('.hit').first().waitFor();
  const before = await total();
  const facet = page.locator('#facet-type button.facet-value').filter({ hasNotText: String(before) }).first();
  const count = Number(await facet.getAttribute('data-count'));
  const value = await facet.getAttribute('data-value');
  assert.ok(count < before, 'a type facet value narrows the result');
  await facet.click();
  await page.waitForURL(/type=/);
  await page.locator('#active-filters button').waitFor();
  await totalBecomes(count);
  assert.equal(await page.locator('.hit').count(), count);
  assert.match(await page.locator('#active-filters').textContent(), new RegExp(value));
  await shot('02-facet-type-filter');

  await page.locator('#active-filters button').click();
  await page.waitForURL((url) => !url.search.includes('type='));
  await totalBecomes(before);
  assert.ok(await page.locator('.hit').count() > count, 'the documents the filter left out are back');
  assert.equal(await page.locator('#active-filters button').count(), 0);
  await shot('03-filter-removed');
});

test('search and filtering work from the keyboard alone', async () => {
  await page.goto(base);
  await page.locator('#q').waitFor();
  const tabTo = async (matches) => {
    for (let i = 0; i < 60; ++i) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(matches)) return;
    }
    assert.fail('Tab never reached the element');
  };
  await tabTo(() => document.activeElement.id === 'q');
  await page.keyboard.type('utveckling');
  await page.keyboard.press('Enter');
  await page.locator('.hit').first().waitFor();
  await tabTo(() => document.activeElement.matches('#facet-year button.facet-value'));
  const count = Number(await page.evaluate(() => document.activeElement.dataset.count));
  await page.keyboard.press('Enter');
  await page.waitForURL(/year=/);
  await page.locator('#active-filters button').waitFor();
  await totalBecomes(count);
});

test('a misspelled search that matches nothing shows its correction\'s documents and says so', async () => {
  await page.goto(base);
  await page.getByLabel('Sök i handlingarna').fill('utvecklingg');
  await page.keyboard.press('Enter');
  await page.locator('.instead').waitFor();
  assert.match(await page.locator('.instead').textContent(), /Sökte på ”utveckling” i stället för ”utvecklingg”/);
  assert.ok(await total() >= 3, 'the correction utveckling is in at least three documents');
  assert.equal(await page.getByLabel('Sök i handlingarna').inputValue(), 'utveckling');
  await page.waitForURL(/\?q=utveckling(&|$)/);
  await shot('04-search-instead');
});

test('a shared address restores the exact search', async () => {
  await page.goto(base + '?q=utveckling&type=protokoll&sort=date');
  await page.locator('.hit').first().waitFor();
  assert.equal(await page.getByLabel('Sök i handlingarna').inputValue(), 'utveckling');
  assert.equal(await page.locator('#sort').inputValue(), 'date');
  assert.equal(await page.locator('#active-filters button').count(), 1);
  assert.equal(await total(), 1);
});

test('a document page marks its mentions, and the mention list scrolls to one', async () => {
  await page.goto(base + '?q=kulturplanen&type=protokoll');
  await page.locator('.hit a').first().click();
  await page.waitForURL(/\/dokument\/[0-9a-f]+/);
  await page.locator('#doc-text mark.mention').first().waitFor();
  const body = page.locator('#doc-text mark.m-body').filter({ hasText: 'Kulturnämnden' });
  assert.ok(await body.count() > 0, 'Kulturnämnden is marked as a body');
  const entry = page.locator('#mentions-body button').first();
  await entry.click();
  const current = page.locator('#doc-text mark.current');
  await current.waitFor();
  assert.ok(await current.isVisible());
  await shot('04-document-mentions');
});

test('a PDF document links to its original file, opened at each page', async () => {
  await page.goto(base + '?q=samverkansgruppen');
  await page.locator('.hit a').first().click();
  await page.locator('#pdf-link').waitFor();
  const href = await page.locator('#pdf-link').getAttribute('href');
  assert.match(href, /\/pdf#page=1$/);
  const second = await page.locator('a.page-mark').filter({ hasText: 'sida 2' }).getAttribute('href');
  assert.match(second, /\/pdf#page=2$/);
  const response = await page.request.get(new URL(href, base).href);
  assert.equal(response.status(), 200);
  assert.equal(response.headers()['content-type'], 'application/pdf');
  assert.equal((await response.body()).subarray(0, 5).toString(), '%PDF-');
});

test('å, ä and ö render as themselves', async () => {
  await page.goto(base + '?q=' + encodeURIComponent('Västerås'));
  await page.locator('.hit').first().waitFor();
  assert.equal(await page.evaluate(() => document.characterSet), 'UTF-8');
  const text = await page.locator('body').innerText();
  assert.match(text, /Västerås/);
  assert.match(text, /Kulturnämnden/);
  assert.doesNotMatch(text, /Ã/);
  await page.goto(base + 'status');
  await page.locator('#status').waitFor();
  assert.match(await page.locator('body').innerText(), /Senaste inläsning/);
  await shot('05-status');
});

test('the CSV for Excel downloads and parses with semicolons, one row per mention', async () => {
  await page.goto(base + '?q=kulturplanen');
  await page.locator('.hit').first().waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByText('Omnämnanden (CSV för Excel)').click(),
  ]);
  const bytes = fs.readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'starts with a UTF-8 byte-order mark');
  const rows = parseCsv(bytes.subarray(3).toString('utf8'), ';');
  assert.deepEqual(rows[0].slice(0, 7), ['document', 'path', 'title', 'document_date', 'type', 'text', 'value']);
  const hits = await page.locator('.hit').count();
  const ids = new Set(rows.slice(1).map((r) => r[0]));
  assert.equal(ids.size, hits, 'mentions of every matching document, and only those');
  const api = await (await fetch(base + 'api/documents/' + [...ids][0])).json();
  assert.equal(rows.slice(1).filter((r) => r[0] === api.id).length, api.mentions.length);
  assert.ok(rows.slice(1).some((r) => r[6] === 'Kulturnämnden'), 'Swedish letters survive');
  await shot('06-export-links');
});

test('a document whose text holds <script> and an onerror attribute runs no script', async () => {
  await page.goto(base + '?q=' + encodeURIComponent('ödemarker'));
  await page.locator('.hit').first().waitFor();
  assert.match(await page.locator('.hit h3').first().textContent(), /<script>/, 'the title shows the markup as text');
  assert.match(await page.locator('.hit .snippet').first().textContent(), /"><img src=x onerror=/,
               'the snippet shows the markup as text, not as entities');
  await page.locator('.hit a').first().click();
  await page.locator('#doc-text').waitFor();
  assert.match(await page.locator('#doc-text').textContent(), /"><img src=x onerror=/);
  assert.match(await page.locator('#doc-title').textContent(), /<script>window.__xss = 1<\/script>/);
  assert.equal(await page.locator('img').count(), 0, 'no <img> element was created from the text');
  assert.equal(await page.locator('#doc-text script, #doc-text b, h1 script').count(), 0);
  assert.equal(await page.evaluate(() => window.__xss), undefined, 'no script from the document ran');
  assert.deepEqual(dialogs, []);
  await shot('07-hostile-document');
});

test('the status page says when documents were indexed by an older diar, and what to run', async () => {
  const docs = path.join(work, 'older');
  fs.mkdirSync(docs);
  fs.writeFileSync(path.join(docs, 'beslut.txt'),
    'Beslut\nRegionstyrelsen\nDatum 2021-06-01\n\nRegionstyrelsen beslutar att anta planen för regional utveckling.\n');
  const older = path.join(work, 'older-index');
  const ingest = spawnSync(diar, ['-q', 'ingest', docs, '--index', older], { encoding: 'utf8' });
  assert.equal(ingest.status, 0, ingest.stderr);
  const made = spawnSync(process.env.DIAR_MAKE_OUTDATED, [older], { encoding: 'utf8' });
  assert.equal(made.status, 0, made.stderr);
  const old = await serve(older);
  try {
    await page.goto(old.base + 'status');
    const notice = page.locator('#outdated');
    await notice.waitFor();
    const text = await notice.innerText();
    assert.match(text, /1 dokument lästes in av en äldre diar/);
    assert.match(text, /--reindex/);
    await shot('08-status-outdated');
  } finally {
    old.server.kill('SIGTERM');
  }
  // An index this diar wrote says nothing of the kind.
  await page.goto(base + 'status');
  await page.locator('#status').waitFor();
  assert.equal(await page.locator('#outdated').count(), 0);
});
