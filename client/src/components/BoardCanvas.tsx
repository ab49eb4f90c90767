import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Tldraw, useTldrawUser, type Editor, type TLComponents, type TLUserPreferences } from 'tldraw'
import 'tldraw/tldraw.css'
import { publishAuthors, recordAuthorship } from '../board/authorship.ts'
import { manageCanvasKeys } from '../board/canvasKeys.ts'
import { openShortcutHelp } from '../board/shortcutHelp.ts'
import { SelectionAnnouncer } from '../board/SelectionAnnouncer.tsx'
import { keepEditingInView } from '../board/keepEditingInView.ts'
import { BoardToolbar } from '../board/BoardToolbar.tsx'
import { ConceptCardFormHost } from '../board/ConceptCardForm.tsx'
import { keepNewNoteCaret } from '../board/newNoteCaret.ts'
import { keepTypedText } from '../board/keepTypedText.ts'
import { customShapeUtils } from '../board/shapeUtils.ts'
import { tldrawOverrides, useSimpleToolReset } from '../board/simpleTools.ts'
import { assetUrls, licenseKey } from '../board/tldrawSetup.ts'
import { setLanguage } from '../i18n/index.ts'
import { isLanguage, type Language } from '../i18n/language.ts'
import type { BoardSession } from '../sync/boardSession.ts'
import { useSimpleMode } from '../settings/simpleMode.ts'
import { cleanName, type Identity } from '../user/identity.ts'
import { manageEditorFocus } from './editorFocus.ts'
import { useTldrawA11yFixes } from './useTldrawA11yFixes.ts'


type OtherPreferences = Omit<TLUserPreferences, 'id' | 'name' | 'color' | 'locale'>

interface BoardCanvasProps {
  readonly session: BoardSession
  readonly identity: Identity
  readonly language: Language
  readonly onNameChange: (name: string) => void
  /** Nothing can be changed: an observer, or a locked board. The server drops edits anyway. */
  readonly readOnly?: boolean
  /** Largest image a person may add, in bytes. */
  readonly maxImageBytes?: number
  /** Called once the editor is there (and again for a new editor), e.g. to lay out a template. */
  readonly onEditor?: (editor: Editor) => void
  /** tldraw UI parts to add (a stable object: a new one remounts them). */
  readonly components?: TLComponents
}


/**
 * On boards outside workshops images live inside the board document, so every
 * pasted image travels in sync messages: a board with a few of tldraw's default
 * 10 MB images would exceed the server's 16 MiB message limit. Workshop boards
 * upload images instead and pass their own limit.
 */
const DEFAULT_MAX_IMAGE_BYTES = 2 * 1024 * 1024
const MAX_IMAGE_PIXELS = 2048

/**
 * Every Werkraum board has one page, so tldraw's page menu only showed its
 * English "Page 1" and offered pages nobody else would find. The toolbar puts
 * the note and the concept card first (BoardToolbar.tsx).
 */
// tldraw's announcement of the chosen shape, counting shapes in areas too (SelectionAnnouncer.tsx).
const SINGLE_PAGE_COMPONENTS: TLComponents = { PageMenu: null, Toolbar: BoardToolbar, A11y: SelectionAnnouncer }

export function BoardCanvas({
  session,
  identity,
  language,
  onNameChange,
  readOnly = false,
  maxImageBytes = DEFAULT_MAX_IMAGE_BYTES,
  onEditor,
  components,
}: BoardCanvasProps) {
  const [editor, setEditor] = useState<Editor>()
  const readOnlyRef = useRef(readOnly)
  readOnlyRef.current = readOnly
  const identityRef = useRef(identity)
  identityRef.current = identity
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
  const allComponents = useMemo<TLComponents>(() => ({ ...SINGLE_PAGE_COMPONENTS, ...components }), [components])
  const containerRef = useRef<HTMLDivElement>(null)
  useTldrawA11yFixes(containerRef)
  // Simple mode keeps to its few tools, shortcuts included.
  const simple = useSimpleMode()
  useSimpleToolReset(editor, simple)
  const { t } = useTranslation()
  // Said when the keyboard enters the canvas (and shown): how to move and how to get out again.
  const hintId = useId()
  const [hint, setHint] = useState(false)

  const onMount = useCallback(
    (editor: Editor) => {
      window.__werkraum = {
        editor,
        doc: session.doc,
        provider: session.provider,
        awareness: session.awareness,
      }
      // Before the first render with this editor: no moment in which a read-only board takes edits.
      editor.updateInstanceState({ isReadonly: readOnlyRef.current })
      const stopManagingFocus = manageEditorFocus(editor)
      // What this person writes carries their id and name (a room's banner lists its writers).
      const stopRecording = recordAuthorship(editor, () => ({ id: identityRef.current.id, name: identityRef.current.name }))
      const stopPublishing = publishAuthors(editor, session.provider.roomname)
      // The phone keyboard must not cover the note being typed (issue #14).
      const stopKeepingInView = keepEditingInView(editor)
      // Letters typed into a new note stay in the order they were typed.
      const stopKeepingCaret = keepNewNoteCaret(editor)
      // …and are not taken back by another browser's older copy of the shape.
      const stopKeepingText = keepTypedText(editor)
      const stopKeys = manageCanvasKeys(editor, { onHelp: openShortcutHelp, onHint: setHint })
      editor.getContainer().setAttribute('aria-describedby', hintId)
      setEditor(editor)
      return () => {
        stopKeys()
        stopKeepingInView()
        stopKeepingCaret()
        stopKeepingText()
        stopManagingFocus()
        stopRecording()
        stopPublishing()
        if (window.__werkraum?.editor === editor) window.__werkraum = undefined
      }
    },
    [session, hintId],
  )

  // tldraw's read-only mode hides the tools and refuses edits; it follows a lock or a role change at once.
  useEffect(() => {
    if (editor !== undefined && editor.getInstanceState().isReadonly !== readOnly) editor.updateInstanceState({ isReadonly: readOnly })
  }, [editor, readOnly])
  useEffect(() => {
    if (editor !== undefined) onEditor?.(editor)
  }, [editor, onEditor])

  return (
    <div className="board-canvas" ref={containerRef} data-readonly={readOnly}>
      {/* No autofocus: keyboard and screen-reader users start at the top of the page
          (skip link, header); see editorFocus.ts. */}
      <Tldraw
        store={session.store}
        shapeUtils={customShapeUtils}
        assetUrls={assetUrls}
        user={user}
        onMount={onMount}
        licenseKey={licenseKey}
        autoFocus={false}
        maxAssetSize={maxImageBytes}
        maxImageDimension={MAX_IMAGE_PIXELS}
        components={allComponents}
        overrides={tldrawOverrides(simple)}
      />
      {editor !== undefined && !readOnly ? <ConceptCardFormHost editor={editor} /> : null}
      <p id={hintId} className="canvas-key-hint" data-shown={hint} data-testid="canvas-key-hint">
        {t('keys.canvasHint')}
      </p>
    </div>
  )
}
