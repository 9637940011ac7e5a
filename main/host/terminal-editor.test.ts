import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EditorFailed } from '../kubectl/io'
import { editorArgs, editorCommand, terminalEditor } from './terminal-editor'

const tmp = () => mkdtempSync(join(tmpdir(), 'terminal-editor-'))

/** A shell script that appends a line to the file it is given. */
function appendingEditor(dir: string): string {
  const script = join(dir, 'append.sh')
  writeFileSync(script, '#!/bin/sh\necho "# edited" >> "$1"\n')
  chmodSync(script, 0o755)
  return script
}

describe('the editor kubectl picks (editor.go defaultEnvEditor)', () => {
  it.each([
    ['KUBE_EDITOR before EDITOR', { KUBE_EDITOR: 'nano', EDITOR: 'emacs' }, { args: ['nano'], shell: false }],
    ['EDITOR when KUBE_EDITOR is empty', { KUBE_EDITOR: '', EDITOR: 'emacs' }, { args: ['emacs'], shell: false }],
    ['vi when neither is set', {}, { args: ['vi'], shell: false }],
    ['a value with spaces split on each space', { EDITOR: 'code  --wait' }, { args: ['code', '', '--wait'], shell: false }],
    ['a value with quotes run by $SHELL -c', { EDITOR: `"my editor" -w`, SHELL: '/bin/zsh' }, { args: ['/bin/zsh', '-c', `"my editor" -w`], shell: true }],
    ['a value with quotes run by /bin/bash without $SHELL', { EDITOR: `ed 'x'` }, { args: ['/bin/bash', '-c', `ed 'x'`], shell: true }],
  ])('%s', (_name, env, want) => {
    expect(editorCommand(env, 'linux')).toEqual(want)
  })

  it('notepad on Windows', () => {
    expect(editorCommand({}, 'win32')).toEqual({ args: ['notepad'], shell: false })
  })

  it('the path goes last, %q-quoted inside a shell script', () => {
    expect(editorArgs({ args: ['vi'], shell: false }, '/tmp/a b.yaml')).toEqual(['vi', '/tmp/a b.yaml'])
    expect(editorArgs({ args: ['/bin/sh', '-c', `ed 'x'`], shell: true }, '/tmp/a b.yaml')).toEqual(['/bin/sh', '-c', `ed 'x' "/tmp/a b.yaml"`])
  })
})

describe('terminalEditor: a temporary file, the editor run on it, its text read back', () => {
  it('writes the text to kubectl-edit-<number>.yaml (0600) and returns what the editor saved', async () => {
    const dir = tmp()
    const edited = await terminalEditor({ KUBE_EDITOR: appendingEditor(dir) }, dir)('kind: Pod\n', 'kubectl-edit-*.yaml')
    expect(edited?.path).toMatch(new RegExp(`^${dir}/kubectl-edit-\\d+\\.yaml$`))
    expect(edited?.text).toBe('kind: Pod\n# edited\n')
    expect(readFileSync(edited!.path, 'utf8')).toBe(edited?.text)
    edited!.remove()
    expect(existsSync(edited!.path)).toBe(false)
  })

  it('an editor that is not found: unable to launch the editor "<its command>"', async () => {
    const failed = terminalEditor({ EDITOR: 'no-such-editor-podlab --wait' }, tmp())('x', 'kubectl-edit-*.yaml')
    await expect(failed).rejects.toEqual(new EditorFailed('EditorNotFound', 'unable to launch the editor "no-such-editor-podlab --wait"'))
  })

  it('an editor that fails: there was a problem with the editor "<its command>"', async () => {
    const failed = terminalEditor({ EDITOR: 'false' }, tmp())('x', 'kubectl-edit-*.yaml')
    await expect(failed).rejects.toMatchObject({ reason: 'EditorError', message: 'there was a problem with the editor "false"' })
  })
})
