/**
 * The list of keys (issue #14): Werkraum's own and tldraw's most used, and
 * the switch that turns single-key shortcuts off (WCAG 2.1.4). Opened by its
 * button in the board toolbar or by "?" on the canvas (canvasKeys.ts).
 */
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { closeShortcutHelp, openShortcutHelp, useShortcutHelpOpen } from '../board/shortcutHelp.ts'
import type { en } from '../i18n/en.ts'
import { setSingleKeyShortcutsOff, useSingleKeyShortcutsOff } from '../settings/singleKeyShortcuts.ts'
import { useModal } from './useModal.ts'

type KeyText = keyof typeof en.keys.list

/** Keys and what they do, in the order a newcomer needs them. Single keys are marked: they go when switched off. */
const KEYS: ReadonlyArray<{ readonly keys: string; readonly does: KeyText; readonly single?: true }> = [
  { keys: 'Tab', does: 'tab' },
  { keys: '{shift}+Tab', does: 'shiftTab' },
  { keys: 'Esc', does: 'escape' },
  { keys: 'Enter', does: 'enter' },
  { keys: '← ↑ → ↓', does: 'arrows' },
  { keys: '{ctrl}+← ↑ → ↓', does: 'ctrlArrows' },
  { keys: '{del} / ⌫', does: 'delete' },
  { keys: '{ctrl}+Z', does: 'undo' },
  { keys: '{ctrl}+{shift}+Z', does: 'redo' },
  { keys: '{ctrl}+A', does: 'selectAll' },
  { keys: '{ctrl}+C / {ctrl}+V', does: 'copyPaste' },
  { keys: '?', does: 'help', single: true },
  { keys: 'V', does: 'select', single: true },
  { keys: 'N', does: 'note', single: true },
  { keys: 'T', does: 'text', single: true },
  { keys: 'D', does: 'draw', single: true },
  { keys: 'R', does: 'rectangle', single: true },
  { keys: 'A', does: 'arrow', single: true },
  { keys: 'F', does: 'frame', single: true },
  { keys: 'E', does: 'eraser', single: true },
  { keys: 'H', does: 'hand', single: true },
  { keys: '+ / −', does: 'zoom', single: true },
  { keys: '{shift}+1', does: 'zoomFit', single: true },
]

/** The "Keys" button for a board toolbar; the dialog opens from it or from "?". */
export function ShortcutHelpButton() {
  const { t } = useTranslation()
  const open = useShortcutHelpOpen()
  return (
    <>
      <button type="button" className="button button--small" data-testid="shortcut-help" aria-haspopup="dialog" onClick={openShortcutHelp}>
        {t('keys.button')}
      </button>
      {open ? <ShortcutHelpDialog onClose={closeShortcutHelp} /> : null}
    </>
  )
}

function ShortcutHelpDialog({ onClose }: { readonly onClose: () => void }) {
  const { t } = useTranslation()
  const { ref, close, onCloseEvent } = useModal(onClose)
  const headingId = useId()
  const switchId = useId()
  const switchHintId = useId()
  const off = useSingleKeyShortcutsOff()
  // Keys as printed on the person's keyboard ("Strg", "Umschalt", "Entf" on a German one).
  const keyName = (keys: string): string =>
    keys.replaceAll('{ctrl}', t('keys.name.ctrl')).replaceAll('{shift}', t('keys.name.shift')).replaceAll('{del}', t('keys.name.delete'))
  return (
    <dialog ref={ref} className="dialog shortcut-help" aria-labelledby={headingId} onClose={onCloseEvent} data-testid="shortcut-help-dialog">
      <h2 id={headingId}>{t('keys.heading')}</h2>
      <div className="shortcut-help-switch">
        <input id={switchId} type="checkbox" checked={off} aria-describedby={switchHintId} onChange={(e) => setSingleKeyShortcutsOff(e.currentTarget.checked)} data-testid="single-keys-off" />
        <label htmlFor={switchId}>{t('keys.singleKeysOff')}</label>
        <p id={switchHintId} className="hint">
          {t('keys.singleKeysOffHint')}
        </p>
      </div>
      <table className="shortcut-help-table">
        <caption className="visually-hidden">{t('keys.heading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('keys.keyColumn')}</th>
            <th scope="col">{t('keys.doesColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {KEYS.map(({ keys, does, single }) => (
            <tr key={does} data-off={single === true && off}>
              <td>
                <kbd>{keyName(keys)}</kbd>
              </td>
              <td>
                {t(`keys.list.${does}`)}
                {single === true && off ? <span className="shortcut-help-off"> {t('keys.switchedOff')}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        <button type="button" className="button button--primary" onClick={close} autoFocus data-testid="shortcut-help-close">
          {t('keys.close')}
        </button>
      </div>
    </dialog>
  )
}
