// Which pages may talk to the engine and where the window may go. Pure (no electron import), so the rules
// are unit-tested without a window: the IPC handler and the navigation guards both ask these functions.
//
// Two pages are ours: the built renderer loaded from disk (file://.../out/renderer/index.html), and, while
// developing, electron-vite's dev server (ELECTRON_RENDERER_URL, e.g. http://localhost:5173). Anything else
// that ends up in the window (a link someone clicked, an injected iframe) is a stranger.

export interface TrustedPages {
  /** `file:` URL of the built renderer's index.html. */
  indexFileUrl: string
  /** electron-vite's dev server, only when running unpackaged under `electron-vite dev`. */
  devServerUrl?: string
  /** File paths compare case-insensitively on Windows and (by default) macOS volumes. */
  caseInsensitivePaths?: boolean
}

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

function devOrigin(pages: TrustedPages): string | null {
  if (!pages.devServerUrl) return null
  const dev = parse(pages.devServerUrl)
  if (!dev || (dev.protocol !== 'http:' && dev.protocol !== 'https:')) return null
  return dev.origin
}

/**
 * Is `url` one of our pages? Compared with a URL parser, never with `startsWith`: `file:///app/index.html.evil`
 * and `http://localhost:5173.attacker.example` must not pass. Query and fragment are ignored (a hash router
 * changes them), the path is not.
 */
export function isTrustedPageUrl(url: string, pages: TrustedPages): boolean {
  const u = parse(url)
  if (!u) return false
  if (u.protocol === 'file:') {
    const index = parse(pages.indexFileUrl)
    if (!index || index.protocol !== 'file:' || u.host !== index.host) return false
    return pages.caseInsensitivePaths
      ? u.pathname.toLowerCase() === index.pathname.toLowerCase()
      : u.pathname === index.pathname
  }
  const origin = devOrigin(pages)
  return origin !== null && u.origin === origin
}

/**
 * May the window navigate to `url`? Podlab is a single page: the built app never navigates (everything is
 * in-page), so only the dev server may reload itself (vite's full reload after an edit).
 */
export function isAllowedNavigation(url: string, pages: TrustedPages): boolean {
  const origin = devOrigin(pages)
  const u = parse(url)
  return origin !== null && u !== null && u.origin === origin
}

/** The parts of an IPC event the sender check reads (Electron's IpcMainInvokeEvent has them). */
export interface SenderInfo {
  sender: { id: number }
  senderFrame: { url: string; parent: unknown } | null
}

/**
 * Why a call must be refused, or null when it comes from our page: the window's own webContents, its main
 * frame (never an iframe), showing one of our pages (Electron security checklist, item 17).
 */
export function refuseSender(event: SenderInfo, webContentsId: number, pages: TrustedPages): string | null {
  if (event.sender.id !== webContentsId) return 'sender is not the Podlab window'
  const frame = event.senderFrame
  if (!frame) return 'sender frame is gone'
  if (frame.parent !== null) return 'sender is a subframe'
  if (!isTrustedPageUrl(frame.url, pages)) return `sender page ${JSON.stringify(frame.url.slice(0, 200))} is not Podlab's`
  return null
}
