// The app's keyboard shortcuts, as data: what the `?` sheet lists and what useShortcuts() acts on. Plain keys act
// only outside text fields (the manifest editor, the console's terminal, inputs), where they are the learner's
// typing; Alt+digit moves between views from anywhere, the terminal included.

export const VIEWS = ['cluster', 'workloads', 'pods', 'events', 'console'] as const
export type ViewName = (typeof VIEWS)[number]

export type Action =
  | { type: 'view'; view: ViewName }
  | { type: 'help' }
  | { type: 'theme' }
  | { type: 'zoom'; by: 1 | -1 | 0 }
  | { type: 'clock' }
  | { type: 'console' }
  // Issue 11 item 8: step the clock to the next scheduled event
  | { type: 'step' }

/** The part of a KeyboardEvent that decides a shortcut; `inText` says the focus is where keys are typed. */
export interface KeyPress {
  key: string
  /** The physical key (`Digit1`): on a Mac, Alt+1 types `¡`, so Alt shortcuts read the code. */
  code: string
  altKey: boolean
  ctrlKey: boolean
  metaKey: boolean
  inText: boolean
}

/** One line of the `?` sheet: the keys as shown, and the i18n key of what they do. */
export interface ShortcutLine {
  keys: string[]
  what: string
}

export const SHEET: ShortcutLine[] = [
  { keys: ['1', '…', '5'], what: 'shortcuts.views' },
  { keys: ['Alt+1', '…', 'Alt+5'], what: 'shortcuts.viewsAnywhere' },
  { keys: ['`'], what: 'shortcuts.console' },
  { keys: ['p'], what: 'shortcuts.clock' },
  { keys: ['n'], what: 'actions.shortcutStep' },
  { keys: ['t'], what: 'shortcuts.theme' },
  { keys: ['+', '-', '0'], what: 'shortcuts.zoom' },
  { keys: ['Ctrl+Enter'], what: 'shortcuts.apply' },
  { keys: ['?'], what: 'shortcuts.help' },
  { keys: ['Esc'], what: 'shortcuts.close' },
]

/** What a key press does, or null when it is not a shortcut (and must reach whatever has the focus). */
export function actionFor(press: KeyPress): Action | null {
  if (press.ctrlKey || press.metaKey) return null
  const digit = /^[1-5]$/.test(press.key) ? Number(press.key) : 0
  if (press.altKey) {
    const physical = /^Digit([1-5])$/.exec(press.code)
    return physical ? { type: 'view', view: VIEWS[Number(physical[1]) - 1]! } : null
  }
  if (press.inText) return null
  if (digit) return { type: 'view', view: VIEWS[digit - 1]! }
  switch (press.key) {
    case '?':
      return { type: 'help' }
    case 't':
      return { type: 'theme' }
    case '+':
    case '=':
      return { type: 'zoom', by: 1 }
    case '-':
      return { type: 'zoom', by: -1 }
    case '0':
      return { type: 'zoom', by: 0 }
    case 'p':
      return { type: 'clock' }
    case '`':
      return { type: 'console' }
    case 'n':
      return { type: 'step' }
    default:
      return null
  }
}

/** Whether a key event comes from a place where keys are text: an input, a textarea (xterm's), a contenteditable
 * (CodeMirror's), looked up through open shadow roots (composedPath). */
export function isTextTarget(path: EventTarget[]): boolean {
  for (const target of path) {
    const element = target as Partial<HTMLElement>
    const tag = typeof element.tagName === 'string' ? element.tagName.toLowerCase() : ''
    if (tag === 'input' || tag === 'textarea' || tag === 'select') return true
    if (element.isContentEditable) return true
  }
  return false
}
