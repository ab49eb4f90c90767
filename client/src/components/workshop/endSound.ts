/**
 * The optional sound when time is up: two soft tones made in the browser
 * (no sound file to load, nothing from another origin). Off unless the
 * person turns it on; the choice is remembered on this device.
 */
import { useCallback, useEffect, useState } from 'react'

const STORAGE_KEY = 'werkraum.timerSound'

export function useSoundPreference(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => {
    try {
      return localStorage.getItem(STORAGE_KEY) === 'on'
    } catch {
      return false
    }
  })
  const set = useCallback((next: boolean) => {
    if (next) unlockSound()
    setOn(next)
    try {
      localStorage.setItem(STORAGE_KEY, next ? 'on' : 'off')
    } catch {
      // Kept for this page only.
    }
  }, [])
  // Turned on in an earlier visit: the first click on the page lets the sound play later.
  useEffect(() => {
    if (!on) return
    document.addEventListener('pointerdown', unlockSound, { once: true })
    return () => document.removeEventListener('pointerdown', unlockSound)
  }, [on])
  return [on, set]
}

/**
 * One audio context for the page, made (or woken) when the person turns the
 * sound on: browsers let a page play sound only after a click.
 */
let shared: AudioContext | undefined

export function unlockSound(): void {
  try {
    shared ??= new AudioContext()
    void shared.resume()
  } catch {
    // No audio on this device.
  }
}

export async function playEndSound(): Promise<void> {
  try {
    shared ??= new AudioContext()
    const context = shared
    await context.resume()
    const start = context.currentTime
    for (const [offset, frequency] of [
      [0, 660],
      [0.35, 880],
    ] as const) {
      const oscillator = context.createOscillator()
      const gain = context.createGain()
      oscillator.frequency.value = frequency
      gain.gain.setValueAtTime(0.0001, start + offset)
      gain.gain.exponentialRampToValueAtTime(0.15, start + offset + 0.05)
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.3)
      oscillator.connect(gain).connect(context.destination)
      oscillator.start(start + offset)
      oscillator.stop(start + offset + 0.32)
    }
  } catch {
    // No audio on this device; the visual and spoken signals remain.
  }
}
