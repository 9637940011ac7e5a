// Types for ascii-only.mjs (plain JavaScript, so that electron.vite.config.ts takes it as it is).

export function escapeNonAscii(code: string): string
