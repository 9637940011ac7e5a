// `podlab kubectl edit`'s editor: the one kubectl opens in a terminal (kubectl pkg/cmd/util/editor/editor.go
// v0.32.5). $KUBE_EDITOR, else $EDITOR, else vi (notepad on Windows); a value with spaces is split on them, one
// with quotes or backslashes is run by $SHELL -c (default /bin/bash). It edits a temporary file made as
// os.CreateTemp makes `kubectl-edit-*.yaml` (a random number for the `*`, in $TMPDIR), with the terminal handed
// over and Ctrl+C left to it (term.TTY.Safe traps SIGINT, SIGTERM and SIGQUIT while it runs).

import { spawn } from 'node:child_process'
import { randomInt } from 'node:crypto'
import { openSync, closeSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { goQuote } from '../gostd/gofmt'
import { EditorFailed, type EditedFile, type KubectlIO } from '../kubectl/io'

/** editorEnvs(): where kubectl looks for the editor, in order. */
const EDITOR_ENVS = ['KUBE_EDITOR', 'EDITOR'] as const
const TRAPPED = ['SIGINT', 'SIGTERM', 'SIGQUIT'] as const

/** The editor's command line (defaultEnvEditor): its words, and whether the last one is a shell's -c script. */
export function editorCommand(env: Record<string, string | undefined>, platform: NodeJS.Platform = process.platform): { args: string[]; shell: boolean } {
  const windows = platform === 'win32'
  const editor = EDITOR_ENVS.map((name) => env[name] ?? '').find((v) => v.length > 0) || (windows ? 'notepad' : 'vi')
  if (!editor.includes(' ')) return { args: [editor], shell: false }
  if (!/["'\\]/.test(editor)) return { args: editor.split(' '), shell: false }
  const shell = env.SHELL || (windows ? 'cmd' : '/bin/bash')
  return { args: [shell, shell === 'cmd' ? '/C' : '-c', editor], shell: true }
}

/** Editor.args(path): the path as the last argument, or %q-quoted at the end of the shell script. */
export function editorArgs(command: { args: string[]; shell: boolean }, path: string): string[] {
  const args = [...command.args]
  if (command.shell) args[args.length - 1] = `${args.at(-1)} ${goQuote(path)}`
  else args.push(path)
  return args
}

/**
 * The KubectlIO editor for a terminal, with `env` read for the editor. The promise rejects with EditorFailed
 * (`unable to launch the editor "x"` when its program is not found, `there was a problem with the editor "x"`
 * when it fails or ends by a signal); it never resolves null (a terminal editor has no Cancel).
 */
export function terminalEditor(env: Record<string, string | undefined>, dir: string = tmpdir()): NonNullable<KubectlIO['editor']> {
  return async (text: string, fileName: string): Promise<EditedFile> => {
    const path = createTemp(dir, fileName, text)
    const command = editorCommand(env)
    const shown = command.args.join(' ')
    await new Promise<void>((done, failed) => {
      const ignore = () => {}
      for (const s of TRAPPED) process.on(s, ignore)
      const untrap = () => TRAPPED.forEach((s) => process.off(s, ignore))
      const [program, ...rest] = editorArgs(command, resolve(path))
      const child = spawn(program!, rest, { stdio: 'inherit' })
      child.on('error', (e: NodeJS.ErrnoException) => {
        untrap()
        failed(new EditorFailed(e.code === 'ENOENT' ? 'EditorNotFound' : 'EditorError', e.code === 'ENOENT' ? `unable to launch the editor ${goQuote(shown)}` : `there was a problem with the editor ${goQuote(shown)}`))
      })
      child.on('exit', (code) => {
        untrap()
        if (code === 0) done()
        else failed(new EditorFailed('EditorError', `there was a problem with the editor ${goQuote(shown)}`))
      })
    })
    return { text: readFileSync(path, 'utf8'), path, remove: () => rmSync(path, { force: true }) }
  }
}

/** os.CreateTemp(dir, pattern): a new file (0600, never an existing one) named with a random number for `*`. */
function createTemp(dir: string, pattern: string, text: string): string {
  const [prefix, suffix = ''] = pattern.split('*')
  for (let i = 0; ; i++) {
    const path = join(dir, `${prefix}${randomInt(0, 2 ** 32)}${suffix}`)
    let fd: number
    try {
      fd = openSync(path, 'wx', 0o600)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST' && i < 10000) continue
      throw e
    }
    try {
      writeSync(fd, text)
    } finally {
      closeSync(fd)
    }
    return path
  }
}
