// axe-core, injected into a page, with the WCAG 2.0, 2.1 and 2.2 level A and AA rules.
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * The violations axe finds on the page as it is now, one line per failing element; `include`, a
 * list of selectors, limits the check to those parts of the page.
 */
export async function axeViolations(page, runOnly = { type: 'tag', values: WCAG_TAGS }, include = null) {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async ([only, parts]) => {
    const context = parts ? { include: parts.map((selector) => [selector]) } : document;
    const result = await window.axe.run(context, { runOnly: only, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  }, [runOnly, include]);
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${v.help} at ${n.target}\n    ${n.summary.replace(/\n/g, '\n    ')}`));
}
