// Configuration is read once, from flags then environment then defaults, and frozen: stages
// receive the values they need and never read process.env themselves.
import { resolve } from 'node:path';
import { StorylineError } from './errors.js';

export interface Config {
  /** Folder for the SQLite file and other local state. */
  readonly dataDir: string;
  /** `sqlite:<path>` or `postgres://...`. */
  readonly databaseUrl: string;
  readonly host: string;
  readonly port: number;
  /** Folder of the bundled sample corpus that `storyline start` ingests into an empty store. */
  readonly sampleDir: string;
  /** Pages larger than this are refused before extraction (bytes, after decompression). */
  readonly maxPageBytes: number;
}

/**
 * 10 MB: five times the largest page of the extraction benchmark (~2 MB of HTML). Anything
 * larger is not an article page we can use, and refusing it keeps memory bounded.
 */
export const DEFAULT_MAX_PAGE_BYTES = 10 * 1024 * 1024;

export interface ConfigInput {
  dataDir?: string | undefined;
  databaseUrl?: string | undefined;
  host?: string | undefined;
  port?: string | number | undefined;
  sampleDir?: string | undefined;
  maxPageBytes?: string | number | undefined;
}

export function loadConfig(
  flags: ConfigInput = {},
  env: NodeJS.ProcessEnv = process.env,
  packageRoot = process.cwd(),
): Config {
  const dataDir = resolve(flags.dataDir ?? env.STORYLINE_DATA_DIR ?? 'data');
  const databaseUrl =
    flags.databaseUrl ?? env.DATABASE_URL ?? `sqlite:${resolve(dataDir, 'storyline.db')}`;
  const port = toInt('port', flags.port ?? env.PORT ?? 3000);
  if (port < 0 || port > 65535) throw invalid('port', String(port));
  return Object.freeze({
    dataDir,
    databaseUrl,
    host: flags.host ?? env.HOST ?? 'localhost',
    port,
    sampleDir: resolve(
      flags.sampleDir ?? env.STORYLINE_SAMPLE_DIR ?? resolve(packageRoot, 'sample'),
    ),
    maxPageBytes: toInt(
      'max page bytes',
      flags.maxPageBytes ?? env.STORYLINE_MAX_PAGE_BYTES ?? DEFAULT_MAX_PAGE_BYTES,
    ),
  });
}

function toInt(name: string, value: string | number): number {
  const n = typeof value === 'number' ? value : Number.parseInt(value, 10);
  if (!Number.isFinite(n)) throw invalid(name, String(value));
  return n;
}

function invalid(name: string, value: string): StorylineError {
  return new StorylineError('CONFIG_INVALID', `config: invalid ${name}: ${value}`);
}
