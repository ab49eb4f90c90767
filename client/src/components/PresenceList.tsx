import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { Person } from '../sync/people.ts'

export function PresenceList({ people }: { readonly people: readonly Person[] }) {
  const { t } = useTranslation()
  const headingId = useId()
  return (
    <section className="presence" aria-labelledby={headingId}>
      <h2 id={headingId} className="presence-heading">
        {t('presence.heading', { count: people.length })}
      </h2>
      {/* Scrolls sideways when many people are on the board; focusable so keyboards can scroll it. */}
      <ul className="presence-list" data-testid="presence-list" tabIndex={0} aria-labelledby={headingId}>
        {people.map((person) => {
          const name = person.name === '' ? t('presence.unnamed') : person.name
          return (
            <li key={person.id} className="presence-item" data-testid="presence-item" data-self={person.isSelf}>
              <span className="presence-swatch" style={{ backgroundColor: person.color }} aria-hidden="true" />
              {person.isSelf ? t('presence.you', { name }) : name}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
