import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

// "No component writes the store directly" as a checked rule: only the API server (api/) and the store itself
// (store/) record changes; world.ts holds the one write every recorded change goes through.
const ENGINE = join(__dirname, '..')
const DIRECT_WRITE = /\bworld\.write\(|\.store\.write\(/
const ALLOWED = [/^api\//, /^store\//, /\.test\.ts$/, /^world\.ts$/]

/** Every line of the engine's TypeScript outside ALLOWED that writes the store directly, as `file:line: code`. */
function directWrites(): { read: string[]; found: string[] } {
  const paths = (readdirSync(ENGINE, { recursive: true }) as string[])
    .map((p) => p.split('\\').join('/'))
    .filter((p) => p.endsWith('.ts') && !ALLOWED.some((a) => a.test(p)))
  const found = paths.flatMap((p) =>
    readFileSync(join(ENGINE, p), 'utf8')
      .split('\n')
      .flatMap((line, i) => (DIRECT_WRITE.test(line) ? [`${p}:${i + 1}: ${line.trim()}`] : [])),
  )
  return { read: paths, found }
}

describe('no component writes the store directly', () => {
  it('no engine source outside api/ and store/ (tests and world.ts aside) calls world.write( or .store.write(: they write through the in-engine client', () => {
    const { read, found } = directWrites()
    expect(read).toEqual(expect.arrayContaining(['kubelet/kubelet.ts', 'scheduler/scheduler.ts', 'events/recorder.ts', 'controller/testing/label-copier.ts']))
    expect(found).toEqual([])
  })

  it('the pattern finds the direct writes there are: world.ts\'s own store.write and the API server\'s world.write', () => {
    const lines = (file: string) => readFileSync(join(ENGINE, file), 'utf8').split('\n').filter((l) => DIRECT_WRITE.test(l))
    expect(lines('world.ts').length).toBe(1)
    expect(lines('api/server.ts').length).toBeGreaterThan(0)
  })
})
