// A real engine on a manual clock in a temporary cluster file, with a kubectl bound to it: the path `podlab
// kubectl` takes, for the verbs' tests on the engine. Files given are what `-f NAME` reads.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Engine } from '../../engine/engine'
import { openCluster } from '../../engine/open-cluster'
import { runKubectl } from '../run-kubectl'
import type { KubectlResult } from '../io'

export function engineCluster(files: Record<string, string> = {}, stdin = ''): { engine: Engine; kubectl: (...args: string[]) => KubectlResult } {
  const engine = openCluster(join(mkdtempSync(join(tmpdir(), 'podlab-kubectl-')), 'c.podlab'), { mode: 'manual' })
  const kubectl = (...args: string[]) =>
    runKubectl(args, {
      engine,
      readFile: (p) => {
        if (!(p in files)) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' })
        return files[p]!
      },
      readStdin: () => stdin,
    })
  return { engine, kubectl }
}
