import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'
import type { Plugin } from 'vite'
import { escapeNonAscii } from './scripts/ascii-only.mjs'

// Vite's dev server injects <style> elements and a client script for hot reload; the strict CSP in
// renderer/index.html would block both. Loosen it for `electron-vite dev` only; builds keep the strict policy.
const devServerCsp: Plugin = {
  name: 'podlab-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
}

// Fontsource's CSS lists a woff after each woff2; Chromium and Electron always take the woff2, so the woff files
// would only double what the app ships (renderer/styles/fonts.ts).
const woff2Only: Plugin = {
  name: 'podlab-woff2-only',
  enforce: 'pre',
  transform: (code, id) =>
    /[\\/]@fontsource[\\/].*\.css$/.test(id) ? code.replace(/,\s*url\([^)]*\.woff\)\s*format\('woff'\)/g, '') : undefined,
}

// Node reads a script holding one non-ASCII character as two-byte UTF-16: the main bundle stays ASCII
// (scripts/ascii-only.mjs), which took its load at each `podlab` start from ~240 to ~229 ms of CPU.
const asciiOnly: Plugin = {
  name: 'podlab-ascii-only',
  // After every renderChunk: the chunks as they are written.
  generateBundle(_options, bundle) {
    for (const file of Object.values(bundle)) if (file.type === 'chunk') file.code = escapeNonAscii(file.code)
  },
}

// Top-level main/, preload/ and renderer/ (not src/), so every entry is named here.
// main has two entries: the Electron process (index) and the `podlab` CLI/web host (cli),
// which runs under plain Node and must never load electron.
export default defineConfig({
  main: {
    plugins: [asciiOnly],
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
    plugins: [vue(), devServerCsp, woff2Only],
    build: {
      // A small font slice would otherwise be inlined as a data: URI, which the CSP (font-src via default-src
      // 'self') refuses: every font stays a file served by the app.
      assetsInlineLimit: (file) => (/\.woff2?$/.test(file) ? false : undefined),
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
})
