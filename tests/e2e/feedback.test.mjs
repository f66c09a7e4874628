// Feedback that is never lost, against the real feedback server (axum and
// SQLite): the server is stopped, votes are cast, the server comes back,
// and the stored counts are exact: nothing lost, nothing doubled.
//
// The dashboard posts to its own `/feedback`; here the browser's requests
// for it are forwarded to a feedback-server process this test starts and
// stops, so a stopped server is exactly what the widget meets.
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

/** Starts feedback-server on `port` with `db`; resolves once it listens. */
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

async function showArticle(page, id) {
  await page.evaluate((i) => window.HelpWidget.showArticle(i), id);
  await $(page, `.hw-feedback[data-article-id="${id}"] button`).first().waitFor();
}

test('votes cast while the feedback server is down are counted exactly once it is back', async (t) => {
  if (!BIN || !BUNDLE) throw new Error('FEEDBACK_SERVER_BIN and FEEDBACK_BUNDLE are set by `cargo xtask test`');
  const port = await freePort();
  const db = join(mkdtempSync(join(tmpdir(), 'hw-feedback-')), 'votes.sqlite');
  let server = await startServer(port, db);
  t.after(() => server && server.kill('SIGKILL'));

  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(err.message));
  // Forward the widget's feedback requests to the feedback server. When
  // it is down, the browser sees a refused connection. `loseAnswers` lets
  // the server store a vote but loses its answer, as a timeout would.
  let loseAnswers = false;
  let lost = 0;
  await context.route(/\/feedback(\/[^/?#]+)?$/, async (route) => {
    const url = new URL(route.request().url());
    try {
      const response = await route.fetch({ url: `http://127.0.0.1:${port}${url.pathname}` });
      if (loseAnswers && route.request().method() === 'POST') {
        lost += 1;
        return route.abort('timedout');
      }
      return route.fulfill({ response });
    } catch {
      return route.abort('connectionrefused');
    }
  });

  await page.goto(new URL('/', BASE_URL).href);
  await $(page, 'button.hw-launcher').click();
  await showArticle(page, 'find-site-id');

  // Server up: a yes is stored, and the widget shows the count.
  await $(page, '.hw-feedback[data-article-id="find-site-id"] button').first().click();
  await $(page, '.hw-helpful-count').waitFor();
  assert.equal(await $(page, '.hw-helpful-count').textContent(), '1 out of 1 found this helpful');
  assert.deepEqual(await counts(port, 'find-site-id'), { helpful: 1, total: 1 });

  // Server down: the reader changes that vote to a no, and votes on
  // another article; both wait in localStorage.
  await stopServer(server);
  server = null;
  await page.reload();
  await $(page, 'button.hw-launcher').click();
  await showArticle(page, 'find-site-id');
  await $(page, '.hw-feedback[data-article-id="find-site-id"] .hw-change-vote').click();
  await $(page, '.hw-feedback[data-article-id="find-site-id"] .hw-vote-no').click();
  await showArticle(page, 'create-links');
  await $(page, '.hw-feedback[data-article-id="create-links"] button').first().click();
  await page.waitForFunction((key) => {
    const queue = JSON.parse(localStorage.getItem(key) || '[]');
    return queue.length === 2;
  }, QUEUE);

  // Back up, but the first answers are lost on the way: the server stores
  // the votes, the widget keeps them queued and sends them again later.
  server = await startServer(port, db);
  loseAnswers = true;
  await context.setOffline(true);
  await context.setOffline(false);
  const deadline = Date.now() + 10000;
  while (lost < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  assert.equal(lost, 2, 'both queued votes reached the server');
  assert.equal(JSON.parse(await page.evaluate((k) => localStorage.getItem(k) || '[]', QUEUE)).length, 2,
    'unanswered votes stay queued');

  // Answers get through again: the retries count once, and the change
  // replaced the reader's yes.
  loseAnswers = false;
  await context.setOffline(true);
  await context.setOffline(false);
  await page.waitForFunction((k) => !localStorage.getItem(k), QUEUE, { timeout: 10000 });
  assert.deepEqual(await counts(port, 'find-site-id'), { helpful: 0, total: 1 });
  assert.deepEqual(await counts(port, 'create-links'), { helpful: 1, total: 1 });

  // After a reload the reader sees the stored counts.
  await page.reload();
  await $(page, 'button.hw-launcher').click();
  await showArticle(page, 'find-site-id');
  await $(page, '.hw-helpful-count').waitFor();
  assert.equal(await $(page, '.hw-helpful-count').textContent(), '0 out of 1 found this helpful');
  await page.screenshot({ path: screenshotPath('feedback-counts.png') });
  assert.deepEqual(problems, []);
  await context.close();
});
