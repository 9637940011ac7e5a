import { describe, expect, it } from 'vitest'
import { actionCommand, type Action } from '../../../main/contract'
import { CHAOS_ON_ITEM, menuItems } from './menu-items'

const commands = (items: ReturnType<typeof menuItems>, input = {}) =>
  items.map((i) => actionCommand(typeof i.action === 'function' ? i.action(input) : (i.action as Action)))

describe('menuItems', () => {
  it('offers a node cordon, uncordon, drain, stop and start, asking before drain and stop', () => {
    const items = menuItems({ kind: 'node', name: 'worker-1' })
    expect(commands(items)).toEqual([
      'kubectl cordon worker-1',
      'kubectl uncordon worker-1',
      'kubectl drain worker-1 --ignore-daemonsets',
      'podlab node stop worker-1',
      'podlab node start worker-1',
    ])
    expect(items.filter((i) => i.confirm).map((i) => i.kind)).toEqual(['drain', 'stop-node'])
  })

  it('builds a Deployment scale and set image from what the dialog asks', () => {
    const items = menuItems({ kind: 'deployment', namespace: 'dev', name: 'web', containers: ['nginx'] })
    expect(items.map((i) => i.input?.type ?? null)).toEqual(['replicas', 'image', null])
    expect(commands(items, { replicas: 5, image: 'nginx:1.27' })).toEqual([
      'kubectl scale deployment/web --replicas=5 -n dev',
      'kubectl set image deployment/web nginx=nginx:1.27 -n dev',
      'kubectl rollout undo deployment/web -n dev',
    ])
  })

  it('kills and opens a shell in the container kubectl picks when the containers are not known', () => {
    expect(commands(menuItems({ kind: 'pod', namespace: 'default', name: 'web-1' }))).toEqual([
      'kubectl delete pod web-1 -n default',
      'podlab chaos kill web-1 -n default',
      'kubectl exec -it web-1 -n default -- sh',
    ])
  })

  it('starts chaos mode at the rate asked', () => {
    expect(actionCommand((CHAOS_ON_ITEM.action as (i: object) => Action)({ ratePerMinute: 0.5 }))).toBe('podlab chaos random --rate 0.5')
  })
})
