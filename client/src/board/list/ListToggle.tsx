import { useTranslation } from 'react-i18next'
import type { BoardViewMode } from './viewMode.ts'
import './boardList.css'

interface ListToggleProps {
  readonly mode: BoardViewMode
  readonly onChange: (mode: BoardViewMode) => void
}

/** The board's list, one press away on every board screen: pressed, the list shows (beside the canvas, on a phone instead of it). */
export function ListToggle({ mode, onChange }: ListToggleProps) {
  const { t } = useTranslation()
  return (
    <button
      type="button"
      className="button button--small board-list-toggle"
      data-testid="list-toggle"
      aria-pressed={mode === 'list'}
      onClick={() => onChange(mode === 'list' ? 'canvas' : 'list')}
    >
      {t('listView.toggle')}
    </button>
  )
}
