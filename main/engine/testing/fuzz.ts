// How many cases a property-based (fast-check) fuzz test runs: a brief run inside `npm test`, a long one under
// `npm run fuzz` (which sets PODLAB_FUZZ_RUNS). Test-only.

/** `brief` cases normally; PODLAB_FUZZ_RUNS cases (a positive integer) when set. */
export function fuzzRuns(brief: number): number {
  const wanted = Number(process.env.PODLAB_FUZZ_RUNS)
  return Number.isSafeInteger(wanted) && wanted > 0 ? wanted : brief
}
