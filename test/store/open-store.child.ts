// Child process for concurrent-writers.test.ts: opens (and so migrates) a store, then exits.
// Usage: node --import tsx open-store.child.ts <database URL>
import { openStore } from '../../src/store/index.js';

const store = await openStore(process.argv[2]!);
await store.close();
