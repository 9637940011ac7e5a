import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

export default defineConfig({
  plugins: [vue()],
  test: {
    include: ['main/**/*.test.ts', 'preload/**/*.test.ts', 'renderer/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Scenario tests run whole clusters for minutes of virtual time; on a busy 2-core machine some take several
    // seconds. Speed is measured in benchmarks (npm run bench), never by a test's timeout.
    testTimeout: 30_000,
  },
})
