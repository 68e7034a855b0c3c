// Spelling suggestions: the indexed term closest to a term that matched nothing (optimal string
// alignment distance; one edit for short words, two for longer), the more frequent on a tie.

/** Optimal string alignment distance (Damerau–Levenshtein without repeated edits of one substring), capped. */
export function editDistance(a: string, b: string, cap: number): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > cap) return cap + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > cap) return cap + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[y.length]!;
}

/** The closest known term within the allowed distance, or null. */
export function bestCorrection(term: string, known: ReadonlyMap<string, number>): string | null {
  const len = [...term].length;
  if (len < 3) return null;
  const cap = len <= 5 ? 1 : 2;
  let best: string | null = null;
  let bestD = cap + 1;
  let bestN = 0;
  for (const [t, n] of known) {
    const d = editDistance(term, t, cap);
    if (d < bestD || (d === bestD && n > bestN)) {
      best = t;
      bestD = d;
      bestN = n;
    }
  }
  return bestD <= cap ? best : null;
}
