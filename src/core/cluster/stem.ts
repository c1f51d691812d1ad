/**
 * Light English stemmer: folds plurals and -ing/-ed/-ly forms onto one stem so that
 * "released", "releases" and "releasing" meet. It does not aim at linguistic roots, only
 * at mapping the inflections of one word to one key, consistently.
 */
export function stemEnglish(word: string): string {
  let w = word;
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2);
  else if (w.endsWith('es') && w.length > 4 && /(ch|sh|x|z|ss)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  // Undo doubled consonants left by -ing/-ed ("stopped" → "stopp" → "stop").
  if (/([bdfgmnprt])\1$/.test(w)) w = w.slice(0, -1);
  // A trailing e is dropped so "release" and "releas(ed)" meet.
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}
