/**
 * What `npm run bench` measures on each backend, and its command line. Sizes are chosen so the whole
 * benchmark stays under about ten minutes on a 2-core machine without a GPU (docs/architecture.md's figures: WASM
 * ~400-2,000 images/s, WebGL on SwiftShader ~50-130, the CPU backend ~10-40).
 */
import { BACKEND_NAMES, type BackendName } from '../src/ml/backends/activate';
import type { EngineMode } from '../src/runtime/messages';

/** How one backend is measured. */
export interface BackendPlan {
  readonly backend: BackendName;
  /** Worker first (the primary figure), then main where the comparison is wanted. */
  readonly modes: readonly EngineMode[];
  /** Rotated images per epoch (multiple of 4; a multiple of 192 gives whole batches). */
  readonly images: number;
  readonly warmupEpochs: number;
  readonly epochs: number;
  /** Train the heads too and check tf.memory() (in the worker run). */
  readonly memory: boolean;
  /** A pessimistic training speed, for the run's time-out. */
  readonly slowestImagesPerSecond: number;
  /**
   * Extra worker runs with a fixed number of WASM threads (the benchmark's own worker), to compare speed
   * and frame gaps; each is pretext training only, `threadEpochs` measured epochs after one warm-up.
   */
  readonly threadCounts: readonly number[];
  readonly threadEpochs: number;
  /**
   * Every pretext task trained in the app's worker, one page run each: `taskImages` examples per epoch (a multiple
   * of 192 gives whole batches), one warm-up epoch and `taskEpochs` measured ones. `taskImages` 0: not measured.
   */
  readonly taskImages: number;
  readonly taskEpochs: number;
}

/** The full benchmark. */
export const FULL_PLAN: readonly BackendPlan[] = [
  { backend: 'wasm', modes: ['worker', 'main'], images: 9_600, warmupEpochs: 1, epochs: 5, memory: true, slowestImagesPerSecond: 150, threadCounts: [1, 2], threadEpochs: 3, taskImages: 3_840, taskEpochs: 5 },
  { backend: 'webgl', modes: ['worker', 'main'], images: 1_536, warmupEpochs: 1, epochs: 3, memory: true, slowestImagesPerSecond: 25, threadCounts: [], threadEpochs: 0, taskImages: 0, taskEpochs: 0 },
  { backend: 'cpu', modes: ['worker'], images: 384, warmupEpochs: 1, epochs: 3, memory: false, slowestImagesPerSecond: 4, threadCounts: [], threadEpochs: 0, taskImages: 0, taskEpochs: 0 },
  // Only where the browser offers an adapter (here SwiftShader's, ~7-20 images/s); elsewhere "unavailable".
  { backend: 'webgpu', modes: ['worker'], images: 384, warmupEpochs: 1, epochs: 2, memory: false, slowestImagesPerSecond: 3, threadCounts: [], threadEpochs: 0, taskImages: 0, taskEpochs: 0 },
];

/** A smoke check of the benchmark itself (`--quick`): tiny sizes, numbers meaningless. */
export const QUICK_PLAN: readonly BackendPlan[] = [
  { backend: 'wasm', modes: ['worker', 'main'], images: 768, warmupEpochs: 1, epochs: 2, memory: true, slowestImagesPerSecond: 150, threadCounts: [1, 2], threadEpochs: 1, taskImages: 384, taskEpochs: 1 },
  { backend: 'webgl', modes: ['worker', 'main'], images: 384, warmupEpochs: 1, epochs: 2, memory: true, slowestImagesPerSecond: 40, threadCounts: [], threadEpochs: 0, taskImages: 0, taskEpochs: 0 },
  { backend: 'cpu', modes: ['worker'], images: 192, warmupEpochs: 1, epochs: 1, memory: false, slowestImagesPerSecond: 4, threadCounts: [], threadEpochs: 0, taskImages: 0, taskEpochs: 0 },
  { backend: 'webgpu', modes: ['worker'], images: 192, warmupEpochs: 1, epochs: 1, memory: false, slowestImagesPerSecond: 3, threadCounts: [], threadEpochs: 0, taskImages: 0, taskEpochs: 0 },
];

/** The parsed command line. */
export interface BenchArgs {
  readonly jsonPath: string;
  readonly backends: readonly BackendName[];
  readonly quick: boolean;
  readonly port: number;
  readonly help: boolean;
}

/** Usage text for --help and argument errors. */
export const USAGE = `Usage: npm run bench -- [--json <file>] [--backends wasm,webgl,cpu,webgpu] [--quick] [--port 5180]

  --json <file>     where to write the results (default bench-results/bench.json)
  --backends list   which backends to measure, comma-separated (default: all four)
  --quick           tiny sizes, to check the benchmark itself works (numbers meaningless)
  --port <n>        first port to try for the Vite dev server (default 5180; the next free one is used);
                    the first-load measurement serves the production build from port n + 1`;

/** Parses the arguments after `npm run bench --`; throws with a readable message on a bad one. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  let jsonPath = 'bench-results/bench.json';
  let backends: readonly BackendName[] = ['wasm', 'webgl', 'cpu', 'webgpu'];
  let quick = false;
  let port = 5180;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2) as [string, string | undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--json': jsonPath = value(); break;
      case '--backends': {
        const names = value().split(',').map((s) => s.trim()).filter(Boolean);
        for (const n of names) if (!(BACKEND_NAMES as readonly string[]).includes(n)) throw new Error(`unknown backend "${n}" (expected ${BACKEND_NAMES.join(', ')})`);
        backends = names as BackendName[];
        break;
      }
      case '--quick': quick = true; break;
      case '--port': {
        port = Number(value());
        if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`--port must be a port number`);
        break;
      }
      case '--help': case '-h': help = true; break;
      default: throw new Error(`unknown argument "${argv[i]}"`);
    }
  }
  return { jsonPath, backends, quick, port, help };
}
