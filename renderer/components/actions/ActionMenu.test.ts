// @vitest-environment happy-dom
// Issue 11 item 8: the actions menu shows each action as its command, asks before a destructive one, sends the
// typed action (never a command line) to actions.run, shows what the job printed, and is off when offline.
import { afterEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import ActionMenu from './ActionMenu.vue'
import ActionStatus from './ActionStatus.vue'
import { defineComponent, h } from 'vue'
import { fakeConnection, mount, type Mounted } from '../../testing/mount'
import { useConsoleStore } from '../../stores/console'
import type { ActionTarget } from './menu-items'

let mounted: Mounted | null = null
afterEach(() => {
  mounted?.unmount()
  mounted = null
})

const target: ActionTarget = { kind: 'pod', namespace: 'default', name: 'web-1', containers: ['nginx', 'side'] }
const Page = defineComponent({ setup: () => () => h('div', [h(ActionMenu, { target }), h(ActionStatus)]) })

// The menu and the dialog are teleported to <body>.
const $ = (id: string) => document.body.querySelector<HTMLElement>(`[data-testid="${id}"]`)
const settle = async () => {
  for (let i = 0; i < 5; i++) {
    await nextTick()
    await new Promise((r) => setTimeout(r, 0))
  }
}

async function openMenu(): Promise<void> {
  $('actions-button')!.click()
  await settle()
}

describe('ActionMenu', () => {
  it('lists the pod actions with the command each equals, one kill and one shell per container', async () => {
    mounted = await mount(Page)
    await openMenu()
    const items = [...document.body.querySelectorAll('[role=menuitem]')].map((b) => b.querySelector('code')?.textContent)
    expect(items).toEqual([
      'kubectl delete pod web-1 -n default',
      'podlab chaos kill web-1 -c nginx -n default',
      'podlab chaos kill web-1 -c side -n default',
      'kubectl exec -it web-1 -n default -c nginx -- sh',
      'kubectl exec -it web-1 -n default -c side -- sh',
    ])
  })

  it('asks before deleting, then sends the typed action and shows what the command printed', async () => {
    mounted = await mount(Page)
    mounted.fake.answer('actions.run', () => ({ ok: true, result: { command: 'kubectl delete pod web-1 -n default', job: '7' } }))
    await openMenu()
    $('action-delete-pod')!.click()
    await settle()
    expect(mounted.fake.calls.filter((c) => c.call === 'actions.run')).toHaveLength(0)
    expect($('action-dialog')!.querySelector('[data-testid=action-command]')!.textContent).toBe('kubectl delete pod web-1 -n default')
    $('action-run')!.click()
    await settle()
    expect(mounted.fake.calls.filter((c) => c.call === 'actions.run').map((c) => c.request)).toEqual([
      { action: { kind: 'delete-pod', namespace: 'default', pod: 'web-1' } },
    ])
    mounted.fake.push({ type: 'console', job: '7', stream: 'stdout', text: 'pod "web-1" deleted\n' })
    mounted.fake.push({ type: 'console-exit', job: '7', code: 0 })
    await settle()
    expect($('action-output')!.textContent).toBe('pod "web-1" deleted')
    expect($('action-exit')).toBeNull()
  })

  it('cancelling the dialog runs nothing', async () => {
    mounted = await mount(Page)
    await openMenu()
    $('action-kill-container/nginx')!.click()
    await settle()
    $('action-cancel')!.click()
    await settle()
    expect($('action-dialog')).toBeNull()
    expect(mounted.fake.calls.filter((c) => c.call === 'actions.run')).toHaveLength(0)
  })

  it("shows a failed command's error and exit status", async () => {
    mounted = await mount(Page)
    mounted.fake.answer('actions.run', () => ({ ok: true, result: { command: 'podlab chaos kill web-1 -c nginx -n default', job: '3' } }))
    await openMenu()
    $('action-kill-container/nginx')!.click()
    await settle()
    $('action-run')!.click()
    await settle()
    mounted.fake.push({ type: 'console', job: '3', stream: 'stderr', text: 'error: container nginx in pod web-1 is not running\n' })
    mounted.fake.push({ type: 'console-exit', job: '3', code: 1 })
    await settle()
    expect($('action-output')!.textContent).toBe('error: container nginx in pod web-1 is not running')
    expect($('action-exit')!.textContent).toBe('Exit status 1')
  })

  it("hands exec's line to the console's terminal instead of running it as a job", async () => {
    mounted = await mount(Page)
    await openMenu()
    $('action-exec/side')!.click()
    await settle()
    expect(useConsoleStore().lineRequest?.line).toBe('kubectl exec -it web-1 -n default -c side -- sh')
    expect(mounted.fake.calls.filter((c) => c.call === 'actions.run')).toHaveLength(0)
  })

  it('is off while the connection is lost', async () => {
    mounted = await mount(Page, { connection: fakeConnection('reconnecting') })
    expect(($('actions-button') as HTMLButtonElement).disabled).toBe(true)
  })
})
