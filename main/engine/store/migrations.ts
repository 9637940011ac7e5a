// The schema migrations, `migrations/NNNN_name.sql`, bundled into the build as text so that the CLI, the
// web host and the Electron app carry the exact SQL they were built with.

export interface Migration {
  version: number
  name: string
  sql: string
}

const files = import.meta.glob('../../../migrations/*.sql', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>

export function parseMigrations(entries: Record<string, string>): Migration[] {
  const list = Object.entries(entries).map(([path, sql]) => {
    const match = /(\d{4})_([a-z0-9_]+)\.sql$/.exec(path)
    if (!match) throw new Error(`migration file ${path} is not named NNNN_name.sql`)
    return { version: Number(match[1]), name: match[2] as string, sql }
  })
  list.sort((a, b) => a.version - b.version)
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migrations must be numbered 0001, 0002, ... without gaps; found ${m.version} at ${i + 1}`)
  })
  return list
}

export const MIGRATIONS: Migration[] = parseMigrations(files)
export const SCHEMA_VERSION = MIGRATIONS.length
