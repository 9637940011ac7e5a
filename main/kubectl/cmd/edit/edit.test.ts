import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../../kube'
import type { EditedFile, KubectlIO } from '../../io'
import { runKubectl } from '../../run-kubectl'
import { fakeEngine } from '../../testing/fake-engine'
import { NO_EDITOR } from './edit'

const OBJECTS = JSON.parse(fs.readFileSync(path.join(__dirname, 'testdata/objects.json'), 'utf8')) as KubeObject[]

/** Runs `kubectl edit ARGS` with an editor that records each file and answers with `answer(text)`. */
async function edit(args: string[], answer: (text: string) => string | null) {
  const seen: Array<{ text: string; fileName: string }> = []
  const editor = async (text: string, fileName: string): Promise<EditedFile | null> => {
    seen.push({ text, fileName })
    const saved = answer(text)
    return saved === null ? null : { text: saved, path: '', remove: () => {} }
  }
  const io: KubectlIO = { engine: fakeEngine({ objects: OBJECTS }), readFile: () => '', readStdin: () => '', editor }
  const result = runKubectl(['edit', ...args], io)
  let out = result.stdout
  let err = result.stderr
  const code = result.follow
    ? await new Promise<number>((resolve) => result.follow!.start((s, t) => (s === 'stdout' ? (out += t) : (err += t)), resolve))
    : result.exitCode
  return { code, out, err, seen, waitsOnUser: result.follow?.waitsOnUser }
}

describe('kubectl edit, beyond the goldens', () => {
  it('answers with a follow that waits on the user (no clock needed), and opens kubectl-edit-*.yaml', async () => {
    const r = await edit(['pod', 'web'], () => null)
    expect(r.waitsOnUser).toBe(true)
    expect(r.seen.map((s) => s.fileName)).toEqual(['kubectl-edit-*.yaml'])
    expect(r).toMatchObject({ code: 0, out: '', err: 'Edit cancelled, no changes made.\n' })
  })

  it('-o json edits a .json file without the header', async () => {
    const r = await edit(['pod', 'web', '-o', 'json'], () => null)
    expect(r.seen[0]!.fileName).toBe('kubectl-edit-*.json')
    expect(r.seen[0]!.text.startsWith('{\n    "apiVersion": "v1",')).toBe(true)
  })

  it('--windows-line-endings writes CRLF line ends (crlf.NewCRLFWriter), and CRLF saved back is no change', async () => {
    const r = await edit(['pod', 'web', '--windows-line-endings'], (text) => text)
    expect(r.seen[0]!.text).toMatch(/^# Please edit the object below\. Lines beginning with a '#' will be ignored,\r\n/)
    expect(r.seen[0]!.text.replace(/\r\n/g, '')).not.toContain('\n')
    expect(r.err).toBe('Edit cancelled, no changes made.\n')
  })

  it('a host without an editor says so plainly', async () => {
    const result = runKubectl(['edit', 'pod', 'web'], { engine: fakeEngine({ objects: OBJECTS }), readFile: () => '', readStdin: () => '' })
    expect(result).toEqual({ stdout: '', stderr: NO_EDITOR, exitCode: 1 })
  })

  it.each([
    [['--subresource=status'], 'error: --subresource is not supported by Podlab yet\n'],
    [['-k', 'dir'], 'error: -k/--kustomize is not supported by Podlab yet\n'],
  ])('%j is not simulated yet', async (flags, stderr) => {
    expect(runKubectl(['edit', 'pod', 'web', ...flags], { engine: fakeEngine({ objects: OBJECTS }), readFile: () => '', readStdin: () => '' })).toEqual({ stdout: '', stderr, exitCode: 1 })
  })

  it('the stop function (Ctrl+C) silences the edit: nothing is written after it', async () => {
    let release!: (f: EditedFile | null) => void
    const io: KubectlIO = {
      engine: fakeEngine({ objects: OBJECTS }),
      readFile: () => '',
      readStdin: () => '',
      editor: () => new Promise((r) => (release = r)),
    }
    const written: string[] = []
    const ended: number[] = []
    const stop = runKubectl(['edit', 'pod', 'web'], io).follow!.start((_s, t) => written.push(t), (c) => ended.push(c))
    await new Promise((r) => setTimeout(r, 0))
    stop()
    release(null)
    await new Promise((r) => setTimeout(r, 0))
    expect([written, ended]).toEqual([[], []])
  })
})
