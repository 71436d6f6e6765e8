// `storyline stories merge|move|corrections`: an editor's corrections to story grouping. Each is
// decided by the pipeline's story index, recorded by the store with its effect in one
// transaction, and kept when the store is replayed or reprocessed.
import { mkdir } from 'node:fs/promises';
import type { ParseArgsConfig } from 'node:util';
import type { Config } from '../config.js';
import { StorylineError, describeError } from '../errors.js';
import { Pipeline } from '../pipeline.js';
import { openStore, type CorrectionEffect, type Store } from '../store/index.js';

const USAGE =
  'storyline stories merge STORY_ID INTO_STORY_ID [--note TEXT] | move ARTICLE_ID [--to STORY_ID] [--note TEXT] | corrections [--json]';

const OPTIONS: ParseArgsConfig['options'] = {
  'data-dir': { type: 'string' },
  'database-url': { type: 'string' },
  'max-page-bytes': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  note: { type: 'string' },
  to: { type: 'string' },
  json: { type: 'boolean' },
};

export const CORRECTION_VERBS = {
  stories: {
    summary:
      'correct story grouping: merge two stories, move an article (with its copies) out of one, list corrections',
    usage: USAGE,
    options: OPTIONS,
    run: (config: Config, values: Record<string, unknown>, args: string[]) =>
      runStories(config, values, args),
  },
};

async function runStories(
  config: Config,
  values: Record<string, unknown>,
  args: string[],
): Promise<number> {
  const [action, ...rest] = args;
  const note = typeof values.note === 'string' ? values.note : null;
  const usage = (): number => {
    process.stderr.write(`usage: ${USAGE}\n`);
    return 2;
  };
  if (action === 'merge' && rest.length !== 2) return usage();
  if (action === 'move' && rest.length !== 1) return usage();
  if (action === 'corrections' && rest.length !== 0) return usage();
  if (action !== 'merge' && action !== 'move' && action !== 'corrections') return usage();
  if (config.databaseUrl.startsWith('sqlite:')) await mkdir(config.dataDir, { recursive: true });
  const store = await openStore(config.databaseUrl);
  try {
    if (action === 'corrections') return await list(store, values.json === true);
    const pipeline = await Pipeline.open(store);
    let effect: CorrectionEffect;
    if (action === 'merge') {
      const [from, into] = rest as [string, string];
      effect = await pipeline.correct(
        {
          kind: 'merge',
          articleId: await anArticleOf(store, from),
          withArticleId: await anArticleOf(store, into),
        },
        note,
      );
    } else {
      const [articleId] = rest as [string];
      const to = typeof values.to === 'string' ? await anArticleOf(store, values.to) : null;
      effect = await pipeline.correct({ kind: 'move', articleId, toArticleId: to }, note);
    }
    process.stdout.write(describeEffect(effect) + '\n');
    return 0;
  } catch (error) {
    process.stderr.write(`storyline stories ${action}: ${describeError(error)}\n`);
    return 1;
  } finally {
    await store.close();
  }
}

/** Any article of the story stands for it: corrections are keyed by articles. */
async function anArticleOf(store: Store, storyId: string): Promise<string> {
  const first = (await store.getStory(storyId))?.families[0]?.articles[0];
  if (!first) throw new StorylineError('NOT_FOUND', `stories: no story ${storyId}`);
  return first.id;
}

function describeEffect(effect: CorrectionEffect): string {
  const lines = effect.mergedStories.map(({ from, into }) => `merged story ${from} into ${into}`);
  if (effect.moved) {
    const { familyId, from, to } = effect.moved;
    lines.push(`moved family ${familyId} from story ${from} to story ${to}`);
  }
  return lines.length > 0 ? lines.join('\n') : 'nothing to change (already so)';
}

async function list(store: Store, json: boolean): Promise<number> {
  for (const c of await store.corrections()) {
    if (json) process.stdout.write(JSON.stringify(c) + '\n');
    else {
      const r = c.request;
      const what =
        r.kind === 'merge'
          ? `merge ${r.articleId} with ${r.withArticleId}`
          : `move ${r.articleId} ${r.toArticleId === null ? 'out' : `to ${r.toArticleId}`}`;
      process.stdout.write(`${c.id}\t${c.createdAt}\t${what}${c.note ? `\t${c.note}` : ''}\n`);
    }
  }
  return 0;
}
