import type { InfoPage } from '../../routing/route.ts'
import { AccessibilityStatement } from './AccessibilityStatement.tsx'
import { EasyReadPage } from './EasyReadPage.tsx'
import { FeedbackPage } from './FeedbackPage.tsx'
import { PrivacyPage } from './PrivacyPage.tsx'

/** The statement page a route names. */
export function InfoPageView({ page }: { readonly page: InfoPage }) {
  switch (page) {
    case 'accessibility':
      return <AccessibilityStatement />
    case 'privacy':
      return <PrivacyPage />
    case 'easy-read':
      return <EasyReadPage />
    case 'feedback':
      return <FeedbackPage />
    default: {
      const unreachable: never = page
      return unreachable
    }
  }
}
