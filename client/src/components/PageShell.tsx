import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from './LanguageSwitch.tsx'
import { SiteLinks } from './SiteLinks.tsx'
import { SkipLink } from './SkipLink.tsx'

/** The frame of every page besides the board: skip link, brand, language switch, the main landmark, and the statement links. */
export function PageShell({ children }: { readonly children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <div className="page">
      <SkipLink />
      <header className="site-header">
        <span className="brand">{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1} className="start">
        {children}
      </main>
      <footer className="site-footer">
        <SiteLinks />
      </footer>
    </div>
  )
}
