// axe-core on every view, dialog and panel (issue 24, point 4): 0 violations of any impact, in
// English and Dutch. axe is injected from node_modules with page.evaluate (the app's CSP,
// `script-src 'self'`, refuses a script tag). Every check of a language is collected first and
// reported together, so one run lists everything that is wrong.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, openPage, partsLoaded, seedTemplate, ROOT } from './support.mjs';

const AXE = fs.readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** What the tests click, by language. */
const NAMES = {
  en: {
    language: 'English', title: 'KPI Structure', begin: 'Start from a template', templates: 'Templates',
    models: 'Models', compare: 'Compare', history: 'History', paste: 'Paste values', find: 'Find',
    found: 'Found', cancel: 'Cancel', close: 'Close meeting', earlier: 'Earlier meetings', open: 'Open',
    kpisTab: 'KPIs', valuesTab: 'Values', meetingTab: 'Meeting', structureTab: 'Structure',
    toPaste: 'Values to paste', merge: 'Merge', conflicts: 'Conflicts', columns: 'Columns', columnsShown: 'Columns shown',
    showTable: 'Show as table', newModel: 'New model', addAction: 'Add action',
    action: 'Action',
    chainsTab: 'Chains', addAgreement: 'Add agreement', diagram: 'KPI structure diagram',
    kpiDescription: /^97\.5%, on target$/, linkDescription: /^Step 2, (on target|at risk|off target|no value)$/,
  },
  nl: {
    language: 'Nederlands', title: 'KPI-structuur', begin: 'Begin met een sjabloon', templates: 'Sjablonen',
    models: 'Modellen', compare: 'Vergelijken', history: 'Geschiedenis', paste: 'Waarden plakken',
    find: 'Zoeken', found: 'Gevonden', cancel: 'Annuleren', close: 'Overleg afsluiten',
    earlier: 'Eerdere overleggen', open: 'Openen', kpisTab: 'KPI\'s', valuesTab: 'Waarden',
    meetingTab: 'Ketenoverleg', structureTab: 'Structuur', toPaste: 'Te plakken waarden',
    diagram: 'Diagram van de KPI-structuur', merge: 'Samenvoegen', conflicts: 'Conflicten',
    columns: 'Kolommen', columnsShown: 'Getoonde kolommen',
    showTable: 'Toon als tabel', newModel: 'Nieuw model', addAction: 'Actie toevoegen', action: 'Actie',
    chainsTab: 'Ketens', addAgreement: 'Afspraak toevoegen',
    kpiDescription: /^97,5%, op norm$/, linkDescription: /^Stap 2, (op norm|risico|buiten norm|geen waarde)$/,
  },
};

const KPI = 'Machines installed on time';

/** Runs axe on the whole page; adds each violation (with where it was seen) to `found`. */
async function check(page, where, found) {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  });
  for (const v of violations) found.push({ where, ...v });
}

function report(found) {
  return found.map((v) => `\n[${v.where}] ${v.id} (${v.impact}), ${v.nodes.length} node(s):` +
    v.nodes.slice(0, 6).map((n) => `\n    ${n.target}\n      ${n.summary.replace(/\n/g, '\n      ')}`).join('')
  ).join('');
}

async function setLanguage(page, lang) {
  await page.getByRole('combobox', { name: /Language|Taal/ }).selectOption({ label: NAMES[lang].language });
}

for (const lang of ['en', 'nl']) {
  test(`the start screen, its template list and the Templates menu: no axe violations (${lang})`, async () => {
    const n = NAMES[lang];
    const found = [];
    const { page, context, errors } = await openPage(browser, server.url);
    await setLanguage(page, lang);
    const start = page.getByRole('region', { name: n.title });
    await start.getByRole('heading', { level: 1, name: n.title }).waitFor();
    await page.locator('html[data-idle]').waitFor({ state: 'attached', timeout: 15000 });
    await check(page, `${lang} start`, found);
    await start.getByRole('button', { name: n.begin }).click();
    await start.getByRole('list', { name: n.templates }).getByRole('listitem').first().waitFor();
    await check(page, `${lang} start, templates listed`, found);
    await page.getByRole('button', { name: n.templates, exact: true }).first().click();
    await page.locator('.menu-panel').getByRole('button').first().waitFor();
    await check(page, `${lang} Templates menu`, found);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: n.models, exact: true }).click();
    await page.getByRole('region', { name: n.models }).waitFor();
    await check(page, `${lang} start, Models panel`, found);
    assert.deepEqual(found, [], report(found));
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(`every view, the inspector, the dialogs and panels: no axe violations (${lang})`, async () => {
    const n = NAMES[lang];
    const found = [];
    // Two saved copies of the coffee template (one with another target), so Compare has
    // something to show.
    const { init, model } = seedTemplate('coffee-machines.en.kpi.json');
    const other = structuredClone(model);
    other.id = 'mother';
    other.name = `${model.name} (copy)`;
    other.modified = model.modified - 60000;
    const entry = JSON.stringify({ version: 2, rev: 1, model: other });
    const seedBoth = ([seed, key, entry]) => {
      if (!sessionStorage.getItem('seeded')) localStorage.setItem(key, entry);
      // The seed of support.mjs runs after this one and marks the session as seeded.
      const [k, e] = seed;
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(k, e);
        sessionStorage.setItem('seeded', '1');
      }
    };
    const { page, context, errors } = await openPage(browser, server.url, {
      init: [seedBoth, [init[1], 'kpi-structure:model:mother', entry]],
    });
    await setLanguage(page, lang);
    await page.getByRole('textbox', { name: lang === 'en' ? 'Model name' : 'Modelnaam' }).waitFor();
    await partsLoaded(page);
    await page.locator('html[data-idle]').waitFor({ state: 'attached', timeout: 15000 });

    // Every tab, nothing selected.
    const tabs = page.getByRole('tab');
    const count = await tabs.count();
    assert.ok(count >= 9, `${count} tabs`);
    const tabNames = [];
    for (let i = 0; i < count; i++) {
      const tab = tabs.nth(i);
      const name = (await tab.innerText()).trim();
      tabNames.push(name);
      await tab.click();
      await page.waitForFunction((i) => document.querySelectorAll('[role=tab]')[i]
        ?.getAttribute('aria-selected') === 'true', i);
      await page.waitForLoadState('networkidle');
      await check(page, `${lang} ${name}`, found);
    }

    // A KPI selected in the inspector, on the KPIs view, Structure and Values.
    await page.getByRole('tab', { name: n.kpisTab }).click();
    await page.getByRole('button', { name: KPI, exact: true }).first().click();
    await page.getByRole('textbox', { name: lang === 'en' ? 'Definition' : 'Definitie' }).waitFor();
    // The table's column chooser, open (where the build has one: it came with issue 24).
    const columns = page.getByRole('button', { name: n.columns, exact: true });
    if (await columns.count()) {
      await columns.click();
      await page.getByRole('group', { name: n.columnsShown }).waitFor();
      await check(page, `${lang} ${n.kpisTab}, Columns open`, found);
      await columns.click();
    }
    await page.getByText(n.showTable, { exact: true }).first().click();
    await page.locator('.trend-table table').first().waitFor();
    await check(page, `${lang} ${n.kpisTab}, KPI selected, its trend as a table`, found);
    await page.getByRole('tab', { name: n.structureTab }).click();
    await check(page, `${lang} ${n.structureTab}, KPI selected`, found);
    // The diagram's buttons: the element's name as name; step, value and status described.
    const diagram = page.getByRole('group', { name: n.diagram });
    const box = diagram.getByRole('button', { name: KPI, exact: true });
    assert.match(await box.getAttribute('aria-description'), n.kpiDescription);
    const link = diagram.getByRole('button', { name: 'Planning', exact: true }).first();
    assert.match(await link.getAttribute('aria-description'), n.linkDescription);

    // A goal in the inspector (Structure), a link in the inspector (Chains).
    await diagram.getByRole('button', { name: 'Satisfied customers', exact: true }).click();
    await check(page, `${lang} ${n.structureTab}, goal selected`, found);
    await page.getByRole('tab', { name: n.chainsTab, exact: true }).click();
    await page.getByRole('button', { name: 'Planning', exact: true }).first().click();
    await page.getByRole('button', { name: n.addAgreement }).waitFor();
    await check(page, `${lang} ${n.chainsTab}, link selected`, found);
    await page.getByRole('tab', { name: n.structureTab }).click();

    // Find with matches listed.
    const find = page.getByRole('searchbox', { name: n.find });
    await find.fill('mach');
    await page.getByRole('list', { name: n.found }).getByRole('listitem').first().waitFor();
    await check(page, `${lang} Find results`, found);
    await find.press('Escape');

    // The Templates menu and the Models panel over the editor.
    await page.getByRole('button', { name: n.templates, exact: true }).click();
    await page.locator('.menu-panel').getByRole('button').first().waitFor();
    await check(page, `${lang} editor, Templates menu`, found);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: n.models, exact: true }).click();
    await page.getByRole('region', { name: n.models }).waitFor();
    await check(page, `${lang} editor, Models panel`, found);
    await page.getByRole('button', { name: n.models, exact: true }).click();
    await page.getByRole('region', { name: n.models }).waitFor({ state: 'detached' });

    // Compare: the choice, then the differences with the copy.
    await page.getByRole('button', { name: n.compare, exact: true }).click();
    const compare = page.getByRole('dialog');
    await compare.getByRole('button', { name: other.name, exact: true }).waitFor();
    await check(page, `${lang} Compare`, found);
    await compare.getByRole('button', { name: other.name, exact: true }).click();
    await compare.getByRole('list').first().getByRole('listitem').first().waitFor();
    await check(page, `${lang} Compare, differences`, found);
    // No common restore point: Merge asks about every difference.
    await compare.getByRole('button', { name: n.merge, exact: true }).click();
    await compare.getByRole('list', { name: n.conflicts }).getByRole('listitem').first().waitFor();
    await check(page, `${lang} Merge, conflicts`, found);
    await page.keyboard.press('Escape');
    await compare.waitFor({ state: 'detached' });

    // History.
    await page.getByRole('button', { name: n.history, exact: true }).click();
    await page.getByRole('dialog').waitFor();
    await check(page, `${lang} History`, found);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    // Paste values with a preview that has a problem.
    await page.getByRole('tab', { name: n.valuesTab, exact: true }).click();
    await check(page, `${lang} ${n.valuesTab}, KPI selected`, found);
    await page.getByRole('button', { name: n.paste }).click();
    const paste = page.getByRole('dialog', { name: n.paste });
    await paste.getByRole('textbox', { name: n.toPaste }).fill(`KPI\t2026-10\n${KPI}\t95\nNo such KPI\tabc`);
    await paste.getByText('No such KPI').first().waitFor();
    await check(page, `${lang} Paste values`, found);
    await paste.getByRole('button', { name: n.cancel }).click();
    await paste.waitFor({ state: 'detached' });

    // An earlier meeting's record.
    await page.getByRole('tab', { name: n.meetingTab, exact: true }).click();
    await page.getByRole('button', { name: n.addAction }).click();
    await page.getByRole('textbox', { name: n.action, exact: true }).last().fill('Hire a fitter');
    await check(page, `${lang} ${n.meetingTab}, an action added`, found);
    await page.getByRole('button', { name: n.close }).click();
    const earlier = page.getByRole('list', { name: n.earlier }).getByRole('listitem');
    await earlier.first().getByRole('button', { name: n.open, exact: true }).click();
    await page.getByRole('dialog').waitFor();
    await check(page, `${lang} earlier meeting's record`, found);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await check(page, `${lang} ${n.meetingTab}, after a meeting`, found);

    // An empty model: every view's hint.
    const label = lang === 'en' ? 'Model name' : 'Modelnaam';
    const before = await page.getByRole('textbox', { name: label }).inputValue();
    await page.getByRole('button', { name: n.newModel, exact: true }).first().click();
    await page.waitForFunction(([label, before]) => {
      const box = document.querySelector(`input[aria-label="${label}"]`);
      return box && box.value !== before;
    }, [label, before]);
    for (let i = 0; i < count; i++) {
      await tabs.nth(i).click();
      await page.waitForFunction((i) => document.querySelectorAll('[role=tab]')[i]
        ?.getAttribute('aria-selected') === 'true', i);
      await check(page, `${lang} empty model, ${tabNames[i]}`, found);
    }

    assert.deepEqual(found, [], report(found));
    assert.deepEqual(errors, []);
    await context.close();
  });
}
