// Issue 11 item 9: File > Open Recent. The list is kept newest first, without duplicates, at most MAX_RECENT
// long, in the user-data folder; a file deleted or moved since drops out when the menu is built.

import { resolve } from 'node:path'

/** How many recent cluster files the menu lists. */
export const MAX_RECENT = 10

/** `list` with `path` (made absolute) first, no duplicate, at most MAX_RECENT. */
export function addRecent(list: readonly string[], path: string): string[] {
  const absolute = resolve(path)
  return [absolute, ...list.filter((p) => p !== absolute)].slice(0, MAX_RECENT)
}

/** The files of `list` that still exist (`exists`: fs.existsSync in the app). */
export function existingRecent(list: readonly string[], exists: (path: string) => boolean): string[] {
  return list.filter((p) => exists(p))
}

/** The list in a recent-files.json's text; [] for anything Podlab does not write (absolute paths, at most MAX_RECENT). */
export function parseRecent(text: string): string[] {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return []
  }
  if (!Array.isArray(value)) return []
  return value.filter((p): p is string => typeof p === 'string' && p.length > 0 && p.length <= 4096 && resolve(p) === p).slice(0, MAX_RECENT)
}
