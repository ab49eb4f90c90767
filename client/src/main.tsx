import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import { AnnouncerProvider } from './components/Announcer.tsx'
import { initI18n } from './i18n/index.ts'
import { SimpleModeProvider } from './settings/SimpleModeProvider.tsx'
import './styles.css'
import './styles/site.css'
import './styles/cardForm.css'
import './styles/keys.css'
import './styles/layout.css'
import './styles/simple.css'

const container = document.getElementById('root')
if (container === null) throw new Error('index.html has no #root element')

void initI18n().then(() => {
  createRoot(container).render(
    <StrictMode>
      <AnnouncerProvider>
        {/* Every page follows this browser's own choice; a workshop's view adds the workshop's default. */}
        <SimpleModeProvider>
          <App />
        </SimpleModeProvider>
      </AnnouncerProvider>
    </StrictMode>,
  )
})
