import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { isLanguage } from '../i18n/language.ts'
import { infoPath, parseRoute, type InfoPage } from '../routing/route.ts'
import { rememberReturnPath } from '../site/returnPath.ts'
import { AppLink } from './AppLink.tsx'

const LINKS: ReadonlyArray<{ readonly page: InfoPage; readonly label: 'siteLinks.accessibility' | 'siteLinks.privacy' | 'siteLinks.easyRead' | 'siteLinks.feedback' }> = [
  { page: 'accessibility', label: 'siteLinks.accessibility' },
  { page: 'privacy', label: 'siteLinks.privacy' },
  { page: 'easy-read', label: 'siteLinks.easyRead' },
  { page: 'feedback', label: 'siteLinks.feedback' },
]

/**
 * "Barrierefreiheit", "Datenschutz", "Leichte Sprache" and "Feedback", on
 * every screen (issue 14; BITV 2.0 asks for the statement and a feedback way
 * to be reachable from everywhere). `list` shows them as a row of links (page
 * footers, the workshop's side menu); `compact` folds them behind one "Info"
 * button, for headers that must not grow and take the board's height.
 */
export function SiteLinks({ variant = 'list' }: { readonly variant?: 'list' | 'compact' }) {
  return variant === 'compact' ? <CompactSiteLinks /> : <SiteLinkList />
}

function SiteLinkList({ id, onKeyDown }: { readonly id?: string; readonly onKeyDown?: (event: KeyboardEvent) => void }) {
  const { t, i18n } = useTranslation()
  const language = isLanguage(i18n.language) ? i18n.language : 'en'
  return (
    <nav id={id} className="site-links" aria-label={t('siteLinks.label')} data-testid="site-links" onKeyDown={onKeyDown}>
      <ul>
        {LINKS.map(({ page, label }) => (
          <li key={page}>
            <AppLink
              href={infoPath(page, language)}
              data-testid={`site-link-${page}`}
              aria-current={isCurrent(page) ? 'page' : undefined}
              onClick={() => {
                // From one statement page to the next, "back" still means where the person came from.
                if (parseRoute(window.location.pathname).kind !== 'info') rememberReturnPath(window.location.pathname)
              }}
            >
              {t(label)}
            </AppLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}

function isCurrent(page: InfoPage): boolean {
  const route = parseRoute(window.location.pathname)
  return route.kind === 'info' && route.page === page
}

/** A disclosure button; the links open below it over the page, so the header keeps its height. */
function CompactSiteLinks() {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const listId = useId()
  const rootRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (!open) return
    // A click or focus elsewhere folds it again, as a menu would.
    const away = (event: Event): void => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false)
    }
    document.addEventListener('pointerdown', away)
    document.addEventListener('focusin', away)
    return () => {
      document.removeEventListener('pointerdown', away)
      document.removeEventListener('focusin', away)
    }
  }, [open])
  useLayoutEffect(() => {
    // Opens below the button, moved left as far as needed to stay on the screen (the button may sit anywhere in a wrapping header).
    const list = rootRef.current?.querySelector<HTMLElement>('.site-links')
    if (!open || !list) return
    list.style.left = '0px'
    const overflow = list.getBoundingClientRect().right - (document.documentElement.clientWidth - 8)
    if (overflow > 0) list.style.left = `${-overflow}px`
  }, [open])
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return
    event.stopPropagation()
    setOpen(false)
    buttonRef.current?.focus()
  }
  return (
    <div className="site-links-compact" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="button disclosure site-links-toggle"
        aria-expanded={open}
        aria-controls={listId}
        data-testid="site-links-toggle"
        onClick={() => setOpen(!open)}
      >
        {t('siteLinks.compact')}
        <span className="visually-hidden">: {t('siteLinks.label')}</span>
      </button>
      {open ? <SiteLinkList id={listId} onKeyDown={onKeyDown} /> : null}
    </div>
  )
}
