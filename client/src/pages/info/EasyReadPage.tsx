import { useTranslation } from 'react-i18next'
import { InfoShell } from './InfoShell.tsx'

/**
 * `/leichte-sprache`: how to take part, in Leichte Sprache (German) or easy
 * read (English): short sentences, one idea per line, common words, hard
 * words explained. The buttons are named with the very words the screens use.
 */
export function EasyReadPage() {
  const { t } = useTranslation()
  const buttons = {
    joinButton: t('start.joinButton'),
    submit: t('join.submit'),
    newNote: t('conceptCard.addNote'),
    addDot: t('votes.add'),
    simple: t('simpleMode.switch'),
    list: t('listView.toggle'),
  }
  return (
    <InfoShell title={t('easyRead.pageTitle')} heading={t('easyRead.heading')} testId="easy-read-page">
      <p>{t('easyRead.intro')}</p>
      <h2>{t('easyRead.whatHeading')}</h2>
      <Lines lines={[t('easyRead.what.l1'), t('easyRead.what.l2'), t('easyRead.what.l3'), t('easyRead.what.l4')]} />
      <h2>{t('easyRead.needHeading')}</h2>
      <Lines lines={[t('easyRead.need.l1'), t('easyRead.need.l2'), t('easyRead.need.l3'), t('easyRead.need.l4'), t('easyRead.need.l5')]} />
      <h2>{t('easyRead.joinHeading')}</h2>
      <ol className="easy-read-lines">
        <li>{t('easyRead.join.l1')}</li>
        <li>{t('easyRead.join.l2', buttons)}</li>
        <li>{t('easyRead.join.l3')}</li>
        <li>{t('easyRead.join.l4')}</li>
        <li>{t('easyRead.join.l5', buttons)}</li>
      </ol>
      <h2>{t('easyRead.noteHeading')}</h2>
      <Lines lines={[t('easyRead.note.l1'), t('easyRead.note.l2', buttons), t('easyRead.note.l3'), t('easyRead.note.l4')]} />
      <h2>{t('easyRead.voteHeading')}</h2>
      <Lines lines={[t('easyRead.vote.l1'), t('easyRead.vote.l2'), t('easyRead.vote.l3'), t('easyRead.vote.l4', buttons)]} />
      <h2>{t('easyRead.helpHeading')}</h2>
      <Lines lines={[t('easyRead.help.l1', buttons), t('easyRead.help.l2', buttons), t('easyRead.help.l3')]} />
      <h2>{t('easyRead.dataHeading')}</h2>
      <Lines lines={[t('easyRead.data.l1'), t('easyRead.data.l2'), t('easyRead.data.l3')]} />
    </InfoShell>
  )
}

/** One sentence per line, as Leichte Sprache asks. */
function Lines({ lines }: { readonly lines: readonly string[] }) {
  return (
    <ul className="easy-read-lines">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  )
}
