/**
 * When do two answers "still say the same thing"? The measure behind Compare's "Wording only"
 * (docs/compare-verdicts.md): the overlap coefficient (Szymkiewicz–Simpson) of the two texts'
 * content words,
 *
 *     |A ∩ B| / min(|A|, |B|)
 *
 * where A and B are the sets of lower-cased words (Unicode letters and digits, so "40" and "Olá"
 * count) minus a short list of English function words. The overlap coefficient, not Jaccard,
 * because a re-recorded answer is often a shorter or longer version of the same one ("It's 40°C in
 * Florence." against "The weather in Florence, Italy is 40°C (104°F). Stay hydrated!"), and
 * Jaccard punishes the extra sentence. A length guard keeps a one-word answer from "saying the
 * same" as a paragraph that happens to contain that word.
 *
 * Calibrated on the corpus (tests/fixtures/corpus/go-vcr-v2/fantasy: the same tests recorded
 * against 20 models, so the same question answered many ways): pairs of final answers to the same
 * question (621 pairs) have a median of 0.71 and 68% reach 0.5 (most of the rest are "Olá!"
 * against a paragraph, which the length guard sends to "behaviour changed"); the 1,388 pairs of
 * answers to different questions (greeting, weather, arithmetic) never exceed 0.25. Hence the
 * threshold 0.5, well clear of unrelated answers. tests/corpus/text-similarity-calibration.test.ts
 * re-checks this; core/diff/text-similarity.test.ts pins examples on both sides.
 */

/** At or above this, two texts say the same thing (see above). */
export const SAME_MEANING_THRESHOLD = 0.5;
/** The shorter text must hold at least this share of the longer one's content words. */
const MIN_LENGTH_RATIO = 0.2;

const FUNCTION_WORDS = new Set(
  'a an the is are was were be been of in on to and or for it its s that this with you your i me my we as at by from so but not do does if then than there here will can'.split(
    ' ',
  ),
);

/** The content words of a text, lower-cased, as a set. */
export function contentWords(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(words.filter((word) => !FUNCTION_WORDS.has(word)));
}

/**
 * The overlap coefficient of the two texts' content words, from 0 (nothing shared) to 1; 0 too
 * when one text is under a fifth of the other's length in content words. Equal texts are 1.
 */
export function textSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const wordsA = contentWords(a);
  const wordsB = contentWords(b);
  const smaller = Math.min(wordsA.size, wordsB.size);
  const larger = Math.max(wordsA.size, wordsB.size);
  // Only punctuation or function words on both sides ("OK." against "Ok!"): nothing to tell apart.
  if (larger === 0) return 1;
  if (smaller === 0 || smaller / larger < MIN_LENGTH_RATIO) return 0;
  let shared = 0;
  for (const word of wordsA) if (wordsB.has(word)) shared++;
  return shared / smaller;
}

/** True when the two texts still say the same thing by the measure above. */
export function saysTheSameThing(a: string, b: string): boolean {
  return textSimilarity(a, b) >= SAME_MEANING_THRESHOLD;
}
