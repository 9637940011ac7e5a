// Issue 9 item 2: the console runs what tutorials paste — the notes' heredoc apply, pipes to grep/head/wc,
// `&&`, `k` as kubectl, `watch`, `get -w` until Ctrl+C — and refuses what it does not run with one plain sentence.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { HostEngine } from '../../engine'
import { openCluster } from '../../engine'
import { MYNGINX, tmpFile } from '../../engine/testing/cluster'
import { INTERRUPTED, runLine, type RunningLine } from './run-line'

const SEED = join(__dirname, '../../../testdata/seed')
const opened: HostEngine[] = []
afterEach(() => {
  for (const e of opened.splice(0)) e.close()
})

function cluster(): HostEngine {
  const engine = openCluster(tmpFile(), { mode: 'manual', seed: '11' })
  opened.push(engine)
  return engine
}

function start(engine: HostEngine, line: string): { running: RunningLine; out: () => string; err: () => string } {
  let out = ''
  let err = ''
  const running = runLine(line, { engine, columns: 80, write: (s, t) => (s === 'stdout' ? (out += t) : (err += t)) })
  return { running, out: () => out, err: () => err }
}

async function run(engine: HostEngine, line: string) {
  const s = start(engine, line)
  const code = await s.running.done
  return { code, out: s.out(), err: s.err() }
}

describe('the console line', () => {
  it("applies the notes' heredoc (cat << EOF | kubectl apply -f -) with a fixed manifest", async () => {
    const engine = cluster()
    const manifest = readFileSync(join(SEED, 'pod-mynginx.yaml'), 'utf8').replace('metadate:', 'metadata:')
    const r = await run(engine, `cat << EOF | kubectl apply -f -\n${manifest}EOF\n`)
    expect(r).toEqual({ code: 0, out: 'pod/mynginx created\n', err: '' })
  })

  it('k is kubectl; && runs the second only after the first succeeded; || only after it failed', async () => {
    const engine = cluster()
    engine.create(MYNGINX)
    const r = await run(engine, 'k get pods --no-headers | wc -l && echo ok || echo never')
    expect(r).toEqual({ code: 0, out: '1\nok\n', err: '' })
    const failed = await run(engine, 'kubectl get pods nosuch && echo never || echo "it failed"')
    expect(failed.out).toBe('it failed\n')
    expect(failed.err).toBe('Error from server (NotFound): pods "nosuch" not found\n')
  })

  it('pipes kubectl into grep, head and tail as a shell would', async () => {
    const engine = cluster()
    engine.create(MYNGINX)
    const r = await run(engine, 'kubectl get pods -A | grep kube-system | grep -c etcd')
    expect(r).toEqual({ code: 0, out: '1\n', err: '' })
    const none = await run(engine, 'kubectl get pods | grep nosuch')
    expect(none).toEqual({ code: 1, out: '', err: '' })
    expect((await run(engine, 'kubectl get pods | head -n 1')).out).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE\n$/)
  })

  it('a file path gets kubectl\'s own error and a plain hint: the console has no files', async () => {
    const engine = cluster()
    const r = await run(engine, 'kubectl apply -f pod.yaml')
    expect(r.code).toBe(1)
    expect(r.err).toBe('error: the path "pod.yaml" does not exist\npodlab: the console has no files; paste the manifest instead: cat <<EOF | kubectl apply -f -\n')
  })

  it('get -w streams through grep until Ctrl+C, then the line ends with 130', async () => {
    const engine = cluster()
    const s = start(engine, 'kubectl get pods -w | grep mynginx')
    engine.create(MYNGINX)
    for (let i = 0; i < 20; i++) engine.advance(1000)
    expect(s.out()).toMatch(/^mynginx .*Pending/m)
    expect(s.out()).toMatch(/^mynginx .*Running/m)
    s.running.interrupt()
    expect(await s.running.done).toBe(INTERRUPTED)
  })

  it('head stops a watch once it has its lines', async () => {
    const engine = cluster()
    const s = start(engine, 'kubectl get pods -w | head -n 2')
    engine.create(MYNGINX)
    for (let i = 0; i < 20; i++) engine.advance(1000)
    expect(await s.running.done).toBe(0)
    expect(s.out().split('\n').filter(Boolean)).toHaveLength(2)
  })

  it('watch re-runs its command every 2 s of cluster time, clearing the screen under its title', async () => {
    const engine = cluster()
    const s = start(engine, 'watch kubectl get pods')
    await new Promise((r) => setImmediate(r))
    expect(s.out()).toMatch(/^\x1b\[H\x1b\[2JEvery 2\.0s: kubectl get pods +podlab: \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}\n\n/)
    engine.create(MYNGINX)
    engine.advance(1000)
    engine.advance(1000)
    await new Promise((r) => setImmediate(r))
    expect(s.out().split('\x1b[H\x1b[2J')).toHaveLength(3)
    expect(s.out()).toMatch(/mynginx/)
    s.running.interrupt()
    expect(await s.running.done).toBe(INTERRUPTED)
  })

  it('answers what it does not run in one plain sentence', async () => {
    const engine = cluster()
    expect(await run(engine, 'ls -la')).toEqual({ code: 127, out: '', err: 'podlab: ls: command not found (the console runs kubectl; type help)\n' })
    expect((await run(engine, 'kubectl get pods $POD')).err).toBe('podlab: $POD: the console has no shell variables yet; type the value itself\n')
    expect((await run(engine, 'kubectl get pods > pods.txt')).err).toBe('podlab: the console has no files: it cannot redirect > pods.txt\n')
    expect((await run(engine, 'for i in 1 2; do echo $i; done')).err).toBe('podlab: the console does not run for; a container\'s shell does: kubectl exec -it POD -- sh\n')
    expect((await run(engine, 'kubectl get pods |')).err).toMatch(/^podlab: syntax error: /)
  })

  it('kubectl exec -it POD -- sh: a shell the user types into; kill 1 ends nginx, exit ends the session', async () => {
    const engine = cluster()
    engine.create(MYNGINX)
    engine.advance(30_000)
    const s = start(engine, 'kubectl exec -it mynginx -- sh')
    s.running.input('echo hello from $(hostname)\n')
    engine.advance(1000)
    expect(s.out()).toMatch(/hello from mynginx/)
    s.running.input('kill 1\n')
    engine.advance(1000)
    s.running.input('exit\n')
    engine.advance(1000)
    await s.running.done
    engine.advance(5000)
    const restarts = (await run(engine, "kubectl get pod mynginx -o jsonpath={.status.containerStatuses[0].restartCount}")).out
    expect(restarts).toBe('1')
  })

  it('config set-context --current --namespace lasts for the session\'s later lines', async () => {
    const engine = cluster()
    const kubeconfig = (await import('../../kubectl/cmd/config/kubeconfig')).memoryKubeconfig()
    const runIn = async (line: string) => {
      let out = ''
      let err = ''
      const code = await runLine(line, { engine, columns: 80, kubeconfig, write: (st, t) => (st === 'stdout' ? (out += t) : (err += t)) }).done
      return { code, out, err }
    }
    expect((await runIn('kubectl config set-context --current --namespace=kube-system')).code).toBe(0)
    expect((await runIn('kubectl get pods --no-headers | grep -c etcd')).out).toBe('1\n')
  })
})
