import { permissionsOf } from '@werkraum/shared'
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { workshopPath } from '../routing/route.ts'
import { listedWorkshops, putBackOnList, takeOffList, type ListedWorkshop, type TakenOff } from '../workshop/credentials.ts'
import { forgetWorkshop } from '../workshop/forget.ts'
import { AppLink } from './AppLink.tsx'

/**
 * The workshops this browser created, ran or joined, as it remembers them
 * (localStorage only: the server knows nothing of who someone is). Nothing at
 * all when there are none. Taking one off the list forgets this browser's
 * access to it, so it can be undone until the page is left.
 */
export function MyWorkshops() {
  const { t, i18n } = useTranslation()
  const [listed, setListed] = useState<readonly ListedWorkshop[]>(listedWorkshops)
  const [removed, setRemoved] = useState<{ readonly taken: TakenOff; readonly title: string }>()
  const headingId = useId()
  const noticeRef = useRef<HTMLParagraphElement>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const [focusAfterUndo, setFocusAfterUndo] = useState<string>()

  // The focused button is gone with its entry: focus moves to the notice that offers the undo.
  useEffect(() => {
    if (removed !== undefined) noticeRef.current?.focus()
  }, [removed])
  useEffect(() => {
    if (focusAfterUndo === undefined) return
    const link = document.querySelector<HTMLElement>(`[data-workshop-id="${focusAfterUndo}"] a, [data-workshop-id="${focusAfterUndo}"] button`)
    ;(link ?? headingRef.current)?.focus()
    setFocusAfterUndo(undefined)
  }, [focusAfterUndo])

  if (listed.length === 0 && removed === undefined) return null

  const date = new Intl.DateTimeFormat(i18n.language === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' })
  const remove = (workshop: ListedWorkshop): void => {
    const taken = takeOffList(workshop.id)
    // The boards' local copies go too; after an undo they sync again from the server.
    void forgetWorkshop(workshop.id)
    setRemoved({ taken, title: workshop.title })
    setListed(listedWorkshops())
  }
  const undo = (): void => {
    if (removed === undefined) return
    putBackOnList(removed.taken)
    setFocusAfterUndo(removed.taken.id)
    setRemoved(undefined)
    setListed(listedWorkshops())
  }

  return (
    <section className="card my-workshops" aria-labelledby={headingId} data-testid="my-workshops">
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('myWorkshops.heading')}
      </h2>
      <p className="hint">{t('myWorkshops.hint')}</p>
      {removed !== undefined ? (
        <p ref={noticeRef} tabIndex={-1} className="notice my-workshops__removed" role="status" data-testid="my-workshop-removed">
          {t('myWorkshops.removed', { title: removed.title })}{' '}
          <button type="button" className="button button--small" onClick={undo} data-testid="my-workshop-undo">
            {t('myWorkshops.undo')}
          </button>
        </p>
      ) : null}
      {listed.length > 0 ? (
        <ul className="my-workshops__list">
          {listed.map((workshop) => (
            <WorkshopEntry key={workshop.id} workshop={workshop} lastOpened={workshop.lastOpenedMs === undefined ? undefined : date.format(workshop.lastOpenedMs)} onRemove={() => remove(workshop)} />
          ))}
        </ul>
      ) : null}
    </section>
  )
}

interface WorkshopEntryProps {
  readonly workshop: ListedWorkshop
  readonly lastOpened: string | undefined
  readonly onRemove: () => void
}

function WorkshopEntry({ workshop, lastOpened, onRemove }: WorkshopEntryProps) {
  const { t } = useTranslation()
  const titleId = useId()
  const toConsole = workshop.role !== undefined && permissionsOf(workshop.role).manageBoards
  const details = [workshop.role !== undefined ? t(`roles.${workshop.role}`) : undefined, lastOpened !== undefined ? t('myWorkshops.lastOpened', { date: lastOpened }) : undefined]
  return (
    <li className="my-workshop" data-testid="my-workshop" data-workshop-id={workshop.id} data-gone={workshop.gone}>
      <div className="my-workshop__text">
        <h3 id={titleId} className="my-workshop__title" data-testid="my-workshop-title">
          {workshop.title}
        </h3>
        <p className="hint">{details.filter((d) => d !== undefined).join(' · ')}</p>
        {workshop.gone ? (
          <p className="my-workshop__gone" data-testid="my-workshop-gone">
            {t('myWorkshops.gone')}
          </p>
        ) : null}
      </div>
      <div className="my-workshop__actions">
        {workshop.gone ? null : (
          <AppLink className="button button--primary button--small" href={workshopPath(workshop.id, toConsole ? { kind: 'console' } : { kind: 'board' })} data-testid="my-workshop-open">
            {toConsole ? t('myWorkshops.openConsole') : t('myWorkshops.openBoard')}
            <span className="visually-hidden">: {workshop.title}</span>
          </AppLink>
        )}
        <button type="button" className="button button--small" onClick={onRemove} data-testid="my-workshop-remove">
          {t('myWorkshops.remove')}
          <span className="visually-hidden">: {workshop.title}</span>
        </button>
      </div>
    </li>
  )
}
