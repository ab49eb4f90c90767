/**
 * Join codes: short enough to read aloud and type, with no characters that
 * look alike (no 0/O, no 1/I/l), and long enough that, with the server's rate
 * limit on wrong guesses, nobody finds one by trying.
 */

/** 32 characters: digits 2–9 and capital letters without I and O. Lower-case input is accepted. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
/** 32^7 ≈ 3.4 · 10^10 codes. */
export const JOIN_CODE_LENGTH = 7

/**
 * A new join code. `randomIndex(n)` must return a uniformly random integer in
 * [0, n) from a cryptographic source (the server passes `crypto.randomInt`).
 */
export function generateJoinCode(randomIndex: (n: number) => number): string {
  let code = ''
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomIndex(JOIN_CODE_ALPHABET.length)]
  return code
}

/**
 * The code a person typed, in canonical form, or undefined if it cannot be a
 * join code. Spaces and dashes (as in the displayed "ABC-DEFG") are ignored,
 * case does not matter.
 */
export function normaliseJoinCode(typed: string): string | undefined {
  if (typed.length > 32) return undefined
  const code = typed.replace(/[\s-]/g, '').toUpperCase()
  if (code.length !== JOIN_CODE_LENGTH) return undefined
  for (const c of code) if (!JOIN_CODE_ALPHABET.includes(c)) return undefined
  return code
}

/** The code as shown and read aloud: "ABC-DEFG". */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 3)}-${code.slice(3)}`
}
