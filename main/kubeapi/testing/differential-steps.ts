// A chapter of the differential harness's changing verbs (../differential/mutate-*.test.ts): its own pair of
// clusters built from the harness's scenario, its manifests written into both sides' folders, its steps run in
// order. Each step must give the same bytes from both kubectls and leave the same objects in both clusters; a
// chapter is short so that one difference does not hide the steps after it.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildScenario } from './differential-fixture'
import { KUBECTL_1_32, namedSteps, openPair, runStep, sayWhenSkipped, writeManifest, type Pair, type Step } from './differential'

/**
 * Declares the chapter `title`: `manifests` (file name to text) written first, then each step a test. `skip`, when
 * given, says why the whole chapter cannot run yet: its steps are listed as skipped, the reason printed.
 */
export function describeSteps(title: string, steps: Step[], manifests: Record<string, string> = {}, skip?: string): void {
  sayWhenSkipped(title)
  if (skip) console.log(`skipping the differential harness (${title}): ${skip}`)
  const runs = KUBECTL_1_32 !== undefined && skip === undefined
  let pair: Pair
  beforeAll(async () => {
    if (!runs) return
    pair = await openPair(buildScenario)
    for (const [name, text] of Object.entries(manifests)) writeManifest([pair.real, pair.builtIn], name, text)
  })
  afterAll(async () => {
    await pair?.close()
  })
  describe.skipIf(!runs)(`${title}: the same bytes from both kubectls, the same objects after`, () => {
    it.each(namedSteps(steps))('$name', async ({ step }) => {
      const { outcomes, objects } = await runStep(pair, step)
      if (outcomes) expect(outcomes.builtIn).toEqual(outcomes.real)
      expect(objects.builtIn).toEqual(objects.real)
    })
  })
}
