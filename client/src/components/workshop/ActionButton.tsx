import type { ButtonHTMLAttributes } from 'react'

type ActionButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'disabled'> & { readonly unavailable?: boolean }

/**
 * A small console button that can be unavailable without `disabled`: a
 * disabled button loses keyboard focus, which would drop a keyboard user to
 * the top of the page after moving a board to the top of the list.
 */
export function ActionButton({ unavailable = false, onClick, className, ...rest }: ActionButtonProps) {
  return (
    <button
      type="button"
      {...rest}
      className={`button button--small ${className ?? ''}`.trim()}
      aria-disabled={unavailable || undefined}
      onClick={(event) => {
        if (!unavailable) onClick?.(event)
      }}
    />
  )
}
