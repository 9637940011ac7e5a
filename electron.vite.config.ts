import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'
import type { Plugin } from 'vite'

// Vite's dev server injects <style> elements and a client script for hot reload; the strict CSP in
// renderer/index.html would block both. Loosen it for `electron-vite dev` only; builds keep the strict policy.
const devServerCsp: Plugin = {
  name: 'podlab-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
}

// Top-level main/, preload/ and renderer/ (not src/), so every entry is named here.
// main has two entries: the Electron process (index) and the `podlab` CLI/web host (cli),
// which runs under plain Node and must never load electron.
export default defineConfig({
  main: {
    build: {
      lib: {
        entry: {
          index: resolve(__dirname, 'main/index.ts'),
          cli: resolve(__dirname, 'main/host/cli.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      lib: { entry: resolve(__dirname, 'preload/index.ts') },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [vue(), devServerCsp],
    build: {
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
})
