// A newcomer's first screen (issue 23): what the app is for, three ways to begin in the
// centre, the templates with what each holds; the Models panel stays closed on day one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, screenshot } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The text an element's aria-describedby points at. */
async function description(locator) {
  return locator.evaluate((el) => (el.getAttribute('aria-describedby') || '').split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim());
}

for (const [width, height] of [[1280, 800], [1024, 768], [412, 915]]) {
  test(`the first screen at ${width}x${height}: what the app is for and how to begin, EN and NL`, async () => {
    const { page, context, errors } = await openPage(browser, server.url, { viewport: { width, height } });
    const start = page.getByRole('region', { name: 'KPI Structure' });
    await start.getByRole('heading', { level: 1, name: 'KPI Structure' }).waitFor();
    assert.match(await start.innerText(), /customer chains/);
    // Day one: no Models panel, no storage notes.
    assert.equal(await page.getByRole('region', { name: 'Models' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Models' }).getAttribute('aria-expanded'), 'false');
    // The three ways to begin, in the centre.
    const begin = start.getByRole('button', { name: 'Start from a template' });
    await start.getByRole('button', { name: 'New model' }).waitFor();
    await start.getByLabel('Import JSON').waitFor({ state: 'attached' });
    // A team's shared folder is a way in too (the Models panel, closed, keeps its own).
    await start.getByRole('button', { name: 'Open folder' }).or(start.getByLabel('Open folder')).first().waitFor({ state: 'attached' });
    const box = await begin.boundingBox();
    const mid = box.x + box.width / 2;
    assert.ok(mid > width * 0.2 && mid < width * 0.8, `centre ${mid} of ${width}`);
    // No sideways scroll.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
    assert.equal(await begin.getAttribute('aria-expanded'), 'false');
    await begin.click();
    const list = start.getByRole('list', { name: 'Templates' });
    const coffee = list.getByRole('button', { name: 'Coffee machines', exact: true });
    await coffee.waitFor();
    assert.equal(await list.getByRole('listitem').count(), 4);
    assert.match(await description(coffee), /coffee machine supplier/);
    await screenshot(page, `start-${width}-en`);

    // In Dutch.
    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Nederlands' });
    const nl = page.getByRole('region', { name: 'KPI-structuur' });
    await nl.getByRole('button', { name: 'Begin met een sjabloon' }).waitFor();
    assert.match(await nl.innerText(), /klantketens/);
    const koffie = nl.getByRole('button', { name: 'Koffiemachines', exact: true });
    assert.match(await description(koffie), /koffiemachines/);
    await screenshot(page, `start-${width}-nl`);
    // Choosing one opens it.
    await koffie.click();
    await page.getByRole('textbox', { name: 'Modelnaam' }).waitFor();
    assert.equal(await nl.count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the Templates menu says what each template holds; the start screen’s New model starts one', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  await page.getByRole('button', { name: 'Templates' }).click();
  const menu = page.locator('.menu-panel');
  const orders = menu.getByRole('button', { name: 'Order to cash', exact: true });
  await orders.waitFor();
  assert.match(await description(orders), /order to the payment received/);
  await page.keyboard.press('Escape');
  await page.getByRole('region', { name: 'KPI Structure' }).getByRole('button', { name: 'New model' }).click();
  await page.getByRole('textbox', { name: 'Model name' }).waitFor();
  assert.equal(await page.getByRole('region', { name: 'KPI Structure' }).count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('before the wasm arrives, the first screen is already painted (index.html), in Dutch where the app speaks Dutch', async () => {
  for (const [locale, lead, button] of [
    ['en-GB', /^Build the KPI structure of an organisation/, 'Start from a template'],
    ['nl-NL', /^Bouw de KPI-structuur van een organisatie/, 'Begin met een sjabloon'],
  ]) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale });
    const page = await context.newPage();
    // The app's code never arrives: what shows is index.html alone.
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto(server.url);
    const shell = page.locator('#boot-shell');
    await shell.locator('p.start-lead').waitFor();
    assert.match(await shell.locator('p.start-lead').innerText(), lead);
    const start = shell.locator('button.primary');
    assert.equal(await start.innerText(), button);
    assert.equal(await start.isDisabled(), true, 'a control painted before the app works is disabled');
    // Hidden from assistive technology until the app takes over.
    assert.equal(await page.getByRole('button', { name: button }).count(), 0);
    await context.close();
  }
  // With the app, the static screen is gone and the app's own controls work.
  const { page, context, errors } = await openPage(browser, server.url);
  await page.getByRole('button', { name: 'Start from a template' }).click();
  assert.equal(await page.locator('#boot-shell').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the app takes the first screen over part by part with no frame showing both or neither', async () => {
  // Each frame, just before it is painted: how many headers and start screens the page holds
  // (the static first screen's and the app's; the app builds its header and its workspace in
  // separate tasks, ui::mount).
  const init = () => {
    window.__frames = [];
    const tick = () => {
      window.__frames.push({
        headers: document.querySelectorAll('header.topbar').length,
        leads: document.querySelectorAll('p.start-lead').length,
        shell: !!document.getElementById('boot-shell'),
      });
      if (!window.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
  const { page, context, errors } = await openPage(browser, server.url, { init });
  await page.getByRole('region', { name: 'KPI Structure' }).getByRole('button', { name: 'Start from a template' }).waitFor();
  // A few frames more with the app alone.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const frames = await page.evaluate(() => { window.__stop = true; return window.__frames; });
  const shown = frames.slice(frames.findIndex((f) => f.leads > 0));
  assert.ok(shown.some((f) => f.shell), 'a frame with the static first screen');
  assert.ok(shown.some((f) => !f.shell), 'a frame with the app alone');
  for (const f of shown) {
    assert.deepEqual([f.headers, f.leads], [1, 1], `one header and one start screen in every frame: ${JSON.stringify(shown)}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
