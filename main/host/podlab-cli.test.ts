import Database from 'better-sqlite3'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { smallClusterFile } from '../engine/testing/cluster-file-bytes'
import { fingerprint as fileHash } from '../engine/testing/fingerprint'
import { runCli, type CliIO } from './podlab-cli'

const SEED = join(__dirname, '../../testdata/seed')
const tmp = () => mkdtempSync(join(tmpdir(), 'podlab-cli-'))

async function podlab(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const io: CliIO = { stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: () => stdin, env: {} }
  const code = await runCli(args, io)
  return { code, out, err }
}

describe('podlab CLI, end to end on a cluster file (issue: "Done when")', () => {
  it('apply, advance 30s, get pods prints the real kubectl table with the pod Running for 30s', async () => {
    const dir = tmp()
    const db = join(dir, 'c.podlab')
    const pod = join(dir, 'pod.yaml')
    writeFileSync(pod, readFileSync(join(SEED, 'pod-mynginx.yaml'), 'utf8').replace('metadate:', 'metadata:'))
    expect(await podlab(['--db', db, 'kubectl', 'apply', '-f', pod])).toEqual({ code: 0, out: 'pod/mynginx created\n', err: '' })
    expect((await podlab(['--db', db, 'advance', '30s'])).code).toBe(0)
    expect(await podlab(['--db', db, 'kubectl', 'get', 'pods'])).toEqual({
      code: 0,
      out: 'NAME      READY   STATUS    RESTARTS   AGE\nmynginx   1/1     Running   0          30s\n',
      err: '',
    })
  })
})

describe('bad input changes nothing in the file (k8s-behaviour.md §11)', () => {
  const cases: Array<[string, string[], string, RegExp]> = [
    ['the seed pod with `metadate:`', ['apply', '-f', 'pod-mynginx.yaml'], '', /^error: error when retrieving current configuration of:\n/],
    [
      'the seed Deployment with `apiVersion: app/v1`',
      ['apply', '-f', 'helloDeployment.yaml'],
      '',
      /^error: resource mapping not found for name: "hello" namespace: "" from "helloDeployment.yaml": no matches for kind "Deployment" in version "app\/v1"\nensure CRDs are installed first\n$/,
    ],
    [
      'the seed heredoc with `- containerPort: 80` as a container',
      ['apply', '-f', '-'],
      'heredoc',
      /^Error from server \(BadRequest\): error when creating "STDIN": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec\.containers\[1\]\.containerPort"\n$/,
    ],
    // go-yaml's words, as kubectl 1.32 prints them for this input.
    [
      'malformed YAML',
      ['apply', '-f', '-'],
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   bad: [\n',
      /^error: error parsing STDIN: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context\n$/,
    ],
  ]

  it.each(cases)('%s', async (_name, args, stdin, stderr) => {
    const dir = tmp()
    const db = join(dir, 'c.podlab')
    await podlab(['--db', db, 'advance', '1s'])
    const before = fileHash(db)
    const input = stdin === 'heredoc' ? heredocManifest() : stdin
    const resolved = args.map((a) => (a.endsWith('.yaml') ? join(SEED, a) : a))
    const result = await podlab(['--db', db, 'kubectl', ...resolved], input)
    expect(result.code).toBe(1)
    expect(result.out).toBe('')
    expect(result.err.replaceAll(SEED + '/', '')).toMatch(stderr)
    expect(fileHash(db)).toBe(before)
  })

  it('refuses a file that is not a cluster file with one sentence, not a stack trace', async () => {
    const dir = tmp()
    const notSqlite = join(dir, 'notes.podlab')
    writeFileSync(notSqlite, readFileSync(join(SEED, 'notes-pods.ko.txt')))
    const result = await podlab(['--db', notSqlite, 'kubectl', 'get', 'pods'])
    expect(result.code).toBe(1)
    expect(result.err).toMatch(/^error: cannot open cluster file ".*notes\.podlab": file is not a database\n$/)
  })

  it('refuses an unknown command and a bad duration', async () => {
    expect((await podlab(['frobnicate'])).err).toMatch(/^error: unknown command "frobnicate" for "podlab"/)
    const db = join(tmp(), 'c.podlab')
    expect(await podlab(['--db', db, 'advance', 'soon'])).toMatchObject({ code: 1, err: expect.stringMatching(/invalid duration "soon"/) })
  })
})

/** The manifest inside the seed's heredoc-apply.sh (what `cat << EOF | kubectl apply -f -` sends). */
function heredocManifest(): string {
  const script = readFileSync(join(SEED, 'heredoc-apply.sh'), 'utf8')
  const m = /<< EOF[^\n]*\n([\s\S]*?)\nEOF/.exec(script)
  if (!m) throw new Error('heredoc-apply.sh no longer holds a heredoc')
  return `${m[1]}\n`
}

describe('a cluster file Podlab cannot trust: `error: <sentence>` and exit 1, never a raw TypeError (issue 5)', () => {
  const damagedPod = (path: string) => {
    const raw = new Database(path)
    raw.exec("UPDATE objects SET body = json_remove(body, '$.spec') WHERE resource = 'pods'")
    raw.close()
  }
  it.each([
    ['kubectl get pod mynginx -o yaml', ['kubectl', 'get', 'pod', 'mynginx', '-o', 'yaml']],
    ['advance 1s', ['advance', '1s']],
  ])('%s on a file with a pod body without spec', async (_name, args) => {
    const db = smallClusterFile()
    damagedPod(db)
    const result = await podlab(['--db', db, ...args])
    expect(result).toEqual({ code: 1, out: '', err: expect.stringMatching(/^error: ".*c\.podlab" is damaged: objects row pods\/default\/mynginx has a pod body without spec\.containers\n$/) })
  })

  // `get pods` prints from the pods' heads (object_heads), not their bodies: a head without spec is its damage.
  it('kubectl get pods on a file with a pod head without spec', async () => {
    const db = smallClusterFile()
    const raw = new Database(db)
    raw.exec("UPDATE object_heads SET head = json_remove(head, '$.spec') WHERE resource = 'pods'")
    raw.close()
    const result = await podlab(['--db', db, 'kubectl', 'get', 'pods'])
    expect(result).toEqual({ code: 1, out: '', err: expect.stringMatching(/^error: ".*c\.podlab" is damaged: object_heads row pods\/default\/mynginx has no metadata or no spec\n$/) })
  })

  it('--seed -1 is refused with a sentence and leaves no file behind', async () => {
    const dir = tmp()
    const db = join(dir, 'c.podlab')
    expect(await podlab(['--db', db, '--seed', '-1', 'kubectl', 'get', 'pods'])).toEqual({
      code: 1,
      out: '',
      err: 'error: --seed must be a whole number of 1 to 15 digits, got "-1"\n',
    })
    expect(readdirSync(dir)).toEqual([])
  })
})

describe('input size (issue 5)', () => {
  it('refuses kubectl apply -f /dev/zero with the API server\'s words for a too-large body, and writes nothing', async () => {
    const db = join(tmp(), 'c.podlab')
    expect((await podlab(['--db', db, 'kubectl', 'get', 'pods'])).code).toBe(0)
    const before = fileHash(db)
    expect(await podlab(['--db', db, 'kubectl', 'apply', '-f', '/dev/zero'])).toEqual({
      code: 1,
      out: '',
      err: 'Error from server (RequestEntityTooLarge): error when creating "/dev/zero": Request entity too large: limit is 3145728\n',
    })
    expect(fileHash(db)).toBe(before)
  })
})
