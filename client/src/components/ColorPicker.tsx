import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { USER_COLORS } from '../user/identity.ts'

/** The cursor colour, as a group of radio buttons (arrow keys move between them). */
export function ColorPicker({ value, onChange }: { readonly value: string; readonly onChange: (color: string) => void }) {
  const { t } = useTranslation()
  const legendId = useId()
  return (
    <fieldset className="color-picker" aria-labelledby={legendId}>
      <legend id={legendId}>{t('color.label')}</legend>
      <div className="color-options">
        {USER_COLORS.map((color, index) => (
          <label key={color} className="color-option" style={{ backgroundColor: color }}>
            <input
              type="radio"
              name={legendId}
              value={color}
              checked={value === color}
              onChange={() => onChange(color)}
              data-testid="color-option"
            />
            <span className="visually-hidden">{t(`color.names.${index}` as 'color.names.0')}</span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}
