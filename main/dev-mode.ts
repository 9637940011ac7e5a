// Development mode, decided once: the unpackaged app built by `electron-vite dev`. import.meta.env.DEV is
// replaced by a constant when electron-vite builds main (true under `dev`, false under `build`), so no
// environment variable can switch a built app into development mode. Pure given its arguments.

/** True only under `electron-vite dev`: DevTools open, and the window may load the dev server. */
export function isDevelopmentMode(isPackaged: boolean, builtForDevelopment: boolean = import.meta.env.DEV): boolean {
  return !isPackaged && builtForDevelopment
}

/**
 * The dev server the window loads instead of app://podlab/: electron-vite dev sets ELECTRON_RENDERER_URL.
 * Honoured in development mode only; outside it, that variable must not point the window at any page.
 */
export function devServerUrl(development: boolean, env: Record<string, string | undefined>): string | undefined {
  return development ? env.ELECTRON_RENDERER_URL || undefined : undefined
}
