// The `storyline` command: parses the verb and its flags, runs it, returns the exit code.
// Exit codes: 0 success, 1 some input or operation failed, 2 usage error.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { describeError } from '../errors.js';
import { loadConfig, type Config } from '../config.js';
import { runIngest, runStart, runStats } from './store-verbs.js';
import { runCluster, runExtract } from './batch-verbs.js';
import { SOURCE_OPTIONS, runPoll, runSources } from './source-verbs.js';
import { SCALE_VERBS, SERVE_SCALE_OPTIONS, runServeScaled } from './scale-verbs.js';
import { CORRECTION_VERBS } from './correction-verbs.js';

const COMMON = {
  'data-dir': { type: 'string' },
  'database-url': { type: 'string' },
  'max-page-bytes': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const SERVER = {
  host: { type: 'string' },
  port: { type: 'string', short: 'p' },
  sample: { type: 'string' },
  'no-poll': { type: 'boolean' },
  'allow-address': SOURCE_OPTIONS['allow-address'],
} as const;

interface Verb {
  summary: string;
  usage: string;
  options: ParseArgsConfig['options'];
  run(config: Config, values: Record<string, unknown>, positionals: string[]): Promise<number>;
}

const VERBS: Record<string, Verb> = {
  start: {
    summary: 'ingest the sample corpus into an empty store, then serve the reader',
    usage: 'storyline start [--port N] [--host H] [--sample DIR] [--data-dir DIR]',
    options: { ...COMMON, ...SERVER },
    run: (config, values) => runStart(config, values),
  },
  serve: {
    summary: 'serve the reader and the JSON API',
    usage:
      'storyline serve [--port N] [--host H] [--data-dir DIR] [--no-poll] [--no-worker] [--allow-address CIDR]...',
    options: { ...COMMON, ...SERVER, ...SERVE_SCALE_OPTIONS },
    run: (config, values) => runServeScaled(config, values),
  },
  ingest: {
    summary: 'ingest files and folders (HTML, text dumps, .gz, JSON Lines)',
    usage: 'storyline ingest PATH... [--data-dir DIR] [--quiet]',
    options: { ...COMMON, quiet: { type: 'boolean', short: 'q' } },
    run: (config, values, paths) => runIngest(config, paths, values.quiet === true),
  },
  extract: {
    summary: 'print the extracted article of each file as JSON Lines (no database)',
    usage: 'storyline extract FILE...',
    options: COMMON,
    run: (config, _values, files) => runExtract(config, files),
  },
  cluster: {
    summary: 'group JSON Lines article records into families and stories (no database)',
    usage: 'storyline cluster --in ARTICLES.jsonl [--out FILE]',
    options: { ...COMMON, in: { type: 'string', short: 'i' }, out: { type: 'string', short: 'o' } },
    run: (config, values) =>
      runCluster(config, values.in as string | undefined, values.out as string | undefined),
  },
  poll: {
    summary: 'one polling pass: fetch due feeds, sitemaps and pages (--all: every source)',
    usage: 'storyline poll [--all] [--source URL]... [--allow-address CIDR]... [--quiet]',
    options: { ...COMMON, ...SOURCE_OPTIONS },
    run: (config, values) => runPoll(config, values),
  },
  sources: {
    summary: 'add, list, remove, import (OPML) or export (OPML) the sources to poll',
    usage:
      'storyline sources add URL [--kind feed|sitemap|page] | list [--json] | remove URL | import FILE.opml | export [--out FILE]',
    options: { ...COMMON, ...SOURCE_OPTIONS },
    run: (config, values, args) => runSources(config, values, args),
  },
  stats: {
    summary: 'print what the store holds',
    usage: 'storyline stats [--data-dir DIR]',
    options: COMMON,
    run: (config) => runStats(config),
  },
  ...SCALE_VERBS,
  ...CORRECTION_VERBS,
};

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(help());
    return name === undefined ? 2 : 0;
  }
  const verb = VERBS[name];
  if (!verb) {
    process.stderr.write(`storyline: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      options: verb.options,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    process.stderr.write(`storyline ${name}: ${describeError(error)}\nusage: ${verb.usage}\n`);
    return 2;
  }
  const values = parsed.values as Record<string, unknown>;
  const positionals = parsed.positionals;
  if (values.help) {
    process.stdout.write(`usage: ${verb.usage}\n\n${verb.summary}\n`);
    return 0;
  }
  try {
    const config = loadConfig({
      dataDir: values['data-dir'] as string | undefined,
      databaseUrl: values['database-url'] as string | undefined,
      maxPageBytes: values['max-page-bytes'] as string | undefined,
      host: values.host as string | undefined,
      port: values.port as string | undefined,
      sampleDir: values.sample as string | undefined,
    });
    return await verb.run(config, values, positionals);
  } catch (error) {
    process.stderr.write(`storyline ${name}: ${describeError(error)}\n`);
    return 1;
  }
}

function help(): string {
  const width = Math.max(...Object.keys(VERBS).map((v) => v.length));
  const lines = Object.entries(VERBS).map(([n, v]) => `  ${n.padEnd(width)}  ${v.summary}`);
  return `usage: storyline <command> [options]\n\ncommands:\n${lines.join('\n')}\n\nRun "storyline <command> --help" for a command's options.\n`;
}
