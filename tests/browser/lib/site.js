// Which site is under test and what it holds. By default the demo site at the repository root,
// built into output/; WAYMARK_SITE and WAYMARK_OUTPUT point the suite at another site.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPOSITORY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export const siteDir = path.resolve(process.env.WAYMARK_SITE ?? REPOSITORY);
export const outputDir = path.resolve(process.env.WAYMARK_OUTPUT ?? path.join(siteDir, 'output'));

if (!fs.existsSync(path.join(outputDir, 'index.html'))) {
  throw new Error(`${outputDir}/index.html does not exist: build the site first (tests/browser/run does).`);
}

/** Every HTML page in the output, as paths relative to it with `/` separators, sorted. */
export function htmlPages() {
  const pages = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.html')) pages.push(path.relative(outputDir, full).split(path.sep).join('/'));
    }
  };
  walk(outputDir);
  return pages.sort();
}

export function readPage(relative) {
  return fs.readFileSync(path.join(outputDir, relative), 'utf8');
}

/** Where "Exit this page" goes: `quick_exit_url` in waymark.toml, or the built-in default. */
export function quickExitUrl() {
  const settings = fs.readFileSync(path.join(siteDir, 'waymark.toml'), 'utf8');
  const match = settings.match(/^\s*quick_exit_url\s*=\s*"([^"]+)"/m);
  return match ? match[1] : 'https://www.bbc.co.uk/weather';
}

/**
 * A page of each kind a practitioner uses, chosen by what the output holds, so the suite keeps
 * working as content changes. A kind the site does not have is left out.
 */
export function representativePages() {
  const pages = htmlPages();
  const inFolder = (folder) => pages.filter((p) => p.startsWith(`${folder}/`) && !p.endsWith('/index.html'));
  const withForm = pages.filter((p) => p.startsWith('toolkit/') && readPage(p).includes('class="wm-form'));
  const chosen = {
    home: 'index.html',
    'strategy chapter': inFolder('strategy')[0],
    definition: inFolder('definitions')[0],
    'toolkit form': withForm.find((p) => p.includes('day-in-my-life')) ?? withForm[0],
    'definitions section': pages.find((p) => p === 'definitions/index.html')
      ?? pages.find((p) => p.endsWith('/index.html')),
    search: pages.find((p) => p === 'search.html'),
    'news list': pages.find((p) => p === 'news/index.html'),
    'news post': inFolder('news').find((p) => !/\/(page-\d+|\d{4})\.html$/.test(p)),
    event: inFolder('events').find((p) => p !== 'events/past.html'),
    'events section': pages.find((p) => p === 'events/index.html'),
    briefing: inFolder('briefings')[0],
    documents: pages.find((p) => p === 'documents.html'),
  };
  return Object.fromEntries(Object.entries(chosen).filter(([, page]) => page));
}
