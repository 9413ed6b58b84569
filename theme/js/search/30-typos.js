/*
 * Typing slips: the edit distance between two words (optimal string
 * alignment: Damerau-Levenshtein where an adjacent swap is one edit) and how
 * many edits a typed word may have.
 */

// Three rows of the distance table, kept between calls and grown when needed.
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Distance between a and b, or max + 1 as soon as it must exceed max. */
export function editDistance(a, b, max) {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (lb + 1 > rows[0].length) rows = [new Int32Array(lb + 1), new Int32Array(lb + 1), new Int32Array(lb + 1)];
  let [prev2, prev, cur] = rows;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = prev[j - 1] + (ca === cb ? 0 : 1);
      if (prev[j] + 1 < v) v = prev[j] + 1;
      if (cur[j - 1] + 1 < v) v = cur[j - 1] + 1;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb && prev2[j - 2] + 1 < v) {
        v = prev2[j - 2] + 1;
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const done = prev2;
    prev2 = prev;
    prev = cur;
    cur = done;
  }
  return prev[lb];
}

/** Edits allowed for a typed word: none below 4 letters, 1 from 4, 2 from 8. */
export function allowedEdits(word) {
  return word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
}
