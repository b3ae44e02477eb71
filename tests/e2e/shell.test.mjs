// The app shell as a person uses it: create, name, reload, list; language; blocked storage.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, screenshot } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('a new model, once named, is still there after a reload', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  await page.getByRole('button', { name: 'New model' }).first().click();
  const name = page.getByRole('textbox', { name: 'Model name' });
  await name.fill('Coffee Company');
  await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();
  await page.reload();
  await assert.doesNotReject(
    page.getByRole('textbox', { name: 'Model name' }).waitFor());
  assert.equal(await page.getByRole('textbox', { name: 'Model name' }).inputValue(), 'Coffee Company');
  await page.getByRole('button', { name: 'Models' }).click();
  const row = page.getByRole('listitem').filter({ hasText: 'Coffee Company' });
  assert.equal(await row.count(), 1);
  await screenshot(page, 'shell');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Duplicate copies a model and Delete asks before removing it', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  await page.getByRole('button', { name: 'New model' }).first().click();
  await page.getByRole('textbox', { name: 'Model name' }).fill('Acme');
  await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();
  await page.getByRole('button', { name: 'Models' }).click();
  const row = page.getByRole('listitem').filter({ hasText: /^Acme/ });
  await row.getByRole('button', { name: 'Duplicate' }).click();
  const copy = page.getByRole('listitem').filter({ hasText: 'Copy of Acme' });
  await copy.waitFor();
  await copy.getByRole('button', { name: 'Delete' }).click();
  // Asks first: the model is still listed until confirmed.
  assert.equal(await copy.count(), 1);
  await copy.getByRole('button', { name: 'Delete for good' }).click();
  await copy.waitFor({ state: 'detached' });
  await page.reload();
  await page.getByRole('button', { name: 'Models' }).click();
  assert.equal(await page.getByRole('listitem').filter({ hasText: 'Copy of Acme' }).count(), 0);
  assert.equal(await page.getByRole('listitem').filter({ hasText: /^Acme/ }).count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the language is remembered and html lang follows it', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Nederlands' });
  await page.getByRole('button', { name: 'Nieuw model' }).first().waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
  await page.reload();
  await page.getByRole('button', { name: 'Nieuw model' }).first().waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
  await page.getByRole('combobox', { name: 'Taal' }).selectOption({ label: 'English' });
  await page.getByRole('button', { name: 'New model' }).first().waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.deepEqual(errors, []);
  await context.close();
});

test('with localStorage blocked the app warns in an alert and keeps working', async () => {
  const block = () => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  };
  const { page, context, errors } = await openPage(browser, server.url, { init: block });
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /storage is blocked/);
  await page.getByRole('button', { name: 'New model' }).first().click();
  await page.getByRole('textbox', { name: 'Model name' }).fill('In memory');
  assert.equal(await page.getByRole('textbox', { name: 'Model name' }).inputValue(), 'In memory');
  await page.getByRole('status').filter({ hasText: /^Not saved$/ }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
