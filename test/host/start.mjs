// npm start: code-server with the extension from source on a copy of demo/ (Ctrl-C stops everything).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { demoForToday } from './demo-dates.mjs';
import { ROOT } from './provision.mjs';
import { removeRun, runDir, startCodeServer, workbenchUrl } from './server.mjs';

const run = runDir('start');
const ws = path.join(run, 'demo');
fs.cpSync(path.join(ROOT, 'demo'), ws, { recursive: true });
// dates moved to today, so the next session is ahead and the overdue task overdue whenever it runs
const file = path.join(ws, '.mentoring.yaml');
fs.writeFileSync(file, demoForToday(fs.readFileSync(file, 'utf8')));
const server = await startCodeServer(run);
console.log(`[start] open ${workbenchUrl(server, ws, ROOT)}`);
console.log('[start] the activation time is printed by the integration suite (npm run test:integration); Ctrl-C stops');
process.on('exit', () => removeRun(run));
setInterval(() => {}, 1 << 30);
