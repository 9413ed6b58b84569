// The Nu HTML Checker (vnu.jar from the vnu-jar package) run with the system's `java`.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
export const VNU_JAR = require.resolve('vnu-jar/build/dist/vnu.jar');
const JAVA = process.env.JAVA ?? 'java';

/**
 * Checks `files` (paths relative to `root`) in one run of the checker. Returns every message as
 * { file, line, column, type, message }, where type is "error", "warning" or "info".
 */
export function checkHtml(root, files) {
  const run = spawnSync(JAVA, ['-jar', VNU_JAR, '--format', 'json', '--stdout', ...files], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw new Error(`could not run ${JAVA}: ${run.error.message}`);
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    throw new Error(`the HTML checker did not report (exit ${run.status}):\n${run.stdout}${run.stderr}`);
  }
  return report.messages.map((m) => ({
    file: m.url ? path.relative(root, new URL(m.url).pathname) : '(checker)',
    line: m.lastLine ?? 0,
    column: m.firstColumn ?? m.lastColumn ?? 0,
    type: m.type === 'info' && m.subType === 'warning' ? 'warning' : m.type,
    message: m.message,
  }));
}

export function formatMessage(m) {
  return `${m.file}:${m.line}:${m.column}: ${m.type}: ${m.message}`;
}
