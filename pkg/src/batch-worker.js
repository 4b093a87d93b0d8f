// A Web Worker that screens slices of batch files, so that the page stays
// responsive: batch.js keeps one or two of these warm and reuses them.
//
// In:  { type: 'screen', job, source, bytes, fileName, start, end, options },
//      where `source` is the page screener's `source` (the compiled module,
//      its sha256 and any list files it was built from): no request, no
//      second compilation. { type: 'cancel', job } stops that job after the
//      slice in hand.
// Out: { type: 'rows', job, outcomes, lists } every CHUNK rows, in order,
//      then { type: 'done', job }; or { type: 'error', job, message }.

import { screenerFrom } from './core.js';

/** Rows screened between two progress messages: small enough for a smooth bar and a quick cancel. */
const CHUNK = 100;

// The screener for the lists last asked for: built once, reused by later
// batches on the same lists.
let current = { key: null, screener: null };
const cancelled = new Set();

function keyOf(source) {
  const files = source.listFiles?.map((f) => `${f.name}:${f.bytes.length}:${f.date}`).join('|') ?? 'embedded';
  return `${source.sha256}/${files}`;
}

// Lets a waiting `cancel` message in between two chunks.
const breathe = () => new Promise((resolve) => setTimeout(resolve, 0));

async function screen({ job, source, bytes, fileName, start, end, options }) {
  const key = keyOf(source);
  if (current.key !== key) current = { key, screener: await screenerFrom(source) };
  const batch = current.screener.openBatch(bytes, fileName);
  try {
    for (let at = start; at < end; at += CHUNK) {
      if (cancelled.has(job)) return;
      const stop = Math.min(at + CHUNK, end);
      const { outcomes, lists } = batch.screen(at, stop, options);
      self.postMessage({ type: 'rows', job, outcomes, lists });
      await breathe();
    }
  } finally {
    batch.free();
    cancelled.delete(job);
  }
  self.postMessage({ type: 'done', job });
}

self.onmessage = ({ data }) => {
  if (data.type === 'cancel') {
    cancelled.add(data.job);
    return;
  }
  screen(data).catch((error) => self.postMessage({ type: 'error', job: data.job, message: error.message }));
};
