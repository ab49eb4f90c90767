import { useTranslation } from 'react-i18next'
import { setSimpleChoice, useSimpleMode } from '../settings/simpleMode.ts'

/**
 * "Simple view" on or off, for this person in this browser. A toggle button
 * (aria-pressed), so screen readers say whether it is on; self-contained, so
 * the header or a phone's menu can place it.
 */
export function SimpleModeSwitch() {
  const { t } = useTranslation()
  const on = useSimpleMode()
  return (
    <button
      type="button"
      className="button simple-switch"
      aria-pressed={on}
      data-testid="simple-mode-switch"
      onClick={() => setSimpleChoice(on ? 'off' : 'on')}
    >
      <span className="simple-switch-track" aria-hidden="true">
        <span className="simple-switch-thumb" />
      </span>
      {t('simpleMode.switch')}
    </button>
  )
}
