// Shared set-up for a test file: the built site served on loopback and one browser for the file.
import { before, after } from 'node:test';
import { serve } from './server.js';
import { launch } from './browser.js';
import { outputDir } from './site.js';

/** Call at the top of a test file; the returned object is filled in before the first test. */
export function useSite() {
  const harness = {
    /** The address of a page of the output, served from the root or from `/sub/path/`. */
    url: (relative, mount = '/') => `${harness.origin}${mount}${relative}`,
  };
  before(async () => {
    harness.server = await serve(outputDir);
    harness.origin = harness.server.origin;
    harness.browser = await launch();
  });
  after(async () => {
    await harness.browser?.close();
    await harness.server?.close();
  });
  return harness;
}

/** Fails with every problem the visit recorded (another host contacted, a file missing, a script error). */
export function assertNoProblems(assert, visited, relative) {
  assert.deepEqual(visited.problems, [], `${relative}: ${visited.problems.join('; ')}`);
}
