import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { workshopPath, type WorkshopSubview } from '../../routing/route.ts'

export interface Menu {
  readonly open: boolean
  readonly setOpen: (open: boolean) => void
  /** Esc inside the menu folds it and gives the keyboard back to its button. */
  readonly onKeyDown: (event: KeyboardEvent) => void
  readonly buttonRef: RefObject<HTMLButtonElement | null>
}

/**
 * The phone layout's menu (boards, rooms, agenda, language, who one is): folded
 * at first and again whenever another board or page opens, so that it never
 * stands between a person and the board they chose. On a desktop its button is
 * hidden and everything in it shows (layout.css).
 */
export function useMenu(subview: WorkshopSubview): Menu {
  const [open, setOpen] = useState(false)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const where = workshopPath('', subview)
  const openRef = useRef(open)
  openRef.current = open
  useEffect(() => {
    // A board chosen in the menu: the keyboard goes on at the page's main content, not back to the top with its hidden link.
    const active = document.activeElement
    if (openRef.current && active instanceof HTMLElement && active.closest('.workshop-nav, .header-tools') !== null) document.getElementById('main')?.focus()
    setOpen(false)
  }, [where])
  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !open || buttonRef.current === null || buttonRef.current.offsetParent === null) return
      event.stopPropagation()
      setOpen(false)
      buttonRef.current.focus()
    },
    [open],
  )
  return { open, setOpen, onKeyDown, buttonRef }
}

interface MenuToggleProps {
  readonly menu: Menu
  /** The ids of what the menu shows and hides. */
  readonly controls: string
}

/** "Menü": a disclosure button (aria-expanded), shown only in the compact layout. */
export function MenuToggle({ menu, controls }: MenuToggleProps) {
  const { t } = useTranslation()
  return (
    <button
      ref={menu.buttonRef}
      type="button"
      className="button menu-toggle disclosure"
      aria-expanded={menu.open}
      aria-controls={controls}
      data-testid="menu-toggle"
      onClick={() => menu.setOpen(!menu.open)}
    >
      {t('layout.menu')}
    </button>
  )
}
