import { describe, expect, it } from 'vitest'
import { QUANTITY_FORMAT_WRONG, QUANTITY_SUFFIX } from './scalars'
import { decodeAs } from './walk'

const podWith = (resources: unknown, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'x' },
  spec: { containers: [{ name: 'a', image: 'b', resources }], ...extra },
})

const containerResources = (value: unknown) =>
  ((value as { spec: { containers: Array<{ resources: unknown }> } }).spec.containers[0] ?? { resources: undefined }).resources

describe('decodeAs: resource.Quantity fields come out as Quantity.String() (apimachinery v0.32.0)', () => {
  it('canonicalises what the client wrote: cpu: 1, cpu: "0.5", memory: 1024Mi', () => {
    const out = decodeAs('core.v1.Pod', podWith({ limits: { cpu: 1, memory: '1024Mi' }, requests: { cpu: '0.5', memory: '1.5Gi' } }))
    expect(out.error).toBeNull()
    expect(containerResources(out.value)).toEqual({ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m', memory: '1536Mi' } })
  })

  it('JSON numbers become strings too; already-canonical text is kept as written', () => {
    const out = decodeAs('core.v1.Pod', podWith({ limits: { cpu: 0.25, memory: '100M', 'ephemeral-storage': '1e3' }, requests: { cpu: '1000m', memory: 1048576 } }))
    expect(containerResources(out.value)).toEqual({
      limits: { cpu: '250m', 'ephemeral-storage': '1e3', memory: '100M' },
      requests: { cpu: '1', memory: '1048576' },
    })
  })

  it('trims surrounding space as Quantity.UnmarshalJSON does (TestJSONWhitespace)', () => {
    const out = decodeAs('core.v1.Pod', podWith({ limits: { cpu: ' 1', memory: '2Gi ' } }))
    expect(containerResources(out.value)).toEqual({ limits: { cpu: '1', memory: '2Gi' } })
  })

  it('covers single Quantity fields (emptyDir.sizeLimit) and map nulls stay the zero Quantity "0"', () => {
    const out = decodeAs('core.v1.Pod', podWith({ limits: { cpu: null } }, { volumes: [{ name: 'v', emptyDir: { sizeLimit: '2048Mi' } }] }))
    const value = out.value as { spec: { volumes: Array<{ emptyDir: { sizeLimit: string } }> } }
    expect(value.spec.volumes[0]?.emptyDir.sizeLimit).toBe('2Gi')
    expect(containerResources(out.value)).toEqual({ limits: { cpu: '0' } })
  })

  it('keeps the parse errors unchanged', () => {
    expect(decodeAs('core.v1.Pod', podWith({ limits: { memory: '128 Mi' } })).error).toBe(QUANTITY_FORMAT_WRONG)
    expect(decodeAs('core.v1.Pod', podWith({ requests: { memory: '1mi' } })).error).toBe(QUANTITY_SUFFIX)
    expect(decodeAs('core.v1.Pod', podWith({ requests: { cpu: true } })).error).toBe(QUANTITY_FORMAT_WRONG)
  })
})
