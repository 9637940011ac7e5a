// Table tests ported from github.com/distribution/reference v0.6.0 (reference_test.go TestReferenceParse,
// normalize_test.go TestValidateReferenceName, TestValidateRemoteName, TestParseRepositoryInfo,
// TestNormalizedSplitHostname, TestParseDockerRef, TestParseReferenceWithTagAndDigest): the grammar the
// kubelet's InvalidImageName check runs on.
import { describe, expect, it } from 'vitest'
import {
  familiarName,
  familiarString,
  parse,
  parseDockerRef,
  parseNamed,
  parseNormalizedNamed,
  referenceName,
  referenceString,
  ReferenceError,
  withTag,
  type ReferenceErrorReason,
} from './reference'

const f64 = 'f'.repeat(64)
const f128 = 'f'.repeat(128)

function reasonOf(fn: () => unknown): ReferenceErrorReason | undefined {
  try {
    fn()
    return undefined
  } catch (e) {
    if (e instanceof ReferenceError) return e.reason
    throw e
  }
}

describe('TestReferenceParse (reference_test.go)', () => {
  type Ok = [input: string, repository: string, domain: string, tag: string, digest: string]
  const ok: Ok[] = [
    ['test_com', 'test_com', '', '', ''],
    ['test.com:tag', 'test.com', '', 'tag', ''],
    ['test.com:5000', 'test.com', '', '5000', ''],
    ['test.com/repo:tag', 'test.com/repo', 'test.com', 'tag', ''],
    ['test:5000/repo', 'test:5000/repo', 'test:5000', '', ''],
    ['test:5000/repo:tag', 'test:5000/repo', 'test:5000', 'tag', ''],
    [`test:5000/repo@sha256:${f64}`, 'test:5000/repo', 'test:5000', '', `sha256:${f64}`],
    [`test:5000/repo:tag@sha256:${f64}`, 'test:5000/repo', 'test:5000', 'tag', `sha256:${f64}`],
    ['lowercase:Uppercase', 'lowercase', '', 'Uppercase', ''],
    [`${'a/'.repeat(127)}a:tag-puts-this-over-max`, `${'a/'.repeat(127)}a`, 'a', 'tag-puts-this-over-max', ''],
    ['sub-dom1.foo.com/bar/baz/quux', 'sub-dom1.foo.com/bar/baz/quux', 'sub-dom1.foo.com', '', ''],
    ['sub-dom1.foo.com/bar/baz/quux:some-long-tag', 'sub-dom1.foo.com/bar/baz/quux', 'sub-dom1.foo.com', 'some-long-tag', ''],
    ['b.gcr.io/test.example.com/my-app:test.example.com', 'b.gcr.io/test.example.com/my-app', 'b.gcr.io', 'test.example.com', ''],
    ['xn--n3h.com/myimage:xn--n3h.com', 'xn--n3h.com/myimage', 'xn--n3h.com', 'xn--n3h.com', ''],
    [`xn--7o8h.com/myimage:xn--7o8h.com@sha512:${f128}`, 'xn--7o8h.com/myimage', 'xn--7o8h.com', 'xn--7o8h.com', `sha512:${f128}`],
    ['foo_bar.com:8080', 'foo_bar.com', '', '8080', ''],
    ['foo/foo_bar.com:8080', 'foo/foo_bar.com', 'foo', '8080', ''],
    ['192.168.1.1', '192.168.1.1', '', '', ''],
    ['192.168.1.1:tag', '192.168.1.1', '', 'tag', ''],
    ['192.168.1.1:5000', '192.168.1.1', '', '5000', ''],
    ['192.168.1.1/repo', '192.168.1.1/repo', '192.168.1.1', '', ''],
    ['192.168.1.1:5000/repo', '192.168.1.1:5000/repo', '192.168.1.1:5000', '', ''],
    ['192.168.1.1:5000/repo:5050', '192.168.1.1:5000/repo', '192.168.1.1:5000', '5050', ''],
    ['[2001:db8::1]/repo', '[2001:db8::1]/repo', '[2001:db8::1]', '', ''],
    ['[2001:db8:1:2:3:4:5:6]/repo:tag', '[2001:db8:1:2:3:4:5:6]/repo', '[2001:db8:1:2:3:4:5:6]', 'tag', ''],
    ['[2001:db8::1]:5000/repo', '[2001:db8::1]:5000/repo', '[2001:db8::1]:5000', '', ''],
    ['[2001:db8::1]:5000/repo:tag', '[2001:db8::1]:5000/repo', '[2001:db8::1]:5000', 'tag', ''],
    [`[2001:db8::1]:5000/repo@sha256:${f64}`, '[2001:db8::1]:5000/repo', '[2001:db8::1]:5000', '', `sha256:${f64}`],
    [`[2001:db8::1]:5000/repo:tag@sha256:${f64}`, '[2001:db8::1]:5000/repo', '[2001:db8::1]:5000', 'tag', `sha256:${f64}`],
    ['[2001:db8::]:5000/repo', '[2001:db8::]:5000/repo', '[2001:db8::]:5000', '', ''],
    ['[::1]:5000/repo', '[::1]:5000/repo', '[::1]:5000', '', ''],
    [`example.com/${'a'.repeat(255)}:tag`, `example.com/${'a'.repeat(255)}`, 'example.com', 'tag', ''],
  ]
  it.each(ok)('%s parses', (input, repository, domain, tag, digest) => {
    const r = parse(input)
    expect(referenceString(r)).toBe(input)
    expect(referenceName(r)).toBe(repository)
    expect(r.domain).toBe(domain)
    expect(r.tag).toBe(tag)
    expect(r.digest).toBe(digest)
  })

  const bad: Array<[string, ReferenceErrorReason]> = [
    ['', 'NameEmpty'],
    [':justtag', 'ReferenceInvalidFormat'],
    [`@sha256:${f64}`, 'ReferenceInvalidFormat'],
    [`repo@sha256:${'f'.repeat(34)}`, 'DigestInvalidLength'],
    [`validname@invaliddigest:${f64}`, 'DigestUnsupported'],
    ['Uppercase:tag', 'NameContainsUppercase'],
    ['test:5000/Uppercase/lowercase:tag', 'NameContainsUppercase'],
    [`domain/${'a'.repeat(256)}:tag`, 'NameTooLong'],
    ['aa/asdf$$^/aa', 'ReferenceInvalidFormat'],
    ['[2001:db8::1]', 'ReferenceInvalidFormat'],
    ['[2001:db8::1]:5000', 'ReferenceInvalidFormat'],
    ['[2001:db8::1]:tag', 'ReferenceInvalidFormat'],
    ['[fe80::1%eth0]:5000/repo', 'ReferenceInvalidFormat'],
    ['[fe80::1%@invalidzone]:5000/repo', 'ReferenceInvalidFormat'],
  ]
  it.each(bad)('%j fails with %s', (input, reason) => expect(reasonOf(() => parse(input))).toBe(reason))

  it('says the Go error texts word for word', () => {
    expect(() => parse('')).toThrow('repository name must have at least one component')
    expect(() => parse('Uppercase:tag')).toThrow('repository name must be lowercase')
    expect(() => parse(':justtag')).toThrow('invalid reference format')
    expect(() => parse(`domain/${'a'.repeat(256)}`)).toThrow('repository name must not be more than 255 characters')
    expect(() => parse(`repo@sha256:${'f'.repeat(34)}`)).toThrow('invalid checksum digest length')
    expect(() => parse(`repo@sha256:${'F'.repeat(64)}`)).toThrow('invalid checksum digest format')
    expect(() => parse(`validname@invaliddigest:${f64}`)).toThrow('unsupported digest algorithm')
  })
})

describe('TestValidateReferenceName and TestValidateRemoteName (normalize_test.go)', () => {
  const valid = [
    'docker/docker', 'library/debian', 'debian', 'localhost/library/debian', 'localhost/debian', 'LOCALDOMAIN/library/debian',
    'LOCALDOMAIN/debian', 'docker.io/docker/docker', 'docker.io/library/debian', 'docker.io/debian', 'index.docker.io/docker/docker',
    'index.docker.io/library/debian', 'index.docker.io/debian', '127.0.0.1:5000/docker/docker', '127.0.0.1:5000/library/debian',
    '127.0.0.1:5000/debian', '192.168.0.1', '192.168.0.1:80', '192.168.0.1:8/debian', '192.168.0.2:25000/debian',
    'thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev', '[fc00::1]:5000/docker', '[fc00::1]:5000/docker/docker',
    '[fc00:1:2:3:4:5:6:7]:5000/library/debian', 'docker.io/1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a',
    'Docker/docker', 'DOCKER/docker',
    'docker-rules/docker', 'docker---rules/docker', 'doc/docker', 'd/docker', 'jess/t', 'dock__er/docker',
  ]
  it.each(valid)('%s is a valid name', (name) => expect(() => parseNormalizedNamed(name)).not.toThrow())

  const invalid = [
    'https://github.com/docker/docker', 'docker/Docker', '-docker', '-docker/docker', '-docker.io/docker/docker', 'docker///docker',
    'docker.io/docker/Docker', 'docker.io/docker///docker', '[fc00::1]', '[fc00::1]:5000', 'fc00::1:5000/debian',
    '[fe80::1%eth0]:5000/debian', '[2001:db8:3:4::192.0.2.33]:5000/debian',
    '1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a',
    'docker-/docker', '-docker-/docker', '____/____', '_docker/_docker', 'dock..er/docker', 'dock_.er/docker', 'dock-.er/docker',
    'docker/',
    'this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255/docker',
  ]
  it.each(invalid)('%s is not', (name) => expect(() => parseNormalizedNamed(name)).toThrow(ReferenceError))

  it('refuses a bare 64-hex identifier as a name, in the Go words', () => {
    const id = '1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a'
    expect(() => parseNormalizedNamed(id)).toThrow(`invalid repository name (${id}), cannot specify 64-byte hexadecimal strings`)
  })
})

describe('TestParseRepositoryInfo (normalize_test.go)', () => {
  type Case = [remote: string, familiar: string, full: string, ambiguous: string, domain: string]
  const cases: Case[] = [
    ['fooo', 'localhost/fooo', 'localhost/fooo', 'localhost/fooo', 'localhost'],
    ['fooo/bar', 'localhost/fooo/bar', 'localhost/fooo/bar', 'localhost/fooo/bar', 'localhost'],
    ['fooo', 'LOCALDOMAIN/fooo', 'LOCALDOMAIN/fooo', 'LOCALDOMAIN/fooo', 'LOCALDOMAIN'],
    ['fooo/bar', 'LOCALDOMAIN/fooo/bar', 'LOCALDOMAIN/fooo/bar', 'LOCALDOMAIN/fooo/bar', 'LOCALDOMAIN'],
    ['fooo/bar', 'fooo/bar', 'docker.io/fooo/bar', 'index.docker.io/fooo/bar', 'docker.io'],
    ['library/ubuntu', 'ubuntu', 'docker.io/library/ubuntu', 'library/ubuntu', 'docker.io'],
    ['nonlibrary/ubuntu', 'nonlibrary/ubuntu', 'docker.io/nonlibrary/ubuntu', '', 'docker.io'],
    ['other/library', 'other/library', 'docker.io/other/library', '', 'docker.io'],
    ['private/moonbase', '127.0.0.1:8000/private/moonbase', '127.0.0.1:8000/private/moonbase', '', '127.0.0.1:8000'],
    ['privatebase', '127.0.0.1:8000/privatebase', '127.0.0.1:8000/privatebase', '', '127.0.0.1:8000'],
    ['private/moonbase', 'example.com/private/moonbase', 'example.com/private/moonbase', '', 'example.com'],
    ['privatebase', 'example.com/privatebase', 'example.com/privatebase', '', 'example.com'],
    ['private/moonbase', 'example.com:8000/private/moonbase', 'example.com:8000/private/moonbase', '', 'example.com:8000'],
    ['privatebasee', 'example.com:8000/privatebasee', 'example.com:8000/privatebasee', '', 'example.com:8000'],
    ['library/ubuntu-12.04-base', 'ubuntu-12.04-base', 'docker.io/library/ubuntu-12.04-base', 'index.docker.io/library/ubuntu-12.04-base', 'docker.io'],
    ['library/foo', 'foo', 'docker.io/library/foo', 'docker.io/foo', 'docker.io'],
    ['library/foo/bar', 'library/foo/bar', 'docker.io/library/foo/bar', '', 'docker.io'],
    ['store/foo/bar', 'store/foo/bar', 'docker.io/store/foo/bar', '', 'docker.io'],
    ['bar', 'Foo/bar', 'Foo/bar', '', 'Foo'],
    ['bar', 'FOO/bar', 'FOO/bar', '', 'FOO'],
  ]
  const refs = cases.flatMap(([remote, familiar, full, ambiguous, domain]) =>
    [familiar, full, ...(ambiguous ? [ambiguous] : [])].map((r) => [r, remote, familiar, full, domain] as const),
  )
  it.each(refs)('%s -> remote %s, familiar %s, full %s, domain %s', (r, remote, familiar, full, domain) => {
    const named = parseNormalizedNamed(r)
    expect(familiarName(named)).toBe(familiar)
    expect(referenceString(named)).toBe(full)
    expect(named.domain).toBe(domain)
    expect(named.path).toBe(remote)
  })
})

describe('TestNormalizedSplitHostname (normalize_test.go)', () => {
  it.each([
    ['test.com/foo', 'test.com', 'foo'],
    ['test_com/foo', 'docker.io', 'test_com/foo'],
    ['docker/migrator', 'docker.io', 'docker/migrator'],
    ['test.com:8080/foo', 'test.com:8080', 'foo'],
    ['test-com:8080/foo', 'test-com:8080', 'foo'],
    ['foo', 'docker.io', 'library/foo'],
    ['xn--n3h.com/foo', 'xn--n3h.com', 'foo'],
    ['xn--n3h.com:18080/foo', 'xn--n3h.com:18080', 'foo'],
    ['docker.io/foo', 'docker.io', 'library/foo'],
    ['docker.io/library/foo', 'docker.io', 'library/foo'],
    ['docker.io/library/foo/bar', 'docker.io', 'library/foo/bar'],
  ])('%s -> %s + %s', (input, domain, path) => expect(parseNormalizedNamed(input)).toMatchObject({ domain, path }))
})

describe('TestParseDockerRef and TestParseReferenceWithTagAndDigest (normalize_test.go)', () => {
  const d = 'sha256:e6693c20186f837fc393390135d8a598a96a833917917789d63766cab6c59582'
  it.each([
    ['busybox', 'docker.io/library/busybox:latest'],
    ['busybox:latest', 'docker.io/library/busybox:latest'],
    [`busybox@${d}`, `docker.io/library/busybox@${d}`],
    ['library/busybox', 'docker.io/library/busybox:latest'],
    ['docker.io/busybox', 'docker.io/library/busybox:latest'],
    ['docker.io/library/busybox', 'docker.io/library/busybox:latest'],
    ['docker.io/busybox:latest', 'docker.io/library/busybox:latest'],
    ['library/busybox:latest', 'docker.io/library/busybox:latest'],
    ['docker.io/library/busybox:latest', 'docker.io/library/busybox:latest'],
    ['gcr.io/library/busybox', 'gcr.io/library/busybox:latest'],
    [`gcr.io/library/busybox:latest@${d}`, `gcr.io/library/busybox@${d}`],
  ])('%s -> %s', (input, expected) => {
    const output = referenceString(parseDockerRef(input))
    expect(output).toBe(expected)
    expect(() => parse(output)).not.toThrow()
  })

  it('keeps both tag and digest when normalising, and familiarises back', () => {
    const short = 'busybox:latest@sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa'
    const ref = parseNormalizedNamed(short)
    expect(referenceString(ref)).toBe(`docker.io/library/${short}`)
    expect(ref.tag).toBe('latest')
    expect(familiarString(ref)).toBe(short)
  })

  it('TestInvalidReferenceComponents: an invalid name or tag is refused', () => {
    expect(() => parseNormalizedNamed('-foo')).toThrow(ReferenceError)
    expect(reasonOf(() => withTag(parseNormalizedNamed('busybox'), '-foo'))).toBe('TagInvalidFormat')
  })

  it('ParseNamed wants the canonical form', () => {
    expect(referenceString(parseNamed('docker.io/library/nginx'))).toBe('docker.io/library/nginx')
    expect(reasonOf(() => parseNamed('nginx'))).toBe('NameNotCanonical')
  })
})
