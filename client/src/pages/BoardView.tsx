import { boardDocName } from '@werkraum/shared'
import { useEffect, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import type { Editor } from 'tldraw'
import { ArrivalAnnouncer } from '../board/list/announceArrivals.tsx'
import { BoardList } from '../board/list/BoardList.tsx'
import { ListToggle } from '../board/list/ListToggle.tsx'
import { useBoardViewMode } from '../board/list/viewMode.ts'
import { BoardCanvas } from '../components/BoardCanvas.tsx'
import { BoardStateMessage } from '../components/BoardStateMessage.tsx'
import { ConnectionStatus } from '../components/ConnectionStatus.tsx'
import { FatalCloseBanner } from '../components/FatalCloseBanner.tsx'
import { BrandLink } from '../components/AppLink.tsx'
import { LanguageSwitch } from '../components/LanguageSwitch.tsx'
import { NameDialog } from '../components/NameDialog.tsx'
import { PresenceList } from '../components/PresenceList.tsx'
import { SimpleModeSwitch } from '../components/SimpleModeSwitch.tsx'
import { SiteLinks } from '../components/SiteLinks.tsx'
import { ShortcutHelpButton } from '../components/ShortcutHelp.tsx'
import { SkipLink } from '../components/SkipLink.tsx'
import { isLanguage } from '../i18n/language.ts'
import { BoardSession } from '../sync/boardSession.ts'
import type { Identity } from '../user/identity.ts'

interface BoardViewProps {
  readonly boardName: string
  readonly identity: Identity
  readonly onNameChange: (name: string) => void
}

export function BoardView({ boardName, identity, onNameChange }: BoardViewProps) {
  const { t, i18n } = useTranslation()
  const language = isLanguage(i18n.language) ? i18n.language : 'en'
  const [session, setSession] = useState<BoardSession>()
  const [editingName, setEditingName] = useState(false)
  const [editor, setEditor] = useState<Editor>()
  const [view, setView] = useBoardViewMode()
  const [listOpened, setListOpened] = useState(false)

  // One session per board. The identity is read once here and pushed below,
  // so a new name does not reconnect.
  const [initialIdentity] = useState(identity)
  useEffect(() => {
    const created = new BoardSession(boardDocName(boardName), initialIdentity)
    setSession(created)
    return () => {
      created.destroy()
      window.__werkraum = undefined
    }
  }, [boardName, initialIdentity])
  useEffect(() => session?.setUser(identity), [session, identity])

  const snapshot = useSyncExternalStore(
    session?.subscribe ?? noSubscription,
    session?.getSnapshot ?? noSnapshot,
  )

  const load = snapshot?.load ?? { kind: 'loading' }
  const fatalClose = snapshot?.connection.fatalClose

  return (
    <div className="board-page">
      <SkipLink />
      <header className="board-header">
        <BrandLink />
        <h1 className="board-title">{t('board.heading', { board: boardName })}</h1>
        {snapshot !== undefined ? <ConnectionStatus view={snapshot.connection} /> : null}
        <PresenceList people={snapshot?.people ?? []} />
        <ListToggle
          mode={view}
          onChange={(mode) => {
            setView(mode)
            setListOpened(mode === 'list')
          }}
        />
        <ShortcutHelpButton />
        <button type="button" className="button" data-testid="change-name" onClick={() => setEditingName(true)}>
          {t('name.change', { name: identity.name })}
        </button>
        <SimpleModeSwitch />
        <LanguageSwitch />
        <SiteLinks variant="compact" />
      </header>
      <main id="main" tabIndex={-1} className="board-main" aria-label={t('board.canvasLabel')}>
        {fatalClose !== undefined ? <FatalCloseBanner close={fatalClose} /> : null}
        <ArrivalAnnouncer editor={editor} selfId={identity.id} />
        <div className="board-area" data-view={view}>
          {session !== undefined && load.kind === 'ready' ? (
            <>
              <BoardCanvas session={session} identity={identity} language={language} onNameChange={onNameChange} onEditor={setEditor} />
              {view === 'list' && editor !== undefined ? <BoardList editor={editor} readOnly={false} headingLevel={2} focusOnOpen={listOpened} /> : null}
            </>
          ) : fatalClose !== undefined && load.kind === 'loading' ? null : (
            <BoardStateMessage load={load} />
          )}
        </div>
      </main>
      {editingName ? (
        <NameDialog currentName={identity.name} onSave={onNameChange} onClose={() => setEditingName(false)} />
      ) : null}
    </div>
  )
}

const noSubscription = (): (() => void) => () => undefined
const noSnapshot = (): undefined => undefined
