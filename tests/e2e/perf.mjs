// Keystroke-to-paint benchmark (not a test): `make bench-ui`. Types into the selected KPI's
// Name field and measures, with performance marks, from the input event to the next frame
// (requestAnimationFrame + a task, i.e. after style, layout and paint of that frame).
// Models: the Coffee machines template and a generated 200-chain / 3,000-KPI model.
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, openPage, ROOT } from './support.mjs';

/** A 200-chain / 3,000-KPI model in the file format's model shape. */
export function largeModel(chains = 200, kpis = 3000) {
  const m = { id: 'mlarge', name: 'Large model', organisation: '', description: '', goals: [], kpis: [], chains: [], departments: [], created: 0, modified: 0 };
  const kpi = (id, name, at, drives = []) => ({ id, name, at, definition: '', formula: '', unit: '%', direction: 'higher', target: '95', amber: '90', red: '80', frequency: 'monthly', owner: 'Owner', data_source: '', value_type: 'customer', drives });
  for (let d = 0; d < 12; d++) m.departments.push({ id: `d${d}`, name: `Department ${d}`, description: '' });
  for (let g = 0; g < 4; g++) {
    m.goals.push({ id: `g${g}`, name: `Goal ${g}`, description: '' });
    m.kpis.push(kpi(`r${g}`, `Result KPI ${g}`, { level: 'result', goal: `g${g}` }));
  }
  let n = 0;
  for (let c = 0; c < chains; c++) {
    const links = [];
    for (let l = 0; l < 5; l++) links.push({ id: `l${l}`, name: `Link ${c}.${l}`, description: '', department: `d${(c + l) % 12}`, external: l === 4 && c % 7 === 0, owner: '' });
    m.chains.push({ id: `c${c}`, name: `Chain ${c}`, description: '', customer: 'Customer', trigger: `Need ${c}`, outcome: `Outcome ${c}`, owner: `Owner ${c}`, links });
    for (let k = 0; k < 3; k++) m.kpis.push(kpi(`c${c}k${k}`, `Chain KPI ${c}.${k}`, { level: 'chain', chain: `c${c}` }, [`r${(c + k) % 4}`]));
  }
  let i = 0;
  while (m.kpis.length < kpis) {
    const c = i % chains; const l = Math.floor(i / chains) % 5;
    m.kpis.push(kpi(`lk${i}`, `Link KPI ${i}`, { level: 'link', chain: `c${c}`, link: `l${l}` }, [`c${c}k${i % 3}`]));
    i++; n++;
  }
  return m;
}

/** Selects the KPI in the Structure view (the inspector then shows it in every view). */
async function selectKpi(page, kpiName) {
  await page.getByRole('tab', { name: 'Structure' }).click();
  await page.getByRole('button', { name: kpiName, exact: true }).first().click();
}

async function measure(page, tab) {
  await page.getByRole('tab', { name: tab }).click();
  const input = page.getByLabel('Name', { exact: true });
  await input.waitFor();
  return page.evaluate(async () => {
    const input = document.querySelector('.inspector-form input[type=text]');
    const samples = [];
    for (let i = 0; i < 40; i++) {
      await new Promise((done) => {
        performance.mark('key');
        input.value += 'x';
        input.dispatchEvent(new Event('input', { bubbles: true }));
        requestAnimationFrame(() => setTimeout(() => {
          performance.mark('painted');
          samples.push(performance.measure('keystroke-to-paint', 'key', 'painted').duration);
          done();
        }, 0));
      });
    }
    samples.sort((a, b) => a - b);
    return { median: samples[samples.length >> 1], p90: samples[Math.floor(samples.length * 0.9)], max: samples.at(-1) };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await serve();
  const browser = await launch();
  const coffee = JSON.parse(fs.readFileSync(path.join(ROOT, 'public/templates/coffee-machines.en.kpi.json'), 'utf8')).model;
  const models = [
    ['coffee template', { ...coffee, id: 'mcoffee' }, 'Machines installed on time'],
    ['200 chains / 3,000 KPIs', largeModel(), 'Chain KPI 100.1'],
  ];
  for (const [label, model, kpiName] of models) {
    const entry = JSON.stringify({ rev: 1, model: { ...model, modified: Date.now() } });
    const init = [([k, v]) => { localStorage.setItem(k, v); }, [`kpi-structure:model:${model.id}`, entry]];
    const t0 = Date.now();
    const { page, context } = await openPage(browser, server.url, { init });
    await page.getByRole('textbox', { name: 'Model name' }).waitFor();
    console.log(`${label}: ${model.kpis.length} KPIs, opened in ${Date.now() - t0} ms`);
    await selectKpi(page, kpiName);
    for (const tab of ['Structure', 'Chains', 'KPIs', 'Matrix', 'Health']) {
      const t1 = Date.now();
      const r = await measure(page, tab).catch((e) => ({ error: e.message.split('\n')[0] }));
      const ms = (v) => (typeof v === 'number' ? `${v.toFixed(1)} ms` : v);
      console.log(`  ${tab.padEnd(10)} keystroke-to-paint median ${ms(r.median)}, p90 ${ms(r.p90)}, max ${ms(r.max)}${r.error ? ' ' + r.error : ''} (tab switch + 40 keys: ${Date.now() - t1} ms)`);
    }
    await context.close();
  }
  await browser.close();
  await server.close();
}
