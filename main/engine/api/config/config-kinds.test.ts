// v1 ConfigMap and Secret through the real engine's API server and kubectl get: the decoder's base64, the
// defaults and stringData merge, ValidateConfigMap/ValidateSecret(Update) texts (release-1.32), and the Tables.
import { describe, expect, it } from 'vitest'
import { manualClusters } from '../../testing/cluster'
import { runKubectl } from '../../../kubectl/run-kubectl'
import type { Secret } from './types'

const cluster = manualClusters()

const secret = (body: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, ...body })
const configMap = (body: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, ...body })

function errorOf(f: () => unknown): string {
  try {
    f()
  } catch (e) {
    return (e as Error).message
  }
  return 'no error'
}

describe('Secret defaults and decoding (SetDefaults_Secret, Convert_v1_Secret_To_core_Secret, encoding/json)', () => {
  it('types an untyped Secret Opaque and merges stringData into data (stringData wins, never stored)', () => {
    const engine = cluster()
    const created = engine.create(secret({ data: { user: 'b2xk', keep: 'a2VlcA==' }, stringData: { user: 'admin' } })) as Secret
    expect(created.type).toBe('Opaque')
    expect(created.data).toEqual({ keep: 'a2VlcA==', user: Buffer.from('admin').toString('base64') })
    expect(created.stringData).toBeUndefined()
    expect((engine.get('secrets', 'default', 's') as Secret).stringData).toBeUndefined()
  })

  it('refuses data that is not standard base64 with the decoder\'s offset, whatever the field validation', () => {
    const engine = cluster()
    expect(errorOf(() => engine.create(secret({ data: { password: 'abc!def=' } }), { fieldValidation: 'Ignore' }))).toBe(
      'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 3',
    )
    expect(errorOf(() => engine.create(configMap({ binaryData: { bin: 'QUJD' + 'x' } })))).toBe(
      'ConfigMap in version "v1" cannot be handled as a ConfigMap: illegal base64 data at input byte 4',
    )
  })

  it('stores base64 as Go writes it back (the newlines encoding/json skips are gone)', () => {
    const engine = cluster()
    expect((engine.create(secret({ data: { k: 'c3Vy\nZQ==' } })) as Secret).data).toEqual({ k: 'c3VyZQ==' })
  })
})

describe('ValidateConfigMap / ValidateSecret (pkg/apis/core/validation, release-1.32)', () => {
  const KEY_ERR =
    "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"

  it('names each bad key with IsConfigMapKey\'s words, and a key in both data and binaryData', () => {
    const engine = cluster()
    expect(errorOf(() => engine.create(secret({ stringData: { 'bad key': 'x' } })))).toBe(`Secret "s" is invalid: data[bad key]: Invalid value: "bad key": ${KEY_ERR}`)
    expect(errorOf(() => engine.create(configMap({ data: { '..x': 'a', dup: 'b' }, binaryData: { dup: 'Yg==' } })))).toBe(
      `ConfigMap "cm" is invalid: [data[..x]: Invalid value: "..x": must not start with '..', data[dup]: Invalid value: "dup": duplicate of key present in binaryData]`,
    )
  })

  it('refuses more than 1 MiB of values: the Secret at data, the ConfigMap at the whole object', () => {
    const engine = cluster()
    const big = 'x'.repeat(1024 * 1024 + 1)
    expect(errorOf(() => engine.create(secret({ stringData: { big } })))).toBe('Secret "s" is invalid: data: Too long: may not be more than 1048576 bytes')
    expect(errorOf(() => engine.create(configMap({ data: { big } })))).toBe('ConfigMap "cm" is invalid: : Too long: may not be more than 1048576 bytes')
    expect(() => engine.create(configMap({ data: { big: big.slice(1) } }))).not.toThrow()
  })

  it("requires each built-in type's keys (kubernetes.io/tls: tls.crt and tls.key)", () => {
    const engine = cluster()
    expect(errorOf(() => engine.create(secret({ type: 'kubernetes.io/tls', stringData: { 'tls.crt': 'c' } })))).toBe(
      'Secret "s" is invalid: data[tls.key]: Required value',
    )
  })

  it('keeps the type, and freezes data and immutable once immutable is true', () => {
    const engine = cluster()
    engine.create(secret({ stringData: { a: '1' }, immutable: true }))
    const stored = engine.get('secrets', 'default', 's') as Secret
    expect(errorOf(() => engine.update({ ...stored, type: 'kubernetes.io/basic-auth', stringData: { username: 'u' } }))).toBe(
      'Secret "s" is invalid: [type: Invalid value: "kubernetes.io/basic-auth": field is immutable, data: Forbidden: field is immutable when `immutable` is set]',
    )
    expect(errorOf(() => engine.update({ ...stored, immutable: false }))).toBe('Secret "s" is invalid: immutable: Forbidden: field is immutable when `immutable` is set')
    expect(() => engine.update({ ...stored, metadata: { ...stored.metadata, labels: { a: 'b' } } })).not.toThrow()
    engine.create(configMap({ data: { a: '1' }, immutable: true }))
    const cm = engine.get('configmaps', 'default', 'cm')
    expect(errorOf(() => engine.update({ ...cm, data: { a: '2' } }))).toBe('ConfigMap "cm" is invalid: data: Forbidden: field is immutable when `immutable` is set')
  })
})

describe('kubectl get configmaps|secrets (printConfigMap / printSecret)', () => {
  it('prints NAME DATA AGE (data + binaryData) and NAME TYPE DATA AGE, and finds cm by its short name', () => {
    const engine = cluster()
    engine.create(configMap({ data: { a: '1', b: '2' }, binaryData: { c: 'Yw==' } }))
    engine.create(secret({ stringData: { username: 'u' } }))
    engine.advance(65_000)
    const get = (...args: string[]) => runKubectl(['get', ...args], { engine, readFile: () => '', readStdin: () => '' })
    expect(get('cm').stdout).toBe('NAME   DATA   AGE\ncm     3      65s\n')
    expect(get('secrets').stdout).toBe('NAME   TYPE     DATA   AGE\ns      Opaque   1      65s\n')
  })
})
