/**
 * Random board names that people can read aloud in a video call
 * ("mutige-wiese-k7m2qx"). Boards are open to anyone who knows the name, so
 * the random tail carries the secrecy: 6 characters from a 31-letter
 * alphabet (about 8.9·10^8) times 24·24 word pairs ≈ 5·10^11 names.
 */

const ADJECTIVES = [
  'blaue', 'bunte', 'frische', 'gruene', 'helle', 'klare', 'kluge', 'leise',
  'mutige', 'neue', 'offene', 'ruhige', 'runde', 'sonnige', 'stille', 'warme',
  'weite', 'wache', 'zarte', 'flinke', 'heitere', 'lichte', 'sanfte', 'starke',
] as const

const NOUNS = [
  'wiese', 'bruecke', 'eiche', 'quelle', 'werkstatt', 'allee', 'insel', 'linde',
  'muehle', 'buehne', 'welle', 'wolke', 'halle', 'laube', 'gasse', 'lichtung',
  'terrasse', 'scheune', 'pforte', 'ufer', 'weide', 'bucht', 'kuppel', 'warte',
] as const

// No 0/o, 1/l/i: easy to dictate and to type.
const TAIL_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'
const TAIL_LENGTH = 6

function pick<T>(list: readonly T[], n: number): T {
  const item = list[n % list.length]
  if (item === undefined) throw new Error('empty word list')
  return item
}

/** `randomValues` fills an array with random integers; injectable for tests. */
export function randomBoardName(
  randomValues: (array: Uint32Array) => Uint32Array = (array) => crypto.getRandomValues(array),
): string {
  const values = randomValues(new Uint32Array(2 + TAIL_LENGTH))
  const n = (i: number): number => values[i] ?? 0
  let tail = ''
  for (let i = 0; i < TAIL_LENGTH; i++) tail += pick([...TAIL_ALPHABET], n(2 + i))
  return `${pick(ADJECTIVES, n(0))}-${pick(NOUNS, n(1))}-${tail}`
}
