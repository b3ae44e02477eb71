// Run: CHROMIUM=/usr/bin/chromium node tests/e2e/measure_journal.mjs (after make build).
// Issue 20 point 6: open the app, New model, type a name, close the tab at once (confirming
// leaving), reopen: is the name kept? 10 tries, each in a fresh browser profile.
import { serve, launch } from './support.mjs';
const server = await serve();
const browser = await launch();
let kept = 0, lost = 0, tries = 10, t0 = Date.now();
for (let i = 0; i < tries; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'New model' }).first().click();
  const box = page.getByRole('textbox', { name: 'Model name' });
  await box.waitFor();
  const name = `Journal ${i}`;
  await box.fill(name);
  page.on('dialog', (d) => d.accept());
  await page.close({ runBeforeUnload: true });
  // wait for the page to be closed (the dialog accepted)
  for (let k = 0; k < 50 && !page.isClosed(); k++) await new Promise((r) => setTimeout(r, 100));
  const again = await context.newPage();
  await again.goto(server.url);
  const nb = again.getByRole('textbox', { name: 'Model name' }); await nb.waitFor({ timeout: 8000 }).catch(() => {}); let found = false; for (let k = 0; k < 50 && !found; k++) { found = (await nb.inputValue().catch(() => '')) === name; if (!found) await new Promise((r) => setTimeout(r, 100)); }
  found ? kept++ : lost++;
  await context.close();
}
console.log(`kept ${kept} of ${tries}, lost ${lost} (${Date.now() - t0} ms)`);
await browser.close(); await server.close();
