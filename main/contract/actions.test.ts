import { describe, expect, it } from 'vitest'
import { ACTION_KINDS, actionCommand, actionProblem, shellQuote, type Action } from './actions'
import { checkCall } from './validate'

const every: Array<[Action, string]> = [
  [{ kind: 'delete-pod', namespace: 'default', pod: 'mynginx' }, 'kubectl delete pod mynginx -n default'],
  [{ kind: 'kill-container', namespace: 'default', pod: 'mynginx', container: 'nginx' }, 'podlab chaos kill mynginx -c nginx -n default'],
  [{ kind: 'kill-container', namespace: 'dev', pod: 'web-1' }, 'podlab chaos kill web-1 -n dev'],
  [{ kind: 'exec', namespace: 'default', pod: 'mynginx' }, 'kubectl exec -it mynginx -n default -- sh'],
  [{ kind: 'exec', namespace: 'dev', pod: 'web-1', container: 'side' }, 'kubectl exec -it web-1 -n dev -c side -- sh'],
  [{ kind: 'stop-node', node: 'worker-1' }, 'podlab node stop worker-1'],
  [{ kind: 'start-node', node: 'worker-1' }, 'podlab node start worker-1'],
  [{ kind: 'cordon', node: 'worker-1' }, 'kubectl cordon worker-1'],
  [{ kind: 'uncordon', node: 'worker-1' }, 'kubectl uncordon worker-1'],
  [{ kind: 'drain', node: 'worker-1' }, 'kubectl drain worker-1 --ignore-daemonsets'],
  [{ kind: 'scale', namespace: 'default', deployment: 'web', replicas: 3 }, 'kubectl scale deployment/web --replicas=3 -n default'],
  [
    { kind: 'set-image', namespace: 'default', deployment: 'web', container: 'nginx', image: 'nginx:1.27' },
    'kubectl set image deployment/web nginx=nginx:1.27 -n default',
  ],
  [{ kind: 'rollout-undo', namespace: 'default', deployment: 'web' }, 'kubectl rollout undo deployment/web -n default'],
  [{ kind: 'chaos-on', ratePerMinute: 2 }, 'podlab chaos random --rate 2'],
  [{ kind: 'chaos-off' }, 'podlab chaos stop'],
]

describe('actionCommand', () => {
  it.each(every)('%o is the command %s, and passes the contract check', (action, command) => {
    expect(actionCommand(action)).toBe(command)
    expect(actionProblem(action)).toBeNull()
    expect(checkCall('actions.run', { action }).ok).toBe(true)
  })

  it('covers every kind of action', () => {
    expect(new Set(every.map(([a]) => a.kind))).toEqual(new Set(ACTION_KINDS))
  })

  it('quotes an argument with a space or a quote so bash reads it back as one word', () => {
    expect(shellQuote('web')).toBe('web')
    expect(shellQuote("a b'c")).toBe(`'a b'\\''c'`)
  })
})

describe('actions.run payload check', () => {
  it.each([
    ['a name with a shell metacharacter', { kind: 'delete-pod', namespace: 'default', pod: 'x; rm -rf /' }, /pod must be a DNS-1123 subdomain/],
    ['a name with a quote', { kind: 'cordon', node: "w'1" }, /node must be a DNS-1123 subdomain/],
    ['a name with a space', { kind: 'drain', node: 'worker 1' }, /node must be a DNS-1123 subdomain/],
    ['a flag as a name', { kind: 'delete-pod', namespace: 'default', pod: '--all' }, /pod must be/],
    ['an upper-case name', { kind: 'rollout-undo', namespace: 'default', deployment: 'Web' }, /deployment must be/],
    ['a 254-character pod name', { kind: 'delete-pod', namespace: 'default', pod: 'a'.repeat(254) }, /at most 253/],
    ['a 64-character namespace', { kind: 'delete-pod', namespace: 'a'.repeat(64), pod: 'web' }, /namespace must be a DNS-1123 label/],
    ['a namespace with a dot', { kind: 'delete-pod', namespace: 'a.b', pod: 'web' }, /namespace must be a DNS-1123 label/],
    ['a container name with $()', { kind: 'kill-container', namespace: 'default', pod: 'web', container: '$(id)' }, /container must be/],
    ['an image with a space', { kind: 'set-image', namespace: 'default', deployment: 'web', container: 'c', image: 'nginx; id' }, /image must be/],
    ['an image with a backquote', { kind: 'set-image', namespace: 'default', deployment: 'web', container: 'c', image: 'nginx`id`' }, /image must be/],
    ['an image that is a flag', { kind: 'set-image', namespace: 'default', deployment: 'web', container: 'c', image: '-x' }, /image must be/],
    ['negative replicas', { kind: 'scale', namespace: 'default', deployment: 'web', replicas: -1 }, /replicas must be/],
    ['fractional replicas', { kind: 'scale', namespace: 'default', deployment: 'web', replicas: 1.5 }, /replicas must be/],
    ['replicas as text', { kind: 'scale', namespace: 'default', deployment: 'web', replicas: '3' }, /replicas must be/],
    ['a chaos rate of 0', { kind: 'chaos-on', ratePerMinute: 0 }, /ratePerMinute must be/],
    ['a chaos rate of Infinity', { kind: 'chaos-on', ratePerMinute: Infinity }, /ratePerMinute must be/],
    ['an unknown kind', { kind: 'format-disk' }, /kind must be one of/],
    ['an extra field', { kind: 'chaos-off', line: 'rm -rf /' }, /unknown field "line"/],
    ['a command line instead of an action', 'kubectl delete pod web', /action must be an object/],
  ])('refuses %s', (_name, action, message) => {
    const checked = checkCall('actions.run', { action })
    expect(checked.ok).toBe(false)
    if (!checked.ok) expect(checked.message).toMatch(message)
  })
})
