import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts'
import { loadIdentity, saveIdentity, type Identity } from '../user/identity.ts'
import { BoardView } from './BoardView.tsx'
import { NamePrompt } from './NamePrompt.tsx'

/** `/b/<name>`: asks for a display name first (once per browser), then opens the board. */
export function BoardPage({ boardName }: { readonly boardName: string }) {
  const { t } = useTranslation()
  useDocumentTitle(t('board.pageTitle', { board: boardName }))
  const [identity, setIdentity] = useState<Identity | undefined>(loadIdentity)

  const rename = useCallback((name: string) => {
    setIdentity((previous) => saveIdentity(name, previous))
  }, [])

  if (identity === undefined) return <NamePrompt context={t('board.heading', { board: boardName })} onSubmit={rename} />
  return <BoardView boardName={boardName} identity={identity} onNameChange={rename} />
}
