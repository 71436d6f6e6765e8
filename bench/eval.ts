// `npm run eval [-- NAME...]`: quality evaluations on the benchmark data in ../shared.
import { runReports } from './run-reports.js';

const EVALS = ['seeds', 'extraction', 'families', 'clustering'];
process.exitCode = await runReports('eval', EVALS, process.argv.slice(2));
