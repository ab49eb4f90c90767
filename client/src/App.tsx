import { useEffect, useRef } from 'react'
import { BoardPage } from './pages/BoardPage.tsx'
import { JoinPage } from './pages/JoinPage.tsx'
import { NotFoundPage } from './pages/NotFoundPage.tsx'
import { InfoPageView } from './pages/info/InfoPageView.tsx'
import { StartPage } from './pages/StartPage.tsx'
import { WorkshopPage } from './pages/WorkshopPage.tsx'
import { routePath } from './routing/route.ts'
import { useRoute } from './routing/useRoute.ts'
import { NAVIGATION_FOCUS_ATTRIBUTE } from './workshop/roomFocus.ts'

export function App() {
  const route = useRoute()
  useFocusOnNavigation(routePath(route) ?? window.location.pathname)
  switch (route.kind) {
    case 'start':
      return <StartPage />
    case 'board':
      // A new key per board: switching boards tears the old session down completely.
      return <BoardPage key={route.name} boardName={route.name} />
    case 'join':
      return <JoinPage key={route.code} initialCode={route.code} />
    case 'workshop':
      return <WorkshopPage key={route.id} workshopId={route.id} view={route.view} />
    case 'info':
      return <InfoPageView page={route.page} />
    case 'not-found':
      return <NotFoundPage />
    default: {
      const unreachable: never = route
      return unreachable
    }
  }
}

/**
 * After moving to another page inside the app, focus goes to the new page's
 * main landmark, as after a page load: otherwise it stays on a button that no
 * longer exists, and screen readers announce nothing.
 */
function useFocusOnNavigation(path: string): void {
  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    const frame = requestAnimationFrame(() => {
      // Unless the new page put the focus somewhere on purpose (a room's heading after a move, roomFocus.ts).
      if (document.activeElement?.hasAttribute(NAVIGATION_FOCUS_ATTRIBUTE) === true) return
      document.getElementById('main')?.focus({ preventScroll: true })
    })
    return () => cancelAnimationFrame(frame)
  }, [path])
}
