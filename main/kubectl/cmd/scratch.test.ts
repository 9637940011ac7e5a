import { it } from 'vitest'
import { openCluster } from '../../engine'
import { tmpFile, MYNGINX } from '../../engine/testing/cluster'
import { runKubectl } from '../run-kubectl'

it('scratch', () => {
  const engine = openCluster(tmpFile(), { mode: 'manual' })
  const k = (...args: string[]) => {
    const r = runKubectl(args, { engine, readFile: () => '', readStdin: () => '' })
    console.log(`$ kubectl ${args.join(' ')}\n--stdout--\n${r.stdout}--stderr--\n${r.stderr}--exit ${r.exitCode}${r.follow ? ' (follow)' : ''}`)
    return r
  }
  engine.create(MYNGINX)
  k('logs', 'mynginx')
  engine.advance(30_000)
  k('logs', 'mynginx', '--tail', '2', '--timestamps')
  k('exec', 'mynginx', '--', 'kill', '1')
  k('exec', 'mynginx', 'ls')
  k('exec', 'mynginx', '--', 'sh', '-c', 'kill 1')
  engine.advance(5_000)
  k('get', 'pods')
  k('logs', 'mynginx', '-p')
  k('exec', 'mynginx', '--', 'sh', '-c', 'exit 3')
  k('exec', '-it', 'mynginx', '--', 'sh')
  engine.advance(60_000)
  k('top', 'pods')
  k('top', 'pod', '-A', '--sum')
  k('top', 'nodes')
  k('get', 'nodes')
  k('taint', 'nodes', 'podlab-worker', 'dedicated=x:NoSchedule')
  k('taint', 'nodes', 'podlab-worker', 'dedicated=x:NoSchedule')
  k('taint', 'nodes', 'podlab-worker', 'dedicated-')
  k('taint', 'nodes', 'podlab-worker', 'dedicated-')
  k('cordon', 'podlab-worker')
  k('cordon', 'podlab-worker')
  k('uncordon', 'podlab-worker')
  k('drain', 'podlab-worker')
  k('drain', 'podlab-worker', '--ignore-daemonsets')
  k('drain', 'podlab-worker', '--ignore-daemonsets', '--force')
  k('get', 'pods', '-A')
  engine.close()
})
