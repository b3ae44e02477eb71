// Our own files pass our own schema: every template and the export of a fully filled model
// (tests/fixtures/full.kpi.json, written by the Rust writer and kept up to date by
// tests/format_schema.rs) validate against public/kpi-structure.schema.json with ajv 8
// (JSON Schema draft 2020-12). And the full export uses every property, every choice and
// every type the schema allows, so the schema names nothing the writer does not write.
// No browser needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (...parts) => JSON.parse(fs.readFileSync(path.join(ROOT, ...parts), 'utf8'));
const SCHEMA = read('public', 'kpi-structure.schema.json');
const FULL = read('tests', 'fixtures', 'full.kpi.json');
const TEMPLATES = fs.readdirSync(path.join(ROOT, 'public', 'templates'))
  .filter((f) => f.endsWith('.kpi.json'))
  .sort();

function validator() {
  // Strict: an unknown keyword or format, or a `required` property the schema does not
  // define, is an error. `prefixItems` (a run starts with a number) is an open tuple on
  // purpose, which strictTuples would refuse.
  const ajv = new Ajv2020({ strict: true, strictTuples: false, allowUnionTypes: true, allErrors: true });
  // schemars' number formats.
  ajv.addFormat('uint32', { type: 'number', validate: (n) => Number.isInteger(n) && n >= 0 && n <= 0xffffffff });
  ajv.addFormat('double', { type: 'number', validate: Number.isFinite });
  ajv.addSchema(SCHEMA, 'kpi');
  return ajv;
}

const AJV = validator();
const validate = AJV.getSchema('kpi');

function errorsOf(file) {
  return validate(file) ? [] : validate.errors.map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}

test('every template in public/templates passes the schema', () => {
  assert.ok(TEMPLATES.length >= 8, `only ${TEMPLATES.length} templates found`);
  for (const name of TEMPLATES) {
    assert.deepEqual(errorsOf(read('public', 'templates', name)), [], `${name} fails the schema`);
  }
});

test('the export of a fully filled model passes the schema', () => {
  assert.equal(FULL.version, 3);
  assert.deepEqual(errorsOf(FULL), []);
});

// Properties of a newer version on the model and its elements are kept and written back
// (docs/FORMAT.md): the schema allows them there, and only there.
test('the schema allows the properties a newer version adds to the model and its elements', () => {
  const file = structuredClone(FULL);
  file.model.colour = 'blue';
  file.model.goals[0].weight = 2;
  file.model.chains[0].links[0].touchpoint = true;
  file.model.kpis[0].colour = 'red';
  assert.deepEqual(errorsOf(file), []);
});

test('the schema refuses what the app never writes', () => {
  const broken = [
    ['version 1', (f) => { f.version = 1; }],
    ['an unknown field in a meeting', (f) => { f.model.chains[0].meeting.colour = 'red'; }],
    ['an unknown field in the envelope', (f) => { f.colour = 'red'; }],
    ['a norm number as null', (f) => { f.model.kpis[0].target = null; }],
    ['a norm number as text', (f) => { f.model.kpis[0].red = '90'; }],
    ['a missing field the writer always writes', (f) => { delete f.model.kpis[0].drives; }],
    ['a value run keyed by a non-period', (f) => { f.model.kpis[0].values['2026-13'] = [1]; }],
    ['a run starting with a gap', (f) => { f.model.kpis[0].values['2024-01'] = [null, 1]; }],
    ['an empty comment', (f) => { f.model.kpis[0].comments['2024-01'] = ''; }],
    ['a lineage that is not a hash', (f) => { f.lineage.version = 'v1'; }],
    ['an empty meeting', (f) => { f.model.chains[0].meeting = {}; }],
    ['an unknown status', (f) => { f.model.chains[0].meeting.held[0].kpis[0].status = 'green'; }],
  ];
  for (const [what, change] of broken) {
    const file = structuredClone(FULL);
    change(file);
    assert.ok(!validate(file), `the schema accepts ${what}`);
  }
});

// ---- coverage: the full export exercises the whole schema ----------------------------------

/** The schema at a JSON pointer (`#/$defs/Kpi`). */
function at(pointer) {
  return pointer.slice(2).split('/').filter(Boolean)
    .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((node, key) => node[key], SCHEMA);
}

const esc = (key) => key.replaceAll('~', '~0').replaceAll('/', '~1');

/** Follows `$ref`s: the pointer of the schema that applies. */
function deref(pointer) {
  let node = at(pointer);
  while (node.$ref) {
    pointer = node.$ref;
    node = at(pointer);
  }
  return pointer;
}

const branches = new Map();
/** Whether `value` is valid against the subschema at `pointer`. */
function matches(pointer, value) {
  if (!branches.has(pointer)) branches.set(pointer, AJV.compile({ $ref: `kpi${pointer}` }));
  return branches.get(pointer)(value);
}

/**
 * Every place where the schema offers something a file may or may not use, reachable from the
 * root: each property (`…/properties/x`), each alternative (`…/oneOf/1`), each enum value
 * (`…/enum/higher`) and each type of a union (`…/type/null`). With `value`, only those this
 * value uses.
 */
function offers(pointer, value, out = new Set(), seen = new Set()) {
  pointer = deref(pointer);
  const node = at(pointer);
  const walking = value !== undefined;
  if (!walking) {
    if (seen.has(pointer)) return out;
    seen.add(pointer);
  }
  const use = (p, v) => offers(p, walking ? v : undefined, out, seen);
  for (const kind of ['oneOf', 'anyOf']) {
    (node[kind] ?? []).forEach((_, i) => {
      const branch = `${pointer}/${kind}/${i}`;
      if (walking && !matches(branch, value)) return;
      out.add(branch);
      use(branch, value);
    });
  }
  for (const v of node.enum ?? []) {
    if (!walking || v === value) out.add(`${pointer}/enum/${v}`);
  }
  if (Array.isArray(node.type)) {
    for (const t of node.type) {
      if (!walking || t === (value === null ? 'null' : typeof value)) out.add(`${pointer}/type/${t}`);
    }
  }
  const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
  for (const key of Object.keys(node.properties ?? {})) {
    if (walking && !(isObject && key in value)) continue;
    out.add(`${pointer}/properties/${esc(key)}`);
    use(`${pointer}/properties/${esc(key)}`, value?.[key]);
  }
  for (const pattern of Object.keys(node.patternProperties ?? {})) {
    const p = `${pointer}/patternProperties/${esc(pattern)}`;
    if (!walking) use(p);
    else if (isObject) for (const [k, v] of Object.entries(value)) if (new RegExp(pattern, 'u').test(k)) use(p, v);
  }
  if (node.items) {
    if (!walking) use(`${pointer}/items`);
    else if (Array.isArray(value)) value.forEach((v) => use(`${pointer}/items`, v));
  }
  return out;
}

test('the full export uses every property, choice and type the schema has', () => {
  const all = offers('#');
  const used = offers('#', FULL);
  const unused = [...all].filter((o) => !used.has(o));
  assert.ok(all.size > 100, `only ${all.size} places found in the schema`);
  assert.deepEqual(unused, [], 'tests/format_schema.rs full_model() leaves these unused (or the writer never writes them)');
});
