// Values unique to one run, so a test finds what it made itself among the demo data and the
// leftovers of earlier runs on the same database.
/** A short id for this run: base-36 time and a random number. */
export function runId(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
}

const kanaPool = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ';

/** Random katakana, for a furigana field (it takes kana only, so a run id cannot go there). */
export function uniqueKana(length: number): string {
  let kana = '';
  for (let index = 0; index < length; index++) kana += kanaPool[Math.floor(Math.random() * kanaPool.length)];
  return kana;
}

// Uncommon kanji, so a random pair names this run's record and (almost surely) nothing in the seed.
const kanjiPool = '桜梅桃杏椿楓萩菫蓮菖葵柊槙樫楠檜欅榎朴椋鷺鶴鷹燕雀鴎雫虹霞霜雹';

/** Two different uncommon kanji in random order: a two-character Japanese search keyword. */
export function uniqueKeyword(): string {
  const pick = () => kanjiPool[Math.floor(Math.random() * kanjiPool.length)];
  let first = pick();
  let second = pick();
  while (second === first) second = pick();
  if (Math.random() < 0.5) [first, second] = [second, first];
  return `${first}${second}`;
}

/** A Tokyo phone number (03-xxxx-xxxx) with random digits. */
export function randomPhone(): string {
  const four = () => String(Math.floor(Math.random() * 9000) + 1000);
  return `03-${four()}-${four()}`;
}
