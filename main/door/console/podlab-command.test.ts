import { afterEach, describe, expect, it } from 'vitest'
import type { HostEngine } from '../../engine'
import { openCluster } from '../../engine'
import { tmpFile } from '../../engine/testing/cluster'
import { runPodlabInConsole } from './podlab-command'

let engine: HostEngine | undefined
afterEach(() => engine?.close())

describe('podlab in the console', () => {
  it("runs podlab chaos as bin/podlab does: kubectl's NotFound for a pod that is not there", () => {
    engine = openCluster(tmpFile(), { mode: 'manual' })
    expect(runPodlabInConsole(engine, ['chaos', 'kill', 'nothere'])).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): pods "nothere" not found\n',
      exitCode: 1,
    })
  })

  it('says plainly that advance and serve belong elsewhere, with status 1', () => {
    engine = openCluster(tmpFile(), { mode: 'manual' })
    expect(runPodlabInConsole(engine, ['advance', '30s'])).toMatchObject({ exitCode: 1, stderr: expect.stringMatching(/clock's controls/) })
    expect(runPodlabInConsole(engine, ['serve'])).toMatchObject({ exitCode: 1, stderr: expect.stringMatching(/does not run podlab serve/) })
  })
})
