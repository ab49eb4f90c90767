import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommandRunner } from '../../workshop/useCommand.ts'

interface SimpleDefaultPanelProps {
  /** The workshop's default as the control state has it (undefined until first set: off). */
  readonly simpleDefault: boolean | undefined
  readonly commands: CommandRunner
}

/**
 * The facilitator makes simple mode the workshop's default. The checkbox
 * shows the control state, so it changes only once the server took the
 * command (a refusal shows in the console's alert).
 */
export function SimpleDefaultPanel({ simpleDefault, commands }: SimpleDefaultPanelProps) {
  const { t } = useTranslation()
  const ids = { heading: useId(), box: useId(), hint: useId() }
  return (
    <section className="card console-section" aria-labelledby={ids.heading} data-testid="simple-default-panel">
      <h3 id={ids.heading}>{t('simpleMode.consoleHeading')}</h3>
      <div className="checkbox-row">
        <input
          id={ids.box}
          type="checkbox"
          checked={simpleDefault === true}
          aria-describedby={ids.hint}
          onChange={(e) => void commands.run({ type: 'setSimpleDefault', on: e.target.checked })}
          data-testid="simple-default"
        />
        <label htmlFor={ids.box}>{t('simpleMode.consoleDefault')}</label>
      </div>
      <p className="hint" id={ids.hint}>
        {t('simpleMode.consoleHint')}
      </p>
    </section>
  )
}
