import { BoardPage } from './pages/BoardPage.tsx'
import { JoinPage } from './pages/JoinPage.tsx'
import { NotFoundPage } from './pages/NotFoundPage.tsx'
import { StartPage } from './pages/StartPage.tsx'
import { WorkshopPage } from './pages/WorkshopPage.tsx'
import { useRoute } from './routing/useRoute.ts'

export function App() {
  const route = useRoute()
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
    case 'not-found':
      return <NotFoundPage />
    default: {
      const unreachable: never = route
      return unreachable
    }
  }
}
