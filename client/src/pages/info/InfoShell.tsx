import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { AppLink } from '../../components/AppLink.tsx'
import { PageShell } from '../../components/PageShell.tsx'
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts'
import { lastReturnPath } from '../../site/returnPath.ts'

/** A statement page: its title, its heading, the text, and the way back to where the person came from. */
export function InfoShell({ title, heading, testId, children }: { readonly title: string; readonly heading: string; readonly testId: string; readonly children: ReactNode }) {
  const { t } = useTranslation()
  useDocumentTitle(title)
  const back = lastReturnPath()
  return (
    <PageShell>
      <article className="info-page" data-testid={testId}>
        <h1>{heading}</h1>
        {children}
        <p className="info-back">
          <AppLink href={back ?? '/'}>{back !== undefined && back !== '/' ? t('siteInfo.back') : t('siteInfo.toStart')}</AppLink>
        </p>
      </article>
    </PageShell>
  )
}
