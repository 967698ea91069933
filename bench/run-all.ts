/**
 * `npm run bench`: every budget of ENGINEERING.md measured on this machine, each script in its own
 * process (one at a time, so they do not compete for the two cores). Figures are reported as
 * ratios to a baseline measured in the same run where the budget is relative.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const dir = import.meta.dirname;
const only = process.argv[2];
const scripts = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only || f.includes(only))
  .sort();
let failed = 0;
for (const script of scripts) {
  console.log(`\n=== ${script}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, script)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.log(`!!! ${script} exited with ${r.status}`);
  }
}
if (!existsSync(path.resolve(dir, '../dist/liff/index.html'))) console.log('\n(note: run `npm run build` first for the web-path sizes)');
process.exit(failed ? 1 : 0);
