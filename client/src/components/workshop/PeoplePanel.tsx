import { WorkshopLimits, type Role } from '@werkraum/shared'
import { useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ControlParticipant } from '../../workshop/controlState.ts'
import type { CommandRunner } from '../../workshop/useCommand.ts'
import { ActionButton } from './ActionButton.tsx'
import { ConfirmDialog, TextDialog } from './Dialogs.tsx'

const ASSIGNABLE_ROLES = ['participant', 'moderator', 'observer'] as const satisfies readonly Role[]
type AssignableRole = (typeof ASSIGNABLE_ROLES)[number]

type Editing = { readonly kind: 'rename' | 'remove'; readonly person: ControlParticipant }

/** Everyone who joined with a name: present or not, their role, rename and remove. */
export function PeoplePanel({ participants, commands }: { readonly participants: readonly ControlParticipant[] | undefined; readonly commands: CommandRunner }) {
  const { t } = useTranslation()
  const headingId = useId()
  const headingRef = useRef<HTMLHeadingElement>(null)
  const [editing, setEditing] = useState<Editing>()
  const people = participants ?? []
  const present = people.filter((p) => p.present).length
  return (
    <section className="card console-section" aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('console.peopleHeading', { present: String(present), count: people.length })}
      </h3>
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
              <RoleChooser person={person} commands={commands} />
            )}
            <span className="person-actions">
              <ActionButton onClick={() => setEditing({ kind: 'rename', person })} aria-label={t('console.renameOf', { name: person.name })}>
                {t('console.rename')}
              </ActionButton>
              {person.role !== 'facilitator' ? (
                <ActionButton data-testid="person-remove" onClick={() => setEditing({ kind: 'remove', person })} aria-label={t('console.removeOf', { name: person.name })}>
                  {t('console.remove')}
                </ActionButton>
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
          onClose={() => {
            setEditing(undefined)
            // The row (and the button that opened the dialog) may be gone: keep focus in this section.
            requestAnimationFrame(() => {
              if (!document.activeElement || document.activeElement === document.body) headingRef.current?.focus()
            })
          }}
        >
          <p>{t('console.removeText')}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  )
}

/**
 * A role changes only with the button: a select that sent a command on every
 * change would make someone a moderator when a keyboard user merely arrows
 * through the options (WCAG 3.2.2).
 */
function RoleChooser({ person, commands }: { readonly person: ControlParticipant; readonly commands: CommandRunner }) {
  const { t } = useTranslation()
  const [chosen, setChosen] = useState<AssignableRole>(person.role === 'facilitator' ? 'participant' : person.role)
  const [shownRole, setShownRole] = useState(person.role)
  if (shownRole !== person.role) {
    // The server changed it (maybe from another console): show the new role.
    setShownRole(person.role)
    if (person.role !== 'facilitator') setChosen(person.role)
  }
  return (
    <span className="person-role">
      <label>
        <span className="visually-hidden">{t('console.roleOf', { name: person.name })}</span>
        <select value={chosen} data-testid="person-role" onChange={(event) => setChosen(event.target.value as AssignableRole)}>
          {ASSIGNABLE_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
      </label>
      <ActionButton
        unavailable={chosen === person.role}
        data-testid="person-role-apply"
        aria-label={t('console.applyRoleOf', { name: person.name })}
        onClick={() => void commands.run({ type: 'setRole', participantId: person.id, role: chosen })}
      >
        {t('console.applyRole')}
      </ActionButton>
    </span>
  )
}
