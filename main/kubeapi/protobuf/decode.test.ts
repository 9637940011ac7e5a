// The decoder on request bodies captured from the real kubectl 1.32 and 1.33 (testdata/, recorded through a
// logging proxy in front of the door): each decodes to the very JSON kubectl 1.31 sends for the same command,
// key order included (json.Marshal of the same Go struct).

import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeProtobufObject, ProtobufDecodeError } from './decode'

const TESTDATA = join(__dirname, 'testdata')
const captured = readdirSync(TESTDATA).filter((f) => f.endsWith('.pb'))

/** The URL kind each command posts to. */
function expectedOf(json: { apiVersion: string; kind: string }) {
  const [group, version] = json.apiVersion.includes('/') ? json.apiVersion.split('/') : ['', json.apiVersion]
  return { group: group as string, version: version as string, kind: json.kind }
}

describe('protobuf bodies of the real kubectl', () => {
  it('has captures of both versions for every command', () => {
    expect(captured.filter((f) => f.includes('kubectl-1.32')).length).toBeGreaterThanOrEqual(11)
    expect(captured.filter((f) => f.includes('kubectl-1.33')).length).toBe(captured.filter((f) => f.includes('kubectl-1.32')).length)
  })

  for (const file of captured) {
    it(`decodes ${file} to kubectl 1.31's JSON body of the same command`, async () => {
      const jsonText = readFileSync(join(TESTDATA, file.replace(/kubectl-1\.3[23]\.pb$/, 'kubectl-1.31.json')), 'utf8')
      const json = JSON.parse(jsonText)
      const decoded = await decodeProtobufObject(readFileSync(join(TESTDATA, file)), expectedOf(json))
      expect(JSON.stringify(decoded)).toBe(jsonText.trimEnd())
    })
  }
})

describe('a body that is no protobuf object', () => {
  const deployment = { group: 'apps', version: 'v1', kind: 'Deployment' }
  const web = readFileSync(join(TESTDATA, 'create-deployment-web.kubectl-1.32.pb'))
  const failure = async (data: Buffer) => {
    try {
      await decodeProtobufObject(data, deployment)
    } catch (e) {
      if (e instanceof ProtobufDecodeError) return { stage: e.stage, message: e.message }
      throw e
    }
    throw new Error('decoded')
  }

  it('is refused without the k8s\\0 prefix, as the serializer words it', async () => {
    expect(await failure(Buffer.from('{"kind":"Deployment"}'))).toEqual({
      stage: 'envelope',
      message: 'provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]',
    })
  })

  it('is refused when empty or the prefix alone', async () => {
    expect(await failure(Buffer.alloc(0))).toEqual({ stage: 'envelope', message: 'empty data' })
    expect(await failure(web.subarray(0, 4))).toEqual({ stage: 'envelope', message: 'empty body' })
  })

  it('reports a cut-off envelope as Go does: unexpected EOF', async () => {
    expect(await failure(web.subarray(0, 20))).toEqual({ stage: 'envelope', message: 'unexpected EOF' })
  })

  it('reports a kind its group version does not have with the scheme\'s words', async () => {
    const bogus = Buffer.from(web)
    // typeMeta.kind "Deployment" -> "Deploymenx": same length, so the envelope stays well formed.
    bogus.write('x', web.indexOf('Deployment') + 9)
    expect(await failure(bogus)).toEqual({
      stage: 'object',
      message: 'no kind "Deploymenx" is registered for version "apps/v1" in scheme "pkg/api/legacyscheme/scheme.go:30"',
    })
  })
})

describe('any damaged body', () => {
  it('decodes to an object or fails with a ProtobufDecodeError, never another error (seeded byte flips and cuts)', async () => {
    const bodies = captured.map((f) => readFileSync(join(TESTDATA, f)))
    const damage = fc.record({
      body: fc.integer({ min: 0, max: bodies.length - 1 }),
      flips: fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 4 }),
      cut: fc.option(fc.nat()),
    })
    await fc.assert(
      fc.asyncProperty(damage, async ({ body, flips, cut }) => {
        const data = Buffer.from(bodies[body] as Buffer)
        // Past the 4-byte prefix, so that the envelope and the object are what breaks.
        for (const { at, byte } of flips) data[4 + (at % (data.length - 4))] = byte
        const damaged = cut === null ? data : data.subarray(0, 4 + (cut % (data.length - 4)))
        try {
          const object = await decodeProtobufObject(damaged, { group: 'apps', version: 'v1', kind: 'Deployment' })
          expect(typeof object).toBe('object')
        } catch (e) {
          expect(e).toBeInstanceOf(ProtobufDecodeError)
        }
      }),
      { seed: 20261201, numRuns: 2000 },
    )
  })
})
