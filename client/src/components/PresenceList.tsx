import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { Person } from '../sync/people.ts'

/** `onFollow`, where given, offers to follow another person's view (until one moves oneself). */
export function PresenceList({ people, onFollow }: { readonly people: readonly Person[]; readonly onFollow?: ((userId: string) => void) | undefined }) {
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
              {onFollow !== undefined && !person.isSelf ? (
                <button type="button" className="button button--small presence-follow" onClick={() => onFollow(person.id)} aria-label={t('presence.followOf', { name })} data-testid="follow">
                  {t('presence.follow')}
                </button>
              ) : null}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
