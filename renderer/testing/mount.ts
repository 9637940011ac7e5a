// Mounts a component for a component test (files marked `@vitest-environment happy-dom`) as main.ts builds the
// app: Pinia with a fake API, vue-i18n, the router (in memory), and a connection whose state the test sets.

import { createApp, h, nextTick, type Component } from 'vue'
import { createPinia } from 'pinia'
import { apiKey, connectionKey } from '../adapter/inject'
import type { ConnectionSource, ConnectionState } from '../adapter'
import { createPodlabI18n } from '../i18n'
import { createPodlabRouter } from '../router'
import type { Locale } from '../i18n'
import { fakeApi, type FakeApi } from './fake-api'

export interface FakeConnection extends ConnectionSource {
  set(state: ConnectionState): void
}

export function fakeConnection(initial: ConnectionState = 'open'): FakeConnection {
  const listeners = new Set<(state: ConnectionState) => void>()
  const connection = {
    connectionState: initial,
    onState(listener: (state: ConnectionState) => void) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    set(state: ConnectionState) {
      connection.connectionState = state
      for (const listener of listeners) listener(state)
    },
  }
  return connection
}

export interface Mounted {
  root: HTMLElement
  fake: FakeApi
  connection: FakeConnection
  unmount(): void
}

export async function mount(
  component: Component,
  options: { props?: Record<string, unknown>; slots?: Record<string, () => unknown>; locale?: Locale; connection?: FakeConnection } = {},
): Promise<Mounted> {
  const fake = fakeApi()
  const connection = options.connection ?? fakeConnection()
  const root = document.createElement('div')
  document.body.appendChild(root)
  const router = createPodlabRouter('memory')
  const app = createApp({ render: () => h(component, options.props ?? {}, options.slots ?? {}) })
    .provide(apiKey, fake.api)
    .provide(connectionKey, connection)
    .use(createPinia())
    .use(createPodlabI18n(options.locale ?? 'en'))
    .use(router)
  await router.push('/cluster')
  app.mount(root)
  await nextTick()
  return {
    root,
    fake,
    connection,
    unmount: () => {
      app.unmount()
      root.remove()
    },
  }
}
