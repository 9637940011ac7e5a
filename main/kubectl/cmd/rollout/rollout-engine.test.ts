// kubectl rollout on the real engine: status follows the clock to `successfully rolled out`, restart and undo make
// new revisions the history lists, pause holds a new template back until resume.
import { afterEach, describe, expect, it } from 'vitest'
import type { Engine } from '../../../engine/engine'
import { engineCluster } from '../../testing/engine-cluster'

const opened: Engine[] = []
afterEach(() => opened.splice(0).forEach((e) => e.close()))

function cluster() {
  const c = engineCluster()
  opened.push(c.engine)
  c.kubectl('create', 'deployment', 'hello', '--image=nginx:1.27', '--replicas=3')
  return c
}

const image = (engine: Engine) =>
  (engine.get('deployments', 'default', 'hello', 'apps').spec as { template: { spec: { containers: Array<{ image: string }> } } }).template.spec.containers[0]!.image

describe('kubectl rollout on the engine', () => {
  it('status prints a waiting line, then follows the clock until the rollout is done and ends with 0', () => {
    const { engine, kubectl } = cluster()
    const first = kubectl('rollout', 'status', 'deployment/hello')
    expect(first.stdout).toMatch(/^Waiting for deployment "hello" rollout to finish: /)
    expect(first.follow).toBeDefined()
    const lines: string[] = []
    let exit: number | undefined
    first.follow!.start((_stream, text) => lines.push(text), (code) => (exit = code))
    for (let i = 0; i < 60 && exit === undefined; i++) engine.advance(1000)
    expect(exit).toBe(0)
    expect(lines.at(-1)).toBe('deployment "hello" successfully rolled out\n')
    expect(kubectl('rollout', 'status', 'deployment/hello')).toEqual({ stdout: 'deployment "hello" successfully rolled out\n', stderr: '', exitCode: 0 })
  })

  it('a new template is revision 2, undo brings revision 1\'s template back as 3, restart makes 4', () => {
    const { engine, kubectl } = cluster()
    engine.advance(30_000)
    kubectl('patch', 'deployment', 'hello', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.28"}]}}}}')
    engine.advance(60_000)
    expect(kubectl('rollout', 'history', 'deployment/hello').stdout).toBe('deployment.apps/hello \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n')
    expect(kubectl('rollout', 'undo', 'deployment/hello')).toEqual({ stdout: 'deployment.apps/hello rolled back\n', stderr: '', exitCode: 0 })
    expect(image(engine)).toBe('nginx:1.27')
    engine.advance(60_000)
    expect(kubectl('rollout', 'history', 'deployment/hello').stdout).toBe('deployment.apps/hello \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n')
    expect(kubectl('rollout', 'restart', 'deployment/hello')).toEqual({ stdout: 'deployment.apps/hello restarted\n', stderr: '', exitCode: 0 })
    engine.advance(60_000)
    expect(kubectl('rollout', 'history', 'deployment/hello').stdout).toContain('\n4         <none>\n')
  })

  it('undo --dry-run=server: the API server admits the rollback patch and stores nothing', () => {
    const { engine, kubectl } = cluster()
    engine.advance(30_000)
    kubectl('set', 'image', 'deployment/hello', 'nginx=nginx:1.28')
    engine.advance(60_000)
    const rv = engine.get('deployments', 'default', 'hello', 'apps').metadata.resourceVersion
    expect(kubectl('rollout', 'undo', 'deployment/hello', '--dry-run=server')).toEqual({ stdout: 'deployment.apps/hello rolled back (server dry run)\n', stderr: '', exitCode: 0 })
    expect(image(engine)).toBe('nginx:1.28')
    expect(engine.get('deployments', 'default', 'hello', 'apps').metadata.resourceVersion).toBe(rv)
  })

  it('pause, then resume: the second pause and resume are refused in kubectl\'s words', () => {
    const { kubectl } = cluster()
    expect(kubectl('rollout', 'pause', 'deployment/hello').stdout).toBe('deployment.apps/hello paused\n')
    expect(kubectl('rollout', 'pause', 'deployment/hello').stderr).toBe('error: deployments.apps "hello" is already paused\n')
    expect(kubectl('rollout', 'restart', 'deployment/hello').stderr).toBe('error: deployments.apps "hello" can\'t restart paused deployment (run rollout resume first)\n')
    expect(kubectl('rollout', 'resume', 'deployment/hello').stdout).toBe('deployment.apps/hello resumed\n')
    expect(kubectl('rollout', 'resume', 'deployment/hello').stderr).toBe('error: deployments.apps "hello" is not paused\n')
  })
})
