import type { AnchorHTMLAttributes, MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { navigate } from '../routing/useRoute.ts'

/**
 * A link to another page of the app: a real `<a href>` (it can be opened in
 * a new tab, copied, read as a link), followed without reloading the page.
 */
export function AppLink({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { readonly href: string }) {
  return (
    <a
      {...rest}
      href={href}
      onClick={(event: MouseEvent<HTMLAnchorElement>) => {
        onClick?.(event)
        // A modified click (new tab or window) stays the browser's.
        if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return
        event.preventDefault()
        navigate(href)
      }}
    />
  )
}

/** The app's name in a page header, leading to the start page. */
export function BrandLink() {
  const { t } = useTranslation()
  return (
    <AppLink className="brand brand--link" href="/" aria-label={t('board.home')}>
      {t('app.name')}
    </AppLink>
  )
}
