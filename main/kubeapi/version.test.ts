import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { SERVER_VERSION } from './version'

it('reports the same server version as the built-in kubectl prints for the cluster', () => {
  const printed = JSON.parse(readFileSync(join(__dirname, '../kubectl/cmd/version/server-version.json'), 'utf8'))
  expect(SERVER_VERSION).toEqual(printed)
})
