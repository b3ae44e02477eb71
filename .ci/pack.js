// Appended to the split loader (__wasm_split.js) by .ci/wasm.mjs in release builds. The chunks
// wasm-split makes (the code several parts share) are one file, chunk_pack.wasm, fetched once
// by the first part that needs one; each chunk is compiled from its slice. The file starts
// with its index (little-endian u32: the count, then each chunk's number and length), so the
// index costs the first load nothing. A failed fetch is forgotten: the next attempt
// (kpiRetry) fetches again.
let kpiPack;
function kpiChunk(n) {
  if (kpiPack === undefined) {
    const pack = fetch(new URL('./chunk_pack.wasm', import.meta.url)).then(async (r) => {
      if (!r.ok) throw new Error(`chunk_pack.wasm: HTTP ${r.status}`);
      const bytes = await r.arrayBuffer();
      const head = new DataView(bytes);
      const count = head.getUint32(0, true);
      const slices = new Map();
      let offset = 4 + count * 8;
      for (let i = 0; i < count; i++) {
        const length = head.getUint32(8 + i * 8, true);
        slices.set(head.getUint32(4 + i * 8, true), new Uint8Array(bytes, offset, length));
        offset += length;
      }
      return slices;
    });
    pack.catch(() => {
      if (kpiPack === pack) kpiPack = undefined;
    });
    kpiPack = pack;
  }
  return kpiPack.then((slices) => slices.get(n));
}
