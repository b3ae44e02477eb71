import { test } from 'node:test';
import assert from 'node:assert/strict';
import { measure, FIRST_LOAD_BUDGET_BROTLI, TOTAL_BUDGET_BROTLI } from './size.mjs';

test('release wasm + JS: the first load and the total stay within their brotli budgets', () => {
  const { rows, first, firstFiles, total } = measure();
  assert.ok(firstFiles.some((f) => f.endsWith('.wasm')), 'no main wasm in the first load');
  assert.ok(firstFiles.some((f) => f.endsWith('.js')), 'no JS in the first load');
  assert.ok(rows.filter((r) => r.file.endsWith('.wasm')).length > 1, 'no lazy wasm parts in dist/');
  console.log(`first load (${firstFiles.join(', ')}): ${first.raw} B raw, ${first.gzip} B gzip, ${first.brotli} B brotli`);
  console.log(`total: ${total.raw} B raw, ${total.gzip} B gzip, ${total.brotli} B brotli`);
  assert.ok(first.brotli <= FIRST_LOAD_BUDGET_BROTLI, `first load ${first.brotli} B brotli > budget ${FIRST_LOAD_BUDGET_BROTLI} B`);
  assert.ok(total.brotli <= TOTAL_BUDGET_BROTLI, `total ${total.brotli} B brotli > budget ${TOTAL_BUDGET_BROTLI} B`);
});
