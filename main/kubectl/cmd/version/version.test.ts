// `kubectl version` against real kubectl 1.32.5, byte for byte (testdata/*.golden, scripts/golden/run.mjs).
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { replaySuite } from '../../testing/replay-suite'
import { SERVER_VERSION } from './version-info'

const cases = replaySuite(path.join(__dirname, 'testdata'))

describe('kubectl version matches real kubectl 1.32 (cmd/version/testdata)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(c.run().result).toEqual(c.want)
  })

  it('the server version is the one the goldens were recorded against: v1.32.x, as kindest/node v1.32.5', () => {
    expect(cases.find((c) => c.name === 'version')!.want.stdout).toContain(`Server Version: ${SERVER_VERSION.gitVersion}\n`)
    expect(SERVER_VERSION.gitVersion).toMatch(/^v1\.32\.\d+$/)
  })
})
