import { test } from 'node:test';
import assert from 'node:assert/strict';
import { measure, BUDGET_BROTLI } from './size.mjs';

test('release wasm + JS stay within the brotli budget', () => {
  const { rows, total } = measure();
  assert.ok(rows.some((r) => r.file.endsWith('.wasm')), 'no wasm in dist/');
  assert.ok(rows.some((r) => r.file.endsWith('.js')), 'no JS in dist/');
  console.log(`wasm + JS: ${total.raw} B raw, ${total.gzip} B gzip, ${total.brotli} B brotli`);
  assert.ok(total.brotli <= BUDGET_BROTLI, `${total.brotli} B brotli > budget ${BUDGET_BROTLI} B`);
});
