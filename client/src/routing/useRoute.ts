import { useEffect, useSyncExternalStore } from 'react'
import { parseRoute, routePath, type Route } from './route.ts'

const NAVIGATE_EVENT = 'werkraum:navigate'

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange)
  window.addEventListener(NAVIGATE_EVENT, onChange)
  return () => {
    window.removeEventListener('popstate', onChange)
    window.removeEventListener(NAVIGATE_EVENT, onChange)
  }
}

const getPathname = (): string => window.location.pathname

/** Goes to another page of the app without reloading. */
export function navigate(path: string, { replace = false } = {}): void {
  if (replace) window.history.replaceState(null, '', path)
  else window.history.pushState(null, '', path)
  window.dispatchEvent(new Event(NAVIGATE_EVENT))
}

/** The current route; re-renders on back/forward and on `navigate`. */
export function useRoute(): Route {
  const pathname = useSyncExternalStore(subscribe, getPathname)
  const route = parseRoute(pathname)
  const canonical = routePath(route)
  useEffect(() => {
    // "/b/Ideen%20Markt" becomes "/b/ideen-markt", so a shared link is the canonical one.
    // The fragment stays: a workshop link carries its token there.
    if (canonical !== undefined && canonical !== pathname) navigate(canonical + window.location.hash, { replace: true })
  }, [canonical, pathname])
  return route
}
