import { useEffect, type RefObject } from 'react'

/**
 * Fills gaps in tldraw 3.15's own markup that automated WCAG checks (axe)
 * report, without forking its components:
 *
 * - The opacity slider's thumb (`role="slider"`) has no accessible name; its
 *   label sits in the `title` of the slider root. We copy that title onto the
 *   thumb as `aria-label`.
 *
 * tldraw re-creates these elements as panels open and close, so a
 * MutationObserver re-applies the fixes. React leaves attributes it does not
 * manage alone, so they survive re-renders.
 */
export function useTldrawA11yFixes(container: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = container.current
    if (root === null) return undefined
    const apply = (): void => {
      for (const thumb of root.querySelectorAll<HTMLElement>('[role="slider"]:not([aria-label]):not([aria-labelledby])')) {
        const title = thumb.closest('[title]')?.getAttribute('title')
        if (title) thumb.setAttribute('aria-label', title)
      }
    }
    apply()
    const observer = new MutationObserver(apply)
    observer.observe(root, { childList: true, subtree: true })
    return () => observer.disconnect()
  }, [container])
}
