// Issue 24, point 2: no layout shift while the lazy parts arrive, at any width, on a first visit
// and when a stored model reopens: the layout-shift entries without recent input from
// navigation until 3 s after the first view sum to at most 0.02 (layout_shift.mjs measures).
// The controls of a lazy part stand in its place, disabled, until it arrives
// (`split::after_first_view_or`); the build before them failed this test at 412 px on a first
// visit (0.086) and at every width when a stored model reopened (0.24-0.36).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveStatic } from './static_server.mjs';
import { launch, DIST, SUB_PATH } from './support.mjs';
import { SIZES, CASES, LIMIT, report } from './layout_shift.mjs';

let server, browser;
before(async () => { server = await serveStatic(DIST, { subPath: SUB_PATH }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

for (const [label, run] of CASES) {
  for (const size of SIZES) {
    test(`${label} at ${size.join('x')}: layout shift <= ${LIMIT} until 3 s after the first view`, async () => {
      const r = await run(browser, server.url, size);
      assert.ok(r.sum <= LIMIT, report(`${label} at ${size.join('x')}`, r));
    });
  }
}
