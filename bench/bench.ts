// `npm run bench [-- NAME...]`: throughput and memory benchmarks.
import { runReports } from './run-reports.js';

const BENCHES = ['extraction', 'families', 'clustering', 'ingest', 'serve'];
process.exitCode = await runReports('bench', BENCHES, process.argv.slice(2));
