// The released binary, alone: copied into an empty folder and run with
// PATH=/usr/bin:/bin (no cargo, rustc, trunk or node_modules), it writes a
// starter help center, checks it, dists it and previews it; the dist folder
// then works in Chromium from a plain static server, on the same origin and
// (with CORS) on another; without CORS, the loader says why in one console
// error and shows the contacts. `cargo xtask test` runs it with
// INDEX_BUILDER_BIN set to the binary `cargo xtask release` builds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { launchChromium } from '../e2e/chromium.mjs';

const BIN = process.env.INDEX_BUILDER_BIN;
if (!BIN) throw new Error('INDEX_BUILDER_BIN is not set: run these tests through `cargo xtask test`');

const work = mkdtempSync(join(tmpdir(), 'hw-release-'));
const env = { PATH: '/usr/bin:/bin', HOME: work, LANG: 'C.UTF-8' };
const servers = [];
let browser;

function ib(...args) {
  const run = spawnSync('./index-builder', args, { cwd: work, env, encoding: 'utf8' });
  assert.equal(run.status, 0, `index-builder ${args.join(' ')} failed:\n${run.stdout}\n${run.stderr}`);
  return run.stdout;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.json': 'application/json', '.bin': 'application/octet-stream', '.ts': 'text/plain',
};

/** A plain static file server over `dir` on 127.0.0.1; CORS only if asked
 *  (`cors` is true, or a test of the path). */
function staticServer(dir, { cors = false } = {}) {
  return new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
      const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
      let body;
      try { body = readFileSync(file); } catch { res.writeHead(404); res.end('not found'); return; }
      const headers = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' };
      if (cors === true || (typeof cors === 'function' && cors(path))) headers['Access-Control-Allow-Origin'] = '*';
      res.writeHead(200, headers);
      res.end(body);
    });
    server.listen(0, '127.0.0.1', () => {
      servers.push(server);
      resolve(`http://127.0.0.1:${server.address().port}`);
    });
  });
}

/** Starts `index-builder serve` on a free port; resolves to its URL. */
function startServe(dir) {
  const child = spawn('./index-builder', ['serve', dir, '--port', '0'], { cwd: work, env });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const url = out.match(/at (http:\/\/127\.0\.0\.1:\d+)\//);
      if (url) resolve({ child, url: url[1] });
    });
    child.stderr.on('data', (chunk) => { out += chunk; });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}:\n${out}`)));
  });
}

/** A dashboard page on its own origin that embeds the widget from `cdn`. */
async function crossOriginDashboard(name, cdn) {
  const dir = join(work, `dashboard-${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'),
    '<!doctype html><html lang="en"><title>Dashboard</title><body><h1>Dashboard</h1>' +
    `<script src="${cdn}/help-widget.js" data-bundle="${cdn}/bundle/"></script></body></html>`);
  return `${await staticServer(dir)}/`;
}

/** The console errors the loader itself logs on `page`, as they come. */
function loaderErrors(page) {
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && msg.text().startsWith('help widget:')) errors.push(msg.text());
  });
  return errors;
}

const $ = (page, selector) => page.locator(`help-widget-root >> ${selector}`);

async function searchFor(page, query) {
  await $(page, 'button.hw-launcher').click();
  await $(page, '.hw-search-input').fill(query);
  await $(page, '.hw-result .hw-result-title').first().waitFor();
  return $(page, '.hw-result .hw-result-title').allTextContents();
}

before(async () => {
  copyFileSync(BIN, join(work, 'index-builder'));
  chmodSync(join(work, 'index-builder'), 0o755);
  assert.deepEqual(readdirSync(work), ['index-builder']);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  for (const server of servers) server.close();
});

test('init, check and dist run from the binary alone', () => {
  assert.match(ib('init', 'help'), /starter help center/);
  assert.match(ib('check', 'help'), /2 article\(s\) in 2 locale\(s\), no problems \(3 files, 0 signed-in\)/);
  const started = Date.now();
  const out = ib('dist', 'help', '--out', 'public', '--base-url', 'https://help.example/widget/');
  console.log(`# dist of the starter: ${Date.now() - started} ms`);
  assert.match(out, /dist ready in public/);
  assert.match(out, /<script src="https:\/\/help\.example\/widget\/help-widget-[0-9a-f]{16}\.js" integrity="sha384-/);
  const files = readdirSync(join(work, 'public'));
  for (const name of ['help-widget.js', 'help-widget.js.br', 'help-widget.js.gz', '_headers', 'integrity.txt', 'README.txt', 'bundle']) {
    assert.ok(files.includes(name), `${name} missing from ${files.join(' ')}`);
  }
  assert.ok(files.some((f) => /^help-widget-[0-9a-f]{12,16}_bg\.wasm\.br$/.test(f)), files.join(' '));
  assert.ok(statSync(join(work, 'public/bundle/manifest.json')).size > 0);
});

test('the dist folder works from a plain static server on the same origin', async () => {
  writeFileSync(join(work, 'index.html'),
    '<!doctype html><html lang="en"><title>Dashboard</title><body><h1>Dashboard</h1>' +
    '<script src="/public/help-widget.js" data-bundle="/public/bundle/" data-locale="en"></script></body></html>');
  const origin = await staticServer(work);
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(`${origin}/`);
  const titles = await searchFor(page, 'passwrd');
  assert.equal(titles[0], 'Reset your password', titles.join(' | '));
  assert.deepEqual(errors, []);
  await page.close();
});

test('serve previews, reloads after a save and shows problems as an overlay', async () => {
  const { child, url } = await startServe('help');
  try {
    const page = await browser.newPage();
    await page.goto(`${url}/?route=/account`);
    const titles = await searchFor(page, 'password');
    assert.equal(titles[0], 'Reset your password');
    await $(page, '.hw-result').first().click();
    await $(page, '.hw-article-title').waitFor();
    assert.equal(await $(page, '.hw-article-title').textContent(), 'Reset your password');

    // A save: the page reloads by itself, back on the same article.
    const file = join(work, 'help/articles/en/reset-password.md');
    const text = readFileSync(file, 'utf8');
    const saved = Date.now();
    writeFileSync(file, text.replace('title = "Reset your password"', 'title = "Reset a forgotten password"'));
    await $(page, '.hw-article-title:has-text("Reset a forgotten password")').waitFor({ timeout: 20000 });
    console.log(`# save to reloaded preview: ${Date.now() - saved} ms`);

    // A mistake: an overlay names the file and line; the widget still works.
    writeFileSync(file, text.replace('title = ', 'titel = '));
    const overlay = page.locator('#overlay');
    await overlay.waitFor({ state: 'visible', timeout: 20000 });
    const problems = await page.locator('#problems').textContent();
    assert.match(problems, /articles\/en\/reset-password\.md:3: /, problems);
    assert.ok(await $(page, '.hw-panel').isVisible());

    writeFileSync(file, text);
    await overlay.waitFor({ state: 'hidden', timeout: 20000 });
    await $(page, '.hw-article-title:has-text("Reset your password")').waitFor({ timeout: 20000 });
    await page.close();
  } finally {
    child.kill();
  }
});

test('on another origin without CORS, one console error names the header and the URL, and the contacts show', async () => {
  const cdn = await staticServer(join(work, 'public'));
  const dashboard = await crossOriginDashboard('no-cors', cdn);
  const page = await browser.newPage();
  const ours = loaderErrors(page);
  await page.goto(dashboard);
  await $(page, 'button.hw-launcher').click();
  await $(page, '.hw-fallback').waitFor();
  assert.match(await $(page, '.hw-fallback').textContent(), /\+1-555-0100/);
  await page.waitForTimeout(500);
  assert.equal(ours.length, 1, ours.join('\n'));
  assert.match(ours[0], /Access-Control-Allow-Origin/);
  assert.match(ours[0], new RegExp(`${cdn}/help-widget-[0-9a-f]{12,16}(_bg\\.wasm|\\.js)`));
  await page.close();
});

test('a bundle refused for CORS gets one console error naming its manifest, and the panel shows the contacts', async () => {
  const cdn = await staticServer(join(work, 'public'), { cors: (path) => !path.startsWith('/bundle/') });
  const dashboard = await crossOriginDashboard('app-cors-only', cdn);
  const page = await browser.newPage();
  const ours = loaderErrors(page);
  await page.goto(dashboard);
  await $(page, 'button.hw-launcher').click();
  await $(page, '.hw-panel .hw-error').waitFor();
  await $(page, '.hw-panel a[href^="tel:"]').first().waitFor();
  assert.match(await $(page, '.hw-panel').textContent(), /\+1-555-0100/);
  await page.waitForTimeout(500);
  assert.equal(ours.length, 1, ours.join('\n'));
  assert.match(ours[0], /Access-Control-Allow-Origin/);
  assert.ok(ours[0].includes(`${cdn}/bundle/manifest.json`), ours[0]);
  await page.close();
});

test('on another origin with CORS, the widget works', async () => {
  const cdn = await staticServer(join(work, 'public'), { cors: true });
  const dashboard = await crossOriginDashboard('cors', cdn);
  const page = await browser.newPage();
  await page.goto(dashboard);
  const titles = await searchFor(page, 'welcome');
  assert.equal(titles[0], 'Welcome to the help center');
  await page.close();
});
