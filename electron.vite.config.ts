import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

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
    plugins: [vue()],
    build: {
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
})
