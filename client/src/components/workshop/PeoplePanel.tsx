import { WorkshopLimits, type Role } from '@werkraum/shared'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ControlParticipant } from '../../workshop/controlState.ts'
import type { CommandRunner } from '../../workshop/useCommand.ts'
import { ConfirmDialog, TextDialog } from './Dialogs.tsx'

const ASSIGNABLE_ROLES = ['participant', 'moderator', 'observer'] as const satisfies readonly Role[]

type Editing = { readonly kind: 'rename' | 'remove'; readonly person: ControlParticipant }

/** Everyone who joined with a name: present or not, their role, rename and remove. */
export function PeoplePanel({ participants, commands }: { readonly participants: readonly ControlParticipant[] | undefined; readonly commands: CommandRunner }) {
  const { t } = useTranslation()
  const headingId = useId()
  const [editing, setEditing] = useState<Editing>()
  const people = participants ?? []
  const present = people.filter((p) => p.present).length
  return (
    <section className="card console-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('console.peopleHeading', { present: String(present), count: people.length })}</h3>
      {people.length === 0 ? <p className="hint">{t('console.nobodyYet')}</p> : null}
      <ul className="people-list" data-testid="people-list">
        {people.map((person) => (
          <li key={person.id} className="person" data-testid="person" data-person-id={person.id} data-present={person.present}>
            <span className="person-name">
              <span className={`presence-dot ${person.present ? 'presence-dot--on' : ''}`} aria-hidden="true" />
              {person.name}
              <span className="visually-hidden">, {person.present ? t('console.present') : t('console.absent')}</span>
            </span>
            {person.role === 'facilitator' ? (
              <span className="role-badge">{t('roles.facilitator')}</span>
            ) : (
              <label className="person-role">
                <span className="visually-hidden">{t('console.roleOf', { name: person.name })}</span>
                <select
                  value={person.role}
                  disabled={commands.pending}
                  data-testid="person-role"
                  onChange={(event) => void commands.run({ type: 'setRole', participantId: person.id, role: event.target.value as (typeof ASSIGNABLE_ROLES)[number] })}
                >
                  {ASSIGNABLE_ROLES.map((role) => (
                    <option key={role} value={role}>
                      {t(`roles.${role}`)}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <span className="person-actions">
              <button type="button" className="button button--small" onClick={() => setEditing({ kind: 'rename', person })} aria-label={t('console.renameOf', { name: person.name })}>
                {t('console.rename')}
              </button>
              {person.role !== 'facilitator' ? (
                <button
                  type="button"
                  className="button button--small"
                  data-testid="person-remove"
                  onClick={() => setEditing({ kind: 'remove', person })}
                  aria-label={t('console.removeOf', { name: person.name })}
                >
                  {t('console.remove')}
                </button>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
      {editing?.kind === 'rename' ? (
        <TextDialog
          heading={t('console.renameOf', { name: editing.person.name })}
          label={t('console.newName')}
          initial={editing.person.name}
          maxLength={WorkshopLimits.MAX_NAME_CHARS}
          onSave={(name) => void commands.run({ type: 'renameParticipant', participantId: editing.person.id, name })}
          onClose={() => setEditing(undefined)}
        />
      ) : null}
      {editing?.kind === 'remove' ? (
        <ConfirmDialog
          heading={t('console.removeOf', { name: editing.person.name })}
          confirmLabel={t('console.remove')}
          onConfirm={() => void commands.run({ type: 'removeParticipant', participantId: editing.person.id })}
          onClose={() => setEditing(undefined)}
        >
          <p>{t('console.removeText')}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  )
}
