import { describe, expect, it } from 'vitest'
import { createRng, seedState } from '../../runtime/rng'
import { ALPHANUMS, generateName, nameIsDNSLabel, nameIsDNSSubdomain } from './names'
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue, isValidPortName } from './validation'

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"

describe('generateName (apiserver SimpleNameGenerator, k8s-behaviour §6.1)', () => {
  it('appends 5 characters from the vowel-free alphabet', () => {
    const name = generateName('hello-7c5ddbdf54-', createRng(seedState('1')))
    expect(name).toMatch(new RegExp(`^hello-7c5ddbdf54-[${ALPHANUMS}]{5}$`))
  })
  it('cuts the base to 58 characters (maxNameLength 63 - randomLength 5)', () => {
    const name = generateName('a'.repeat(70), createRng(seedState('1')))
    expect(name).toHaveLength(63)
    expect(name.slice(0, 58)).toBe('a'.repeat(58))
  })
  it('is deterministic for a seed (the cluster RNG, never Math.random)', () => {
    expect(generateName('x-', createRng(seedState('42')))).toBe(generateName('x-', createRng(seedState('42'))))
  })
})

describe('DNS-1123 validators (apimachinery v0.32.0 util/validation, k8s-behaviour §11(g))', () => {
  const cases: Array<[string, (v: string) => string[], string, string[]]> = [
    ['subdomain ok', isDNS1123Subdomain, 'my-pod.v1', []],
    ['subdomain with capitals and underscore', isDNS1123Subdomain, 'My_Pod', [SUBDOMAIN_MSG]],
    ['subdomain too long', isDNS1123Subdomain, 'a'.repeat(254), ['must be no more than 253 characters']],
    ['label with capitals (two spaces before "or")', isDNS1123Label, 'Web_App', [LABEL_MSG]],
    ['label with dots is a subdomain: "must not contain dots"', isDNS1123Label, 'web.app', ['must not contain dots']],
    ['label too long', isDNS1123Label, 'a'.repeat(64), ['must be no more than 63 characters']],
    ['label ending in a dash', isDNS1123Label, 'web-', [LABEL_MSG]],
  ]
  it.each(cases)('%s', (_n, fn, value, expected) => {
    expect(fn(value)).toEqual(expected)
  })

  it('generateName prefixes may end in "-" (maskTrailingDash)', () => {
    expect(nameIsDNSSubdomain('web-', true)).toEqual([])
    expect(nameIsDNSSubdomain('web-', false)).toEqual([SUBDOMAIN_MSG])
    expect(nameIsDNSLabel('ns-', true)).toEqual([])
  })
})

describe('qualified names and label values (apimachinery v0.32.0 util/validation)', () => {
  const cases: Array<[string, string[]]> = [
    ['app', []],
    ['example.com/app', []],
    ['app name', ["name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"]],
    ['/app', ['prefix part must be non-empty']],
    ['a/b/c', ["a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"]],
  ]
  it.each(cases)('IsQualifiedName(%j)', (value, expected) => {
    expect(isQualifiedName(value)).toEqual(expected)
  })

  it('label values may be empty but not start with "-"', () => {
    expect(isValidLabelValue('')).toEqual([])
    expect(isValidLabelValue('-x')[0]).toMatch(/^a valid label must be an empty string/)
    expect(isValidLabelValue('a'.repeat(64))[0]).toBe('must be no more than 63 characters')
  })

  it('port names follow IANA_SVC_NAME', () => {
    expect(isValidPortName('http')).toEqual([])
    expect(isValidPortName('8080')).toEqual(['must contain at least one letter (a-z)'])
    expect(isValidPortName('web--ui')).toEqual(['must not contain consecutive hyphens'])
    expect(isValidPortName('a-very-long-port-name')).toEqual(['must be no more than 15 characters'])
  })
})
