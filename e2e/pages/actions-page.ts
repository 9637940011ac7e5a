// Issue 11 item 8's actions as a spec sees them (data-testid): actions-<name> (a row's ActionMenu) with its
// actions-button; menu items action-<id> (action-delete-pod, action-kill-container, action-exec, ...); the dialog
// action-dialog with action-command, action-copy, action-run, action-cancel and its inputs (action-replicas,
// action-image, action-rate); the status line action-status with action-output, action-exit, action-dismiss;
// chaos-control (chaos-start, chaos-stop, chaos-state); the clock's clock-step and clock-idle.

import { expect, type Locator, type Page } from '@playwright/test'

export class ActionsPage {
  readonly dialog: Locator
  readonly status: Locator
  readonly stepButton: Locator

  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('action-dialog')
    this.status = page.getByTestId('action-status')
    this.stepButton = page.getByTestId('clock-step')
  }

  /** Opens the actions menu of the pods table's row `name`. */
  async openMenu(name: string): Promise<Locator> {
    const menu = this.page.getByTestId(`pod-row-${name}`).getByTestId(`actions-${name}`)
    await menu.getByTestId('actions-button').click()
    // The list is teleported to <body> (ActionMenu.vue), named by its id.
    const list = this.page.locator(`[id="actions-pod-${name}"]`)
    await expect(list).toBeVisible()
    return list
  }

  /** Chooses `item` (delete-pod, kill-container, ...) in the row's menu and waits for its dialog. */
  async choose(name: string, item: string): Promise<void> {
    const list = await this.openMenu(name)
    await list.getByTestId(`action-${item}`).click()
    await expect(this.dialog).toBeVisible()
  }

  /** The command the open dialog shows. */
  command(): Locator {
    return this.dialog.getByTestId('action-command')
  }

  /** Confirms the open dialog and waits until the status line shows the command's output. */
  async confirm(): Promise<void> {
    await this.dialog.getByTestId('action-run').click()
    await expect(this.dialog).toBeHidden()
    await expect(this.status.getByTestId('action-command')).toBeVisible()
  }

  output(): Locator {
    return this.status.getByTestId('action-output')
  }

  async dismiss(): Promise<void> {
    await this.status.getByTestId('action-dismiss').click()
    await expect(this.status).toBeHidden()
  }
}
