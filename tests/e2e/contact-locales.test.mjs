// The contact view in the reader's language and clock: region names and
// the prefilled email in fr, de and pt-BR, times with the locale's leading
// zero, a closure named as today's reason, the time zone picker under
// current names with offsets and a search box, and a way to Contact
// support from every view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, launch, screenshotPath, $, newContextPage } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const clean = (t) => t.replace(/\s+/g, ' ').replace(/[\u202f\u00a0]/g, ' ').trim();

const newPage = (options) => newContextPage(browser, options);

async function openContact(page, path = '/') {
  await page.goto(new URL(path, BASE_URL).href);
  await $(page, 'button.hw-launcher').click();
  await $(page, '.hw-panel').waitFor({ state: 'visible' });
  await $(page, '.hw-contact-link').first().click();
  await $(page, '#hw-region').waitFor();
}

for (const [locale, zone, americas, subject, browserLine, week] of [
  ['fr-FR', 'Europe/Paris', 'États-Unis, Canada, Australie et pays hors d’Europe',
    'Demande d’assistance (SID 3141592)', /Navigateur : Chrome \d+/, /^Tous les jours, de 10:00 à 03:00, heure locale$/],
  ['de-DE', 'Europe/Berlin', 'USA, Kanada, Australien und Länder außerhalb Europas',
    'Supportanfrage (SID 3141592)', /Browser: Chrome \d+\nBetriebssystem: /, /^Täglich, 10:00–03:00, Ihre Ortszeit$/],
  ['pt-BR', 'America/Sao_Paulo', 'Estados Unidos, Canadá, Austrália e países fora da Europa',
    'Solicitação de suporte (SID 3141592)', /Navegador: Chrome \d+/, /06:00/],
]) {
  test(`region names, the email and times read in ${locale}`, async () => {
    const { context, page, problems } = await newPage({ locale, timezoneId: zone });
    await page.clock.setFixedTime(new Date('2026-03-10T12:00:00Z'));
    await openContact(page, '/reports');
    const names = (await $(page, '#hw-region option').allTextContents()).map(clean);
    assert.ok(names.includes(americas), names.join(' | '));
    assert.ok(!names.some((n) => /United|Germany|Brazil/.test(n)), names.join(' | '));
    // The Americas line keeps the seed's hours: times with a leading zero.
    await $(page, '#hw-region').selectOption('americas');
    await $(page, '.hw-week').first().waitFor();
    assert.match(clean(await $(page, '.hw-week').first().textContent()), week);
    // The email, from a region that has one.
    await $(page, '#hw-region').selectOption('europe');
    const mailto = await $(page, 'a.hw-email').getAttribute('href');
    const [, query] = mailto.split('?');
    const params = new URLSearchParams(query.replace(/\+/g, '%2B'));
    assert.equal(params.get('subject'), subject);
    const body = params.get('body');
    assert.match(body, browserLine);
    assert.ok(!/Operating system|step by step|Attach a screenshot/.test(body), body);
    await page.screenshot({ path: screenshotPath(`contact-locale-${locale}.png`) });
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('German office hours have the leading zero: 08:00–17:00', async () => {
  const { context, page, problems } = await newPage({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  await page.clock.setFixedTime(new Date('2026-07-15T10:00:00Z'));
  await openContact(page);
  await $(page, '#hw-region').selectOption('germany');
  await $(page, '.hw-week').first().waitFor();
  assert.deepEqual((await $(page, '.hw-week').allTextContents()).map(clean), ['Mo–Fr, 08:00–17:00, Ihre Ortszeit']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('on Christmas Day the closure is named as today’s reason', async () => {
  const { context, page, problems } = await newPage({ locale: 'en-US', timezoneId: 'America/New_York' });
  await page.clock.setFixedTime(new Date('2026-12-25T12:00:00Z'));
  await openContact(page);
  await $(page, '#hw-region').selectOption('americas');
  await $(page, '.hw-open-status').waitFor();
  assert.equal(clean(await $(page, '.hw-open-status').textContent()),
    'Closed today for Christmas Day · opens tomorrow at 4:00 AM');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the time zone picker lists current names by region, with offsets, and searches', async () => {
  const { context, page, problems } = await newPage({ locale: 'en-US', timezoneId: 'Asia/Kolkata' });
  await page.clock.setFixedTime(new Date('2026-03-10T12:00:00Z'));
  await openContact(page);
  await $(page, '#hw-region').selectOption('americas');
  const zone = $(page, '#hw-zone');
  await zone.waitFor();
  // The browser calls its own zone Asia/Calcutta; the picker says Asia/Kolkata.
  assert.equal(await zone.inputValue(), 'Asia/Kolkata');
  const values = await $(page, '#hw-zone option').evaluateAll((os) => os.map((o) => o.value));
  for (const current of ['Asia/Kolkata', 'Europe/Kyiv', 'UTC', 'America/Argentina/Buenos_Aires']) {
    assert.ok(values.includes(current), current);
  }
  for (const old of ['Asia/Calcutta', 'Europe/Kiev', 'America/Buenos_Aires']) {
    assert.ok(!values.includes(old), old);
  }
  assert.equal(new Set(values).size, values.length, 'no zone twice');
  const groups = await $(page, '#hw-zone optgroup').evaluateAll((gs) => gs.map((g) => g.label));
  assert.equal(groups[0], 'UTC');
  for (const g of ['Africa', 'America', 'Asia', 'Australia', 'Europe', 'Pacific']) assert.ok(groups.includes(g), g);
  assert.equal(clean(await $(page, '#hw-zone option[value="Asia/Kolkata"]').textContent()), 'Kolkata (UTC+05:30)');
  assert.equal(await $(page, '#hw-zone option[value="Asia/Kolkata"]').evaluate((o) => o.parentElement.label), 'Asia');

  // Search: the reader types, the list narrows (their own zone stays).
  const search = $(page, '#hw-zone-search');
  assert.equal(await search.getAttribute('aria-label'), 'Search time zones');
  await search.focus();
  await page.keyboard.type('kyiv');
  await page.waitForFunction(() => {
    const root = document.querySelector('help-widget-root').shadowRoot;
    return root.querySelectorAll('#hw-zone option').length === 2;
  });
  const left = await $(page, '#hw-zone option').evaluateAll((os) => os.map((o) => o.value).sort());
  assert.deepEqual(left, ['Asia/Kolkata', 'Europe/Kyiv']);
  assert.match(await $(page, '#hw-zone-count').textContent(), /^2 time zones$/);
  // The keyboard goes on to the list, and choosing a zone shows its hours.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.querySelector('help-widget-root').shadowRoot.activeElement?.id), 'hw-zone');
  await zone.selectOption('Europe/Kyiv');
  await page.waitForFunction(() => {
    const root = document.querySelector('help-widget-root').shadowRoot;
    return /11:00/.test(root.querySelector('.hw-week')?.textContent ?? '');
  });
  // Escape in the search box clears it, and the whole list is back.
  await search.focus();
  await page.keyboard.press('Escape');
  assert.equal(await search.inputValue(), '');
  assert.ok(await $(page, '#hw-zone option').count() > 300);
  assert.ok(await $(page, '.hw-panel').isVisible(), 'the first Escape only clears the search');
  await page.screenshot({ path: screenshotPath('contact-zone-picker.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('every view has a way to Contact support', async () => {
  const { context, page, problems } = await newPage({ locale: 'en-US' });
  await page.goto(new URL('/', BASE_URL).href);
  await $(page, 'button.hw-launcher').click();
  await $(page, '.hw-suggestion').first().waitFor();
  const contactFrom = async (name) => {
    const links = $(page, 'button.hw-contact-link');
    assert.ok(await links.count() >= 1, `${name} has a Contact support link`);
    assert.equal(clean(await links.first().textContent()), 'Contact support', name);
  };
  await contactFrom('home');
  await $(page, '.hw-search-input').fill('payment');
  await $(page, '.hw-result').first().waitFor();
  await contactFrom('results');
  await $(page, '.hw-result').first().click();
  await $(page, '.hw-article-body').waitFor();
  await contactFrom('article');
  await page.evaluate(() => window.HelpWidget.showArticle('no-such-article'));
  await page.waitForFunction(() => {
    const root = document.querySelector('help-widget-root').shadowRoot;
    return !root.querySelector('.hw-article-body') && root.querySelector('.hw-article .hw-not-found, .hw-article .hw-status');
  });
  await $(page, '.hw-article .hw-not-found').waitFor();
  await contactFrom('not found');
  await $(page, '.hw-article .hw-contact-link').click();
  await $(page, '#hw-region').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
