/**
 * The optional sound when time is up: two soft tones made in the browser
 * (no sound file to load, nothing from another origin). Off unless the
 * person turns it on; the choice is remembered on this device.
 */
import { useCallback, useState } from 'react'

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
    setOn(next)
    try {
      localStorage.setItem(STORAGE_KEY, next ? 'on' : 'off')
    } catch {
      // Kept for this page only.
    }
  }, [])
  return [on, set]
}

export function playEndSound(): void {
  try {
    const context = new AudioContext()
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
    setTimeout(() => void context.close(), 1000)
  } catch {
    // No audio on this device; the visual and spoken signals remain.
  }
}
