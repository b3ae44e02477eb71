// The code the lazy parts share is one module (.ci/merge_chunks.mjs): the release build has
// `chunk_shared.wasm` and no chunk files, it imports only the main module's memory, table and
// shared global, and the split loader fetches it by one loader that every part waits for.
// The loader rewrite is checked on a loader shaped like wasm-split-cli 0.2.4's, and refuses
// one it does not recognise. (Every view and dialog that is a lazy part runs on that module in
// the other end-to-end tests.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST } from './support.mjs';
import { sharedChunkLoader } from '../../.ci/merge_chunks.mjs';

const build = () => {
  const w = fs.readdirSync(DIST).find((f) => /^w-[0-9a-f]{16}$/.test(f));
  assert.ok(w, 'dist/ has a build folder');
  return path.join(DIST, w);
};

test('the release build has one module of shared code, loaded by one loader', () => {
  const dir = build();
  const files = fs.readdirSync(dir);
  assert.deepEqual(files.filter((f) => /^chunk_/.test(f)), ['chunk_shared.wasm']);
  const module = new WebAssembly.Module(fs.readFileSync(path.join(dir, 'chunk_shared.wasm')));
  assert.deepEqual(
    WebAssembly.Module.imports(module).map((i) => `${i.module}.${i.name}:${i.kind}`).sort(),
    ['__wasm_split.__indirect_function_table:table', '__wasm_split.__wasm_split_shared0:global',
      '__wasm_split.memory:memory'],
  );
  const loader = fs.readFileSync(path.join(dir, '__wasm_split.js'), 'utf8');
  assert.equal(loader.match(/chunk_shared\.wasm/g)?.length, 1);
  assert.doesNotMatch(loader, /chunk_\d+\.wasm|chunk_pack/);
  // Every part still has its own file.
  assert.ok(files.filter((f) => /^split_.*\.wasm$/.test(f)).length >= 20);
});

const chunk = (n, parts) => `/* ${parts} */
const __chunk_${n} = makeLoad(() => {
    const src = fetch(new URL("./chunk_${n}.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
`;
const part = (name, deps) => `export const __wasm_split_load_${name} = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_${name}.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [${deps.map((d) => `__chunk_${d}`).join(', ')}]));
`;

test('the loader rewrite: the chunk loaders become one, each part waits for it', () => {
  const loader = 'function makeLoad(fetcher, deps) {}\n' + chunk(30, 'a, b') + chunk(31, 'a')
    + chunk(130, 'b') + part('a', [30, 31]) + part('b', [30, 130]) + part('c', []);
  const out = sharedChunkLoader(loader, 3);
  assert.equal(out.match(/const __chunk_shared = makeLoad/g)?.length, 1);
  assert.equal(out.match(/\[__chunk_shared\]/g)?.length, 2);
  assert.match(out, /split_c\.wasm[^]*, \[\]\)\);\n$/, 'a part without chunks waits for none');
  assert.doesNotMatch(out, /__chunk_\d/);
  // The definition comes before the parts that name it.
  assert.ok(out.indexOf('const __chunk_shared') < out.indexOf('__wasm_split_load_a'));
});

test('the loader rewrite refuses a loader it does not recognise', () => {
  const loader = chunk(30, 'a') + part('a', [30]);
  assert.throws(() => sharedChunkLoader(loader, 2), /1 chunk loaders for 2 chunks/);
  const changed = loader.replace('instantiateStreaming(src, imports)', 'instantiate(src, imports)');
  assert.throws(() => sharedChunkLoader(changed, 1), /0 chunk loaders/);
});
