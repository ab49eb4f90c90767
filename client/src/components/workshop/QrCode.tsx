import { useMemo } from 'react'
import { encode } from 'uqr'

/** Modules of white margin around the code; scanners need at least four. */
const QUIET_ZONE_MODULES = 4

/**
 * A QR code drawn in the browser as one SVG path: no image service, nothing
 * leaves the origin. Dark on white whatever the page theme is, for scanners.
 */
export function QrCode({ value, label, size = 192 }: { readonly value: string; readonly label: string; readonly size?: number }) {
  const { path, modules } = useMemo(() => {
    const { data } = encode(value, { ecc: 'M', border: 0 })
    let d = ''
    data.forEach((row, y) =>
      row.forEach((dark, x) => {
        if (dark) d += `M${x + QUIET_ZONE_MODULES} ${y + QUIET_ZONE_MODULES}h1v1h-1z`
      }),
    )
    return { path: d, modules: data.length + 2 * QUIET_ZONE_MODULES }
  }, [value])
  return (
    <svg
      className="qr-code"
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${modules} ${modules}`}
      shapeRendering="crispEdges"
      data-testid="join-qr"
    >
      <rect width={modules} height={modules} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  )
}
