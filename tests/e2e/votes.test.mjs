// One reader, one vote per article: the widget remembers the reader's vote
// and shows it on return ("You found this helpful · Change"), a change
// replaces the earlier vote on the real feedback server (axum and SQLite),
// a repeat adds nothing, and a change while the server is down replaces
// the queued vote. After a No, the reader is asked what was missing (sent
// as the vote's comment) and offered Contact support.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { BASE_URL, launch, screenshotPath, $ } from './browser.mjs';

const BIN = process.env.FEEDBACK_SERVER_BIN;
const BUNDLE = process.env.FEEDBACK_BUNDLE;
const QUEUE = 'help-widget:feedback-queue';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
    s.on('error', reject);
  });
}

function startServer(port, db) {
  return new Promise((resolve, reject) => {
    const child = spawn(BIN, ['--db', db, '--bundle', BUNDLE, '--listen', `127.0.0.1:${port}`], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => { out += d; if (out.includes('listening')) resolve(child); });
    child.stderr.on('data', (d) => { out += d; });
    child.on('exit', (code) => reject(new Error(`feedback-server exited (${code}): ${out}`)));
  });
}

function stopServer(child) {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', resolve);
    child.kill('SIGKILL');
  });
}

async function counts(port, article) {
  const response = await fetch(`http://127.0.0.1:${port}/feedback/${article}`);
  assert.equal(response.status, 200);
  return response.json();
}

/** A browser context whose /feedback requests reach the server on `port` (or fail when it is down). */
async function forwarded(port) {
  const context = await browser.newContext();
  const posted = [];
  await context.route(/\/feedback(\/[^/?#]+)?$/, async (route) => {
    const url = new URL(route.request().url());
    if (route.request().method() === 'POST') posted.push(JSON.parse(route.request().postData()));
    try {
      const response = await route.fetch({ url: `http://127.0.0.1:${port}${url.pathname}` });
      return route.fulfill({ response });
    } catch {
      return route.abort('connectionrefused');
    }
  });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(err.message));
  return { context, page, posted, problems };
}

async function openArticle(page, id) {
  await page.goto(new URL('/', BASE_URL).href);
  await $(page, 'button.hw-launcher').click();
  await page.evaluate((i) => window.HelpWidget.showArticle(i), id);
  await $(page, `.hw-feedback[data-article-id="${id}"] button`).first().waitFor();
}

const feedback = (page, id) => `.hw-feedback[data-article-id="${id}"]`;

async function waitForCounts(port, article, expected) {
  const deadline = Date.now() + 10000;
  let last;
  while (Date.now() < deadline) {
    last = await counts(port, article);
    if (last.helpful === expected.helpful && last.total === expected.total) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.deepEqual(last, expected);
}

test('three visits by one reader count once, and a change replaces the vote', async (t) => {
  if (!BIN || !BUNDLE) throw new Error('FEEDBACK_SERVER_BIN and FEEDBACK_BUNDLE are set by `cargo xtask test`');
  const port = await freePort();
  const db = join(mkdtempSync(join(tmpdir(), 'hw-votes-')), 'votes.sqlite');
  const server = await startServer(port, db);
  t.after(() => server.kill('SIGKILL'));
  const { context, page, posted, problems } = await forwarded(port);
  const id = 'find-site-id';

  // Visit 1: Yes.
  await openArticle(page, id);
  await $(page, `${feedback(page, id)} .hw-vote-yes`).click();
  await waitForCounts(port, id, { helpful: 1, total: 1 });

  // Visits 2 and 3: the vote is shown, with no question to answer again.
  for (let visit = 2; visit <= 3; visit += 1) {
    await page.reload();
    await openArticle(page, id);
    await $(page, `${feedback(page, id)} .hw-voted`).waitFor();
    assert.equal((await $(page, `${feedback(page, id)} .hw-voted`).textContent()).replace(/\s+/g, ' ').trim(),
      'You found this helpful · Change');
    assert.equal(await $(page, `${feedback(page, id)} .hw-vote-yes`).count(), 0);
  }
  assert.deepEqual(await counts(port, id), { helpful: 1, total: 1 }, 'three visits, one vote');

  // Change: the same answer sends nothing; another answer replaces it.
  const before = posted.length;
  await $(page, `${feedback(page, id)} .hw-change-vote`).click();
  assert.equal(await $(page, `${feedback(page, id)} .hw-vote-yes`).getAttribute('aria-pressed'), 'true');
  await $(page, `${feedback(page, id)} .hw-vote-yes`).click();
  await $(page, `${feedback(page, id)} .hw-voted`).waitFor();
  assert.equal(posted.length, before, 'the same answer again is not sent');
  await $(page, `${feedback(page, id)} .hw-change-vote`).click();
  await $(page, `${feedback(page, id)} .hw-vote-no`).click();
  await waitForCounts(port, id, { helpful: 0, total: 1 });
  assert.match(await $(page, `${feedback(page, id)} .hw-voted`).textContent(), /You did not find this helpful/);

  // After a No: what was missing, sent as the vote's comment, and Contact.
  assert.equal(await $(page, `${feedback(page, id)} label[for="hw-comment"]`).textContent(), 'What was missing? (optional)');
  await $(page, `${feedback(page, id)} .hw-still-stuck .hw-contact-link`).waitFor();
  await $(page, '#hw-comment').fill('How to find the SID on mobile');
  await $(page, `${feedback(page, id)} .hw-send-comment`).click();
  const deadline = Date.now() + 10000;
  while (!posted.some((v) => v.comment) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const withComment = posted.find((v) => v.comment);
  assert.equal(withComment?.comment, 'How to find the SID on mobile');
  assert.equal(withComment.helpful, false);
  // Every vote of this reader carried the same reader id.
  const clients = new Set(posted.map((v) => v.client));
  assert.equal(clients.size, 1);
  assert.match([...clients][0], /^[A-Za-z0-9_-]{8,64}$/);
  assert.deepEqual(await counts(port, id), { helpful: 0, total: 1 });
  await page.screenshot({ path: screenshotPath('votes-changed.png') });

  // Contact support from there.
  await $(page, `${feedback(page, id)} .hw-still-stuck .hw-contact-link`).click();
  await $(page, '#hw-region').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a change while the server is down replaces the queued vote', async (t) => {
  if (!BIN || !BUNDLE) throw new Error('FEEDBACK_SERVER_BIN and FEEDBACK_BUNDLE are set by `cargo xtask test`');
  const port = await freePort();
  const db = join(mkdtempSync(join(tmpdir(), 'hw-votes-')), 'votes.sqlite');
  let server = await startServer(port, db);
  t.after(() => server && server.kill('SIGKILL'));
  const { context, page, problems } = await forwarded(port);
  const id = 'create-links';
  await stopServer(server);
  server = null;

  await openArticle(page, id);
  await $(page, `${feedback(page, id)} .hw-vote-yes`).click();
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k) || '[]').length === 1, QUEUE);
  await $(page, `${feedback(page, id)} .hw-change-vote`).click();
  await $(page, `${feedback(page, id)} .hw-vote-no`).click();
  await page.waitForFunction((k) => {
    const queue = JSON.parse(localStorage.getItem(k) || '[]');
    return queue.length === 1 && queue[0].helpful === false;
  }, QUEUE);

  server = await startServer(port, db);
  await context.setOffline(true);
  await context.setOffline(false);
  await page.waitForFunction((k) => !localStorage.getItem(k), QUEUE, { timeout: 10000 });
  assert.deepEqual(await counts(port, id), { helpful: 0, total: 1 });
  assert.deepEqual(problems, []);
  await context.close();
});
