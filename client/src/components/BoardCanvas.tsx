import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { useCallback, useMemo, useRef, useState } from 'react'
import { Tldraw, useTldrawUser, type Editor, type TLUserPreferences } from 'tldraw'
import 'tldraw/tldraw.css'
import { setLanguage } from '../i18n/index.ts'
import { isLanguage, type Language } from '../i18n/language.ts'
import type { BoardSession } from '../sync/boardSession.ts'
import { cleanName, type Identity } from '../user/identity.ts'
import { manageEditorFocus } from './editorFocus.ts'
import { useTldrawA11yFixes } from './useTldrawA11yFixes.ts'

// Fonts, icons and tldraw's translations are bundled by Vite and served from
// our own origin; without this tldraw fetches them from its CDN.
const assetUrls = getAssetUrlsByImport()

/**
 * An operator who owns a tldraw licence key can set it at build time. Without
 * one, tldraw 3.15 runs with its "Made with tldraw" mark, which must stay visible.
 */
const licenseKey: string | undefined = import.meta.env.VITE_TLDRAW_LICENSE_KEY || undefined

type OtherPreferences = Omit<TLUserPreferences, 'id' | 'name' | 'color' | 'locale'>

interface BoardCanvasProps {
  readonly session: BoardSession
  readonly identity: Identity
  readonly language: Language
  readonly onNameChange: (name: string) => void
}


/**
 * Images still live inside the board document (uploads come with workshops), so
 * every pasted image travels in sync messages: a board with a few of tldraw's
 * default 10 MB images would exceed the server's 16 MiB message limit. Keep
 * them small until images are uploaded instead.
 */
const MAX_IMAGE_BYTES = 2 * 1024 * 1024
const MAX_IMAGE_PIXELS = 2048

export function BoardCanvas({ session, identity, language, onNameChange }: BoardCanvasProps) {
  // Preferences tldraw manages itself (snap mode, dark mode …), kept for this page.
  const [other, setOther] = useState<OtherPreferences>({ colorScheme: 'light' })

  const userPreferences = useMemo<TLUserPreferences>(
    () => ({ ...other, id: identity.id, name: identity.name, color: identity.color, locale: language }),
    [other, identity, language],
  )

  // tldraw's own menus can change the name and the language too; keep ours in step.
  const setUserPreferences = useCallback(
    ({ id: _id, name, color: _color, locale, ...rest }: TLUserPreferences) => {
      if (typeof name === 'string' && cleanName(name) !== '' && cleanName(name) !== identity.name) onNameChange(cleanName(name))
      if (isLanguage(locale) && locale !== language) setLanguage(locale)
      setOther(rest)
    },
    [identity.name, language, onNameChange],
  )

  const user = useTldrawUser({ userPreferences, setUserPreferences })
  const containerRef = useRef<HTMLDivElement>(null)
  useTldrawA11yFixes(containerRef)

  const onMount = useCallback(
    (editor: Editor) => {
      window.__werkraum = {
        editor,
        doc: session.doc,
        provider: session.provider,
        awareness: session.awareness,
      }
      const stopManagingFocus = manageEditorFocus(editor)
      return () => {
        stopManagingFocus()
        if (window.__werkraum?.editor === editor) window.__werkraum = undefined
      }
    },
    [session],
  )

  return (
    <div className="board-canvas" ref={containerRef}>
      {/* No autofocus: keyboard and screen-reader users start at the top of the page
          (skip link, header); see editorFocus.ts. */}
      <Tldraw
        store={session.store}
        assetUrls={assetUrls}
        user={user}
        onMount={onMount}
        licenseKey={licenseKey}
        autoFocus={false}
        maxAssetSize={MAX_IMAGE_BYTES}
        maxImageDimension={MAX_IMAGE_PIXELS}
      />
    </div>
  )
}
