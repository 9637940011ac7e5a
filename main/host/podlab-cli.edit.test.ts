import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, type CliIO } from './podlab-cli'
import { terminalEditor } from './terminal-editor'

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    run: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n'

async function podlab(args: string[], env: Record<string, string> = {}, dir = ''): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const io: CliIO = { stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: () => POD, env: {}, editor: terminalEditor(env, dir || tmpdir()) }
  const code = await runCli(args, io)
  return { code, out, err }
}

/** A KUBE_EDITOR script that runs sed with `expr` on the file. */
function sedEditor(dir: string, expr: string): string {
  const script = join(dir, 'edit.sh')
  writeFileSync(script, `#!/bin/sh\nsed -i '${expr}' "$1"\n`)
  chmodSync(script, 0o755)
  return script
}

describe('podlab kubectl edit: $KUBE_EDITOR on a temporary file, the patch on the cluster file', () => {
  it('a label added in the editor is patched (pod/web edited), get --show-labels shows it, the clock stands still', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'podlab-edit-'))
    const db = join(dir, 'c.podlab')
    await podlab(['--db', db, 'kubectl', 'apply', '-f', '-'])
    const before = (await podlab(['--db', db, 'advance', '10s'])).out
    const editor = sedEditor(dir, 's/^    run: web$/    run: web\\n    tier: frontend/')
    expect(await podlab(['--db', db, 'kubectl', 'edit', 'pod', 'web'], { KUBE_EDITOR: editor }, dir)).toEqual({ code: 0, out: 'pod/web edited\n', err: '' })
    const labels = await podlab(['--db', db, 'kubectl', 'get', 'pod', 'web', '--show-labels', '--no-headers'])
    expect(labels.out).toMatch(/ run=web,tier=frontend\n$/)
    // The CLI's clock is manual: the edit, however long the editor stays open, does not run it.
    expect((await podlab(['--db', db, 'advance', '0s'])).out).toBe(before)
  })

  it('an immutable field changed: kubectl reopens the file with the API server\'s reasons, then keeps the copy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'podlab-edit-'))
    const db = join(dir, 'c.podlab')
    await podlab(['--db', db, 'kubectl', 'apply', '-f', '-'])
    // First pass: change restartPolicy; second pass (the reopened file, its header naming the error): unchanged.
    const editor = sedEditor(dir, 's/^  restartPolicy: Always$/  restartPolicy: Never/')
    const edit = await podlab(['--db', db, 'kubectl', 'edit', 'pod', 'web'], { KUBE_EDITOR: editor }, dir)
    expect(edit.code).toBe(1)
    expect(edit.out).toBe('')
    expect(edit.err).toMatch(/^error: pods "web" is invalid\nA copy of your changes has been stored to "[^"]+\/kubectl-edit-\d+\.yaml"\nerror: Edit cancelled, no valid changes were saved\.\n$/)
  })

  it('an editor that fails: kubectl\'s error, exit 1, nothing patched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'podlab-edit-'))
    const db = join(dir, 'c.podlab')
    await podlab(['--db', db, 'kubectl', 'apply', '-f', '-'])
    expect(await podlab(['--db', db, 'kubectl', 'edit', 'pod', 'web'], { EDITOR: 'false' }, dir)).toEqual({ code: 1, out: '', err: 'error: there was a problem with the editor "false"\n' })
  })
})
