// The editor's templates (renderer/forms/templates.ts) checked by the engine they are applied to: the notes'
// broken ones fail where the notes say, every other one is accepted and its images exist in the catalog.

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Engine } from '../../engine/engine'
import { openCluster } from '../../engine/open-cluster'
import { checkManifests } from './check'

// The renderer is another TypeScript project (tsconfig.web.json): its module is loaded by path at run time, so
// that tsconfig.node.json does not take its files (and their `?raw` imports) in.
const TEMPLATES_MODULE = '../../../renderer/forms/templates'
const { TEMPLATES } = (await import(/* @vite-ignore */ TEMPLATES_MODULE)) as { TEMPLATES: Array<{ id: string; text: string }> }

let engine: Engine
beforeAll(() => {
  engine = openCluster(join(mkdtempSync(join(tmpdir(), 'podlab-templates-')), 'c.podlab'), { mode: 'manual' })
})
afterAll(() => engine.close())

const EXPECTED: Record<string, string> = {
  notesPodFixed: 'Running',
  notesDeploymentFixed: 'Running',
  notesHeredocFixed: 'Running',
  nginxPod: 'Running',
  crashloopBusybox: 'CrashLoopBackOff',
  livenessExec: 'RunsCommand',
  piJob: 'RunsCommand',
  nginxDeployment: 'Running',
}

describe('templates', () => {
  it.each(TEMPLATES.filter((t) => t.id.endsWith('Broken')).map((t) => [t.id, t.text]))('%s is refused with a marked line', (_id, text) => {
    const { diagnostics, preview } = checkManifests(engine, text)
    expect(preview).toEqual([])
    expect(diagnostics.filter((d) => d.severity === 'error').length).toBeGreaterThan(0)
    expect(diagnostics.some((d) => d.hint)).toBe(true)
  })

  it.each(TEMPLATES.filter((t) => !t.id.endsWith('Broken')).map((t) => [t.id, t.text]))('%s is accepted, its images known', (id, text) => {
    const { diagnostics, preview } = checkManifests(engine, text)
    expect(diagnostics).toEqual([])
    expect(preview[0]!.containers.map((c) => c.forecast)).toEqual([EXPECTED[id]])
    expect(preview[0]!.containers[0]!.image.verdict).not.toBe('missing')
  })
})
