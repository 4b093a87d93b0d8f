// Screening a whole batch file off the page's main thread: the rows are split
// between one or two Web Workers (batch-worker.js), each given the page's
// compiled module, so the page stays responsive and nothing is fetched.
// Where a Worker cannot start (a page opened from a file:// URL), the rows
// are screened on the page in small slices between frames instead.
//
// Only compact outcomes come back (line, status, best matches): a reviewer
// who opens a row screens it again for the full explanation.

/** Below this many rows one worker is quicker than two. */
const ROWS_PER_EXTRA_WORKER = 2000;
/** Rows screened per slice when screening on the page itself. */
const PAGE_SLICE = 50;
/** Workers kept: this machine's cores, at most two (each holds its own index). */
const POOL_SIZE = Math.max(1, Math.min(2, globalThis.navigator?.hardwareConcurrency ?? 1));

// Idle workers, started before the first batch (`warmBatchWorkers`) so that
// screening a file makes no request at all, and reused after each batch.
const idle = [];
/** Workers screening now: with the idle ones, never more than POOL_SIZE. */
let busy = 0;
let nextJob = 0;

let workersAllowed = true;

/**
 * Whether batches may use Web Workers (they may by default). A page opened
 * from a file:// URL cannot start them: the single offline file says no,
 * and batches run on the page in slices between frames.
 */
export function useWorkers(allowed) {
  workersAllowed = allowed;
}

function spawn() {
  if (!workersAllowed) return null;
  try {
    return new Worker(new URL('./batch-worker.js', import.meta.url), { type: 'module' });
  } catch {
    return null; // no workers here (a page opened from a file:// URL)
  }
}

/** Starts the batch workers now (they load their code, nothing else). */
export function warmBatchWorkers() {
  while (idle.length + busy < POOL_SIZE) {
    const worker = spawn();
    if (!worker) return;
    idle.push(worker);
  }
}

/**
 * Screens every row of a batch file. `screener` is the page's (its `source`
 * goes to the workers); `bytes`/`fileName` the file; `onProgress(done,
 * alerts)` is called as rows finish. Returns `{ done, cancel }`: `done`
 * resolves to `{ outcomes, lists, cancelled }`, the outcomes in input order
 * (only the rows screened before a cancel).
 */
export function runBatch({ screener, bytes, fileName, rows, options, onProgress = () => {} }) {
  const count = Math.max(1, Math.min(POOL_SIZE, Math.ceil(rows / ROWS_PER_EXTRA_WORKER)));
  const slices = Array.from({ length: count }, (_, i) => ({
    start: Math.floor((rows * i) / count),
    end: Math.floor((rows * (i + 1)) / count),
    outcomes: [],
  }));
  let lists = null;
  let alerts = 0;
  let cancelled = false;
  const stops = [];
  const progress = () => onProgress(slices.reduce((n, s) => n + s.outcomes.length, 0), alerts);
  const take = (slice, message) => {
    // Each outcome learns its row's index, for the reviewer who opens it.
    const first = slice.start + slice.outcomes.length;
    message.outcomes.forEach((o, i) => {
      o.row = first + i;
    });
    slice.outcomes.push(...message.outcomes);
    alerts += message.outcomes.filter((o) => o.status === 'alert').length;
    lists ??= message.lists;
    progress();
  };
  const onPage = (slice, resolve, reject) => {
    const batch = screener.openBatch(bytes, fileName);
    let at = slice.start;
    let timer;
    const finish = () => {
      clearTimeout(timer);
      batch.free();
      resolve();
    };
    stops.push(finish);
    const step = () => {
      try {
        const stop = Math.min(at + PAGE_SLICE, slice.end);
        take(slice, batch.screen(at, stop, options));
        at = stop;
        if (at < slice.end) timer = setTimeout(step, 0);
        else finish();
      } catch (error) {
        batch.free();
        reject(error);
      }
    };
    timer = setTimeout(step, 0);
  };
  const job = (nextJob += 1);
  const runSlice = (slice) =>
    new Promise((resolve, reject) => {
      const worker = idle.pop() ?? spawn();
      if (!worker) {
        onPage(slice, resolve, reject);
        return;
      }
      busy += 1;
      // A cancelled worker finishes the chunk in hand, then waits for the
      // next batch: it goes back to the pool at once, no new one is loaded.
      let finished = false;
      const release = () => {
        finished = true;
        busy -= 1;
        if (idle.length + busy < POOL_SIZE) idle.push(worker);
        else worker.terminate();
      };
      stops.push(() => {
        if (finished) return;
        worker.postMessage({ type: 'cancel', job });
        release();
        resolve();
      });
      worker.onmessage = ({ data }) => {
        if (finished || data.job !== job) return;
        if (data.type === 'rows') take(slice, data);
        else if (data.type === 'done') {
          release();
          resolve();
        } else {
          release();
          reject(new Error(data.message));
        }
      };
      worker.onerror = (event) => {
        if (finished) return;
        finished = true;
        busy -= 1;
        worker.terminate();
        reject(new Error(`the batch worker failed: ${event.message ?? 'unknown error'}`));
      };
      worker.postMessage({ type: 'screen', job, source: screener.source, bytes, fileName, start: slice.start, end: slice.end, options });
    });
  const done = Promise.all(slices.map(runSlice)).then(
    () => ({ outcomes: slices.flatMap((s) => s.outcomes), lists, cancelled }),
    (error) => {
      for (const stop of stops) stop();
      throw error;
    },
  );
  return {
    done,
    cancel() {
      cancelled = true;
      for (const stop of stops) stop();
    },
  };
}
