// kubectl edit against real kubectl v1.32.5, byte for byte: each case of testdata/cases.json was run by
// scripts/golden/run.mjs with the real binary against the fake API server, its editor scripts/golden/fake-editor.mjs
// doing the case's `edits`, pass by pass. Here Podlab's kubectl runs on the fake Engine holding the same objects
// (PATCHes applied; a case's editErrors refusing as Podlab's API server refused), with an editor that runs the same
// script on a temporary file: stdout, stderr, the exit code, the text of every file the editor was given, and each
// PATCH (bytes, content type, fieldValidation) must be the real kubectl's. kubectl's temporary file names are random;
// the goldens write them `kubectl-edit-0.yaml`, and so does this editor.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../engine'
import { EditorFailed, type EditedFile, type KubectlResult } from '../../io'
import { runKubectl } from '../../run-kubectl'
import { fakeEngine } from '../../testing/fake-engine'
import { applyingPatches } from '../../testing/golden-suite'

const DIR = path.join(__dirname, 'testdata')
const SCRIPT = path.resolve(__dirname, '../../../../scripts/golden/fake-editor.mjs')
const read = (f: string) => fs.readFileSync(path.join(DIR, f), 'utf8')

interface EditCase {
  name: string
  args: string[]
  objects?: string
  edits?: unknown[]
  editErrors?: string
  /** A YAML syntax error: go-yaml's reason, which Podlab's YAML reader words otherwise (masked on both sides). */
  yamlError?: boolean
}

interface Recorded {
  method: string
  query: Record<string, string>
  contentType?: string
  rawBody?: string
}

/** The fake-editor script as the host's editor: each pass's file in `dir`, named in messages as kubectl's goldens name it. */
function scriptedEditor(edits: unknown[], dir: string) {
  const log = fs.mkdtempSync(path.join(dir, 'log-'))
  let n = 0
  const editor = async (text: string, fileName: string): Promise<EditedFile | null> => {
    const file = path.join(dir, `pass${++n}${path.extname(fileName)}`)
    fs.writeFileSync(file, text)
    const run = spawnSync(process.execPath, [SCRIPT, file], { env: { PODLAB_EDIT_PASSES: JSON.stringify(edits), PODLAB_EDIT_LOG: log } })
    if (run.status !== 0) throw new EditorFailed('EditorError', `there was a problem with the editor "node ${SCRIPT}"`)
    return { text: fs.readFileSync(file, 'utf8'), path: `/tmp/${fileName.replace('*', '0')}`, remove: () => fs.rmSync(file, { force: true }) }
  }
  const passes = () => fs.readdirSync(log).sort().map((f) => fs.readFileSync(path.join(log, f), 'utf8'))
  return { editor, passes }
}

/** Runs a result's follow (the edit loop) to its end. */
async function finished(result: KubectlResult): Promise<KubectlResult> {
  if (!result.follow) return result
  let stdout = result.stdout
  let stderr = result.stderr
  const exitCode = await new Promise<number>((resolve) => {
    result.follow!.start((stream, text) => (stream === 'stdout' ? (stdout += text) : (stderr += text)), resolve)
  })
  return { stdout, stderr, exitCode }
}

const masked = (text: string, yamlError: boolean) => (yamlError ? text.replace(/yaml: line \d+(, column \d+)?: [^\n]*/g, 'yaml: <reason>') : text)

describe('kubectl edit: the real kubectl 1.32 goldens', () => {
  const cases: EditCase[] = JSON.parse(read('cases.json'))
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const meta = JSON.parse(read(`${c.name}.meta.json`)) as { exitCode: number; requests: Recorded[] }
    const engine = fakeEngine({ objects: c.objects ? JSON.parse(read(c.objects)) : [] })
    applyingPatches(engine)
    if (c.editErrors) {
      const errors = JSON.parse(read(c.editErrors)) as Record<string, { reason: 'Invalid'; message: string; details: object }>
      const patch = engine.patch.bind(engine)
      engine.patch = (resource, namespace, name, patchType, body, options = {}) => {
        const refused = errors[`${resource}/${name}`]
        if (!refused) return patch(resource, namespace, name, patchType, body, options)
        engine.patched.push({ resource, namespace, name, patchType, patch: body, options })
        throw new ApiError(refused.reason, refused.message, refused.details)
      }
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edit-golden-'))
    try {
      const scripted = scriptedEditor(c.edits ?? [], dir)
      const result = await finished(runKubectl(c.args, { engine, readFile: () => '', readStdin: () => '', editor: scripted.editor }))
      const stderrFile = path.join(DIR, `${c.name}.stderr.golden`)
      const yaml = c.yamlError === true
      expect({ ...result, stderr: masked(result.stderr, yaml) }).toEqual({
        stdout: read(`${c.name}.golden`),
        stderr: masked(fs.existsSync(stderrFile) ? fs.readFileSync(stderrFile, 'utf8') : '', yaml),
        exitCode: meta.exitCode,
      })
      const wantPasses = fs.readdirSync(DIR).filter((f) => f.startsWith(`${c.name}.pass`)).sort().map((f) => masked(read(f), yaml))
      expect(scripted.passes().map((p) => masked(p, yaml))).toEqual(wantPasses)
      const patches = meta.requests.filter((r) => r.method === 'PATCH')
      expect(engine.patched.map((p) => ({ body: JSON.stringify(p.patch), type: p.patchType, validation: p.options.fieldValidation }))).toEqual(
        patches.map((r) => ({
          body: r.rawBody,
          type: { 'application/strategic-merge-patch+json': 'strategic', 'application/merge-patch+json': 'merge' }[r.contentType ?? ''],
          validation: r.query.fieldValidation,
        })),
      )
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
