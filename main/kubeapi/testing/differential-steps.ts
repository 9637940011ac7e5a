// A chapter of the differential harness's changing verbs (../differential/mutate-*.test.ts): its own pair of
// clusters built from the harness's scenario, its manifests written into both sides' folders, its steps run in
// order. Each step must give the same bytes from both kubectls and leave the same objects in both clusters; a
// chapter is short so that one difference does not hide the steps after it.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildScenario } from './differential-fixture'
import { KUBECTL_1_32, namedSteps, openPair, runStep, sayWhenSkipped, writeManifest, type Pair, type Step } from './differential'

/** Declares the chapter `title`: `manifests` (file name to text) written first, then each step a test. */
export function describeSteps(title: string, steps: Step[], manifests: Record<string, string> = {}): void {
  sayWhenSkipped(title)
  let pair: Pair
  beforeAll(async () => {
    if (!KUBECTL_1_32) return
    pair = await openPair(buildScenario)
    for (const [name, text] of Object.entries(manifests)) writeManifest([pair.real, pair.builtIn], name, text)
  })
  afterAll(async () => {
    await pair?.close()
  })
  describe.skipIf(!KUBECTL_1_32)(`${title}: the same bytes from both kubectls, the same objects after`, () => {
    it.each(namedSteps(steps))('$name', async ({ step }) => {
      const { outcomes, objects } = await runStep(pair, step)
      if (outcomes) expect(outcomes.builtIn).toEqual(outcomes.real)
      expect(objects.builtIn).toEqual(objects.real)
    })
  })
}
