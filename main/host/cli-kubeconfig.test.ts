// `podlab kubectl` keeps its kubeconfig in the cluster file: a set-context's namespace lasts for later runs, the
// config verbs show it, and a value Podlab never writes (a shared, tampered file) is refused as damage.
import Database from 'better-sqlite3'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, type CliIO } from './podlab-cli'

async function podlab(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const io: CliIO = { stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: () => '', env: {} }
  const code = await runCli(args, io)
  return { code, out, err }
}

const newFile = () => join(mkdtempSync(join(tmpdir(), 'podlab-kubeconfig-')), 'c.podlab')

describe('podlab kubectl keeps its kubeconfig in the cluster file', () => {
  it('set-context --current --namespace=dev lasts: later runs list dev, and get-contexts, view and use-context show it', async () => {
    const db = newFile()
    const kubectl = (...args: string[]) => podlab(['--db', db, 'kubectl', ...args])
    expect(await kubectl('create', 'namespace', 'dev')).toMatchObject({ code: 0 })
    expect(await kubectl('run', 'in-dev', '--image=nginx', '-n', 'dev')).toMatchObject({ code: 0 })
    expect(await kubectl('config', 'set-context', '--current', '--namespace=dev')).toEqual({ code: 0, out: 'Context "podlab" modified.\n', err: '' })
    expect((await kubectl('get', 'pods', '-o', 'name')).out).toBe('pod/in-dev\n')
    expect((await kubectl('config', 'get-contexts')).out).toBe('CURRENT   NAME     CLUSTER   AUTHINFO   NAMESPACE\n*         podlab   podlab    podlab     dev\n')
    expect((await kubectl('config', 'view')).out).toContain('    namespace: dev\n')
    expect(await kubectl('config', 'use-context', 'podlab')).toEqual({ code: 0, out: 'Switched to context "podlab".\n', err: '' })
    expect((await kubectl('get', 'pods', '-o', 'name', '-n', 'default')).out).toBe('')
    expect(await kubectl('config', 'set-context', 'podlab', '--namespace=')).toMatchObject({ code: 0 })
    expect((await kubectl('config', 'get-contexts', '--no-headers')).out).toBe('*     podlab   podlab   podlab   \n')
  })

  it.each([
    ['not JSON', 'dev'],
    ['another key', '{"namespace":"dev","server":"https://evil"}'],
    ['a namespace that is not a string', '{"namespace":7}'],
    ['an escape sequence in the namespace', '{"namespace":"\\u001b]0;pwned\\u0007"}'],
    ['a namespace of 254 characters', JSON.stringify({ namespace: 'a'.repeat(254) })],
  ])('a file whose cli_kubeconfig holds %s is damaged, in one sentence', async (_name, value) => {
    const db = newFile()
    expect((await podlab(['--db', db, 'advance', '1s'])).code).toBe(0)
    const raw = new Database(db)
    raw.prepare("INSERT INTO meta (key, value) VALUES ('cli_kubeconfig', ?)").run(value)
    raw.close()
    expect(await podlab(['--db', db, 'kubectl', 'get', 'pods'])).toEqual({
      code: 1,
      out: '',
      err: expect.stringMatching(/^error: ".*c\.podlab" is damaged: meta row cli_kubeconfig: the cli_kubeconfig is not a namespace of at most 253 printable characters\n$/),
    })
  })

  it('a namespace with a control character is not kept: set-context says so and changes nothing', async () => {
    const db = newFile()
    const result = await podlab(['--db', db, 'kubectl', 'config', 'set-context', '--current', '--namespace=a\u001bb'])
    expect(result).toEqual({ code: 1, out: '', err: 'error: a kubeconfig namespace must be at most 253 printable characters\n' })
    expect((await podlab(['--db', db, 'kubectl', 'config', 'get-contexts', '--no-headers'])).out).toBe('*     podlab   podlab   podlab   \n')
  })
})
