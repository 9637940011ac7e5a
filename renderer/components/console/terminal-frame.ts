// The console's terminal as every xterm.js in the app draws it (the console, a pod's shell: issue 11 item 3): in an
// open shadow root whose inline styles are adopted (adopt-inline-styles.ts, so the CSP stays strict), inside a
// dark rounded frame, in the app's monospace font with the bundled Noto Sans KR for Hangul.

import type { ITerminalOptions } from '@xterm/xterm'
import xtermCss from '@xterm/xterm/css/xterm.css?inline'
import { AdoptedStyles } from './adopt-inline-styles'

/** The terminal's font size in px at 100%; the presenter zoom scales it with the rest of the page. */
export const TERMINAL_FONT_PX = 13

const FRAME_CSS = `
  .frame { height: 100%; padding: 6px 8px; box-sizing: border-box; background: #1e1f24; border: 1px solid var(--border); border-radius: 6px; }
  .xterm { height: 100%; }
  .xterm .xterm-viewport { background-color: #1e1f24; }
`

/** xterm's options for a terminal at presenter zoom `zoom` (1 = 100%), with `scrollback` lines kept. */
export function terminalOptions(zoom: number, scrollback: number): ITerminalOptions {
  return {
    // xterm takes its font as a string, not a CSS variable: tokens.css's --font-mono, with the bundled Noto Sans
    // KR for Hangul (kubectl prints a learner's Korean comments back).
    fontFamily: "'Podlab Mono', 'Noto Sans KR', ui-monospace, monospace",
    fontSize: TERMINAL_FONT_PX * zoom,
    cursorBlink: true,
    scrollback,
    theme: { background: '#1e1f24', foreground: '#e6e6e6' },
  }
}

/** Opens `host`'s shadow root with the terminal's styles adopted; the terminal opens into `frame`. */
export function terminalFrame(host: HTMLElement): { frame: HTMLDivElement; styles: AdoptedStyles } {
  const root = host.attachShadow({ mode: 'open' })
  const base = new CSSStyleSheet()
  base.replaceSync(xtermCss + FRAME_CSS)
  const styles = new AdoptedStyles(root, [base])
  const frame = document.createElement('div')
  frame.className = 'frame'
  root.appendChild(frame)
  return { frame, styles }
}
