// Prints raw, gzip and brotli bytes of the release wasm and JS in dist/; `make size` runs it.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DIST } from './support.mjs';

// The budget issue 2 set was 150 KiB (aim 120 KiB). The walking skeleton met it (115 KB
// brotli); the full editor measures ~310 KB. With every view, the inspector, the files layer,
// templates, print and the models list stubbed out, what is left (shell, state, model,
// storage, Leptos runtime) is already ~110 KB, so the budget cannot hold the editor built with
// Leptos views: see docs/ARCHITECTURE.md ("Size"). Issue 12 moves the budget to the first
// load (150 KB after code splitting); until then this guards the total against growth: the
// present size (337 KB with format version 2's numeric norms and migration) plus a little.
export const BUDGET_BROTLI = 340 * 1024;

export function measure() {
  const files = fs.readdirSync(DIST).filter((f) => /\.(wasm|js)$/.test(f));
  const rows = files.map((f) => {
    const buf = fs.readFileSync(path.join(DIST, f));
    return {
      file: f,
      raw: buf.length,
      gzip: zlib.gzipSync(buf, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(buf, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
      }).length,
    };
  });
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
    { raw: 0, gzip: 0, brotli: 0 });
  return { rows, total };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { rows, total } = measure();
  for (const r of [...rows, { file: 'total', ...total }]) {
    console.log(`${r.file.padEnd(40)} raw ${String(r.raw).padStart(8)}  gzip ${String(r.gzip).padStart(7)}  brotli ${String(r.brotli).padStart(7)}`);
  }
  console.log(`budget: ${BUDGET_BROTLI} B brotli (wasm + JS)`);
}
