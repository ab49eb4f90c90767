import { permissionsOf, type Role, type WorkshopView } from '@werkraum/shared'
import { useTranslation } from 'react-i18next'
import { AppLink } from '../components/AppLink.tsx'
import { AgendaPanel } from '../components/workshop/AgendaPanel.tsx'
import { BoardsPanel } from '../components/workshop/BoardsPanel.tsx'
import { CataloguePanel } from '../components/workshop/CataloguePanel.tsx'
import { FollowUpPanel } from '../components/workshop/FollowUpPanel.tsx'
import { DeletePanel } from '../components/workshop/DeletePanel.tsx'
import { InvitePanel } from '../components/workshop/InvitePanel.tsx'
import { PeoplePanel } from '../components/workshop/PeoplePanel.tsx'
import { RoomsPanel } from '../components/workshop/RoomsPanel.tsx'
import { SimpleDefaultPanel } from '../components/workshop/SimpleDefaultPanel.tsx'
import { VotesConsolePanel } from '../components/workshop/VotesConsolePanel.tsx'
import { workshopPath } from '../routing/route.ts'
import type { ControlState } from '../workshop/controlState.ts'
import { useCommand } from '../workshop/useCommand.ts'
import type { WorkshopSession } from '../workshop/workshopSession.ts'

interface WorkshopConsoleProps {
  readonly session: WorkshopSession
  readonly workshop: WorkshopView
  readonly control: ControlState | undefined
  readonly role: Role
}

/** The facilitator's console: invitations, people, boards, and deleting the workshop. Moderators see the boards part. */
export function WorkshopConsole({ session, workshop, control, role }: WorkshopConsoleProps) {
  const { t } = useTranslation()
  const permissions = permissionsOf(role)
  const commands = useCommand(workshop.id, session.token)
  return (
    <div className="console" data-testid="console">
      <h2 className="console-heading">{t('console.heading')}</h2>
      {workshop.predecessor !== undefined ? (
        <p className="console-predecessor" data-testid="predecessor">
          {t('console.followsUp')}{' '}
          <AppLink href={workshopPath(workshop.predecessor.id, { kind: 'console' })} data-testid="predecessor-link">
            {workshop.predecessor.title}
          </AppLink>
        </p>
      ) : null}
      {/* Always in the page, so that screen readers announce a refusal when it appears. */}
      <div role="alert" className="console-error" data-testid="command-error">
        {commands.error !== undefined ? (
          <p>
            {commands.error}{' '}
            <button type="button" className="button button--small" onClick={commands.clearError}>
              {t('console.dismiss')}
            </button>
          </p>
        ) : null}
      </div>
      {permissions.managePeople && workshop.joinCode !== undefined ? <InvitePanel joinCode={workshop.joinCode} links={workshop.links} /> : null}
      {permissions.command && control !== undefined ? <AgendaPanel facilitation={control.facilitation} boards={control.boards.filter((b) => !b.archived && !b.room)} commands={commands} /> : null}
      {permissions.manageBoards && control !== undefined ? <RoomsPanel canCommand={permissions.command} workshopId={workshop.id} token={session.token} facilitation={control.facilitation} people={control.participants} boards={control.boards} commands={commands} /> : null}
      {permissions.command && control !== undefined ? (
        <VotesConsolePanel workshopId={workshop.id} token={session.token} boards={control.boards.filter((b) => !b.archived)} votes={control.votes} commands={commands} facilitation={control.facilitation} />
      ) : null}
      {permissions.command && control !== undefined ? <SimpleDefaultPanel simpleDefault={control.facilitation.simpleDefault} commands={commands} /> : null}
      {permissions.managePeople ? <PeoplePanel participants={control?.participants} commands={commands} /> : null}
      {permissions.manageBoards ? <BoardsPanel workshopId={workshop.id} boards={control?.boards.filter((b) => !b.room)} canLock={permissions.command} commands={commands} /> : null}
      {permissions.export && control !== undefined ? (
        <CataloguePanel workshopId={workshop.id} token={session.token} title={control.title || workshop.title} boards={control.boards.filter((b) => !b.archived)} />
      ) : null}
      {role === 'facilitator' ? <FollowUpPanel workshopId={workshop.id} token={session.token} title={control?.title || workshop.title} locale={workshop.locale} /> : null}
      {role === 'facilitator' ? <DeletePanel workshopId={workshop.id} token={session.token} title={control?.title || workshop.title} /> : null}
    </div>
  )
}
