import { boardResults, extent, workshopBoardDocName, type GalleryRoom } from '@werkraum/shared'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import * as Y from 'yjs'
import { syncServerUrl } from '../../sync/boardSession.ts'
import { recordsOf } from '../../sync/records.ts'
import { WerkraumProvider } from '../../sync/werkraumProvider.ts'

/** Redraws at most this often while a room is busy. */
const REDRAW_MS = 1000

/** A room board as the overview and the gallery draw it: its outline, concept titles and how many shapes it holds. */
export interface RoomBoardPicture extends Pick<GalleryRoom, 'outline' | 'concepts' | 'shapes'> {
  /** False until the board's document (or the gallery's summary) has arrived: until then "nothing on it" would be a guess. */
  readonly loaded: boolean
}

export const NOT_LOADED: RoomBoardPicture = { loaded: false, outline: [], concepts: [], shapes: 0 }

/**
 * A room board as the facilitator's overview shows it, kept live: its own
 * read-only copy of the document (no editor, no presence), read again as the
 * group works. Only for the console (facilitators are few); the gallery,
 * which everyone opens at once, reads the server's summary instead.
 */
export function useRoomBoard(workshopId: string, boardId: string, token: string): RoomBoardPicture {
  const [picture, setPicture] = useState<RoomBoardPicture>(NOT_LOADED)
  useEffect(() => {
    const doc = new Y.Doc()
    const provider = new WerkraumProvider(syncServerUrl(window.location), workshopBoardDocName(workshopId, boardId), doc, { params: { token } })
    // Watching is not being there: nobody sees the facilitator in the room for this.
    provider.awareness.setLocalState(null)
    const records = recordsOf(doc)
    let timer: ReturnType<typeof setTimeout> | undefined
    const draw = (): void => {
      try {
        const values = [...records.map.values()].map((entry) => entry.val)
        setPicture({ loaded: true, ...boardResults(values) })
      } catch (error) {
        // A room's odd content must not take the overview or the gallery down.
        console.warn('werkraum: room outline failed', error)
      }
    }
    const redraw = (): void => {
      if (timer !== undefined) return
      timer = setTimeout(() => {
        timer = undefined
        draw()
      }, REDRAW_MS)
    }
    // The first picture as soon as the board is there; later ones at most every REDRAW_MS.
    const synced = (isSynced: boolean): void => {
      if (isSynced) draw()
    }
    provider.on('sync', synced)
    doc.on('update', redraw)
    return () => {
      if (timer !== undefined) clearTimeout(timer)
      provider.off('sync', synced)
      doc.off('update', redraw)
      provider.destroy()
      doc.destroy()
    }
  }, [workshopId, boardId, token])
  return picture
}

/** The outline of a room's board as one image, labelled with the room and how much is on it. */
export function RoomOutline({ picture, title }: { readonly picture: RoomBoardPicture; readonly title: string }) {
  const { t } = useTranslation()
  const { outline: boxes, shapes } = picture
  if (!picture.loaded || boxes.length === 0) {
    const text = picture.loaded ? t('rooms.emptyBoard') : t('rooms.loadingBoard')
    return (
      <div className="room-thumbnail room-thumbnail--empty" role="img" aria-label={picture.loaded ? t('rooms.thumbnail', { title, count: 0 }) : text} data-testid="room-thumbnail" data-shapes={0} data-loaded={picture.loaded}>
        {text}
      </div>
    )
  }
  const label = t('rooms.thumbnail', { title, count: shapes })
  // Frames first: they are backgrounds, and must not hide what lies in or on them.
  const ordered = [...boxes.filter((b) => b.kind === 'frame'), ...boxes.filter((b) => b.kind !== 'frame')]
  const { minX, minY, maxX, maxY } = extent(boxes)
  const pad = Math.max(maxX - minX, maxY - minY) * 0.04
  return (
    <svg className="room-thumbnail" role="img" aria-label={label} viewBox={`${minX - pad} ${minY - pad} ${maxX - minX + 2 * pad} ${maxY - minY + 2 * pad}`} data-testid="room-thumbnail" data-shapes={shapes} data-loaded={true}>
      {ordered.map((b, i) => (
        <rect key={i} x={b.x} y={b.y} width={b.w} height={b.h} className={`thumb-${b.kind}`} vectorEffect="non-scaling-stroke" />
      ))}
    </svg>
  )
}

/** A live outline of one room's board for the facilitator's overview. */
export function RoomThumbnail({ workshopId, boardId, token, title }: { readonly workshopId: string; readonly boardId: string; readonly token: string; readonly title: string }) {
  return <RoomOutline picture={useRoomBoard(workshopId, boardId, token)} title={title} />
}
