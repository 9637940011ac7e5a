/// <reference types="vite/client" />

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

interface Window {
  /** Exposed by the Electron preload (preload/index.ts); absent in a browser. See renderer/adapter/bridge.ts. */
  podlab?: unknown
}
