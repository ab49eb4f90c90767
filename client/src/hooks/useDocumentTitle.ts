import { useEffect } from 'react'

/** Sets the page `<title>` (WCAG 2.4.2); screen readers announce it after navigation. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title
  }, [title])
}
