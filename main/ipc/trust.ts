// Which pages may talk to the engine and where the window may go. Pure (no electron import), so the rules
// are unit-tested without a window: the IPC handler and the navigation guards both ask these functions.
//
// The window shows one origin: the built renderer on app://podlab (main/protocol), or, in development mode
// only, electron-vite's dev server (ELECTRON_RENDERER_URL, e.g. http://localhost:5173) instead. Anything
// else that ends up in the window (a link someone clicked, an injected iframe) is a stranger.

import { isAppOriginUrl } from '../protocol/app-origin'

export interface TrustedPages {
  /** electron-vite's dev server; set only in development mode (main/dev-mode.ts). */
  devServerUrl?: string
}

function devOrigin(pages: TrustedPages): string | null {
  if (!pages.devServerUrl) return null
  try {
    const dev = new URL(pages.devServerUrl)
    return dev.protocol === 'http:' || dev.protocol === 'https:' ? dev.origin : null
  } catch {
    return null
  }
}

/**
 * Is `url` on the window's own origin (the dev server's in development mode, app://podlab otherwise)?
 * Compared with a URL parser, never with `startsWith`: `http://localhost:5173.attacker.example` must not
 * pass. Any path, query and fragment of that origin is ours.
 */
export function isTrustedPageUrl(url: string, pages: TrustedPages): boolean {
  const origin = devOrigin(pages)
  if (origin === null) return isAppOriginUrl(url)
  try {
    return new URL(url).origin === origin
  } catch {
    return false
  }
}

/**
 * May the window navigate to `url`? Only within its own origin (a reload, or vite's full reload after an
 * edit); never to another site, a file, or another scheme.
 */
export function isAllowedNavigation(url: string, pages: TrustedPages): boolean {
  return isTrustedPageUrl(url, pages)
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
