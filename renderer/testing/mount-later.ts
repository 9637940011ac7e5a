// Mounts a component only after the test has told the fake API how to answer: mount() makes the fake as it
// mounts, and a view that calls the API in onMounted would otherwise get the fake's default `{}`.

import { defineComponent, h, nextTick, ref, type Component } from 'vue'
import { mount, type FakeConnection, type Mounted } from './mount'

/** Lets the promises and renders a call set off run out. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await nextTick()
  await new Promise((done) => setTimeout(done, 0))
}

/** Mounts `component` after `answer(mounted)` has set the fake's answers. */
export async function mountLater(component: Component, answer: (m: Mounted) => void, connection?: FakeConnection): Promise<Mounted> {
  const shown = ref(false)
  const later = defineComponent({ setup: () => () => (shown.value ? h(component) : null) })
  const m = await mount(later, connection ? { connection } : {})
  answer(m)
  shown.value = true
  await settle()
  return m
}
