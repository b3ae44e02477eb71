// The chunks wasm-split makes (the code that several parts share) as one wasm module.
//
// Each chunk imports only the main module's memory, function table and shared global from
// `__wasm_split`, exports nothing and puts its functions into the table. As 321 modules, a
// part's first load compiled and instantiated dozens of them, each with a fixed cost on the
// main thread: on the start screen ~95 of them, ~130 ms of tasks once the browser was idle,
// times 4 on a slow phone (most of Lighthouse's blocking time, issue 24). As one module it is
// one compile (streamed, off the main thread) and one instantiation.
//
// binaryen's wasm-merge links imports to exports by module name but keeps identical imports
// apart (two memories), so every chunk's imports are renamed to a hub module that imports
// them once and exports them; wasm-merge then links each chunk to the hub.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const FEATURES = ['--enable-reference-types', '--enable-bulk-memory',
  '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals',
  '--enable-multivalue'];
const FROM = '__wasm_split';
const HUB = 'kpi_hub';

/** A reader of LEB128 numbers and names in `buf` from `p`. */
class Reader {
  constructor(buf, p = 0) { this.buf = buf; this.p = p; }
  byte() { return this.buf[this.p++]; }
  u32() {
    let r = 0, s = 0, b;
    do { b = this.buf[this.p++]; r |= (b & 0x7f) << s; s += 7; } while (b & 0x80);
    return r >>> 0;
  }
  name() { const n = this.u32(); const s = this.buf.subarray(this.p, this.p + n).toString('utf8'); this.p += n; return s; }
  limits() { const flags = this.byte(); const min = this.u32(); const max = flags & 1 ? this.u32() : undefined; return { flags, min, max }; }
}

function leb(n) {
  const out = [];
  do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; out.push(b); } while (n);
  return Buffer.from(out);
}
const name = (s) => { const b = Buffer.from(s, 'utf8'); return Buffer.concat([leb(b.length), b]); };

/**
 * `chunk` with its imports from `__wasm_split` renamed to the hub; records what each import
 * needs in `needs` (the largest minimum of the memory and table, the global's type).
 */
function renameImports(chunk, needs) {
  if (chunk.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm module');
  const r = new Reader(chunk, 8);
  const parts = [chunk.subarray(0, 8)];
  while (r.p < chunk.length) {
    const start = r.p;
    const id = r.byte();
    const len = r.u32();
    const body = r.p;
    const end = body + len;
    if (id !== 2) { parts.push(chunk.subarray(start, end)); r.p = end; continue; }
    const count = r.u32();
    const out = [leb(count)];
    for (let i = 0; i < count; i++) {
      const module = r.name();
      const field = r.name();
      const descStart = r.p;
      const kind = r.byte();
      if (module !== FROM) throw new Error(`chunk imports ${module}.${field}: only ${FROM} expected`);
      if (kind === 1) { // table: reftype, limits
        const type = r.byte(); const l = r.limits();
        needs.table = { type, min: Math.max(needs.table?.min ?? 0, l.min), field };
      } else if (kind === 2) { // memory: limits
        const l = r.limits();
        if (l.flags & ~1) throw new Error('shared or 64-bit memory not expected');
        needs.memory = { min: Math.max(needs.memory?.min ?? 0, l.min), field };
      } else if (kind === 3) { // global: valtype, mutability
        const type = r.byte(); const mut = r.byte();
        needs.globals.set(field, { type, mut });
      } else {
        throw new Error(`chunk imports a function (${field}): not expected`);
      }
      out.push(name(HUB), name(field), chunk.subarray(descStart, r.p));
    }
    if (r.p !== end) throw new Error('import section not read to its end');
    const content = Buffer.concat(out);
    parts.push(Buffer.from([2]), leb(content.length), content);
  }
  return Buffer.concat(parts);
}

/** The hub in the text format: imports what the chunks need once and exports it. */
function hubText(needs) {
  const val = { 0x7f: 'i32', 0x7e: 'i64', 0x7d: 'f32', 0x7c: 'f64' };
  const ref = { 0x70: 'funcref', 0x6f: 'externref' };
  const lines = ['(module'];
  if (needs.memory) {
    lines.push(`  (import "${FROM}" "${needs.memory.field}" (memory $m ${needs.memory.min}))`,
      `  (export "${needs.memory.field}" (memory $m))`);
  }
  if (needs.table) {
    lines.push(`  (import "${FROM}" "${needs.table.field}" (table $t ${needs.table.min} ${ref[needs.table.type]}))`,
      `  (export "${needs.table.field}" (table $t))`);
  }
  let g = 0;
  for (const [field, { type, mut }] of needs.globals) {
    const t = mut ? `(mut ${val[type]})` : val[type];
    lines.push(`  (import "${FROM}" "${field}" (global $g${g} ${t}))`, `  (export "${field}" (global $g${g}))`);
    g += 1;
  }
  lines.push(')');
  return lines.join('\n');
}

/**
 * The chunk files `files` (paths) merged into one module written to `outFile`. `work` is a
 * scratch folder. Returns the imports of the result (module.field), for the caller to check.
 */
export function mergeChunks(files, outFile, work) {
  fs.mkdirSync(work, { recursive: true });
  const needs = { memory: undefined, table: undefined, globals: new Map() };
  const args = [];
  files.forEach((f, i) => {
    const renamed = path.join(work, `c${i}.wasm`);
    fs.writeFileSync(renamed, renameImports(fs.readFileSync(f), needs));
    args.push(renamed, `c${i}`);
  });
  const hubWat = path.join(work, 'hub.wat');
  const hub = path.join(work, 'hub.wasm');
  fs.writeFileSync(hubWat, hubText(needs));
  execFileSync('wasm-as', [...FEATURES, hubWat, '-o', hub]);
  execFileSync('wasm-merge', [...FEATURES, hub, HUB, ...args, '-o', outFile],
    // Its warnings (one per chunk with a names section) are piped: room for many more.
    { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const merged = new WebAssembly.Module(fs.readFileSync(outFile));
  return WebAssembly.Module.imports(merged).map((i) => `${i.module}.${i.name}`);
}

/**
 * wasm-split-cli 0.2.4's loader (`__wasm_split.js`) with its `count` chunk loaders replaced by
 * one for `chunk_shared.wasm`, which every part's list of chunks then names alone.
 */
export function sharedChunkLoader(loader, count) {
  let defs = 0;
  const def = /(?:\/\*[^*]*\*\/\n)?const __chunk_(\d+) = makeLoad\(\(\) => \{\n {4}const src = fetch\(new URL\("\.\/chunk_\1\.wasm", import\.meta\.url\)\);\n {4}src\.catch\(\(\) => \{\}\);\n {4}return async \(imports\) => \(WebAssembly\.instantiateStreaming\(src, imports\)\);\n\}\n, \[\]\);\n/g;
  const shared = 'const __chunk_shared = makeLoad(() => {\n'
    + '    const src = fetch(new URL("./chunk_shared.wasm", import.meta.url));\n'
    + '    src.catch(() => {});\n'
    + '    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));\n'
    + '}\n, []);\n';
  const out = loader
    .replace(def, () => (defs++ === 0 ? shared : ''))
    .replace(/\[__chunk_\d+(?:, __chunk_\d+)*\]/g, '[__chunk_shared]');
  if (defs !== count || /__chunk_\d/.test(out)) {
    throw new Error(`__wasm_split.js: ${defs} chunk loaders for ${count} chunks (wasm-split-cli 0.2.4 expected)`);
  }
  return out;
}
