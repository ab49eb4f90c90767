import { useEffect, useRef } from 'react'

/**
 * Opens the dialog as a modal. Closing goes through `dialog.close()`, whose
 * `close` event tells the parent to unmount it: closed while still in the
 * page, the browser gives focus back to the button that opened it.
 */
export function useModal(onClose: () => void) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (dialog !== null && !dialog.open) dialog.showModal()
    return () => dialog?.close()
  }, [])
  const close = (): void => ref.current?.close()
  // React's development double mount closes and reopens the dialog; the stale `close` event must not end it.
  const onCloseEvent = (event: { currentTarget: HTMLDialogElement }): void => {
    if (!event.currentTarget.open) onClose()
  }
  return { ref, close, onCloseEvent }
}
