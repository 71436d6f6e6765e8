// Child process for concurrent-writers.test.ts: saves PAGES pages into one shared story.
// Usage: node --import tsx write-pages.child.ts <database URL> <writer name> <pages>
import { openStore } from '../../src/store/index.js';
import { FERRY_STRIKE, FIXED_NOW, articleToSave, pageToSave } from './store-fixtures.js';

const [url, writer, pages] = process.argv.slice(2);
const store = await openStore(url!, { now: FIXED_NOW });
for (let i = 0; i < Number(pages); i++) {
  const id = `${writer}-${i}`;
  await store.savePage(
    pageToSave({
      url: `https://harbour-gazette.example/${id}`,
      fetchedAt: new Date(Date.UTC(2026, 2, 1, 0, i)).toISOString(),
      articles: [
        articleToSave({
          id,
          familyId: `f-${id}`,
          storyId: 's-shared',
          text: `${FERRY_STRIKE} ${id}`,
        }),
      ],
    }),
  );
}
await store.close();
