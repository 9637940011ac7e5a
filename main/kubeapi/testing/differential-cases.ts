// A read-only chapter of the differential harness (../differential/get|describe|info.test.ts): one cluster built
// from the harness's scenario serves both kubectls (nothing changes it, so the cases run concurrently), and each
// case must print the same bytes from both.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildScenario } from './differential-fixture'
import { KUBECTL_1_32, openSide, runBuiltIn, runReal, sayWhenSkipped, withoutClientAges, type Outcome, type Side } from './differential'

export interface CasesOptions {
  /** The answers carry ages kubectl computes from its own wall clock (describe, --server-print=false): those cells are set aside. */
  clientAges?: boolean
}

const agesAside = (o: Outcome): Outcome => ({ ...o, stdout: withoutClientAges(o.stdout) })

/** A case: kubectl's arguments, or those with options of its own. */
export type Case = string[] | ({ args: string[] } & CasesOptions)

/** Declares the chapter `title` over `cases`; returns a getter of its side for other tests. */
export function describeCases(title: string, cases: Case[], options: CasesOptions = {}): () => Side {
  sayWhenSkipped(title)
  let side: Side
  beforeAll(async () => {
    side = await openSide(buildScenario)
  })
  afterAll(async () => {
    await side?.close()
  })
  const suffix = options.clientAges ? ' (but the ages kubectl computes from its own clock)' : ''
  const named = cases.map((c) => (Array.isArray(c) ? { args: c, clientAges: options.clientAges } : { clientAges: options.clientAges, ...c }))
  describe.skipIf(!KUBECTL_1_32).concurrent(`${title}: the real kubectl.1.32 and podlab kubectl print the same bytes${suffix}`, () => {
    it.each(named.map((c) => ({ ...c, name: `${c.args.join(' ')}${c.clientAges && !options.clientAges ? ' (but the ages kubectl computes from its own clock)' : ''}` })))(
      'kubectl $name',
      async ({ args, clientAges }) => {
        const ours = runBuiltIn(side, args)
        const theirs = await runReal(side, args)
        if (clientAges) expect(agesAside(ours)).toEqual(agesAside(theirs))
        else expect(ours).toEqual(theirs)
      },
    )
  })
  return () => side
}
